#include "services/xlsx_import_service.hpp"

#include "outputs/xlsx/questionnaire_workbook.hpp"
#include "outputs/xlsx/workbook_reader.hpp"
#include "security/secrets.hpp"

namespace cyberachat::services {

using json = nlohmann::json;

Result<std::string> XlsxImportService::export_response(Id response_id, Language language) {
    TRY_ASSIGN(auto snapshot, responses_.load(response_id));
    xlsx::FilledAnswers filled;
    filled.response_id = response_id;
    filled.company = snapshot.response.company;
    for (const auto& [question_id, answer] : snapshot.answers) filled.answers[question_id] = Answer{answer.value, answer.comment};
    for (const auto& [question_id, documents] : snapshot.documents)
        for (const auto& document : documents) filled.document_names[question_id].push_back(document.file_name);
    return xlsx::write_questionnaire_workbook(*snapshot.questionnaire, language, &filled);
}

Result<ImportOutcome> XlsxImportService::import(Id response_id, std::string_view bytes, bool apply, Language language,
                                                const std::string& file_name, const Actor& actor) {
    if (bytes.size() > limits_.max_upload_bytes)
        return Error::make(ErrorCode::too_large,
                           "Le fichier dépasse la taille maximale (" + std::to_string(limits_.max_upload_bytes / (1024 * 1024)) + " Mo).",
                           "The file exceeds the maximum size (" + std::to_string(limits_.max_upload_bytes / (1024 * 1024)) + " MB).");
    if (bytes.empty()) return Error::make(ErrorCode::not_xlsx, "Le fichier est vide.", "The file is empty.");
    TRY_ASSIGN(auto snapshot, responses_.load_for_import(response_id));
    xlsx::ReadLimits read_limits;
    read_limits.max_uncompressed_bytes = limits_.max_uncompressed_bytes;
    TRY_ASSIGN(auto workbook, xlsx::read_workbook(bytes, read_limits));
    // What is stored now (documents: their comment only; their value is the files).
    AnswerSet current;
    for (const auto& [question_id, answer] : snapshot.answers) current[question_id] = Answer{answer.value, answer.comment};
    for (const auto& [question_id, documents] : snapshot.documents)
        for (const auto& document : documents) {
            auto& value = current[question_id].value;
            if (!value.is_array()) value = json::array();
            value.push_back(document.id);
        }
    TRY_ASSIGN(auto plan, xlsx::plan_import(*snapshot.questionnaire, current, workbook, language));

    ImportOutcome outcome;
    if (apply && !plan.changes.empty()) {
        // Each change is checked against the revision it was planned from: an answer saved by someone
        // else meanwhile makes the whole import fail (nothing written) rather than being overwritten.
        std::vector<store::AnswerChange> changes;
        for (const auto& change : plan.changes) {
            auto stored = snapshot.answers.find(change.question_id);
            const std::int64_t revision = stored == snapshot.answers.end() ? 0 : stored->second.revision;
            changes.push_back({change.question_id, change.value, change.comment, revision});
        }
        const json summary = {{"file", file_name},
                              {"imported", plan.count(xlsx::RowStatus::imported)},
                              {"unchanged", plan.count(xlsx::RowStatus::unchanged)},
                              {"rejected", plan.count(xlsx::RowStatus::rejected)},
                              {"ignored", plan.count(xlsx::RowStatus::ignored_branch) + plan.count(xlsx::RowStatus::ignored_document)}};
        auto saved = store_.responses.save_answers(response_id, changes, "import_xlsx", summary, actor.through(Via::xlsx));
        if (!saved && saved.error().code == ErrorCode::conflict)
            return Error::make(ErrorCode::conflict,
                               "Des réponses ont été modifiées par quelqu'un d'autre pendant l'import : rien n'a été importé. "
                               "Importez le fichier à nouveau pour voir l'aperçu à jour.",
                               "Some answers were changed by someone else during the import: nothing was imported. "
                               "Import the file again to see an up-to-date preview.");
        if (!saved) return saved.error();
        for (const auto& s : *saved) outcome.saved += s.changed ? 1 : 0;
    }
    outcome.applied = apply;
    outcome.plan = std::move(plan);
    return outcome;
}

Result<std::string> PendingUploads::put(Id response_id, const std::string& bytes, const std::string& file_name) {
    std::string token = security::random_token(24);
    TRY(repository_.put(security::sha256_hex(token), store::PendingUpload{response_id, file_name, bytes}, limits_));
    return token;
}

Result<PendingUploads::Upload> PendingUploads::find(const std::string& token, Id response_id) {
    if (token.empty()) return Error::make(ErrorCode::not_found, "Aperçu d'import introuvable.", "Import preview not found.");
    return repository_.find(security::sha256_hex(token), response_id, limits_.lifetime);
}

Result<void> PendingUploads::remove(const std::string& token) {
    return repository_.remove(security::sha256_hex(token), limits_.lifetime);
}

}  // namespace cyberachat::services
