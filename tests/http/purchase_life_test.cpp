// The tender's life against the real binary: deadlines that hold through the vendor API (409
// deadline_passed, then an extension), a draft purchase's links, a closed purchase frozen, an
// archived one read-only and out of the list, the v1 creation still open, a vendor edited,
// withdrawn and restored, a purchase deleted after confirmation. The server uses the system
// clock: deadlines are yesterday and tomorrow.
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>

#include "../outputs/pdf/pdf_text.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace {

// "YYYY-MM-DD" `days` from today (UTC; a day either side is far from Paris's midnight).
std::string day_from_today(int days) {
    const std::time_t t = std::time(nullptr) + days * 86400L;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[11];
    std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
    return text;
}

}  // namespace

class PurchaseLife : public ::testing::Test {
protected:
    static void SetUpTestSuite() { server = new ServerProcess(); }
    static void TearDownTestSuite() { delete server; }

    static long long purchase(const json& fields) {
        json body = {{"title", "Pousse-seringues"}, {"equipment", "Pousse-seringue"}, {"reference", "PS-2027"}};
        for (const auto& [key, value] : fields.items()) body[key] = value;
        auto created = lead().Post("/api/v1/acquisitions", body.dump(), "application/json");
        if (!created || created->status != 201) throw std::runtime_error("create: " + (created ? created->body : std::string()));
        return json::parse(created->body)["id"].get<long long>();
    }
    static httplib::Client lead() { return server->api(server->api_token()); }
    static httplib::Result post(const std::string& path, const json& body) {
        return lead().Post(path, body.dump(), "application/json");
    }
    static httplib::Result vendor_put(const Invitation& vendor, const std::string& value) {
        return server->api(vendor.token).Put("/api/v1/vendor/answers/dispositif.designation",
                                             json{{"value", value}}.dump(), "application/json");
    }
    static std::string path(long long acquisition) { return "/api/v1/acquisitions/" + std::to_string(acquisition); }

    static ServerProcess* server;
};
ServerProcess* PurchaseLife::server = nullptr;

TEST_F(PurchaseLife, AfterTheDeadlineTheVendorApiAnswers409UntilTheLeadExtendsIt) {
    const long long id = purchase({{"deadline", day_from_today(-1)}});  // v1: a past deadline is accepted
    const Invitation vendor = invite_vendor(*server, id, "En retard SA");
    auto refused = vendor_put(vendor, "Modèle X");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 409) << refused->body;
    EXPECT_EQ(json::parse(refused->body)["error"]["code"], "deadline_passed");
    auto read = server->api(vendor.token).Get("/api/v1/vendor/response");
    ASSERT_TRUE(read);
    EXPECT_EQ(read->status, 200);
    EXPECT_EQ(json::parse(read->body)["read_only_reason"], "deadline_passed");
    auto submit = server->api(vendor.token).Post("/api/v1/vendor/submit");
    EXPECT_EQ(submit->status, 409);

    const std::string response = "/api/v1/responses/" + std::to_string(vendor.response_id);
    EXPECT_EQ(post(response + "/deadline", {{"deadline", day_from_today(2)}})->status, 422);  // no reason
    auto extended = post(response + "/deadline", {{"deadline", day_from_today(2) + "T12:00"}, {"reason", "Panne"}});
    ASSERT_EQ(extended->status, 200) << extended->body;
    EXPECT_EQ(vendor_put(vendor, "Modèle X")->status, 200);
    fill_required(*server, vendor.token);
    ASSERT_EQ(server->api(vendor.token).Post("/api/v1/vendor/submit")->status, 200);
    auto shown = lead().Get(response);
    EXPECT_EQ(json::parse(shown->body)["state"], "late");
    auto journal = lead().Get(response + "/journal");
    EXPECT_NE(journal->body.find("Panne"), std::string::npos);
}

TEST_F(PurchaseLife, ADraftPurchasesLinksDoNotOpenUntilItOpens) {
    const long long id = purchase({{"status", "draft"}, {"deadline", day_from_today(30)}});
    const Invitation vendor = invite_vendor(*server, id, "Trop tôt SA");
    auto page = server->client().Get("/invitation/" + vendor.token);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 403);
    EXPECT_NE(page->body.find("pas encore ouverte"), std::string::npos);
    EXPECT_EQ(server->api(vendor.token).Get("/api/v1/vendor/response")->status, 401);
    ASSERT_EQ(post(path(id) + "/transitions", {{"action", "open"}})->status, 200);
    EXPECT_EQ(server->client().Get("/invitation/" + vendor.token)->status, 303);
}

TEST_F(PurchaseLife, V1CreationWithoutStatusIsOpenAndItsLinksWorkAtOnce) {
    auto created = lead().Post("/api/v1/acquisitions", json{{"title", "IRM"}, {"equipment", "IRM"}}.dump(), "application/json");
    ASSERT_EQ(created->status, 201);
    EXPECT_EQ(json::parse(created->body)["status"], "open");
    const Invitation vendor = invite_vendor(*server, json::parse(created->body)["id"].get<long long>());
    EXPECT_EQ(server->client().Get("/invitation/" + vendor.token)->status, 303);
    EXPECT_EQ(lead().Post("/api/v1/acquisitions", json{{"title", "X"}, {"equipment", "X"}, {"status", "closed"}}.dump(),
                          "application/json")->status, 422);
}

TEST_F(PurchaseLife, AClosedPurchaseIsFrozenAnArchivedOneReadOnlyAndOutOfTheList) {
    const long long id = purchase({{"deadline", day_from_today(30)}});
    const Invitation vendor = invite_vendor(*server, id, "Figé SA");
    ASSERT_EQ(vendor_put(vendor, "Avant")->status, 200);
    ASSERT_EQ(post(path(id) + "/transitions", {{"action", "close"}})->status, 200);
    auto frozen = vendor_put(vendor, "Après");
    EXPECT_EQ(frozen->status, 409);
    EXPECT_EQ(json::parse(frozen->body)["error"]["code"], "purchase_closed");
    EXPECT_EQ(lead().Get(path(id) + "/report.pdf")->status, 200);  // exports go on
    EXPECT_EQ(post(path(id) + "/transitions", {{"action", "reopen"}})->status, 422);  // a reason is required

    ASSERT_EQ(post(path(id) + "/transitions", {{"action", "archive"}})->status, 200);
    auto invite = post(path(id) + "/vendors", {{"company", "Nouveau"}, {"email", "n@x.example"}});
    EXPECT_EQ(invite->status, 409);
    EXPECT_EQ(json::parse(invite->body)["error"]["code"], "archived");
    EXPECT_EQ(vendor_put(vendor, "Après")->status, 409);
    EXPECT_EQ(server->api(vendor.token).Get("/api/v1/vendor/response")->status, 200);  // still readable
    auto listed = [&](const std::string& query) {
        for (const auto& item : json::parse(lead().Get("/api/v1/acquisitions" + query)->body))
            if (item["id"] == id) return true;
        return false;
    };
    EXPECT_FALSE(listed(""));
    EXPECT_TRUE(listed("?archived=include"));
    EXPECT_TRUE(listed("?archived=only"));
    EXPECT_FALSE(json::parse(lead().Get(path(id))->body)["retention_until"].is_null());
    ASSERT_EQ(post(path(id) + "/transitions", {{"action", "unarchive"}})->status, 200);
    EXPECT_EQ(json::parse(lead().Get(path(id))->body)["status"], "closed");
}

TEST_F(PurchaseLife, AVendorIsEditedWithdrawnAndRestored) {
    const long long id = purchase({{"deadline", day_from_today(30)}});
    const Invitation vendor = invite_vendor(*server, id, "Erreur SA");
    const std::string response = "/api/v1/responses/" + std::to_string(vendor.response_id);
    auto edited = lead().Patch(response, json{{"company", "Erreur SAS"}, {"language", "en"}}.dump(), "application/json");
    ASSERT_EQ(edited->status, 200) << edited->body;
    EXPECT_EQ(json::parse(edited->body)["company"], "Erreur SAS");
    EXPECT_EQ(lead().Patch(response, json{{"email", "pas-une-adresse"}}.dump(), "application/json")->status, 422);

    EXPECT_EQ(post(response + "/withdraw", json::object())->status, 422);
    ASSERT_EQ(post(response + "/withdraw", {{"reason", "Invité par erreur"}})->status, 200);
    EXPECT_EQ(server->api(vendor.token).Get("/api/v1/vendor/response")->status, 401);
    auto page = server->client().Get("/invitation/" + vendor.token);
    EXPECT_EQ(page->status, 403);
    EXPECT_EQ(json::parse(lead().Get(response)->body)["state"], "withdrawn");
    const json compared = json::parse(lead().Get(path(id) + "/comparison")->body);  // kept alive for the loop
    ASSERT_FALSE(compared["vendors"].is_null());
    for (const auto& row : compared["vendors"]) EXPECT_NE(row["response_id"], vendor.response_id);
    // Out of the reports and the CSV; kept, marked withdrawn, in the JSON export (the archive's
    // content) and in the journal.
    EXPECT_EQ(lead().Get(path(id) + "/export.csv")->body.find("Erreur SAS"), std::string::npos);
    auto pdf = lead().Get(path(id) + "/report.pdf");
    ASSERT_EQ(pdf->status, 200) << pdf->body;
    const std::string report = cyberachat::testing::pdf_text(pdf->body);
    EXPECT_NE(report.find("Page 1 / "), std::string::npos) << report;
    EXPECT_EQ(report.find("Erreur SAS"), std::string::npos);
    bool archived = false;
    const json exported = json::parse(lead().Get(path(id) + "/export.json")->body);
    for (const auto& kept : exported["vendors"])
        archived = archived || (kept["company"] == "Erreur SAS" && !kept["withdrawn_at"].get<std::string>().empty());
    EXPECT_TRUE(archived) << exported.dump().substr(0, 800);
    EXPECT_NE(lead().Get(response + "/journal")->body.find("Invité par erreur"), std::string::npos);
    ASSERT_EQ(post(response + "/restore", {{"reason", "Finalement retenu"}})->status, 200);
    EXPECT_EQ(server->api(vendor.token).Get("/api/v1/vendor/response")->status, 200);
}

TEST_F(PurchaseLife, APurchaseIsDeletedOnlyAfterItsReferenceIsTyped) {
    const long long id = purchase({{"reference", "DEL-42"}});
    const Invitation vendor = invite_vendor(*server, id, "Effacé SA");
    httplib::MultipartFormDataItems items = {{"file", minimal_pdf(), "Certificat.pdf", "application/pdf"}};
    ASSERT_EQ(server->api(vendor.token).Post("/api/v1/vendor/documents/dispositif.certificat_ce_93_42", items)->status, 201);
    auto refused = lead().Delete(path(id), json{{"confirmation", "DEL"}}.dump(), "application/json");
    EXPECT_EQ(refused->status, 422);
    auto deleted = lead().Delete(path(id), json{{"confirmation", "DEL-42"}}.dump(), "application/json");
    ASSERT_EQ(deleted->status, 200) << deleted->body;
    EXPECT_EQ(json::parse(deleted->body)["documents"], 1);
    EXPECT_EQ(lead().Get(path(id))->status, 404);
    EXPECT_EQ(server->query_value("SELECT COUNT(*) FROM documents d JOIN responses r ON r.id = d.response_id "
                                  "WHERE r.acquisition_id = " + std::to_string(id)), "0");
    EXPECT_EQ(server->query_value("SELECT COUNT(*) FROM events WHERE entity = 'acquisition' AND action = 'delete' "
                                  "AND entity_id = " + std::to_string(id)), "1");
}
