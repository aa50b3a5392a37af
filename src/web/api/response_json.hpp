#pragma once
// JSON shapes of responses shared by the hospital and vendor APIs.
#include <string_view>

#include <nlohmann/json.hpp>

#include "outputs/json/questionnaire_json.hpp"  // progress_json
#include "services/response_service.hpp"

namespace cyberachat::web {

nlohmann::json document_json(const StoredDocument& document);
nlohmann::json missing_required_json(const Questionnaire& questionnaire, const Evaluation& evaluation);
nlohmann::json visible_ids_json(const Questionnaire& questionnaire, const Evaluation& evaluation, bool sections);

// Hospital view: GET /api/v1/responses/{id}.
nlohmann::json hospital_response_json(const services::ResponseSnapshot& snapshot);
// Vendor view: GET /api/v1/vendor/response (its own answers only; nothing internal to the hospital).
nlohmann::json vendor_response_json(const services::ResponseSnapshot& snapshot);
// GET /api/v1/vendor/sections/{id}/state: what a shown section page compares with its own.
nlohmann::json section_state_json(const services::ResponseSnapshot& snapshot, const Section& section);
// After a save: the answer, then what the branching now shows and its digest ("state",
// core/branching_digest.hpp) — the digest alone ("state_unchanged": true) when it is
// `known_state`, the one the page sent.
nlohmann::json saved_answer_json(const services::SaveAnswerResult& saved, std::string_view known_state = {});

}  // namespace cyberachat::web
