#include "web/api/response_json.hpp"

#include "core/answer_source.hpp"
#include "core/branching_digest.hpp"
#include "core/deadline.hpp"
#include "core/document_answer.hpp"
#include "core/purchase_title.hpp"
#include "core/response_state.hpp"
#include "core/section_fingerprint.hpp"

#include "outputs/json/questionnaire_json.hpp"

namespace cyberachat::web {

using json = nlohmann::json;

json document_json(const StoredDocument& document) {
    return {{"id", document.id},           {"question_id", document.question_id}, {"file_name", document.file_name},
            {"size", document.size},       {"sha256", document.sha256},           {"content_type", document.content_type},
            {"created_at", document.created_at}};
}

json missing_required_json(const Questionnaire& questionnaire, const Evaluation& evaluation) {
    json ids = json::array();
    for (size_t index : evaluation.missing_required) ids.push_back(questionnaire.questions()[index]->id);
    return ids;
}

json visible_ids_json(const Questionnaire& questionnaire, const Evaluation& evaluation, bool sections) {
    json ids = json::array();
    if (sections) {
        for (const Section* section : questionnaire.sections())
            if (evaluation.is_visible(*section)) ids.push_back(section->id);
    } else {
        for (const Question* question : questionnaire.questions())
            if (evaluation.is_visible(*question)) ids.push_back(question->id);
    }
    return ids;
}

// Visible sections with every required question answered (the side navigation's "Complète").
static json complete_sections_json(const Questionnaire& questionnaire, const Evaluation& evaluation) {
    json ids = json::array();
    for (const Section* section : questionnaire.sections())
        if (evaluation.sections.at(section->index).complete()) ids.push_back(section->id);
    return ids;
}

static json documents_json(const services::ResponseSnapshot& snapshot) {
    json documents = json::array();
    for (const auto& [question_id, list] : snapshot.documents)
        for (const auto& document : list) documents.push_back(document_json(document));
    return documents;
}

// Where a value came from: {"kind": "mds2"|"sbom", "file", "sha256", "lines"}, or {"kind": "reuse",
// "response": the earlier response}; null when typed.
static json answer_source_value(const std::string& stored) {
    const auto source = parse_answer_source(stored);
    if (!source) return nullptr;
    if (source->kind == "reuse") return {{"kind", "reuse"}, {"response", source->response}};
    return {{"kind", source->kind}, {"file", source->file}, {"sha256", source->sha256}, {"lines", source->lines}};
}

json hospital_response_json(const services::ResponseSnapshot& snapshot) {
    const Questionnaire& questionnaire = *snapshot.questionnaire;
    const Evaluation& evaluation = snapshot.evaluation;
    json answers = json::object();
    for (const auto& [question_id, answer] : snapshot.answers)
        answers[question_id] = {{"value", answer.value},           {"comment", answer.comment},
                                {"revision", answer.revision},     {"updated_at", answer.updated_at},
                                {"updated_by", answer.updated_by}, {"source", answer_source_value(answer.source)},
                                {"visible", questionnaire.find_question(question_id) &&
                                                                                   evaluation.is_visible(*questionnaire.find_question(question_id))}};
    json hidden = json::array();
    for (size_t index : evaluation.hidden_answered) hidden.push_back(questionnaire.questions()[index]->id);
    const VendorResponse& response = snapshot.response;
    return {{"id", response.id},
            {"acquisition_id", response.acquisition_id},
            {"company", response.company},
            {"contact_name", response.contact_name},
            {"email", response.email},
            {"language", response.language},
            {"status", std::string(response_status_name(response.status))},
            {"state", std::string(response_state_name(response_state(response)))},
            {"submitted_at", response.submitted_at.empty() ? json() : json(response.submitted_at)},
            {"deadline", effective_deadline(snapshot.acquisition, response)},
            {"own_deadline", response.deadline},
            {"withdrawn_at", response.withdrawn_at.empty() ? json() : json(response.withdrawn_at)},
            {"link_active", !response.invite_token_hash.empty()},
            {"questionnaire", {{"id", questionnaire.id}, {"version", questionnaire.version}}},
            {"answers", answers},
            {"visible_sections", visible_ids_json(questionnaire, evaluation, true)},
            {"visible_questions", visible_ids_json(questionnaire, evaluation, false)},
            {"hidden_answered", hidden},
            {"missing_required", missing_required_json(questionnaire, evaluation)},
            {"progress", progress_json(questionnaire, evaluation)},
            {"documents", documents_json(snapshot)}};
}

json vendor_response_json(const services::ResponseSnapshot& snapshot) {
    const Questionnaire& questionnaire = *snapshot.questionnaire;
    const Evaluation& evaluation = snapshot.evaluation;
    json sections = json::array();
    for (const Section* section : questionnaire.sections()) {
        json questions = json::array();
        for (const Question& question : section->questions) {
            auto answer = snapshot.answers.find(question.id);
            json value = answer != snapshot.answers.end() ? answer->second.value : json();
            if (question.kind == QuestionKind::document) {
                // Its files, or (none attached) the statement {"unavailable": reason}, or [].
                const bool stated = is_unavailable_document(value);
                if (!stated) value = json::array();
                if (auto docs = snapshot.documents.find(question.id); docs != snapshot.documents.end() && !docs->second.empty()) {
                    value = json::array();
                    for (const auto& document : docs->second) value.push_back(document_json(document));
                }
            }
            questions.push_back({{"id", question.id},
                                 {"kind", std::string(question_kind_name(question.kind))},
                                 {"visible", evaluation.is_visible(question)},
                                 {"required", question.required},
                                 {"value", value},
                                 {"comment", answer != snapshot.answers.end() ? answer->second.comment : ""},
                                 {"revision", answer != snapshot.answers.end() ? answer->second.revision : 0},
                                 // added to the purchase after the vendor first opened its link
                                 {"new", snapshot.new_questions.count(question.id) > 0}});
        }
        sections.push_back({{"id", section->id},
                            {"visible", evaluation.is_visible(*section)},
                            {"complete", evaluation.sections[section->index].complete()},
                            {"questions", questions}});
    }
    const std::string deadline = effective_deadline(snapshot.acquisition, snapshot.response);
    return {{"status", std::string(response_status_name(snapshot.response.status))},
            {"state", std::string(response_state_name(response_state(snapshot.response)))},
            {"submitted_at", snapshot.response.submitted_at.empty() ? json() : json(snapshot.response.submitted_at)},
            {"deadline", deadline},  // the one that holds for this vendor (its own extension, else the purchase's)
            {"deadline_text", format_deadline(deadline, snapshot.response.language == "en" ? Language::en : Language::fr)},
            {"read_only", snapshot.read_only()},
            {"read_only_reason", snapshot.lock == ResponseLock::none ? json() : json(response_lock_name(snapshot.lock))},
            {"acquisition", {{"title", title_for(snapshot.acquisition, snapshot.response.language)},
                             {"equipment", snapshot.acquisition.equipment},
                             {"deadline", snapshot.acquisition.deadline}, {"status", snapshot.acquisition.status}}},
            {"questionnaire", {{"id", questionnaire.id}, {"version", questionnaire.version}}},
            {"sections", sections},
            {"progress", progress_json(questionnaire, evaluation)},
            {"missing_required", missing_required_json(questionnaire, evaluation)}};
}

json section_state_json(const services::ResponseSnapshot& snapshot, const Section& section) {
    const Questionnaire& questionnaire = *snapshot.questionnaire;
    return {{"section", section.id},
            {"read_only", snapshot.read_only()},
            {"fingerprint", section_fingerprint(questionnaire, section, snapshot.answers, snapshot.documents,
                                                snapshot.read_only())},
            {"visible_sections", visible_ids_json(questionnaire, snapshot.evaluation, true)},
            {"complete_sections", complete_sections_json(questionnaire, snapshot.evaluation)},
            {"visible_questions", visible_ids_json(questionnaire, snapshot.evaluation, false)},
            {"progress", progress_json(questionnaire, snapshot.evaluation)},
            {"state", branching_digest(questionnaire, snapshot.evaluation)}};
}

json saved_answer_json(const services::SaveAnswerResult& saved, std::string_view known_state) {
    const auto& snapshot = saved.snapshot;
    const Questionnaire& questionnaire = *snapshot.questionnaire;
    std::string state = branching_digest(questionnaire, snapshot.evaluation);
    json body = {{"question_id", saved.answer.question_id},
                 {"value", saved.answer.value},
                 {"comment", saved.answer.comment},
                 {"revision", saved.answer.revision},
                 {"changed", saved.changed}};
    // The page already shows this branching: the digest alone, not the lists again.
    if (!known_state.empty() && known_state == state) {
        body["state"] = std::move(state);
        body["state_unchanged"] = true;
        return body;
    }
    body["visible_sections"] = visible_ids_json(questionnaire, snapshot.evaluation, true);
    body["complete_sections"] = complete_sections_json(questionnaire, snapshot.evaluation);
    body["visible_questions"] = visible_ids_json(questionnaire, snapshot.evaluation, false);
    body["missing_required"] = missing_required_json(questionnaire, snapshot.evaluation);
    body["progress"] = progress_json(questionnaire, snapshot.evaluation);
    body["state"] = std::move(state);
    body["state_unchanged"] = false;
    return body;
}

}  // namespace cyberachat::web
