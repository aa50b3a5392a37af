// The full archive of a purchase: exported by one instance, restored by `cyberachat import-archive`
// into another one, exported again: the same data — timestamps, submission times, revisions,
// authors and the journal included — but for the ids, plus one journal line for the import
// itself; byte-identical documents. Corrupted and foreign archives are refused in French, and an
// archive that fails half way leaves nothing behind.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

// `before` as the restore must give it back in `after`'s instance: the same, but for the ids
// (purchase, questionnaire version, responses, documents; events' own ids dropped) and the actors
// "vendor:<response id>" that name them.
json with_new_ids(json data, const json& after) {
    std::map<long long, long long> responses, documents;
    const long long from = data["acquisition"]["id"], to = after["acquisition"]["id"];
    data["acquisition"]["id"] = to;
    data["questionnaire"]["version_id"] = after["questionnaire"]["version_id"];
    for (size_t v = 0; v < data["vendors"].size(); ++v) {
        json& vendor = data["vendors"][v];
        const json& restored = after["vendors"].at(v);
        responses[vendor["response_id"]] = restored["response_id"];
        vendor["response_id"] = restored["response_id"];
        for (size_t d = 0; d < vendor["documents"].size(); ++d) {
            documents[vendor["documents"][d]["id"]] = restored["documents"].at(d)["id"];
            vendor["documents"][d]["id"] = restored["documents"].at(d)["id"];
        }
    }
    auto actor = [&](json& value) {
        const std::string text = value.get<std::string>();
        if (text.rfind("vendor:", 0) == 0) value = "vendor:" + std::to_string(responses.at(std::stoll(text.substr(7))));
    };
    for (json& vendor : data["vendors"]) {
        for (json& answer : vendor["answers"]) actor(answer["updated_by"]);
        for (json& review : vendor["reviews"]) actor(review["author"]);
    }
    for (json& event : data["events"]) {
        event.erase("id");
        actor(event["actor"]);
        const std::string entity = event["entity"];
        const long long id = event["entity_id"];
        if (entity == "acquisition") event["entity_id"] = id == from ? to : -1;
        else if (entity == "document") event["entity_id"] = documents.at(id);
        else event["entity_id"] = responses.at(id);
    }
    return data;
}

std::string write_temp(const std::string& name, const std::string& bytes) {
    const fs::path path = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
}

// SHA-256 (hex) of a file, by sha256sum.
std::string sha256_of(const std::string& path) {
    const std::string out = write_temp("cyb-sha256.txt", "");
    std::string sha;
    if (std::system(("sha256sum " + path + " > " + out).c_str()) == 0) std::ifstream(out) >> sha;
    fs::remove(out);
    return sha;
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
    // An answer imported from the vendor's MDS2 (its file kept), and the equipment's expected end of use.
    const httplib::MultipartFormDataItems mds2 = {{"file", "ID,Question,Answer\nDOC-1,Manufacturer Name,Médica Fabrication\n",
                                                   "mds2.csv", "text/csv"}};
    ASSERT_EQ(source.api(medica.token).Post("/api/v1/vendor/import/mds2?apply=1", mds2)->status, 200);
    ASSERT_EQ(source.api(source.api_token())
                  .Patch("/api/v1/acquisitions/" + std::to_string(acquisition), json{{"expected_end_of_use", "2034-12-31"}}.dump(),
                         "application/json")->status, 200);
    // The hospital's evaluation: a weight of its own, a review by IT, a clarification, two opinions.
    const std::string it_token = user_token(source, "rssi@chu.test", "it");
    add_member(source, acquisition, "rssi@chu.test", "it_reviewer");
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

    // The target has a purchase and vendors of its own: the restored records get other ids.
    ServerProcess target;
    const long long own = create_acquisition(target, "Achat local");
    invite_vendor(target, own, "Fournisseur local");
    invite_vendor(target, own, "Autre fournisseur local");
    target.stop();
    auto imported = run_binary_on_store(target, {"import-archive", file, "--lead", ServerProcess::kEmail});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    EXPECT_NE(imported.out.find("restauré"), std::string::npos) << imported.out;
    target.start();
    auto list = parse_json(target.api(target.api_token()).Get("/api/v1/acquisitions"));
    ASSERT_EQ(list.size(), 2u) << list.dump();
    const json& first = list[0];  // newest first
    ASSERT_NE(first["id"].get<long long>(), own);
    const std::string target_base = "/api/v1/acquisitions/" + std::to_string(first["id"].get<long long>());
    json after = json::parse(target.api(target.api_token()).Get(target_base + "/export.json")->body);
    ASSERT_EQ(after["vendors"].size(), 2u);
    EXPECT_NE(after["vendors"][0]["response_id"], before["vendors"][0]["response_id"]);

    // The journal: the archived one, then one line for the import itself (actor, archive's SHA-256)
    // and one for the lead the import appointed.
    ASSERT_EQ(after["events"].size(), before["events"].size() + 2);
    const json lead_event = after["events"].back();
    after["events"].erase(after["events"].size() - 1);
    EXPECT_EQ(lead_event["action"], "member_add");
    EXPECT_EQ(lead_event["new_value"], "\"lead\"");
    const json import_event = after["events"].back();
    after["events"].erase(after["events"].size() - 1);
    for (json& event : after["events"]) event.erase("id");
    EXPECT_EQ(import_event["actor"], "system:import-archive");
    EXPECT_EQ(import_event["entity"], "acquisition");
    EXPECT_EQ(import_event["entity_id"], after["acquisition"]["id"]);
    EXPECT_EQ(import_event["action"], "import");
    const json note = json::parse(import_event["new_value"].get<std::string>());
    EXPECT_EQ(note["sha256"], sha256_of(file));
    EXPECT_EQ(note["source_acquisition_id"], acquisition);

    // Everything else identical: times, submission times, revisions, authors, the journal's lines.
    EXPECT_EQ(after, with_new_ids(before, after));
    EXPECT_EQ(after["vendors"][1]["status"], "submitted");
    EXPECT_FALSE(before["vendors"][1]["submitted_at"].get<std::string>().empty());
    EXPECT_EQ(after["vendors"][1]["submitted_at"], before["vendors"][1]["submitted_at"]);
    // (there was something to compare: the vendors' answers, their documents and the submission)
    bool submit_event = false, document_event = false, vendor_answer = false;
    for (const json& event : before["events"]) {
        submit_event = submit_event || event["action"] == "submit";
        document_event = document_event || event["entity"] == "document";
        vendor_answer = vendor_answer || (event["entity"] == "answer" && event["actor"].get<std::string>().rfind("vendor:", 0) == 0);
    }
    EXPECT_TRUE(submit_event && document_event && vendor_answer) << before["events"].dump(1);
    EXPECT_EQ(before["vendors"][0]["answers"][0]["revision"], after["vendors"][0]["answers"][0]["revision"]);
    // The evaluation came along (compared above; here, that there was something to compare).
    ASSERT_EQ(before["weights"].size(), 1u);
    EXPECT_EQ(before["weights"][0]["weight"], 7);
    EXPECT_EQ(before["scoring_grid"]["id"], "afib-grid");
    ASSERT_EQ(before["vendors"][1]["reviews"].size(), 2u);
    EXPECT_NE(before["vendors"][1]["reviews"][0]["author"].get<std::string>().find("rssi@chu.test"), std::string::npos);
    EXPECT_EQ(before["vendors"][1]["reviews"][1]["vendor_question"], "Quelle gamme exactement ?");
    ASSERT_EQ(before["vendors"][1]["opinions"].size(), 2u);
    // The MDS2's origin and the end of use came along (compared above; here, that they were there).
    EXPECT_EQ(before["acquisition"]["expected_end_of_use"], "2034-12-31");
    bool imported_answer = false;
    for (const json& answer : before["vendors"][0]["answers"])
        imported_answer = imported_answer || answer["source"].get<std::string>().find("\"mds2\"") != std::string::npos;
    EXPECT_TRUE(imported_answer) << before["vendors"][0]["answers"].dump(1);
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
    auto refused = run_binary_on_store(source, {"import-archive", garbage});
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_NE(refused.err.find("Archive refusée"), std::string::npos) << refused.err;

    // A byte changed in the middle: the zip's CRC or the manifest's SHA-256 check fails.
    std::string corrupted = archive->body;
    corrupted[corrupted.size() / 3] = static_cast<char>(corrupted[corrupted.size() / 3] ^ 0x5A);
    const std::string corrupted_file = write_temp("cyb-corrupted.zip", corrupted);
    auto corrupt = run_binary_on_store(source, {"import-archive", corrupted_file});
    EXPECT_EQ(corrupt.exit_code, 1);
    EXPECT_NE(corrupt.err.find("Archive refusée"), std::string::npos) << corrupt.err;

    // A readable zip that is not a Cyberachat archive (no manifest).
    const std::string foreign = write_temp("cyb-foreign.zip", "");
    ASSERT_EQ(std::system(("/usr/bin/python3 -c \"import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],'w'); "
                           "z.writestr('notes.txt','bonjour'); z.close()\" " + foreign).c_str()), 0);
    auto stranger = run_binary_on_store(source, {"import-archive", foreign});
    EXPECT_EQ(stranger.exit_code, 1);
    EXPECT_NE(stranger.err.find("pas de manifest.json"), std::string::npos) << stranger.err;

    const std::string missing = write_temp("cyb-missing.zip", "");
    fs::remove(missing);
    auto absent = run_binary_on_store(source, {"import-archive", missing});
    EXPECT_EQ(absent.exit_code, 1);
    EXPECT_NE(absent.err.find("Impossible de lire"), std::string::npos) << absent.err;

    source.start();  // nothing was imported
    auto list = parse_json(source.api(source.api_token()).Get("/api/v1/acquisitions"));
    EXPECT_EQ(list.size(), 1u);
    for (const auto& path : {garbage, corrupted_file, foreign}) fs::remove(path);
}

// An archive whose second vendor holds a document this instance refuses (found only while writing,
// after the purchase, the first vendor and its document file were written): refused, and nothing
// is left — no purchase, no journal line, no document file.
TEST(ArchiveImport, FailureHalfWayLeavesNothing) {
    ServerProcess source;
    const long long acquisition = create_acquisition(source, "Achat interrompu");
    const Invitation first = invite_vendor(source, acquisition, "Premier SA");
    invite_vendor(source, acquisition, "Second SA");
    httplib::MultipartFormDataItems items = {{"file", minimal_pdf(), "Certificat CE.pdf", "application/pdf"}};
    ASSERT_EQ(source.api(first.token).Post("/api/v1/vendor/documents/dispositif.certificat_ce_93_42", items)->status, 201);
    auto archive = source.api(source.api_token()).Get("/api/v1/acquisitions/" + std::to_string(acquisition) + "/archive.zip");
    ASSERT_TRUE(archive);
    ASSERT_EQ(archive->status, 200);
    source.stop();

    // The second vendor gets an executable as a document (manifest updated: the archive is consistent).
    const std::string original = write_temp("cyb-halfway-in.zip", archive->body);
    const std::string broken = write_temp("cyb-halfway.zip", "");
    const std::string script = write_temp("cyb-halfway.py", R"py(
import hashlib, json, sys, zipfile
source = zipfile.ZipFile(sys.argv[1])
files = {name: source.read(name) for name in source.namelist()}
data = json.loads(files["export.json"])
binary = b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8
sha = hashlib.sha256(binary).hexdigest()
data["vendors"][1]["documents"].append({"id": 999, "question_id": "dispositif.certificat_ce_93_42",
    "file_name": "outil.exe", "content_type": "application/pdf", "size": len(binary), "sha256": sha, "created_at": "2026-01-01T00:00:00Z"})
files["export.json"] = json.dumps(data).encode()
files["documents/" + sha] = binary
manifest = json.loads(files.pop("manifest.json"))
manifest["files"] = {name: hashlib.sha256(content).hexdigest() for name, content in files.items()}
files["manifest.json"] = json.dumps(manifest).encode()
target = zipfile.ZipFile(sys.argv[2], "w")
for name, content in files.items(): target.writestr(name, content)
target.close()
)py");
    ASSERT_EQ(std::system(("/usr/bin/python3 " + script + " " + original + " " + broken).c_str()), 0);

    ServerProcess target;
    target.stop();
    auto refused = run_binary_on_store(target, {"import-archive", broken});
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_NE(refused.err.find("Archive refusée"), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("Type de fichier non accepté"), std::string::npos) << refused.err;
    size_t files = 0;  // (SQLite: the files in the documents folder; PostgreSQL has no such folder)
    const fs::path documents = fs::path(target.data_dir()) / "documents";
    if (fs::exists(documents))
        for (const auto& entry : fs::recursive_directory_iterator(documents)) files += entry.is_regular_file() ? 1 : 0;
    EXPECT_EQ(files, 0u);
    EXPECT_EQ(target.query_value("SELECT (SELECT COUNT(*) FROM acquisitions) + (SELECT COUNT(*) FROM responses)"
                                 " + (SELECT COUNT(*) FROM documents) + (SELECT COUNT(*) FROM events"
                                 " WHERE entity IN ('acquisition', 'response', 'answer', 'document'))"),
              "0");
    target.start();
    EXPECT_EQ(parse_json(target.api(target.api_token()).Get("/api/v1/acquisitions")).size(), 0u);
    for (const auto& path : {original, broken, script}) fs::remove(path);
}
