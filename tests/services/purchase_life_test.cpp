// The tender's life through the services, with a clock the test moves: deadlines that hold (for
// everyone, or one vendor's extension), late submissions, the purchase's transitions, vendors
// edited, withdrawn and restored, a purchase deleted, retention.
#include "service_fixture.hpp"

#include "core/response_state.hpp"
#include "core/text_format.hpp"

namespace cyberachat::services::testing {
namespace {

constexpr long long kBeforeDeadline = 1806526800;  // 2027-03-31T21:00:00Z = 23:00 in Paris (CEST), the last day
constexpr long long kAfterDeadline = 1806537600;   // 2027-04-01T00:00:00Z = 02:00 in Paris, the next day
constexpr long long kTenDaysLater = 1807315200;    // 2027-04-10T00:00:00Z

class PurchaseLifeTest : public ServiceTest {};

TEST_F(PurchaseLifeTest, BeforeTheDeadlineAVendorChangesItsResponseAfterItOnlyReadsIt) {
    const Id id = new_response();
    clock().set(kBeforeDeadline);
    save(id, "p.gate", "non");
    clock().set(kAfterDeadline);
    auto refused = responses().save_answer(id, "p.gate", "oui", std::nullopt, -1, vendor_actor(id));
    EXPECT_ERROR_CODE(refused, "deadline_passed");
    EXPECT_EQ(refused.error().payload["deadline"], "2027-03-31");
    EXPECT_NE(refused.error().message.fr.find("31/03/2027"), std::string::npos) << refused.error().message.fr;
    EXPECT_ERROR_CODE(responses().add_document(id, "p.doc", "x.pdf", kPdfBytes, vendor_actor(id)), "deadline_passed");
    EXPECT_ERROR_CODE(responses().submit(id, vendor_actor(id)), "deadline_passed");
    std::map<std::string, PostedAnswer> posted;
    posted["p.gate"] = PostedAnswer{"oui", std::nullopt, -1, true};
    EXPECT_ERROR_CODE(responses().save_section(id, "p.s", posted, vendor_actor(id)), "deadline_passed");
    auto snapshot = responses().load(id);  // reading still works, and says why it is locked
    ASSERT_TRUE(snapshot.ok());
    EXPECT_EQ(snapshot->lock, ResponseLock::deadline_passed);
    EXPECT_EQ(snapshot->answers.at("p.gate").value, "non");
}

TEST_F(PurchaseLifeTest, AnExtensionForOneVendorLetsItSubmitLateTheOthersStayLocked) {
    const Acquisition purchase = mini_purchase();
    const Id late = invite(purchase.id, "Retardataire").response.id;
    const Id other = invite(purchase.id, "Autre").response.id;
    clock().set(kAfterDeadline);
    std::vector<DeadlineExtension> told;
    acquisitions().on_deadline_extended = [&](const DeadlineExtension& e) { told.push_back(e); };

    EXPECT_ERROR_CODE(acquisitions().extend_vendor_deadline(late, "2027-04-15", "", kBuyerActor), "invalid_value");
    EXPECT_ERROR_CODE(acquisitions().extend_vendor_deadline(late, "2027-03-15", "Trop tôt", kBuyerActor), "invalid_value");
    auto extended = acquisitions().extend_vendor_deadline(late, "2027-04-15T12:00", "Panne de leur messagerie", kBuyerActor);
    ASSERT_TRUE(extended.ok()) << extended.error().message.fr;
    EXPECT_EQ(extended->deadline, "2027-04-15T12:00");
    ASSERT_EQ(told.size(), 1u);
    EXPECT_EQ(told[0].response_id, late);
    EXPECT_EQ(told[0].old_deadline, "2027-03-31");
    EXPECT_EQ(told[0].new_deadline, "2027-04-15T12:00");
    EXPECT_EQ(told[0].reason, "Panne de leur messagerie");

    clock().set(kTenDaysLater);
    save(late, "p.gate", "non");
    ASSERT_TRUE(responses().submit(late, vendor_actor(late)).ok());
    auto stored = store->responses.find(late);
    EXPECT_TRUE(stored->submitted_late);
    EXPECT_EQ(response_state(*stored), ResponseState::late);
    EXPECT_NE(response_status_label(*stored, Language::fr).find("Soumise en retard"), std::string::npos);
    EXPECT_ERROR_CODE(responses().save_answer(other, "p.gate", "oui", std::nullopt, -1, vendor_actor(other)),
                      "deadline_passed");

    auto events = store->events.list("response", late);
    ASSERT_TRUE(events.ok());
    bool journalled = false;
    for (const auto& event : *events)
        journalled = journalled || (event.action == "extend_deadline" &&
                                    event.new_value.find("Panne de leur messagerie") != std::string::npos);
    EXPECT_TRUE(journalled);
}

TEST_F(PurchaseLifeTest, ExtendingThePurchasesDeadlineReopensItForEveryoneAndOnTimeIsNotLate) {
    const Acquisition purchase = mini_purchase();
    const Id id = invite(purchase.id).response.id;
    clock().set(kAfterDeadline);
    std::vector<DeadlineExtension> told;
    acquisitions().on_deadline_extended = [&](const DeadlineExtension& e) { told.push_back(e); };
    ASSERT_TRUE(acquisitions().extend_deadline(purchase.id, "2027-04-30", "Report de la date de remise", kBuyerActor).ok());
    ASSERT_EQ(told.size(), 1u);
    EXPECT_EQ(told[0].response_id, 0);
    ASSERT_EQ(told[0].vendors.size(), 1u);
    save(id, "p.gate", "non");
    ASSERT_TRUE(responses().submit(id, vendor_actor(id)).ok());
    EXPECT_FALSE(store->responses.find(id)->submitted_late);  // within the purchase's own (extended) deadline
}

TEST_F(PurchaseLifeTest, EveryTransitionAllowedAndTheOthersRefused) {
    auto created = acquisitions().create(purchase_input(), buyer().id, kBuyerActor, "draft");
    ASSERT_TRUE(created.ok());
    const Id id = created->id;
    const Id vendor = invite(id).response.id;
    EXPECT_EQ(created->status, "draft");
    EXPECT_ERROR_CODE(responses().save_answer(vendor, kAfibText, "X", std::nullopt, -1, vendor_actor(vendor)),
                      "purchase_closed");
    EXPECT_ERROR_CODE(acquisitions().transition(id, "close", "", kBuyerActor), "conflict");
    EXPECT_ERROR_CODE(acquisitions().transition(id, "explode", "", kBuyerActor), "invalid_value");
    ASSERT_EQ(acquisitions().transition(id, "open", "", kBuyerActor)->status, "open");
    save(vendor, kAfibText, "Moniteur X");
    auto closed = acquisitions().transition(id, "close", "", kBuyerActor);
    ASSERT_TRUE(closed.ok());
    EXPECT_FALSE(closed->closed_at.empty());
    EXPECT_ERROR_CODE(responses().save_answer(vendor, kAfibText, "Y", std::nullopt, -1, vendor_actor(vendor)),
                      "purchase_closed");
    EXPECT_ERROR_CODE(acquisitions().transition(id, "reopen", " ", kBuyerActor), "invalid_value");  // a reason is required
    ASSERT_EQ(acquisitions().transition(id, "reopen", "Un fournisseur oublié", kBuyerActor)->status, "open");
    ASSERT_TRUE(acquisitions().transition(id, "close", "", kBuyerActor).ok());
    auto archived = acquisitions().transition(id, "archive", "", kBuyerActor);
    ASSERT_TRUE(archived.ok());
    EXPECT_FALSE(archived->archived_at.empty());
    EXPECT_ERROR_CODE(acquisitions().transition(id, "open", "", kBuyerActor), "conflict");
    EXPECT_ERROR_CODE(responses().save_answer(vendor, kAfibText, "Z", std::nullopt, -1, vendor_actor(vendor)), "archived");
    Acquisition edit = *archived;
    edit.title = "Renommé";
    EXPECT_ERROR_CODE(acquisitions().update(edit, kBuyerActor), "archived");
    EXPECT_ERROR_CODE(acquisitions().invite(id, vendor_input("Nouveau"), kBuyerActor), "archived");
    auto back = acquisitions().transition(id, "unarchive", "", kBuyerActor);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->status, "closed");
    EXPECT_TRUE(back->archived_at.empty());
    // Every move is in the journal.
    std::vector<std::string> actions;
    for (const auto& event : store->events.list("acquisition", id).value())
        if (event.field == "status") actions.insert(actions.begin(), event.action);
    EXPECT_EQ(actions, (std::vector<std::string>{"open", "close", "reopen", "close", "archive", "unarchive"}));
}

TEST_F(PurchaseLifeTest, AVendorIsEditedWithdrawnOutOfTheComparisonAndRestored) {
    const Acquisition purchase = afib_purchase();
    const Id kept = invite(purchase.id, "Gardé").response.id;
    const Id gone = invite(purchase.id, "Retiré").response.id;
    VendorInput changed = vendor_input("Retiré SAS");
    changed.language = "en";
    auto edited = acquisitions().update_vendor(gone, changed, kBuyerActor);
    ASSERT_TRUE(edited.ok()) << edited.error().message.fr;
    EXPECT_EQ(edited->company, "Retiré SAS");
    EXPECT_EQ(edited->language, "en");

    EXPECT_ERROR_CODE(acquisitions().withdraw_vendor(gone, "", kBuyerActor), "invalid_value");
    ASSERT_TRUE(acquisitions().withdraw_vendor(gone, "Offre hors délai", kBuyerActor).ok());
    EXPECT_ERROR_CODE(acquisitions().withdraw_vendor(gone, "Encore", kBuyerActor), "conflict");
    EXPECT_EQ(response_state(*store->responses.find(gone)), ResponseState::withdrawn);
    auto comparison = evaluations().compare(purchase.id, ComparisonScope{true});  // drafts asked for, the withdrawn never
    ASSERT_TRUE(comparison.ok());
    ASSERT_EQ(comparison->vendors.size(), 1u);
    EXPECT_EQ(comparison->vendors[0].snapshot.response.id, kept);
    ASSERT_EQ(comparison->left_out.size(), 1u);
    EXPECT_EQ(comparison->left_out[0].id, gone);
    auto report = services->reports.acquisition_report(purchase.id, Language::fr);
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->vendors.size(), 1u);
    EXPECT_ERROR_CODE(responses().save_answer(gone, kAfibText, "X", std::nullopt, -1, vendor_actor(gone)), "forbidden");

    ASSERT_TRUE(acquisitions().restore_vendor(gone, "Erreur de notre part", kBuyerActor).ok());
    EXPECT_EQ(evaluations().compare(purchase.id, ComparisonScope{true})->vendors.size(), 2u);
}

TEST_F(PurchaseLifeTest, APurchaseIsDeletedOnlyWithItsReferenceTypedAndTakesItsDocuments) {
    const Acquisition purchase = mini_purchase();
    const Id id = invite(purchase.id).response.id;
    save(id, "p.gate", "oui");
    const StoredDocument document = attach(id, "p.doc");
    EXPECT_ERROR_CODE(acquisitions().remove(purchase.id, "pas ça", kBuyerActor), "invalid_value");
    auto removed = acquisitions().remove(purchase.id, " M-2027-014 ", kBuyerActor);
    ASSERT_TRUE(removed.ok()) << removed.error().message.fr;
    EXPECT_EQ(removed->storage_paths.size(), 1u);
    EXPECT_TRUE(removed->bytes_left.empty());
    EXPECT_ERROR_CODE(store->acquisitions.find(purchase.id), "not_found");
    EXPECT_ERROR_CODE(store->responses.find(id), "not_found");
    EXPECT_ERROR_CODE(store->documents.read_bytes(document), "not_found");
    bool trace = false;
    for (const auto& event : store->events.list("acquisition", purchase.id).value()) trace = trace || event.action == "delete";
    EXPECT_TRUE(trace);
}

TEST_F(PurchaseLifeTest, RetentionDeletesTheArchivedPurchasesOlderThanItsYears) {
    const Acquisition old_one = mini_purchase("Ancien");
    const Acquisition open_one = mini_purchase("En cours");
    ASSERT_TRUE(acquisitions().transition(old_one.id, "close", "", kBuyerActor).ok());
    ASSERT_TRUE(acquisitions().transition(old_one.id, "archive", "", kBuyerActor).ok());  // archived now (real time)
    clock().set(2143238400);  // 2037-12-01: eleven years later
    auto dry = acquisitions().purge(10, true, "system:purge");
    ASSERT_TRUE(dry.ok());
    ASSERT_EQ(dry->purchases.size(), 1u);
    EXPECT_EQ(dry->purchases[0].id, old_one.id);
    EXPECT_TRUE(store->acquisitions.find(old_one.id).ok());  // a dry run deletes nothing
    EXPECT_TRUE(acquisitions().purge(20, true, "system:purge")->purchases.empty());
    ASSERT_TRUE(acquisitions().purge(10, false, "system:purge").ok());
    EXPECT_ERROR_CODE(store->acquisitions.find(old_one.id), "not_found");
    EXPECT_TRUE(store->acquisitions.find(open_one.id).ok());
    EXPECT_ERROR_CODE(acquisitions().purge(0, true, "system:purge"), "invalid_value");
}

}  // namespace
}  // namespace cyberachat::services::testing
