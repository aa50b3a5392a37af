// Backup and restore of a SQLite instance (store/sqlite_backup.hpp), over a real data folder with
// documents, the store open on it as the server has it. SQLite only: the suites are named Sqlite*.
#include "store/sqlite_backup.hpp"

#include <gtest/gtest.h>

#include <sys/resource.h>

#include <csignal>
#include <fstream>
#include <set>
#include <sstream>

#include "store_test_support.hpp"  // SQLite comes with SOCI, in namespace sqlite_api

namespace cyberachat::store::testing {
namespace {

std::string pdf_tagged(const std::string& tag) {
    return "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> "
           "endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n% " +
           tag + "\n";
}

std::string file_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void write_bytes(const fs::path& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

// Every row of every table of the SQLite file `path`, as text, by table (rows sorted).
std::map<std::string, std::vector<std::string>> dump_tables(const fs::path& path) {
    std::map<std::string, std::vector<std::string>> out;
    sqlite_api::sqlite3* db = nullptr;
    EXPECT_EQ(sqlite_api::sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    const auto run = [&](const std::string& sql, const std::function<void(sqlite_api::sqlite3_stmt*)>& row) {
        sqlite_api::sqlite3_stmt* statement = nullptr;
        ASSERT_EQ(sqlite_api::sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr), SQLITE_OK) << sql;
        while (sqlite_api::sqlite3_step(statement) == SQLITE_ROW) row(statement);
        sqlite_api::sqlite3_finalize(statement);
    };
    std::vector<std::string> tables;
    run("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", [&](auto* s) {
        tables.emplace_back(reinterpret_cast<const char*>(sqlite_api::sqlite3_column_text(s, 0)));
    });
    for (const auto& table : tables) {
        auto& rows = out[table];
        run("SELECT * FROM \"" + table + "\"", [&](auto* s) {
            std::string line;
            for (int c = 0; c < sqlite_api::sqlite3_column_count(s); ++c) {
                const auto* text = sqlite_api::sqlite3_column_text(s, c);
                line += (text ? reinterpret_cast<const char*>(text) : "NULL") + std::string("|");
            }
            rows.push_back(line);
        });
        std::sort(rows.begin(), rows.end());
    }
    sqlite_api::sqlite3_close(db);
    return out;
}

// `result` failed with `code`, its French message saying `words`.
template <typename T>
void expect_failure(const Result<T>& result, ErrorCode code, const std::string& words) {
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, code);
    EXPECT_NE(result.error().message.fr.find(words), std::string::npos) << result.error().message.fr;
}

std::set<std::string> names_in(const fs::path& dir) {
    std::set<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) names.insert(entry.path().filename().string());
    return names;
}

class SqliteBackup : public StoreTest {
protected:
    // A purchase, two vendors, answers, three documents of which one is removed again.
    void populate() {
        make_user("bio@chu.test");
        const Acquisition acquisition = make_acquisition();
        const VendorResponse first = make_response(acquisition.id, "Acme Medical", "hash-1");
        const VendorResponse second = make_response(acquisition.id, "Medica SA", "hash-2");
        for (const auto* question : {"q_nom", "q_version", "q_os"}) {
            ASSERT_TRUE(store->responses.save_answer(first.id, question, "réponse " + std::string(question), "", -1, "vendor:1").ok());
            ASSERT_TRUE(store->responses.save_answer(second.id, question, 42, "commentaire", -1, "vendor:2").ok());
        }
        for (const auto& [response, tag] : {std::pair{first.id, "a"}, std::pair{first.id, "b"}, std::pair{second.id, "c"}}) {
            auto added = store->documents.add(response, "q_preuve", std::string("preuve ") + tag + ".pdf", pdf_tagged(tag), "vendor:1");
            ASSERT_TRUE(added.ok()) << added.error().message.fr;
            documents.push_back(*added);
        }
        ASSERT_TRUE(store->documents.remove(documents[1].id, "vendor:1").ok());
        documents.erase(documents.begin() + 1);
    }

    Result<BackupReport> backup(std::function<void(int)> hook = {}) {
        return backup_sqlite({data_dir(), backup_dir().string(), std::move(hook)});
    }
    Result<RestoreReport> restore(bool force = false) {
        return restore_sqlite({backup_dir().string(), restored_dir().string(), force});
    }
    fs::path backup_dir() const { return dir.path() / "sauvegardes" / "2026-12-01"; }
    fs::path restored_dir() const { return dir.path() / "restored"; }
    fs::path manifest_path() const { return backup_dir() / "manifest.json"; }

    // No temporary folder left beside the backup's.
    void expect_no_leftover() const {
        for (const auto& name : names_in(backup_dir().parent_path()))
            EXPECT_EQ(name.find(".partial-"), std::string::npos) << name;
    }

    // The backup fails with `code`, its French message saying each of `french`, and leaves nothing.
    void expect_backup_fails(ErrorCode code, const std::vector<std::string>& french) {
        auto made = backup();
        ASSERT_FALSE(made.ok());
        EXPECT_EQ(made.error().code, code);
        for (const auto& words : french)
            EXPECT_NE(made.error().message.fr.find(words), std::string::npos) << made.error().message.fr;
        EXPECT_FALSE(made.error().message.en.empty());
        EXPECT_FALSE(fs::exists(backup_dir()));
        expect_no_leftover();
    }

    std::vector<StoredDocument> documents;
};

using SqliteRestore = SqliteBackup;

TEST_F(SqliteBackup, BackupThenRestoreGivesTheSameRowsAndFiles) {
    populate();
    auto made = backup();
    ASSERT_TRUE(made.ok()) << made.error().message.fr;
    EXPECT_EQ(made->snapshots, 1);
    EXPECT_EQ(names_in(backup_dir()), (std::set<std::string>{"cyberachat.db", "documents", "manifest.json"}));
    expect_no_leftover();
    const BackupManifest& manifest = made->manifest;
    EXPECT_EQ(manifest.schema_version, Database::latest_schema_version());
    EXPECT_EQ(manifest.program_version, "0.1.0");
    EXPECT_EQ(manifest.counts.at("documents"), 2);
    EXPECT_EQ(manifest.counts.at("responses"), 2);
    EXPECT_EQ(manifest.counts.at("answers"), 6);
    ASSERT_EQ(manifest.documents.size(), 2u);
    EXPECT_EQ(manifest.documents[0].sha256, documents[0].sha256);
    EXPECT_EQ(manifest.documents[1].path, documents[1].storage_path);
    // The removed document's file is not copied; the database copy needs no side file.
    EXPECT_EQ(fs::status(backup_dir() / "cyberachat.db").permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
    const std::string header = file_bytes(backup_dir() / "cyberachat.db").substr(18, 2);
    EXPECT_EQ(header, std::string("\x01\x01", 2)) << "rollback-journal mode";

    auto json = nlohmann::json::parse(file_bytes(manifest_path()));
    EXPECT_EQ(json["format"], "cyberachat-sqlite-backup");
    EXPECT_EQ(json["format_version"], 1);
    EXPECT_EQ(json["counts"]["documents"], 2);
    EXPECT_EQ(json["documents"][1]["sha256"], documents[1].sha256);
    EXPECT_EQ(json["created_at"].get<std::string>().size(), 20u);

    auto restored = restore();
    ASSERT_TRUE(restored.ok()) << restored.error().message.fr;
    EXPECT_EQ(restored->schema_version, Database::latest_schema_version());
    EXPECT_EQ(dump_tables(restored_dir() / "cyberachat.db"), dump_tables(fs::path(data_dir()) / "cyberachat.db"));
    for (const auto& document : documents)
        EXPECT_EQ(file_bytes(restored_dir() / document.storage_path), file_bytes(fs::path(data_dir()) / document.storage_path));
    EXPECT_EQ(names_in(backup_dir()), (std::set<std::string>{"cyberachat.db", "documents", "manifest.json"}))
        << "verifying a backup writes nothing into it";

    // The restored folder is an instance: it opens, its documents read back.
    auto reopened = Store::open(restored_dir().string());
    ASSERT_TRUE(reopened.ok()) << reopened.error().message.fr;
    for (const auto& document : documents) {
        auto bytes = (*reopened)->documents.read_bytes(document);
        ASSERT_TRUE(bytes.ok()) << bytes.error().message.fr;
        EXPECT_EQ(security::sha256_hex(*bytes), document.sha256);
    }
    EXPECT_EQ((*reopened)->responses.answers(documents[0].response_id)->size(), 3u);
}

TEST_F(SqliteBackup, WritesAfterTheSnapshotAreNotInTheBackup) {
    populate();
    const Id response = documents[0].response_id;
    auto made = backup([&](int) {
        ASSERT_TRUE(store->responses.save_answer(response, "q_tardive", "après", "", -1, "vendor:1").ok());
        ASSERT_TRUE(store->documents.add(response, "q_preuve", "tard.pdf", pdf_tagged("tard"), "vendor:1").ok());
    });
    ASSERT_TRUE(made.ok()) << made.error().message.fr;
    EXPECT_EQ(made->manifest.counts.at("answers"), 6);
    EXPECT_EQ(made->manifest.documents.size(), 2u);
    EXPECT_EQ(store->responses.answers(response)->size(), 4u);  // the live database has it
}

TEST_F(SqliteBackup, ADocumentRemovedDuringTheBackupTakesANewSnapshot) {
    populate();
    const StoredDocument removed = documents[0];
    auto made = backup([&](int attempt) {
        if (attempt == 1) {
            ASSERT_TRUE(store->documents.remove(removed.id, "vendor:1").ok());
        }
    });
    ASSERT_TRUE(made.ok()) << made.error().message.fr;
    EXPECT_EQ(made->snapshots, 2);
    ASSERT_EQ(made->manifest.documents.size(), 1u);
    EXPECT_EQ(made->manifest.documents[0].id, documents[1].id);
    EXPECT_FALSE(fs::exists(backup_dir() / removed.storage_path));
    EXPECT_TRUE(fs::exists(backup_dir() / documents[1].storage_path));
    ASSERT_TRUE(restore().ok());
}

TEST_F(SqliteBackup, AnAlteredDocumentFailsNamingIt) {
    populate();
    write_bytes(fs::path(data_dir()) / documents[1].storage_path, pdf_tagged("falsifié"));
    expect_backup_fails(ErrorCode::storage, {documents[1].storage_path, "preuve c.pdf", "altéré"});
}

TEST_F(SqliteBackup, AMissingDocumentFailsNamingIt) {
    populate();
    fs::remove(fs::path(data_dir()) / documents[0].storage_path);
    expect_backup_fails(ErrorCode::not_found, {documents[0].storage_path, "preuve a.pdf", "introuvable"});
}

TEST_F(SqliteBackup, AFailedWriteLeavesNoBackup) {
    populate();
    const Id response = documents[0].response_id;
    ASSERT_TRUE(store->documents.add(response, "q_preuve", "gros.pdf", pdf_tagged(std::string(1536 * 1024, 'z')), "vendor:1").ok());
    // Files of this process may not grow beyond 768 KiB (as a full disk would stop them): writes fail
    // with EFBIG. The database (its schema, the AFIB questionnaire's text) stays under that; the document does not.
    ASSERT_LT(fs::file_size(fs::path(data_dir()) / "cyberachat.db"), 768u * 1024) << "the database alone must fit under the limit";
    rlimit before{};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &before), 0);
    const auto previous = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = before;
    limited.rlim_cur = 768 * 1024;
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &limited), 0);
    expect_backup_fails(ErrorCode::storage, {"gros.pdf", "n'a pas pu être copié", "impossible"});
    ::setrlimit(RLIMIT_FSIZE, &before);
    std::signal(SIGXFSZ, previous);
}

TEST_F(SqliteBackup, RefusesANonEmptyOutputFolder) {
    populate();
    fs::create_directories(backup_dir());
    write_bytes(backup_dir() / "autre.txt", "déjà là");
    expect_failure(backup(), ErrorCode::conflict, "n'est pas vide");
    EXPECT_EQ(names_in(backup_dir()), std::set<std::string>{"autre.txt"});
    expect_no_leftover();
}

TEST_F(SqliteBackup, AnEmptyOutputFolderIsFilled) {
    populate();
    fs::create_directories(backup_dir());
    auto made = backup();
    ASSERT_TRUE(made.ok()) << made.error().message.fr;
    EXPECT_TRUE(fs::exists(manifest_path()));
}

TEST_F(SqliteBackup, RefusesWhatIsNotAnInstance) {
    expect_failure(backup_sqlite({(dir.path() / "absent").string(), backup_dir().string(), {}}), ErrorCode::not_found,
                   "n'existe pas");

    fs::create_directories(dir.path() / "vide");
    expect_failure(backup_sqlite({(dir.path() / "vide").string(), backup_dir().string(), {}}), ErrorCode::not_found,
                   "cyberachat.db absent");

    fs::create_directories(dir.path() / "abime");
    write_bytes(dir.path() / "abime" / "cyberachat.db", std::string(8192, 'x'));
    expect_failure(backup_sqlite({(dir.path() / "abime").string(), backup_dir().string(), {}}), ErrorCode::storage,
                   "n'est pas une base SQLite");
    EXPECT_FALSE(fs::exists(backup_dir()));

    expect_failure(backup_sqlite({data_dir(), (fs::path(data_dir()) / "sauvegarde").string(), {}}),
                   ErrorCode::invalid_value, "hors du dossier de données");
}

TEST_F(SqliteRestore, AnAlteredOrMissingDocumentInTheBackupFailsNamingIt) {
    populate();
    ASSERT_TRUE(backup().ok());
    const fs::path copy = backup_dir() / documents[1].storage_path;
    const std::string original = file_bytes(copy);
    write_bytes(copy, pdf_tagged("falsifié"));
    auto altered = restore();
    ASSERT_FALSE(altered.ok());
    EXPECT_EQ(altered.error().code, ErrorCode::invalid_archive);
    EXPECT_NE(altered.error().message.fr.find(documents[1].storage_path), std::string::npos) << altered.error().message.fr;
    EXPECT_NE(altered.error().message.fr.find("altéré"), std::string::npos) << altered.error().message.fr;
    EXPECT_FALSE(fs::exists(restored_dir())) << "nothing is written before the backup verifies";

    fs::remove(copy);
    auto missing = restore();
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.fr.find(documents[1].storage_path), std::string::npos) << missing.error().message.fr;
    EXPECT_NE(missing.error().message.fr.find("absent"), std::string::npos) << missing.error().message.fr;
    EXPECT_FALSE(fs::exists(restored_dir()));

    write_bytes(copy, original);
    ASSERT_TRUE(restore().ok());
}

TEST_F(SqliteRestore, AnAlteredDatabaseOrManifestFails) {
    populate();
    ASSERT_TRUE(backup().ok());
    const fs::path database = backup_dir() / "cyberachat.db";
    const std::string original = file_bytes(database);
    std::string changed = original;
    changed[changed.size() - 100] ^= 0x5a;
    write_bytes(database, changed);
    expect_failure(restore(), ErrorCode::invalid_archive, "cyberachat.db est altérée");
    write_bytes(database, original);

    // Counts that do not match the database (the manifest edited).
    auto json = nlohmann::json::parse(file_bytes(manifest_path()));
    json["counts"]["answers"] = 7;
    write_bytes(manifest_path(), json.dump());
    expect_failure(restore(), ErrorCode::invalid_archive, "la table answers a 6 lignes");
    EXPECT_FALSE(fs::exists(restored_dir()));
}

TEST_F(SqliteRestore, RefusesAFolderThatIsNotABackup) {
    auto absent = restore_sqlite({(dir.path() / "absent").string(), restored_dir().string(), false});
    ASSERT_FALSE(absent.ok());
    EXPECT_EQ(absent.error().code, ErrorCode::not_found);

    // An instance, not a backup.
    expect_failure(restore_sqlite({data_dir(), restored_dir().string(), false}), ErrorCode::invalid_archive,
                   "n'est pas une sauvegarde Cyberachat");

    fs::create_directories(backup_dir());
    write_bytes(manifest_path(), R"({"format": "autre chose", "format_version": 1})");
    expect_failure(restore(), ErrorCode::invalid_archive, "n'est pas une sauvegarde Cyberachat");
    write_bytes(manifest_path(), "pas du JSON");
    EXPECT_FALSE(restore().ok());
    EXPECT_FALSE(fs::exists(restored_dir()));
}

TEST_F(SqliteRestore, RefusesANonEmptyTarget) {
    populate();
    ASSERT_TRUE(backup().ok());
    fs::create_directories(restored_dir());
    write_bytes(restored_dir() / "notes.txt", "à garder");
    expect_failure(restore(), ErrorCode::conflict, "n'est pas vide");
    EXPECT_EQ(names_in(restored_dir()), std::set<std::string>{"notes.txt"});

    // --force: a folder without a database is accepted (what it held stays).
    auto forced = restore(true);
    ASSERT_TRUE(forced.ok()) << forced.error().message.fr;
    EXPECT_EQ(file_bytes(restored_dir() / "notes.txt"), "à garder");
    EXPECT_TRUE(fs::exists(restored_dir() / documents[0].storage_path));
}

TEST_F(SqliteRestore, NeverOverwritesADatabaseEvenWithForce) {
    populate();
    ASSERT_TRUE(backup().ok());
    // The live instance itself as the target.
    const std::string before = file_bytes(fs::path(data_dir()) / "cyberachat.db");
    for (bool force : {false, true}) {
        expect_failure(restore_sqlite({backup_dir().string(), data_dir(), force}), ErrorCode::conflict,
                       "contient déjà une base");
    }
    EXPECT_EQ(file_bytes(fs::path(data_dir()) / "cyberachat.db"), before);
    // A target holding only a WAL file is refused too.
    fs::create_directories(restored_dir());
    write_bytes(restored_dir() / "cyberachat.db-wal", "");
    EXPECT_FALSE(restore(true).ok());
}

TEST_F(SqliteRestore, AnOlderBackupIsMigratedOnRestore) {
    const fs::path old_data = dir.path() / "ancienne";
    fs::create_directories(old_data);
    {
        auto old = Database::open_sqlite_at_version((old_data / "cyberachat.db").string(), 2);
        ASSERT_TRUE(old.ok()) << old.error().message.fr;
        ASSERT_TRUE((*old)->write([](soci::session& sql) -> Result<void> {
            sql << "INSERT INTO users (email, role, created_at) VALUES ('ancien@chu.test', 'admin', '2025-01-01T00:00:00Z')";
            return {};
        }).ok());
    }
    auto made = backup_sqlite({old_data.string(), backup_dir().string(), {}});
    ASSERT_TRUE(made.ok()) << made.error().message.fr;
    EXPECT_EQ(made->manifest.schema_version, 2);
    EXPECT_EQ(made->manifest.counts.count("reviews"), 0u);
    auto restored = restore();
    ASSERT_TRUE(restored.ok()) << restored.error().message.fr;
    EXPECT_EQ(restored->manifest.schema_version, 2);
    EXPECT_EQ(restored->schema_version, Database::latest_schema_version());
    auto reopened = Store::open(restored_dir().string());
    ASSERT_TRUE(reopened.ok()) << reopened.error().message.fr;
    EXPECT_TRUE((*reopened)->users.find_by_email("ancien@chu.test").ok());
    EXPECT_EQ(dump_tables(restored_dir() / "cyberachat.db").count("reviews"), 1u);  // a table of migration 3
}

}  // namespace
}  // namespace cyberachat::store::testing
