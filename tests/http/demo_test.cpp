// `cyberachat demo`: a purchase with three complete responses (strong, middling, weak), documents,
// reviews and opinions, that the running server shows at once.
#include <gtest/gtest.h>

#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

TEST(Demo, CreatesAPurchaseWithAStrongAMiddlingAndAWeakVendor) {
    ServerProcess server;
    auto demo = run_binary_on_store(server, {"demo"});
    ASSERT_EQ(demo.exit_code, 0) << demo.out << demo.err;
    EXPECT_NE(demo.out.find("Achat de démonstration créé"), std::string::npos) << demo.out;
    EXPECT_NE(demo.out.find("  biomedical@demo.cyberachat.fr (Ingénieur biomédical, pilote de l'achat) — créé maintenant"),
              std::string::npos) << demo.out;
    EXPECT_NE(demo.out.find("  rssi@demo.cyberachat.fr ("), std::string::npos) << demo.out;

    // The purchase is its team's: the demo's biomedical engineer leads it, another account of the
    // hospital does not see it.
    EXPECT_TRUE(parse_json(server.api(server.api_token()).Get("/api/v1/acquisitions")).empty());
    auto token = run_binary_on_store(server, {"token", "create", "biomedical@demo.cyberachat.fr"});
    ASSERT_EQ(token.exit_code, 0) << token.err;
    auto api = server.api(token.out.substr(0, token.out.find('\n')));
    auto purchases = parse_json(api.Get("/api/v1/acquisitions"));
    ASSERT_EQ(purchases.size(), 2u) << "the monitors, and the second purchase the strong vendor is invited to again";
    long long id = 0;
    for (const auto& purchase : purchases) {
        EXPECT_EQ(purchase["my_role"], "lead");
        if (purchase["reference"] == "DEMO-2027-001") id = purchase["id"];
    }
    ASSERT_NE(id, 0);
    auto comparison = parse_json(api.Get("/api/v1/acquisitions/" + std::to_string(id) + "/comparison"));
    ASSERT_EQ(comparison["vendors"].size(), 3u);
    const int strong = comparison["vendors"][0]["score"], middling = comparison["vendors"][1]["score"],
              weak = comparison["vendors"][2]["score"];
    EXPECT_EQ(strong, 100);
    EXPECT_GT(strong, middling);
    EXPECT_GT(middling, weak);
    for (const auto& vendor : comparison["vendors"]) EXPECT_EQ(vendor["status"], "submitted");

    const long long weak_id = comparison["vendors"][2]["response_id"];
    auto evaluation = parse_json(api.Get("/api/v1/responses/" + std::to_string(weak_id) + "/evaluation"));
    ASSERT_FALSE(evaluation["findings"].empty());
    EXPECT_EQ(evaluation["findings"][0]["severity"], "critical");
    auto reviews = parse_json(api.Get("/api/v1/responses/" + std::to_string(weak_id) + "/reviews"));
    EXPECT_FALSE(reviews["reviews"].empty());
    EXPECT_EQ(reviews["opinions"][0]["verdict"], "unfavourable");
    auto response = parse_json(api.Get("/api/v1/responses/" + std::to_string(weak_id)));
    EXPECT_FALSE(response["documents"].empty());
    EXPECT_TRUE(response["missing_required"].empty());
    // The weak vendor's device runs Windows 7: a point de vigilance of end of support.
    bool windows7 = false;
    for (const auto& finding : evaluation["end_of_support"]["findings"])
        windows7 = windows7 || (finding["status"] == "ended" && finding["declared"].dump().find("Windows 7") != std::string::npos);
    EXPECT_TRUE(windows7) << evaluation["end_of_support"].dump(1);

    // Invited to the second purchase, the strong vendor is offered its first response to start from.
    const auto link = demo.out.find("/invitation/");
    ASSERT_NE(link, std::string::npos) << demo.out;
    const std::string vendor_token = demo.out.substr(link + 12, demo.out.find('\n', link) - link - 12);
    auto earlier = parse_json(server.api(vendor_token).Get("/api/v1/vendor/earlier-responses"))["earlier_responses"];
    ASSERT_EQ(earlier.size(), 1u) << earlier.dump();
    EXPECT_EQ(earlier[0]["reference"], "DEMO-2027-001");

    // A second demo adds another purchase and reuses the demo accounts.
    auto again = run_binary_on_store(server, {"demo"});
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(parse_json(api.Get("/api/v1/acquisitions")).size(), 4u);
    EXPECT_NE(again.out.find("  biomedical@demo.cyberachat.fr (Ingénieur biomédical, pilote de l'achat) — existait déjà"),
              std::string::npos) << again.out;
}
