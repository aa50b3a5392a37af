// Documents' bytes in the database (PostgreSQL): table document_chunks, one row per MiB, keyed by
// the document's storage path and the chunk's position. The chunks are written in a transaction of
// their own before the document's row (Database::write_independent: they do not hold up other
// writers), read one chunk per query, erased after the row. Chunks travel as hex text, the same
// on every libpq version and in SOCI, and are stored as bytea.
#include <sodium.h>

#include "security/secrets.hpp"
#include "store/database.hpp"
#include "store/document_bytes.hpp"
#include "store/internal.hpp"

namespace cyberachat::store {

namespace {

constexpr size_t kChunkBytes = 1u << 20;

std::string chunk_to_hex(std::string_view bytes) {
    std::string hex(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    hex.pop_back();
    return hex;
}

std::optional<std::string> chunk_from_hex(const std::string& hex) {
    std::string bytes(hex.size() / 2, '\0');
    size_t length = 0;
    if (sodium_hex2bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), hex.data(), hex.size(), nullptr,
                       &length, nullptr) != 0)
        return std::nullopt;
    bytes.resize(length);
    return bytes;
}

class ChunkReader final : public DocumentReader {
public:
    ChunkReader(std::shared_ptr<Database> db, std::string storage_path, std::optional<std::string> first)
        : db_(std::move(db)), storage_path_(std::move(storage_path)), pending_(std::move(first)) {}

    Result<std::optional<std::string>> next() override {
        if (pending_) {
            std::optional<std::string> piece = std::move(pending_);
            pending_.reset();
            ++position_;
            return piece;
        }
        std::optional<std::string> hex;
        TRY(db_->read([&](soci::session& sql) { hex = read_chunk_hex(sql, storage_path_, position_); }));
        if (!hex) return std::optional<std::string>{};
        auto bytes = chunk_from_hex(*hex);
        if (!bytes) return detail::storage_error("Morceau de document illisible.", "Unreadable document chunk.");
        ++position_;
        return std::optional<std::string>{std::move(*bytes)};
    }

    static std::optional<std::string> read_chunk_hex(soci::session& sql, const std::string& storage_path, int seq) {
        std::string hex;
        soci::indicator ind = soci::i_null;
        soci::statement st = (sql.prepare << "SELECT encode(data, 'hex') FROM document_chunks "
                                             "WHERE storage_path = :path AND seq = :seq",
                              soci::into(hex, ind), soci::use(storage_path), soci::use(seq));
        if (!st.execute(true) || ind != soci::i_ok) return std::nullopt;
        return hex;
    }

private:
    std::shared_ptr<Database> db_;
    std::string storage_path_;
    std::optional<std::string> pending_;  // chunk 0, read by open()
    int position_ = 0;
};

class DatabaseDocumentBytes final : public DocumentBytes {
public:
    explicit DatabaseDocumentBytes(std::shared_ptr<Database> db) : db_(std::move(db)) {}

    Result<std::string> put(const std::string& folder_name, const std::string& bytes) override {
        std::string storage_path =
            "documents/" + folder_name + "/" + security::random_token(16) + ".bin";
        const std::string created_at = now_iso();
        TRY(db_->write_independent([&](soci::session& sql) -> Result<void> {
            int seq = 0;
            for (size_t offset = 0; offset < bytes.size(); offset += kChunkBytes, ++seq) {
                const std::string hex = chunk_to_hex(std::string_view(bytes).substr(offset, kChunkBytes));
                sql << "INSERT INTO document_chunks (storage_path, seq, data, created_at) "
                       "VALUES (:path, :seq, decode(:hex, 'hex'), :created_at)",
                    soci::use(storage_path), soci::use(seq), soci::use(hex), soci::use(created_at);
            }
            return {};
        }));
        return storage_path;
    }

    Result<std::unique_ptr<DocumentReader>> open(const std::string& storage_path) override {
        if (!is_document_storage_path(storage_path))
            return detail::invalid("Chemin de document invalide.", "Invalid document path.");
        std::optional<std::string> hex;
        TRY(db_->read([&](soci::session& sql) { hex = ChunkReader::read_chunk_hex(sql, storage_path, 0); }));
        if (!hex) return detail::not_found("Contenu du document", "Document content");
        auto first = chunk_from_hex(*hex);
        if (!first) return detail::storage_error("Morceau de document illisible.", "Unreadable document chunk.");
        return std::unique_ptr<DocumentReader>(new ChunkReader(db_, storage_path, std::move(first)));
    }

    Result<void> erase(const std::string& storage_path) override {
        return db_->write_independent([&](soci::session& sql) -> Result<void> {
            sql << "DELETE FROM document_chunks WHERE storage_path = :path", soci::use(storage_path);
            return {};
        });
    }

    Result<std::vector<std::string>> written_before(std::chrono::seconds grace) override {
        std::vector<std::string> paths;
        const std::string cutoff = detail::iso_seconds_ago(grace.count());
        TRY(db_->read([&](soci::session& sql) {
            soci::rowset<std::string> rows =
                (sql.prepare << "SELECT storage_path FROM document_chunks WHERE seq = 0 AND created_at < :cutoff",
                 soci::use(cutoff));
            for (const auto& path : rows) paths.push_back(path);
        }));
        return paths;
    }

    const char* kind() const override { return "database"; }

private:
    std::shared_ptr<Database> db_;
};

}  // namespace

std::shared_ptr<DocumentBytes> make_file_document_bytes(const std::string& data_dir);

std::shared_ptr<DocumentBytes> make_document_bytes(const std::shared_ptr<Database>& db, const std::string& data_dir) {
    if (db->engine() == Engine::postgresql) return std::make_shared<DatabaseDocumentBytes>(db);
    return make_file_document_bytes(data_dir);
}

}  // namespace cyberachat::store
