#pragma once
// The comparison's filters from the query string, shared by the page and the API:
// ?differences=1&vigilance=1&part=<part id>&drafts=1. An unknown part is an "invalid" error (French message).
#include <httplib.h>

#include "core/comparison.hpp"
#include "core/result.hpp"
#include "services/evaluation_service.hpp"

namespace cyberachat::web {

Result<ComparisonFilter> comparison_filter_from(const httplib::Request& req, const Questionnaire& questionnaire);
// ?drafts=1: drafts (and reopened responses) are compared and ranked too; by default submitted ones only.
services::ComparisonScope comparison_scope_from(const httplib::Request& req);

}  // namespace cyberachat::web
