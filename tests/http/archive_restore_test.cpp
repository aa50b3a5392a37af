// Restoring a purchase's archive from the pages (/acquisitions/restore) and the API
// (POST /api/v1/acquisitions/restore): the biomedical engineer who restores it becomes its lead;
// a file that is not an archive, a corrupted one or an empty form is refused in French with a 422,
// and nothing is written.
#include <gtest/gtest.h>

#include "browser.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace {

std::string archive_of(const ServerProcess& server, long long acquisition) {
    auto archive = server.api(server.api_token()).Get("/api/v1/acquisitions/" + std::to_string(acquisition) + "/archive.zip");
    EXPECT_TRUE(archive);
    EXPECT_EQ(archive->status, 200);
    return archive ? archive->body : "";
}

size_t purchase_count(const ServerProcess& server) {
    return parse_json(server.api(server.api_token()).Get("/api/v1/acquisitions")).size();
}

}  // namespace

TEST(ArchiveRestore, ABiomedicalEngineerRestoresAnArchiveFromThePagesAndLeadsIt) {
    ServerProcess source;
    const long long acquisition = create_acquisition(source, "Moniteurs « réa » 2027");
    const Invitation vendor = invite_vendor(source, acquisition, "Médica Santé SA");
    ASSERT_EQ(source.api(vendor.token)
                  .Put("/api/v1/vendor/answers/dispositif.marque", json{{"value", "Moniteur X"}}.dump(), "application/json")
                  ->status,
              200);
    const std::string archive = archive_of(source, acquisition);

    ServerProcess target;
    const std::string engineer = "biomed2@chu.test";
    const std::string engineer_token = user_token(target, engineer, "biomedical");
    Browser browser(target);
    browser.get("/login");
    ASSERT_EQ(browser.post("/login", {{"email", engineer}, {"password", kUserPassword}})->status, 303);
    auto list_page = browser.get("/acquisitions");
    ASSERT_EQ(list_page->status, 200);
    EXPECT_NE(list_page->body.find("href=\"/acquisitions/restore\""), std::string::npos) << "the list links to the page";
    auto page = browser.get("/acquisitions/restore");
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("Restaurer l&#39;archive d&#39;un achat"), std::string::npos);
    EXPECT_NE(page->body.find("enctype=\"multipart/form-data\""), std::string::npos);

    auto restored = browser.post_file("/acquisitions/restore", "archive", archive, "archive.zip", "application/zip");
    ASSERT_TRUE(restored);
    ASSERT_EQ(restored->status, 303) << restored->body;
    const std::string location = restored->get_header_value("Location");
    ASSERT_EQ(location.rfind("/acquisitions/", 0), 0u) << location;
    auto purchase_page = browser.get(location);
    ASSERT_EQ(purchase_page->status, 200);
    EXPECT_NE(purchase_page->body.find("Moniteurs « réa » 2027"), std::string::npos);
    EXPECT_NE(purchase_page->body.find("restauré depuis son archive"), std::string::npos) << "the flash says what happened";
    EXPECT_NE(purchase_page->body.find("Médica Santé SA"), std::string::npos);

    // The engineer who restored it is its lead; the vendor's answer came along.
    const std::string id = location.substr(std::string("/acquisitions/").size());
    auto as_engineer = target.api(engineer_token);
    const json members = parse_json(as_engineer.Get("/api/v1/acquisitions/" + id + "/members"));
    bool lead = false;
    for (const json& member : members) lead = lead || (member["email"] == engineer && member["role"] == "lead");
    EXPECT_TRUE(lead) << members.dump();
    const json exported = parse_json(as_engineer.Get("/api/v1/acquisitions/" + id + "/export.json"));
    EXPECT_NE(exported.dump().find("Moniteur X"), std::string::npos);
}

TEST(ArchiveRestore, WhatIsNotAnIntactArchiveIsRefusedOnThePageAndNothingIsWritten) {
    ServerProcess source;
    const std::string archive = archive_of(source, create_acquisition(source, "Achat à corrompre"));
    ServerProcess target;
    Browser browser(target);
    log_in(browser);
    browser.get("/acquisitions/restore");

    auto not_zip = browser.post_file("/acquisitions/restore", "archive", "ceci n'est pas un zip", "notes.zip", "application/zip");
    ASSERT_TRUE(not_zip);
    EXPECT_EQ(not_zip->status, 422);
    EXPECT_NE(not_zip->body.find("L&#39;archive n&#39;a pas été restaurée"), std::string::npos) << not_zip->body;
    EXPECT_NE(not_zip->body.find("notes.zip"), std::string::npos);
    EXPECT_NE(not_zip->body.find("Archive refusée"), std::string::npos);

    std::string corrupted = archive;
    corrupted[corrupted.size() / 3] = static_cast<char>(corrupted[corrupted.size() / 3] ^ 0x5A);
    auto corrupt = browser.post_file("/acquisitions/restore", "archive", corrupted, "archive.zip", "application/zip");
    ASSERT_TRUE(corrupt);
    EXPECT_EQ(corrupt->status, 422) << corrupt->body;
    EXPECT_NE(corrupt->body.find("Archive refusée"), std::string::npos);

    auto empty = browser.post_file("/acquisitions/restore", "archive", "", "", "application/octet-stream");
    ASSERT_TRUE(empty);
    EXPECT_EQ(empty->status, 422);
    EXPECT_NE(empty->body.find("choisissez le fichier zip"), std::string::npos) << empty->body;

    // Without the form's CSRF token: refused before anything is read.
    auto forged = target.client().Post("/acquisitions/restore", httplib::Headers{{"Cookie", hospital_session(target)}},
                                       httplib::MultipartFormDataItems{{"archive", archive, "archive.zip", "application/zip"}});
    ASSERT_TRUE(forged);
    EXPECT_EQ(forged->status, 403);
    EXPECT_EQ(purchase_count(target), 0u);
}

TEST(ArchiveRestore, TheApiRestoresARawOrMultipartArchive) {
    ServerProcess source;
    const std::string archive = archive_of(source, create_acquisition(source, "Scanners 2027"));
    ServerProcess target;
    auto api = target.api(target.api_token());
    auto raw = api.Post("/api/v1/acquisitions/restore", archive, "application/zip");
    ASSERT_TRUE(raw);
    ASSERT_EQ(raw->status, 201) << raw->body;
    const json body = json::parse(raw->body);
    EXPECT_EQ(body["title"], "Scanners 2027");
    EXPECT_FALSE(body["questionnaire"]["version"].get<std::string>().empty());
    EXPECT_EQ(raw->get_header_value("Location"), "/api/v1/acquisitions/" + std::to_string(body["id"].get<long long>()));
    EXPECT_EQ(parse_json(api.Get(raw->get_header_value("Location")))["title"], "Scanners 2027");

    auto multipart = api.Post("/api/v1/acquisitions/restore",
                              httplib::MultipartFormDataItems{{"archive", archive, "archive.zip", "application/zip"}});
    ASSERT_TRUE(multipart);
    EXPECT_EQ(multipart->status, 201) << multipart->body;
    EXPECT_EQ(purchase_count(target), 2u);

    auto empty = api.Post("/api/v1/acquisitions/restore", "", "application/zip");
    ASSERT_TRUE(empty);
    EXPECT_EQ(empty->status, 422);
    EXPECT_EQ(json::parse(empty->body)["error"]["code"], "invalid_archive") << empty->body;
    auto garbage = api.Post("/api/v1/acquisitions/restore", std::string(4096, 'x'), "application/zip");
    ASSERT_TRUE(garbage);
    EXPECT_EQ(garbage->status, 422) << garbage->body;
    auto missing_field = api.Post("/api/v1/acquisitions/restore",
                                  httplib::MultipartFormDataItems{{"file", archive, "archive.zip", "application/zip"}});
    ASSERT_TRUE(missing_field);
    EXPECT_EQ(missing_field->status, 400);
    EXPECT_EQ(purchase_count(target), 2u);

    // A buyer may not create purchases, hence not restore one either.
    auto as_buyer = target.api(user_token(target, "acheteur@chu.test", "buyer"));
    EXPECT_EQ(as_buyer.Post("/api/v1/acquisitions/restore", archive, "application/zip")->status, 403);
    EXPECT_EQ(purchase_count(target), 2u);
}
