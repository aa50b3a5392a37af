// A section page's fingerprint changes exactly when what the page shows of its own answers does.
#include "core/section_fingerprint.hpp"

#include <gtest/gtest.h>

#include "definition/definition_loader.hpp"

using namespace cyberachat;

namespace {

const std::string kTwoSections = R"Y(
questionnaire:
  id: fp
  version: "1"
  title: {fr: "Empreinte"}
parts:
  - id: p1
    title: {fr: "Partie 1"}
    sections:
      - id: p1.s1
        title: {fr: "S1"}
        questions:
          - id: p1.a
            kind: text
            label: {fr: "A"}
          - id: p1.doc
            kind: document
            label: {fr: "Document"}
      - id: p1.s2
        title: {fr: "S2"}
        questions:
          - id: p1.b
            kind: text
            label: {fr: "B"}
)Y";

struct Page {
    std::shared_ptr<const Questionnaire> questionnaire;
    std::map<std::string, StoredAnswer> answers;
    std::map<std::string, std::vector<StoredDocument>> documents;
    bool read_only = false;

    std::string of(const std::string& section_id) const {
        return section_fingerprint(*questionnaire, *questionnaire->find_section(section_id), answers, documents, read_only);
    }
    void answer(const std::string& question_id, std::int64_t revision) {
        StoredAnswer& stored = answers[question_id];
        stored.question_id = question_id;
        stored.value = "valeur " + std::to_string(revision);
        stored.revision = revision;
    }
};

Page load_page(const std::string& yaml = kTwoSections) {
    LoadedDefinition loaded = load_definition(yaml, "fp.yaml");
    if (!loaded.ok()) throw std::runtime_error("fp.yaml does not load");
    return Page{loaded.questionnaire, {}, {}, false};
}

}  // namespace

TEST(SectionFingerprint, IsTheSameForTheSameStateAndShortHex) {
    Page page = load_page();
    page.answer("p1.a", 2);
    const std::string first = page.of("p1.s1");
    EXPECT_EQ(first, page.of("p1.s1"));
    EXPECT_EQ(first.size(), 16u);
    EXPECT_EQ(first.find_first_not_of("0123456789abcdef"), std::string::npos) << first;
    EXPECT_NE(first, page.of("p1.s2")) << "each section has its own";
}

TEST(SectionFingerprint, ChangesWithARevisionOfTheSectionsOwnAnswersOnly) {
    Page page = load_page();
    page.answer("p1.a", 1);
    const std::string s1 = page.of("p1.s1"), s2 = page.of("p1.s2");
    page.answer("p1.a", 2);
    EXPECT_NE(page.of("p1.s1"), s1) << "its answer changed";
    EXPECT_EQ(page.of("p1.s2"), s2) << "an answer of another section: updated in place, no reload";
    page.answer("p1.b", 1);
    EXPECT_NE(page.of("p1.s2"), s2) << "a first answer (revision 0 before)";
}

TEST(SectionFingerprint, ChangesWithTheFilesTheLockAndTheQuestionnaireVersion) {
    Page page = load_page();
    const std::string before = page.of("p1.s1");
    StoredDocument document;
    document.id = 41;
    document.question_id = "p1.doc";
    page.documents["p1.doc"].push_back(document);
    const std::string with_file = page.of("p1.s1");
    EXPECT_NE(with_file, before) << "a file attached";
    page.documents["p1.doc"][0].id = 42;
    EXPECT_NE(page.of("p1.s1"), with_file) << "another file in its place";
    page.documents.clear();
    EXPECT_EQ(page.of("p1.s1"), before);
    page.read_only = true;
    EXPECT_NE(page.of("p1.s1"), before) << "submitted or locked: the page has no form any more";

    std::string v2 = kTwoSections;
    v2.replace(v2.find("version: \"1\""), 12, "version: \"2\"");
    EXPECT_NE(load_page(v2).of("p1.s1"), before) << "a new version of the questionnaire (a question added)";
}
