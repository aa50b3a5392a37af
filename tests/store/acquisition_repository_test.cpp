#include <gtest/gtest.h>

#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace {

using StoreAcquisitions = StoreTest;

TEST_F(StoreAcquisitions, CreateFindList) {
    const User buyer = make_user("buyer@example.org", Role::buyer);
    const QuestionnaireVersion version = make_questionnaire();
    Acquisition acquisition;
    acquisition.title = "  Moniteurs de réanimation ";
    acquisition.equipment = "Moniteur multiparamétrique";
    acquisition.service = "Réanimation";
    acquisition.reference = "2027-AO-012";
    acquisition.deadline = "2027-03-31";
    acquisition.notes = "Lot 2";
    acquisition.questionnaire_version_id = version.id;
    acquisition.created_by = buyer.id;
    auto created = store->acquisitions.create(acquisition, "user:buyer@example.org");
    ASSERT_TRUE(created.ok()) << created.error().message.in(Language::en);
    EXPECT_GT(created->id, 0);
    EXPECT_EQ(created->title, "Moniteurs de réanimation");
    EXPECT_EQ(created->status, "open");

    auto found = store->acquisitions.find(created->id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->title, "Moniteurs de réanimation");
    EXPECT_EQ(found->equipment, "Moniteur multiparamétrique");
    EXPECT_EQ(found->service, "Réanimation");
    EXPECT_EQ(found->reference, "2027-AO-012");
    EXPECT_EQ(found->deadline, "2027-03-31");
    EXPECT_EQ(found->notes, "Lot 2");
    EXPECT_EQ(found->questionnaire_version_id, version.id);
    EXPECT_EQ(found->created_by, buyer.id);
    EXPECT_EQ(found->created_at, created->created_at);
    EXPECT_EQ(found->updated_at, created->updated_at);

    const Acquisition second = make_acquisition("Deuxième");
    auto all = store->acquisitions.list().value();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].id, second.id);  // newest first
    EXPECT_EQ(all[1].id, created->id);
    EXPECT_EQ(all[0].created_by, 0);  // none given: stored as NULL, read as 0

    // Newest first: the creator joined the team as its lead, after the purchase was created.
    auto events = store->events.list("acquisition", created->id).value();
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[1].action, "create");
    EXPECT_EQ(nlohmann::json::parse(events[1].new_value)["title"], "Moniteurs de réanimation");
    EXPECT_EQ(events[0].action, "member_add");
    EXPECT_EQ(events[0].field, "user:" + std::to_string(buyer.id));
    EXPECT_EQ(store->members.role_of(created->id, buyer.id).value(), PurchaseRole::lead);
    EXPECT_TRUE(store->members.list(second.id).value().empty());  // no creator: no team yet
}

TEST_F(StoreAcquisitions, ValidationAndReferences) {
    Acquisition acquisition;
    EXPECT_EQ(store->acquisitions.create(acquisition, "system").error().code, ErrorCode::invalid_value);
    acquisition.title = "X";
    acquisition.deadline = "31/03/2027";
    EXPECT_EQ(store->acquisitions.create(acquisition, "system").error().code, ErrorCode::invalid_value);
    acquisition.deadline.clear();
    acquisition.status = "abandoned";  // (draft, open, closed and archived are statuses)
    EXPECT_EQ(store->acquisitions.create(acquisition, "system").error().code, ErrorCode::invalid_value);
    acquisition.status = "open";
    acquisition.questionnaire_version_id = 123;
    EXPECT_EQ(store->acquisitions.create(acquisition, "system").error().code, ErrorCode::not_found);
    acquisition.questionnaire_version_id = 0;
    acquisition.created_by = 77;
    EXPECT_EQ(store->acquisitions.create(acquisition, "system").error().code, ErrorCode::not_found);
    EXPECT_TRUE(store->acquisitions.list().value().empty());
    EXPECT_TRUE(store->events.list_all().value().empty());
}

TEST_F(StoreAcquisitions, UpdateRecordsEachChangedField) {
    const Acquisition created = make_acquisition();
    Acquisition changed = created;
    changed.title = "Échographes 2028";
    changed.status = "closed";
    changed.notes = "Reporté";
    changed.questionnaire_version_id = 999;  // ignored: fixed at creation
    auto updated = store->acquisitions.update(changed, "user:it@example.org");
    ASSERT_TRUE(updated.ok()) << updated.error().message.in(Language::en);
    EXPECT_EQ(updated->title, "Échographes 2028");
    EXPECT_EQ(updated->status, "closed");
    EXPECT_EQ(updated->questionnaire_version_id, created.questionnaire_version_id);
    auto found = store->acquisitions.find(created.id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->title, "Échographes 2028");
    EXPECT_EQ(found->notes, "Reporté");
    EXPECT_EQ(found->status, "closed");
    EXPECT_EQ(found->equipment, created.equipment);

    auto events = store->events.list("acquisition", created.id).value();
    ASSERT_EQ(events.size(), 4u);  // create + 3 fields
    std::map<std::string, Event> by_field;
    for (const Event& e : events)
        if (e.action == "update") by_field[e.field] = e;
    ASSERT_EQ(by_field.size(), 3u);
    EXPECT_EQ(by_field["title"].old_value, "\"Échographes cardiologie 2027\"");
    EXPECT_EQ(by_field["title"].new_value, "\"Échographes 2028\"");
    EXPECT_EQ(by_field["status"].old_value, "\"open\"");
    EXPECT_EQ(by_field["status"].new_value, "\"closed\"");
    EXPECT_EQ(by_field["notes"].actor, "user:it@example.org");

    // No change: nothing written.
    auto same = store->acquisitions.update(*found, "user:it@example.org");
    ASSERT_TRUE(same.ok());
    EXPECT_EQ(same->updated_at, found->updated_at);
    EXPECT_EQ(store->events.list("acquisition", created.id).value().size(), 4u);
}

// The title for vendors in English: optional, trimmed like the title, each change journaled.
TEST_F(StoreAcquisitions, TheEnglishTitleIsStoredTrimmedAndEachChangeJournaled) {
    Acquisition acquisition;
    acquisition.title = "Échographes cardiologie 2027";
    acquisition.title_en = "  Cardiology ultrasound scanners 2027 ";
    auto created = store->acquisitions.create(acquisition, "user:bio@example.org");
    ASSERT_TRUE(created.ok()) << created.error().message.in(Language::en);
    EXPECT_EQ(created->title_en, "Cardiology ultrasound scanners 2027");
    EXPECT_EQ(store->acquisitions.find(created->id)->title_en, "Cardiology ultrasound scanners 2027");
    auto listed = store->acquisitions.list().value();
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].title_en, "Cardiology ultrasound scanners 2027");
    auto events = store->events.list("acquisition", created->id).value();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(nlohmann::json::parse(events[0].new_value)["title_en"], "Cardiology ultrasound scanners 2027");

    Acquisition changed = *created;
    changed.title_en = "Cardiac ultrasound 2027";
    ASSERT_TRUE(store->acquisitions.update(changed, "user:bio@example.org").ok());
    EXPECT_EQ(store->acquisitions.find(created->id)->title_en, "Cardiac ultrasound 2027");
    EXPECT_EQ(store->acquisitions.find(created->id)->title, "Échographes cardiologie 2027");
    changed.title_en = "   ";  // blank: none any more
    auto cleared = store->acquisitions.update(changed, "user:bio@example.org");
    ASSERT_TRUE(cleared.ok());
    EXPECT_EQ(cleared->title_en, "");
    EXPECT_EQ(store->acquisitions.find(created->id)->title_en, "");

    std::vector<Event> updates;
    for (const Event& e : store->events.list("acquisition", created->id).value())
        if (e.action == "update") updates.push_back(e);
    ASSERT_EQ(updates.size(), 2u);  // newest first
    EXPECT_EQ(updates[1].field, "title_en");
    EXPECT_EQ(updates[1].old_value, "\"Cardiology ultrasound scanners 2027\"");
    EXPECT_EQ(updates[1].new_value, "\"Cardiac ultrasound 2027\"");
    EXPECT_EQ(updates[0].field, "title_en");
    EXPECT_EQ(updates[0].new_value, "\"\"");

    // Without one, nothing is stored for it.
    EXPECT_EQ(store->acquisitions.find(make_acquisition("Sans titre anglais").id)->title_en, "");
}

TEST_F(StoreAcquisitions, TheExpectedEndOfUseIsStoredCheckedAndJournaled) {
    Acquisition acquisition;
    acquisition.title = "Moniteurs";
    acquisition.expected_end_of_use = " 2035-12-31 ";
    auto created = store->acquisitions.create(acquisition, "user:bio@example.org");
    ASSERT_TRUE(created.ok()) << created.error().message.fr;
    EXPECT_EQ(store->acquisitions.find(created->id)->expected_end_of_use, "2035-12-31");
    Acquisition changed = *created;
    changed.expected_end_of_use = "2036-13-01";
    EXPECT_EQ(store->acquisitions.update(changed, "user:bio@example.org").error().code, ErrorCode::invalid_value);
    changed.expected_end_of_use = "";
    ASSERT_TRUE(store->acquisitions.update(changed, "user:bio@example.org").ok());
    EXPECT_EQ(store->acquisitions.find(created->id)->expected_end_of_use, "");
    const auto events = store->events.list("acquisition", created->id).value();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events[0].field, "expected_end_of_use");
    EXPECT_EQ(events[0].old_value, "\"2035-12-31\"");
}

TEST_F(StoreAcquisitions, TheEquipmentFamilyIsOneOfTheListAndJournaled) {
    Acquisition acquisition;
    acquisition.title = "Pompes";
    acquisition.equipment_family = "fusées";
    EXPECT_EQ(store->acquisitions.create(acquisition, "user:bio@example.org").error().code, ErrorCode::invalid_value);
    acquisition.equipment_family = " perfusion ";
    auto created = store->acquisitions.create(acquisition, "user:bio@example.org");
    ASSERT_TRUE(created.ok()) << created.error().message.fr;
    EXPECT_EQ(store->acquisitions.find(created->id)->equipment_family, "perfusion");
    Acquisition changed = *created;
    changed.equipment_family = "";
    ASSERT_TRUE(store->acquisitions.update(changed, "user:bio@example.org").ok());
    EXPECT_EQ(store->acquisitions.find(created->id)->equipment_family, "");
    const auto events = store->events.list("acquisition", created->id).value();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events[0].field, "equipment_family");
    EXPECT_EQ(events[0].old_value, "\"perfusion\"");
}

TEST_F(StoreAcquisitions, UpdateErrors) {
    Acquisition missing;
    missing.id = 4242;
    missing.title = "Nope";
    EXPECT_EQ(store->acquisitions.update(missing, "system").error().code, ErrorCode::not_found);
    Acquisition created = make_acquisition();
    created.title = "";
    EXPECT_EQ(store->acquisitions.update(created, "system").error().code, ErrorCode::invalid_value);
    EXPECT_FALSE(store->acquisitions.find(4242));
}

}  // namespace
}  // namespace cyberachat::store::testing
