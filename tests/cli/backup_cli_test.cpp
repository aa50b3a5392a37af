// `cyberachat backup` and `cyberachat restore`, run as real processes: what they print, in French
// then English, and their exit codes. SQLite only: the suite is named Sqlite*.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_process.hpp"

namespace backup_cli_test {

namespace fs = std::filesystem;
using cyberachat::cli_testing::Outcome;
using cyberachat::cli_testing::read_whole_file;

class SqliteBackupCli : public cyberachat::cli_testing::CliTest {
protected:
    Outcome run(const std::vector<std::string>& args) { return cyberachat::cli_testing::run_cyberachat(args, dir_); }
    // A data folder with the demonstration purchase: accounts, answers, documents.
    void make_instance() {
        auto demo = run({"demo", "--data", data().string()});
        ASSERT_EQ(demo.exit_code, 0) << demo.err;
    }
    Outcome backup() { return run({"backup", "--data", data().string(), "--output", saved().string()}); }
    Outcome restore(const std::vector<std::string>& extra = {}) {
        std::vector<std::string> args{"restore", "--from", saved().string(), "--data", restored().string()};
        args.insert(args.end(), extra.begin(), extra.end());
        return run(args);
    }
    fs::path data() const { return dir_ / "data"; }
    fs::path saved() const { return dir_ / "sauvegarde"; }
    fs::path restored() const { return dir_ / "restauree"; }
};

// French first, English second.
void expect_both_languages(const Outcome& outcome, const std::string& fr, const std::string& en) {
    EXPECT_EQ(outcome.exit_code, 1) << outcome.out;
    const size_t french = outcome.err.find(fr), english = outcome.err.find(en);
    EXPECT_NE(french, std::string::npos) << outcome.err;
    EXPECT_NE(english, std::string::npos) << outcome.err;
    EXPECT_LT(french, english) << outcome.err;
}

TEST_F(SqliteBackupCli, BackupThenRestorePrintsTheCounts) {
    make_instance();
    auto made = backup();
    ASSERT_EQ(made.exit_code, 0) << made.err;
    EXPECT_NE(made.out.find("Sauvegarde terminée"), std::string::npos) << made.out;
    const auto manifest = nlohmann::json::parse(read_whole_file(saved() / "manifest.json"));
    for (const char* table : {"users", "acquisitions", "responses", "answers", "documents", "events"}) {
        const std::string count = std::to_string(manifest["counts"][table].get<long long>());
        EXPECT_NE(made.out.find(std::string(table) + " "), std::string::npos) << table << "\n" << made.out;
        EXPECT_NE(made.out.find(count), std::string::npos) << table << "\n" << made.out;
    }
    EXPECT_GT(manifest["documents"].size(), 0u);

    auto restored_run = restore();
    ASSERT_EQ(restored_run.exit_code, 0) << restored_run.err;
    EXPECT_NE(restored_run.out.find("Restauration vérifiée et terminée"), std::string::npos) << restored_run.out;
    EXPECT_TRUE(fs::exists(restored() / "cyberachat.db"));
    // The restored instance has the accounts: the demo's biomedical engineer exists already.
    const std::string email = "biomedical@demo.cyberachat.fr";
    std::ofstream(dir_ / "password.txt") << "Un-mot-de-passe-assez-long\n";
    auto again = cyberachat::cli_testing::run_cyberachat(
        {"user", "add", email, "--role", "biomedical", "--password-stdin", "--data", restored().string()}, dir_,
        (dir_ / "password.txt").string());
    EXPECT_EQ(again.exit_code, 1) << again.out;
    EXPECT_NE(again.err.find("existe déjà"), std::string::npos) << again.err;
}

TEST_F(SqliteBackupCli, BackupFailuresSayWhyInBothLanguages) {
    expect_both_languages(run({"backup", "--data", (dir_ / "absent").string(), "--output", saved().string()}),
                          "n'existe pas", "does not exist");
    make_instance();
    fs::create_directories(saved());
    std::ofstream(saved() / "autre.txt") << "x";
    expect_both_languages(backup(), "n'est pas vide", "is not empty");
    fs::remove_all(saved());

    // A document whose file is gone: named by its path.
    const auto removed_file = [&] {
        for (const auto& entry : fs::recursive_directory_iterator(data() / "documents"))
            if (entry.is_regular_file()) return entry.path();
        return fs::path();
    }();
    ASSERT_FALSE(removed_file.empty());
    fs::remove(removed_file);
    auto missing = backup();
    expect_both_languages(missing, "introuvable", "is missing");
    EXPECT_NE(missing.err.find(removed_file.filename().string()), std::string::npos) << missing.err;
    EXPECT_FALSE(fs::exists(saved()));
}

TEST_F(SqliteBackupCli, RestoreRefusesWhatIsNotABackupAndNeverOverwritesADatabase) {
    make_instance();
    expect_both_languages(run({"restore", "--from", data().string(), "--data", restored().string()}),
                          "n'est pas une sauvegarde Cyberachat", "is not a Cyberachat backup");
    ASSERT_EQ(backup().exit_code, 0);
    for (const std::vector<std::string>& extra : {std::vector<std::string>{}, std::vector<std::string>{"--force"}})
        expect_both_languages(run([&] {
                                  std::vector<std::string> args{"restore", "--from", saved().string(), "--data", data().string()};
                                  args.insert(args.end(), extra.begin(), extra.end());
                                  return args;
                              }()),
                              "contient déjà une base", "already holds a database");
    fs::create_directories(restored());
    std::ofstream(restored() / "notes.txt") << "x";
    expect_both_languages(restore(), "n'est pas vide", "is not empty");
    auto forced = restore({"--force"});
    EXPECT_EQ(forced.exit_code, 0) << forced.err;
}

}  // namespace backup_cli_test
