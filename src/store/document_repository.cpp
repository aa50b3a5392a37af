// Vendors' documents: the facts in the documents table, the bytes where the engine keeps them
// (store/document_bytes.hpp: files on SQLite, chunks in the database on PostgreSQL). The bytes are
// written durably before their row; a row is deleted before its bytes. So a row always has its
// bytes, and the worst a crash leaves is unreferenced bytes, which sweep_orphans() removes.
#include <magic.h>

#include <cstring>
#include <filesystem>
#include <mutex>
#include <set>

#include "security/secrets.hpp"
#include "store/document_bytes.hpp"
#include "store/internal.hpp"
#include "store/prepared_queries.hpp"
#include "store/repositories.hpp"

namespace cyberachat::store {

namespace fs = std::filesystem;

namespace {

constexpr const char* kColumns =
    "id, response_id, question_id, file_name, content_type, size, sha256, storage_path, created_at";
constexpr size_t kMaxNameLength = 120;  // code points
constexpr size_t kMaxExtensionLength = 16;

struct DocumentRow {
    long long id = 0, response_id = 0;
    std::string question_id, file_name, content_type;
    long long size = 0;
    std::string sha256, storage_path, created_at;

    void bind(soci::details::prepare_temp_type& p) {
        p, soci::into(id), soci::into(response_id), soci::into(question_id), soci::into(file_name),
            soci::into(content_type), soci::into(size), soci::into(sha256), soci::into(storage_path),
            soci::into(created_at);
    }
    StoredDocument to_document() const {
        return StoredDocument{id, response_id, question_id, file_name, content_type, size, sha256, storage_path,
                              created_at};
    }
};

std::optional<StoredDocument> find_row(soci::session& sql, long long id) {
    DocumentRow row;
    soci::details::prepare_temp_type p = sql.prepare << "SELECT " << kColumns << " FROM documents WHERE id = :id";
    row.bind(p);
    p, soci::use(id);
    soci::statement st(p);
    if (!st.execute(true)) return std::nullopt;
    return row.to_document();
}

nlohmann::json shown(const StoredDocument& d) {
    return {{"question_id", d.question_id}, {"file_name", d.file_name}, {"content_type", d.content_type},
            {"size", d.size},               {"sha256", d.sha256}};
}

// ---- file names ----------------------------------------------------------------------------------

// Decodes one UTF-8 code point at `i` (advancing it); -1 for an invalid sequence (one byte skipped).
long decode_utf8(const std::string& s, size_t& i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80) {
        ++i;
        return c;
    }
    size_t length = 0;
    long cp = 0;
    long min = 0;
    if ((c & 0xE0) == 0xC0) length = 2, cp = c & 0x1F, min = 0x80;
    else if ((c & 0xF0) == 0xE0) length = 3, cp = c & 0x0F, min = 0x800;
    else if ((c & 0xF8) == 0xF0) length = 4, cp = c & 0x07, min = 0x10000;
    else {
        ++i;
        return -1;
    }
    if (i + length > s.size()) {
        ++i;
        return -1;
    }
    for (size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return -1;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return -1;
    }
    i += length;
    return cp;
}

bool is_kept_letter(long cp) {
    return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7)  // Latin-1 letters, Latin Extended-A/B
           || (cp >= 0x370 && cp <= 0x3FF)                          // Greek
           || (cp >= 0x400 && cp <= 0x4FF)                          // Cyrillic
           || (cp >= 0x1E00 && cp <= 0x1EFF);                       // Latin Extended Additional
}

bool is_combining_mark(long cp) { return cp >= 0x300 && cp <= 0x36F; }  // decomposed accents (macOS)

// Invisible characters that only disguise a name: C1 controls, zero-width and bidi controls.
bool is_dropped(long cp) {
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF;
}

// A name as a list of code points, each kept as its UTF-8 bytes.
using Glyphs = std::vector<std::string>;

std::string join(const Glyphs& glyphs, size_t begin, size_t end) {
    std::string out;
    for (size_t i = begin; i < end; ++i) out += glyphs[i];
    return out;
}

void trim_glyphs(Glyphs& g, const std::string& at_start, const std::string& at_end) {
    size_t begin = 0;
    while (begin < g.size() && g[begin].size() == 1 && at_start.find(g[begin][0]) != std::string::npos) ++begin;
    g.erase(g.begin(), g.begin() + static_cast<std::ptrdiff_t>(begin));
    while (!g.empty() && g.back().size() == 1 && at_end.find(g.back()[0]) != std::string::npos) g.pop_back();
}

// ---- content types -------------------------------------------------------------------------------

// libmagic is not thread-safe: one cookie, used under a lock.
std::string detect_content_type(const std::string& bytes) {
    static std::mutex mutex;
    static magic_t cookie = nullptr;
    std::lock_guard lock(mutex);
    if (cookie == nullptr) {
        magic_t opened = magic_open(MAGIC_MIME_TYPE);
        if (opened == nullptr) return {};
        if (magic_load(opened, nullptr) != 0) {
            magic_close(opened);
            return {};
        }
        cookie = opened;
    }
    const char* type = magic_buffer(cookie, bytes.data(), bytes.size());
    return type != nullptr ? std::string(type) : std::string();
}

}  // namespace

std::string DocumentRepository::sanitize_file_name(const std::string& name) {
    // Only the last path component, whichever the separator.
    const size_t slash = name.find_last_of("/\\");
    const std::string base = slash == std::string::npos ? name : name.substr(slash + 1);

    Glyphs out;
    const auto last_is = [&](char c) { return !out.empty() && out.back().size() == 1 && out.back()[0] == c; };
    // Any other character becomes '_', never next to a space, a dot or another '_'.
    const auto push_separator = [&](char c) {
        if (c == '_') {
            if (last_is('_') || last_is(' ') || last_is('.') || out.empty()) return;
        } else {
            if (last_is('_')) out.pop_back();
            if (c == '.' && last_is(' ')) out.pop_back();  // "name .pdf" → "name.pdf"
            if ((c == ' ' || c == '.') && (last_is(c) || out.empty())) return;
        }
        out.emplace_back(1, c);
    };
    size_t i = 0;
    while (i < base.size()) {
        const size_t start = i;
        const long cp = decode_utf8(base, i);
        if (cp < 0) {
            push_separator('_');
        } else if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '-') {
            out.emplace_back(1, static_cast<char>(cp));
        } else if (cp == '.') {
            push_separator('.');
        } else if (cp == ' ' || cp == '\t' || cp == 0xA0) {
            push_separator(' ');
        } else if (cp == '_') {
            push_separator('_');
        } else if (is_kept_letter(cp) || (is_combining_mark(cp) && !out.empty() && out.back() != " ")) {
            out.push_back(base.substr(start, i - start));
        } else if (is_dropped(cp)) {
            continue;
        } else {
            push_separator('_');
        }
    }
    // No hidden files, no "..", nothing that looks like an option.
    trim_glyphs(out, " ._-", " ._");

    if (out.size() > kMaxNameLength) {
        // Keep the extension (if short) and cut the stem.
        size_t dot = out.size();
        for (size_t k = out.size(); k-- > 0;)
            if (out[k] == ".") {
                dot = k;
                break;
            }
        const bool keep_extension = dot > 0 && dot < out.size() && out.size() - dot <= kMaxExtensionLength + 1;
        Glyphs extension;
        if (keep_extension) extension.assign(out.begin() + static_cast<std::ptrdiff_t>(dot), out.end());
        Glyphs stem(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                   keep_extension ? dot : out.size(), kMaxNameLength - extension.size())));
        trim_glyphs(stem, "", " ._-");
        out = stem;
        out.insert(out.end(), extension.begin(), extension.end());
    }
    std::string result = join(out, 0, out.size());
    return result.empty() ? "document" : result;
}

bool DocumentRepository::is_allowed_type(const std::string& content_type) {
    std::string type = lower_ascii(trim(content_type.substr(0, content_type.find(';'))));
    static const char* const exact[] = {
        "application/pdf",  "image/png",         "image/jpeg",
        "image/gif",        "image/tiff",        "image/webp",
        "application/zip",  "application/msword", "application/vnd.ms-excel",
        "application/vnd.ms-powerpoint", "text/plain", "text/csv",
        "application/xml",  "text/xml",          "application/json",  // an SBOM (CycloneDX, SPDX)
    };
    for (const char* allowed : exact)
        if (type == allowed) return true;
    static const char* const prefixes[] = {"application/vnd.openxmlformats-officedocument.",
                                           "application/vnd.oasis.opendocument."};
    for (const char* prefix : prefixes)
        if (type.rfind(prefix, 0) == 0 && type.size() > std::strlen(prefix)) return true;
    return false;
}

namespace detail {

std::optional<Error> describe_document(StoredDocument& document, const std::string& bytes) {
    if (bytes.empty()) return invalid("Le fichier est vide.", "The file is empty.");
    document.file_name = DocumentRepository::sanitize_file_name(document.file_name);
    document.size = static_cast<std::int64_t>(bytes.size());
    document.sha256 = security::sha256_hex(bytes);
    document.content_type = detect_content_type(bytes);
    if (!DocumentRepository::is_allowed_type(document.content_type))
        return invalid("Type de fichier non accepté (" + document.content_type +
                           "). Formats acceptés : PDF, images, documents bureautiques, texte, CSV, ZIP.",
                       "File type not accepted (" + document.content_type +
                           "). Accepted: PDF, images, office documents, text, CSV, ZIP.");
    return std::nullopt;
}

Result<void> store_document_bytes(DocumentBytes& bytes_store, StoredDocument& document, const std::string& bytes) {
    TRY_ASSIGN(document.storage_path, bytes_store.put(std::to_string(document.response_id), bytes));
    return {};
}

Id insert_document(soci::session& sql, const StoredDocument& document) {
    long long response = document.response_id;
    long long size = document.size;
    long long id = 0;
    sql << "INSERT INTO documents (response_id, question_id, file_name, content_type, size, sha256, "
           "storage_path, created_at) VALUES (:response_id, :question_id, :file_name, :content_type, :size, "
           ":sha256, :storage_path, :created_at) RETURNING id",
        soci::use(response), soci::use(document.question_id), soci::use(document.file_name),
        soci::use(document.content_type), soci::use(size), soci::use(document.sha256),
        soci::use(document.storage_path), soci::use(document.created_at), soci::into(id);
    return id;
}

}  // namespace detail

// ---- DocumentStream ------------------------------------------------------------------------------

DocumentStream::DocumentStream(std::unique_ptr<DocumentReader> reader, StoredDocument document)
    : reader_(std::move(reader)), document_(std::move(document)) {}
DocumentStream::~DocumentStream() = default;
DocumentStream::DocumentStream(DocumentStream&&) noexcept = default;
DocumentStream& DocumentStream::operator=(DocumentStream&&) noexcept = default;

Result<std::optional<std::string>> DocumentStream::next() {
    if (finished_) return std::optional<std::string>{};
    TRY_ASSIGN(auto piece, reader_->next());
    if (piece) {
        read_ += static_cast<std::int64_t>(piece->size());
        if (read_ > document_.size)
            return detail::storage_error("Le contenu du document est plus long que prévu (altéré).",
                                         "The document's content is longer than recorded (corrupted).");
        sha_.update(*piece);
        return piece;
    }
    finished_ = true;
    if (read_ != document_.size || (!document_.sha256.empty() && sha_.hex_digest() != document_.sha256))
        return detail::storage_error("Le fichier du document est altéré (empreinte différente).",
                                     "The document file is corrupted (checksum mismatch).");
    return std::optional<std::string>{};
}

// ---- DocumentRepository --------------------------------------------------------------------------

Result<StoredDocument> DocumentRepository::add(Id response_id, const std::string& question_id,
                                               const std::string& file_name, const std::string& bytes,
                                               const Actor& actor) {
    StoredDocument document;
    document.response_id = response_id;
    document.question_id = question_id;
    document.file_name = file_name;
    if (auto error = detail::describe_document(document, bytes)) return *error;

    bool response_exists = false;
    TRY(db_->read([&](soci::session& sql) {
        long long key = response_id;
        response_exists = detail::exists(sql, "SELECT 1 FROM responses WHERE id = :id", soci::use(key));
    }));
    if (!response_exists) return detail::not_found("Réponse", "Response");

    TRY(detail::store_document_bytes(*bytes_, document, bytes));

    document.created_at = now_iso();
    auto written = db_->write([&](soci::session& sql) -> Result<void> {
        document.id = detail::insert_document(sql, document);
        detail::append_event(sql, actor, "document", document.id, "create", document.question_id, {},
                             shown(document).dump());
        return {};
    });
    if (!written) {
        (void)bytes_->erase(document.storage_path);  // what the sweep would remove later
        return written.error();
    }
    return document;
}

Result<StoredDocument> DocumentRepository::find(Id id) {
    std::optional<StoredDocument> out;
    TRY(db_->read([&](soci::session& sql) { out = find_row(sql, id); }));
    if (!out) return detail::not_found("Document", "Document");
    return std::move(*out);
}

Result<std::vector<StoredDocument>> DocumentRepository::list_for(Id response_id) {
    std::vector<StoredDocument> out;
    TRY(db_->read([&](soci::session& sql) {
        detail::select_rows<DocumentRow>(
            sql, std::string("SELECT ") + kColumns + " FROM documents WHERE response_id = :id ORDER BY id",
            static_cast<long long>(response_id), [&](const DocumentRow& row) { out.push_back(row.to_document()); });
    }));
    return out;
}

Result<DocumentStream> DocumentRepository::open_stream(const StoredDocument& document) {
    TRY_ASSIGN(auto reader, bytes_->open(document.storage_path));
    return DocumentStream(std::move(reader), document);
}

Result<std::string> DocumentRepository::read_bytes(const StoredDocument& document) {
    TRY_ASSIGN(auto stream, open_stream(document));
    std::string bytes;
    bytes.reserve(static_cast<size_t>(std::max<std::int64_t>(document.size, 0)));
    for (;;) {
        TRY_ASSIGN(auto piece, stream.next());
        if (!piece) return bytes;
        bytes += *piece;
    }
}

Result<void> DocumentRepository::remove(Id id, const Actor& actor) {
    StoredDocument removed;
    TRY(db_->write([&](soci::session& sql) -> Result<void> {
        long long key = id;
        auto current = find_row(sql, key);
        if (!current) return detail::not_found("Document", "Document");
        removed = *current;
        // Journalled first: the event is about the document's response and purchase.
        detail::append_event(sql, actor, "document", id, "delete", removed.question_id, shown(removed).dump(), {});
        sql << "DELETE FROM documents WHERE id = :id", soci::use(key);
        return {};
    }));
    // The row is gone: the bytes follow. A failure here leaves unreferenced bytes, never a dangling row.
    if (auto erased = bytes_->erase(removed.storage_path); !erased)
        return Error::make(ErrorCode::storage,
                           "Le document est retiré mais son contenu n'a pas pu être effacé : " + erased.error().message.fr,
                           "The document is removed but its content could not be deleted: " +
                               erased.error().message.in(Language::en));
    return {};
}

DocumentRepository::Sweep DocumentRepository::sweep_orphans(std::chrono::seconds grace) {
    Sweep sweep;
    // The stored bytes first, the rows after: bytes written after the listing are not looked at,
    // and bytes listed before their row is inserted are younger than `grace` (an upload under way).
    auto candidates = bytes_->written_before(grace);
    if (!candidates || candidates->empty()) return sweep;

    // Which bytes the rows point to. If that cannot be read, nothing is removed: an empty set
    // would make every document an orphan.
    std::set<std::string> referenced;
    auto read = db_->read([&](soci::session& sql) {
        soci::rowset<std::string> rows = (sql.prepare << "SELECT storage_path FROM documents");
        for (const auto& path : rows) referenced.insert(fs::path(path).lexically_normal().generic_string());
    });
    if (!read) return sweep;
    for (const auto& path : *candidates) {
        if (referenced.count(fs::path(path).lexically_normal().generic_string())) continue;
        (bytes_->erase(path) ? sweep.removed : sweep.failed).push_back(path);
    }
    return sweep;
}

}  // namespace cyberachat::store
