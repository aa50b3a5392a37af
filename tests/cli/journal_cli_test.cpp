// `cyberachat journal verify`, run as a real process on a SQLite data folder: exit 0 and the
// counts on an intact journal; exit 1 naming the event once a row is changed behind its back.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>

#include "cli_process.hpp"

namespace journal_cli_test {

using cyberachat::cli_testing::Outcome;
using cyberachat::cli_testing::run_cyberachat;

class JournalCli : public cyberachat::cli_testing::CliTest {
protected:
    std::string data() const { return (dir_ / "data").string(); }
    // Runs `script` on the data folder's database directly (sqlite3), as someone with access to the file could.
    void run_on_database(const std::string& script) {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open((dir_ / "data" / "cyberachat.db").string().c_str(), &db), SQLITE_OK);
        char* error = nullptr;
        const int rc = sqlite3_exec(db, script.c_str(), nullptr, nullptr, &error);
        const std::string message = error ? error : "";
        sqlite3_free(error);
        sqlite3_close(db);
        ASSERT_EQ(rc, SQLITE_OK) << message;
    }
};

TEST_F(JournalCli, VerifySaysIntactThenNamesTheChangedEvent) {
    for (const char* email : {"bio@chu.test", "rssi@chu.test"}) {
        const Outcome added = run_cyberachat({"user", "add", email, "--data", data()}, dir_);
        ASSERT_EQ(added.exit_code, 0) << added.err;
    }
    const Outcome intact = run_cyberachat({"journal", "verify", "--data", data()}, dir_);
    EXPECT_EQ(intact.exit_code, 0) << intact.out << intact.err;
    EXPECT_NE(intact.out.find("Journal intact : 2 événements chaînés (0 antérieurs à la chaîne)."), std::string::npos)
        << intact.out;
    EXPECT_NE(intact.out.find("Journal intact: 2 chained events (0 before the chain)."), std::string::npos) << intact.out;
    EXPECT_NE(intact.out.find("Dernier maillon : événement n° 2, empreinte "), std::string::npos) << intact.out;

    run_on_database("DROP TRIGGER events_no_update; UPDATE events SET actor = 'user:autre@chu.test' WHERE id = 1;");
    const Outcome changed = run_cyberachat({"journal", "verify", "--data", data()}, dir_);
    EXPECT_EQ(changed.exit_code, 1) << changed.out << changed.err;
    EXPECT_NE(changed.out.find("Journal altéré : le contenu de l'événement n° 1 a été modifié"), std::string::npos)
        << changed.out;
    EXPECT_NE(changed.out.find("Journal tampered with: the content of event #1 was changed"), std::string::npos)
        << changed.out;
    EXPECT_EQ(changed.out.find("Journal intact"), std::string::npos) << changed.out;
}

TEST_F(JournalCli, VerifyNamesTheEventAfterARemovedOne) {
    for (const char* email : {"a@chu.test", "b@chu.test", "c@chu.test"}) {
        const Outcome added = run_cyberachat({"user", "add", email, "--data", data()}, dir_);
        ASSERT_EQ(added.exit_code, 0) << added.err;
    }
    run_on_database("DROP TRIGGER events_no_delete; DELETE FROM events WHERE id = 2;");
    const Outcome removed = run_cyberachat({"journal", "verify", "--data", data()}, dir_);
    EXPECT_EQ(removed.exit_code, 1) << removed.out << removed.err;
    EXPECT_NE(removed.out.find("avant l'événement n° 3, des événements ont été supprimés ou insérés"), std::string::npos)
        << removed.out;
    EXPECT_NE(removed.out.find("before event #3, events were removed or inserted"), std::string::npos) << removed.out;
}

}  // namespace journal_cli_test
