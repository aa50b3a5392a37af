// XLSX import previews waiting for "apply" (table pending_uploads, migration 4): in the database,
// so that "apply" may reach another instance than the preview. Capacity, total size and lifetime
// are enforced by the SQL of put(), inside one write.
#include "security/base64.hpp"
#include "store/internal.hpp"
#include "store/repositories.hpp"

namespace cyberachat::store {

namespace {

// Wall-clock milliseconds since 1970 (instances share no steady clock).
long long upload_clock_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// created_at_ms before this: expired.
long long upload_expiry_cutoff(std::chrono::milliseconds lifetime) { return upload_clock_ms() - lifetime.count(); }

void delete_expired_uploads(soci::session& sql, std::chrono::milliseconds lifetime) {
    long long cutoff = upload_expiry_cutoff(lifetime);
    sql << "DELETE FROM pending_uploads WHERE created_at_ms < :cutoff", soci::use(cutoff);
}

}  // namespace

Result<void> PendingUploadRepository::put(const std::string& token_hash, const PendingUpload& upload,
                                          const PendingUploadLimits& limits) {
    if (token_hash.empty()) return detail::invalid("Aperçu sans identifiant.", "Preview without an identifier.");
    const std::string content = security::base64_encode(upload.bytes);
    long long response_id = upload.response_id;
    long long size = static_cast<long long>(upload.bytes.size());
    long long capacity = static_cast<long long>(limits.capacity);
    long long max_total = static_cast<long long>(limits.max_total_bytes);
    return db_->write([&](soci::session& sql) -> Result<void> {
        delete_expired_uploads(sql, limits.lifetime);
        // Newest first, each with how many are as new or newer (itself included) and their sizes
        // together: kept only if these and the new one stay within both limits. The rows that go
        // are thus the oldest ones, as many as needed.
        sql << "DELETE FROM pending_uploads WHERE id IN (SELECT id FROM ("
               "SELECT id, ROW_NUMBER() OVER (ORDER BY id DESC) AS newer, SUM(size) OVER (ORDER BY id DESC) AS kept "
               "FROM pending_uploads) ranked WHERE newer >= :capacity OR kept + :size > :max_total)",
            soci::use(capacity), soci::use(size), soci::use(max_total);
        long long created_at = upload_clock_ms();
        sql << "INSERT INTO pending_uploads (token_hash, response_id, file_name, size, content_base64, created_at_ms) "
               "VALUES (:token_hash, :response_id, :file_name, :size, :content, :created_at)",
            soci::use(token_hash), soci::use(response_id), soci::use(upload.file_name), soci::use(size),
            soci::use(content), soci::use(created_at);
        return {};
    });
}

Result<PendingUpload> PendingUploadRepository::find(const std::string& token_hash, Id response_id,
                                                    std::chrono::milliseconds lifetime) {
    std::optional<PendingUpload> found;
    std::string content;
    TRY(db_->read([&](soci::session& sql) {
        long long cutoff = upload_expiry_cutoff(lifetime);
        long long response = response_id;
        PendingUpload upload;
        soci::statement st = (sql.prepare << "SELECT file_name, content_base64 FROM pending_uploads "
                                             "WHERE token_hash = :token_hash AND response_id = :response_id "
                                             "AND created_at_ms >= :cutoff",
                              soci::into(upload.file_name), soci::into(content), soci::use(token_hash),
                              soci::use(response), soci::use(cutoff));
        if (!st.execute(true)) return;
        upload.response_id = response_id;
        found = std::move(upload);
    }));
    if (!found) return detail::not_found("Aperçu d'import", "Import preview");
    auto bytes = security::base64_decode(content);
    if (!bytes)
        return detail::storage_error("Le fichier de l'aperçu est illisible.", "The preview's file cannot be read.");
    found->bytes = std::move(*bytes);
    return std::move(*found);
}

Result<void> PendingUploadRepository::remove(const std::string& token_hash, std::chrono::milliseconds lifetime) {
    return db_->write([&](soci::session& sql) -> Result<void> {
        sql << "DELETE FROM pending_uploads WHERE token_hash = :token_hash", soci::use(token_hash);
        delete_expired_uploads(sql, lifetime);
        return {};
    });
}

}  // namespace cyberachat::store
