#include "core/hospital_identity.hpp"

#include "core/answer_validation.hpp"
#include "core/ascii_text.hpp"
#include "core/utf8.hpp"

namespace cyberachat {

namespace {

unsigned big_endian_32(std::string_view bytes, size_t at) {
    unsigned value = 0;
    for (size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

}  // namespace

const std::string& HospitalIdentity::shown_name() const {
    static const std::string fallback(kDefaultHospitalName);
    return name.empty() ? fallback : name;
}

std::string HospitalIdentity::logo_path() const {
    return has_logo() ? "/instance/logo.png?v=" + logo_sha256.substr(0, 16) : std::string();
}

std::optional<ImageSize> png_size(std::string_view bytes) {
    // The 8-byte signature, then the IHDR chunk first: length 13, "IHDR", width, height.
    static constexpr std::string_view kSignature("\x89PNG\r\n\x1a\n", 8);
    if (bytes.size() < 33 || bytes.substr(0, 8) != kSignature) return std::nullopt;
    if (big_endian_32(bytes, 8) != 13 || bytes.substr(12, 4) != "IHDR") return std::nullopt;
    ImageSize size{big_endian_32(bytes, 16), big_endian_32(bytes, 20)};
    if (size.width == 0 || size.height == 0) return std::nullopt;
    return size;
}

IdentityErrors validate_hospital_name(std::string& name) {
    name = std::string(trim(name));
    if (!is_valid_utf8(name)) return {{"name", "Le nom contient des caractères illisibles (encodage autre que UTF-8)."}};
    for (unsigned char c : name)
        if (c < 0x20 || c == 0x7f) return {{"name", "Le nom tient sur une ligne, sans caractère de contrôle."}};
    if (longer_than(name, kHospitalNameMaxChars))
        return {{"name", "Le nom compte " + std::to_string(kHospitalNameMaxChars) + " caractères au plus."}};
    return {};
}

IdentityErrors validate_contact_email(std::string& email) {
    email = std::string(trim(email));
    if (email.empty()) return {};
    auto checked = validate_email(email);
    if (!checked) return {{"contact_email", "Adresse e-mail invalide (exemple : securite@chu-exemple.fr)."}};
    email = *checked;
    return {};
}

IdentityErrors validate_logo(std::string_view png) {
    if (png.size() > kLogoMaxBytes)
        return {{"logo", "Le logo pèse " + std::to_string((png.size() + 1023) / 1024) + " Kio : " +
                             std::to_string(kLogoMaxBytes / 1024) + " Kio au plus."}};
    const auto size = png_size(png);
    if (!size) return {{"logo", "Le logo doit être une image PNG (convertissez un JPEG ou un SVG en PNG)."}};
    if (size->width > kLogoMaxPixels || size->height > kLogoMaxPixels)
        return {{"logo", "Le logo mesure " + std::to_string(size->width) + " × " + std::to_string(size->height) +
                             " pixels : " + std::to_string(kLogoMaxPixels) + " × " + std::to_string(kLogoMaxPixels) +
                             " au plus."}};
    return {};
}

}  // namespace cyberachat
