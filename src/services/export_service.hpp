#pragma once
// Exports of a purchase: JSON (the purchase, its questionnaire version, vendors, answers, documents'
// metadata, events), CSV (one row per vendor and visible question, French Excel), and the full
// archive (zip: export.json, questionnaire.yaml, documents/<sha256>, manifest.json with the SHA-256
// of each file) that import_archive restores into another instance. Invitation token hashes and
// other secrets are never exported.
#include <nlohmann/json.hpp>
#include <string>

#include "core/result.hpp"
#include "services/response_service.hpp"

namespace cyberachat::services {

inline constexpr const char* kArchiveFormat = "cyberachat-acquisition";
inline constexpr int kArchiveFormatVersion = 1;

class ExportService {
public:
    ExportService(store::Store& store, QuestionnaireCache& questionnaires, ResponseService& responses)
        : store_(store), questionnaires_(questionnaires), responses_(responses) {}

    // "not_found" for an unknown purchase.
    Result<nlohmann::json> acquisition_json(Id acquisition_id);
    Result<std::string> acquisition_csv(Id acquisition_id);
    Result<std::string> acquisition_archive(Id acquisition_id);

    // Restores an archive as a new purchase (new ids; the same titles, vendors, answers, comments,
    // statuses and byte-identical documents; invitation links are not restored: invite again).
    // Error "invalid_archive" (French/English message) for a corrupted or foreign file; nothing is
    // written then.
    Result<Acquisition> import_archive(const std::string& bytes, const std::string& actor);

private:
    store::Store& store_;
    QuestionnaireCache& questionnaires_;
    ResponseService& responses_;
};

}  // namespace cyberachat::services
