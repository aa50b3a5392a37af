// The full archive of a purchase: exported by one instance, restored by `cyberachat import-archive`
// into a fresh one, exported again: the same data (ids, timestamps and the import's own events
// aside) and byte-identical documents. Corrupted and foreign archives are refused in French.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

// What must survive the round trip: no ids, no timestamps, no revisions, no events.
json comparable(json data) {
    data.erase("events");
    for (const char* key : {"id", "created_at", "updated_at"}) data["acquisition"].erase(key);
    data["questionnaire"].erase("version_id");
    for (auto& vendor : data["vendors"]) {
        for (const char* key : {"response_id", "created_at", "updated_at", "submitted_at", "invited_at"}) vendor.erase(key);
        for (auto& answer : vendor["answers"])
            for (const char* key : {"revision", "updated_at", "updated_by"}) answer.erase(key);
        for (auto& document : vendor["documents"])
            for (const char* key : {"id", "created_at"}) document.erase(key);
        for (auto& review : vendor["reviews"]) review.erase("created_at");
        for (auto& opinion : vendor["opinions"]) opinion.erase("updated_at");
    }
    for (auto& weight : data["weights"]) weight.erase("updated_at");
    return data;
}

std::string write_temp(const std::string& name, const std::string& bytes) {
    const fs::path path = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
}

}  // namespace

TEST(ArchiveImport, RoundTripYieldsIdenticalData) {
    ServerProcess source;
    const long long acquisition = create_acquisition(source, "Échographes « cardio » 2027");
    const Invitation medica = invite_vendor(source, acquisition, "Médica Santé SA");
    const Invitation other = invite_vendor(source, acquisition, "Biotech Ltd");
    auto put = [&](const Invitation& vendor, const std::string& id, const json& body) {
        auto result = source.api(vendor.token).Put("/api/v1/vendor/answers/" + id, body.dump(), "application/json");
        ASSERT_TRUE(result);
        ASSERT_EQ(result->status, 200) << result->body;
    };
    put(medica, "dispositif.marque", {{"value", "Sécurité Médicale"}, {"comment", "Voir la fiche jointe"}});
    put(medica, "dispositif.classe_ce_93_42", {{"value", "iia"}});
    put(other, "dispositif.type", {{"value", nullptr}, {"comment", "Gamme 2026"}});
    httplib::MultipartFormDataItems items = {{"file", minimal_pdf(), "Certificat CE.pdf", "application/pdf"}};
    ASSERT_EQ(source.api(medica.token).Post("/api/v1/vendor/documents/dispositif.certificat_ce_93_42", items)->status, 201);
    fill_required(source, other.token);
    ASSERT_EQ(source.api(other.token).Post("/api/v1/vendor/submit", "{}", "application/json")->status, 200);
    // The hospital's evaluation: a weight of its own, a review by IT, a clarification, two opinions.
    const std::string it_token = user_token(source, "rssi@chu.test", "it");
    auto hospital = source.api(source.api_token());
    auto weighed = hospital.Put("/api/v1/acquisitions/" + std::to_string(acquisition) + "/weights/dispositif.poste_standard",
                                json{{"weight", 7}}.dump(), "application/json");
    ASSERT_TRUE(weighed);
    ASSERT_EQ(weighed->status, 200) << weighed->body;
    const std::string other_path = "/api/v1/responses/" + std::to_string(other.response_id);
    auto post = [&](httplib::Client& client, const std::string& url, const json& body, int status) {
        auto result = client.Post(url, body.dump(), "application/json");
        ASSERT_TRUE(result);
        ASSERT_EQ(result->status, status) << result->body;
    };
    auto it = source.api(it_token);
    post(it, other_path + "/reviews",
         {{"question_id", "dispositif.poste_standard"}, {"status", "unsatisfactory"}, {"comment", "Poste non maîtrisé par la DSI"}},
         201);
    post(hospital, other_path + "/reviews",
         {{"question_id", "dispositif.marque"}, {"status", "clarification"}, {"vendor_question", "Quelle gamme exactement ?"}}, 201);
    ASSERT_EQ(it.Put(other_path + "/opinion", json{{"verdict", "unfavourable"}, {"text", "Télémaintenance ouverte"}}.dump(),
                     "application/json")->status, 200);
    ASSERT_EQ(hospital.Put(other_path + "/opinion", json{{"verdict", "favourable"}, {"text", "Bon matériel"}}.dump(),
                           "application/json")->status, 200);

    const std::string base = "/api/v1/acquisitions/" + std::to_string(acquisition);
    auto archive = source.api(source.api_token()).Get(base + "/archive.zip");
    ASSERT_TRUE(archive);
    ASSERT_EQ(archive->status, 200) << archive->body;
    EXPECT_EQ(archive->get_header_value("Content-Type"), "application/zip");
    EXPECT_FALSE(archive->body.find(medica.token) != std::string::npos);
    const json before = json::parse(source.api(source.api_token()).Get(base + "/export.json")->body);
    const std::string file = write_temp("cyb-archive.zip", archive->body);

    ServerProcess target;
    target.stop();
    auto imported = run_binary({"import-archive", file, "--data", target.data_dir()});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    EXPECT_NE(imported.out.find("restauré"), std::string::npos) << imported.out;
    target.start();
    auto list = parse_json(target.api(target.api_token()).Get("/api/v1/acquisitions"));
    ASSERT_EQ(list.size(), 1u) << list.dump();
    const json& first = list[0];
    const std::string target_base = "/api/v1/acquisitions/" + std::to_string(first["id"].get<long long>());
    const json after = json::parse(target.api(target.api_token()).Get(target_base + "/export.json")->body);
    EXPECT_EQ(comparable(after), comparable(before));
    EXPECT_EQ(after["vendors"][1]["status"], "submitted");
    // The evaluation came along (compared above; here, that there was something to compare).
    ASSERT_EQ(before["weights"].size(), 1u);
    EXPECT_EQ(before["weights"][0]["weight"], 7);
    EXPECT_EQ(before["scoring_grid"]["id"], "afib-grid");
    ASSERT_EQ(before["vendors"][1]["reviews"].size(), 2u);
    EXPECT_NE(before["vendors"][1]["reviews"][0]["author"].get<std::string>().find("rssi@chu.test"), std::string::npos);
    EXPECT_EQ(before["vendors"][1]["reviews"][1]["vendor_question"], "Quelle gamme exactement ?");
    ASSERT_EQ(before["vendors"][1]["opinions"].size(), 2u);
    // And the scores it makes are the same.
    auto score = [](ServerProcess& server, long long response_id) {
        return parse_json(server.api(server.api_token()).Get("/api/v1/responses/" + std::to_string(response_id) + "/evaluation"))["score"];
    };
    EXPECT_EQ(score(target, after["vendors"][1]["response_id"].get<long long>()), score(source, other.response_id));
    EXPECT_EQ(score(target, after["vendors"][0]["response_id"].get<long long>()), score(source, medica.response_id));

    // Documents byte-identical.
    auto document = target.api(target.api_token()).Get("/api/v1/documents/" +
                                                       std::to_string(after["vendors"][0]["documents"][0]["id"].get<long long>()));
    ASSERT_TRUE(document);
    EXPECT_EQ(document->body, minimal_pdf());
    fs::remove(file);
}

TEST(ArchiveImport, CorruptedOrForeignArchivesAreRefused) {
    ServerProcess source;
    const long long acquisition = create_acquisition(source, "Achat à corrompre");
    auto archive = source.api(source.api_token()).Get("/api/v1/acquisitions/" + std::to_string(acquisition) + "/archive.zip");
    ASSERT_TRUE(archive);
    source.stop();

    const std::string garbage = write_temp("cyb-garbage.zip", "ceci n'est pas un zip");
    auto refused = run_binary({"import-archive", garbage, "--data", source.data_dir()});
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_NE(refused.err.find("Archive refusée"), std::string::npos) << refused.err;

    // A byte changed in the middle: the zip's CRC or the manifest's SHA-256 check fails.
    std::string corrupted = archive->body;
    corrupted[corrupted.size() / 3] = static_cast<char>(corrupted[corrupted.size() / 3] ^ 0x5A);
    const std::string corrupted_file = write_temp("cyb-corrupted.zip", corrupted);
    auto corrupt = run_binary({"import-archive", corrupted_file, "--data", source.data_dir()});
    EXPECT_EQ(corrupt.exit_code, 1);
    EXPECT_NE(corrupt.err.find("Archive refusée"), std::string::npos) << corrupt.err;

    // A readable zip that is not a Cyberachat archive (no manifest).
    const std::string foreign = write_temp("cyb-foreign.zip", "");
    ASSERT_EQ(std::system(("/usr/bin/python3 -c \"import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],'w'); "
                           "z.writestr('notes.txt','bonjour'); z.close()\" " + foreign).c_str()), 0);
    auto stranger = run_binary({"import-archive", foreign, "--data", source.data_dir()});
    EXPECT_EQ(stranger.exit_code, 1);
    EXPECT_NE(stranger.err.find("pas de manifest.json"), std::string::npos) << stranger.err;

    const std::string missing = write_temp("cyb-missing.zip", "");
    fs::remove(missing);
    auto absent = run_binary({"import-archive", missing, "--data", source.data_dir()});
    EXPECT_EQ(absent.exit_code, 1);
    EXPECT_NE(absent.err.find("Impossible de lire"), std::string::npos) << absent.err;

    source.start();  // nothing was imported
    auto list = parse_json(source.api(source.api_token()).Get("/api/v1/acquisitions"));
    EXPECT_EQ(list.size(), 1u);
    for (const auto& path : {garbage, corrupted_file, foreign}) fs::remove(path);
}
