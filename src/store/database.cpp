#include <cstdio>
#include "store/database.hpp"

#include "store/prepared_queries.hpp"
#include "core/blocking_wait.hpp"
#include "core/thread_signal.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <vector>

#include "store/internal.hpp"
#include "store/soci.hpp"

namespace cyberachat::store {

namespace {

void rollback_quietly(soci::session& sql) {
    try {
        sql << "ROLLBACK";
    } catch (const std::exception&) {
        // No transaction left (SQLite rolls back by itself after some errors): nothing to undo.
    }
}

// One of the batch's own statements (its savepoints, its commit): on SQLite, prepared once per
// pooled connection (SOCI would parse it anew each time: two savepoints per write of a batch); on
// PostgreSQL, sent as it is.
void run_batch_statement(soci::session& sql, const std::string& statement) {
    if (detail::engine_of(sql) == Engine::sqlite) detail::execute_prepared(sql, statement);
    else sql << statement;
}

}  // namespace

struct PendingWrite {
    const std::function<Result<void>(soci::session&)>* work;
    Result<void> result;
    ThreadSignal* signal = nullptr;  // the writer's: raised once, when done or named the leader
    bool done = false;  // committed (or failed): `result` holds
    bool lead = false;  // to run the next batch
};

// Largest number of writes committed together (bounds the latency of the first one).
constexpr size_t kMaxBatch = 128;

struct Database::Impl {
    Impl(Engine engine_, std::string where_, size_t size)
        : engine(engine_), where(std::move(where_)), pool(size), pool_size(size), prepared(size) {}
    Engine engine;
    std::string where;  // for logs: the file, or the URL without its password
    soci::connection_pool pool;
    size_t pool_size;
    // Statements prepared on each pooled connection (by pool position; used by its lease holder
    // only). Declared after the pool: destroyed before the connections they belong to.
    std::vector<std::unique_ptr<detail::PreparedQueries>> prepared;
    // Group commit: writers queue their work; one of them (the leader) runs everything queued in
    // one transaction, each work in its own savepoint, and commits once (one fsync for the batch).
    // Then it wakes each writer of the batch, and hands the lead to the first one queued meanwhile:
    // every writer is woken once (a shared condition variable woke them all at each commit).
    std::mutex queue_mutex;
    std::deque<PendingWrite*> queue;
    bool leader_active = false;  // a leader is running a batch, or has been named
    std::atomic<std::uint64_t> commits{0};
};

namespace {

// A pooled connection for one read or one batch of writes, its prepared statements current for
// the thread meanwhile; given back to the pool at the end.
class LeasedConnection {
public:
    LeasedConnection(soci::connection_pool& pool, std::vector<std::unique_ptr<detail::PreparedQueries>>& prepared)
        : lease_{pool, pool.lease()}, current_(queries_of(prepared)) {}
    soci::session& sql() { return lease_.pool.at(lease_.position); }

private:
    struct Lease {
        soci::connection_pool& pool;
        size_t position;
        ~Lease() { pool.give_back(position); }
    };
    detail::PreparedQueries* queries_of(std::vector<std::unique_ptr<detail::PreparedQueries>>& prepared) {
        auto& queries = prepared.at(lease_.position);
        if (!queries) queries = std::make_unique<detail::PreparedQueries>(sql());
        return queries.get();
    }

    Lease lease_;  // first: given back after the statements stop being current
    detail::CurrentPreparedQueries current_;
};

}  // namespace

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::~Database() = default;

Result<std::shared_ptr<Database>> Database::open_sqlite(const std::string& path, size_t pool_size) {
    return open_sqlite_at_version(path, latest_schema_version(), pool_size);
}

Result<std::shared_ptr<Database>> Database::open_sqlite_at_version(const std::string& path, int version,
                                                                   size_t pool_size) {
    if (path.empty() || path.find('"') != std::string::npos)
        return detail::invalid("Chemin de base de données invalide.", "Invalid database path.");
    return open_at_version(Engine::sqlite, path, version, pool_size);
}

Result<std::shared_ptr<Database>> Database::open_postgresql(const std::string& url, size_t pool_size) {
    return open_at_version(Engine::postgresql, url, latest_schema_version(), pool_size);
}

Result<std::shared_ptr<Database>> Database::open_at_version(Engine engine, const std::string& target, int version,
                                                            size_t pool_size) {
    if (pool_size == 0) pool_size = 1;
    auto impl = std::make_unique<Impl>(engine, engine == Engine::sqlite ? target : redact_database_url(target),
                                       pool_size);
    try {
        for (size_t i = 0; i < pool_size; ++i) {
            soci::session& sql = impl->pool.at(i);
            detail::connect(sql, engine, target);
            if (i == 0) {
                auto migrated = apply_migrations(sql, version);
                if (!migrated) return migrated.error();
            }
        }
    } catch (const std::exception& e) {
        return detail::storage_error(e);
    }
    return std::shared_ptr<Database>(new Database(std::move(impl)));
}

int Database::schema_version() {
    int version = 0;
    (void)read([&](soci::session& sql) { version = applied_schema_version(sql); });  // 0 when unreadable
    return version;
}

Engine Database::engine() const { return impl_->engine; }

Result<void> Database::write(const std::function<Result<void>(soci::session&)>& work) {
    // For the writer's lock and the commit's fsync, the request gives its turn to the next one; what
    // follows a commit is the request's answer, sent without waiting for a turn again.
    const BlockingWait waiting_for_the_disk(BlockingWait::Then::finish_without_a_turn);
    PendingWrite mine{&work, {}, &ThreadSignal::of_this_thread()};
    {
        std::lock_guard lock(impl_->queue_mutex);
        impl_->queue.push_back(&mine);
        // No leader: the queue was empty (a leader leaves only when nothing is queued); lead.
        if (!impl_->leader_active) impl_->leader_active = mine.lead = true;
    }
    // Until committed, or named the next leader; the thread's signal is shared with its other waits
    // (the request gate's), so a wake-up is checked against the queue's state, under its lock.
    for (bool woken_for_this = mine.lead; !woken_for_this;) {
        mine.signal->wait();
        std::lock_guard lock(impl_->queue_mutex);
        woken_for_this = mine.done || mine.lead;
    }
    if (mine.done) return std::move(mine.result);

    // Lead: take what is queued (this write first), run it outside the lock, then wake the writers.
    std::vector<PendingWrite*> batch;
    {
        std::lock_guard lock(impl_->queue_mutex);
        while (!impl_->queue.empty() && batch.size() < kMaxBatch) {
            batch.push_back(impl_->queue.front());
            impl_->queue.pop_front();
        }
    }
    run_batch(batch);
    // The writers' signals, taken under the lock: once `done` is set, a writer may see it and be gone.
    std::vector<ThreadSignal*> to_wake;
    to_wake.reserve(batch.size());
    {
        std::lock_guard lock(impl_->queue_mutex);
        for (PendingWrite* write : batch) {
            write->done = true;
            if (write != &mine) to_wake.push_back(write->signal);
        }
        if (impl_->queue.empty()) {
            impl_->leader_active = false;
        } else {
            impl_->queue.front()->lead = true;
            to_wake.push_back(impl_->queue.front()->signal);
        }
    }
    for (ThreadSignal* signal : to_wake) signal->raise();  // after the lock
    return std::move(mine.result);
}

// One transaction for the whole batch. A single write runs as it is; several each run inside a
// savepoint, so a work that fails (or throws) undoes only its own changes. The commit makes them
// durable together; if it fails, every write of the batch fails.
void Database::run_batch(const std::vector<PendingWrite*>& batch) {
    // The pooled connection itself, with its prepared statements (as for reads).
    LeasedConnection leased(impl_->pool, impl_->prepared);
    soci::session& sql = leased.sql();
    try {
        detail::begin_exclusive_write(sql);
    } catch (const std::exception& e) {
        for (PendingWrite* write : batch) write->result = detail::storage_error(e);
        return;
    }
    const bool savepoints = batch.size() > 1;
    bool transaction_lost = false;
    for (PendingWrite* write : batch) {
        if (transaction_lost) {
            write->result = Error::make(ErrorCode::storage, "Erreur d'enregistrement, veuillez réessayer.",
                                        "Storage error, please try again.");
            continue;
        }
        try {
            if (savepoints) run_batch_statement(sql, "SAVEPOINT cyb_write");
            write->result = (*write->work)(sql);
        } catch (const std::exception& e) {
            write->result = detail::database_error(e);
        }
        if (!savepoints) continue;
        try {
            if (!write->result.ok()) run_batch_statement(sql, "ROLLBACK TO SAVEPOINT cyb_write");
            run_batch_statement(sql, "RELEASE SAVEPOINT cyb_write");
        } catch (const std::exception& e) {
            // SQLite rolled the whole transaction back by itself (e.g. disk full): nothing of the
            // batch survives, so the writes that had succeeded fail too.
            transaction_lost = true;
            for (PendingWrite* earlier : batch) {
                if (earlier == write) break;
                if (earlier->result.ok()) earlier->result = detail::storage_error(e);
            }
            if (write->result.ok()) write->result = detail::storage_error(e);
        }
    }
    const bool any_ok = std::any_of(batch.begin(), batch.end(), [](PendingWrite* w) { return w->result.ok(); });
    if (!any_ok || transaction_lost) {
        rollback_quietly(sql);
        return;
    }
    try {
        run_batch_statement(sql, "COMMIT");
        ++impl_->commits;
    } catch (const std::exception& e) {
        rollback_quietly(sql);
        for (PendingWrite* write : batch)
            if (write->result.ok()) write->result = detail::storage_error(e);
    }
}

std::uint64_t Database::commit_count() const { return impl_->commits.load(); }

Result<void> Database::read(const std::function<void(soci::session&)>& work) {
    // The pooled connection itself (not a lease wrapper), so that its prepared statements outlive
    // this call and are found again by the next read on it.
    LeasedConnection leased(impl_->pool, impl_->prepared);
    soci::session& sql = leased.sql();
    try {
        work(sql);
    } catch (const std::exception& e) {
        detail::log_read_error(impl_->where, e);
        return detail::storage_error(e);
    }
    return {};
}

Result<void> Database::write_independent(const std::function<Result<void>(soci::session&)>& work) {
    soci::session sql(impl_->pool);
    try {
        detail::begin_independent_write(sql);
    } catch (const std::exception& e) {
        return detail::storage_error(e);
    }
    Result<void> result;
    try {
        result = work(sql);
    } catch (const std::exception& e) {
        result = detail::database_error(e);
    }
    if (!result.ok()) {
        rollback_quietly(sql);
        return result;
    }
    try {
        sql << "COMMIT";
    } catch (const std::exception& e) {
        rollback_quietly(sql);
        return detail::storage_error(e);
    }
    return result;
}

std::string now_iso() {
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    return detail::iso_from_time(static_cast<long long>(now));
}

std::string now_iso_millis() {
    const auto now = std::chrono::system_clock::now();
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    std::string text = detail::iso_from_time(millis / 1000);  // "…:SSZ"
    char fraction[8];
    std::snprintf(fraction, sizeof fraction, ".%03dZ", static_cast<int>(millis % 1000));
    text.pop_back();
    return text + fraction;
}

}  // namespace cyberachat::store
