// The built-in AFIB questionnaire: loads cleanly, has its four parts, is fully bilingual, and the
// embedded copy is the file on disk.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/answer_validation.hpp"
#include "definition/builtin_questionnaire.hpp"
#include "definition/definition_loader.hpp"

using namespace cyberachat;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

}  // namespace

TEST(AfibQuestionnaire, LoadsWithoutErrors) {
    LoadedDefinition loaded = load_definition(builtin_afib_yaml(), kBuiltinAfibName);
    std::string errors;
    for (const auto& e : loaded.errors) errors += e.to_string() + "\n";
    ASSERT_TRUE(loaded.ok()) << errors;
    ASSERT_NO_THROW(builtin_afib());
    ASSERT_NE(builtin_afib(), nullptr);
    EXPECT_EQ(builtin_afib().get(), builtin_afib().get()) << "loaded once";
}

TEST(AfibQuestionnaire, Header) {
    const Questionnaire& q = *builtin_afib();
    EXPECT_EQ(q.id, "afib");
    EXPECT_FALSE(q.version.empty());
    EXPECT_FALSE(q.title.fr.empty());
    EXPECT_FALSE(q.title.en.empty());
}

TEST(AfibQuestionnaire, FourPartsInOrder) {
    const Questionnaire& q = *builtin_afib();
    ASSERT_EQ(q.parts.size(), 4u);
    EXPECT_EQ(q.parts[0].id, "dispositif");
    EXPECT_EQ(q.parts[1].id, "serveurs");
    EXPECT_EQ(q.parts[2].id, "logiciels");
    EXPECT_EQ(q.parts[3].id, "maintenance");
    for (const auto& part : q.parts) {
        EXPECT_FALSE(part.title.fr.empty()) << part.id;
        EXPECT_FALSE(part.title.en.empty()) << part.id;
        EXPECT_FALSE(part.sections.empty()) << part.id;
    }
}

TEST(AfibQuestionnaire, EveryQuestionHasFrenchAndEnglishLabels) {
    const Questionnaire& q = *builtin_afib();
    ASSERT_GT(q.question_count(), 100u);
    for (const Question* question : q.questions()) {
        EXPECT_FALSE(question->label.fr.empty()) << question->id;
        EXPECT_FALSE(question->label.en.empty()) << question->id << " has no English label";
        if (!question->help.empty()) {
            EXPECT_FALSE(question->help.en.empty()) << question->id << " help has no English";
        }
        for (const auto& choice : question->choices) {
            EXPECT_FALSE(choice.label.fr.empty()) << question->id << " choice " << choice.id;
            EXPECT_FALSE(choice.label.en.empty()) << question->id << " choice " << choice.id << " has no English";
        }
        for (const auto& field : question->fields) {
            EXPECT_FALSE(field.label.fr.empty()) << question->id << " field " << field.id;
            EXPECT_FALSE(field.label.en.empty()) << question->id << " field " << field.id << " has no English";
        }
    }
}

TEST(AfibQuestionnaire, EverySectionHasAnEnglishTitleAndEveryNoteHasEnglish) {
    const Questionnaire& q = *builtin_afib();
    size_t notes = 0;
    for (const Section* section : q.sections()) {
        EXPECT_FALSE(section->title.fr.empty()) << section->id;
        EXPECT_FALSE(section->title.en.empty()) << section->id << " has no English title";
        if (!section->note.empty()) {
            ++notes;
            EXPECT_FALSE(section->note.fr.empty()) << section->id << " note has no French";
            EXPECT_FALSE(section->note.en.empty()) << section->id << " note has no English";
        }
    }
    EXPECT_GT(notes, 0u) << "the seed's pages carry notes (informations complémentaires)";
}

TEST(AfibQuestionnaire, IdsAreUniqueAcrossPartsSectionsAndQuestions) {
    const Questionnaire& q = *builtin_afib();
    std::set<std::string> ids;
    size_t count = 0;
    for (const auto& part : q.parts) {
        ids.insert(part.id);
        ++count;
        for (const auto& section : part.sections) {
            EXPECT_TRUE(ids.insert(section.id).second) << "duplicate id " << section.id;
            ++count;
            for (const auto& question : section.questions) {
                EXPECT_TRUE(ids.insert(question.id).second) << "duplicate id " << question.id;
                ++count;
                std::set<std::string> choices;
                for (const auto& choice : question.choices)
                    EXPECT_TRUE(choices.insert(choice.id).second) << question.id << " duplicate choice " << choice.id;
            }
        }
    }
    EXPECT_EQ(ids.size(), count);
}

TEST(AfibQuestionnaire, SectionAndQuestionIdsStartWithTheirPartId) {
    const Questionnaire& q = *builtin_afib();
    for (const auto& part : q.parts)
        for (const auto& section : part.sections) {
            EXPECT_TRUE(starts_with(section.id, part.id + ".")) << section.id;
            for (const auto& question : section.questions)
                EXPECT_TRUE(starts_with(question.id, part.id + ".")) << question.id;
        }
}

TEST(AfibQuestionnaire, ContentTextsExist) {
    const Questionnaire& q = *builtin_afib();
    for (const char* id : {"foreword", "four_parts", "when_to_use", "how_to", "terminology", "attribution"}) {
        const ContentText* text = q.find_content(id);
        ASSERT_NE(text, nullptr) << "content text '" << id << "' is missing";
        EXPECT_FALSE(text->title.fr.empty()) << id;
        EXPECT_FALSE(text->title.en.empty()) << id;
        EXPECT_FALSE(text->body.fr.empty()) << id;
        EXPECT_FALSE(text->body.en.empty()) << id;
    }
}

// The seed's order: foreword, when to use, how to use, the four parts; then our own texts.
TEST(AfibQuestionnaire, ContentTextsComeInTheSeedsOrder) {
    const Questionnaire& q = *builtin_afib();
    std::vector<std::string> ids;
    for (const auto& text : q.content) ids.push_back(text.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"foreword", "when_to_use", "how_to", "four_parts", "terminology", "attribution"}));
}

// Exports, the comparison and the PDFs show a label without its page: no two questions share one,
// and no two pages share a title, in either language.
TEST(AfibQuestionnaire, EveryLabelAndPageTitleStandsAlone) {
    const Questionnaire& q = *builtin_afib();
    for (Language language : {Language::fr, Language::en}) {
        std::map<std::string, std::string> labels;
        for (const Question* question : q.questions()) {
            auto [it, inserted] = labels.emplace(question->label.in(language), question->id);
            EXPECT_TRUE(inserted) << question->id << " and " << it->second << " share the label « " << it->first << " »";
        }
        std::map<std::string, std::string> titles;
        for (const Section* section : q.sections()) {
            auto [it, inserted] = titles.emplace(section->title.in(language), section->id);
            EXPECT_TRUE(inserted) << section->id << " and " << it->second << " share the title « " << it->first << " »";
        }
    }
}

// The date of first placing on the market may be known only as a year.
TEST(AfibQuestionnaire, DateOfFirstPlacingOnTheMarketAcceptsAYearAlone) {
    const Question* date = builtin_afib()->find_question("dispositif.date_premiere_mise_sur_le_marche");
    ASSERT_NE(date, nullptr);
    for (const char* given : {"2015", "15/06/2021", "2021-06-15"}) {
        auto value = normalize_answer(*date, given);
        ASSERT_TRUE(value.ok()) << given;
        EXPECT_EQ(*value, given);
    }
    EXPECT_NE(date->help.fr.find("AAAA"), std::string::npos) << "the help says a year is enough";
}

TEST(AfibQuestionnaire, SourceCitesTheDoi) {
    const Source& source = builtin_afib()->source;
    EXPECT_NE(source.doi.find("10.34746/ids213"), std::string::npos) << source.doi;
    EXPECT_FALSE(source.title.fr.empty());
    EXPECT_FALSE(source.authors.empty());
    EXPECT_FALSE(source.institution.empty());
}

TEST(AfibQuestionnaire, KeyBranchesExist) {
    const Questionnaire& q = *builtin_afib();
    const Question* poste = q.find_question("dispositif.poste_standard");
    ASSERT_NE(poste, nullptr);
    EXPECT_EQ(poste->kind, QuestionKind::yes_no);
    const Section* prerequis = q.find_section("dispositif.prerequis_poste");
    ASSERT_NE(prerequis, nullptr);
    EXPECT_NE(prerequis->show_if, nullptr);
    const Section* materiel = q.find_section("dispositif.materiel_fourni");
    ASSERT_NE(materiel, nullptr);
    EXPECT_NE(materiel->show_if, nullptr);
}

TEST(AfibQuestionnaire, EmbeddedCopyEqualsTheFileOnDisk) {
    const std::string path = std::string(CYB_SOURCE_DIR) + "/questionnaires/afib.yaml";
    const std::string on_disk = read_file(path);
    ASSERT_FALSE(on_disk.empty()) << path;
    EXPECT_TRUE(on_disk == builtin_afib_yaml())
        << path << " differs from the embedded copy (" << on_disk.size() << " vs " << builtin_afib_yaml().size()
        << " bytes): rebuild";
}

TEST(AfibQuestionnaire, FileOnDiskLoadsWithoutErrors) {
    LoadedDefinition loaded = load_definition_file(std::string(CYB_SOURCE_DIR) + "/questionnaires/afib.yaml");
    std::string errors;
    for (const auto& e : loaded.errors) errors += e.to_string() + "\n";
    EXPECT_TRUE(loaded.ok()) << errors;
}
