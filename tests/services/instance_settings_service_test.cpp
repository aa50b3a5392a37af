// The hospital's identity as the administrators set it: checked before anything is stored, kept
// in memory between reads, and used by the reports.
#include "services/instance_settings_service.hpp"

#include "../png_fixture.hpp"
#include "security/secrets.hpp"
#include "service_fixture.hpp"

namespace cyberachat::services::testing {
namespace {

using cyberachat::test_images::png_claiming;
using cyberachat::test_images::small_png;

class InstanceSettingsTest : public ServiceTest {
protected:
    const Actor admin{"user:admin@chu.test", Via::page};
};

TEST_F(InstanceSettingsTest, UnsetThenSetWithALogoThenTheLogoRemoved) {
    InstanceSettingsService settings(*store);
    EXPECT_EQ(settings.identity().shown_name(), "Cyberachat");
    EXPECT_FALSE(settings.identity().has_logo());
    EXPECT_TRUE(settings.logo_png()->empty());

    IdentityChange change;
    change.name = "  CHU de Compiègne ";
    change.contact_email = "biomed@chu-compiegne.test";
    change.logo_png = small_png();
    auto updated = settings.update_identity(change, admin);
    ASSERT_TRUE(updated.ok()) << updated.error().message.fr;
    EXPECT_EQ(updated->name, "CHU de Compiègne");
    EXPECT_EQ(updated->contact_email, "biomed@chu-compiegne.test");
    EXPECT_EQ(updated->logo_sha256, security::sha256_hex(small_png()));
    EXPECT_EQ(*settings.logo_png(), small_png());

    // Another instance on the same database reads the same (what it stored survives a restart).
    InstanceSettingsService other(*store);
    EXPECT_EQ(other.identity().name, "CHU de Compiègne");
    EXPECT_EQ(*other.logo_png(), small_png());

    IdentityChange remove;
    remove.remove_logo = true;
    remove.logo_png = small_png();  // the removal wins
    auto removed = settings.update_identity(remove, admin);
    ASSERT_TRUE(removed.ok());
    EXPECT_FALSE(removed->has_logo());
    EXPECT_EQ(removed->name, "CHU de Compiègne") << "what the change does not name stays";
    EXPECT_TRUE(settings.logo_png()->empty());
}

TEST_F(InstanceSettingsTest, AnInvalidChangeStoresNothingAndNamesEachField) {
    InstanceSettingsService settings(*store);
    IdentityChange good;
    good.name = "CHU de Compiègne";
    ASSERT_TRUE(settings.update_identity(good, admin).ok());

    IdentityChange bad;
    bad.name = "CHU\nNouveau";
    bad.contact_email = "pas une adresse";
    bad.logo_png = png_claiming(5000, 10);
    auto refused = settings.update_identity(bad, admin);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::invalid_value);
    const auto& fields = refused.error().payload.at("fields");
    EXPECT_TRUE(fields.contains("name"));
    EXPECT_TRUE(fields.contains("contact_email"));
    EXPECT_TRUE(fields.contains("logo"));
    EXPECT_EQ(InstanceSettingsService(*store).identity().name, "CHU de Compiègne");
    EXPECT_EQ(store->events.list("instance", 0)->size(), 1u) << "only the first change is journalled";
}

TEST_F(InstanceSettingsTest, TheReportsCarryTheHospitalsNameAndLogo) {
    InstanceSettingsService settings(*store);
    IdentityChange change;
    change.name = "CHU de Compiègne";
    change.logo_png = small_png();
    ASSERT_TRUE(settings.update_identity(change, admin).ok());
    flowchart::FlowchartCache flowcharts;
    ReportService reports(*store, questionnaires(), responses(), flowcharts, &settings);
    const Id response = new_response();
    auto document = reports.response_report(response, Language::fr, report::Audience::vendor);
    ASSERT_TRUE(document.ok()) << document.error().message.fr;
    EXPECT_EQ(document->hospital_name, "CHU de Compiègne");
    EXPECT_EQ(document->logo_png, small_png());
    auto blank = reports.questionnaire_report(questionnaires().current(), Language::en);
    ASSERT_TRUE(blank.ok());
    EXPECT_EQ(blank->hospital_name, "CHU de Compiègne");
}

}  // namespace
}  // namespace cyberachat::services::testing
