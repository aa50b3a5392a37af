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

}  // namespace cyberachat::store::detail
