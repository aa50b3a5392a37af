#pragma once
// Files that survive a crash once written: fsync of the file, then of the folder that names it.
// Shared by the documents (document_repository.cpp) and the SQLite backup and restore
// (sqlite_backup.cpp); not part of the store's interface.
#include <cstdint>
#include <filesystem>
#include <string>

#include "core/result.hpp"

namespace cyberachat::store::detail {

// An Error "storage": "<what_fr> : <cause>" / "<what_en>: <cause>" for an errno value (the cause
// in French for the usual ones: disk full, permission refused, read-only file system…).
Error errno_error(const std::string& what_fr, const std::string& what_en, int error);

// fsync of a folder (its entries: a file created or renamed in it); false on failure (errno set).
bool fsync_directory(const std::filesystem::path& dir);
// fsync of the file at `path` (opened read-only); false on failure (errno set).
bool fsync_file(const std::filesystem::path& path);

// Creates `dir` and its missing parents (mode 0700), each one synced into its parent.
Result<void> create_directory_durably(const std::filesystem::path& dir);

// Writes `bytes` to `target` so that, once this returns, the file is there in full after a
// crash: temporary file "<target>.tmp", fsync, rename, fsync of the folder.
Result<void> write_file_durably(const std::filesystem::path& target, const std::string& bytes);

// A file's length and hex SHA-256, as read.
struct FileDigest {
    std::int64_t size = 0;
    std::string sha256;
};

// What copy_file_durably does when `target` exists.
enum class ExistingTarget {
    replace,  // the copy takes its place (rename)
    refuse,   // "conflict", `target` untouched (link then unlink of the temporary name)
};

// Copies `source` to `target` the same way (temporary file "<target>.tmp", fsync, into place,
// fsync of the folder; mode 0600), reading it in chunks; returns the digest of what it copied.
// "not_found" when `source` does not exist; "storage" for any other failure (nothing left at the
// temporary name then).
Result<FileDigest> copy_file_durably(const std::filesystem::path& source, const std::filesystem::path& target,
                                     ExistingTarget existing = ExistingTarget::replace);

// Size and hex SHA-256 of the file at `path`, read in chunks; "not_found" when it does not exist.
Result<FileDigest> hash_file(const std::filesystem::path& path);

}  // namespace cyberachat::store::detail
