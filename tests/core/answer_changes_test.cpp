// Which answers changed between two responses of one vendor, across two questionnaire versions:
// the base's order, questions of one version alone apart, empty values equal, documents by SHA-256.
#include "core/answer_changes.hpp"

#include <gtest/gtest.h>

#include "definition/definition_loader.hpp"

using namespace cyberachat;
using json = nlohmann::json;

namespace {

std::shared_ptr<const Questionnaire> load(const std::string& version, const std::string& questions) {
    const std::string yaml = R"Y(
questionnaire:
  id: test
  version: ")Y" + version + R"Y("
  title: {fr: "Test"}
parts:
  - id: p1
    title: {fr: "Partie 1"}
    sections:
      - id: p1.s1
        title: {fr: "S1"}
        questions:
)Y" + questions;
    LoadedDefinition loaded = load_definition(yaml, "test.yaml");
    std::string errors;
    for (const auto& error : loaded.errors) errors += error.to_string() + "\n";
    if (!loaded.ok()) throw std::runtime_error("test questionnaire does not load:\n" + errors);
    return loaded.questionnaire;
}

std::string question(const std::string& id, const std::string& kind) {
    return "          - id: " + id + "\n            kind: " + kind + "\n            label: {fr: \"" + id + "\"}\n";
}

struct Response {
    std::map<std::string, StoredAnswer> answers;
    std::map<std::string, std::vector<StoredDocument>> documents;
    void answer(const std::string& id, json value) {
        StoredAnswer stored;
        stored.question_id = id;
        stored.value = std::move(value);
        answers[id] = stored;
    }
    void attach(const std::string& id, const std::string& name, const std::string& sha256) {
        StoredDocument document;
        document.id = static_cast<Id>(documents.size() + 100);
        document.question_id = id;
        document.file_name = name;
        document.sha256 = sha256;
        documents[id].push_back(document);
    }
    AnswerSide side(const Questionnaire& questionnaire) const { return {&questionnaire, &answers, &documents}; }
};

std::vector<std::string> ids(const std::vector<const AnswerPair*>& pairs) {
    std::vector<std::string> out;
    for (const auto* pair : pairs) out.push_back(pair->question_id);
    return out;
}

class AnswerChanges : public ::testing::Test {
protected:
    // Version 1 has p1.gone; version 2 drops it, adds p1.added and p1.unanswered_new, and makes p1.kind a number.
    std::shared_ptr<const Questionnaire> v1 = load("1", question("p1.os", "text") + question("p1.gate", "yes_no") +
                                                            question("p1.proof", "document") + question("p1.gone", "text") +
                                                            question("p1.kind", "text") + question("p1.same", "text"));
    std::shared_ptr<const Questionnaire> v2 = load("2", question("p1.added", "text") + question("p1.unanswered_new", "text") +
                                                            question("p1.same", "text") + question("p1.kind", "number") +
                                                            question("p1.proof", "document") + question("p1.gate", "yes_no") +
                                                            question("p1.os", "text"));
};

TEST_F(AnswerChanges, ListsTheChangedAnswersInTheBasesOrderAndTheQuestionsOfOneVersionApart) {
    Response older, newer;
    older.answer("p1.os", "Windows 7");
    newer.answer("p1.os", "Windows 10 LTSC");
    older.answer("p1.gate", "oui");
    newer.answer("p1.gate", "oui");
    older.answer("p1.same", "Identique");
    newer.answer("p1.same", "Identique");
    older.answer("p1.gone", "Réponse à une question retirée");
    older.answer("p1.kind", "3");
    newer.answer("p1.kind", 3);
    newer.answer("p1.added", "Nouvelle question");

    const AnswerSide base = newer.side(*v2), other = older.side(*v1);
    const AnswerComparison comparison = compare_answers(base, other);
    ASSERT_EQ(comparison.rows.size(), v2->question_count());
    EXPECT_EQ(comparison.rows.front().question_id, "p1.added");  // the base's order
    EXPECT_EQ(comparison.rows.front().difference, AnswerDifference::only_in_base);
    ASSERT_EQ(comparison.only_in_other.size(), 1u);
    EXPECT_EQ(comparison.only_in_other[0].question_id, "p1.gone");
    EXPECT_EQ(comparison.only_in_other[0].base, nullptr);
    EXPECT_EQ(comparison.only_in_other[0].other, v1->find_question("p1.gone"));

    // The kind changed: different, whatever the values say (and the same while neither answered it: below).
    const auto* kind = &comparison.rows[3];
    ASSERT_EQ(kind->question_id, "p1.kind");
    EXPECT_TRUE(kind->kind_changed);
    EXPECT_EQ(kind->difference, AnswerDifference::different);

    // Changes: different ones, then the base's own answered questions in its order, then the other's.
    EXPECT_EQ(ids(comparison.changes(base, other)), (std::vector<std::string>{"p1.added", "p1.kind", "p1.os", "p1.gone"}));
}

TEST_F(AnswerChanges, NoValueAndEmptyValuesAreTheSameAnswer) {
    Response older, newer;
    older.answer("p1.os", "");
    older.answer("p1.same", nullptr);
    newer.answer("p1.gate", json::array());
    const AnswerSide base = newer.side(*v2), other = older.side(*v1);
    EXPECT_TRUE(compare_answers(base, other).changes(base, other).empty());
    newer.answer("p1.os", "Debian 13");
    EXPECT_EQ(ids(compare_answers(base, other).changes(base, other)), (std::vector<std::string>{"p1.os"}));
    EXPECT_FALSE(same_answer(*v2->find_question("p1.os"), base, *v1->find_question("p1.os"), other));
}

TEST_F(AnswerChanges, DocumentsAreComparedByTheirContentNotTheirNames) {
    Response older, newer;
    older.attach("p1.proof", "certificat.pdf", "aaaa");
    older.attach("p1.proof", "notice.pdf", "bbbb");
    newer.attach("p1.proof", "Notice v2.pdf", "bbbb");
    newer.attach("p1.proof", "Certificat CE.pdf", "aaaa");
    const AnswerSide base = newer.side(*v2), other = older.side(*v1);
    const Question& proof = *v2->find_question("p1.proof");
    EXPECT_TRUE(same_answer(proof, base, *v1->find_question("p1.proof"), other)) << "same files, renamed and reordered";

    newer.documents["p1.proof"].back().sha256 = "cccc";
    EXPECT_FALSE(same_answer(proof, base, *v1->find_question("p1.proof"), other));

    // A "not available" statement in place of files is a change; two identical statements are not.
    newer.documents.clear();
    newer.answer("p1.proof", json{{"unavailable", "En cours de certification"}});
    EXPECT_FALSE(same_answer(proof, base, *v1->find_question("p1.proof"), other));
    older.documents.clear();
    older.answer("p1.proof", json{{"unavailable", "En cours de certification"}});
    EXPECT_TRUE(same_answer(proof, base, *v1->find_question("p1.proof"), other));
    EXPECT_TRUE(base.answered("p1.proof"));
    EXPECT_FALSE(base.answered("p1.unanswered_new"));
}

}  // namespace
