// ExportService: the JSON, CSV and archive exports of a purchase, and the archive's import as a
// new purchase (all or nothing) — read back through the store.
#include "services/export_service.hpp"

#include "outputs/export/zip_archive.hpp"
#include "security/secrets.hpp"
#include "service_fixture.hpp"

namespace cyberachat::services::testing {
namespace {

class ExportServiceTest : public ServiceTest {
protected:
    // A purchase of the built-in questionnaire with one vendor's answer, document, review,
    // opinion and one adjusted weight; returns the purchase id.
    Id evaluated_purchase() {
        const Acquisition purchase = afib_purchase("Échographes 2027");
        invitation = invite(purchase.id, "Acme Medical");
        const Id id = invitation.response.id;
        save(id, kAfibYesNo, "non", "Poste fourni");
        save(id, kAfibChoice, "iib");
        document = attach(id, kAfibDocument);
        const User it = it_reviewer();
        review(id, ReviewInput{kAfibYesNo, "unsatisfactory", "Poste non maîtrisé", ""}, it);
        EXPECT_TRUE(evaluations().set_opinion(id, "favourable_with_reservations", "Sous réserve", it, user_actor(it)).ok());
        EXPECT_TRUE(evaluations().set_weight(purchase.id, kAfibYesNo, 6.0, it, user_actor(it)).ok());
        return purchase.id;
    }

    ExportService& exports() { return services->exports; }

    Invitation invitation;
    StoredDocument document;
};

TEST_F(ExportServiceTest, JsonHoldsThePurchaseItsVendorsAndTheEvaluationButNoSecret) {
    const Id purchase_id = evaluated_purchase();
    auto exported = exports().acquisition_json(purchase_id);
    ASSERT_TRUE(exported.ok()) << exported.error().message.in(Language::en);
    const json& out = *exported;
    EXPECT_EQ(out["format"], kArchiveFormat);
    EXPECT_EQ(out["format_version"], kArchiveFormatVersion);
    EXPECT_EQ(out["acquisition"]["title"], "Échographes 2027");
    EXPECT_EQ(out["questionnaire"]["id"], "afib");
    EXPECT_EQ(out["scoring_grid"]["id"], "afib-grid");
    ASSERT_EQ(out["weights"].size(), 1u);
    EXPECT_EQ(out["weights"][0]["weight"], 6.0);
    ASSERT_EQ(out["vendors"].size(), 1u);
    const json& vendor = out["vendors"][0];
    EXPECT_EQ(vendor["company"], "Acme Medical");
    EXPECT_EQ(vendor["status"], "draft");
    ASSERT_EQ(vendor["answers"].size(), 2u);
    EXPECT_EQ(vendor["documents"][0]["sha256"], document.sha256);
    EXPECT_EQ(vendor["reviews"][0]["status"], "unsatisfactory");
    EXPECT_EQ(vendor["opinions"][0]["verdict"], "favourable_with_reservations");
    EXPECT_FALSE(out["events"].empty());
    const std::string text = out.dump();
    const std::string hash = store->responses.find(invitation.response.id)->invite_token_hash;
    EXPECT_EQ(text.find(hash), std::string::npos);
    EXPECT_EQ(text.find(invitation.token), std::string::npos);
    EXPECT_EQ(text.find("invite_token"), std::string::npos);
    EXPECT_ERROR_CODE(exports().acquisition_json(purchase_id + 100), "not_found");
}

TEST_F(ExportServiceTest, CsvOneRowPerVisibleQuestionWithTheEvaluation) {
    const Id purchase_id = evaluated_purchase();
    auto csv = exports().acquisition_csv(purchase_id);
    ASSERT_TRUE(csv.ok()) << csv.error().message.in(Language::en);
    EXPECT_NE(csv->find("Identifiant de question"), std::string::npos);
    // The unfavourable answer, its comment, "non" favourable and its severity on one row.
    const size_t row = csv->find(kAfibYesNo);
    ASSERT_NE(row, std::string::npos);
    const std::string line = csv->substr(row, csv->find('\n', row) - row);
    EXPECT_NE(line.find("Non"), std::string::npos) << line;
    EXPECT_NE(line.find("Poste fourni"), std::string::npos) << line;
    EXPECT_NE(line.find("non"), std::string::npos) << line;
    EXPECT_NE(csv->find("certificat.pdf (SHA-256 " + document.sha256 + ")"), std::string::npos);
    EXPECT_NE(csv->find("Acme Medical"), std::string::npos);
    EXPECT_ERROR_CODE(exports().acquisition_csv(purchase_id + 100), "not_found");
}

TEST_F(ExportServiceTest, CsvWithoutAGridHasTheAnswersAlone) {
    const Id id = new_response();
    save(id, "p.gate", "oui");
    save(id, "p.detail", "Précisions du fournisseur");
    auto csv = exports().acquisition_csv(store->responses.find(id)->acquisition_id);
    ASSERT_TRUE(csv.ok()) << csv.error().message.in(Language::en);
    EXPECT_NE(csv->find("Précisions du fournisseur"), std::string::npos);
    EXPECT_NE(csv->find("p.doc"), std::string::npos);
}

TEST_F(ExportServiceTest, ArchiveRoundTripRestoresANewIdenticalPurchase) {
    const Id purchase_id = evaluated_purchase();
    auto archive = exports().acquisition_archive(purchase_id);
    ASSERT_TRUE(archive.ok()) << archive.error().message.in(Language::en);
    auto files = exports::read_zip(*archive);
    ASSERT_TRUE(files.ok());
    for (const char* name : {"export.json", "questionnaire.yaml", "scoring_grid.yaml", "manifest.json"})
        EXPECT_TRUE(files->count(name)) << name;
    EXPECT_EQ(files->at("documents/" + document.sha256), kPdfBytes);

    auto imported = exports().import_archive(*archive, "user:admin@chu.example");
    ASSERT_TRUE(imported.ok()) << imported.error().message.in(Language::en);
    EXPECT_NE(imported->id, purchase_id);
    EXPECT_EQ(imported->title, "Échographes 2027");
    auto vendors = store->responses.list_for(imported->id).value();
    ASSERT_EQ(vendors.size(), 1u);
    EXPECT_EQ(vendors[0].company, "Acme Medical");
    EXPECT_TRUE(vendors[0].invite_token_hash.empty());  // invite again
    EXPECT_EQ(store->responses.answer(vendors[0].id, kAfibYesNo)->comment, "Poste fourni");
    auto documents = store->documents.list_for(vendors[0].id).value();
    ASSERT_EQ(documents.size(), 1u);
    EXPECT_EQ(*store->documents.read_bytes(documents[0]), kPdfBytes);
    ASSERT_EQ(store->reviews.list_for(vendors[0].id).value().size(), 1u);
    EXPECT_EQ(store->reviews.list_for(vendors[0].id).value()[0].author, "user:rssi@chu.example");
    EXPECT_EQ(store->reviews.opinions(vendors[0].id).value().size(), 1u);
    ASSERT_EQ(store->scoring_grids.weights(imported->id).value().size(), 1u);
    auto events = store->events.list("acquisition", imported->id).value();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.front().action, "import");  // newest first: the import comes last
    EXPECT_EQ(events.front().actor, "user:admin@chu.example");
    EXPECT_ERROR_CODE(exports().acquisition_archive(purchase_id + 100), "not_found");
}

// The English title and the equipment family travel with the archive; an archive made before
// them (without the fields) still imports, with none.
TEST_F(ExportServiceTest, TheArchiveCarriesTheEnglishTitleAndOneWithoutItStillImports) {
    const Id purchase_id = evaluated_purchase();
    Acquisition purchase = *store->acquisitions.find(purchase_id);
    purchase.title_en = "Ultrasound scanners 2027";
    purchase.equipment_family = "imagerie";
    ASSERT_TRUE(store->acquisitions.update(purchase, kBuyerActor).ok());
    EXPECT_EQ((*exports().acquisition_json(purchase_id))["acquisition"]["title_en"], "Ultrasound scanners 2027");
    auto archive = exports().acquisition_archive(purchase_id);
    ASSERT_TRUE(archive.ok()) << archive.error().message.in(Language::en);
    auto imported = exports().import_archive(*archive, "user:admin@chu.example");
    ASSERT_TRUE(imported.ok()) << imported.error().message.in(Language::en);
    EXPECT_EQ(store->acquisitions.find(imported->id)->title_en, "Ultrasound scanners 2027");
    EXPECT_EQ(store->acquisitions.find(imported->id)->equipment_family, "imagerie");

    // The same archive as an older program wrote it: no "title_en" (its manifest signed again).
    auto files = exports::read_zip(*archive);
    ASSERT_TRUE(files.ok());
    json data = json::parse(files->at("export.json"));
    data["acquisition"].erase("title_en");
    data["acquisition"].erase("equipment_family");
    const std::string older = data.dump(2);
    json manifest = json::parse(files->at("manifest.json"));
    manifest["files"]["export.json"] = security::sha256_hex(older);
    std::vector<exports::ZipEntry> entries;
    for (const auto& [name, bytes] : *files)
        entries.push_back({name, name == "export.json" ? older : name == "manifest.json" ? manifest.dump(2) : bytes});
    auto rewritten = exports::write_zip(entries);
    ASSERT_TRUE(rewritten.ok());
    auto from_older = exports().import_archive(*rewritten, "user:admin@chu.example");
    ASSERT_TRUE(from_older.ok()) << from_older.error().message.in(Language::en);
    EXPECT_EQ(store->acquisitions.find(from_older->id)->title, "Échographes 2027");
    EXPECT_EQ(store->acquisitions.find(from_older->id)->title_en, "");
    EXPECT_EQ(store->acquisitions.find(from_older->id)->equipment_family, "");
}

TEST_F(ExportServiceTest, ImportRefusesABadArchiveAndWritesNothing) {
    const Id purchase_id = evaluated_purchase();
    auto archive = exports().acquisition_archive(purchase_id);
    ASSERT_TRUE(archive.ok());
    auto files = exports::read_zip(*archive);
    ASSERT_TRUE(files.ok());
    const size_t purchases = store->acquisitions.list().value().size();

    EXPECT_ERROR_CODE(exports().import_archive("pas une archive", "system"), "invalid_archive");
    // A file changed after the export: its SHA-256 no longer matches the manifest.
    std::vector<exports::ZipEntry> entries;
    for (const auto& [name, bytes] : *files)
        entries.push_back({name, name == "export.json" ? bytes + " " : bytes});
    auto tampered = exports::write_zip(entries);
    ASSERT_TRUE(tampered.ok());
    auto refused = exports().import_archive(*tampered, "system");
    EXPECT_ERROR_CODE(refused, "invalid_archive");
    EXPECT_NE(refused.error().message.fr.find("export.json"), std::string::npos) << refused.error().message.fr;
    // Without its manifest: not an archive of ours.
    entries.clear();
    for (const auto& [name, bytes] : *files)
        if (name != "manifest.json") entries.push_back({name, bytes});
    EXPECT_ERROR_CODE(exports().import_archive(*exports::write_zip(entries), "system"), "invalid_archive");
    EXPECT_EQ(store->acquisitions.list().value().size(), purchases);
}

}  // namespace
}  // namespace cyberachat::services::testing
