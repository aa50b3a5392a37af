// A question the lead adds to one purchase (definition/purchase_question.hpp): each field checked
// with a French message, then written as an extension that composes over the purchase's
// questionnaire — the question where it was asked, with its condition, note and grid rule.
#include <gtest/gtest.h>

#include "definition/builtin_definition.hpp"
#include "definition/extension_loader.hpp"
#include "definition/purchase_question.hpp"

namespace cyberachat {
namespace {

PurchaseQuestionDraft segmentation() {
    PurchaseQuestionDraft draft;
    draft.position = "after:dispositif.connexion_filaire";
    draft.kind = "yes_no";
    draft.label_fr = "  Le dispositif peut-il être placé dans un VLAN dédié ?\n";
    draft.label_en = "Can the device be placed in a dedicated VLAN?";
    draft.condition = "dispositif.connexion_filaire == oui";
    draft.help_fr = "Le réseau isole les dispositifs.\n\nDeux lignes : « gardées ».";
    draft.rule = "oui";
    draft.weight = "3";
    draft.severity = "critical";
    draft.rationale_fr = "Hors VLAN, le dispositif expose le réseau.";
    return draft;
}

ComposedDefinition compose(const std::string& yaml, const QuestionnaireDefinition& base) {
    return compose_definition(yaml, "purchase.yaml", [&](const std::string& id, const std::string& version) {
        return id == base.questionnaire->id && version == base.questionnaire->version ? std::optional(base) : std::nullopt;
    });
}

TEST(PurchaseQuestion, IsWrittenAsAnExtensionThatComposesWhereTheLeadAskedIt) {
    const QuestionnaireDefinition base = builtin_afib_definition();
    const PurchaseQuestionExtension written = write_purchase_question(*base.questionnaire, 12, segmentation());
    ASSERT_TRUE(written.ok()) << written.errors.begin()->second;
    EXPECT_EQ(written.question_id, "achat12.q1");
    EXPECT_EQ(written.version, "2024.3-achat12.1");
    const ComposedDefinition composed = compose(written.yaml, base);
    ASSERT_TRUE(composed.ok()) << composed.errors.front().message << "\n" << written.yaml;
    const Questionnaire& questionnaire = *composed.definition.questionnaire;
    const Question* added = questionnaire.find_question("achat12.q1");
    ASSERT_NE(added, nullptr);
    EXPECT_EQ(added->label.fr, "Le dispositif peut-il être placé dans un VLAN dédié ?") << "trimmed";
    EXPECT_EQ(added->label.en, "Can the device be placed in a dedicated VLAN?");
    EXPECT_EQ(added->help.fr, "Le réseau isole les dispositifs.\n\nDeux lignes : « gardées ».");
    EXPECT_EQ(added->show_if_text, "dispositif.connexion_filaire == oui");
    EXPECT_TRUE(added->required);
    const Question* wired = questionnaire.find_question("dispositif.connexion_filaire");
    EXPECT_EQ(added->index, wired->index + 1) << "right after the question chosen";
    EXPECT_EQ(added->section_index, wired->section_index);
    ASSERT_NE(composed.definition.grid, nullptr);
    const GridRule* rule = composed.definition.grid->find_rule("achat12.q1");
    ASSERT_NE(rule, nullptr);
    EXPECT_EQ(rule->weight, 3);
    EXPECT_EQ(rule->severity, Severity::critical);
    EXPECT_NE(composed.definition.grid->find_rule("dispositif.antivirus_etablissement"), nullptr) << "the base's rules stay";

    // The next one: the next id and the next version of the purchase's own numbering.
    PurchaseQuestionDraft list;
    list.position = "first:dispositif.protection_antivirale";
    list.kind = "multiple_choice";
    list.label_fr = "Quels antivirus ?";
    list.choices = "Aucun | None\n\n  Celui du fabricant | The manufacturer's  \nAutre";
    list.required = false;
    const PurchaseQuestionExtension second = write_purchase_question(questionnaire, 12, list);
    ASSERT_TRUE(second.ok()) << second.errors.begin()->second;
    EXPECT_EQ(second.question_id, "achat12.q2");
    EXPECT_EQ(second.version, "2024.3-achat12.2");
    EXPECT_EQ(write_purchase_question(questionnaire, 12, list, 2).version, "2024.3-achat12.4") << "a taken number moves on";
    QuestionnaireDefinition first = composed.definition;
    const ComposedDefinition again = compose(second.yaml, first);
    ASSERT_TRUE(again.ok()) << again.errors.front().message;
    const Question* choices = again.definition.questionnaire->find_question("achat12.q2");
    ASSERT_NE(choices, nullptr);
    ASSERT_EQ(choices->choices.size(), 3u);
    EXPECT_EQ(choices->choices[1].label.en, "The manufacturer's");
    EXPECT_EQ(choices->choices[2].label.fr, "Autre");
    EXPECT_FALSE(choices->required);
    const Section* antivirus = again.definition.questionnaire->find_section("dispositif.protection_antivirale");
    EXPECT_EQ(antivirus->questions.front().id, "achat12.q2") << "first in its section";
    EXPECT_EQ(again.definition.grid->find_rule("achat12.q2"), nullptr) << "no rule asked";
}

TEST(PurchaseQuestion, EachFieldIsCheckedWithItsOwnMessage) {
    const QuestionnaireDefinition base = builtin_afib_definition();
    const Questionnaire& questionnaire = *base.questionnaire;
    auto errors_of = [&](const PurchaseQuestionDraft& draft) { return write_purchase_question(questionnaire, 3, draft).errors; };
    PurchaseQuestionDraft draft = segmentation();

    draft.position = "";
    EXPECT_EQ(errors_of(draft).at("position"), "Choisissez où placer la question.");
    draft.position = "after:nope";
    EXPECT_TRUE(errors_of(draft).count("position"));
    draft.position = "last:nope";
    EXPECT_TRUE(errors_of(draft).count("position"));
    draft = segmentation();
    draft.kind = "table";
    EXPECT_TRUE(errors_of(draft).count("kind")) << "tables need columns: not offered";
    draft = segmentation();
    draft.label_fr = " \n ";
    EXPECT_EQ(errors_of(draft).at("label_fr"), "Libellé en français : obligatoire.");
    draft.label_fr = std::string(501, 'x');
    EXPECT_TRUE(errors_of(draft).count("label_fr"));
    draft.label_fr = "\xff\xfe";
    EXPECT_TRUE(errors_of(draft).count("label_fr"));
    draft = segmentation();
    draft.help_fr = "";
    draft.help_en = "Only English";
    EXPECT_TRUE(errors_of(draft).count("help_fr"));
    for (const char* condition : {"dispositif.marque == x", "dispositif.connexion_filaire == peut-être",
                                  "dispositif.connexion_filaire == oui or true", "nope == oui", "answered(x)"}) {
        draft = segmentation();
        draft.condition = condition;
        EXPECT_TRUE(errors_of(draft).count("condition")) << condition;
    }
    draft = segmentation();
    draft.kind = "single_choice";
    draft.rule = "";
    draft.choices = "Un seul";
    EXPECT_EQ(errors_of(draft).at("choices"), "Donnez au moins deux choix, un par ligne.");
    draft.choices = "A\nA";
    EXPECT_TRUE(errors_of(draft).count("choices"));
    draft.choices = "| English only\nB";
    EXPECT_TRUE(errors_of(draft).count("choices"));
    draft = segmentation();
    draft.kind = "text";
    EXPECT_TRUE(errors_of(draft).count("rule")) << "favourable if Oui on a text";
    draft.rule = "answered";
    EXPECT_TRUE(errors_of(draft).empty());
    for (const char* weight : {"0", "101", "2.5", "abc", ""}) {
        draft.weight = weight;
        EXPECT_TRUE(errors_of(draft).count("weight")) << weight;
    }
    draft = segmentation();
    draft.severity = "fatal";
    EXPECT_TRUE(errors_of(draft).count("severity"));
    draft = segmentation();
    draft.rationale_fr = "";
    EXPECT_TRUE(errors_of(draft).count("rationale_fr")) << "a rule says why";
    draft.rule = "";
    EXPECT_TRUE(errors_of(draft).empty()) << "no rule, no rationale needed";
}

}  // namespace
}  // namespace cyberachat
