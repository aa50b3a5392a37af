#pragma once
// JSON shapes of the hospital's evaluation (never sent to vendors).
#include <nlohmann/json.hpp>

#include "services/evaluation_service.hpp"

namespace cyberachat::web {

// GET /api/v1/responses/{id}/evaluation
nlohmann::json response_evaluation_json(const services::ResponseEvaluation& evaluation);
nlohmann::json support_report_json(const SupportReport& report);
// GET /api/v1/acquisitions/{id}/comparison (rows already filtered by the caller)
nlohmann::json comparison_json(const services::Comparison& comparison, const std::vector<ComparisonRow>& rows);

nlohmann::json review_json(const Review& review);
nlohmann::json opinion_json(const Opinion& opinion);
// GET /api/v1/responses/{id}/reviews
nlohmann::json reviews_json(const std::vector<Review>& reviews, const std::vector<Opinion>& opinions);

}  // namespace cyberachat::web
