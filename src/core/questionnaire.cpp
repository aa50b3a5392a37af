#include "core/questionnaire.hpp"

namespace cyberachat {

const Choice* Question::find_choice(std::string_view id_or_label) const {
    for (const auto& choice : choices)
        if (choice.id == id_or_label) return &choice;
    for (const auto& choice : choices)
        if ((!choice.label.fr.empty() && choice.label.fr == id_or_label) ||
            (!choice.label.en.empty() && choice.label.en == id_or_label))
            return &choice;
    return nullptr;
}

void Questionnaire::build_index() {
    questions_.clear();
    sections_.clear();
    question_by_id_.clear();
    section_by_id_.clear();
    for (size_t p = 0; p < parts.size(); ++p) {
        Part& part = parts[p];
        part.index = p;
        for (Section& section : part.sections) {
            section.index = sections_.size();
            section.part_index = p;
            section_by_id_.emplace(section.id, section.index);
            sections_.push_back(&section);
            for (Question& question : section.questions) {
                question.index = questions_.size();
                question.section_index = section.index;
                question.part_index = p;
                question_by_id_.emplace(question.id, question.index);
                questions_.push_back(&question);
            }
        }
    }
}

const Question* Questionnaire::find_question(std::string_view id) const {
    auto it = question_by_id_.find(std::string(id));
    return it == question_by_id_.end() ? nullptr : questions_[it->second];
}

const Section* Questionnaire::find_section(std::string_view id) const {
    auto it = section_by_id_.find(std::string(id));
    return it == section_by_id_.end() ? nullptr : sections_[it->second];
}

const Part* Questionnaire::find_part(std::string_view id) const {
    for (const auto& part : parts)
        if (part.id == id) return &part;
    return nullptr;
}

const ContentText* Questionnaire::find_content(std::string_view id) const {
    for (const auto& text : content)
        if (text.id == id) return &text;
    return nullptr;
}

}  // namespace cyberachat
