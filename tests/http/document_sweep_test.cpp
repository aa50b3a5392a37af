// The sweep at server start against the real binary (SQLite only: on PostgreSQL, documents are in
// the database and there is no documents folder): what interrupted uploads left in the documents
// folder goes once over an hour old, each removal logged by file name; the files rows point to, and
// recent leftovers (an upload in progress), stay.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace document_sweep_http_test {

TEST(SqliteDocumentSweepAtStart, OldLeftoversGoReferencedAndRecentFilesStay) {
    ServerProcess server;
    const Invitation invitation = invite_vendor(server, create_acquisition(server));
    auto vendor = server.api(invitation.token);
    ASSERT_EQ(vendor.Put("/api/v1/vendor/answers/dispositif.classe_ce_2017_745", json{{"value", "iia"}}.dump(),
                         "application/json")->status,
              200);
    httplib::MultipartFormDataItems items = {{"file", minimal_pdf(), "certificat.pdf", "application/pdf"}};
    auto uploaded = vendor.Post("/api/v1/vendor/documents/dispositif.certificat_ce_2017_745", items);
    ASSERT_TRUE(uploaded && uploaded->status == 201);
    const std::string id = std::to_string(parse_json(uploaded)["id"].get<long long>());

    const fs::path folder = fs::path(server.data_dir()) / "documents" / std::to_string(invitation.response_id);
    const auto now = fs::file_time_type::clock::now();
    for (const auto& entry : fs::directory_iterator(folder))  // the stored document, old but referenced
        fs::last_write_time(entry.path(), now - std::chrono::hours(3));
    const fs::path old_tmp = folder / "coupure-reseau.bin.tmp", old_orphan = folder / "sans-ligne.bin",
                   recent_tmp = folder / "en-cours.bin.tmp";
    for (const auto& path : {old_tmp, old_orphan, recent_tmp}) std::ofstream(path) << "restes";
    fs::last_write_time(old_tmp, now - std::chrono::hours(2));
    fs::last_write_time(old_orphan, now - std::chrono::minutes(90));

    server.restart();
    EXPECT_FALSE(fs::exists(old_tmp));
    EXPECT_FALSE(fs::exists(old_orphan));
    EXPECT_TRUE(fs::exists(recent_tmp));
    server.stop();  // the log is flushed at exit
    const std::string log = server.log();
    server.start();
    EXPECT_NE(log.find("coupure-reseau.bin.tmp"), std::string::npos) << log;
    EXPECT_NE(log.find("sans-ligne.bin"), std::string::npos) << log;
    EXPECT_EQ(log.find(folder.string()), std::string::npos) << "file names only: " << log;
    auto downloaded = server.api(invitation.token).Get("/api/v1/vendor/documents/" + id);
    ASSERT_TRUE(downloaded);
    EXPECT_EQ(downloaded->status, 200);
    EXPECT_EQ(downloaded->body, minimal_pdf());
}

}  // namespace document_sweep_http_test
