#pragma once
// Where vendors' documents' bytes live — the facts (name, type, size, SHA-256, storage path) are
// rows of the documents table either way:
// - SQLite (one instance, a data folder): files under data_dir/documents/<response id>/;
// - PostgreSQL (several instances, no shared folder): chunks of 1 MiB in the table
//   document_chunks, so that neither an upload nor a download holds the whole file twice.
// Either way the bytes are written durably before the row that names them and erased after it,
// so a row always has its bytes and the worst a crash leaves is unreferenced bytes, which the
// sweep removes. Internal to the store: the repositories use it.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/acquisition.hpp"
#include "core/result.hpp"

namespace cyberachat::store {

class Database;

// (make_document_bytes is declared in store/repositories.hpp, for Store.)

// Reads stored bytes piece by piece, in order.
class DocumentReader {
public:
    virtual ~DocumentReader() = default;
    // The next piece (never empty), nullopt at the end.
    virtual Result<std::optional<std::string>> next() = 0;
};

class DocumentBytes {
public:
    virtual ~DocumentBytes() = default;
    // Stores `bytes` durably under a new storage path ("documents/<folder>/<random>.bin"; the
    // folder is the response id, or "imported" for an archive's documents)
    // and returns it. Once this returns, a crash keeps them.
    virtual Result<std::string> put(const std::string& folder, const std::string& bytes) = 0;
    // "not_found" when nothing is stored there, "invalid_value" for a path that is not one of ours.
    virtual Result<std::unique_ptr<DocumentReader>> open(const std::string& storage_path) = 0;
    // Nothing stored there is not an error.
    virtual Result<void> erase(const std::string& storage_path) = 0;
    // Storage paths written more than `grace` ago (rows or not): the sweep's candidates.
    virtual Result<std::vector<std::string>> written_before(std::chrono::seconds grace) = 0;
    // Where the bytes are, for messages: "files" | "database".
    virtual const char* kind() const = 0;
};

// A path of ours: relative, under documents/, no "..".
bool is_document_storage_path(const std::string& storage_path);

}  // namespace cyberachat::store
