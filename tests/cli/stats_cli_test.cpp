// `cyberachat stats export`, run as a real process on the demonstration instance (one purchase,
// three submitted vendors): the anonymised statistics as CSV and JSON, with no vendor, purchase or
// answer text in them; the small-group rule; bad options refused. SQLite only: the suite is named Sqlite*.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "../csv_reader.hpp"
#include "cli_process.hpp"

namespace stats_cli_test {

namespace fs = std::filesystem;
using cyberachat::cli_testing::Outcome;
using json = nlohmann::json;

class SqliteStatsCli : public cyberachat::cli_testing::CliTest {
protected:
    void SetUp() override {
        CliTest::SetUp();
        auto demo = run({"demo", "--data", data().string()});
        ASSERT_EQ(demo.exit_code, 0) << demo.err;
    }
    Outcome run(const std::vector<std::string>& args) { return cyberachat::cli_testing::run_cyberachat(args, dir_); }
    fs::path data() const { return dir_ / "data"; }
};

// What the demonstration's purchase and vendors are called, and what they wrote in free text.
const char* const kNames[] = {"Veillemed", "Cardiotrace", "Médi-Surveillance", "Moniteurs multiparamétriques",
                              "DEMO-2027-001", "Réanimation", "Claire Moreau", ".example", "veillemed", "Vigil"};

void expect_anonymous(const std::string& text) {
    for (const char* name : kNames) EXPECT_EQ(text.find(name), std::string::npos) << name;
}

TEST_F(SqliteStatsCli, TheCsvHasEveryQuestionOfTheDemoFamilyAndNoName) {
    const Outcome out = run({"stats", "export", "--since", "2000-01-01", "--data", data().string()});
    ASSERT_EQ(out.exit_code, 0) << out.err;
    expect_anonymous(out.out);
    ASSERT_EQ(out.out.rfind("\xEF\xBB\xBF", 0), 0u) << "a BOM for Excel";
    bool crlf = false;
    const auto rows = cyberachat::test_data::csv_rows(out.out, &crlf);
    EXPECT_TRUE(crlf) << "CRLF line ends";
    ASSERT_GT(rows.size(), 50u);
    EXPECT_EQ(rows[0][0], "famille");
    EXPECT_EQ(rows[0][1], "periode");
    bool summary = false, poste = false;
    for (size_t i = 1; i < rows.size(); ++i) {
        ASSERT_EQ(rows[i].size(), rows[0].size()) << i;
        EXPECT_EQ(rows[i][0], "surveillance");
        EXPECT_EQ(rows[i][1].find("-T"), 4u) << rows[i][1];
        if (rows[i][2] == "synthese" && rows[i][5] == "Réponses soumises") summary = rows[i][7] == "3";
        if (rows[i][2] == "repartition" && rows[i][4] == "dispositif.poste_standard" && rows[i][6] == "non")
            poste = rows[i][7] == "1" && rows[i][8] == "3";
        EXPECT_NE(rows[i][5], "Achats comptés") << "no purchase count";
    }
    EXPECT_TRUE(summary);
    EXPECT_TRUE(poste) << "one of the three demo vendors has no standard workstation";
}

TEST_F(SqliteStatsCli, TheJsonParsesAndASinceAfterEveryResponseGivesNoCell) {
    const fs::path file = dir_ / "stats.json";
    const Outcome out = run({"stats", "export", "--since", "2000-01-01", "--format", "json", "--output", file.string(),
                             "--data", data().string()});
    ASSERT_EQ(out.exit_code, 0) << out.err;
    EXPECT_TRUE(out.out.empty()) << "written to the file";
    const std::string text = cyberachat::cli_testing::read_whole_file(file);
    expect_anonymous(text);
    const json stats = json::parse(text);
    EXPECT_EQ(stats["format"], "cyberachat-statistics");
    EXPECT_EQ(stats["min_vendors"], 3);
    ASSERT_EQ(stats["cells"].size(), 1u);
    const json& cell = stats["cells"][0];
    EXPECT_EQ(cell["equipment_family"], "surveillance");
    EXPECT_EQ(cell["hidden"], false);
    EXPECT_EQ(cell["responses"], 3);
    EXPECT_EQ(cell["vendors"], 3);
    EXPECT_FALSE(cell.contains("purchases"));
    bool graded = false;
    for (const auto& question : cell["questions"])
        if (question["question_id"] == "dispositif.poste_standard") {
            graded = true;
            EXPECT_EQ(question["favourable"]["graded"], 3);
            EXPECT_EQ(question["favourable"]["favourable"], 2);
        }
    EXPECT_TRUE(graded);

    const Outcome later = run({"stats", "export", "--since", "2099-01-01", "--format", "json", "--data", data().string()});
    ASSERT_EQ(later.exit_code, 0) << later.err;
    EXPECT_TRUE(json::parse(later.out)["cells"].empty());
}

TEST_F(SqliteStatsCli, BadOptionsAreRefused) {
    EXPECT_NE(run({"stats", "export", "--data", data().string()}).exit_code, 0) << "--since is required";
    const Outcome date = run({"stats", "export", "--since", "hier", "--data", data().string()});
    EXPECT_EQ(date.exit_code, 2);
    EXPECT_NE(date.err.find("date invalide"), std::string::npos) << date.err;
    EXPECT_NE(run({"stats", "export", "--since", "2026-01-01", "--format", "xml", "--data", data().string()}).exit_code, 0);
}

}  // namespace stats_cli_test
