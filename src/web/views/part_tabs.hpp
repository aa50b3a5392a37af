#pragma once
// The AFIB questionnaire's four-part tabs ("Partie 1 Dispositif" … "Partie 4 Maintenance et
// sécurité") above every vendor page: the layout writes them under the header when the page
// context has them (PageContext::part_tabs); each links to its part's first section that applies
// (or to its flowchart when none does), and the part of the page shown is marked aria-current.
#include <optional>
#include <vector>

#include "core/engine.hpp"
#include "core/questionnaire.hpp"
#include "web/html/html_writer.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

// One tab per part of the questionnaire, in order; `current_part` (an index) is marked current.
std::vector<PartTab> vendor_part_tabs(const Questionnaire& questionnaire, const Evaluation& evaluation, Language language,
                                      std::optional<size_t> current_part = std::nullopt);

// <nav class="part-tabs" aria-label="Parties du questionnaire"> with the context's tabs: the
// current part's link has aria-current="page" when it leads to the page shown, "true" otherwise.
// Nothing when the context has none.
void write_part_tabs(html::HtmlWriter& w, const PageContext& context);

}  // namespace cyberachat::web::views
