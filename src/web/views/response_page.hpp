#pragma once
// GET /responses/{rid} (hospital): header (company, contact, status, submitted time, progress),
// then every part → every VISIBLE section → each visible question with its answer formatted for
// reading (Oui/Non, numbers with French decimal comma and unit, tables as tables, contact as a
// block, choices by label), the comment if any, documents as download links
// (/documents/{id}, with size and SHA-256); unanswered shown as "Non renseigné"; answers to
// hidden questions listed at the end under "Réponses masquées par un embranchement (conservées)".
// Hospital pages are in French.
#include <string>

#include "web/views/page_context.hpp"
#include "web/views/response_view.hpp"

namespace cyberachat::web::views {

struct MessagesPanel;

// With `evaluation` (hospital only), the evaluation panel (evaluation_panel.hpp) follows the
// summary and each unfavourable answer is marked "Point de vigilance".
struct EvaluationPanel;
// `messages`: the vendor's e-mails (messages_panel.hpp), after the summary.
std::string render_response_page(const PageContext& context, const ResponseView& view,
                                 const EvaluationPanel* evaluation = nullptr, const MessagesPanel* messages = nullptr);

}  // namespace cyberachat::web::views
