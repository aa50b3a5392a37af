#include "services/manufacturer_import_service.hpp"

#include "core/answer_source.hpp"
#include "core/answer_validation.hpp"
#include "definition/mds2_crosswalk_loader.hpp"
#include "outputs/xlsx/mds2_workbook.hpp"
#include "security/secrets.hpp"
#include "store/repositories.hpp"

namespace cyberachat::services {

using json = nlohmann::json;

namespace {

Error too_large(size_t max_bytes) {
    const std::string mb = std::to_string(max_bytes / (1024 * 1024));
    return Error::make(ErrorCode::too_large, "Le fichier dépasse la taille maximale (" + mb + " Mo).",
                       "The file exceeds the maximum size (" + mb + " MB).");
}

Error changed_meanwhile() {
    return Error::make(ErrorCode::conflict,
                       "Des réponses ont été modifiées par quelqu'un d'autre pendant l'import : rien n'a été importé. "
                       "Importez le fichier à nouveau pour voir l'aperçu à jour.",
                       "Some answers were changed by someone else during the import: nothing was imported. "
                       "Import the file again to see an up-to-date preview.");
}


std::int64_t revision_of(const ResponseSnapshot& snapshot, const std::string& question_id) {
    const auto stored = snapshot.answers.find(question_id);
    return stored == snapshot.answers.end() ? 0 : stored->second.revision;
}

// Saves `changes`; a file newly kept for them is removed again when nothing could be saved.
Result<std::vector<store::SavedAnswer>> save_with_document(store::Store& store, Id response_id,
                                                           const std::vector<store::AnswerChange>& changes,
                                                           const std::string& action, const json& summary,
                                                           const Actor& actor, const StoredDocument& document,
                                                           bool document_is_new) {
    auto saved = store.responses.save_answers(response_id, changes, action, summary, actor);
    if (!saved && document_is_new) (void)store.documents.remove(document.id, actor);
    if (!saved && saved.error().code == ErrorCode::conflict) return changed_meanwhile();
    return saved;
}

bool kept_already(const ResponseSnapshot& snapshot, const std::string& slot, const std::string& sha256) {
    const auto kept = snapshot.documents.find(slot);
    if (kept == snapshot.documents.end()) return false;
    for (const auto& document : kept->second)
        if (document.sha256 == sha256) return true;
    return false;
}

}  // namespace

Result<ResponseSnapshot> ManufacturerImportService::load_target(Id response_id, const std::string& bytes, size_t max_bytes,
                                                                bool apply) {
    if (bytes.size() > max_bytes) return too_large(max_bytes);
    if (bytes.empty()) return Error::make(ErrorCode::invalid_value, "Le fichier est vide.", "The file is empty.");
    // A preview changes nothing: the hospital may hold a submitted response against the manufacturer's documents.
    if (!apply) return responses_.load(response_id);
    return responses_.load_for_import(response_id);
}

Result<Mds2ImportOutcome> ManufacturerImportService::import_mds2(Id response_id, const std::string& bytes,
                                                                 const std::string& file_name, bool apply,
                                                                 const std::set<std::string>& replace,
                                                                 const Actor& actor) {
    TRY_ASSIGN(auto snapshot, load_target(response_id, bytes, limits_.max_mds2_bytes, apply));
    TRY_ASSIGN(auto statement, xlsx::read_mds2_file(bytes));
    Mds2ImportOutcome outcome;
    outcome.plan = plan_mds2_import(*snapshot.questionnaire, builtin_mds2_crosswalk(), statement, snapshot.answer_set);  // documents: their ids
    outcome.questionnaire = snapshot.questionnaire;
    outcome.duplicated = statement.duplicated;
    outcome.sha256 = security::sha256_hex(bytes);
    if (!apply) return outcome;

    const bool is_new = !kept_already(snapshot, kMds2DocumentSlot, outcome.sha256);
    TRY_ASSIGN(auto document, responses_.add_manufacturer_document(snapshot, kMds2DocumentSlot, file_name, bytes, actor));
    outcome.document_id = document.id;
    std::vector<store::AnswerChange> changes;
    size_t replaced = 0;
    for (const Mds2Proposal& proposal : outcome.plan.proposals) {
        const bool wanted = proposal.status == Mds2ProposalStatus::imported ||
                            (proposal.status == Mds2ProposalStatus::conflict && replace.count(proposal.question_id));
        if (!wanted) continue;
        replaced += proposal.status == Mds2ProposalStatus::conflict ? 1 : 0;
        store::AnswerChange change{proposal.question_id, proposal.value, "", revision_of(snapshot, proposal.question_id)};
        if (auto stored = snapshot.answers.find(proposal.question_id); stored != snapshot.answers.end())
            change.comment = stored->second.comment;  // the vendor's comment stays
        change.source = answer_source_json({"mds2", document.file_name, document.sha256, proposal.source_ids});
        changes.push_back(std::move(change));
    }
    const json summary = {{"file", document.file_name},
                          {"sha256", document.sha256},
                          {"lines", outcome.plan.lines},
                          {"imported", outcome.plan.count(Mds2ProposalStatus::imported)},
                          {"replaced", replaced},
                          {"conflicts_kept", outcome.plan.count(Mds2ProposalStatus::conflict) - replaced},
                          {"already_answered", outcome.plan.count(Mds2ProposalStatus::already_answered)},
                          {"unmapped", outcome.plan.unmapped_ids.size()}};
    TRY_ASSIGN(auto saved, save_with_document(store_, response_id, changes, "import_mds2", summary, actor, document, is_new));
    for (const auto& one : saved) outcome.saved += one.changed ? 1 : 0;
    outcome.applied = true;
    return outcome;
}

Result<SbomImportOutcome> ManufacturerImportService::import_sbom(Id response_id, const std::string& bytes,
                                                                 const std::string& file_name, bool apply,
                                                                 const Actor& actor) {
    TRY_ASSIGN(auto snapshot, load_target(response_id, bytes, limits_.max_sbom_bytes, apply));
    const Question* list = snapshot.questionnaire->find_question(kSoftwareListQuestionId);
    if (!list || !takes_sbom_rows(*list))
        return Error::make(ErrorCode::invalid_value,
                           "Le questionnaire de cet achat n'a pas de liste des logiciels installés à remplir depuis un SBOM.",
                           "This purchase's questionnaire has no list of installed software to fill from an SBOM.");
    TRY_ASSIGN(auto sbom, parse_sbom(bytes));
    SbomImportOutcome outcome;
    const auto stored = snapshot.answers.find(std::string(kSoftwareListQuestionId));
    const json current = stored == snapshot.answers.end() ? json() : stored->second.value;
    outcome.merge = merge_sbom_into_software_list(current, sbom, kMaxTableRows);
    outcome.sha256 = security::sha256_hex(bytes);
    outcome.sbom = std::move(sbom);
    if (!apply) return outcome;

    TRY_ASSIGN(auto value, normalize_answer(*list, outcome.merge.rows));
    const bool is_new = !kept_already(snapshot, kSbomDocumentSlot, outcome.sha256);
    TRY_ASSIGN(auto document, responses_.add_manufacturer_document(snapshot, kSbomDocumentSlot, file_name, bytes, actor));
    outcome.document_id = document.id;
    std::vector<store::AnswerChange> changes;
    if (outcome.merge.added > 0) {
        store::AnswerChange change{std::string(kSoftwareListQuestionId), value,
                                   stored == snapshot.answers.end() ? std::string() : stored->second.comment,
                                   revision_of(snapshot, std::string(kSoftwareListQuestionId))};
        change.source = answer_source_json({"sbom", document.file_name, document.sha256, {}});
        changes.push_back(std::move(change));
    }
    const json summary = {{"file", document.file_name},
                          {"sha256", document.sha256},
                          {"format", outcome.sbom.format + " " + outcome.sbom.version},
                          {"declared", outcome.sbom.declared},
                          {"added", outcome.merge.added},
                          {"already_listed", outcome.merge.already_listed},
                          {"merged_duplicates", outcome.sbom.merged_duplicates},
                          {"left_out", outcome.merge.left_out},
                          {"operating_systems", outcome.sbom.operating_systems}};
    TRY_ASSIGN(auto saved, save_with_document(store_, response_id, changes, "import_sbom", summary, actor, document, is_new));
    outcome.saved = !saved.empty() && saved.front().changed;
    outcome.applied = true;
    return outcome;
}

}  // namespace cyberachat::services
