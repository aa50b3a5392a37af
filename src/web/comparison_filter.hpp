#pragma once
// The comparison's filters from the query string, shared by the page and the API:
// ?differences=1&vigilance=1&part=<part id>. An unknown part is an "invalid" error (French message).
#include <httplib.h>

#include "core/comparison.hpp"
#include "core/result.hpp"

namespace cyberachat::web {

Result<ComparisonFilter> comparison_filter_from(const httplib::Request& req, const Questionnaire& questionnaire);

}  // namespace cyberachat::web
