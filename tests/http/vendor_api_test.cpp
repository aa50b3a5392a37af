// Vendor API v1 against the real server: answers, validation, conflicts, documents, submit.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

class VendorApi : public ::testing::Test {
protected:
    static void SetUpTestSuite() { server = new ServerProcess({"--max-upload-mb", "1"}); }
    static void TearDownTestSuite() { delete server; }
    void SetUp() override { invitation = invite_vendor(*server, create_acquisition(*server)); }
    httplib::Client vendor() const { return server->api(invitation.token); }
    httplib::Result put(const std::string& id, const json& body) const {
        return vendor().Put(("/api/v1/vendor/answers/" + id).c_str(), body.dump(), "application/json");
    }
    static ServerProcess* server;
    Invitation invitation;
};
ServerProcess* VendorApi::server = nullptr;

bool contains(const json& list, const std::string& id) { return std::find(list.begin(), list.end(), id) != list.end(); }

TEST_F(VendorApi, ReadsItsResponseWithSectionsAndNothingInternal) {
    auto response = parse_json(vendor().Get("/api/v1/vendor/response"));
    EXPECT_EQ(response["status"], "draft");
    ASSERT_TRUE(response["sections"].is_array());
    EXPECT_GT(response["sections"].size(), 20u);
    const auto& first = response["sections"][0];
    for (const char* key : {"id", "visible", "complete", "questions"}) EXPECT_TRUE(first.contains(key)) << key;
    for (const char* key : {"id", "kind", "visible", "required", "value", "comment"})
        EXPECT_TRUE(first["questions"][0].contains(key)) << key;
    EXPECT_TRUE(response["progress"].contains("overall"));
    EXPECT_FALSE(response.contains("score"));
    EXPECT_FALSE(response.contains("email"));
}

TEST_F(VendorApi, UnknownAndMissingTokensGetTheSameAnswer) {
    auto none = server->client().Get("/api/v1/vendor/response");
    auto forged = server->api("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").Get("/api/v1/vendor/response");
    ASSERT_TRUE(none && forged);
    EXPECT_EQ(none->status, 401);
    EXPECT_EQ(forged->status, 401);
    EXPECT_EQ(none->body, forged->body);
}

TEST_F(VendorApi, SavingADecisionChangesVisibilityAtOnce) {
    auto yes = parse_json(put("dispositif.antivirus_etablissement", {{"value", "oui"}}));
    EXPECT_TRUE(contains(yes["visible_sections"], "dispositif.exclusions_antivirus"));
    EXPECT_FALSE(contains(yes["visible_sections"], "dispositif.protection_fournie"));
    auto no = parse_json(put("dispositif.antivirus_etablissement", {{"value", false}}));
    EXPECT_EQ(no["value"], "non");
    EXPECT_FALSE(contains(no["visible_sections"], "dispositif.exclusions_antivirus"));
    EXPECT_TRUE(contains(no["visible_sections"], "dispositif.protection_fournie"));
    EXPECT_EQ(no["revision"], 2);
}

TEST_F(VendorApi, ASaveLeavingTheBranchingAsThePageKnowsItIsAnsweredWithItsDigestAlone) {
    // The first save: the lists and their digest.
    auto first = parse_json(put("dispositif.marque", {{"value", "Première marque"}}));
    ASSERT_TRUE(first["state"].is_string());
    EXPECT_EQ(first["state"].get<std::string>().size(), 16u);
    EXPECT_EQ(first["state_unchanged"], false);
    EXPECT_TRUE(first["visible_sections"].is_array());
    EXPECT_TRUE(first["progress"].contains("overall"));

    // The page sends the digest it knows: a text retyped moves nothing, the lists are left out.
    auto second = parse_json(put("dispositif.marque", {{"value", "Marque corrigée"}, {"known_state", first["state"]}}));
    EXPECT_EQ(second["state_unchanged"], true);
    EXPECT_EQ(second["state"], first["state"]);
    EXPECT_EQ(second["value"], "Marque corrigée");
    EXPECT_EQ(second["revision"], 2);
    for (const char* list : {"visible_sections", "complete_sections", "visible_questions", "missing_required", "progress"})
        EXPECT_FALSE(second.contains(list)) << list;

    // A decision that changes the branching: the lists again, with another digest.
    auto decision = parse_json(put("dispositif.antivirus_etablissement", {{"value", "oui"}, {"known_state", second["state"]}}));
    EXPECT_EQ(decision["state_unchanged"], false);
    EXPECT_NE(decision["state"], second["state"]);
    EXPECT_TRUE(contains(decision["visible_sections"], "dispositif.exclusions_antivirus"));
    // A digest the server never gave (a page out of date): the lists.
    auto stale = parse_json(put("dispositif.marque", {{"value", "Encore"}, {"known_state", "0123456789abcdef"}}));
    EXPECT_EQ(stale["state_unchanged"], false);
    EXPECT_TRUE(contains(stale["visible_sections"], "dispositif.exclusions_antivirus"));
    // The section state a shown page asks for carries the same digest.
    auto state = parse_json(vendor().Get("/api/v1/vendor/sections/dispositif.informations_generales/state"));
    EXPECT_EQ(state["state"], stale["state"]);

    // Not a text: refused with a clear message, nothing saved.
    auto bad = put("dispositif.marque", {{"value", "Jamais enregistrée"}, {"known_state", 12}});
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 422);
    EXPECT_EQ(parse_json(bad)["error"]["code"], "invalid_value");
    auto response = parse_json(vendor().Get("/api/v1/vendor/response"));
    for (const auto& section : response["sections"])
        for (const auto& question : section["questions"])
            if (question["id"] == "dispositif.marque") EXPECT_EQ(question["value"], "Encore");
}

TEST_F(VendorApi, HiddenAnswersAreKept) {
    ASSERT_EQ(put("dispositif.antivirus_etablissement", {{"value", "oui"}})->status, 200);
    ASSERT_EQ(put("dispositif.nom_antivirus_etablissement", {{"value", "Antivirus de l'hôpital"}})->status, 200);
    ASSERT_EQ(put("dispositif.antivirus_etablissement", {{"value", "non"}})->status, 200);
    auto hospital = parse_json(server->api(server->api_token()).Get("/api/v1/responses/" + std::to_string(invitation.response_id)));
    EXPECT_TRUE(contains(hospital["hidden_answered"], "dispositif.nom_antivirus_etablissement"));
    EXPECT_EQ(hospital["answers"]["dispositif.nom_antivirus_etablissement"]["value"], "Antivirus de l'hôpital");
}

TEST_F(VendorApi, RejectsInvalidValuesWithAClearMessage) {
    auto bad_number = put("dispositif.ecran_taille", {{"value", "vingt-quatre"}});
    ASSERT_TRUE(bad_number);
    EXPECT_EQ(bad_number->status, 422);
    EXPECT_EQ(parse_json(bad_number)["error"]["code"], "invalid_value");
    // The invitation is in English: the message too.
    EXPECT_NE(parse_json(bad_number)["error"]["message"].get<std::string>().find("number"), std::string::npos);
    auto comma = parse_json(put("dispositif.ecran_taille", {{"value", "23,8"}}));
    EXPECT_DOUBLE_EQ(comma["value"].get<double>(), 23.8);
    auto bad_yes_no = put("dispositif.poste_standard", {{"value", "peut-être"}});
    EXPECT_EQ(bad_yes_no->status, 422);
    auto unknown = put("dispositif.nexiste_pas", {{"value", "x"}});
    EXPECT_EQ(unknown->status, 404);
    auto malformed = vendor().Put("/api/v1/vendor/answers/dispositif.marque", "[1,2", "application/json");
    EXPECT_EQ(malformed->status, 400);
}

TEST_F(VendorApi, CommentsOnAnyQuestion) {
    auto saved = parse_json(put("dispositif.marque", {{"value", "Medica"}, {"comment", "Voir la fiche technique jointe"}}));
    EXPECT_EQ(saved["comment"], "Voir la fiche technique jointe");
    auto comment_only = parse_json(put("dispositif.type", {{"value", nullptr}, {"comment", "Gamme 2026"}}));
    EXPECT_EQ(comment_only["comment"], "Gamme 2026");
}

TEST_F(VendorApi, DetectsConflictingEdits) {
    auto first = parse_json(put("dispositif.marque", {{"value", "Medica"}}));
    const long long seen = first["revision"];
    ASSERT_EQ(put("dispositif.marque", {{"value", "Medica France"}, {"base_revision", seen}})->status, 200);
    // A colleague still on revision `seen` saves something else: refused, with the current value.
    auto stale = put("dispositif.marque", {{"value", "Medica SAS"}, {"base_revision", seen}});
    ASSERT_TRUE(stale);
    EXPECT_EQ(stale->status, 409);
    auto body = parse_json(stale);
    EXPECT_EQ(body["error"]["code"], "conflict");
    EXPECT_EQ(body["current"]["value"], "Medica France");
}

TEST_F(VendorApi, ConcurrentSavesAreAllKept) {
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    const std::vector<std::string> ids = {"dispositif.marque", "dispositif.type", "dispositif.fabricant", "dispositif.fournisseur"};
    for (const auto& id : ids)
        threads.emplace_back([&, id] {
            for (int i = 0; i < 25; ++i) {
                auto result = put(id, {{"value", id + " " + std::to_string(i)}});
                if (!result || result->status != 200) ++failures;
            }
        });
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(failures.load(), 0);
    auto response = parse_json(server->api(server->api_token()).Get("/api/v1/responses/" + std::to_string(invitation.response_id)));
    for (const auto& id : ids) {
        EXPECT_EQ(response["answers"][id]["value"], id + " 24");
        EXPECT_EQ(response["answers"][id]["revision"], 25);
    }
}

TEST_F(VendorApi, UploadsDownloadsAndDeletesDocuments) {
    ASSERT_EQ(put("dispositif.classe_ce_2017_745", {{"value", "iia"}})->status, 200);
    httplib::MultipartFormDataItems items = {{"file", minimal_pdf(), "../../Certificat CE (v2).pdf", "application/pdf"}};
    auto uploaded = vendor().Post("/api/v1/vendor/documents/dispositif.certificat_ce_2017_745", items);
    ASSERT_TRUE(uploaded);
    ASSERT_EQ(uploaded->status, 201) << uploaded->body;
    auto document = parse_json(uploaded);
    EXPECT_EQ(document["size"], minimal_pdf().size());
    EXPECT_EQ(document["sha256"].get<std::string>().size(), 64u);
    EXPECT_EQ(document["file_name"].get<std::string>().find('/'), std::string::npos);
    const std::string url = "/api/v1/vendor/documents/" + std::to_string(document["id"].get<long long>());
    auto downloaded = vendor().Get(url);
    ASSERT_TRUE(downloaded);
    EXPECT_EQ(downloaded->status, 200);
    EXPECT_EQ(downloaded->body, minimal_pdf());
    EXPECT_NE(downloaded->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
    EXPECT_EQ(vendor().Delete(url)->status, 200);
    EXPECT_EQ(vendor().Get(url)->status, 404);
}

TEST_F(VendorApi, RefusesBadDocuments) {
    httplib::MultipartFormDataItems pdf = {{"file", minimal_pdf(), "a.pdf", "application/pdf"}};
    EXPECT_EQ(vendor().Post("/api/v1/vendor/documents/dispositif.marque", pdf)->status, 422);  // not a document question
    httplib::MultipartFormDataItems binary = {{"file", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16), "tool.exe", "application/octet-stream"}};
    EXPECT_EQ(vendor().Post("/api/v1/vendor/documents/dispositif.certificat_ce_2017_745", binary)->status, 422);
    httplib::MultipartFormDataItems empty = {{"file", "", "vide.pdf", "application/pdf"}};
    EXPECT_EQ(vendor().Post("/api/v1/vendor/documents/dispositif.certificat_ce_2017_745", empty)->status, 422);
    std::string big = minimal_pdf() + std::string(1200 * 1024, ' ');
    httplib::MultipartFormDataItems huge = {{"file", big, "gros.pdf", "application/pdf"}};
    auto too_large = vendor().Post("/api/v1/vendor/documents/dispositif.certificat_ce_2017_745", huge);
    ASSERT_TRUE(too_large);
    EXPECT_EQ(too_large->status, 413);
    httplib::MultipartFormDataItems no_file = {{"other", "x", "", ""}};
    EXPECT_EQ(vendor().Post("/api/v1/vendor/documents/dispositif.certificat_ce_2017_745", no_file)->status, 400);
}

TEST_F(VendorApi, SubmitNeedsEveryRequiredAnswerThenLocks) {
    auto early = vendor().Post("/api/v1/vendor/submit", "", "application/json");
    ASSERT_TRUE(early);
    EXPECT_EQ(early->status, 409);
    EXPECT_FALSE(parse_json(early)["missing_required"].empty());
    fill_required(*server, invitation.token);
    auto submitted = vendor().Post("/api/v1/vendor/submit", "", "application/json");
    ASSERT_TRUE(submitted);
    ASSERT_EQ(submitted->status, 200) << submitted->body;
    EXPECT_EQ(parse_json(submitted)["status"], "submitted");
    EXPECT_EQ(put("dispositif.marque", {{"value", "Trop tard"}})->status, 409);
    EXPECT_EQ(vendor().Post("/api/v1/vendor/submit", "", "application/json")->status, 409);
    auto hospital = server->api(server->api_token());
    auto read = parse_json(hospital.Get("/api/v1/responses/" + std::to_string(invitation.response_id)));
    EXPECT_EQ(read["status"], "submitted");
    EXPECT_FALSE(read["submitted_at"].is_null());
    // Reopened: the vendor can change it again.
    EXPECT_EQ(hospital.Post("/api/v1/responses/" + std::to_string(invitation.response_id) + "/reopen", "", "application/json")->status, 200);
    EXPECT_EQ(put("dispositif.marque", {{"value", "Corrigé"}})->status, 200);
    EXPECT_EQ(hospital.Post("/api/v1/responses/" + std::to_string(invitation.response_id) + "/reopen", "", "application/json")->status, 409);
}
