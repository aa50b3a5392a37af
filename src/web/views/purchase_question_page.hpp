#pragma once
// GET /acquisitions/{id}/questions/new: the lead adds a question to this purchase alone — where
// (after a question, or first/last in a section), the answer kind, French and English labels,
// required, a condition on one of the purchase's yes/no or choice questions, a note, a grid rule —
// and sees the questions added so far. POST /acquisitions/{id}/questions; a refused form comes
// back (422) with each field's error and what was typed.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/added_question.hpp"
#include "core/questionnaire.hpp"
#include "definition/purchase_question.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

struct PurchaseQuestionPageData {
    Acquisition acquisition;
    std::shared_ptr<const Questionnaire> questionnaire;  // the purchase's, as it is now
    std::vector<AddedQuestion> added;                    // the questions added to it so far
    size_t vendors_opened = 0;                           // vendors who opened their link already
    size_t vendors_submitted = 0;
    bool closed = false;                                 // closed or archived: nothing can be added
    PurchaseQuestionDraft draft;
    std::map<std::string, std::string> errors;           // field → message
    std::string summary;                                 // a refusal that is not one field's
    std::vector<std::string> definition_errors;          // the extension's mistakes, as the library shows them
};

std::string render_purchase_question_page(const PageContext& context, const PurchaseQuestionPageData& data);

}  // namespace cyberachat::web::views
