#pragma once
// GET /vendor/sections/{sid}: the vendor's form for one section (docs/web-forms.md is the contract).
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/questionnaire.hpp"
#include "web/views/page_context.hpp"
#include "web/views/response_view.hpp"

namespace cyberachat::web::views {

struct SectionNavigation {
    std::optional<std::string> previous_section_id;  // previous VISIBLE section
    std::optional<std::string> next_section_id;      // next VISIBLE section
};

struct SectionForm {
    const Section& section;
    SectionNavigation navigation;
    bool read_only = false;                              // submitted: no inputs, values shown
    std::map<std::string, std::string> errors;           // question id → message (page's language)
    std::map<std::string, std::string> rejected_input;   // question id → raw input to redisplay (scalars)
    std::map<std::string, nlohmann::json> rejected_records;  // question id → rows / fields as typed (tables, contacts)
    bool first_visit = false;  // the session opens this page for the first time: its note is open
};

// The navigation (start, part, flowchart, help, previous / next visible section), the part's
// sections with their status, the heading and the section's note (open on the first visit), then either the form — each
// question's input (answer_input.hpp) with its comment and revision, the buttons, the forms of the
// documents outside it — or, once submitted, the answers for reading.
std::string render_vendor_section_page(const PageContext& context, const ResponseView& view, const SectionForm& form);

}  // namespace cyberachat::web::views
