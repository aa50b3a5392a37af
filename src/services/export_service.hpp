#pragma once
// Exports of a purchase, for the hospital only: JSON (the purchase, its questionnaire version, its
// scoring grid and weights, vendors, answers, documents' metadata, reviews, opinions, events), CSV
// (one row per vendor and visible question, French Excel, with whether the answer is favourable
// and the severity of its point de vigilance), and the full archive (zip: export.json,
// questionnaire.yaml, scoring_grid.yaml, documents/<sha256>, manifest.json with the SHA-256 of each
// file) that import_archive restores into another instance. Invitation token hashes and other
// secrets are never exported.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "services/evaluation_service.hpp"
#include "services/response_service.hpp"

namespace cyberachat::services {

inline constexpr const char* kArchiveFormat = "cyberachat-acquisition";
// 2: the hospital's evaluation (grid, weights, reviews, opinions); 3: documents' events (by document id)
inline constexpr int kArchiveFormatVersion = 3;

class ExportService {
public:
    ExportService(store::Store& store, QuestionnaireProvider& questionnaires, ResponseService& responses,
                  EvaluationService& evaluations)
        : store_(store), questionnaires_(questionnaires), responses_(responses), evaluations_(evaluations) {}

    // "not_found" for an unknown purchase.
    Result<nlohmann::json> acquisition_json(Id acquisition_id);
    Result<std::string> acquisition_csv(Id acquisition_id);
    Result<std::string> acquisition_archive(Id acquisition_id);

    // Restores an archive as a new purchase, identical but for the ids: the same fields, vendors,
    // answers (revisions, times, authors), statuses and submission times, byte-identical
    // documents, grid, weights, reviews and opinions (each by its author, at its time), and the
    // archived journal (ids mapped) followed by one "import" event by `actor` naming the archive's
    // SHA-256. In one transaction (store::ArchiveRestore): all or nothing. Invitation links are not
    // restored: invite again. Archives of formats 1 and 2 too. Error "invalid_archive"
    // (French/English message) for a corrupted, foreign or inconsistent file; no purchase is
    // written then. `lead`: the account that leads the restored purchase (the one restoring it from
    // the pages or the API, the one the command line names); without it, administrators appoint
    // its team.
    Result<Acquisition> import_archive(const std::string& bytes, const Actor& actor, std::optional<Id> lead = std::nullopt);

private:
    Result<Acquisition> restore_archive(const std::string& bytes, const Actor& actor);

    store::Store& store_;
    QuestionnaireProvider& questionnaires_;
    ResponseService& responses_;
    EvaluationService& evaluations_;
};

}  // namespace cyberachat::services
