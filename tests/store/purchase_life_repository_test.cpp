// The tender's life in the store (both engines): a purchase's transitions and dates, deadline
// extensions, a vendor edited, withdrawn and restored, late submissions, a purchase deleted whole.
#include <gtest/gtest.h>

#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace {

using StorePurchaseLife = StoreTest;

TEST_F(StorePurchaseLife, TransitionsSetTheirDatesAndAreJournalled) {
    const Acquisition purchase = make_acquisition();
    EXPECT_EQ(store->acquisitions.transition(purchase.id, "closed", "archived", "archive", "", "system").error().code,
              ErrorCode::conflict);  // it is open, not closed
    auto closed = store->acquisitions.transition(purchase.id, "open", "closed", "close", "", "system");
    ASSERT_TRUE(closed.ok()) << closed.error().message.fr;
    EXPECT_FALSE(closed->closed_at.empty());
    auto archived = store->acquisitions.transition(purchase.id, "closed", "archived", "archive", "Fin du marché", "system");
    ASSERT_TRUE(archived.ok());
    auto found = store->acquisitions.find(purchase.id);
    EXPECT_EQ(found->status, "archived");
    EXPECT_EQ(found->archived_at, archived->archived_at);
    EXPECT_EQ(found->closed_at, closed->closed_at);
    EXPECT_EQ(store->acquisitions.archived_before("2999-01-01T00:00:00Z")->size(), 1u);
    EXPECT_TRUE(store->acquisitions.archived_before("2000-01-01T00:00:00Z")->empty());
    const auto events = store->events.list("acquisition", purchase.id).value();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.front().action, "archive");
    EXPECT_NE(events.front().new_value.find("Fin du marché"), std::string::npos);
}

TEST_F(StorePurchaseLife, DeadlinesTakeADateOrAMinuteAndAreJournalledWithTheirReason) {
    const Acquisition purchase = make_acquisition();
    EXPECT_EQ(store->acquisitions.extend_deadline(purchase.id, "15/04/2027", "x", "system").error().code,
              ErrorCode::invalid_value);
    ASSERT_EQ(store->acquisitions.extend_deadline(purchase.id, "2027-04-15T12:00", "Report", "system")->deadline,
              "2027-04-15T12:00");
    const VendorResponse vendor = make_response(purchase.id);
    auto own = store->responses.set_deadline(vendor.id, "2027-04-20", "Panne", "system");
    ASSERT_TRUE(own.ok());
    EXPECT_EQ(store->responses.find(vendor.id)->deadline, "2027-04-20");
}

TEST_F(StorePurchaseLife, AVendorIsEditedWithdrawnRestoredAndSubmitsLate) {
    const Acquisition purchase = make_acquisition();
    const VendorResponse vendor = make_response(purchase.id);
    VendorResponse changed = vendor;
    changed.company = "Acme Medical SAS";
    changed.language = "en";
    auto edited = store->responses.update_vendor(changed, "system");
    ASSERT_TRUE(edited.ok());
    EXPECT_EQ(store->responses.find(vendor.id)->company, "Acme Medical SAS");
    EXPECT_EQ(store->responses.find(vendor.id)->language, "en");

    ASSERT_TRUE(store->responses.set_withdrawn(vendor.id, true, "Hors délai", "system").ok());
    EXPECT_FALSE(store->responses.find(vendor.id)->withdrawn_at.empty());
    EXPECT_EQ(store->responses.set_withdrawn(vendor.id, true, "", "system").error().code, ErrorCode::conflict);
    ASSERT_TRUE(store->responses.set_withdrawn(vendor.id, false, "", "system").ok());
    EXPECT_TRUE(store->responses.find(vendor.id)->withdrawn_at.empty());

    ASSERT_TRUE(store->responses.submit(vendor.id, "system", /*late=*/true).ok());
    EXPECT_TRUE(store->responses.find(vendor.id)->submitted_late);
    ASSERT_TRUE(store->responses.reopen(vendor.id, "system").ok());
    auto reopened = store->responses.find(vendor.id);
    EXPECT_FALSE(reopened->submitted_late);
    EXPECT_FALSE(reopened->reopened_at.empty());
}

TEST_F(StorePurchaseLife, DeletingAPurchaseTakesEverythingItHoldsAndLeavesATrace) {
    const Acquisition purchase = make_acquisition();
    const Acquisition other = make_acquisition("Autre achat");
    const VendorResponse vendor = make_response(purchase.id);
    const VendorResponse kept = make_response(other.id, "Gardé");
    ASSERT_TRUE(store->responses.save_answer(vendor.id, "q", "oui", "", -1, "system").ok());
    auto document = store->documents.add(vendor.id, "q", "a.pdf", kMinimalPdf, "system");
    ASSERT_TRUE(document.ok()) << document.error().message.fr;
    auto removed = store->acquisitions.remove(purchase.id, "user:lead@chu.example");
    ASSERT_TRUE(removed.ok()) << removed.error().message.fr;
    EXPECT_EQ(removed->response_ids, std::vector<Id>{vendor.id});
    EXPECT_EQ(store->acquisitions.find(purchase.id).error().code, ErrorCode::not_found);
    EXPECT_EQ(store->responses.find(vendor.id).error().code, ErrorCode::not_found);
    EXPECT_EQ(store->documents.find(document->id).error().code, ErrorCode::not_found);
    EXPECT_EQ(store->documents.read_bytes(*document).error().code, ErrorCode::not_found);
    EXPECT_TRUE(store->responses.find(kept.id).ok());
    const auto events = store->events.list("acquisition", purchase.id).value();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.front().action, "delete");
    EXPECT_EQ(store->acquisitions.remove(purchase.id, "system").error().code, ErrorCode::not_found);
}

}  // namespace
}  // namespace cyberachat::store::testing
