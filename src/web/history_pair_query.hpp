#pragma once
// The two responses a vendor's history compares, as the page's GET form and the API ask for them:
// ?from=A&to=B (response ids).
#include <httplib.h>

#include <optional>
#include <utility>

#include "core/acquisition.hpp"
#include "core/result.hpp"

namespace cyberachat::web {

// nullopt when neither is given (the history's default pair then); "invalid_value" (French and
// English) when one is given alone or either is not a response number.
Result<std::optional<std::pair<Id, Id>>> history_pair_from(const httplib::Request& req);

}  // namespace cyberachat::web
