// QuestionnaireProvider: the built-in questionnaire stored once as the current version; stored
// versions parsed once and kept.
#include "services/questionnaire_provider.hpp"

#include "definition/builtin_questionnaire.hpp"
#include "service_fixture.hpp"

namespace cyberachat::services::testing {
namespace {

using QuestionnaireProviderTest = ServiceTest;

TEST_F(QuestionnaireProviderTest, TheCurrentVersionIsTheBuiltinOneStoredOnce) {
    auto first = questionnaires().current_version();
    ASSERT_TRUE(first.ok()) << first.error().message.in(Language::en);
    EXPECT_EQ(first->questionnaire_id, builtin_afib()->id);
    EXPECT_EQ(first->version, builtin_afib()->version);
    EXPECT_EQ(first->yaml, std::string(builtin_afib_yaml()));
    auto second = questionnaires().current_version();
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->id, first->id);
    auto stored = store->questionnaires.find(first->id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->sha256, first->sha256);
}

TEST_F(QuestionnaireProviderTest, GetParsesAStoredVersionOnce) {
    auto version = store->questionnaires.ensure("mini", "1", kMiniQuestionnaireYaml);
    ASSERT_TRUE(version.ok());
    auto loaded = questionnaires().get(version->id);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message.in(Language::en);
    EXPECT_EQ((*loaded)->id, "mini");
    EXPECT_NE((*loaded)->find_question("p.gate"), nullptr);
    auto again = questionnaires().get(version->id);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->get(), loaded->get());
}

TEST_F(QuestionnaireProviderTest, GetErrors) {
    EXPECT_ERROR_CODE(questionnaires().get(12345), "not_found");
    auto broken = store->questionnaires.ensure("broken", "1", "questionnaire: {id: broken}\nparts: []\n");
    ASSERT_TRUE(broken.ok());
    auto loaded = questionnaires().get(broken->id);
    EXPECT_ERROR_CODE(loaded, "storage");
    EXPECT_NE(loaded.error().message.fr.find("ne se charge plus"), std::string::npos) << loaded.error().message.fr;
}

}  // namespace
}  // namespace cyberachat::services::testing
