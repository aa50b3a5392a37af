#include "store/sqlite_backup.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <variant>

#include "core/program_version.hpp"
#include "security/secrets.hpp"
#include "store/database.hpp"
#include "store/durable_files.hpp"
#include "store/internal.hpp"
#include "store/soci.hpp"  // SQLite's own API comes with SOCI's backend, in namespace sqlite_api

#include <sqlite3.h>

namespace cyberachat::store {

namespace fs = std::filesystem;
using sqlite_api::sqlite3;
using sqlite_api::sqlite3_stmt;

namespace {

constexpr const char* kBackupDatabaseName = "cyberachat.db";
constexpr const char* kBackupManifestName = "manifest.json";
constexpr int kBackupMaxSnapshots = 5;
constexpr int kBackupBusyTimeoutMs = 10000;
constexpr size_t kBackupMaxManifestBytes = 256u << 20;

// (Appended piece by piece: GCC 12 warns, wrongly, about `"…" + std::string` here.)
std::string quoted_in(const char* open, const fs::path& path, const char* close) {
    std::string out = open;
    out += path.string();
    out += close;
    return out;
}
std::string quoted_fr(const fs::path& path) { return quoted_in("« ", path, " »"); }
std::string quoted_en(const fs::path& path) { return quoted_in("\"", path, "\""); }

// `error`, its messages prefixed with what it was about ("manifest.json : …").
Error in_context(Error error, const std::string& about_fr, const std::string& about_en) {
    error.message.en = about_en + ": " + error.message.in(Language::en);
    error.message.fr = about_fr + " : " + error.message.fr;
    return error;
}
Result<void> in_context(Result<void> result, const std::string& about) {
    if (result) return result;
    return in_context(result.error(), about, about);
}

// ---- SQLite through its own API ---------------------------------------------------------------

// A connection closed on every path out.
struct BackupConnection {
    sqlite3* db = nullptr;
    BackupConnection() = default;
    BackupConnection(const BackupConnection&) = delete;
    BackupConnection& operator=(const BackupConnection&) = delete;
    ~BackupConnection() {
        if (db) sqlite_api::sqlite3_close_v2(db);
    }
};

// The French words for SQLite's usual failures; SQLite's own message in English.
Error backup_sqlite_error(const std::string& what_fr, const std::string& what_en, sqlite3* db, int rc) {
    const std::string english = db ? sqlite_api::sqlite3_errmsg(db) : sqlite_api::sqlite3_errstr(rc);
    std::string french;
    switch (rc & 0xff) {
        case SQLITE_FULL: french = "plus de place sur le disque"; break;
        case SQLITE_NOTADB: french = "ce n'est pas une base SQLite"; break;
        case SQLITE_CORRUPT: french = "la base est endommagée"; break;
        case SQLITE_CANTOPEN: french = "ouverture du fichier impossible"; break;
        case SQLITE_PERM:
        case SQLITE_AUTH:
        case SQLITE_READONLY: french = "permission refusée"; break;
        case SQLITE_IOERR: french = "erreur d'entrée-sortie du disque"; break;
        case SQLITE_BUSY:
        case SQLITE_LOCKED: french = "base occupée trop longtemps"; break;
        default: french = english;
    }
    if (french != english) french += " (" + english + ")";
    return detail::storage_error(what_fr + " : " + french, what_en + ": " + english);
}

Result<void> open_backup_connection(BackupConnection& connection, const fs::path& path, int flags,
                                    const std::string& what_fr, const std::string& what_en) {
    const int rc = sqlite_api::sqlite3_open_v2(path.c_str(), &connection.db, flags, nullptr);
    if (rc != SQLITE_OK) return backup_sqlite_error(what_fr, what_en, connection.db, rc);
    sqlite_api::sqlite3_busy_timeout(connection.db, kBackupBusyTimeoutMs);
    return {};
}

using BackupBinding = std::variant<std::int64_t, std::string>;

// Runs one statement, calling `row` for each row of its result.
Result<void> backup_query(sqlite3* db, const std::string& sql, const std::vector<BackupBinding>& bindings,
                          const std::function<void(sqlite3_stmt*)>& row, const std::string& what_fr,
                          const std::string& what_en) {
    sqlite3_stmt* statement = nullptr;
    int rc = sqlite_api::sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr);
    if (rc != SQLITE_OK) return backup_sqlite_error(what_fr, what_en, db, rc);
    for (size_t i = 0; i < bindings.size(); ++i) {
        const int position = static_cast<int>(i) + 1;
        if (const auto* number = std::get_if<std::int64_t>(&bindings[i]))
            sqlite_api::sqlite3_bind_int64(statement, position, *number);
        else {
            const std::string& text = std::get<std::string>(bindings[i]);
            sqlite_api::sqlite3_bind_text(statement, position, text.data(), static_cast<int>(text.size()),
                                          reinterpret_cast<sqlite_api::sqlite3_destructor_type>(-1));  // SQLITE_TRANSIENT
        }
    }
    while ((rc = sqlite_api::sqlite3_step(statement)) == SQLITE_ROW) row(statement);
    sqlite_api::sqlite3_finalize(statement);
    if (rc != SQLITE_DONE) return backup_sqlite_error(what_fr, what_en, db, rc);
    return {};
}

std::string column_text(sqlite3_stmt* statement, int column) {
    const auto* text = sqlite_api::sqlite3_column_text(statement, column);
    return text ? std::string(reinterpret_cast<const char*>(text),
                              static_cast<size_t>(sqlite_api::sqlite3_column_bytes(statement, column)))
                : std::string();
}

// A documents row, as the backup's database holds it.
struct BackupDocumentRow {
    std::int64_t id = 0;
    std::string path, file_name, sha256;
    std::int64_t size = 0;

    std::string named_fr() const { return "Le document n° " + std::to_string(id) + " « " + file_name + " » (" + path + ")"; }
    std::string named_en() const { return "Document " + std::to_string(id) + " \"" + file_name + "\" (" + path + ")"; }
};

// What a Cyberachat database holds, read on one connection.
struct DatabaseFacts {
    int schema_version = 0;
    std::map<std::string, std::int64_t> counts;
    std::vector<BackupDocumentRow> documents;
};

Result<DatabaseFacts> read_database_facts(sqlite3* db, const fs::path& shown) {
    const std::string what_fr = "Lecture de la base " + quoted_fr(shown) + " impossible";
    const std::string what_en = "Cannot read the database " + quoted_en(shown);
    DatabaseFacts facts;
    std::vector<std::string> tables;
    TRY(backup_query(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
                     {}, [&](sqlite3_stmt* s) { tables.push_back(column_text(s, 0)); }, what_fr, what_en));
    if (std::find(tables.begin(), tables.end(), "schema_migrations") == tables.end() ||
        std::find(tables.begin(), tables.end(), "documents") == tables.end())
        return Error::make(ErrorCode::invalid_archive,
                           "La base " + quoted_fr(shown) + " n'est pas une base Cyberachat (tables schema_migrations et documents absentes).",
                           "The database " + quoted_en(shown) + " is not a Cyberachat database (no schema_migrations and documents tables).");
    for (const std::string& table : tables) {
        std::string identifier = "\"";
        for (char c : table) identifier += c == '"' ? std::string("\"\"") : std::string(1, c);
        identifier += "\"";
        TRY(backup_query(db, "SELECT COUNT(*) FROM " + identifier, {},
                         [&](sqlite3_stmt* s) { facts.counts[table] = sqlite_api::sqlite3_column_int64(s, 0); }, what_fr,
                         what_en));
    }
    TRY(backup_query(db, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", {},
                     [&](sqlite3_stmt* s) { facts.schema_version = sqlite_api::sqlite3_column_int(s, 0); }, what_fr, what_en));
    TRY(backup_query(db, "SELECT id, storage_path, file_name, size, sha256 FROM documents ORDER BY id", {},
                     [&](sqlite3_stmt* s) {
                         facts.documents.push_back({sqlite_api::sqlite3_column_int64(s, 0), column_text(s, 1),
                                                    column_text(s, 2), column_text(s, 4),
                                                    sqlite_api::sqlite3_column_int64(s, 3)});
                     },
                     what_fr, what_en));
    return facts;
}

// "" when `PRAGMA integrity_check` answers "ok", what it found otherwise (its first lines).
Result<std::string> integrity_problems(sqlite3* db, const fs::path& shown) {
    std::string problems;
    int lines = 0;
    TRY(backup_query(db, "PRAGMA integrity_check", {},
                     [&](sqlite3_stmt* s) {
                         const std::string line = column_text(s, 0);
                         if (line != "ok" && ++lines <= 5) problems += (problems.empty() ? "" : "; ") + line;
                     },
                     "Vérification de la base " + quoted_fr(shown) + " impossible",
                     "Cannot check the database " + quoted_en(shown)));
    return problems;
}

// A storage path as the documents table holds them: relative, under documents/, no "..".
bool is_document_path(const std::string& path) {
    if (path.rfind("documents/", 0) != 0 || path.find('\\') != std::string::npos || path.find('\0') != std::string::npos)
        return false;
    for (const auto& part : fs::path(path))
        if (part == ".." || part == "." || part.empty()) return false;
    return true;
}

// ---- the snapshot -----------------------------------------------------------------------------

// Copies the database `source` is connected to into a new file `target` in one step of the
// online backup API (one read transaction: a consistent snapshot, writers not held up in WAL
// mode), then puts the copy in rollback-journal mode and syncs it.
Result<void> snapshot_database(sqlite3* source, const fs::path& source_path, const fs::path& target) {
    // (Errors of a step are the step's result code: "not a database", "disk full"…)
    ::unlink(target.c_str());
    ::unlink((target.string() + "-journal").c_str());
    const std::string read_fr = "Copie de la base " + quoted_fr(source_path) + " impossible";
    const std::string read_en = "Cannot copy the database " + quoted_en(source_path);
    // Created empty (a valid empty database) by us, so that it is the owner's only, as the data folder:
    // it holds password and token hashes.
    const int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return detail::errno_error("Création de " + quoted_fr(target) + " impossible", "Cannot create " + quoted_en(target), errno);
    ::close(fd);
    BackupConnection copy;
    TRY(open_backup_connection(copy, target, SQLITE_OPEN_READWRITE, read_fr, read_en));
    sqlite_api::sqlite3_backup* backup = sqlite_api::sqlite3_backup_init(copy.db, "main", source, "main");
    if (!backup) return backup_sqlite_error(read_fr, read_en, copy.db, sqlite_api::sqlite3_errcode(copy.db));
    int rc = SQLITE_OK;
    for (int busy = 0; busy < 200; ++busy) {
        rc = sqlite_api::sqlite3_backup_step(backup, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
        sqlite_api::sqlite3_sleep(50);
    }
    const int finished = sqlite_api::sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) return backup_sqlite_error(read_fr, read_en, nullptr, rc);
    if (finished != SQLITE_OK) return backup_sqlite_error(read_fr, read_en, copy.db, finished);
    std::string mode;
    TRY(backup_query(copy.db, "PRAGMA journal_mode=DELETE", {}, [&](sqlite3_stmt* s) { mode = column_text(s, 0); },
                     read_fr, read_en));
    if (mode != "delete") return detail::storage_error(read_fr + " : mode de journal « " + mode + " ».", read_en + ": journal mode \"" + mode + "\".");
    const int closed = sqlite_api::sqlite3_close(copy.db);
    if (closed != SQLITE_OK) return backup_sqlite_error(read_fr, read_en, copy.db, closed);
    copy.db = nullptr;
    if (!detail::fsync_file(target))
        return detail::errno_error("Synchronisation de " + quoted_fr(target) + " impossible",
                                   "Cannot sync " + quoted_en(target), errno);
    return {};
}

// ---- the manifest -----------------------------------------------------------------------------

nlohmann::json manifest_json(const BackupManifest& manifest) {
    nlohmann::json documents = nlohmann::json::array();
    for (const auto& d : manifest.documents)
        documents.push_back({{"id", d.id}, {"path", d.path}, {"size", d.size}, {"sha256", d.sha256}});
    return {{"format", kBackupFormat},
            {"format_version", kBackupFormatVersion},
            {"program_version", manifest.program_version},
            {"schema_version", manifest.schema_version},
            {"created_at", manifest.created_at},
            {"database", {{"path", kBackupDatabaseName}, {"size", manifest.database_size}, {"sha256", manifest.database_sha256}}},
            {"counts", manifest.counts},
            {"documents", documents}};
}

Error not_a_backup(const fs::path& dir, const std::string& why_fr, const std::string& why_en) {
    return Error::make(ErrorCode::invalid_archive,
                       quoted_fr(dir) + " n'est pas une sauvegarde Cyberachat : " + why_fr + ".",
                       quoted_en(dir) + " is not a Cyberachat backup: " + why_en + ".");
}

bool is_sha256_hex(const std::string& text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

Result<BackupManifest> parse_manifest(const fs::path& dir) {
    const fs::path path = dir / kBackupManifestName;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return not_a_backup(dir, "manifest.json absent", "no manifest.json");
    if (fs::file_size(path, ec) > kBackupMaxManifestBytes) return not_a_backup(dir, "manifest.json démesuré", "manifest.json too large");
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof())
        return detail::storage_error("Lecture de " + quoted_fr(path) + " impossible.", "Cannot read " + quoted_en(path) + ".");
    const auto json = nlohmann::json::parse(text.str(), nullptr, false);
    if (json.is_discarded() || !json.is_object()) return not_a_backup(dir, "manifest.json illisible", "unreadable manifest.json");
    if (json.value("format", "") != kBackupFormat)
        return not_a_backup(dir, "manifest.json d'un autre format", "manifest.json of another format");
    BackupManifest manifest;
    try {
        const int version = json.at("format_version").get<int>();
        if (version < 1 || version > kBackupFormatVersion)
            return not_a_backup(dir, "format de sauvegarde " + std::to_string(version) + " inconnu de ce programme",
                                "backup format " + std::to_string(version) + " unknown to this program");
        manifest.program_version = json.at("program_version").get<std::string>();
        manifest.schema_version = json.at("schema_version").get<int>();
        manifest.created_at = json.at("created_at").get<std::string>();
        const auto& database = json.at("database");
        if (database.at("path").get<std::string>() != kBackupDatabaseName)
            return not_a_backup(dir, "base de données inattendue dans manifest.json", "unexpected database in manifest.json");
        manifest.database_size = database.at("size").get<std::int64_t>();
        manifest.database_sha256 = database.at("sha256").get<std::string>();
        manifest.counts = json.at("counts").get<std::map<std::string, std::int64_t>>();
        std::set<std::string> paths;
        for (const auto& d : json.at("documents")) {
            BackupManifest::Document document{d.at("id").get<std::int64_t>(), d.at("path").get<std::string>(),
                                              d.at("size").get<std::int64_t>(), d.at("sha256").get<std::string>()};
            if (!is_document_path(document.path) || !paths.insert(document.path).second || !is_sha256_hex(document.sha256))
                return not_a_backup(dir, "entrée de document invalide dans manifest.json (" + document.path + ")",
                                    "invalid document entry in manifest.json (" + document.path + ")");
            manifest.documents.push_back(std::move(document));
        }
    } catch (const nlohmann::json::exception&) {
        return not_a_backup(dir, "manifest.json incomplet", "incomplete manifest.json");
    }
    if (!is_sha256_hex(manifest.database_sha256))
        return not_a_backup(dir, "empreinte de la base invalide dans manifest.json", "invalid database checksum in manifest.json");
    return manifest;
}

// ---- folders ---------------------------------------------------------------------------------

// `path` absolute and normalized, without a trailing separator.
fs::path normalized_folder(const std::string& path) {
    fs::path out = fs::absolute(fs::path(path)).lexically_normal();
    if (!out.has_filename() && out.has_parent_path() && out != out.root_path()) out = out.parent_path();
    return out;
}

bool is_within(const fs::path& inner, const fs::path& outer) {
    std::error_code ec;
    const fs::path a = fs::weakly_canonical(inner, ec);
    const fs::path b = fs::weakly_canonical(outer, ec);
    auto ai = a.begin();
    for (auto bi = b.begin(); bi != b.end(); ++bi, ++ai) {
        if (bi->empty()) continue;  // a trailing separator
        if (ai == a.end() || *ai != *bi) return false;
    }
    return true;
}

bool is_empty_folder(const fs::path& dir) {
    std::error_code ec;
    return fs::is_empty(dir, ec) && !ec;
}

// Removes a temporary folder (or what a failed restore wrote) unless released.
struct BackupCleanup {
    std::vector<fs::path> folders;  // removed whole
    std::vector<fs::path> files;
    bool released = false;
    ~BackupCleanup() {
        if (released) return;
        std::error_code ec;
        for (const auto& file : files) fs::remove(file, ec);
        for (const auto& folder : folders) fs::remove_all(folder, ec);
    }
};

Error altered(const BackupDocumentRow& row, const std::string& where_fr, const std::string& where_en) {
    return detail::storage_error(row.named_fr() + where_fr + " est altéré : sa taille ou son empreinte SHA-256 ne correspond plus à celle enregistrée.",
                                 row.named_en() + where_en + " is altered: its size or SHA-256 no longer matches the recorded one.");
}

// Whether the live database still has this row (read on the source connection, after the snapshot).
Result<bool> row_is_live(sqlite3* source, const BackupDocumentRow& row) {
    bool live = false;
    TRY(backup_query(source, "SELECT 1 FROM documents WHERE id = ? AND storage_path = ?", {row.id, row.path},
                     [&](sqlite3_stmt*) { live = true; }, "Lecture de la base impossible", "Cannot read the database"));
    return live;
}

// ---- the backup, step by step ----------------------------------------------------------------------

struct BackupPlan {
    fs::path data_dir, database, output, temporary;
};

Result<BackupPlan> plan_backup(const BackupOptions& options) {
    if (options.data_dir.empty())
        return detail::invalid("Dossier de données non précisé (--data).", "No data folder given (--data).");
    if (options.output_dir.empty())
        return detail::invalid("Dossier de sauvegarde non précisé (--output).", "No backup folder given (--output).");
    BackupPlan plan;
    plan.data_dir = normalized_folder(options.data_dir);
    plan.database = plan.data_dir / kBackupDatabaseName;
    plan.output = normalized_folder(options.output_dir);
    std::error_code ec;
    if (!fs::is_directory(plan.data_dir, ec))
        return Error::make(ErrorCode::not_found, "Le dossier de données " + quoted_fr(plan.data_dir) + " n'existe pas.",
                           "The data folder " + quoted_en(plan.data_dir) + " does not exist.");
    if (!fs::is_regular_file(plan.database, ec))
        return Error::make(ErrorCode::not_found,
                           "Aucune base Cyberachat dans " + quoted_fr(plan.data_dir) + " (cyberachat.db absent).",
                           "No Cyberachat database in " + quoted_en(plan.data_dir) + " (no cyberachat.db).");
    if (is_within(plan.output, plan.data_dir))
        return detail::invalid("La sauvegarde doit être rangée hors du dossier de données " + quoted_fr(plan.data_dir) + ".",
                               "The backup must be kept outside the data folder " + quoted_en(plan.data_dir) + ".");
    if (fs::exists(plan.output, ec)) {
        if (!fs::is_directory(plan.output, ec))
            return detail::conflict(quoted_fr(plan.output) + " existe et n'est pas un dossier.",
                                    quoted_en(plan.output) + " exists and is not a folder.");
        if (!is_empty_folder(plan.output))
            return detail::conflict("Le dossier de sauvegarde " + quoted_fr(plan.output) +
                                        " n'est pas vide : une sauvegarde n'en remplace jamais une autre. Choisissez un dossier nouveau ou vide.",
                                    "The backup folder " + quoted_en(plan.output) +
                                        " is not empty: a backup never replaces another. Choose a new or empty folder.");
    }
    plan.temporary = plan.output.parent_path() /
                     ("." + plan.output.filename().string() + ".partial-" + security::random_token(6));
    return plan;
}

// Copies the snapshot's documents not copied yet; `removed` counts those whose file and live row
// are both gone (removed since the snapshot).
Result<void> copy_documents(sqlite3* source, const BackupPlan& plan, const std::vector<BackupDocumentRow>& rows,
                            std::map<std::string, detail::FileDigest>& copied, int& removed) {
    removed = 0;
    for (const BackupDocumentRow& row : rows) {
        if (!is_document_path(row.path))
            return detail::storage_error(row.named_fr() + " a un chemin invalide.", row.named_en() + " has an invalid path.");
        if (auto known = copied.find(row.path); known != copied.end()) {
            if (known->second.sha256 != row.sha256 || known->second.size != row.size)
                return altered(row, " dans " + quoted_fr(plan.data_dir), " in " + quoted_en(plan.data_dir));
            continue;
        }
        const fs::path target = plan.temporary / row.path;
        TRY(in_context(detail::create_directory_durably(target.parent_path()), target.parent_path().string()));
        auto copy = detail::copy_file_durably(plan.data_dir / row.path, target, detail::ExistingTarget::refuse);
        if (!copy) {
            if (copy.error().code != ErrorCode::not_found)
                return in_context(copy.error(), row.named_fr() + " n'a pas pu être copié", row.named_en() + " could not be copied");
            TRY_ASSIGN(const bool live, row_is_live(source, row));
            if (live)
                return Error::make(ErrorCode::not_found,
                                   row.named_fr() + " est introuvable dans " + quoted_fr(plan.data_dir) +
                                       " alors que la base le référence.",
                                   row.named_en() + " is missing from " + quoted_en(plan.data_dir) +
                                       " although the database refers to it.");
            ++removed;
            continue;
        }
        if (copy->sha256 != row.sha256 || copy->size != row.size) {
            ::unlink(target.c_str());
            return altered(row, " dans " + quoted_fr(plan.data_dir), " in " + quoted_en(plan.data_dir));
        }
        copied[row.path] = *copy;
    }
    return {};
}

// Syncs every folder under `root` and `root` itself (their entries are then durable).
Result<void> sync_folders(const fs::path& root) {
    std::error_code ec;
    std::vector<fs::path> folders;
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_directory(ec)) folders.push_back(it->path());
    if (ec) return detail::storage_error("Parcours de " + quoted_fr(root) + " impossible : " + ec.message(),
                                         "Cannot list " + quoted_en(root) + ": " + ec.message());
    folders.push_back(root);
    for (const auto& folder : folders)
        if (!detail::fsync_directory(folder))
            return detail::errno_error("Synchronisation de " + quoted_fr(folder) + " impossible",
                                       "Cannot sync " + quoted_en(folder), errno);
    return {};
}

}  // namespace

std::int64_t BackupManifest::document_bytes() const {
    std::int64_t total = 0;
    for (const auto& d : documents) total += d.size;
    return total;
}

Result<BackupReport> backup_sqlite(const BackupOptions& options) {
    TRY_ASSIGN(const BackupPlan plan, plan_backup(options));
    TRY(in_context(detail::create_directory_durably(plan.output.parent_path()), plan.output.parent_path().string()));
    if (::mkdir(plan.temporary.c_str(), 0700) != 0)
        return detail::errno_error("Création de " + quoted_fr(plan.temporary) + " impossible",
                                   "Cannot create " + quoted_en(plan.temporary), errno);
    BackupCleanup cleanup;
    cleanup.folders.push_back(plan.temporary);

    BackupConnection source;
    TRY(open_backup_connection(source, plan.database, SQLITE_OPEN_READONLY,
                               "Ouverture de la base " + quoted_fr(plan.database) + " impossible",
                               "Cannot open the database " + quoted_en(plan.database)));
    const fs::path snapshot = plan.temporary / kBackupDatabaseName;
    BackupReport report;
    std::map<std::string, detail::FileDigest> copied;
    DatabaseFacts facts;
    for (int attempt = 1;; ++attempt) {
        TRY(snapshot_database(source.db, plan.database, snapshot));
        if (options.after_snapshot) options.after_snapshot(attempt);
        BackupConnection copy;
        TRY(open_backup_connection(copy, snapshot, SQLITE_OPEN_READONLY, "Ouverture de la copie de la base impossible",
                                   "Cannot open the database's copy"));
        TRY_ASSIGN(facts, read_database_facts(copy.db, plan.database));
        int removed = 0;
        TRY(copy_documents(source.db, plan, facts.documents, copied, removed));
        report.snapshots = attempt;
        if (removed == 0) {
            TRY_ASSIGN(const std::string problems, integrity_problems(copy.db, plan.database));
            if (!problems.empty())
                return detail::storage_error("La base " + quoted_fr(plan.database) + " est endommagée (integrity_check : " + problems + ").",
                                             "The database " + quoted_en(plan.database) + " is damaged (integrity_check: " + problems + ").");
            break;
        }
        if (attempt == kBackupMaxSnapshots)
            return detail::storage_error(
                "Des documents ont été retirés pendant chacune des " + std::to_string(attempt) +
                    " copies de la base : sauvegarde abandonnée, relancez-la.",
                "Documents were removed during each of the " + std::to_string(attempt) +
                    " copies of the database: backup abandoned, run it again.");
    }
    // Files copied for an earlier snapshot whose rows this one no longer has.
    std::set<std::string> kept;
    for (const auto& row : facts.documents) kept.insert(row.path);
    for (const auto& [path, digest] : copied)
        if (!kept.count(path)) ::unlink((plan.temporary / path).c_str());

    BackupManifest& manifest = report.manifest;
    manifest.program_version = std::string(kProgramVersion);
    manifest.schema_version = facts.schema_version;
    manifest.created_at = now_iso();
    manifest.counts = facts.counts;
    for (const auto& row : facts.documents) manifest.documents.push_back({row.id, row.path, row.size, row.sha256});
    TRY_ASSIGN(const detail::FileDigest database, detail::hash_file(snapshot));
    manifest.database_size = database.size;
    manifest.database_sha256 = database.sha256;
    TRY(in_context(detail::write_file_durably(plan.temporary / kBackupManifestName, manifest_json(manifest).dump(2) + "\n"),
                   "manifest.json"));
    TRY(sync_folders(plan.temporary));

    // Into place: over an empty folder (rename replaces it), or a new name.
    if (::rename(plan.temporary.c_str(), plan.output.c_str()) != 0) {
        const int error = errno;
        if (error == ENOTEMPTY || error == EEXIST)
            return detail::conflict("Le dossier de sauvegarde " + quoted_fr(plan.output) + " a été rempli pendant la sauvegarde.",
                                    "The backup folder " + quoted_en(plan.output) + " was filled during the backup.");
        return detail::errno_error("Mise en place de " + quoted_fr(plan.output) + " impossible",
                                   "Cannot put " + quoted_en(plan.output) + " in place", error);
    }
    cleanup.released = true;
    if (!detail::fsync_directory(plan.output.parent_path()))
        return detail::errno_error("Synchronisation de " + quoted_fr(plan.output.parent_path()) + " impossible",
                                   "Cannot sync " + quoted_en(plan.output.parent_path()), errno);
    report.output_dir = plan.output.string();
    return report;
}

Result<BackupManifest> verify_sqlite_backup(const std::string& backup_dir) {
    if (backup_dir.empty())
        return detail::invalid("Dossier de sauvegarde non précisé (--from).", "No backup folder given (--from).");
    const fs::path dir = normalized_folder(backup_dir);
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return Error::make(ErrorCode::not_found, "Le dossier de sauvegarde " + quoted_fr(dir) + " n'existe pas.",
                           "The backup folder " + quoted_en(dir) + " does not exist.");
    TRY_ASSIGN(BackupManifest manifest, parse_manifest(dir));
    const auto invalid_backup = [&](const std::string& fr, const std::string& en) {
        return Error::make(ErrorCode::invalid_archive, "Sauvegarde " + quoted_fr(dir) + " invalide : " + fr,
                           "Invalid backup " + quoted_en(dir) + ": " + en);
    };

    const fs::path database = dir / kBackupDatabaseName;
    auto database_digest = detail::hash_file(database);
    if (!database_digest && database_digest.error().code == ErrorCode::not_found)
        return invalid_backup("cyberachat.db absent.", "no cyberachat.db.");
    if (!database_digest) return database_digest.error();
    if (database_digest->size != manifest.database_size || database_digest->sha256 != manifest.database_sha256)
        return invalid_backup("la base cyberachat.db est altérée (taille ou empreinte SHA-256 différente du manifeste).",
                              "the database cyberachat.db is altered (size or SHA-256 differs from the manifest).");
    for (const auto& document : manifest.documents) {
        auto digest = detail::hash_file(dir / document.path);
        const std::string named_fr = "le document n° " + std::to_string(document.id) + " (" + document.path + ")";
        const std::string named_en = "document " + std::to_string(document.id) + " (" + document.path + ")";
        if (!digest && digest.error().code == ErrorCode::not_found)
            return invalid_backup(named_fr + " est absent.", named_en + " is missing.");
        if (!digest) return digest.error();
        if (digest->size != document.size || digest->sha256 != document.sha256)
            return invalid_backup(named_fr + " est altéré (taille ou empreinte SHA-256 différente du manifeste).",
                                  named_en + " is altered (size or SHA-256 differs from the manifest).");
    }

    BackupConnection connection;
    TRY(open_backup_connection(connection, database, SQLITE_OPEN_READONLY,
                               "Ouverture de la base " + quoted_fr(database) + " impossible",
                               "Cannot open the database " + quoted_en(database)));
    TRY_ASSIGN(const std::string problems, integrity_problems(connection.db, database));
    if (!problems.empty())
        return invalid_backup("la base est endommagée (integrity_check : " + problems + ").",
                              "the database is damaged (integrity_check: " + problems + ").");
    TRY_ASSIGN(const DatabaseFacts facts, read_database_facts(connection.db, database));
    if (facts.schema_version != manifest.schema_version)
        return invalid_backup("la base est au schéma " + std::to_string(facts.schema_version) + ", le manifeste dit " +
                                  std::to_string(manifest.schema_version) + ".",
                              "the database is at schema " + std::to_string(facts.schema_version) + ", the manifest says " +
                                  std::to_string(manifest.schema_version) + ".");
    for (const auto& [table, count] : facts.counts) {
        auto listed = manifest.counts.find(table);
        if (listed == manifest.counts.end() || listed->second != count)
            return invalid_backup("la table " + table + " a " + std::to_string(count) + " lignes, le manifeste en annonce " +
                                      (listed == manifest.counts.end() ? std::string("aucune") : std::to_string(listed->second)) + ".",
                                  "table " + table + " has " + std::to_string(count) + " rows, the manifest says " +
                                      (listed == manifest.counts.end() ? std::string("none") : std::to_string(listed->second)) + ".");
    }
    for (const auto& [table, count] : manifest.counts)
        if (!facts.counts.count(table))
            return invalid_backup("la table " + table + " du manifeste manque à la base.",
                                  "table " + table + " of the manifest is missing from the database.");
    bool same_documents = facts.documents.size() == manifest.documents.size();
    for (size_t i = 0; same_documents && i < facts.documents.size(); ++i) {
        const auto& row = facts.documents[i];
        const auto& listed = manifest.documents[i];
        same_documents = row.id == listed.id && row.path == listed.path && row.size == listed.size && row.sha256 == listed.sha256;
    }
    if (!same_documents)
        return invalid_backup("les documents de la base ne sont pas ceux du manifeste.",
                              "the database's documents are not the manifest's.");
    return manifest;
}

Result<RestoreReport> restore_sqlite(const RestoreOptions& options) {
    if (options.data_dir.empty())
        return detail::invalid("Dossier de données non précisé (--data).", "No data folder given (--data).");
    TRY_ASSIGN(BackupManifest manifest, verify_sqlite_backup(options.backup_dir));
    const fs::path from = normalized_folder(options.backup_dir);
    const fs::path target = normalized_folder(options.data_dir);
    if (manifest.schema_version > Database::latest_schema_version())
        return Error::make(ErrorCode::invalid_archive,
                           "La sauvegarde vient d'une version plus récente du programme (schéma " +
                               std::to_string(manifest.schema_version) + ", ce programme connaît " +
                               std::to_string(Database::latest_schema_version()) + ").",
                           "The backup comes from a newer version of the program (schema " +
                               std::to_string(manifest.schema_version) + ", this program knows " +
                               std::to_string(Database::latest_schema_version()) + ").");

    std::error_code ec;
    const bool existed = fs::exists(target, ec);
    if (existed) {
        if (!fs::is_directory(target, ec))
            return detail::conflict(quoted_fr(target) + " existe et n'est pas un dossier.",
                                    quoted_en(target) + " exists and is not a folder.");
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            if (fs::exists(target / (std::string(kBackupDatabaseName) + suffix), ec))
                return detail::conflict("Le dossier " + quoted_fr(target) +
                                            " contient déjà une base de données (cyberachat.db) : une restauration ne "
                                            "l'écrase jamais. Restaurez dans un dossier nouveau.",
                                        "The folder " + quoted_en(target) +
                                            " already holds a database (cyberachat.db): a restore never overwrites it. "
                                            "Restore into a new folder.");
        if (!options.force && !is_empty_folder(target))
            return detail::conflict("Le dossier " + quoted_fr(target) +
                                        " n'est pas vide. Restaurez dans un dossier nouveau ou vide (--force accepte un "
                                        "dossier qui ne contient pas de base).",
                                    "The folder " + quoted_en(target) +
                                        " is not empty. Restore into a new or empty folder (--force accepts a folder "
                                        "that holds no database).");
    }
    // On failure, what this restore wrote goes: the whole folder if it made it, its documents/ folder
    // if the folder was empty, else the files it copied.
    BackupCleanup cleanup;
    if (!existed) {
        TRY(in_context(detail::create_directory_durably(target), target.string()));
        cleanup.folders.push_back(target);
    } else if (is_empty_folder(target)) {
        cleanup.folders.push_back(target / "documents");
    }

    // The documents first, the database last: until it is there, the folder is not an instance.
    for (const auto& document : manifest.documents) {
        const fs::path copy_path = target / document.path;
        TRY(in_context(detail::create_directory_durably(copy_path.parent_path()), copy_path.parent_path().string()));
        cleanup.files.push_back(copy_path);
        TRY_ASSIGN(const detail::FileDigest digest, detail::copy_file_durably(from / document.path, copy_path));
        if (digest.size != document.size || digest.sha256 != document.sha256)
            return detail::storage_error("Le document n° " + std::to_string(document.id) + " (" + document.path +
                                             ") a changé pendant la restauration.",
                                         "Document " + std::to_string(document.id) + " (" + document.path +
                                             ") changed during the restore.");
    }
    const fs::path database = target / kBackupDatabaseName;
    TRY_ASSIGN(const detail::FileDigest digest,
               detail::copy_file_durably(from / kBackupDatabaseName, database, detail::ExistingTarget::refuse));
    for (const char* suffix : {"", "-wal", "-shm"}) cleanup.files.push_back(database.string() + suffix);
    if (digest.size != manifest.database_size || digest.sha256 != manifest.database_sha256)
        return detail::storage_error("La base cyberachat.db a changé pendant la restauration.",
                                     "The database cyberachat.db changed during the restore.");

    // Opened once as the server opens it: WAL mode, migrations up to this program's schema.
    TRY_ASSIGN(auto opened, Database::open_sqlite(database.string(), 1));
    RestoreReport report;
    report.schema_version = opened->schema_version();
    opened.reset();
    cleanup.released = true;
    report.data_dir = target.string();
    report.manifest = std::move(manifest);
    return report;
}

}  // namespace cyberachat::store
