#include "services/response_service.hpp"

#include "core/added_question.hpp"

#include "core/text_format.hpp"
#include "services/mail_service.hpp"

#include <algorithm>

#include "core/answer_validation.hpp"
#include "core/deadline.hpp"
#include "core/document_answer.hpp"
#include "core/utf8.hpp"
#include "security/secrets.hpp"

namespace cyberachat::services {

using json = nlohmann::json;

namespace {

Error submitted_error() {
    return Error::make(ErrorCode::submitted, "La réponse a été soumise : elle n'est plus modifiable.",
                       "The response has been submitted: it can no longer be changed.");
}

Error unknown_question(const std::string& id) {
    return Error::make(ErrorCode::not_found, "Question inconnue : " + id, "Unknown question: " + id);
}

// A document question's value as posted (its files come by add_document): absent keeps the stored
// value, null withdraws the statement "not available", otherwise that statement with its reason —
// refused while files are attached (they answer the question already).
Result<json> document_statement(const ResponseSnapshot& snapshot, const Question& question,
                                const std::optional<json>& raw) {
    if (!raw) {
        auto stored = snapshot.answers.find(question.id);
        return stored != snapshot.answers.end() ? stored->second.value : json();
    }
    if (raw->is_null()) return json();
    if (!is_unavailable_document(*raw))
        return Error::make(ErrorCode::invalid_value,
                           "Les documents se déposent comme fichiers ; seule la mention « non disponible », avec sa "
                           "raison, s'envoie comme valeur ({\"unavailable\": \"raison\"}).",
                           "Documents are uploaded as files; only the statement \"not available\", with its reason, is "
                           "sent as a value ({\"unavailable\": \"reason\"}).");
    if (auto files = snapshot.documents.find(question.id); files != snapshot.documents.end() && !files->second.empty())
        return Error::make(ErrorCode::invalid_value,
                           "Des fichiers sont joints à cette question : retirez-les avant de déclarer le document non disponible.",
                           "Files are attached to this question: remove them before stating that the document is not available.");
    return normalize_unavailable_document(*raw);
}

}  // namespace

Result<ResponseSnapshot> ResponseService::load(Id response_id) {
    TRY_ASSIGN(auto response, store_.responses.find(response_id));
    return load(std::move(response));
}

Result<VendorResponse> ResponseService::find_by_invitation_token(const std::string& token) {
    return store_.responses.find_by_token_hash(security::sha256_hex(token));
}

Result<ResponseSnapshot> ResponseService::load(VendorResponse response) {
    TRY_ASSIGN(auto acquisition, store_.acquisitions.find(response.acquisition_id));
    return load(std::move(response), std::move(acquisition));
}

Result<ResponseSnapshot> ResponseService::load(VendorResponse response, Acquisition acquisition) {
    ResponseSnapshot snapshot;
    const Id response_id = response.id;
    const std::int64_t revision = response.revision;
    snapshot.response = std::move(response);
    snapshot.acquisition = std::move(acquisition);
    TRY_ASSIGN(snapshot.questionnaire, questionnaires_.get(snapshot.acquisition.questionnaire_version_id));
    if (auto kept = snapshots_.find(response_id, revision);
        kept && kept->questionnaire_version_id == snapshot.acquisition.questionnaire_version_id) {
        snapshot.answers = kept->answers;
        snapshot.documents = kept->documents;
        snapshot.answer_set = kept->answer_set;
        snapshot.evaluation = kept->evaluation;
        snapshot.new_questions = kept->new_questions;
        snapshot.lock = response_lock(snapshot.acquisition, snapshot.response, clock_.now_utc_seconds());
        snapshot.exact_revision = revision;
        return snapshot;
    }

    TRY_ASSIGN(auto answers, store_.responses.answers(response_id));
    TRY_ASSIGN(auto documents, store_.documents.list_for(response_id));
    for (auto& answer : answers) {
        snapshot.answer_set[answer.question_id] = Answer{answer.value, answer.comment};
        snapshot.answers.emplace(answer.question_id, std::move(answer));
    }
    for (auto& document : documents) {
        auto& value = snapshot.answer_set[document.question_id].value;
        if (!value.is_array()) value = json::array();
        value.push_back(document.id);
        snapshot.documents[document.question_id].push_back(std::move(document));
    }
    snapshot.evaluation = evaluate(*snapshot.questionnaire, snapshot.answer_set);
    if (!snapshot.response.opened_at.empty()) {
        TRY_ASSIGN(const auto added, store_.questionnaire_library.added_questions(snapshot.acquisition.id));
        for (const auto& id : questions_new_to(snapshot.response, added))
            if (snapshot.questionnaire->find_question(id)) snapshot.new_questions.insert(id);
    }
    snapshot.lock = response_lock(snapshot.acquisition, snapshot.response, clock_.now_utc_seconds());
    // Kept only if nothing changed while it was read: the revision is still the one of the row.
    if (auto now = store_.responses.revision(response_id); now && *now == revision) {
        snapshot.exact_revision = revision;
        keep(snapshot);
    }
    return snapshot;
}

void ResponseService::keep(const ResponseSnapshot& snapshot) {
    if (snapshot.exact_revision < 0) return;
    auto state = std::make_shared<LoadedResponseState>();
    state->questionnaire_version_id = snapshot.acquisition.questionnaire_version_id;
    state->answers = snapshot.answers;
    state->documents = snapshot.documents;
    state->answer_set = snapshot.answer_set;
    state->evaluation = snapshot.evaluation;
    state->new_questions = snapshot.new_questions;
    snapshots_.store(snapshot.response.id, snapshot.exact_revision, std::move(state));
}

Result<void> ResponseService::check_changes_allowed(const ResponseSnapshot& snapshot, bool ignore_submitted) const {
    const ResponseLock lock = response_lock(snapshot.acquisition, snapshot.response, clock_.now_utc_seconds(), ignore_submitted);
    const LocalizedText message = response_lock_message(lock, snapshot.acquisition, snapshot.response);
    switch (lock) {
        case ResponseLock::none: return {};
        case ResponseLock::submitted: return submitted_error();
        case ResponseLock::withdrawn: return Error::make(ErrorCode::forbidden, message.fr, message.en);
        case ResponseLock::not_open:
        case ResponseLock::closed: return Error::make(ErrorCode::purchase_closed, message.fr, message.en);
        case ResponseLock::archived: return Error::make(ErrorCode::archived, message.fr, message.en);
        case ResponseLock::deadline_passed: {
            const std::string deadline = effective_deadline(snapshot.acquisition, snapshot.response);
            return Error::make(ErrorCode::deadline_passed, message.fr, message.en)
                .with_payload({{"deadline", deadline}, {"deadline_text", format_deadline(deadline, Language::fr)}});
        }
    }
    return {};
}

Result<SaveAnswerResult> ResponseService::save_answer(Id response_id, const std::string& question_id,
                                                      const std::optional<json>& raw,
                                                      const std::optional<std::string>& comment,
                                                      std::int64_t base_revision, const Actor& actor) {
    TRY_ASSIGN(auto before, load(response_id));
    return save_answer_on(std::move(before), question_id, raw, comment, base_revision, actor);
}

Result<SaveAnswerResult> ResponseService::save_answer(VendorResponse response, Acquisition acquisition,
                                                      const std::string& question_id, const std::optional<json>& raw,
                                                      const std::optional<std::string>& comment,
                                                      std::int64_t base_revision, const Actor& actor) {
    TRY_ASSIGN(auto before, load(std::move(response), std::move(acquisition)));
    return save_answer_on(std::move(before), question_id, raw, comment, base_revision, actor);
}

Result<SaveAnswerResult> ResponseService::save_answer_on(ResponseSnapshot before, const std::string& question_id,
                                                         const std::optional<json>& raw,
                                                         const std::optional<std::string>& comment,
                                                         std::int64_t base_revision, const Actor& actor) {
    const Id response_id = before.response.id;
    TRY(check_changes_allowed(before));
    const Question* question = before.questionnaire->find_question(question_id);
    if (!question) return unknown_question(question_id);

    json value;
    if (question->kind == QuestionKind::document) {
        auto statement = document_statement(before, *question, raw);
        if (!statement) return statement.error();
        value = std::move(statement.value());
    } else {
        auto normalized = normalize_answer(*question, raw.value_or(json()));
        if (!normalized) return normalized.error();
        value = std::move(normalized.value());
    }
    std::string new_comment = comment ? *comment : (before.answers.count(question_id) ? before.answers[question_id].comment : "");
    if (longer_than(new_comment, kMaxCommentCharacters))
        return Error::make(ErrorCode::invalid_value, "Le commentaire est trop long (5 000 caractères au plus).",
                           "The comment is too long (at most 5,000 characters).");

    TRY_ASSIGN(auto saved, store_.responses.save_answer(response_id, question_id, value, new_comment, base_revision, actor));
    SaveAnswerResult result;
    result.answer = std::move(saved.answer);
    result.changed = saved.changed;
    // Re-evaluate from the snapshot we hold, updated with the saved answer (no second read).
    before.answers[question_id] = result.answer;
    if (question->kind != QuestionKind::document || !before.documents.count(question_id))
        before.answer_set[question_id] = Answer{result.answer.value, result.answer.comment};
    else
        before.answer_set[question_id].comment = result.answer.comment;
    before.evaluation = evaluate(*before.questionnaire, before.answer_set);
    // Exact as of the revision the save left, if it was exact as of the one the save found.
    before.exact_revision = before.exact_revision >= 0 && saved.response_revision_before == before.exact_revision
                                ? saved.response_revision_after
                                : -1;
    before.response.revision = before.exact_revision >= 0 ? before.exact_revision : before.response.revision;
    keep(before);
    result.snapshot = std::move(before);
    return result;
}

Result<SectionSaveResult> ResponseService::save_section(Id response_id, const std::string& section_id,
                                                       const std::map<std::string, PostedAnswer>& posted,
                                                       const Actor& actor) {
    TRY_ASSIGN(auto before, load(response_id));
    TRY(check_changes_allowed(before));
    const Section* section = before.questionnaire->find_section(section_id);
    if (!section) return Error::make(ErrorCode::not_found, "Section inconnue : " + section_id, "Unknown section: " + section_id);

    SectionSaveResult result;
    std::vector<store::AnswerChange> changes;
    for (const auto& [question_id, answer] : posted) {
        const Question* question = before.questionnaire->find_question(question_id);
        if (!question || before.questionnaire->sections()[question->section_index] != section) continue;
        auto stored = before.answers.find(question_id);
        const json current_value = stored != before.answers.end() ? stored->second.value : json();
        const std::string current_comment = stored != before.answers.end() ? stored->second.comment : "";
        json value = current_value;
        if (answer.has_value_field && question->kind == QuestionKind::document) {
            auto statement = document_statement(before, *question, answer.raw);
            if (!statement) {
                result.refused.emplace(question_id, statement.error());
                result.typed.emplace(question_id, answer.raw);
                continue;
            }
            value = std::move(statement.value());
        } else if (answer.has_value_field) {
            auto normalized = normalize_answer(*question, answer.raw);
            if (!normalized) {
                result.refused.emplace(question_id, normalized.error());
                result.typed.emplace(question_id, answer.raw);
                continue;
            }
            value = std::move(normalized.value());
        }
        const std::string comment = answer.comment.value_or(current_comment);
        if (longer_than(comment, kMaxCommentCharacters)) {
            result.refused.emplace(question_id, Error::make(ErrorCode::invalid_value,
                                                            "Le commentaire est trop long (5 000 caractères au plus).",
                                                            "The comment is too long (at most 5,000 characters)."));
            continue;
        }
        if (value == current_value && comment == current_comment) continue;  // nothing changed here
        changes.push_back({question_id, value, comment, answer.base_revision});
    }
    if (!changes.empty()) {
        TRY_ASSIGN(auto saved, store_.responses.save_answers(response_id, changes, {}, {}, actor,
                                                             store::OnConflict::keep_stored));
        for (const auto& one : saved) {
            if (one.conflicted)
                result.refused.emplace(one.answer.question_id,
                                       Error::make(ErrorCode::conflict,
                                                   "Cette réponse a été modifiée entre-temps par une autre personne ; voici sa version. "
                                                   "Vérifiez-la puis enregistrez à nouveau si besoin.",
                                                   "This answer was changed meanwhile by someone else; here is their version. "
                                                   "Check it and save again if needed."));
            else if (one.changed)
                ++result.saved;
        }
    }
    if (result.saved == 0) {
        result.snapshot = std::move(before);
        return result;
    }
    TRY_ASSIGN(result.snapshot, load(response_id));
    return result;
}

Result<void> ResponseService::check_document_room(const ResponseSnapshot& snapshot, const std::string& bytes) const {
    if (bytes.size() > limits_.max_document_bytes)
        return Error::make(ErrorCode::too_large,
                           "Le fichier dépasse la taille maximale (" + std::to_string(limits_.max_document_bytes / (1024 * 1024)) + " Mo).",
                           "The file exceeds the maximum size (" + std::to_string(limits_.max_document_bytes / (1024 * 1024)) + " MB).");
    if (bytes.empty()) return Error::make(ErrorCode::invalid_value, "Le fichier est vide.", "The file is empty.");
    // The response's storage quota: what its documents take already, plus this one. (Two uploads
    // at the same instant may both pass: the quota is exceeded by one document at most.)
    std::uint64_t used = 0;
    for (const auto& [question, documents] : snapshot.documents)
        for (const auto& document : documents) used += static_cast<std::uint64_t>(std::max<std::int64_t>(document.size, 0));
    if (used + bytes.size() > limits_.max_response_bytes) {
        const auto mb = [](std::uint64_t n) { return std::to_string((n + 1024 * 1024 - 1) / (1024 * 1024)); };
        return Error::make(ErrorCode::too_large,
                           "Espace de stockage de cette réponse épuisé : les documents envoyés occupent " + mb(used) +
                               " Mo sur " + mb(limits_.max_response_bytes) +
                               " Mo. Retirez un document devenu inutile, ou demandez à l'établissement d'augmenter la limite.",
                           "This response's storage is full: the documents sent take " + mb(used) + " MB of " +
                               mb(limits_.max_response_bytes) +
                               " MB. Remove a document you no longer need, or ask the hospital to raise the limit.");
    }
    return {};
}

Result<StoredDocument> ResponseService::add_manufacturer_document(const ResponseSnapshot& snapshot, const std::string& slot,
                                                                  const std::string& file_name, const std::string& bytes,
                                                                  const Actor& actor) {
    const std::string sha256 = security::sha256_hex(bytes);
    if (auto kept = snapshot.documents.find(slot); kept != snapshot.documents.end())
        for (const auto& document : kept->second)
            if (document.sha256 == sha256) return document;  // the same file again: kept once
    TRY(check_document_room(snapshot, bytes));
    return store_.documents.add(snapshot.response.id, slot, file_name, bytes, actor);
}

Result<ResponseSnapshot> ResponseService::load_for_import(Id response_id) {
    TRY_ASSIGN(auto snapshot, load(response_id));
    if (snapshot.lock == ResponseLock::submitted)
        return Error::make(ErrorCode::submitted,
                           "La réponse a été soumise : elle n'est plus modifiable, l'import est refusé.",
                           "The response has been submitted: it can no longer be changed, the import is refused.");
    TRY(check_changes_allowed(snapshot));  // deadline passed, purchase closed or archived
    return snapshot;
}

Result<StoredDocument> ResponseService::add_document(Id response_id, const std::string& question_id,
                                                     const std::string& file_name, const std::string& bytes,
                                                     const Actor& actor) {
    TRY_ASSIGN(auto snapshot, load(response_id));
    TRY(check_changes_allowed(snapshot));
    const Question* question = snapshot.questionnaire->find_question(question_id);
    if (!question) return unknown_question(question_id);
    if (question->kind != QuestionKind::document)
        return Error::make(ErrorCode::invalid_value, "Cette question n'attend pas de document.", "This question does not take documents.");
    TRY(check_document_room(snapshot, bytes));
    TRY_ASSIGN(auto added, store_.documents.add(response_id, question_id, file_name, bytes, actor));
    // A file given answers the question: the statement "not available" it replaces is withdrawn.
    if (auto stored = snapshot.answers.find(question_id);
        stored != snapshot.answers.end() && is_unavailable_document(stored->second.value))
        TRY(store_.responses.save_answer(response_id, question_id, json(), stored->second.comment, -1, actor));
    return added;
}

Result<void> ResponseService::delete_document(Id response_id, Id document_id, const Actor& actor) {
    TRY_ASSIGN(auto document, store_.documents.find(document_id));
    if (document.response_id != response_id)
        return Error::make(ErrorCode::not_found, "Document introuvable.", "Document not found.");
    TRY_ASSIGN(auto response, store_.responses.find(response_id));
    ResponseSnapshot bare;  // the response and its purchase are all the lock looks at
    bare.response = std::move(response);
    TRY_ASSIGN(bare.acquisition, store_.acquisitions.find(bare.response.acquisition_id));
    TRY(check_changes_allowed(bare));
    return store_.documents.remove(document_id, actor);
}

Result<std::vector<OpenClarification>> ResponseService::open_clarifications(Id response_id) {
    TRY_ASSIGN(auto reviews, store_.reviews.list_for(response_id));
    return cyberachat::open_clarifications(reviews);
}

Result<void> ResponseService::answer_clarification(Id response_id, const std::string& question_id,
                                                   const std::optional<json>& raw, const std::string& explanation,
                                                   const Actor& actor) {
    TRY_ASSIGN(auto snapshot, load(response_id));
    TRY(check_changes_allowed(snapshot, /*ignore_submitted=*/true));
    TRY_ASSIGN(const auto open, open_clarifications(response_id));
    const bool asked = std::any_of(open.begin(), open.end(), [&](const auto& c) { return c.question_id == question_id; });
    const Question* question = snapshot.questionnaire->find_question(question_id);
    if (!asked || !question)
        return Error::make(ErrorCode::not_found, "Aucune précision n'est demandée sur cette question.",
                           "No clarification is requested on this question.");
    if (explanation.empty())
        return Error::make(ErrorCode::invalid_value, "Écrivez votre précision.", "Write your clarification.");
    if (longer_than(explanation, kMaxCommentCharacters))
        return Error::make(ErrorCode::invalid_value, "La précision est trop longue (5 000 caractères au plus).",
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
    if (mail_) (void)mail_->clarification_answered(response_id, question_id, explanation, actor);  // to the team
    return {};
}

Result<void> ResponseService::submit(Id response_id, const Actor& actor) {
    TRY_ASSIGN(auto snapshot, load(response_id));
    TRY(check_changes_allowed(snapshot));
    if (!snapshot.evaluation.is_complete()) {
        json missing = json::array();
        for (size_t index : snapshot.evaluation.missing_required) missing.push_back(snapshot.questionnaire->questions()[index]->id);
        return Error::make(ErrorCode::incomplete,
                           count_with_noun(snapshot.evaluation.missing_required.size(), "réponse obligatoire manquante",
                                           "réponses obligatoires manquantes", Language::fr) + ".",
                           count_with_noun(snapshot.evaluation.missing_required.size(), "required answer", "required answers",
                                           Language::en) + " missing.")
            .with_payload({{"missing_required", std::move(missing)}});
    }
    // Within this vendor's deadline, but after the purchase's own: only an extension allows it.
    const bool late = deadline_passed(snapshot.acquisition.deadline, clock_.now_utc_seconds());
    TRY(store_.responses.submit(response_id, actor, late));
    // The vendor's receipt (its documents' fingerprints) and the team's notice; the submission
    // stands whatever the outbox says.
    if (mail_) {
        if (!snapshot.response.email.empty()) (void)mail_->submission_receipt(response_id, actor);
        (void)mail_->vendor_submitted(response_id, actor);
    }
    return {};
}

Result<void> ResponseService::reopen(Id response_id, const Actor& actor) {
    TRY_ASSIGN(auto response, store_.responses.find(response_id));
    if (response.status != ResponseStatus::submitted)
        return Error::make(ErrorCode::conflict, "La réponse n'est pas soumise.", "The response is not submitted.");
    TRY(store_.responses.reopen(response_id, actor));
    if (mail_ && !response.email.empty()) (void)mail_->response_reopened(response_id, actor);
    return {};
}

}  // namespace cyberachat::services
