// The reads that keep their prepared statements between calls (src/store/prepared_queries.hpp)
// see every commit made before them, and leave no read snapshot open behind them.
#include "store_test_support.hpp"  // SQLite comes with SOCI, in namespace sqlite_api

using namespace cyberachat;
using namespace cyberachat::store;
using namespace cyberachat::store::testing;

namespace {

// A second connection to the same file, as another process would open it.
class OtherConnection {
public:
    explicit OtherConnection(const std::string& path) {
        EXPECT_EQ(sqlite_api::sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
    }
    ~OtherConnection() { sqlite_api::sqlite3_close(db_); }
    void execute(const std::string& sql) {
        char* error = nullptr;
        EXPECT_EQ(sqlite_api::sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
        sqlite_api::sqlite3_free(error);
    }
    // Whether a TRUNCATE checkpoint, which needs every reader on the newest snapshot, completes now.
    bool checkpoint_completes() {
        return sqlite_api::sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr) == SQLITE_OK;
    }

private:
    sqlite_api::sqlite3* db_ = nullptr;
};

class SqlitePreparedQueries : public StoreTest {
protected:
    std::string db_file() const { return data_dir() + "/cyberachat.db"; }
};

}  // namespace

TEST_F(SqlitePreparedQueries, EachReadSeesTheCommitsMadeBeforeIt) {
    Acquisition acquisition = make_acquisition();
    VendorResponse response = make_response(acquisition.id);
    for (int round = 0; round < 20; ++round) {
        acquisition.title = "Titre n° " + std::to_string(round);
        ASSERT_TRUE(store->acquisitions.update(acquisition, "user:bio@chu.test").ok());
        auto found = store->acquisitions.find(acquisition.id);
        ASSERT_TRUE(found);
        EXPECT_EQ(found->title, acquisition.title);

        const std::string value = "Réponse " + std::to_string(round);
        ASSERT_TRUE(store->responses.save_answer(response.id, "q" + std::to_string(round % 3), value, "", -1, "vendor:1").ok());
        auto answers = store->responses.answers(response.id).value();
        bool seen = false;
        for (const auto& answer : answers) seen = seen || answer.value == value;
        EXPECT_TRUE(seen) << "round " << round;
        auto again = store->responses.find(response.id);
        ASSERT_TRUE(again);
        EXPECT_EQ(again->updated_at.empty(), false);
    }
}

TEST_F(SqlitePreparedQueries, NoReadSnapshotIsLeftOpen) {
    Acquisition acquisition = make_acquisition();
    VendorResponse response = make_response(acquisition.id);
    ASSERT_TRUE(store->responses.save_answer(response.id, "q1", "oui", "", -1, "vendor:1").ok());
    // The reads a vendor page makes, each through a statement kept prepared.
    EXPECT_TRUE(store->responses.find(response.id));
    EXPECT_EQ(store->responses.answers(response.id).value().size(), 1u);
    EXPECT_TRUE(store->documents.list_for(response.id).value().empty());
    EXPECT_FALSE(store->sessions.find("no-such-session"));
    // A change committed elsewhere: the next read, through another statement, sees it...
    OtherConnection other(db_file());
    other.execute("UPDATE acquisitions SET title = 'Changé ailleurs' WHERE id = " + std::to_string(acquisition.id));
    auto found = store->acquisitions.find(acquisition.id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->title, "Changé ailleurs");
    // ...and no pooled connection still reads from an older snapshot.
    other.execute("UPDATE acquisitions SET title = 'Encore' WHERE id = " + std::to_string(acquisition.id));
    EXPECT_TRUE(other.checkpoint_completes());
}
