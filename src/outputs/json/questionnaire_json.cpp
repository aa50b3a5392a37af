#include "outputs/json/questionnaire_json.hpp"

#include "core/answer_validation.hpp"

namespace cyberachat {

using json = nlohmann::json;

json localized_json(const LocalizedText& text) { return json{{"fr", text.fr}, {"en", text.en}}; }

static json nullable(const std::string& text) { return text.empty() ? json() : json(text); }

json question_json(const Question& question) {
    json choices = json::array();
    for (const auto& choice : question.choices)
        choices.push_back({{"id", choice.id}, {"label", localized_json(choice.label)}});
    json fields = json::array();
    for (const auto& field : question.fields)
        fields.push_back({{"id", field.id}, {"label", localized_json(field.label)},
                          {"kind", std::string(question_kind_name(field.kind))}});
    json out = {
        {"id", question.id},
        {"kind", std::string(question_kind_name(question.kind))},
        {"label", localized_json(question.label)},
        {"required", question.required},
        {"show_if", nullable(question.show_if_text)},
        {"unit", nullable(question.unit)},
        {"choices", choices},
        {"fields", fields},
    };
    if (!question.help.empty()) out["help"] = localized_json(question.help);
    if (question.min) out["min"] = *question.min;
    if (question.max) out["max"] = *question.max;
    return out;
}

json questionnaire_json(const Questionnaire& questionnaire) {
    json parts = json::array();
    for (const auto& part : questionnaire.parts) {
        json sections = json::array();
        for (const auto& section : part.sections) {
            json questions = json::array();
            for (const auto& question : section.questions) questions.push_back(question_json(question));
            sections.push_back({{"id", section.id},
                                {"title", localized_json(section.title)},
                                {"show_if", nullable(section.show_if_text)},
                                {"note", section.note.empty() ? json() : localized_json(section.note)},
                                {"questions", questions}});
        }
        parts.push_back({{"id", part.id},
                         {"title", localized_json(part.title)},
                         {"short_title", localized_json(part.short_title)},
                         {"sections", sections}});
    }
    json content = json::array();
    for (const auto& text : questionnaire.content)
        content.push_back({{"id", text.id}, {"title", localized_json(text.title)}, {"body", localized_json(text.body)}});
    const Source& source = questionnaire.source;
    return json{
        {"id", questionnaire.id},
        {"version", questionnaire.version},
        {"title", localized_json(questionnaire.title)},
        {"source",
         {{"title", localized_json(source.title)},
          {"authors", source.authors},
          {"institution", source.institution},
          {"doi", source.doi},
          {"permalink", source.permalink},
          {"references", source.references}}},
        {"content", content},
        {"parts", parts},
    };
}

json progress_json(const Questionnaire& questionnaire, const Evaluation& evaluation) {
    json progress = json::object();
    for (const auto& part : questionnaire.parts) progress[part.id] = evaluation.parts[part.index].percent();
    progress["overall"] = evaluation.overall.percent();
    return progress;
}

json evaluation_json(const Questionnaire& questionnaire, const Evaluation& evaluation,
                     const std::vector<InvalidAnswer>& invalid) {
    json visible_sections = json::array(), visible_questions = json::array(), hidden = json::array(),
         missing = json::array(), invalid_list = json::array();
    for (const Section* section : questionnaire.sections())
        if (evaluation.is_visible(*section)) visible_sections.push_back(section->id);
    for (const Question* question : questionnaire.questions())
        if (evaluation.is_visible(*question)) visible_questions.push_back(question->id);
    for (size_t index : evaluation.hidden_answered) hidden.push_back(questionnaire.questions()[index]->id);
    for (size_t index : evaluation.missing_required) missing.push_back(questionnaire.questions()[index]->id);
    for (const auto& item : invalid)
        invalid_list.push_back({{"id", item.question_id}, {"message", item.message.fr}, {"message_en", item.message.in(Language::en)}});
    return json{{"visible_sections", visible_sections}, {"visible_questions", visible_questions},
                {"hidden_answered", hidden},            {"missing_required", missing},
                {"invalid", invalid_list},              {"progress", progress_json(questionnaire, evaluation)}};
}

void normalize_answers(const Questionnaire& questionnaire, const json& raw, AnswerSet& answers,
                       std::vector<InvalidAnswer>& invalid) {
    for (const auto& [id, value] : raw.items()) {
        const Question* question = questionnaire.find_question(id);
        if (!question) {
            invalid.push_back({id, "Question inconnue dans ce questionnaire.", "Unknown question in this questionnaire."});
            continue;
        }
        auto normalized = normalize_answer(*question, value);
        if (!normalized) {
            invalid.push_back({id, normalized.error().message});
            continue;
        }
        answers[id] = Answer{std::move(normalized.value()), {}};
    }
}

}  // namespace cyberachat
