#pragma once
// GET /acquisitions/new and /acquisitions/{id}/edit: form POST to /acquisitions (new) or
// /acquisitions/{id} (edit) with fields title, title_en (optional), questionnaire_version_id (new only), equipment, service, reference, deadline (type=date),
// notes (textarea), _csrf. `errors` maps a field name to its message (shown next to the field,
// aria-describedby), values are redisplayed.
#include <map>
#include <string>
#include <vector>

#include "core/acquisition.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

// A questionnaire of the library, as the new purchase's form offers it.
struct QuestionnaireOption {
    Id version_id = 0;
    std::string label;  // "Questionnaire AFIB — afib 2024.3 (intégré)"
};

// `questionnaires` (new purchases only): the select "questionnaire_version_id", the first option
// (the built-in one) chosen unless values.questionnaire_version_id says otherwise; an edited
// purchase shows its questionnaire, which does not change.
std::string render_acquisition_form_page(const PageContext& context, const Acquisition& values,
                                         const std::map<std::string, std::string>& errors, bool is_new,
                                         const std::vector<QuestionnaireOption>& questionnaires = {});

}  // namespace cyberachat::web::views
