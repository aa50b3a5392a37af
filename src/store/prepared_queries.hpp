#pragma once
// Prepared statements kept per pooled connection, for the reads every page makes (the session, the
// response, the purchase, the answers, the documents). Preparing a statement — SQLite parsing and
// planning its SQL — cost more than running it; SOCI prepares anew each time. Internal to src/store.
//
// Database::read() hands its work a pooled connection and makes that connection's cache current
// for the thread; select_rows() uses it when the session it is given is that connection (reads),
// and prepares a one-off statement otherwise (inside write transactions). A cached statement is
// reset after each use, so it never holds a read snapshot open between requests: each run sees
// every commit made before it.
#include <functional>
#include <memory>
#include <string>
#include <typeinfo>
#include <unordered_map>

#include "store/engine.hpp"
#include "store/soci.hpp"

namespace cyberachat::store::detail {

class CachedStatement {
public:
    virtual ~CachedStatement() = default;
};

// The statements prepared on one pooled connection, by SQL text.
class PreparedQueries {
public:
    explicit PreparedQueries(soci::session& connection) : connection_(connection) {}
    soci::session& connection() const { return connection_; }

    template <class Statement>
    Statement& get(const std::string& query) {
        auto& slot = statements_[query];
        if (!slot) slot = std::make_unique<Statement>(connection_, query);
        return dynamic_cast<Statement&>(*slot);
    }

private:
    soci::session& connection_;
    std::unordered_map<std::string, std::unique_ptr<CachedStatement>> statements_;
};

// The cache of the connection the current thread's Database::read() is running on, if `sql` is it.
PreparedQueries* prepared_queries_for(soci::session& sql);

// Makes `queries` current for this thread while alive (Database::read).
class CurrentPreparedQueries {
public:
    explicit CurrentPreparedQueries(PreparedQueries* queries);
    ~CurrentPreparedQueries();
    CurrentPreparedQueries(const CurrentPreparedQueries&) = delete;
    CurrentPreparedQueries& operator=(const CurrentPreparedQueries&) = delete;

private:
    PreparedQueries* previous_;
};

// A SELECT with one bound key whose columns fill a Row (Row::bind(prepare_temp_type&)).
template <class Row, class Key>
class PreparedSelect : public CachedStatement {
public:
    PreparedSelect(soci::session& sql, const std::string& query)
        : engine_(engine_of(sql)), statement_(prepare(sql, query)) {}

    template <class OnRow>
    void run(const Key& key, OnRow&& on_row, bool first_only) {
        key_ = key;
        struct Finish {
            soci::statement& statement;
            Engine engine;
            ~Finish() { finish_statement(statement, engine); }
        } finish{statement_, engine_};
        if (!statement_.execute(true)) return;
        do {
            on_row(static_cast<const Row&>(row_));
            if (first_only) return;
        } while (statement_.fetch());
    }

private:
    soci::details::prepare_temp_type prepare(soci::session& sql, const std::string& query) {
        soci::details::prepare_temp_type prepared = sql.prepare << query;
        row_.bind(prepared);
        prepared, soci::use(key_);
        return prepared;
    }

    Row row_;  // bound by address: declared (so built) before the statement
    Key key_{};
    Engine engine_;
    soci::statement statement_;
};

// Runs `query` with `key` bound, calling on_row(const Row&) for each row (only the first when
// `first_only`): prepared once per pooled connection when possible, else for this call.
template <class Row, class Key, class OnRow>
void select_rows(soci::session& sql, const std::string& query, const Key& key, OnRow&& on_row, bool first_only = false) {
    if (PreparedQueries* queries = prepared_queries_for(sql)) {
        queries->get<PreparedSelect<Row, Key>>(query).run(key, on_row, first_only);
        return;
    }
    Row row;
    Key bound = key;
    soci::details::prepare_temp_type prepared = sql.prepare << query;
    row.bind(prepared);
    prepared, soci::use(bound);
    soci::statement statement(prepared);
    if (!statement.execute(true)) return;
    do {
        on_row(static_cast<const Row&>(row));
        if (first_only) return;
    } while (statement.fetch());
}

}  // namespace cyberachat::store::detail
