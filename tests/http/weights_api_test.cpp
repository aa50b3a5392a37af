// A purchase's own weights: changed through the API and the comparison page's form, recorded,
// reflected in the scores; refused for buyers, vendors and bad input.
#include <gtest/gtest.h>

#include "browser.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

TEST(Weights, APurchaseAdjustsWeightsAndTheScoresFollow) {
    ServerProcess server;
    const long long acquisition = create_acquisition(server, "Respirateurs 2031");
    Invitation vendor = invite_vendor(server, acquisition, "Air Médical");
    fill_required(server, vendor.token);
    server.api(vendor.token).Put("/api/v1/vendor/answers/logiciels.communications_chiffrees", json{{"value", "non"}}.dump(),
                                 "application/json");
    auto api = server.api(server.api_token());
    const std::string evaluation = "/api/v1/responses/" + std::to_string(vendor.response_id) + "/evaluation";
    const std::string weights = "/api/v1/acquisitions/" + std::to_string(acquisition) + "/weights/";
    const int before = parse_json(api.Get(evaluation))["score"]["parts"]["logiciels"];
    EXPECT_LT(before, 100);

    auto zero = api.Put(weights + "logiciels.communications_chiffrees", json{{"weight", 0}}.dump(), "application/json");
    ASSERT_EQ(zero->status, 200) << zero->body;
    auto after = parse_json(api.Get(evaluation));
    EXPECT_EQ(after["score"]["parts"]["logiciels"], 100);
    EXPECT_TRUE(after["findings"].empty());
    EXPECT_EQ(after["weights"]["logiciels.communications_chiffrees"], 0);

    // The page form, in French decimal notation; an empty field goes back to the grid's weight.
    Browser hospital(server);
    log_in(hospital);
    hospital.get("/acquisitions/" + std::to_string(acquisition) + "/comparison");
    auto posted = hospital.post("/acquisitions/" + std::to_string(acquisition) + "/weights",
                                {{"w:logiciels.communications_chiffrees", ""}, {"w:maintenance.passerelle_securisee", "4,5"}});
    ASSERT_EQ(posted->status, 303);
    after = parse_json(api.Get(evaluation));
    EXPECT_EQ(after["score"]["parts"]["logiciels"], before);
    EXPECT_EQ(after["weights"]["maintenance.passerelle_securisee"], 4.5);
    EXPECT_FALSE(after["weights"].contains("logiciels.communications_chiffrees"));
    auto bad = hospital.post("/acquisitions/" + std::to_string(acquisition) + "/weights", {{"w:maintenance.passerelle_securisee", "beaucoup"}});
    EXPECT_EQ(bad->status, 422);
    EXPECT_NE(bad->body.find("Saisissez un nombre"), std::string::npos);

    // Refusals with French messages.
    auto ungraded = api.Put(weights + "dispositif.designation", json{{"weight", 2}}.dump(), "application/json");
    EXPECT_EQ(ungraded->status, 422);
    EXPECT_NE(parse_json(ungraded)["error"]["message"].get<std::string>().find("ne note pas"), std::string::npos);
    EXPECT_EQ(api.Put(weights + "maintenance.passerelle_securisee", json{{"weight", -1}}.dump(), "application/json")->status, 422);
    EXPECT_EQ(api.Put(weights + "maintenance.passerelle_securisee", json{{"weight", "x"}}.dump(), "application/json")->status, 422);
    EXPECT_EQ(server.api(vendor.token).Put(weights + "maintenance.passerelle_securisee", json{{"weight", 1}}.dump(),
                                           "application/json")->status, 401);
    // Nothing of the weights reaches the vendor.
    EXPECT_EQ(server.api(vendor.token).Get("/api/v1/vendor/response")->body.find("4.5"), std::string::npos);
}
