// `cyberachat purge`, run as a real process on a SQLite data folder: --dry-run lists the archived
// purchases older than the retention and deletes nothing; without it they are deleted, the
// recent ones and those not archived stay.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "cli_process.hpp"

namespace purge_cli_test {

using cyberachat::cli_testing::Outcome;
using cyberachat::cli_testing::run_cyberachat;

class PurgeCli : public cyberachat::cli_testing::CliTest {
protected:
    std::string data() const { return (dir_ / "data").string(); }
    std::string query(const std::string& sql) {
        sqlite3* db = nullptr;
        EXPECT_EQ(sqlite3_open((dir_ / "data" / "cyberachat.db").string().c_str(), &db), SQLITE_OK);
        std::string out;
        char* error = nullptr;
        sqlite3_exec(
            db, sql.c_str(),
            [](void* into, int, char** values, char**) {
                *static_cast<std::string*>(into) += values[0] ? values[0] : "";
                return 0;
            },
            &out, &error);
        EXPECT_EQ(error, nullptr) << (error ? error : "");
        sqlite3_free(error);
        sqlite3_close(db);
        return out;
    }
};

TEST_F(PurgeCli, DryRunListsWhatRetentionWouldDeleteThenPurgeDeletesIt) {
    ASSERT_EQ(run_cyberachat({"user", "add", "bio@chu.test", "--data", data()}, dir_).exit_code, 0);
    query("INSERT INTO acquisitions (title, reference, status, created_at, updated_at, archived_at) VALUES "
          "('Scanners 2012', 'AO-2012-7', 'archived', '2012-01-01T00:00:00Z', '2014-01-01T00:00:00Z', '2014-01-01T00:00:00Z'),"
          "('Moniteurs 2025', 'AO-2025-1', 'archived', '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
          "('Pompes 2013', 'AO-2013-2', 'closed', '2013-01-01T00:00:00Z', '2013-06-01T00:00:00Z', '')");

    const Outcome dry = run_cyberachat({"purge", "--dry-run", "--data", data()}, dir_);
    ASSERT_EQ(dry.exit_code, 0) << dry.err;
    EXPECT_NE(dry.out.find("Scanners 2012"), std::string::npos) << dry.out;
    EXPECT_EQ(dry.out.find("Moniteurs 2025"), std::string::npos) << dry.out;
    EXPECT_EQ(dry.out.find("Pompes 2013"), std::string::npos) << dry.out;
    EXPECT_NE(dry.out.find("1 achat ; rien n'est supprimé"), std::string::npos) << dry.out;
    EXPECT_EQ(query("SELECT COUNT(*) FROM acquisitions"), "3");

    const Outcome longer = run_cyberachat({"purge", "--dry-run", "--retention-years", "50", "--data", data()}, dir_);
    EXPECT_NE(longer.out.find("0 achat ;"), std::string::npos) << longer.out;

    const Outcome purged = run_cyberachat({"purge", "--data", data()}, dir_);
    ASSERT_EQ(purged.exit_code, 0) << purged.err;
    EXPECT_NE(purged.out.find("1 achat supprimé."), std::string::npos) << purged.out;
    EXPECT_EQ(query("SELECT group_concat(title, ',') FROM (SELECT title FROM acquisitions ORDER BY id)"),
              "Moniteurs 2025,Pompes 2013");
    EXPECT_EQ(query("SELECT COUNT(*) FROM events WHERE entity = 'acquisition' AND action = 'delete' AND actor = 'system:purge'"),
              "1");
}

}  // namespace purge_cli_test
