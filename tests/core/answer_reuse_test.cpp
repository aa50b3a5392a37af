// Starting from an earlier response (core/answer_reuse.hpp): what is carried over between two
// versions of a questionnaire — unanswered questions filled, answered ones kept, a question gone, a
// kind changed, a choice removed, documents counted.
#include "core/answer_reuse.hpp"

#include <gtest/gtest.h>

#include "definition/definition_loader.hpp"

using namespace cyberachat;
using json = nlohmann::json;

namespace answer_reuse_test {
namespace {

std::shared_ptr<const Questionnaire> load(const std::string& body, const std::string& version) {
    const std::string yaml = "questionnaire:\n  id: test\n  version: \"" + version + "\"\n  title: {fr: \"Test\"}\n" + body;
    LoadedDefinition loaded = load_definition(yaml, "test.yaml");
    std::string errors;
    for (const auto& error : loaded.errors) errors += error.to_string() + "\n";
    if (!loaded.ok()) throw std::runtime_error("test questionnaire does not load:\n" + errors);
    return loaded.questionnaire;
}

const std::string kOlder = R"Y(
parts:
  - id: p
    title: {fr: "Partie"}
    sections:
      - id: p.s
        title: {fr: "Page"}
        questions:
          - {id: p.maker, kind: text, label: {fr: "Fabricant"}}
          - {id: p.antivirus, kind: yes_no, label: {fr: "Antivirus"}}
          - {id: p.count, kind: text, label: {fr: "Nombre de postes"}}
          - id: p.network
            kind: single_choice
            label: {fr: "Réseau"}
            choices: [{id: filaire, label: {fr: "Filaire"}}, {id: wifi, label: {fr: "Wi-Fi"}}, {id: 4g, label: {fr: "4G"}}]
          - {id: p.old, kind: text, label: {fr: "Question retirée"}}
          - {id: p.certificate, kind: document, label: {fr: "Certificat"}}
          - {id: p.contact, kind: text, label: {fr: "Contact"}}
)Y";

const std::string kNewer = R"Y(
parts:
  - id: p
    title: {fr: "Partie"}
    sections:
      - id: p.s
        title: {fr: "Page"}
        questions:
          - {id: p.maker, kind: text, label: {fr: "Fabricant"}}
          - {id: p.antivirus, kind: yes_no, label: {fr: "Antivirus"}}
          - {id: p.count, kind: integer, label: {fr: "Nombre de postes"}}
          - id: p.network
            kind: single_choice
            label: {fr: "Réseau"}
            choices: [{id: filaire, label: {fr: "Filaire"}}, {id: wifi, label: {fr: "Wi-Fi"}}]
          - {id: p.certificate, kind: document, label: {fr: "Certificat"}}
          - {id: p.contact, kind: text, label: {fr: "Contact"}}
          - {id: p.new_one, kind: text, label: {fr: "Nouvelle question"}}
)Y";

const ReuseItem* item_for(const ReusePlan& plan, const std::string& id) {
    for (const auto& item : plan.items)
        if (item.question_id == id) return &item;
    return nullptr;
}

TEST(AnswerReuse, UnansweredQuestionsAreFilledAndTheRestListedApartWithTheReason) {
    const auto older = load(kOlder, "1"), newer = load(kNewer, "2");
    ReuseSide earlier{older.get(), {}, {}};
    earlier.answers = {{"p.maker", {" Medica SA ", "siège à Lyon"}},
                       {"p.antivirus", {"oui", ""}},
                       {"p.count", {"12", ""}},
                       {"p.network", {"4g", ""}},
                       {"p.old", {"ancienne", ""}},
                       {"p.contact", {"Camille", ""}}};
    earlier.documents = {{"p.certificate", 2}};
    ReuseSide current{newer.get(), {{"p.contact", {"Paul", ""}}}, {}};

    const ReusePlan plan = plan_reuse(earlier, current);
    const ReuseItem* maker = item_for(plan, "p.maker");
    ASSERT_TRUE(maker);
    EXPECT_EQ(maker->status, ReuseStatus::copied);
    EXPECT_EQ(maker->value, "Medica SA") << "normalised for the new question";
    EXPECT_EQ(maker->comment, "siège à Lyon");
    EXPECT_EQ(item_for(plan, "p.antivirus")->value, "oui");
    EXPECT_EQ(item_for(plan, "p.count")->status, ReuseStatus::kind_changed);
    EXPECT_FALSE(item_for(plan, "p.count")->reason.fr.empty());
    EXPECT_EQ(item_for(plan, "p.network")->status, ReuseStatus::refused) << "the 4G choice is gone";
    EXPECT_EQ(item_for(plan, "p.contact")->status, ReuseStatus::kept) << "answered already: kept";
    EXPECT_EQ(item_for(plan, "p.certificate")->status, ReuseStatus::copied);
    EXPECT_EQ(item_for(plan, "p.certificate")->documents, 2u);
    EXPECT_EQ(item_for(plan, "p.old")->status, ReuseStatus::gone);
    EXPECT_EQ(item_for(plan, "p.new_one"), nullptr) << "nothing to carry over";
    EXPECT_EQ(plan.items.back().question_id, "p.old") << "the gone ones come last";
    EXPECT_EQ(plan.count(ReuseStatus::copied), 3u);
    EXPECT_EQ(reuse_status_name(ReuseStatus::kind_changed), "kind_changed");
}

TEST(AnswerReuse, NothingToCarryOverFromAnEmptyResponseOrWithoutQuestionnaires) {
    const auto newer = load(kNewer, "2");
    EXPECT_TRUE(plan_reuse({newer.get(), {}, {}}, {newer.get(), {}, {}}).items.empty());
    EXPECT_TRUE(plan_reuse({nullptr, {}, {}}, {newer.get(), {}, {}}).items.empty());
    // A null value is no answer.
    EXPECT_TRUE(plan_reuse({newer.get(), {{"p.maker", {nullptr, ""}}}, {}}, {newer.get(), {}, {}}).items.empty());
}

}  // namespace
}  // namespace answer_reuse_test
