// The response's revision (store migration 19): raised by the database, in the transaction of the
// change, at each change of what the vendor's pages show — on both engines (the "pg." copy of this
// suite runs it on PostgreSQL). The rendered-page cache (web/rendered_page_cache) relies on it.
#include <gtest/gtest.h>

#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace {

class StoreResponseRevision : public StoreTest {
protected:
    std::int64_t revision_of(Id response_id) { return store->responses.find(response_id).value().revision; }
};

TEST_F(StoreResponseRevision, RisesAtEachChangeOfTheResponseItsAnswersAndItsDocuments) {
    const Acquisition purchase = make_acquisition();
    const VendorResponse response = make_response(purchase.id);
    const VendorResponse other = make_response(purchase.id, "Beta Santé");
    std::int64_t seen = revision_of(response.id);
    const std::int64_t other_before = revision_of(other.id);
    const auto rose = [&](const char* what) {
        const std::int64_t now = revision_of(response.id);
        EXPECT_GT(now, seen) << what;
        seen = now;
    };

    ASSERT_TRUE(store->responses.save_answer(response.id, "q1", "oui", "", -1, "vendor:1").ok());
    rose("an answer given");
    ASSERT_TRUE(store->responses.save_answer(response.id, "q1", "non", "Voir annexe", -1, "vendor:1").ok());
    rose("the answer changed");
    auto added = store->documents.add(response.id, "q_certificat", "certificat.pdf", kMinimalPdf, "vendor:1");
    ASSERT_TRUE(added.ok()) << added.error().message.fr;
    rose("a document added");
    ASSERT_TRUE(store->documents.remove(added->id, "vendor:1").ok());
    rose("the document removed");
    ASSERT_TRUE(store->responses.mark_opened(response.id).ok());
    rose("the response row changed (the link opened)");

    EXPECT_EQ(revision_of(other.id), other_before) << "another vendor's response is not touched";
    (void)store->responses.find(response.id);
    (void)store->responses.answers(response.id);
    EXPECT_EQ(revision_of(response.id), seen) << "reading changes nothing";
}

TEST_F(StoreResponseRevision, RisesForEveryResponseOfAPurchaseWhenThePurchaseChanges) {
    const Acquisition purchase = make_acquisition();
    const Acquisition elsewhere = make_acquisition("Moniteurs 2028");
    const VendorResponse first = make_response(purchase.id);
    const VendorResponse second = make_response(purchase.id, "Beta Santé");
    const VendorResponse unrelated = make_response(elsewhere.id, "Gamma");
    const std::int64_t first_before = revision_of(first.id), second_before = revision_of(second.id);
    const std::int64_t unrelated_before = revision_of(unrelated.id);

    Acquisition changed = store->acquisitions.find(purchase.id).value();
    changed.title = "Échographes cardiologie 2027 (lot 2)";
    ASSERT_TRUE(store->acquisitions.update(changed, "user:it@example.org").ok());
    EXPECT_GT(revision_of(first.id), first_before);
    EXPECT_GT(revision_of(second.id), second_before);
    EXPECT_EQ(revision_of(unrelated.id), unrelated_before);

    // A question added to the purchase alone (its own questionnaire version).
    const std::int64_t first_mid = revision_of(first.id);
    auto pinned = store->questionnaire_library.pin_purchase(purchase.id, "afib", "2024.1+achat.1", "questionnaire: own\n",
                                                           "", "", "", Actor("user:lead@chu.test"), {"q_nouvelle"});
    ASSERT_TRUE(pinned.ok()) << pinned.error().message.fr;
    EXPECT_GT(revision_of(first.id), first_mid);
    EXPECT_EQ(revision_of(unrelated.id), unrelated_before);
}

TEST_F(StoreResponseRevision, IsRaisedByTheDatabaseWhoeverWritesEvenWithPlainSql) {
    const Acquisition purchase = make_acquisition();
    const VendorResponse response = make_response(purchase.id);
    const std::int64_t before = revision_of(response.id);
    // What an older instance of a group, or a hand-made repair, would write: no revision named.
    ASSERT_TRUE(store->db->write([&](soci::session& sql) -> Result<void> {
        long long id = response.id;
        sql << "UPDATE responses SET contact_name = 'Élise Martin' WHERE id = :id", soci::use(id);
        sql << "INSERT INTO answers (response_id, question_id, value_json, comment, revision, updated_at) "
               "VALUES (:id, 'q_sql', '\"oui\"', '', 1, '2026-12-04T00:00:00Z')",
            soci::use(id);
        return {};
    }).ok());
    EXPECT_EQ(revision_of(response.id), before + 2) << "one for the row, one for the answer";
}

}  // namespace
}  // namespace cyberachat::store::testing
