#pragma once
// The instance's settings as the administration page, the API and the CLI change them, and as
// every page, e-mail and report reads them: today the hospital's identity (core/hospital_identity).
// Read from the store at most every few seconds (several instances may share a PostgreSQL
// database: a change made on one shows on the others within kRefreshSeconds), kept in memory in
// between so that pages pay nothing for it.
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/actor.hpp"
#include "core/hospital_identity.hpp"
#include "core/result.hpp"
#include "store/repositories.hpp"

namespace cyberachat::services {

// What an administrator changes; nullopt: unchanged.
struct IdentityChange {
    std::optional<std::string> name;           // "" : back to "Cyberachat"
    std::optional<std::string> contact_email;  // "" : none
    std::optional<std::string> logo_png;       // the PNG's bytes
    bool remove_logo = false;                  // wins over logo_png
};

class InstanceSettingsService {
public:
    static constexpr int kRefreshSeconds = 5;

    explicit InstanceSettingsService(store::Store& store) : store_(store) {}

    // The current identity (the last one read if the store cannot be read now).
    HospitalIdentity identity();
    // The logo's PNG bytes (empty without logo).
    std::shared_ptr<const std::string> logo_png();
    // Checks every field first (core/hospital_identity): "invalid_value" with the payload
    // {"fields": {field: message}} and nothing stored; else one journalled transaction.
    Result<HospitalIdentity> update_identity(IdentityChange change, const Actor& actor);

private:
    struct Snapshot {
        HospitalIdentity identity;
        std::shared_ptr<const std::string> logo_png = std::make_shared<const std::string>();
    };
    Snapshot current();  // refreshed when older than kRefreshSeconds
    Result<Snapshot> read_snapshot();

    store::Store& store_;
    std::mutex mutex_;
    std::optional<Snapshot> snapshot_;
    std::chrono::steady_clock::time_point read_at_{};
};

}  // namespace cyberachat::services
