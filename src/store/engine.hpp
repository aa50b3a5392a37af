#pragma once
// The one place that knows which database engine is underneath (SQLite, embedded default, or
// PostgreSQL): how to connect, how to open a write transaction, which failure is which, how to
// end a cached statement's run. The migrations (migrations.cpp) give each engine its statements;
// the repositories above run the same SQL on both.
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "store/soci.hpp"

namespace cyberachat::store {

enum class Engine { sqlite, postgresql };

// "sqlite" | "postgresql" (as the CLI, the docs and /healthz say it).
std::string_view engine_name(Engine engine);

// Which engine a --database value names: "postgresql://…" or "postgres://…" (a libpq URL) is
// PostgreSQL; anything else is refused (SQLite is chosen with --data DIR).
Result<Engine> engine_of_url(std::string_view url);

// A libpq URL without its password (user:secret@ → user:***@, password=secret → password=***),
// for messages and logs.
std::string redact_database_url(std::string_view url);

namespace detail {

Engine engine_of(soci::session& sql);

// Opens `sql` on `target` (a file path for SQLite, a libpq URL or key=value string for
// PostgreSQL) and applies the engine's per-connection settings. Throws soci::soci_error.
void connect(soci::session& sql, Engine engine, const std::string& target);

// Opens a write transaction that excludes every other writer of the same database, whatever the
// process: SQLite's BEGIN IMMEDIATE (the file's write lock); on PostgreSQL, BEGIN then a
// transaction-level advisory lock on the schema (several instances on one database then write
// one after the other, as several processes on one SQLite file do).
void begin_exclusive_write(soci::session& sql);
// A transaction that takes no writers' lock (PostgreSQL: rows nobody else writes, such as a new
// document's chunks); BEGIN IMMEDIATE on SQLite, where a write always takes the file's lock.
void begin_independent_write(soci::session& sql);

enum class Failure {
    unique_violation,       // a UNIQUE or PRIMARY KEY constraint
    foreign_key_violation,  // a reference to nothing
    other,
};
Failure classify_failure(const std::exception& e);

// The columns `table` has in the current schema, in their order.
std::vector<std::string> table_columns(soci::session& sql, const std::string& table);

// Ends a cached statement's run so that it holds no read snapshot (sqlite3_reset on SQLite;
// nothing to do on PostgreSQL, whose results are fetched whole).
void finish_statement(soci::statement& statement, Engine engine);

}  // namespace detail

}  // namespace cyberachat::store
