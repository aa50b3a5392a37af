#pragma once
// An action that cannot be undone, asked twice without JavaScript: a disclosure button
// (<details>) that opens on what will happen and a second button that posts the form, with
// `confirm=1` — the handler refuses the POST without it (a stray or replayed click).
#include <string>

#include "web/html/html_writer.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

struct ConfirmedAction {
    std::string action;         // the form's address
    std::string label;          // the disclosure's text, e.g. "Révoquer le lien"
    std::string detail;         // for screen readers: what it concerns, e.g. the company
    std::string consequence;    // what will happen, shown once opened
    std::string confirm_label;  // the posting button, e.g. "Confirmer la révocation"
    bool danger = false;
};

void write_confirmed_action(html::HtmlWriter& w, const PageContext& context, const ConfirmedAction& action);

}  // namespace cyberachat::web::views
