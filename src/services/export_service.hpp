#pragma once
// Exports of a purchase, for the hospital only: JSON (the purchase, its questionnaire version, its
// scoring grid and weights, vendors, answers, documents' metadata, reviews, opinions, events), CSV
// (one row per vendor and visible question, French Excel, with whether the answer is favourable
// and the severity of its point de vigilance), and the full archive (zip: export.json,
// questionnaire.yaml, scoring_grid.yaml, documents/<sha256>, manifest.json with the SHA-256 of each
// file) that import_archive restores into another instance. Invitation token hashes and other
// secrets are never exported.
#include <nlohmann/json.hpp>
#include <string>

#include "core/result.hpp"
#include "services/evaluation_service.hpp"
#include "services/response_service.hpp"

namespace cyberachat::services {

inline constexpr const char* kArchiveFormat = "cyberachat-acquisition";
inline constexpr int kArchiveFormatVersion = 2;  // 2: the hospital's evaluation (grid, weights, reviews, opinions)

class ExportService {
public:
    ExportService(store::Store& store, QuestionnaireCache& questionnaires, ResponseService& responses,
                  EvaluationService& evaluations)
        : store_(store), questionnaires_(questionnaires), responses_(responses), evaluations_(evaluations) {}

    // "not_found" for an unknown purchase.
    Result<nlohmann::json> acquisition_json(Id acquisition_id);
    Result<std::string> acquisition_csv(Id acquisition_id);
    Result<std::string> acquisition_archive(Id acquisition_id);

    // Restores an archive as a new purchase (new ids; the same titles, vendors, answers, comments,
    // statuses and byte-identical documents; the same grid, weights, reviews and opinions, each by
    // its author; invitation links are not restored: invite again). Archives of format 1 too.
    // Error "invalid_archive" (French/English message) for a corrupted or foreign file; nothing is
    // written then.
    Result<Acquisition> import_archive(const std::string& bytes, const std::string& actor);

private:
    store::Store& store_;
    QuestionnaireCache& questionnaires_;
    ResponseService& responses_;
    EvaluationService& evaluations_;
};

}  // namespace cyberachat::services
