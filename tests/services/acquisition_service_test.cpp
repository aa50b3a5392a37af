// AcquisitionService: purchases (validation, creation with the current questionnaire and its grid,
// updates) and vendors' invitations and secret links.
#include "services/acquisition_service.hpp"

#include "service_fixture.hpp"

namespace cyberachat::services::testing {
namespace {

using AcquisitionServiceTest = ServiceTest;

TEST_F(AcquisitionServiceTest, ValidatePurchaseNamesEachFaultyField) {
    EXPECT_TRUE(AcquisitionService::validate(purchase_input()).empty());

    Acquisition input;
    input.deadline = "31/03/2027";  // the form's date is ISO only
    input.reference = std::string(101, 'r');
    FieldErrors errors = AcquisitionService::validate(input);
    EXPECT_EQ(errors.size(), 4u);
    EXPECT_TRUE(errors.count("title"));
    EXPECT_TRUE(errors.count("equipment"));
    EXPECT_TRUE(errors.count("deadline"));
    EXPECT_NE(errors["reference"].find("100"), std::string::npos) << errors["reference"];

    input = purchase_input();
    input.deadline = "2027-02-30";
    input.notes = std::string(10001, 'n');
    errors = AcquisitionService::validate(input);
    EXPECT_TRUE(errors.count("deadline"));
    EXPECT_TRUE(errors.count("notes"));
    input.title = std::string(201, 't');
    EXPECT_TRUE(AcquisitionService::validate(input).count("title"));
    // Characters, not bytes: 150 "é" (300 bytes) fit in the 200 characters of a title.
    input = purchase_input();
    input.title.clear();
    for (int i = 0; i < 150; ++i) input.title += "é";
    EXPECT_FALSE(AcquisitionService::validate(input).count("title"));
}

// The English title is optional, within the title's 200 characters.
TEST_F(AcquisitionServiceTest, TheEnglishTitleIsOptionalAndAsLongAsTheTitleAtMost) {
    Acquisition input = purchase_input();
    EXPECT_TRUE(AcquisitionService::validate(input).empty()) << "none given";
    input.title_en = std::string(200, 'e');
    EXPECT_TRUE(AcquisitionService::validate(input).empty());
    input.title_en = std::string(201, 'e');
    FieldErrors errors = AcquisitionService::validate(input);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_NE(errors["title_en"].find("200"), std::string::npos) << errors["title_en"];
    EXPECT_EQ(acquisitions().create(input, buyer().id, kBuyerActor).error().code, ErrorCode::invalid_value);

    input.title_en = "Patient monitors 2027";
    auto created = acquisitions().create(input, buyer().id, kBuyerActor);
    ASSERT_TRUE(created.ok()) << created.error().message.in(Language::en);
    EXPECT_EQ(store->acquisitions.find(created->id)->title_en, "Patient monitors 2027");
    Acquisition changed = *created;
    changed.title_en = "Monitors, lot 2";
    ASSERT_TRUE(acquisitions().update(changed, kBuyerActor).ok());
    EXPECT_EQ(store->acquisitions.find(created->id)->title_en, "Monitors, lot 2");
    changed.title_en.clear();
    ASSERT_TRUE(acquisitions().update(changed, kBuyerActor).ok());
    EXPECT_EQ(store->acquisitions.find(created->id)->title_en, "");
}

TEST_F(AcquisitionServiceTest, ValidateVendor) {
    EXPECT_TRUE(AcquisitionService::validate(vendor_input()).empty());
    VendorInput input{"", "", "", "de"};
    FieldErrors errors = AcquisitionService::validate(input);
    EXPECT_TRUE(errors.count("company"));
    EXPECT_TRUE(errors.count("email"));
    EXPECT_TRUE(errors.count("language"));
    input = vendor_input();
    input.email = "jeanne.martin@";
    input.contact_name = std::string(201, 'c');
    errors = AcquisitionService::validate(input);
    EXPECT_EQ(errors["email"], "Adresse e-mail invalide.");
    EXPECT_TRUE(errors.count("contact_name"));
    input = vendor_input();
    input.language = "en";
    EXPECT_TRUE(AcquisitionService::validate(input).empty());
}

TEST_F(AcquisitionServiceTest, CreateCopiesTheCurrentQuestionnaireAndItsGrid) {
    const User user = buyer();
    Acquisition input = purchase_input();
    input.status = "closed";  // not the caller's to choose
    auto created = acquisitions().create(input, user.id, kBuyerActor);
    ASSERT_TRUE(created.ok()) << created.error().message.in(Language::en);
    auto current = questionnaires().current_version();
    ASSERT_TRUE(current.ok());
    EXPECT_EQ(current->questionnaire_id, "afib");

    auto stored = store->acquisitions.find(created->id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->title, "Moniteurs de surveillance 2027");
    EXPECT_EQ(stored->deadline, "2027-03-31");
    EXPECT_EQ(stored->status, "open");
    EXPECT_EQ(stored->created_by, user.id);
    EXPECT_EQ(stored->questionnaire_version_id, current->id);
    auto grid = store->scoring_grids.for_acquisition(created->id);
    ASSERT_TRUE(grid);
    EXPECT_EQ(grid->grid_id, "afib-grid");
    ASSERT_FALSE(store->events.list("acquisition", created->id).value().empty());
    // The journal names the buyer's account by its id.
    EXPECT_EQ(store->events.list("acquisition", created->id).value().back().actor, "user:#" + std::to_string(user.id));
}

TEST_F(AcquisitionServiceTest, CreateRefusesAnInvalidPurchaseAndWritesNothing) {
    Acquisition input = purchase_input();
    input.title.clear();
    auto created = acquisitions().create(input, buyer().id, kBuyerActor);
    EXPECT_ERROR_CODE(created, "invalid_value");
    EXPECT_NE(created.error().message.fr.find("title"), std::string::npos) << created.error().message.fr;
    EXPECT_TRUE(store->acquisitions.list().value().empty());
}

TEST_F(AcquisitionServiceTest, UpdateChangesTheEditableFieldsOnly) {
    const Acquisition created = afib_purchase();
    Acquisition changed = created;
    changed.title = "Moniteurs — lot 2";
    changed.notes = "Deuxième lot";
    changed.deadline = "";
    changed.status = "closed";
    changed.questionnaire_version_id = created.questionnaire_version_id + 7;
    changed.created_by = created.created_by + 7;
    auto updated = acquisitions().update(changed, kBuyerActor);
    ASSERT_TRUE(updated.ok()) << updated.error().message.in(Language::en);

    auto stored = store->acquisitions.find(created.id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->title, "Moniteurs — lot 2");
    EXPECT_EQ(stored->notes, "Deuxième lot");
    EXPECT_EQ(stored->deadline, "");
    EXPECT_EQ(stored->status, "open");
    EXPECT_EQ(stored->questionnaire_version_id, created.questionnaire_version_id);
    EXPECT_EQ(stored->created_by, created.created_by);
}

TEST_F(AcquisitionServiceTest, UpdateErrors) {
    const Acquisition created = afib_purchase();
    Acquisition unknown = created;
    unknown.id = created.id + 100;
    EXPECT_ERROR_CODE(acquisitions().update(unknown, kBuyerActor), "not_found");
    Acquisition invalid = created;
    invalid.equipment.clear();
    EXPECT_ERROR_CODE(acquisitions().update(invalid, kBuyerActor), "invalid_value");
    EXPECT_EQ(store->acquisitions.find(created.id)->equipment, created.equipment);
}

TEST_F(AcquisitionServiceTest, InviteStoresTheHashOfTheTokenNeverTheToken) {
    const Acquisition purchase = afib_purchase();
    VendorInput input = vendor_input("Beta Santé");
    input.language = "en";
    auto invited = acquisitions().invite(purchase.id, input, kBuyerActor);
    ASSERT_TRUE(invited.ok()) << invited.error().message.in(Language::en);
    ASSERT_GE(invited->token.size(), 20u);

    auto found = store->responses.find_by_token_hash(security::sha256_hex(invited->token));
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, invited->response.id);
    EXPECT_EQ(found->acquisition_id, purchase.id);
    EXPECT_EQ(found->company, "Beta Santé");
    EXPECT_EQ(found->language, "en");
    EXPECT_EQ(found->status, ResponseStatus::draft);
    EXPECT_NE(found->invite_token_hash, invited->token);
    EXPECT_EQ(all_event_text().find(invited->token), std::string::npos);

    const Invitation second = invite(purchase.id, "Gamma");
    EXPECT_NE(second.token, invited->token);
    EXPECT_EQ(store->responses.list_for(purchase.id).value().size(), 2u);
}

TEST_F(AcquisitionServiceTest, InviteErrors) {
    const Acquisition purchase = afib_purchase();
    EXPECT_ERROR_CODE(acquisitions().invite(purchase.id + 100, vendor_input(), kBuyerActor), "not_found");
    VendorInput input = vendor_input();
    input.email = "pas-une-adresse";
    EXPECT_ERROR_CODE(acquisitions().invite(purchase.id, input, kBuyerActor), "invalid_value");
    EXPECT_TRUE(store->responses.list_for(purchase.id).value().empty());
}

TEST_F(AcquisitionServiceTest, RegenerateLinkKillsTheOldLinkAndTheVendorsSessions) {
    const Invitation invitation = invite(afib_purchase().id);
    const Id id = invitation.response.id;
    ASSERT_TRUE(store->sessions.create(store::Session{"session-hash", "vendor", id, "csrf", "fr", "", ""}).ok());

    auto token = acquisitions().regenerate_link(id, kBuyerActor);
    ASSERT_TRUE(token.ok()) << token.error().message.in(Language::en);
    EXPECT_NE(*token, invitation.token);
    EXPECT_FALSE(store->responses.find_by_token_hash(security::sha256_hex(invitation.token)));
    auto found = store->responses.find_by_token_hash(security::sha256_hex(*token));
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, id);
    EXPECT_FALSE(store->sessions.find("session-hash"));

    EXPECT_ERROR_CODE(acquisitions().regenerate_link(id + 100, kBuyerActor), "not_found");
}

TEST_F(AcquisitionServiceTest, RevokeLinkLeavesNoWorkingLink) {
    const Invitation invitation = invite(afib_purchase().id);
    const Id id = invitation.response.id;
    ASSERT_TRUE(store->sessions.create(store::Session{"vendor-session", "vendor", id, "csrf", "fr", "", ""}).ok());
    ASSERT_TRUE(store->sessions.create(store::Session{"other-session", "vendor", id + 1, "csrf", "fr", "", ""}).ok());

    ASSERT_TRUE(acquisitions().revoke_link(id, kBuyerActor).ok());
    EXPECT_FALSE(store->responses.find_by_token_hash(security::sha256_hex(invitation.token)));
    EXPECT_TRUE(store->responses.find(id)->invite_token_hash.empty());
    EXPECT_FALSE(store->sessions.find("vendor-session"));
    EXPECT_TRUE(store->sessions.find("other-session"));  // another vendor's session stays

    EXPECT_ERROR_CODE(acquisitions().revoke_link(id + 100, kBuyerActor), "not_found");
}

}  // namespace
}  // namespace cyberachat::services::testing
