// ArchiveRestore: an archived purchase written back as it was (times, authors, revisions), with the
// archived journal (ids mapped) plus one import event, all in one transaction.
#include <gtest/gtest.h>

#include "store/journal_chain.hpp"
#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace {

using StoreArchiveRestore = StoreTest;

ArchivedPurchase sample_purchase(Id questionnaire_version_id) {
    ArchivedPurchase purchase;
    purchase.acquisition.id = 40;
    purchase.acquisition.title = "Échographes 2027";
    purchase.acquisition.status = "closed";
    purchase.acquisition.questionnaire_version_id = questionnaire_version_id;
    purchase.acquisition.created_at = "2025-01-02T08:00:00Z";
    purchase.acquisition.updated_at = "2025-03-04T09:00:00Z";
    purchase.weights.push_back(WeightOverride{0, "dispositif.marque", 3, "2025-02-01T10:00:00Z", "user:bio@chu.test"});
    ArchivedVendor& vendor = purchase.vendors.emplace_back();
    vendor.response.id = 70;
    vendor.response.company = "Médica SA";
    vendor.response.status = ResponseStatus::submitted;
    vendor.response.submitted_at = "2025-02-28T23:59:00Z";
    vendor.response.invited_at = "2025-01-03T08:00:00Z";
    vendor.response.created_at = "2025-01-03T08:00:00Z";
    vendor.response.updated_at = "2025-02-28T23:59:00Z";
    vendor.answers.push_back(StoredAnswer{0, "dispositif.marque", "Sécurité Médicale", "", 4, "2025-02-20T10:00:00Z", "vendor:70"});
    vendor.documents.push_back(ArchivedDocument{StoredDocument{9, 0, "dispositif.certificat", "CE.txt", "", 0, "", "", "2025-02-21T10:00:00Z"},
                                                "Certificat CE\n"});
    vendor.reviews.push_back(Review{0, 0, "dispositif.marque", "accepted", "", "", "user:rssi@chu.test", "it", "2025-03-01T10:00:00Z"});
    vendor.opinions.push_back(Opinion{0, "it", "favourable", "Bien", "user:rssi@chu.test", "2025-03-02T10:00:00Z"});
    purchase.events = {
        Event{1, "2025-01-02T08:00:00Z", "user:buyer@chu.test", "acquisition", 40, "create", "", "", "{}"},
        Event{2, "2025-02-20T10:00:00Z", "vendor:70", "answer", 70, "create", "dispositif.marque", "", "\"x\""},
        Event{3, "2025-02-21T10:00:00Z", "vendor:70", "document", 9, "create", "dispositif.certificat", "", "{}"},
        Event{4, "2025-02-28T23:59:00Z", "vendor:70", "response", 70, "submit", "status", "\"draft\"", "\"submitted\""},
    };
    return purchase;
}

TEST_F(StoreArchiveRestore, WritesTheRecordsAsArchivedWithTheJournalAndOneImportEvent) {
    auto restored = store->archive_restore.restore(sample_purchase(make_questionnaire().id), "system:import-archive",
                                                   {{"sha256", "abc"}});
    ASSERT_TRUE(restored.ok()) << restored.error().message.in(Language::en);
    auto acquisition = store->acquisitions.find(restored->id);
    ASSERT_TRUE(acquisition);
    EXPECT_EQ(acquisition->created_at, "2025-01-02T08:00:00Z");
    EXPECT_EQ(acquisition->updated_at, "2025-03-04T09:00:00Z");
    EXPECT_EQ(acquisition->status, "closed");
    auto responses = store->responses.list_for(restored->id).value();
    ASSERT_EQ(responses.size(), 1u);
    const VendorResponse& response = responses[0];
    EXPECT_EQ(response.status, ResponseStatus::submitted);
    EXPECT_EQ(response.submitted_at, "2025-02-28T23:59:00Z");
    EXPECT_EQ(response.invited_at, "2025-01-03T08:00:00Z");
    EXPECT_TRUE(response.invite_token_hash.empty());
    auto answers = store->responses.answers(response.id).value();
    ASSERT_EQ(answers.size(), 1u);
    EXPECT_EQ(answers[0].revision, 4);
    EXPECT_EQ(answers[0].updated_by, "vendor:" + std::to_string(response.id));
    auto documents = store->documents.list_for(response.id).value();
    ASSERT_EQ(documents.size(), 1u);
    EXPECT_EQ(documents[0].created_at, "2025-02-21T10:00:00Z");
    EXPECT_EQ(*store->documents.read_bytes(documents[0]), "Certificat CE\n");
    EXPECT_EQ(store->reviews.list_for(response.id).value().at(0).created_at, "2025-03-01T10:00:00Z");
    EXPECT_EQ(store->reviews.opinions(response.id).value().at(0).updated_at, "2025-03-02T10:00:00Z");
    EXPECT_EQ(store->scoring_grids.weights(restored->id).value().at(0).updated_by, "user:bio@chu.test");

    auto journal = store->events.list("acquisition", restored->id).value();
    ASSERT_EQ(journal.size(), 2u);  // newest first: the import, then the archived creation
    EXPECT_EQ(journal[0].action, "import");
    EXPECT_EQ(journal[0].actor, "system:import-archive");
    EXPECT_EQ(nlohmann::json::parse(journal[0].new_value)["sha256"], "abc");
    EXPECT_EQ(journal[1].at, "2025-01-02T08:00:00Z");
    EXPECT_EQ(journal[1].actor, "user:buyer@chu.test");
    auto submitted = store->events.list("response", response.id).value();
    ASSERT_EQ(submitted.size(), 1u);  // the archived one only: the restore writes no "create" of its own
    EXPECT_EQ(submitted[0].at, "2025-02-28T23:59:00Z");
    EXPECT_EQ(submitted[0].actor, "vendor:" + std::to_string(response.id));
    EXPECT_EQ(store->events.list("document", documents[0].id).value().size(), 1u);
}

// The archived journal is written through the chain: the restored purchase's events link up.
TEST_F(StoreArchiveRestore, TheRestoredJournalVerifies) {
    make_acquisition("Avant l'import");
    auto restored = store->archive_restore.restore(sample_purchase(make_questionnaire().id), "system:import-archive", {});
    ASSERT_TRUE(restored.ok()) << restored.error().message.in(Language::en);
    make_acquisition("Après l'import");
    auto verification = verify_journal(*store);
    ASSERT_TRUE(verification.ok());
    EXPECT_TRUE(verification->intact()) << verification->broken_event_id;
    EXPECT_EQ(verification->chained, count_rows("events"));
    EXPECT_GE(verification->chained, 5);
}

TEST_F(StoreArchiveRestore, AFailureLeavesNothing) {
    ArchivedPurchase purchase = sample_purchase(make_questionnaire().id);
    purchase.events.push_back(Event{5, "2025-03-01T00:00:00Z", "system", "response", 71, "create", "", "", "{}"});
    auto refused = store->archive_restore.restore(purchase, "system:import-archive", {});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::invalid_value);
    EXPECT_TRUE(store->acquisitions.list().value().empty());
    for (const auto& event : store->events.list_all(1000).value())
        EXPECT_TRUE(event.entity == "questionnaire") << event.entity << " " << event.action;
    EXPECT_EQ(stored_bytes_count(), 0u);
}

}  // namespace
}  // namespace cyberachat::store::testing
