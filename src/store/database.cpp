#include "store/database.hpp"

#include <chrono>
#include <mutex>

#include "store/internal.hpp"
#include "store/soci.hpp"

namespace cyberachat::store {

namespace {

constexpr const char* kSqlite = "sqlite3";

// Every pooled SQLite connection gets the same settings (they are per connection, except
// journal_mode which the file keeps).
void configure_sqlite(soci::session& sql) {
    std::string mode;
    sql << "PRAGMA journal_mode=WAL", soci::into(mode);
    sql << "PRAGMA synchronous=FULL";
    sql << "PRAGMA foreign_keys=ON";
    int timeout = 0;
    sql << "PRAGMA busy_timeout=10000", soci::into(timeout);
}

std::string begin_statement(const std::string& backend) {
    return backend == kSqlite ? "BEGIN IMMEDIATE" : "BEGIN";
}

void rollback_quietly(soci::session& sql) {
    try {
        sql << "ROLLBACK";
    } catch (const std::exception&) {
        // No transaction left (SQLite rolls back by itself after some errors): nothing to undo.
    }
}

}  // namespace

struct Database::Impl {
    explicit Impl(std::string path_, size_t size) : path(std::move(path_)), pool(size), pool_size(size) {}
    std::string backend = kSqlite;
    std::string path;
    soci::connection_pool pool;
    size_t pool_size;
    std::mutex write_mutex;  // one writer at a time (SQLite has a single writer anyway)
};

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::~Database() = default;

Result<std::shared_ptr<Database>> Database::open_sqlite(const std::string& path, size_t pool_size) {
    return open_sqlite_at_version(path, latest_schema_version(), pool_size);
}

Result<std::shared_ptr<Database>> Database::open_sqlite_at_version(const std::string& path, int version,
                                                                   size_t pool_size) {
    if (path.empty() || path.find('"') != std::string::npos)
        return detail::invalid("Chemin de base de données invalide.", "Invalid database path.");
    if (pool_size == 0) pool_size = 1;
    auto impl = std::make_unique<Impl>(path, pool_size);
    const std::string connect = "db=\"" + path + "\"";
    try {
        for (size_t i = 0; i < pool_size; ++i) {
            soci::session& sql = impl->pool.at(i);
            sql.open(soci::sqlite3, connect);
            configure_sqlite(sql);
            if (i == 0) {
                auto migrated = apply_migrations(sql, impl->backend, version);
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
    read([&](soci::session& sql) { version = applied_schema_version(sql); });
    return version;
}

const std::string& Database::backend() const { return impl_->backend; }

Result<void> Database::write(const std::function<Result<void>(soci::session&)>& work) {
    std::lock_guard lock(impl_->write_mutex);
    soci::session sql(impl_->pool);
    try {
        sql << begin_statement(impl_->backend);
    } catch (const std::exception& e) {
        return detail::storage_error(e);
    }
    Result<void> result;
    try {
        result = work(sql);
        if (result.ok()) {
            sql << "COMMIT";
            return result;
        }
    } catch (const std::exception& e) {
        result = detail::database_error(e);
    }
    rollback_quietly(sql);
    return result;
}

void Database::read(const std::function<void(soci::session&)>& work) {
    soci::session sql(impl_->pool);
    try {
        work(sql);
    } catch (const std::exception& e) {
        detail::log_read_error(impl_->path, e);
    }
}

std::string now_iso() {
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    return detail::iso_from_time(static_cast<long long>(now));
}

}  // namespace cyberachat::store
