// The instance's settings: one row per named value, changed in one transaction and journalled.
#include "store/internal.hpp"
#include "store/repositories.hpp"

namespace cyberachat::store {

namespace {

// What the journal keeps of a setting's value: the value, or only its length when it is long
// (the logo's base64: the journal says it changed, its hash setting says into what).
std::string journalled_setting_value(const std::optional<std::string>& value) {
    if (!value) return {};
    if (value->size() <= 200) return *value;
    return "(" + std::to_string(value->size()) + " caractères)";
}

}  // namespace

Result<std::map<std::string, std::string>> InstanceSettingRepository::values(const std::vector<std::string>& names) {
    std::map<std::string, std::string> out;
    TRY(db_->read([&](soci::session& sql) {
        for (const std::string& name : names) {
            std::string value;
            soci::indicator ind = soci::i_null;
            sql << "SELECT value FROM instance_settings WHERE name = :name", soci::use(name), soci::into(value, ind);
            if (ind == soci::i_ok) out[name] = std::move(value);
        }
    }));
    return out;
}

Result<void> InstanceSettingRepository::apply(const std::map<std::string, std::optional<std::string>>& changes,
                                              const Actor& actor) {
    return db_->write([&](soci::session& sql) -> Result<void> {
        const std::string now = now_iso();
        const std::string by = detail::journal_actor(sql, actor.name);  // "user:#id": erased with the account's name
        for (const auto& [name, value] : changes) {
            std::string stored;
            soci::indicator ind = soci::i_null;
            sql << "SELECT value FROM instance_settings WHERE name = :name", soci::use(name), soci::into(stored, ind);
            const std::optional<std::string> before =
                ind == soci::i_ok ? std::optional<std::string>(stored) : std::nullopt;
            if (before == value) continue;
            if (!value)
                sql << "DELETE FROM instance_settings WHERE name = :name", soci::use(name);
            else if (before)
                sql << "UPDATE instance_settings SET value = :value, updated_at = :now, updated_by = :actor "
                       "WHERE name = :name",
                    soci::use(*value), soci::use(now), soci::use(by), soci::use(name);
            else
                sql << "INSERT INTO instance_settings (name, value, updated_at, updated_by) "
                       "VALUES (:name, :value, :now, :actor)",
                    soci::use(name), soci::use(*value), soci::use(now), soci::use(by);
            detail::append_event(sql, actor, "instance", 0, "update", name, journalled_setting_value(before),
                                 journalled_setting_value(value));
        }
        return {};
    });
}

}  // namespace cyberachat::store
