#include "services/response_service.hpp"

#include <algorithm>

#include "core/answer_validation.hpp"

namespace cyberachat::services {

using json = nlohmann::json;

namespace {

Error submitted_error() {
    return Error::make("submitted", "La réponse a été soumise : elle n'est plus modifiable.",
                       "The response has been submitted: it can no longer be changed.");
}

Error unknown_question(const std::string& id) {
    return Error::make("not_found", "Question inconnue : " + id, "Unknown question: " + id);
}

}  // namespace

Result<ResponseSnapshot> ResponseService::load(Id response_id) {
    auto response = store_.responses.find(response_id);
    if (!response) return Error::make("not_found", "Réponse introuvable.", "Response not found.");
    return load(std::move(*response));
}

Result<ResponseSnapshot> ResponseService::load(VendorResponse response) {
    ResponseSnapshot snapshot;
    const Id response_id = response.id;
    snapshot.response = std::move(response);
    auto acquisition = store_.acquisitions.find(snapshot.response.acquisition_id);
    if (!acquisition) return Error::make("not_found", "Achat introuvable.", "Purchase not found.");
    snapshot.acquisition = std::move(*acquisition);
    TRY_ASSIGN(snapshot.questionnaire, questionnaires_.get(snapshot.acquisition.questionnaire_version_id));

    for (auto& answer : store_.responses.answers(response_id)) {
        snapshot.answer_set[answer.question_id] = Answer{answer.value, answer.comment};
        snapshot.answers.emplace(answer.question_id, std::move(answer));
    }
    for (auto& document : store_.documents.list_for(response_id)) {
        auto& value = snapshot.answer_set[document.question_id].value;
        if (!value.is_array()) value = json::array();
        value.push_back(document.id);
        snapshot.documents[document.question_id].push_back(std::move(document));
    }
    snapshot.evaluation = evaluate(*snapshot.questionnaire, snapshot.answer_set);
    return snapshot;
}

Result<SaveAnswerResult> ResponseService::save_answer(Id response_id, const std::string& question_id, const json& raw,
                                                      const std::optional<std::string>& comment,
                                                      std::int64_t base_revision, const std::string& actor) {
    TRY_ASSIGN(auto before, load(response_id));
    if (before.submitted()) return submitted_error();
    const Question* question = before.questionnaire->find_question(question_id);
    if (!question) return unknown_question(question_id);

    json value;
    if (question->kind == QuestionKind::document) {
        if (!raw.is_null())
            return Error::make("invalid_value", "Les documents se déposent comme fichiers, pas comme valeur.",
                               "Documents are uploaded as files, not sent as a value.");
    } else {
        auto normalized = normalize_answer(*question, raw);
        if (!normalized) return normalized.error();
        value = std::move(normalized.value());
    }
    std::string new_comment = comment ? *comment : (before.answers.count(question_id) ? before.answers[question_id].comment : "");
    if (new_comment.size() > 5000)
        return Error::make("invalid_value", "Le commentaire est trop long (5 000 caractères au plus).",
                           "The comment is too long (at most 5,000 characters).");

    TRY_ASSIGN(auto saved, store_.responses.save_answer(response_id, question_id, value, new_comment, base_revision, actor));
    SaveAnswerResult result;
    result.answer = std::move(saved.answer);
    result.changed = saved.changed;
    // Re-evaluate from the snapshot we hold, updated with the saved answer (no second read).
    before.answers[question_id] = result.answer;
    if (question->kind != QuestionKind::document) before.answer_set[question_id] = Answer{result.answer.value, result.answer.comment};
    else before.answer_set[question_id].comment = result.answer.comment;
    before.evaluation = evaluate(*before.questionnaire, before.answer_set);
    result.snapshot = std::move(before);
    return result;
}

Result<StoredDocument> ResponseService::add_document(Id response_id, const std::string& question_id,
                                                     const std::string& file_name, const std::string& bytes,
                                                     const std::string& actor) {
    TRY_ASSIGN(auto snapshot, load(response_id));
    if (snapshot.submitted()) return submitted_error();
    const Question* question = snapshot.questionnaire->find_question(question_id);
    if (!question) return unknown_question(question_id);
    if (question->kind != QuestionKind::document)
        return Error::make("invalid", "Cette question n'attend pas de document.", "This question does not take documents.");
    if (bytes.size() > limits_.max_document_bytes)
        return Error::make("too_large",
                           "Le fichier dépasse la taille maximale (" + std::to_string(limits_.max_document_bytes / (1024 * 1024)) + " Mo).",
                           "The file exceeds the maximum size (" + std::to_string(limits_.max_document_bytes / (1024 * 1024)) + " MB).");
    if (bytes.empty()) return Error::make("invalid", "Le fichier est vide.", "The file is empty.");
    return store_.documents.add(response_id, question_id, file_name, bytes, actor);
}

Result<void> ResponseService::delete_document(Id response_id, Id document_id, const std::string& actor) {
    auto document = store_.documents.find(document_id);
    if (!document || document->response_id != response_id)
        return Error::make("not_found", "Document introuvable.", "Document not found.");
    auto response = store_.responses.find(response_id);
    if (!response) return Error::make("not_found", "Réponse introuvable.", "Response not found.");
    if (response->status == ResponseStatus::submitted) return submitted_error();
    return store_.documents.remove(document_id, actor);
}

std::vector<OpenClarification> ResponseService::open_clarifications(Id response_id) {
    return cyberachat::open_clarifications(store_.reviews.list_for(response_id));
}

Result<void> ResponseService::answer_clarification(Id response_id, const std::string& question_id,
                                                   const std::optional<json>& raw, const std::string& explanation,
                                                   const std::string& actor) {
    TRY_ASSIGN(auto snapshot, load(response_id));
    const auto open = open_clarifications(response_id);
    const bool asked = std::any_of(open.begin(), open.end(), [&](const auto& c) { return c.question_id == question_id; });
    const Question* question = snapshot.questionnaire->find_question(question_id);
    if (!asked || !question)
        return Error::make("not_found", "Aucune précision n'est demandée sur cette question.",
                           "No clarification is requested on this question.");
    if (explanation.empty())
        return Error::make("invalid_value", "Écrivez votre précision.", "Write your clarification.");
    if (explanation.size() > 5000)
        return Error::make("invalid_value", "La précision est trop longue (5 000 caractères au plus).",
                           "The clarification is too long (at most 5,000 characters).");
    auto stored = snapshot.answers.find(question_id);
    json value = stored != snapshot.answers.end() ? stored->second.value : json();
    if (raw && question->kind != QuestionKind::document) {
        auto normalized = normalize_answer(*question, *raw);
        if (!normalized) return normalized.error();
        value = std::move(normalized.value());
    }
    TRY(store_.responses.save_answer(response_id, question_id, value, explanation, -1, actor));
    Review answered;
    answered.response_id = response_id;
    answered.question_id = question_id;
    answered.status = "answered";
    answered.comment = explanation;
    answered.author_role = "vendor";
    TRY(store_.reviews.add(answered, actor));
    return {};
}

Result<void> ResponseService::submit(Id response_id, const std::string& actor) {
    TRY_ASSIGN(auto snapshot, load(response_id));
    if (snapshot.submitted()) return submitted_error();
    if (!snapshot.evaluation.is_complete())
        return Error::make("incomplete",
                           std::to_string(snapshot.evaluation.missing_required.size()) + " réponse(s) obligatoire(s) manquante(s).",
                           std::to_string(snapshot.evaluation.missing_required.size()) + " required answer(s) missing.");
    return store_.responses.submit(response_id, actor);
}

Result<void> ResponseService::reopen(Id response_id, const std::string& actor) {
    auto response = store_.responses.find(response_id);
    if (!response) return Error::make("not_found", "Réponse introuvable.", "Response not found.");
    if (response->status != ResponseStatus::submitted)
        return Error::make("conflict", "La réponse n'est pas soumise.", "The response is not submitted.");
    return store_.responses.reopen(response_id, actor);
}

}  // namespace cyberachat::services
