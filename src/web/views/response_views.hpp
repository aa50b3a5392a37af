#pragma once
// Pages that show one vendor's answers: the hospital's reading page, and the vendor's pages
// (home, one section to fill, review, confirmation).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/acquisition.hpp"
#include "core/engine.hpp"
#include "core/questionnaire.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

using AnswerMap = std::map<std::string, StoredAnswer>;                      // question id → answer
using DocumentMap = std::map<std::string, std::vector<StoredDocument>>;     // question id → documents

struct ResponseView {
    const Acquisition& acquisition;
    const VendorResponse& response;
    const Questionnaire& questionnaire;
    const Evaluation& evaluation;
    const AnswerMap& answers;
    const DocumentMap& documents;
};

// GET /responses/{rid} (hospital): header (company, contact, status, submitted time, progress),
// then every part → every VISIBLE section → each visible question with its answer formatted for
// reading (Oui/Non, numbers with French decimal comma and unit, tables as tables, contact as a
// block, choices by label), the comment if any, documents as download links
// (/documents/{id}, with size and SHA-256); unanswered shown as "Non renseigné"; answers to
// hidden questions listed at the end under "Réponses masquées par un embranchement (conservées)".
// Hospital pages are in French.
// With `evaluation` (hospital only), the evaluation panel (evaluation_views.hpp) follows the
// summary and each unfavourable answer is marked "Point de vigilance".
struct EvaluationPanel;
std::string render_response_page(const PageContext& context, const ResponseView& view,
                                 const EvaluationPanel* evaluation = nullptr);

// GET /vendor: the purchase (title, equipment, hospital reference, deadline), the response's status,
// the 4 parts with their progress and their visible sections as links (/vendor/sections/{sid}) marked
// complete/incomplete, the questionnaire's content texts "when_to_use" and "how_to" (in a <details>),
// a button to start/continue (first incomplete visible section) and a link to /vendor/review.
// With `open_clarifications` > 0, a notice at the top links to /vendor/clarifications.
std::string render_vendor_home_page(const PageContext& context, const ResponseView& view, size_t open_clarifications = 0);

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
};

// GET /vendor/sections/{sid}: see docs/web-forms.md for the exact form contract.
std::string render_vendor_section_page(const PageContext& context, const ResponseView& view, const SectionForm& form);

// GET /vendor/review: every visible required question left unanswered, grouped by section, each a
// link to /vendor/sections/{sid}#q-{qid}; progress; the submit form POST /vendor/submit (disabled
// with an explanation while something required is missing); if submitted, says so with the time.
std::string render_vendor_review_page(const PageContext& context, const ResponseView& view);

// GET /vendor/confirmation: printable receipt (purchase, company, submitted time, number of answers
// and documents with their SHA-256), a "Imprimer" button (window.print via app.js, no inline JS).
std::string render_vendor_confirmation_page(const PageContext& context, const ResponseView& view);

// GET /help and /vendor/help: the questionnaire's "how_to" (mode d'emploi with the icon legend),
// "when_to_use", "four_parts", "terminology", "foreword" and "attribution" texts.
std::string render_help_page(const PageContext& context, const Questionnaire& questionnaire);

}  // namespace cyberachat::web::views
