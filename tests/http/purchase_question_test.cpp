// A question added to one purchase from its page (issue 15): the form refuses a mistake field by
// field and keeps what was typed; once added, the question follows the purchase's questionnaire
// (vendor pages on the right branch, score); a vendor who had opened its link sees it marked as
// new, with nothing it answered changed, a vendor who opens later does not; the archive restored on
// another instance keeps the questions added and when each vendor first opened its link.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "browser.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace purchase_question_test {

bool has_text(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

json question_of(const json& response, const std::string& id) {
    for (const auto& section : response["sections"])
        for (const auto& question : section["questions"])
            if (question["id"] == id) return question;
    return nullptr;
}

httplib::Params segmentation_form(const std::string& label_fr) {
    return {{"position", "after:dispositif.connexion_filaire"},
            {"kind", "yes_no"},
            {"label_fr", label_fr},
            {"label_en", "Can the device be placed in a dedicated VLAN?"},
            {"required", "1"},
            {"condition", "dispositif.connexion_filaire == oui"},
            {"help_fr", "Le réseau de l'établissement isole les dispositifs biomédicaux."},
            {"help_en", "The hospital's network isolates biomedical devices."},
            {"rule", "oui"},
            {"weight", "3"},
            {"severity", "major"},
            {"rationale_fr", "Un dispositif hors VLAN dédié expose le réseau."},
            {"rationale_en", "A device outside a dedicated VLAN exposes the network."}};
}

TEST(PurchaseQuestion, AddedAfterAVendorStartedItIsShownAsNewWithoutTouchingItsAnswers) {
    ServerProcess server;
    auto api = server.api(server.api_token());
    const long long acquisition = create_acquisition(server, "Pompes 2030");
    const std::string purchase = "/acquisitions/" + std::to_string(acquisition);
    const std::string qid = "achat" + std::to_string(acquisition) + ".q1";
    const Invitation started = invite_vendor(server, acquisition, "Perfusia");
    const Invitation later = invite_vendor(server, acquisition, "Infusio");
    auto started_api = server.api(started.token);
    ASSERT_EQ(started_api.Put("/api/v1/vendor/answers/dispositif.marque", R"({"value":"Perfusia"})", "application/json")->status, 200);
    ASSERT_EQ(started_api.Put("/api/v1/vendor/answers/dispositif.connexion_filaire", R"({"value":"oui"})", "application/json")->status, 200);
    const json before = parse_json(started_api.Get("/api/v1/vendor/response"));

    // The lead finds the form from the purchase's page; it says a vendor has started.
    Browser lead(server);
    log_in(lead);
    auto page = lead.get(purchase);
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(has_text(page->body, "href=\"" + purchase + "/questions/new\""));
    auto form = lead.get(purchase + "/questions/new");
    ASSERT_EQ(form->status, 200);
    EXPECT_TRUE(has_text(form->body, "1 fournisseur a déjà ouvert"));
    EXPECT_TRUE(has_text(form->body, "<option value=\"after:dispositif.connexion_filaire\""));
    EXPECT_TRUE(has_text(form->body, "<option value=\"dispositif.connexion_filaire == oui\""));

    // Mistakes: refused field by field, what was typed kept, nothing changed.
    httplib::Params wrong = segmentation_form("");
    wrong.erase("kind");
    wrong.emplace("kind", "text");  // "favourable si Oui" on a text question
    auto refused = lead.post(purchase + "/questions", wrong);
    ASSERT_EQ(refused->status, 422);
    EXPECT_TRUE(has_text(refused->body, "Libellé en français : obligatoire."));
    EXPECT_TRUE(has_text(refused->body, "ne vaut que pour une question Oui / Non"));
    EXPECT_TRUE(has_text(refused->body, "Can the device be placed in a dedicated VLAN?")) << "as typed";
    httplib::Params forged = segmentation_form("VLAN ?");
    forged.erase("condition");
    forged.emplace("condition", "dispositif.marque == x or true");
    EXPECT_EQ(lead.post(purchase + "/questions", forged)->status, 422) << "only the conditions the form offers";
    httplib::Params nowhere = segmentation_form("VLAN ?");
    nowhere.erase("position");
    nowhere.emplace("position", "after:no.such.question");
    EXPECT_EQ(lead.post(purchase + "/questions", nowhere)->status, 422);
    EXPECT_EQ(parse_json(api.Get("/api/v1/acquisitions/" + std::to_string(acquisition)))["questionnaire"]["version"], "2024.3");
    EXPECT_EQ(lead.post(purchase + "/questions", segmentation_form("VLAN ?"), false)->status, 403) << "CSRF";

    // Added.
    lead.get(purchase + "/questions/new");
    auto added = lead.post(purchase + "/questions",
                           segmentation_form("Le dispositif peut-il être placé dans un VLAN dédié ?"));
    ASSERT_EQ(added->status, 303) << added->body;
    auto after = lead.get(added->get_header_value("Location"));
    EXPECT_TRUE(has_text(after->body, "data-question-id=\"" + qid + "\"")) << "listed as added";
    EXPECT_EQ(parse_json(api.Get("/api/v1/acquisitions/" + std::to_string(acquisition)))["questionnaire"]["version"],
              "2024.3-achat" + std::to_string(acquisition) + ".1");

    // The vendor who had started: the question is new, on its branch; its answers did not change.
    json response = parse_json(started_api.Get("/api/v1/vendor/response"));
    ASSERT_FALSE(question_of(response, qid).is_null());
    EXPECT_EQ(question_of(response, qid)["visible"], true);
    EXPECT_EQ(question_of(response, qid)["new"], true);
    EXPECT_EQ(question_of(response, qid)["required"], true);
    EXPECT_EQ(question_of(response, "dispositif.marque"), question_of(before, "dispositif.marque")) << "untouched";
    EXPECT_EQ(question_of(response, "dispositif.connexion_filaire"), question_of(before, "dispositif.connexion_filaire"));
    EXPECT_EQ(question_of(response, "dispositif.marque")["new"], false);
    Browser started_page(server);
    ASSERT_EQ(started_page.get("/invitation/" + started.token)->status, 303);
    auto home = started_page.get("/vendor");
    EXPECT_TRUE(has_text(home->body, "id=\"new-questions\""));
    EXPECT_TRUE(has_text(home->body, "The hospital added a question since your first visit"));
    auto section = started_page.get("/vendor/sections/dispositif.type_connexion");
    ASSERT_EQ(section->status, 200);
    EXPECT_TRUE(has_text(section->body, "id=\"new-" + qid + "\""));
    EXPECT_TRUE(has_text(section->body, "Can the device be placed in a dedicated VLAN?"));
    EXPECT_TRUE(has_text(section->body, "The hospital&#39;s network isolates biomedical devices.") ||
                has_text(section->body, "The hospital's network isolates biomedical devices."));
    // Off its branch, it is not asked.
    ASSERT_EQ(started_api.Put("/api/v1/vendor/answers/dispositif.connexion_filaire", R"({"value":"non"})", "application/json")->status, 200);
    EXPECT_EQ(question_of(parse_json(started_api.Get("/api/v1/vendor/response")), qid)["visible"], false);
    ASSERT_EQ(started_api.Put("/api/v1/vendor/answers/dispositif.connexion_filaire", R"({"value":"oui"})", "application/json")->status, 200);
    // Answered "Non": a point de vigilance in the hospital's evaluation.
    ASSERT_EQ(started_api.Put("/api/v1/vendor/answers/" + qid, R"({"value":"non"})", "application/json")->status, 200);
    const json evaluation = parse_json(api.Get("/api/v1/responses/" + std::to_string(started.response_id) + "/evaluation"));
    bool finding = false;
    for (const auto& item : evaluation["findings"])
        if (item["question_id"] == qid) finding = item["severity"] == "major";
    EXPECT_TRUE(finding) << evaluation["findings"].dump();

    // The vendor who opens its link afterwards: nothing is new to it.
    auto later_api = server.api(later.token);
    const json later_response = parse_json(later_api.Get("/api/v1/vendor/response"));
    EXPECT_EQ(question_of(later_response, qid)["new"], false);
    Browser later_page(server);
    ASSERT_EQ(later_page.get("/invitation/" + later.token)->status, 303);
    EXPECT_FALSE(has_text(later_page.get("/vendor")->body, "id=\"new-questions\""));

    // A second question, a list, first in a section: the version moves on; both stay.
    lead.get(purchase + "/questions/new");
    auto listed = lead.post(purchase + "/questions", {{"position", "first:dispositif.protection_antivirale"},
                                                      {"kind", "single_choice"},
                                                      {"label_fr", "Quel antivirus le dispositif embarque-t-il ?"},
                                                      {"choices", "Aucun | None\nCelui du fabricant | The manufacturer's\n"},
                                                      {"condition", ""},
                                                      {"weight", "1"},
                                                      {"severity", "major"}});
    ASSERT_EQ(listed->status, 303) << listed->body;
    EXPECT_EQ(parse_json(api.Get("/api/v1/acquisitions/" + std::to_string(acquisition)))["questionnaire"]["version"],
              "2024.3-achat" + std::to_string(acquisition) + ".2");
    response = parse_json(started_api.Get("/api/v1/vendor/response"));
    const std::string second = "achat" + std::to_string(acquisition) + ".q2";
    EXPECT_EQ(question_of(response, second)["new"], true);
    EXPECT_EQ(question_of(response, second)["required"], false) << "the box was not ticked";
    EXPECT_EQ(question_of(response, qid)["value"], "non") << "the first one's answer stays";
    EXPECT_EQ(question_of(later_response, second), nullptr);
    EXPECT_EQ(question_of(parse_json(later_api.Get("/api/v1/vendor/response")), second)["new"], true)
        << "added after this vendor too opened its link";

    // The archive, restored on another instance, keeps the questions and when each vendor opened.
    auto archive = api.Get("/api/v1/acquisitions/" + std::to_string(acquisition) + "/archive.zip");
    ASSERT_EQ(archive->status, 200);
    const std::string file = "/tmp/" + std::to_string(::getpid()) + "-purchase-question.zip";
    std::ofstream(file, std::ios::binary) << archive->body;
    ServerProcess target;
    target.stop();
    auto restored = run_binary_on_store(target, {"import-archive", file, "--lead", ServerProcess::kEmail});
    ASSERT_EQ(restored.exit_code, 0) << restored.err;
    target.start();
    const json list = parse_json(target.api(target.api_token()).Get("/api/v1/acquisitions"));
    ASSERT_EQ(list.size(), 1u);
    const std::string target_path = "/api/v1/acquisitions/" + std::to_string(list[0]["id"].get<long long>());
    const json exported = parse_json(target.api(target.api_token()).Get(target_path + "/export.json"));
    ASSERT_EQ(exported["added_questions"].size(), 2u) << exported["added_questions"].dump();
    EXPECT_EQ(exported["added_questions"][0]["question_id"], qid);
    bool opened = false;
    for (const auto& vendor : exported["vendors"])
        if (vendor["company"] == "Perfusia") opened = vendor["opened_at"].get<std::string>() < exported["added_questions"][0]["added_at"].get<std::string>();
    EXPECT_TRUE(opened) << exported["vendors"].dump().substr(0, 600);
    std::remove(file.c_str());

    // Closed: the form says so and nothing is added.
    ASSERT_EQ(api.Post("/api/v1/acquisitions/" + std::to_string(acquisition) + "/transitions", R"({"action":"close"})",
                       "application/json")->status, 200);
    auto closed = lead.get(purchase + "/questions/new");
    EXPECT_TRUE(has_text(closed->body, "achat est clos")) << closed->status;
    EXPECT_FALSE(has_text(lead.get(purchase)->body, "/questions/new\"")) << "no link on a closed purchase";
    EXPECT_EQ(lead.post(purchase + "/questions", segmentation_form("Encore ?"))->status, 409);
}

TEST(PurchaseQuestion, OnlyThoseWhoMayEditThePurchaseAddQuestions) {
    ServerProcess server;
    const long long acquisition = create_acquisition(server, "Moniteurs 2030");
    const std::string buyer = user_token(server, "acheteur@chu.test", "buyer");
    add_member(server, acquisition, "acheteur@chu.test", "buyer");
    Browser as_buyer(server);
    as_buyer.get("/login");
    ASSERT_EQ(as_buyer.post("/login", {{"email", "acheteur@chu.test"}, {"password", kUserPassword}})->status, 303);
    EXPECT_EQ(as_buyer.get("/acquisitions/" + std::to_string(acquisition) + "/questions/new")->status, 403);
    EXPECT_FALSE(has_text(as_buyer.get("/acquisitions/" + std::to_string(acquisition))->body, "/questions/new\""));
    as_buyer.get("/acquisitions/" + std::to_string(acquisition));
    EXPECT_EQ(as_buyer.post("/acquisitions/" + std::to_string(acquisition) + "/questions", segmentation_form("VLAN ?"))->status, 403);
    EXPECT_EQ(parse_json(server.api(server.api_token()).Get("/api/v1/acquisitions/" + std::to_string(acquisition)))["questionnaire"]["version"],
              "2024.3");
}

}  // namespace purchase_question_test
