#include "store/prepared_queries.hpp"

namespace cyberachat::store::detail {

namespace {
thread_local PreparedQueries* current_queries = nullptr;
}

PreparedQueries* prepared_queries_for(soci::session& sql) {
    return current_queries && &current_queries->connection() == &sql ? current_queries : nullptr;
}

CurrentPreparedQueries::CurrentPreparedQueries(PreparedQueries* queries) : previous_(current_queries) {
    current_queries = queries;
}

CurrentPreparedQueries::~CurrentPreparedQueries() { current_queries = previous_; }

void finish_statement(soci::statement& statement, bool sqlite) {
    // SOCI's SQLite backend exports neither its type information nor reset(): its statement handle
    // is a public member, reset with SQLite's own call.
    if (!sqlite) return;
    auto* backend = static_cast<soci::sqlite3_statement_backend*>(statement.get_backend());
    if (backend && backend->stmt_) sqlite_api::sqlite3_reset(backend->stmt_);
}

}  // namespace cyberachat::store::detail
