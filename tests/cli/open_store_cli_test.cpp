// --data DIR / --database URL / CYBERACHAT_DATABASE_URL on the commands that open the store, run
// as a real process: which one wins, and the refusals (French, then English; never a password).
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli_process.hpp"

namespace open_store_cli_test {

namespace fs = std::filesystem;
using cyberachat::cli_testing::Outcome;
using cyberachat::cli_testing::run_cyberachat;
using cyberachat::cli_testing::ScratchDir;

// CYBERACHAT_DATABASE_URL set for the commands this test runs (each CTest test is a process of its own).
class DatabaseUrlVariable {
public:
    explicit DatabaseUrlVariable(const std::string& value) { ::setenv("CYBERACHAT_DATABASE_URL", value.c_str(), 1); }
    ~DatabaseUrlVariable() { ::unsetenv("CYBERACHAT_DATABASE_URL"); }
};

// A URL with a password, to a server that is not there: a Unix socket in a missing folder.
constexpr const char* kUnreachable = "postgresql://cyberachat:Mot-de-passe-secret-42@/cyberachat?host=/nonexistent/cyb-pg";

TEST(OpenStoreCli, EveryCommandOnTheStoreTakesDataAndDatabase) {
    ScratchDir dir("cyb-open-store");
    const std::vector<std::vector<std::string>> commands = {
        {"serve"}, {"user", "add"}, {"token", "create"}, {"demo"}, {"import-archive"}, {"journal", "verify"}};
    for (auto command : commands) {
        command.push_back("--help");
        const Outcome help = run_cyberachat(command, dir.path());
        EXPECT_EQ(help.exit_code, 0) << command[0];
        EXPECT_NE(help.out.find("--data"), std::string::npos) << command[0] << ": " << help.out;
        EXPECT_NE(help.out.find("--database"), std::string::npos) << command[0] << ": " << help.out;
        EXPECT_NE(help.out.find("CYBERACHAT_DATABASE_URL"), std::string::npos) << command[0] << ": " << help.out;
    }
}

TEST(OpenStoreCli, DatabaseWithAnExplicitDataIsRefused) {
    ScratchDir dir("cyb-open-store");
    const fs::path data = dir.path() / "data";
    const Outcome both = run_cyberachat({"token", "create", "bio@chu.test", "--database", kUnreachable, "--data", data.string()},
                                        dir.path());
    EXPECT_EQ(both.exit_code, 1);
    EXPECT_NE(both.err.find("--database et --data s'excluent"), std::string::npos) << both.err;
    EXPECT_NE(both.err.find("--database and --data exclude each other"), std::string::npos) << both.err;
    EXPECT_FALSE(fs::exists(data));  // nothing opened
}

TEST(OpenStoreCli, AnUnknownSchemeIsRefusedWithoutShowingTheValue) {
    ScratchDir dir("cyb-open-store");
    const Outcome refused = run_cyberachat({"token", "create", "bio@chu.test", "--database", "mysql://dsi:Secret-99@db/cyb"},
                                           dir.path());
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_NE(refused.err.find("Base de données non reconnue"), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("Unknown database"), std::string::npos) << refused.err;
    EXPECT_EQ(refused.err.find("Secret-99"), std::string::npos) << refused.err;
    EXPECT_EQ(refused.out.find("Secret-99"), std::string::npos) << refused.out;
}

TEST(OpenStoreCli, AnUnreachableServerIsReportedWithoutThePassword) {
    ScratchDir dir("cyb-open-store");
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"serve", "--port", "0", "--database", kUnreachable},
          std::vector<std::string>{"user", "add", "bio@chu.test", "--database", kUnreachable}}) {
        const Outcome failed = run_cyberachat(command, dir.path());
        EXPECT_EQ(failed.exit_code, 1) << command[0];
        EXPECT_NE(failed.err.find("Impossible d'ouvrir la base PostgreSQL « postgresql://cyberachat:***@/cyberachat?host="),
                  std::string::npos)
            << failed.err;
        EXPECT_NE(failed.err.find("Cannot open the PostgreSQL database"), std::string::npos) << failed.err;
        EXPECT_EQ((failed.out + failed.err).find("Mot-de-passe-secret-42"), std::string::npos) << failed.out << failed.err;
    }
}

TEST(OpenStoreCli, TheEnvironmentVariableIsUsedWhenNeitherOptionIsGiven) {
    ScratchDir dir("cyb-open-store");
    DatabaseUrlVariable variable(kUnreachable);
    const Outcome failed = run_cyberachat({"token", "create", "bio@chu.test"}, dir.path());
    EXPECT_EQ(failed.exit_code, 1);
    EXPECT_EQ(failed.err.rfind("CYBERACHAT_DATABASE_URL : Impossible d'ouvrir la base PostgreSQL", 0), 0u) << failed.err;
    EXPECT_EQ(failed.err.find("Mot-de-passe-secret-42"), std::string::npos) << failed.err;
}

TEST(OpenStoreCli, AnExplicitDataWinsOverTheEnvironmentVariable) {
    ScratchDir dir("cyb-open-store");
    DatabaseUrlVariable variable(kUnreachable);
    const fs::path data = dir.path() / "data";
    const Outcome created = run_cyberachat({"user", "add", "bio@chu.test", "--data", data.string()}, dir.path());
    EXPECT_EQ(created.exit_code, 0) << created.err;
    EXPECT_NE(created.out.find("Compte créé : bio@chu.test"), std::string::npos) << created.out;
    EXPECT_TRUE(fs::exists(data / "cyberachat.db"));
}

}  // namespace open_store_cli_test
