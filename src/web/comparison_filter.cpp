#include "web/comparison_filter.hpp"

#include "web/http_io.hpp"

namespace cyberachat::web {

namespace {

bool flag(const httplib::Request& req, const char* name) {
    const std::string value = form_value(req, name);
    return value == "1" || value == "true" || value == "on" || value == "oui";
}

}  // namespace

Result<ComparisonFilter> comparison_filter_from(const httplib::Request& req, const Questionnaire& questionnaire) {
    ComparisonFilter filter;
    filter.only_differences = flag(req, "differences");
    filter.only_vigilance = flag(req, "vigilance");
    filter.part_id = form_value(req, "part");
    if (!filter.part_id.empty() && !questionnaire.find_part(filter.part_id))
        return Error::make(ErrorCode::invalid_value, "Partie inconnue : « " + filter.part_id + " ».", "Unknown part: " + filter.part_id + ".");
    return filter;
}

services::ComparisonScope comparison_scope_from(const httplib::Request& req) {
    services::ComparisonScope scope;
    scope.include_drafts = flag(req, "drafts");
    return scope;
}

}  // namespace cyberachat::web
