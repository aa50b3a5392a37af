#pragma once
// The database: SQLite (embedded default) or PostgreSQL, through SOCI, with versioned migrations
// applied at open (store/engine.hpp is the one place that knows the engine). Repositories
// (one per aggregate, in this folder) are the only users of it. Code that uses the soci::session
// given to write()/read() includes "store/soci.hpp" (not <soci/soci.h> directly: see there).
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "store/engine.hpp"

namespace soci {
class session;
}

namespace cyberachat::store {

struct PendingWrite;  // a write waiting for its group commit (database.cpp)

class Database {
public:
    // Opens or creates the SQLite file `path` (WAL mode, synchronous=FULL, foreign keys on,
    // busy timeout), then applies the pending migrations in one transaction each.
    static Result<std::shared_ptr<Database>> open_sqlite(const std::string& path, size_t pool_size = 8);
    // Test hook: the same, but applies the migrations only up to `version` (to build databases
    // as an earlier program left them, then check that a normal open migrates them).
    static Result<std::shared_ptr<Database>> open_sqlite_at_version(const std::string& path, int version,
                                                                    size_t pool_size = 2);
    // Connects `pool_size` sessions to the PostgreSQL database `url` (a libpq URL or key=value
    // string; never logged with its password), then applies the pending migrations, each in one
    // transaction under the writers' lock (instances starting together apply each one once).
    static Result<std::shared_ptr<Database>> open_postgresql(const std::string& url, size_t pool_size = 8);
    // Either engine, up to a migration (test hook, as open_sqlite_at_version).
    static Result<std::shared_ptr<Database>> open_at_version(Engine engine, const std::string& target, int version,
                                                             size_t pool_size);
    ~Database();

    int schema_version();        // highest applied migration
    static int latest_schema_version();
    Engine engine() const;

    // Runs `work` on a pooled session inside a write transaction that excludes every other writer
    // of the database, in any process (detail::begin_exclusive_write); its changes are committed when `work` returns without throwing and the
    // result is ok, undone otherwise. Returns only once durable. Concurrent writes are grouped
    // (group commit): they run one after the other in one transaction, each in a savepoint, and
    // share one commit, so a burst of saves costs one fsync rather than one each. An exception becomes an Error
    // with code "storage" ("conflict" for a unique constraint violation). `work` must use only
    // the session it is given (no nested read()/write(): the pool could run dry).
    Result<void> write(const std::function<Result<void>(soci::session&)>& work);
    // Runs `work` on a pooled session without a write transaction. Reads run concurrently with
    // each other and with the writer (WAL). An exception thrown by `work` is logged (without
    // bound values) and comes back as an Error "storage": a failed read is never taken for an
    // absent record.
    Result<void> read(const std::function<void(soci::session&)>& work);
    // Runs `work` in a transaction of its own, outside the group commit and without the writers'
    // lock, committed when it returns ok: for rows no other write touches (a new document's
    // chunks on PostgreSQL, written before the document's row). Same error mapping as write().
    Result<void> write_independent(const std::function<Result<void>(soci::session&)>& work);
    // Transactions committed by write() since open (with group commit, at most one per write).
    std::uint64_t commit_count() const;

    struct Impl;

private:
    void run_batch(const std::vector<PendingWrite*>& batch);
    explicit Database(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// "2026-11-29T10:15:00Z" (UTC, seconds).
std::string now_iso();
// The same with milliseconds ("2026-11-29T10:15:00.123Z"), for times that must order events of one second.
std::string now_iso_millis();

// Migrations (migrations.cpp): the schema as data, one list of statements per backend.
// Applies those above the recorded version and up to `up_to`, each in its own transaction;
// returns the version reached. Error "storage" if the database is newer than this program.
Result<int> apply_migrations(soci::session& sql, int up_to);
// Highest applied migration (0 for an empty database).
int applied_schema_version(soci::session& sql);

}  // namespace cyberachat::store
