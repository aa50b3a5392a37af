#include "services/instance_settings_service.hpp"

#include <spdlog/spdlog.h>

#include "security/base64.hpp"
#include "security/secrets.hpp"

namespace cyberachat::services {

namespace {

constexpr const char* kNameSetting = "hospital.name";
constexpr const char* kContactSetting = "hospital.contact_email";
constexpr const char* kLogoSetting = "hospital.logo_png";
constexpr const char* kLogoHashSetting = "hospital.logo_sha256";

std::string setting_or_empty(const std::map<std::string, std::string>& values, const char* name) {
    auto found = values.find(name);
    return found == values.end() ? std::string() : found->second;
}

}  // namespace

Result<InstanceSettingsService::Snapshot> InstanceSettingsService::read_snapshot() {
    TRY_ASSIGN(auto values, store_.instance_settings.values({kNameSetting, kContactSetting, kLogoHashSetting}));
    Snapshot next;
    next.identity.name = setting_or_empty(values, kNameSetting);
    next.identity.contact_email = setting_or_empty(values, kContactSetting);
    next.identity.logo_sha256 = setting_or_empty(values, kLogoHashSetting);
    if (!next.identity.has_logo()) return next;
    // The logo's bytes only when they changed (its hash says so).
    {
        std::lock_guard lock(mutex_);
        if (snapshot_ && snapshot_->identity.logo_sha256 == next.identity.logo_sha256) {
            next.logo_png = snapshot_->logo_png;
            return next;
        }
    }
    TRY_ASSIGN(auto logo, store_.instance_settings.values({kLogoSetting}));
    auto bytes = security::base64_decode(setting_or_empty(logo, kLogoSetting));
    if (!bytes || security::sha256_hex(*bytes) != next.identity.logo_sha256) {
        spdlog::warn("instance settings: the stored logo does not match its hash; shown without logo");
        next.identity.logo_sha256.clear();
        return next;
    }
    next.logo_png = std::make_shared<const std::string>(std::move(*bytes));
    return next;
}

InstanceSettingsService::Snapshot InstanceSettingsService::current() {
    const auto now = std::chrono::steady_clock::now();
    {
        std::lock_guard lock(mutex_);
        if (snapshot_ && now - read_at_ < std::chrono::seconds(kRefreshSeconds)) return *snapshot_;
    }
    auto read = read_snapshot();
    std::lock_guard lock(mutex_);
    if (read) {
        snapshot_ = std::move(*read);
        read_at_ = now;
    } else {
        spdlog::warn("instance settings: cannot be read ({}); the last ones read are used", read.error().message.fr);
        if (!snapshot_) snapshot_ = Snapshot{};
        read_at_ = now;  // tried again after kRefreshSeconds, not at every page
    }
    return *snapshot_;
}

HospitalIdentity InstanceSettingsService::identity() { return current().identity; }

std::shared_ptr<const std::string> InstanceSettingsService::logo_png() { return current().logo_png; }

Result<HospitalIdentity> InstanceSettingsService::update_identity(IdentityChange change, const Actor& actor) {
    IdentityErrors errors;
    if (change.name) errors.merge(validate_hospital_name(*change.name));
    if (change.contact_email) errors.merge(validate_contact_email(*change.contact_email));
    if (change.logo_png && !change.remove_logo) errors.merge(validate_logo(*change.logo_png));
    if (!errors.empty()) {
        nlohmann::json fields = nlohmann::json::object();
        std::string summary;
        for (const auto& [field, message] : errors) {
            fields[field] = message;
            summary += (summary.empty() ? "" : " ") + message;
        }
        return Error::make(ErrorCode::invalid_value, summary).with_payload({{"fields", fields}});
    }
    std::map<std::string, std::optional<std::string>> changes;
    auto set_or_clear = [&](const char* name, const std::string& value) {
        changes[name] = value.empty() ? std::nullopt : std::optional<std::string>(value);
    };
    if (change.name) set_or_clear(kNameSetting, *change.name);
    if (change.contact_email) set_or_clear(kContactSetting, *change.contact_email);
    if (change.remove_logo) {
        changes[kLogoSetting] = std::nullopt;
        changes[kLogoHashSetting] = std::nullopt;
    } else if (change.logo_png) {
        changes[kLogoSetting] = security::base64_encode(*change.logo_png);
        changes[kLogoHashSetting] = security::sha256_hex(*change.logo_png);
    }
    TRY(store_.instance_settings.apply(changes, actor));
    {
        std::lock_guard lock(mutex_);
        snapshot_.reset();  // read again now
    }
    return identity();
}

}  // namespace cyberachat::services
