// `cyberachat instance show|set`, run as a real process on a SQLite data folder: the hospital's
// identity set for a deployment script, checked as on the page (nothing stored when wrong).
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "../png_fixture.hpp"
#include "cli_process.hpp"

namespace instance_cli_test {

using cyberachat::cli_testing::Outcome;
using cyberachat::cli_testing::run_cyberachat;

class InstanceCli : public cyberachat::cli_testing::CliTest {
protected:
    std::string data() const { return (dir_ / "data").string(); }
    std::string write(const std::string& name, const std::string& bytes) const {
        const std::string path = (dir_ / name).string();
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }
};

TEST_F(InstanceCli, SetShowAndRefuseAWrongLogo) {
    const Outcome unset = run_cyberachat({"instance", "show", "--data", data()}, dir_);
    ASSERT_EQ(unset.exit_code, 0) << unset.err;
    EXPECT_NE(unset.out.find("Nom : Cyberachat (non renseigné)"), std::string::npos) << unset.out;

    const std::string logo = write("logo.png", cyberachat::test_images::small_png());
    const Outcome set = run_cyberachat({"instance", "set", "--name", "CHU de Compiègne", "--contact-email",
                                        "biomed@chu-compiegne.test", "--logo", logo, "--data", data()}, dir_);
    ASSERT_EQ(set.exit_code, 0) << set.err;
    EXPECT_NE(set.out.find("Nom : CHU de Compiègne\n"), std::string::npos) << set.out;
    EXPECT_NE(set.out.find("Logo : PNG, SHA-256 "), std::string::npos);

    const std::string svg = write("logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");
    const Outcome refused = run_cyberachat({"instance", "set", "--name", "Autre", "--logo", svg, "--data", data()}, dir_);
    EXPECT_NE(refused.exit_code, 0);
    EXPECT_NE(refused.err.find("Le logo doit être une image PNG"), std::string::npos) << refused.err;
    const Outcome kept = run_cyberachat({"instance", "show", "--data", data()}, dir_);
    EXPECT_NE(kept.out.find("Nom : CHU de Compiègne\n"), std::string::npos) << "nothing stored: " << kept.out;

    const Outcome removed = run_cyberachat({"instance", "set", "--no-logo", "--data", data()}, dir_);
    ASSERT_EQ(removed.exit_code, 0) << removed.err;
    EXPECT_NE(removed.out.find("Logo : aucun"), std::string::npos);
    EXPECT_NE(removed.out.find("Contact : biomed@chu-compiegne.test"), std::string::npos) << "the rest stays";
    EXPECT_NE(run_cyberachat({"instance", "set", "--no-logo", "--logo", logo, "--data", data()}, dir_).exit_code, 0);
}

}  // namespace instance_cli_test
