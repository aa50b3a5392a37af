#include "store/database.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include "store/repositories.hpp"
#include "store/soci.hpp"
#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace {

std::string db_path(const TempDir& dir) { return (dir.path() / "test.db").string(); }

// A fresh database of the engine under test (a SQLite file, or a PostgreSQL schema of its own on
// the pg run), which several Database objects may open — as several instances would.
class TestTarget {
public:
    TestTarget() {
        if (testing_on_postgresql()) schema_.emplace();
    }
    std::string target() const { return schema_ ? schema_->url() : db_path(dir_); }
    Result<std::shared_ptr<Database>> open(size_t pool = 2, int version = Database::latest_schema_version()) const {
        return Database::open_at_version(test_engine(), target(), version, pool);
    }
    // The data folder of a Store on this target (SQLite: the file is data/cyberachat.db).
    Result<std::shared_ptr<Store>> open_store() const {
        if (schema_) return Store::open_postgresql(schema_->url(), 2);
        return Store::open(data_dir());
    }
    std::string data_dir() const { return (dir_.path() / "data").string(); }
    std::string store_target() const { return schema_ ? schema_->url() : data_dir() + "/cyberachat.db"; }

private:
    TempDir dir_;
    std::optional<TestSchema> schema_;
};

// The tables, indexes or triggers of the schema, by name, on either engine.
std::vector<std::string> names_of(Database& db, const std::string& type) {
    std::string query;
    if (db.engine() == Engine::sqlite)
        query = "SELECT name FROM sqlite_master WHERE type = '" + type + "' ORDER BY name";
    else if (type == "table")
        query = "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1";
    else if (type == "index")
        query = "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1";
    else
        query = "SELECT DISTINCT trigger_name FROM information_schema.triggers WHERE trigger_schema = current_schema() "
                "ORDER BY 1";
    std::vector<std::string> names;
    EXPECT_TRUE(db.read([&](soci::session& sql) {
        soci::rowset<std::string> rows = (sql.prepare << query);
        for (const auto& name : rows) names.push_back(name);
    }).ok());
    return names;
}

TEST(StoreDatabase, MigratesAnEmptyDatabaseToTheLatestVersion) {
    TestTarget dir;
    auto db = dir.open();
    ASSERT_TRUE(db.ok()) << db.error().message.in(Language::en);
    EXPECT_EQ((*db)->engine(), test_engine());
    EXPECT_GE(Database::latest_schema_version(), 2);
    EXPECT_EQ((*db)->schema_version(), Database::latest_schema_version());
    const auto tables = names_of(**db, "table");
    for (const char* table : {"users", "sessions", "api_tokens", "questionnaire_versions", "acquisitions",
                              "responses", "answers", "documents", "events", "schema_migrations"})
        EXPECT_NE(std::find(tables.begin(), tables.end(), table), tables.end()) << table;
    const auto indexes = names_of(**db, "index");
    EXPECT_NE(std::find(indexes.begin(), indexes.end(), "events_entity"), indexes.end());
    EXPECT_NE(std::find(indexes.begin(), indexes.end(), "documents_response"), indexes.end());
}

TEST(StoreDatabase, EachMigrationIsRecordedOnce) {
    TestTarget dir;
    {
        auto db = dir.open();
        ASSERT_TRUE(db.ok());
    }
    auto db = dir.open();  // reopening applies nothing twice
    ASSERT_TRUE(db.ok()) << db.error().message.in(Language::en);
    // (Migration numbers may skip one while branches are merged: the newest is the latest.)
    long long rows = 0, distinct = 0, newest = 0;
    EXPECT_TRUE((*db)->read([&](soci::session& sql) {
        sql << "SELECT COUNT(*), COUNT(DISTINCT version), MAX(version) FROM schema_migrations", soci::into(rows),
            soci::into(distinct), soci::into(newest);
    }).ok());
    EXPECT_EQ(newest, Database::latest_schema_version());
    EXPECT_GE(rows, Database::latest_schema_version() - 1);
    EXPECT_EQ(distinct, rows);
}

TEST(SqliteDatabase, ConnectionsHaveTheRequiredPragmas) {
    TempDir dir;
    auto db = Database::open_sqlite(db_path(dir), 3);
    ASSERT_TRUE(db.ok());
    // Several reads at once take several pooled connections: check them all.
    for (int i = 0; i < 3; ++i) {
        std::string journal;
        int synchronous = -1, foreign_keys = -1, busy = -1;
        EXPECT_TRUE((*db)->read([&](soci::session& sql) {
            sql << "PRAGMA journal_mode", soci::into(journal);
            sql << "PRAGMA synchronous", soci::into(synchronous);
            sql << "PRAGMA foreign_keys", soci::into(foreign_keys);
            sql << "PRAGMA busy_timeout", soci::into(busy);
        }).ok());
        EXPECT_EQ(journal, "wal");
        EXPECT_EQ(synchronous, 2);  // FULL
        EXPECT_EQ(foreign_keys, 1);
        EXPECT_EQ(busy, 10000);
    }
}

// Data as the version-1 program wrote it: plain SQL against migration 1's tables (which never
// change), so this stays valid whatever later migrations and repositories become.
void seed_version_1(soci::session& sql) {
    const std::string token_hash(64, 'b');  // (a bound value must outlive the one-shot statement)
    sql << "INSERT INTO users (id, email, display_name, role, password_hash, active, created_at) "
           "VALUES (1, 'admin@example.org', 'Admin', 'admin', '$argon2id$fake', 1, '2026-01-01T00:00:00Z')";
    sql << "INSERT INTO questionnaire_versions (id, questionnaire_id, version, sha256, yaml, created_at) "
           "VALUES (1, 'afib', '2024.1', 'abc123', 'id: afib', '2026-01-01T00:00:00Z')";
    sql << "INSERT INTO acquisitions (id, title, questionnaire_version_id, status, created_by, created_at, "
           "updated_at) VALUES (1, 'Pousse-seringues', 1, 'open', 1, '2026-01-01T00:00:00Z', "
           "'2026-01-01T00:00:00Z')";
    sql << "INSERT INTO responses (id, acquisition_id, company, language, status, invite_token_hash, invited_at, "
           "created_at, updated_at) VALUES (1, 1, 'Vendeur', 'fr', 'draft', :hash, '2026-01-01T00:00:00Z', "
           "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
        soci::use(token_hash);
    sql << "INSERT INTO answers (response_id, question_id, value_json, comment, revision, updated_at, updated_by) "
           "VALUES (1, 'q1', '\"oui\"', 'commentaire', 1, '2026-01-01T00:00:00Z', 'vendor:1')";
    sql << "INSERT INTO documents (id, response_id, question_id, file_name, content_type, size, sha256, "
           "storage_path, created_at) VALUES (1, 1, 'q1', 'a.pdf', 'application/pdf', 3, 'x', "
           "'documents/1/a.bin', '2026-01-01T00:00:00Z')";
    sql << "INSERT INTO sessions (token_hash, kind, subject_id, csrf_token, language, created_at, last_seen_at) "
           "VALUES ('s', 'vendor', 1, 'c', 'en', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')";
    sql << "INSERT INTO api_tokens (id, user_id, token_hash, name, created_at) "
           "VALUES (1, 1, 'api', 'n', '2026-01-01T00:00:00Z')";
    sql << "INSERT INTO events (at, actor, entity, entity_id, action, field, old_value, new_value) "
           "VALUES ('2026-01-01T00:00:00Z', 'system', 'user', 1, 'create', '', '', '{}')";
}

TEST(StoreDatabase, MigratesFromVersion1KeepingTheData) {
    TestTarget dir;
    std::filesystem::create_directories(dir.data_dir());
    {
        auto old = Database::open_at_version(test_engine(), dir.store_target(), 1, 2);
        ASSERT_TRUE(old.ok()) << old.error().message.in(Language::en);
        EXPECT_EQ((*old)->schema_version(), 1);
        EXPECT_TRUE(names_of(**old, "trigger").empty());
        auto seeded = (*old)->write([](soci::session& sql) -> Result<void> {
            seed_version_1(sql);
            return {};
        });
        ASSERT_TRUE(seeded.ok()) << seeded.error().message.in(Language::en);
    }
    auto opened = dir.open_store();
    ASSERT_TRUE(opened.ok()) << opened.error().message.in(Language::en);
    auto& store = **opened;
    EXPECT_EQ(store.db->schema_version(), Database::latest_schema_version());
    auto user = store.users.find_by_email("ADMIN@example.org");
    ASSERT_TRUE(user);
    EXPECT_EQ(user->role, Role::admin);
    auto acquisition = store.acquisitions.find(1);
    ASSERT_TRUE(acquisition);
    EXPECT_EQ(acquisition->title, "Pousse-seringues");
    EXPECT_EQ(acquisition->questionnaire_version_id, 1);
    EXPECT_EQ(store.questionnaires.find(1)->yaml, "id: afib");
    auto by_token = store.responses.find_by_token_hash(std::string(64, 'b'));
    ASSERT_TRUE(by_token);
    EXPECT_EQ(by_token->id, 1);
    auto answer = store.responses.answer(1, "q1");
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->value, "oui");
    EXPECT_EQ(answer->comment, "commentaire");
    EXPECT_EQ(answer->revision, 1);
    EXPECT_EQ(store.documents.list_for(1).value().size(), 1u);
    EXPECT_EQ(store.sessions.find("s")->language, "en");
    EXPECT_EQ(store.api_tokens.find_user("api")->id, 1);
    EXPECT_EQ(store.events.list("user", 1).value().size(), 1u);
    // Migration 2's additions are there and the migrated database works as a new one.
    EXPECT_FALSE(names_of(*store.db, "trigger").empty());
    auto saved = store.responses.save_answer(1, "q1", "non", "commentaire", 1, "vendor:1");
    ASSERT_TRUE(saved.ok()) << saved.error().message.in(Language::en);
    EXPECT_EQ(saved->answer.revision, 2);
}

// Migration 13: a purchase made before it has no English title, and can be given one.
TEST(StoreDatabase, APurchaseFromBeforeMigration13HasNoEnglishTitle) {
    TestTarget dir;
    std::filesystem::create_directories(dir.data_dir());
    {
        auto old = Database::open_at_version(test_engine(), dir.store_target(), 12, 2);
        ASSERT_TRUE(old.ok()) << old.error().message.in(Language::en);
        ASSERT_EQ((*old)->schema_version(), 12);
        auto seeded = (*old)->write([](soci::session& sql) -> Result<void> {
            sql << "INSERT INTO acquisitions (title, equipment, created_at, updated_at) "
                   "VALUES ('Pousse-seringues', 'Pousse-seringue', '2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z')";
            return {};
        });
        ASSERT_TRUE(seeded.ok()) << seeded.error().message.in(Language::en);
    }
    auto opened = dir.open_store();
    ASSERT_TRUE(opened.ok()) << opened.error().message.in(Language::en);
    auto& store = **opened;
    EXPECT_GE(store.db->schema_version(), 13);
    auto before = store.acquisitions.list().value();
    ASSERT_EQ(before.size(), 1u);
    EXPECT_EQ(before[0].title, "Pousse-seringues");
    EXPECT_EQ(before[0].title_en, "");
    Acquisition changed = before[0];
    changed.title_en = "Syringe pumps";
    ASSERT_TRUE(store.acquisitions.update(changed, "system").ok());
    EXPECT_EQ(store.acquisitions.find(changed.id)->title_en, "Syringe pumps");
}

TEST(StoreDatabase, UpgradesFromEveryEarlierVersion) {
    for (int version = 0; version < Database::latest_schema_version(); ++version) {
        SCOPED_TRACE("from version " + std::to_string(version));
        TestTarget dir;
        {
            auto old = dir.open(2, version);
            ASSERT_TRUE(old.ok()) << old.error().message.in(Language::en);
            // (A number left free while branches are merged is the version below it.)
            EXPECT_LE((*old)->schema_version(), version);
            EXPECT_GE((*old)->schema_version(), version - 1);
        }
        auto db = dir.open();
        ASSERT_TRUE(db.ok()) << db.error().message.in(Language::en);
        EXPECT_EQ((*db)->schema_version(), Database::latest_schema_version());
        UserRepository users(*db);
        User user;
        user.email = "after@example.org";
        EXPECT_TRUE(users.create(user, "system").ok());
    }
}

TEST(StoreDatabase, RefusesADatabaseFromANewerProgram) {
    TestTarget dir;
    {
        auto db = dir.open();
        ASSERT_TRUE(db.ok());
        auto written = (*db)->write([](soci::session& sql) -> Result<void> {
            sql << "INSERT INTO schema_migrations (version, applied_at) VALUES (999, '2099-01-01T00:00:00Z')";
            return {};
        });
        ASSERT_TRUE(written.ok());
    }
    auto db = dir.open();
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, ErrorCode::storage);
    EXPECT_NE(db.error().message.in(Language::en).find("newer"), std::string::npos);
}

// A group upgrades its instances one at a time: an instance of the previous release keeps running
// on a database the next release migrated, as long as that migration says it keeps it working.
TEST(StoreDatabase, RunsOnADatabaseANewerCompatibleReleaseMigrated) {
    TestTarget dir;
    const int latest = Database::latest_schema_version();
    const auto add_row = [&](int version, int compatible_down_to) {
        auto db = dir.open();
        ASSERT_TRUE(db.ok()) << db.error().message.in(Language::en);
        auto written = (*db)->write([&](soci::session& sql) -> Result<void> {
            sql << "INSERT INTO schema_migrations (version, applied_at, compatible_down_to) "
                   "VALUES (:v, '2027-01-01T00:00:00Z', :c)",
                soci::use(version), soci::use(compatible_down_to);
            return {};
        });
        ASSERT_TRUE(written.ok()) << written.error().message.in(Language::en);
    };
    add_row(latest + 1, latest);  // the next release: additive, keeps this one working
    {
        auto db = dir.open();
        ASSERT_TRUE(db.ok()) << db.error().message.in(Language::en);
        EXPECT_EQ((*db)->schema_version(), latest + 1);
        User user;
        user.email = "during-the-upgrade@example.org";
        EXPECT_TRUE(UserRepository(*db).create(user, "system").ok());
    }
    add_row(latest + 2, latest + 2);  // a release after it that breaks older programs
    auto refused = dir.open();
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::storage);
    EXPECT_NE(refused.error().message.fr.find("mettez cette instance à jour"), std::string::npos) << refused.error().message.fr;
}

// Databases made before the compatibility column existed get it at their next start.
TEST(StoreDatabase, AnOlderBookkeepingTableGetsTheCompatibilityColumn) {
    TestTarget dir;
    {
        auto db = dir.open(2, 0);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE((*db)->write([](soci::session& sql) -> Result<void> {
            sql << "DROP TABLE schema_migrations";
            sql << "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)";
            return {};
        }).ok());
    }
    auto db = dir.open();
    ASSERT_TRUE(db.ok()) << db.error().message.in(Language::en);
    EXPECT_EQ((*db)->schema_version(), Database::latest_schema_version());
    int compatible = -1;
    ASSERT_TRUE((*db)->read([&](soci::session& sql) {
        sql << "SELECT compatible_down_to FROM schema_migrations WHERE version = 2", soci::into(compatible);
    }).ok());
    EXPECT_EQ(compatible, 1);  // each migration so far keeps the previous release working
}

TEST(SqliteDatabase, FailsCleanlyOnAnUnusablePath) {
    TempDir dir;
    auto db = Database::open_sqlite((dir.path() / "missing" / "folder" / "x.db").string());
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, ErrorCode::storage);
}

TEST(StoreDatabase, WriteRollsBackOnErrorAndOnException) {
    TestTarget dir;
    auto opened = dir.open();
    ASSERT_TRUE(opened.ok());
    auto db = *opened;
    const auto insert = [](soci::session& sql, const std::string& email) {
        sql << "INSERT INTO users (email, role, created_at) VALUES (:email, 'admin', '2026-01-01T00:00:00Z')",
            soci::use(email);
    };
    auto failed = db->write([&](soci::session& sql) -> Result<void> {
        insert(sql, "a@example.org");
        return Error::make(ErrorCode::invalid_value, "non", "no");
    });
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().code, ErrorCode::invalid_value);
    auto thrown = db->write([&](soci::session& sql) -> Result<void> {
        insert(sql, "b@example.org");
        sql << "INSERT INTO no_such_table VALUES (1)";
        return {};
    });
    ASSERT_FALSE(thrown.ok());
    EXPECT_EQ(thrown.error().code, ErrorCode::storage);
    auto duplicate = db->write([&](soci::session& sql) -> Result<void> {
        insert(sql, "c@example.org");
        insert(sql, "c@example.org");
        return {};
    });
    ASSERT_FALSE(duplicate.ok());
    EXPECT_EQ(duplicate.error().code, ErrorCode::conflict);
    auto committed = db->write([&](soci::session& sql) -> Result<void> {
        insert(sql, "d@example.org");
        return {};
    });
    ASSERT_TRUE(committed.ok());
    long long n = 0;
    EXPECT_TRUE(db->read([&](soci::session& sql) { sql << "SELECT COUNT(*) FROM users", soci::into(n); }).ok());
    EXPECT_EQ(n, 1);  // only d@
}

TEST(StoreDatabase, ConcurrentWritesShareACommitAndFailAlone) {
    TestTarget dir;
    auto opened = dir.open(4);
    ASSERT_TRUE(opened.ok());
    auto db = *opened;
    const auto insert = [](soci::session& sql, const std::string& email) {
        sql << "INSERT INTO users (email, role, created_at) VALUES (:email, 'admin', '2026-01-01T00:00:00Z')",
            soci::use(email);
    };
    // The first write holds the transaction long enough for the others to queue behind it: they
    // then run as one batch, where every fourth fails in one of three ways.
    std::atomic<bool> first_started{false};
    std::thread first([&] {
        auto r = db->write([&](soci::session& sql) -> Result<void> {
            insert(sql, "first@example.org");
            first_started = true;
            std::this_thread::sleep_for(std::chrono::milliseconds(150));
            return {};
        });
        EXPECT_TRUE(r.ok());
    });
    while (!first_started) std::this_thread::yield();
    const std::uint64_t commits_before = db->commit_count();
    constexpr int kWrites = 24;
    std::vector<std::string> codes(kWrites);
    std::vector<std::thread> writers;
    for (int i = 0; i < kWrites; ++i)
        writers.emplace_back([&, i] {
            const std::string email = "w" + std::to_string(i) + "@example.org";
            auto r = db->write([&](soci::session& sql) -> Result<void> {
                insert(sql, email);
                if (i % 4 == 1) return Error::make(ErrorCode::invalid_value, "non", "no");
                if (i % 4 == 2) sql << "INSERT INTO no_such_table VALUES (1)";
                if (i % 4 == 3) insert(sql, "first@example.org");  // unique violation
                return {};
            });
            codes[i] = r.ok() ? "ok" : std::string(error_code_name(r.error().code));
        });
    for (auto& w : writers) w.join();
    first.join();
    for (int i = 0; i < kWrites; ++i) {
        const char* expected = i % 4 == 0 ? "ok" : i % 4 == 1 ? "invalid_value" : i % 4 == 2 ? "storage" : "conflict";
        EXPECT_EQ(codes[i], expected) << "write " << i;
    }
    // Grouped: far fewer commits than writes (the first write's included).
    EXPECT_LT(db->commit_count() - commits_before, static_cast<std::uint64_t>(kWrites / 2));
    std::vector<std::string> emails;
    EXPECT_TRUE(db->read([&](soci::session& sql) {
        std::string email;
        soci::statement st = (sql.prepare << "SELECT email FROM users ORDER BY email", soci::into(email));
        st.execute();
        while (st.fetch()) emails.push_back(email);
    }).ok());
    std::vector<std::string> expected{"first@example.org"};
    for (int i = 0; i < kWrites; i += 4) expected.push_back("w" + std::to_string(i) + "@example.org");
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(emails, expected);
}

TEST(StoreDatabase, StorageErrorsDoNotRevealBoundValues) {
    TestTarget dir;
    auto opened = dir.open();
    ASSERT_TRUE(opened.ok());
    const std::string secret = "secret-token-hash-value";
    auto failed = (*opened)->write([&](soci::session& sql) -> Result<void> {
        sql << "INSERT INTO sessions (token_hash, kind, subject_id, csrf_token, created_at, last_seen_at) "
               "VALUES (:a, 'user', 1, :b, 'x', 'y')",
            soci::use(secret), soci::use(secret);
        sql << "INSERT INTO sessions (token_hash, kind, subject_id, csrf_token, created_at, last_seen_at) "
               "VALUES (:a, 'user', 1, :b, 'x', 'y')",
            soci::use(secret), soci::use(secret);
        return {};
    });
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().message.fr.find(secret), std::string::npos);
    EXPECT_EQ(failed.error().message.in(Language::en).find(secret), std::string::npos);
}

TEST(StoreDatabase, ReadSwallowsExceptions) {
    TestTarget dir;
    auto opened = dir.open();
    ASSERT_TRUE(opened.ok());
    bool ran = false;
    EXPECT_NO_THROW((*opened)->read([&](soci::session& sql) {
        ran = true;
        sql << "SELECT * FROM no_such_table";
    }));
    EXPECT_TRUE(ran);
}

TEST(StoreDatabase, EventsAreAppendOnly) {
    TestTarget dir;
    auto opened = dir.open();
    ASSERT_TRUE(opened.ok());
    auto db = *opened;
    UserRepository users(db);
    User user;
    user.email = "x@example.org";
    ASSERT_TRUE(users.create(user, "system").ok());
    auto update = db->write([](soci::session& sql) -> Result<void> {
        sql << "UPDATE events SET actor = 'someone else'";
        return {};
    });
    EXPECT_FALSE(update.ok());
    auto remove = db->write([](soci::session& sql) -> Result<void> {
        sql << "DELETE FROM events";
        return {};
    });
    EXPECT_FALSE(remove.ok());
    EXPECT_EQ(EventRepository(db).list_all().value().size(), 1u);
}

TEST(StoreDatabase, NowIsoIsUtcWithSeconds) {
    const std::string now = now_iso();
    ASSERT_EQ(now.size(), 20u) << now;
    EXPECT_EQ(now[4], '-');
    EXPECT_EQ(now[10], 'T');
    EXPECT_EQ(now.back(), 'Z');
}

}  // namespace
}  // namespace cyberachat::store::testing
