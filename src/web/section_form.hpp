#pragma once
// Reading a posted vendor section form (docs/web-forms.md) into answers per question.
#include <httplib.h>

#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/engine.hpp"
#include "core/questionnaire.hpp"

namespace cyberachat::web {

struct PostedAnswer {
    nlohmann::json raw;                  // as typed (strings), shaped per kind
    std::optional<std::string> comment;  // present when the form had the comment field
    std::int64_t base_revision = -1;     // r:{qid}, -1 when absent
    bool has_value_field = false;        // the form carried the value (documents never do)
};

std::map<std::string, PostedAnswer> read_section_form(const httplib::Request& req, const Section& section);

// The visible section before / after `section` in questionnaire order (across parts).
std::optional<std::string> previous_visible_section(const Questionnaire& questionnaire, const Evaluation& evaluation,
                                                    const Section& section);
std::optional<std::string> next_visible_section(const Questionnaire& questionnaire, const Evaluation& evaluation,
                                                const Section& section);

}  // namespace cyberachat::web
