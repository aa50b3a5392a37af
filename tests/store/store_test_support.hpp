#pragma once
// Shared fixture of the store tests (and, through services/service_fixture.hpp, of the service
// tests): a fresh store per test on a real engine — a SQLite file in a fresh temporary folder, or,
// when CYB_TEST_POSTGRES_URL names a PostgreSQL database (CTest's "pg." copies of the suites, on the
// throwaway cluster of scripts/test-postgres.sh), a fresh schema of its own in that database.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <filesystem>
#include <optional>
#include <memory>
#include <string>

#include "security/secrets.hpp"
#include "store/repositories.hpp"
#include "store/soci.hpp"

namespace cyberachat::store::testing {

namespace fs = std::filesystem;

class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "cyberachat-store-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// A small valid PDF (libmagic: application/pdf), the document most store tests add.
inline const std::string kMinimalPdf =
    "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> "
    "endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

// The PostgreSQL database the tests run on, or "" for SQLite.
inline std::string test_postgres_url() {
    const char* url = std::getenv("CYB_TEST_POSTGRES_URL");
    return url ? url : "";
}
inline bool testing_on_postgresql() { return !test_postgres_url().empty(); }
inline Engine test_engine() { return testing_on_postgresql() ? Engine::postgresql : Engine::sqlite; }

// A schema of its own in the test database (t_<random>), dropped with everything in it at the end.
class TestSchema {
public:
    TestSchema() : name_("t_" + security::random_token(8)) {
        for (char& c : name_) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (char& c : name_)
            if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
        soci::session admin(soci::postgresql, test_postgres_url());
        admin << "CREATE SCHEMA " + name_;
    }
    ~TestSchema() {
        try {
            soci::session admin(soci::postgresql, test_postgres_url());
            admin << "SET client_min_messages = warning";
            admin << "DROP SCHEMA " + name_ + " CASCADE";
        } catch (const std::exception& e) {
            ADD_FAILURE() << "DROP SCHEMA " << name_ << ": " << e.what();
        }
    }
    TestSchema(const TestSchema&) = delete;
    TestSchema& operator=(const TestSchema&) = delete;
    const std::string& name() const { return name_; }
    // The test database's URL with this schema first in the search path.
    std::string url() const {
        const std::string base = test_postgres_url();
        return base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + name_;
    }

private:
    std::string name_;
};

class StoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(security::initialize());
        if (testing_on_postgresql()) schema.emplace();
        open();
    }

    Result<std::shared_ptr<Store>> open_store() {
        return schema ? Store::open_postgresql(schema->url(), 4) : Store::open(data_dir());
    }
    void open() {
        auto opened = open_store();
        ASSERT_TRUE(opened.ok()) << opened.error().message.in(Language::en);
        store = *opened;
    }
    // A second Store on the same database, as another instance of the server would open it.
    std::shared_ptr<Store> open_another_instance() {
        auto opened = open_store();
        EXPECT_TRUE(opened.ok()) << opened.error().message.in(Language::en);
        return opened.ok() ? *opened : nullptr;
    }
    // Closes the database (every pooled connection) and opens it again: what a restart does.
    void reopen() {
        store.reset();
        open();
    }

    std::string data_dir() const { return (dir.path() / "data").string(); }

    User make_user(const std::string& email, Role role = Role::biomedical) {
        User user;
        user.email = email;
        user.display_name = "Test " + email;
        user.role = role;
        user.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$fakefakefake$fakehash";
        auto created = store->users.create(user, "system");
        EXPECT_TRUE(created.ok()) << created.error().message.in(Language::en);
        return created.ok() ? *created : User{};
    }

    // A hospital session of `user_id` stored under `hash` (to create with store->sessions.create).
    static Session user_session(Id user_id, const std::string& hash) {
        Session session;
        session.token_hash = hash;
        session.kind = "user";
        session.subject_id = user_id;
        session.csrf_token = "csrf";
        return session;
    }

    QuestionnaireVersion make_questionnaire(const std::string& yaml = "id: afib\nversion: '2024.1'\n") {
        auto stored = store->questionnaires.ensure("afib", "2024.1", yaml);
        EXPECT_TRUE(stored.ok()) << stored.error().message.in(Language::en);
        return stored.ok() ? *stored : QuestionnaireVersion{};
    }

    Acquisition make_acquisition(const std::string& title = "Échographes cardiologie 2027") {
        Acquisition acquisition;
        acquisition.title = title;
        acquisition.equipment = "Échographe";
        acquisition.service = "Cardiologie";
        acquisition.questionnaire_version_id = make_questionnaire().id;
        auto created = store->acquisitions.create(acquisition, "user:buyer@example.org");
        EXPECT_TRUE(created.ok()) << created.error().message.in(Language::en);
        return created.ok() ? *created : Acquisition{};
    }

    VendorResponse make_response(Id acquisition_id, const std::string& company = "Acme Medical",
                                 const std::string& token_hash = {}) {
        VendorResponse response;
        response.acquisition_id = acquisition_id;
        response.company = company;
        response.contact_name = "Jeanne Martin";
        response.email = "Jeanne.Martin@Acme.example";
        response.invite_token_hash = token_hash;
        auto created = store->responses.create(response, "user:buyer@example.org");
        EXPECT_TRUE(created.ok()) << created.error().message.in(Language::en);
        return created.ok() ? *created : VendorResponse{};
    }

    // ---- documents' stored bytes, wherever the engine keeps them (files or database chunks) ----
    bool stored_bytes_exist(const std::string& storage_path) {
        if (!schema) return fs::exists(fs::path(data_dir()) / storage_path);
        long long chunks = 0;
        EXPECT_TRUE(store->db->read([&](soci::session& sql) {
            sql << "SELECT COUNT(*) FROM document_chunks WHERE storage_path = :p", soci::use(storage_path),
                soci::into(chunks);
        }).ok());
        return chunks > 0;
    }
    // Every stored piece of content: files under documents/ (temporary ones too), or chunk series.
    size_t stored_bytes_count() {
        size_t count = 0;
        if (!schema) {
            const fs::path root = fs::path(data_dir()) / "documents";
            if (fs::exists(root))
                for (const auto& entry : fs::recursive_directory_iterator(root)) count += entry.is_regular_file() ? 1 : 0;
            return count;
        }
        long long paths = 0;
        EXPECT_TRUE(store->db->read([&](soci::session& sql) {
            sql << "SELECT COUNT(DISTINCT storage_path) FROM document_chunks", soci::into(paths);
        }).ok());
        return static_cast<size_t>(paths);
    }
    // Changes the stored content behind the store's back (a damaged disk, a tampering).
    void alter_stored_bytes(const std::string& storage_path) {
        if (!schema) {
            std::ofstream(fs::path(data_dir()) / storage_path, std::ios::app) << "tampered";
            return;
        }
        run_sql("UPDATE document_chunks SET data = data || decode('7461', 'hex') WHERE storage_path = '" + storage_path + "'");
    }
    void delete_stored_bytes(const std::string& storage_path) {
        if (!schema) {
            fs::remove(fs::path(data_dir()) / storage_path);
            return;
        }
        run_sql("DELETE FROM document_chunks WHERE storage_path = '" + storage_path + "'");
    }
    // Content no row points to (what an interrupted upload leaves), written `age` ago.
    void put_leftover_bytes(const std::string& storage_path, std::chrono::minutes age) {
        if (!schema) {
            const fs::path path = fs::path(data_dir()) / storage_path;
            fs::create_directories(path.parent_path());
            std::ofstream(path, std::ios::binary) << "leftover";
            fs::last_write_time(path, fs::file_time_type::clock::now() - age);
            return;
        }
        const auto at = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() - age);
        std::tm tm{};
        gmtime_r(&at, &tm);
        char written[32];
        std::strftime(written, sizeof written, "%Y-%m-%dT%H:%M:%SZ", &tm);
        run_sql("INSERT INTO document_chunks (storage_path, seq, data, created_at) VALUES ('" + storage_path +
                "', 0, decode('6c656674', 'hex'), '" + written + "')");
    }
    // One statement of the test's own (fixed text, no user input), in a transaction.
    void run_sql(const std::string& statement) {
        auto done = store->db->write([&](soci::session& sql) -> Result<void> {
            sql << statement;
            return {};
        });
        ASSERT_TRUE(done.ok()) << done.error().message.in(Language::en);
    }
    // How many rows `table` holds (-1 if it cannot be read).
    long long count_rows(const std::string& table) {
        long long n = -1;
        auto read = store->db->read([&](soci::session& sql) { sql << "SELECT COUNT(*) FROM " + table, soci::into(n); });
        EXPECT_TRUE(read.ok());
        return n;
    }

    // Every event's text, to look for secrets.
    std::string all_event_text() {
        std::string text;
        for (const Event& e : store->events.list_all(100000).value())
            text += e.actor + "|" + e.entity + "|" + e.action + "|" + e.field + "|" + e.old_value + "|" +
                    e.new_value + "\n";
        return text;
    }

    TempDir dir;
    std::optional<TestSchema> schema;  // PostgreSQL runs only
    std::shared_ptr<Store> store;      // declared last: closed before the schema is dropped
};

}  // namespace cyberachat::store::testing
