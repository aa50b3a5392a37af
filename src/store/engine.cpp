#include "store/engine.hpp"

#include <sqlite3.h>

#include <algorithm>

#include "store/internal.hpp"
#include "store/prepared_queries.hpp"

namespace cyberachat::store {

std::string_view engine_name(Engine engine) {
    switch (engine) {
        case Engine::sqlite: return "sqlite";
        case Engine::postgresql: return "postgresql";
    }
    return "sqlite";
}

Result<Engine> engine_of_url(std::string_view url) {
    if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) return Engine::postgresql;
    return Error::make(ErrorCode::invalid_value,
                       "Base de données non reconnue : --database attend une adresse postgresql://… "
                       "(la base SQLite intégrée se choisit avec --data DOSSIER).",
                       "Unknown database: --database expects a postgresql://… URL "
                       "(the embedded SQLite database is chosen with --data DIR).");
}

std::string redact_database_url(std::string_view url) {
    std::string redacted(url);
    const size_t scheme = redacted.find("://");
    if (scheme == std::string::npos) return redacted;
    const size_t authority = scheme + 3;
    const size_t end = redacted.find_first_of("/?", authority);
    const size_t at = redacted.rfind('@', end == std::string::npos ? redacted.size() : end);
    if (at != std::string::npos && at >= authority) {
        const size_t colon = redacted.find(':', authority);
        if (colon != std::string::npos && colon < at) redacted.replace(colon + 1, at - colon - 1, "***");
    }
    // libpq also takes the password as a parameter: …?host=…&password=secret → password=***.
    constexpr std::string_view key = "password=";
    for (size_t parameter = redacted.find('?'); parameter != std::string::npos;
         parameter = redacted.find('&', parameter)) {
        ++parameter;
        if (redacted.compare(parameter, key.size(), key) != 0) continue;
        const size_t value = parameter + key.size();
        const size_t value_end = std::min(redacted.find('&', value), redacted.size());
        redacted.replace(value, value_end - value, "***");
    }
    return redacted;
}

namespace detail {

Engine engine_of(soci::session& sql) {
    return sql.get_backend_name() == "postgresql" ? Engine::postgresql : Engine::sqlite;
}

void connect(soci::session& sql, Engine engine, const std::string& target) {
    switch (engine) {
        case Engine::sqlite: {
            configure_sqlite_library();
            sql.open(soci::sqlite3, "db=\"" + target + "\"");
            // Per connection, except journal_mode which the file keeps.
            std::string mode;
            sql << "PRAGMA journal_mode=WAL", soci::into(mode);
            sql << "PRAGMA synchronous=FULL";
            sql << "PRAGMA foreign_keys=ON";
            int timeout = 0;
            sql << "PRAGMA busy_timeout=10000", soci::into(timeout);
            return;
        }
        case Engine::postgresql:
            sql.open(soci::postgresql, target);
            // Times are written by the program (ISO-8601 text, UTC); text compares byte by byte.
            sql << "SET TIME ZONE 'UTC'";
            // A write waits for the writers' lock at most this long, then fails as "storage".
            sql << "SET lock_timeout = '30s'";
            // No NOTICE on stderr ("relation … already exists, skipping" at every start).
            sql << "SET client_min_messages = WARNING";
            return;
    }
}

void begin_exclusive_write(soci::session& sql) {
    if (engine_of(sql) == Engine::sqlite) {
        execute_prepared(sql, "BEGIN IMMEDIATE");  // a group commit's: prepared once per pooled connection
        return;
    }
    sql << "BEGIN";
    // One lock per schema: two Cyberachat databases in one PostgreSQL database do not wait for
    // each other. (The value is thrown away: a SELECT whose one column is void.)
    int ignored = 0;
    soci::indicator ind = soci::i_ok;
    sql << "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('cyberachat:' || current_schema()))) AS locked",
        soci::into(ignored, ind);
}

void begin_independent_write(soci::session& sql) {
    sql << (engine_of(sql) == Engine::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
}

Failure classify_failure(const std::exception& e) {
    if (const auto* sqlite_error = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
        if ((sqlite_error->result() & 0xff) != SQLITE_CONSTRAINT) return Failure::other;
        const std::string message = sqlite_error->get_error_message();
        return message.find("FOREIGN KEY") != std::string::npos ? Failure::foreign_key_violation
                                                                : Failure::unique_violation;
    }
    if (const auto* pg_error = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
        const std::string state = pg_error->sqlstate();
        if (state == "23505") return Failure::unique_violation;
        if (state == "23503") return Failure::foreign_key_violation;
        return Failure::other;
    }
    return Failure::other;
}

std::vector<std::string> table_columns(soci::session& sql, const std::string& table) {
    std::vector<std::string> columns;
    const std::string query =
        engine_of(sql) == Engine::sqlite
            ? "SELECT name FROM pragma_table_info(:t) ORDER BY cid"
            : "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
              "AND table_name = :t ORDER BY ordinal_position";
    soci::rowset<std::string> rows = (sql.prepare << query, soci::use(table));
    for (const auto& column : rows) columns.push_back(column);
    return columns;
}

void finish_statement(soci::statement& statement, Engine engine) {
    // SOCI's SQLite backend exports neither its type information nor reset(): its statement handle
    // is a public member, reset with SQLite's own call.
    if (engine != Engine::sqlite) return;
    auto* backend = static_cast<soci::sqlite3_statement_backend*>(statement.get_backend());
    if (backend && backend->stmt_) sqlite_api::sqlite3_reset(backend->stmt_);
}

}  // namespace detail

}  // namespace cyberachat::store
