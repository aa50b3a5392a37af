#pragma once
// The hospital this instance serves, as vendors, e-mails and PDF reports name it: its name, a
// contact e-mail and a logo (PNG). An instance setting the administrators keep
// (services/instance_settings_service); until they do, the name is "Cyberachat".
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace cyberachat {

inline constexpr std::string_view kDefaultHospitalName = "Cyberachat";
inline constexpr size_t kHospitalNameMaxChars = 150;
inline constexpr size_t kLogoMaxBytes = 512u * 1024;
inline constexpr unsigned kLogoMaxPixels = 4096;  // width and height each

struct HospitalIdentity {
    std::string name;           // "" : not set (shown as "Cyberachat")
    std::string contact_email;  // "" : none
    std::string logo_sha256;    // hex of the logo's SHA-256, "" : no logo (the bytes are kept apart)

    const std::string& shown_name() const;  // the name, or "Cyberachat"
    bool has_logo() const { return !logo_sha256.empty(); }
    // The logo's address on this site, versioned by its hash (served immutable): "" without logo.
    std::string logo_path() const;
};

// A PNG image's size in pixels, read from its header; nullopt when the bytes are not a PNG.
struct ImageSize {
    unsigned width = 0, height = 0;
};
std::optional<ImageSize> png_size(std::string_view bytes);

// The checks of a new identity, by field ("name", "contact_email", "logo") → French message; empty
// when valid. The name is trimmed; an empty contact e-mail is allowed; the logo (when given) must
// be a PNG of at most kLogoMaxBytes and kLogoMaxPixels × kLogoMaxPixels.
using IdentityErrors = std::map<std::string, std::string>;
IdentityErrors validate_hospital_name(std::string& name);
IdentityErrors validate_contact_email(std::string& email);
IdentityErrors validate_logo(std::string_view png);

}  // namespace cyberachat
