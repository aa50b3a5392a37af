#pragma once
// Prepared statements kept per pooled connection, for the reads every page makes (the session, the
// response, the purchase, the answers, the documents). Preparing a statement — SQLite parsing and
// planning its SQL — cost more than running it; SOCI prepares anew each time. Internal to src/store.
//
// Database::read() and Database::write() hand their work a pooled connection and make that
// connection's cache current for the thread; select_rows(), execute_prepared() and
// query_prepared_*() use it when the session they are given is that connection, and prepare a
// one-off statement otherwise (Database::write_independent, the migrations, the CLI's copies).
// The writes of an answer save (the answer, the response, its journal event) are prepared once
// per connection too: SQLite's parsing of their SQL had been a quarter of a save. A cached statement is
// reset after each use, so it never holds a read snapshot open between requests: each run sees
// every commit made before it.
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
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

// A statement of any kind with its parameters `Uses...` bound by position and, when it returns a
// row, the first one read into `Intos...` (each with its indicator): INSERT, UPDATE, one-row SELECT.
template <class IntoTuple, class UseTuple>
class PreparedStatement;

template <class... Intos, class... Uses>
class PreparedStatement<std::tuple<Intos...>, std::tuple<Uses...>> : public CachedStatement {
public:
    PreparedStatement(soci::session& sql, const std::string& query)
        : engine_(engine_of(sql)), statement_(prepare(sql, query)) {}

    // Runs with these values; true when a row came back (then in row()).
    bool run(const Uses&... values) {
        uses_ = std::tuple<Uses...>(values...);
        intos_ = std::tuple<Intos...>{};  // a NULL leaves its variable as it was: not the last run's value
        struct Finish {
            soci::statement& statement;
            Engine engine;
            ~Finish() { finish_statement(statement, engine); }
        } finish{statement_, engine_};
        const bool got_row = statement_.execute(true);
        return sizeof...(Intos) > 0 && got_row;
    }
    const std::tuple<Intos...>& row() const { return intos_; }
    bool null_at(size_t column) const { return indicators_[column] != soci::i_ok; }

private:
    soci::details::prepare_temp_type prepare(soci::session& sql, const std::string& query) {
        soci::details::prepare_temp_type prepared = sql.prepare << query;
        size_t column = 0;
        std::apply([&](auto&... into) { ((prepared, soci::into(into, indicators_[column++])), ...); }, intos_);
        std::apply([&](auto&... use) { ((prepared, soci::use(use)), ...); }, uses_);
        return prepared;
    }

    // Bound by address: declared (so built) before the statement.
    std::tuple<Intos...> intos_{};
    std::array<soci::indicator, sizeof...(Intos)> indicators_{};
    std::tuple<Uses...> uses_{};
    Engine engine_;
    soci::statement statement_;
};

// The statement for `query` on `sql`: the connection's prepared one when `sql` is the current
// pooled connection (Database::read and Database::write make it so), else `once`, prepared now.
template <class Statement>
Statement& statement_for(soci::session& sql, const std::string& query, std::optional<Statement>& once) {
    if (PreparedQueries* queries = prepared_queries_for(sql)) return queries->get<Statement>(query);
    return once.emplace(sql, query);
}

// Runs `query` (INSERT, UPDATE, DELETE) with these values bound in order.
template <class... Uses>
void execute_prepared(soci::session& sql, const std::string& query, const Uses&... values) {
    using Statement = PreparedStatement<std::tuple<>, std::tuple<Uses...>>;
    std::optional<Statement> once;
    statement_for(sql, query, once).run(values...);
}

// The first column of the first row of `query` run with these values; nullopt without a row or
// when it is NULL.
template <class Value, class... Uses>
std::optional<Value> query_prepared_value(soci::session& sql, const std::string& query, const Uses&... values) {
    using Statement = PreparedStatement<std::tuple<Value>, std::tuple<Uses...>>;
    std::optional<Statement> once;
    Statement& statement = statement_for(sql, query, once);
    if (!statement.run(values...) || statement.null_at(0)) return std::nullopt;
    return std::get<0>(statement.row());
}

// The first row of `query` run with these values (NULLs as the type's default); nullopt without a row.
template <class... Intos, class... Uses>
std::optional<std::tuple<Intos...>> query_prepared_row(soci::session& sql, const std::string& query,
                                                       const std::tuple<Uses...>& values) {
    using Statement = PreparedStatement<std::tuple<Intos...>, std::tuple<Uses...>>;
    std::optional<Statement> once;
    Statement& statement = statement_for(sql, query, once);
    if (!std::apply([&](const auto&... use) { return statement.run(use...); }, values)) return std::nullopt;
    return statement.row();
}

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
