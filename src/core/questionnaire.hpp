#pragma once
// The questionnaire model: parts → sections (the seed's pages) → questions. Built by the
// definition loader, read by everything else; immutable once loaded.
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/condition.hpp"
#include "core/localized_text.hpp"
#include "core/question_kind.hpp"

namespace cyberachat {

struct Choice {
    std::string id;
    LocalizedText label;
};

// A column of a table, or a sub-field of a contact block.
struct Field {
    std::string id;
    LocalizedText label;
    QuestionKind kind = QuestionKind::text;
};

struct Question {
    std::string id;
    QuestionKind kind = QuestionKind::text;
    LocalizedText label;
    LocalizedText help;
    bool required = true;
    std::string unit;
    std::optional<double> min;
    std::optional<double> max;
    std::vector<Choice> choices;
    std::vector<Field> fields;
    std::string show_if_text;
    ConditionPtr show_if;  // null: always shown (when its section is)
    int line = 0;          // line in the definition file

    size_t index = 0;          // ordinal in the questionnaire
    size_t section_index = 0;  // ordinal of its section
    size_t part_index = 0;

    const Choice* find_choice(std::string_view id_or_label) const;
};

struct Section {
    std::string id;
    LocalizedText title;
    LocalizedText note;  // the seed's "informations complémentaires"
    std::string show_if_text;
    ConditionPtr show_if;
    std::vector<Question> questions;
    int line = 0;

    size_t index = 0;
    size_t part_index = 0;
};

struct Part {
    std::string id;
    LocalizedText title;
    LocalizedText short_title;  // for tabs and navigation ("Dispositif"); falls back to title
    std::vector<Section> sections;
    int line = 0;
    size_t index = 0;
};

struct ContentText {
    std::string id;
    LocalizedText title;
    LocalizedText body;
};

struct Source {
    LocalizedText title;
    std::vector<std::string> authors;
    std::string institution;
    std::string doi;
    std::string permalink;
    std::vector<std::string> references;
};

class Questionnaire {
public:
    std::string id;
    std::string version;
    LocalizedText title;
    Source source;
    std::vector<ContentText> content;
    std::vector<Part> parts;

    // Call once the parts are filled: numbers parts, sections and questions and builds the indexes.
    void build_index();

    size_t question_count() const { return questions_.size(); }
    size_t section_count() const { return sections_.size(); }
    const std::vector<const Question*>& questions() const { return questions_; }
    const std::vector<const Section*>& sections() const { return sections_; }

    const Question* find_question(std::string_view id) const;
    const Section* find_section(std::string_view id) const;
    const Part* find_part(std::string_view id) const;
    const ContentText* find_content(std::string_view id) const;

private:
    std::vector<const Question*> questions_;
    std::vector<const Section*> sections_;
    std::unordered_map<std::string, size_t> question_by_id_;
    std::unordered_map<std::string, size_t> section_by_id_;
};

}  // namespace cyberachat
