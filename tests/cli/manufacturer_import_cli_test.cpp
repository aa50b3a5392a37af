// `cyberachat import mds2|sbom`, run as a real process on the demonstration instance: the preview
// printed (nothing saved), the refusal to apply to a submitted response, bad files and unknown
// responses refused with the reason in French and English. SQLite only: the suite is named Sqlite*.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_process.hpp"

namespace manufacturer_import_cli_test {

namespace fs = std::filesystem;
using cyberachat::cli_testing::Outcome;

class SqliteManufacturerImportCli : public cyberachat::cli_testing::CliTest {
protected:
    void SetUp() override {
        CliTest::SetUp();
        auto demo = run({"demo", "--data", data().string()});
        ASSERT_EQ(demo.exit_code, 0) << demo.err;
    }
    Outcome run(const std::vector<std::string>& args) { return cyberachat::cli_testing::run_cyberachat(args, dir_); }
    fs::path data() const { return dir_ / "data"; }
    fs::path write(const std::string& name, const std::string& text) const {
        const fs::path path = dir_ / name;
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
};

// The demo's first vendor (Veillemed Santé) has answered "Veillemed" as its manufacturer.
const char* kMds2 =
    "Question ID,Question,Answer,Note\n"
    "DOC-1,Manufacturer Name,Veillemed Medical GmbH,\n"
    "TXCF-2,Is the data encrypted when transmitted?,Yes,TLS 1.3\n"
    "EMRG-1,Does the device incorporate an emergency access feature?,No,\n";

TEST_F(SqliteManufacturerImportCli, APreviewIsPrintedAndNothingIsAppliedToASubmittedResponse) {
    const fs::path file = write("mds2.csv", kMds2);
    const Outcome preview = run({"import", "mds2", "--response", "1", file.string(), "--data", data().string()});
    ASSERT_EQ(preview.exit_code, 0) << preview.err;
    EXPECT_NE(preview.out.find("dispositif.fabricant"), std::string::npos) << preview.out;
    EXPECT_NE(preview.out.find("conflict\tdispositif.fabricant\t\"Veillemed Medical GmbH\"\t[DOC-1]"), std::string::npos)
        << preview.out;
    EXPECT_NE(preview.out.find("Lignes MDS2 lues : 3"), std::string::npos) << preview.out;
    EXPECT_NE(preview.out.find("sans correspondance AFIB : 1"), std::string::npos) << preview.out;
    EXPECT_NE(preview.out.find("Aperçu seulement"), std::string::npos);

    const Outcome applied = run({"import", "mds2", "--response", "1", file.string(), "--apply", "--data", data().string()});
    EXPECT_EQ(applied.exit_code, 1);
    EXPECT_NE(applied.err.find("soumise"), std::string::npos) << applied.err;
    EXPECT_NE(applied.err.find("submitted"), std::string::npos) << applied.err;
}

TEST_F(SqliteManufacturerImportCli, AnSbomPreviewSaysWhatItDeclares) {
    const fs::path file = write("sbom.json", R"({"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [
        {"type": "operating-system", "name": "Debian", "version": "12"},
        {"type": "library", "name": "zlib", "version": "1.2.13"}, {"type": "library", "name": "zlib", "version": "1.2.13"}]})");
    const Outcome preview = run({"import", "sbom", "--response", "2", file.string(), "--data", data().string()});
    ASSERT_EQ(preview.exit_code, 0) << preview.err;
    EXPECT_NE(preview.out.find("CycloneDX 1.5"), std::string::npos) << preview.out;
    EXPECT_NE(preview.out.find("Composants déclarés : 3 ; doublons fusionnés : 1"), std::string::npos) << preview.out;
    EXPECT_NE(preview.out.find("Systèmes d'exploitation : Debian 12"), std::string::npos) << preview.out;
}

TEST_F(SqliteManufacturerImportCli, BadFilesAndUnknownResponsesAreRefusedWithTheReason) {
    const Outcome missing = run({"import", "mds2", "--response", "1", (dir_ / "absent.csv").string(), "--data", data().string()});
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.err.find("Impossible de lire"), std::string::npos) << missing.err;
    const Outcome not_mds2 = run({"import", "mds2", "--response", "1", write("x.csv", "a,b\n1,2\n").string(), "--data", data().string()});
    EXPECT_EQ(not_mds2.exit_code, 1);
    EXPECT_NE(not_mds2.err.find("MDS2"), std::string::npos) << not_mds2.err;
    const Outcome not_sbom = run({"import", "sbom", "--response", "1", write("x.json", "[1, 2]").string(), "--data", data().string()});
    EXPECT_EQ(not_sbom.exit_code, 1);
    EXPECT_NE(not_sbom.err.find("SBOM"), std::string::npos) << not_sbom.err;
    const Outcome unknown = run({"import", "mds2", "--response", "999", write("m.csv", kMds2).string(), "--data", data().string()});
    EXPECT_EQ(unknown.exit_code, 1);
    EXPECT_FALSE(unknown.err.empty());
}

}  // namespace manufacturer_import_cli_test
