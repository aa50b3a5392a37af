#pragma once
// Backup and restore of an instance on SQLite: its data folder holds cyberachat.db (WAL mode)
// and documents/<response id>/<random>.bin, one file per row of the documents table.
//
// A backup is taken while the server runs and writes: SQLite's online backup API copies the
// database as one read transaction sees it (a consistent snapshot; writers are not held up),
// then the document files that the copy's own rows name are copied, each checked against its
// row's size and SHA-256. A document file is written durably before its row and deleted after
// it, so every row of the snapshot had its file when the snapshot was taken; a file gone by the
// time it is copied was removed since (its row is no longer in the live database): a new
// snapshot is then taken, the files already copied kept. Everything is written into a hidden
// temporary folder beside the backup's, synced, then renamed into place: an interrupted backup
// never looks complete. The backup folder:
//   cyberachat.db   the snapshot (rollback-journal mode: readable without side files)
//   documents/…     the files, under the same relative paths as in the data folder
//   manifest.json   format "cyberachat-sqlite-backup" version 1: program and schema versions,
//                   created_at (UTC), the database file's size and SHA-256, rows per table,
//                   each document's id, path, size and SHA-256
//
// A restore first verifies the whole backup (every file's hash, the database's integrity_check,
// the counts, the documents rows against the manifest), then copies it into a new or empty data
// folder — documents first, the database last, so that an interrupted restore leaves no database
// — and opens it once, which applies the migrations when the backup is older than the program.
// It never writes over a database.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace cyberachat::store {

inline constexpr const char* kBackupFormat = "cyberachat-sqlite-backup";
inline constexpr int kBackupFormatVersion = 1;

// What a backup folder's manifest.json says.
struct BackupManifest {
    struct Document {
        std::int64_t id = 0;
        std::string path;  // relative to the folder: "documents/<response id>/<random>.bin"
        std::int64_t size = 0;
        std::string sha256;  // hex
    };
    std::string program_version;  // of the program that made the backup
    int schema_version = 0;       // highest migration applied to the database
    std::string created_at;       // "2026-11-29T10:15:00Z" (UTC)
    std::int64_t database_size = 0;
    std::string database_sha256;
    std::map<std::string, std::int64_t> counts;  // rows per table (schema_migrations included)
    std::vector<Document> documents;             // by id

    std::int64_t document_bytes() const;
};

struct BackupOptions {
    std::string data_dir;    // the instance's folder (--data)
    std::string output_dir;  // the backup's folder: absent (created, parents too) or empty
    // Test hook: runs after each snapshot of the database (attempt 1, 2, …), before its documents
    // are copied.
    std::function<void(int attempt)> after_snapshot;
};

struct BackupReport {
    std::string output_dir;
    BackupManifest manifest;
    int snapshots = 1;  // more than one when documents were removed while they were being copied
};

// Errors (French and English, naming what failed): "not_found" for a missing data folder or
// database, or a document whose row is live but whose file is absent; "conflict" for an output
// folder that exists and is not empty; "invalid_value" for an output folder inside the data folder;
// "storage" for an unreadable database, a document whose file no longer matches its row (size or
// SHA-256), a full disk or any other failure. Nothing is left at output_dir on failure.
Result<BackupReport> backup_sqlite(const BackupOptions& options);

// Reads and checks a backup folder without changing it: the manifest, the database file's and
// every document's size and SHA-256, `PRAGMA integrity_check`, the schema version, the rows per
// table and the documents rows against the manifest. "not_found" for a missing folder,
// "invalid_archive" for a folder that is not a backup or a backup that does not verify (saying
// which file or table).
Result<BackupManifest> verify_sqlite_backup(const std::string& backup_dir);

struct RestoreOptions {
    std::string backup_dir;
    std::string data_dir;  // the new instance's folder: absent (created) or empty
    bool force = false;    // also a non-empty data_dir, as long as it holds no database
};

struct RestoreReport {
    std::string data_dir;
    BackupManifest manifest;  // the backup's
    int schema_version = 0;   // of the restored database, migrations applied
};

// verify_sqlite_backup, then the copy. "conflict" for a data folder that holds a database (even
// with `force`) or is not empty (without), "invalid_archive" for a backup made by a newer program
// (schema) or that does not verify; "storage" for a failed copy (what was written is removed).
Result<RestoreReport> restore_sqlite(const RestoreOptions& options);

}  // namespace cyberachat::store
