#include "store/internal.hpp"

#include "store/engine.hpp"

#include <sqlite3.h>

#include <chrono>
#include <mutex>
#include <ctime>
#include <iostream>

namespace cyberachat::store::detail {


namespace {

std::string message_of(const std::exception& e) {
    if (const auto* soci_error = dynamic_cast<const soci::soci_error*>(&e))
        return soci_error->get_error_message();  // without the query's bound values
    return e.what();
}

}  // namespace

void configure_sqlite_library() {
    static std::once_flag once;
    std::call_once(once, [] { sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

Error storage_error(const std::exception& e) {
    const std::string message = message_of(e);
    return Error::make(ErrorCode::storage, "Erreur de stockage : " + message, "Storage error: " + message);
}

Error storage_error(std::string_view what_fr, std::string_view what_en) {
    return Error::make(ErrorCode::storage, std::string(what_fr), std::string(what_en));
}

void log_read_error(std::string_view where, const std::exception& e) {
    std::cerr << "cyberachat: database read failed (" << where << "): " << message_of(e) << '\n';
}

Error database_error(const std::exception& e) {
    switch (classify_failure(e)) {
        case Failure::unique_violation:
            return Error::make(ErrorCode::conflict, "Cet enregistrement existe déjà.", "This record already exists.");
        case Failure::foreign_key_violation:
            return Error::make(ErrorCode::invalid_value, "Référence à un enregistrement inexistant.",
                               "Reference to a missing record.");
        case Failure::other: break;
    }
    return storage_error(e);
}

Error not_found(std::string_view what_fr, std::string_view what_en) {
    return Error::make(ErrorCode::not_found, std::string(what_fr) + " introuvable.", std::string(what_en) + " not found.");
}

Error conflict(std::string_view fr, std::string_view en) {
    return Error::make(ErrorCode::conflict, std::string(fr), std::string(en));
}

Error invalid(std::string_view fr, std::string_view en) {
    return Error::make(ErrorCode::invalid_value, std::string(fr), std::string(en));
}

std::string iso_from_time(long long seconds_since_epoch) {
    const std::time_t t = static_cast<std::time_t>(seconds_since_epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

std::string iso_seconds_ago(long long seconds) {
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    return iso_from_time(static_cast<long long>(now) - seconds);
}

std::string json_text(std::string_view text) {
    return nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void write_deadline_extension(soci::session& sql, const char* table, const char* entity, Id id, std::string& deadline_member,
                              std::string& updated_at_member, const std::string& deadline, const std::string& reason,
                              const Actor& actor) {
    const std::string before = deadline_member;
    deadline_member = deadline;
    updated_at_member = now_iso();
    long long key = id;
    sql << std::string("UPDATE ") + table + " SET deadline = :deadline, updated_at = :updated_at WHERE id = :id",
        soci::use(deadline_member), soci::use(updated_at_member), soci::use(key);
    append_event(sql, actor, entity, id, "extend_deadline", "deadline", json_text(before),
                 nlohmann::json{{"deadline", deadline}, {"reason", reason}}.dump());
}

Error invalid_deadline() {
    return invalid("Date limite invalide (AAAA-MM-JJ ou AAAA-MM-JJTHH:MM).", "Invalid deadline (YYYY-MM-DD or YYYY-MM-DDTHH:MM).");
}

}  // namespace cyberachat::store::detail
