#pragma once
// Reading a posted vendor section form (docs/web-forms.md) into answers per question.
#include <httplib.h>

#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/engine.hpp"
#include "core/questionnaire.hpp"
#include "services/response_service.hpp"

namespace cyberachat::web {

using services::PostedAnswer;  // r:{qid} is its base_revision

std::map<std::string, PostedAnswer> read_section_form(const httplib::Request& req, const Section& section);

// The visible section before / after `section` in questionnaire order (across parts).
std::optional<std::string> previous_visible_section(const Questionnaire& questionnaire, const Evaluation& evaluation,
                                                    const Section& section);
std::optional<std::string> next_visible_section(const Questionnaire& questionnaire, const Evaluation& evaluation,
                                                const Section& section);

}  // namespace cyberachat::web
