#pragma once
// The pictograms of the AFIB document's legend beside each question: the kind of answer expected
// (oui / non, texte, chiffre, document; and "choix", ours, for a list of choices the seed does not
// have), plus "informations complémentaires" on a page's note. Inline SVG drawn in the text colour
// (no external asset, no style attribute: the CSP holds), always aria-hidden: the words for
// assistive technologies are written beside it (the question's label ends with a visually hidden
// "— type de réponse : oui / non"; the help page's legend names each one).
#include <string_view>

#include "core/localized_text.hpp"
#include "core/questionnaire.hpp"
#include "web/html/html_writer.hpp"

namespace cyberachat::web::views {

enum class AnswerKindIcon { yes_no, text, number, document, choice };

// yes/no → oui / non; number, integer → chiffre; document → document; one or several choices →
// choix; the other kinds (text, long text, date, e-mail, phone, table, contact) → texte.
AnswerKindIcon answer_kind_icon(QuestionKind kind);
// "yes-no", "text", "number", "document", "choice" (the CSS class "kind-icon-{name}").
std::string_view answer_kind_icon_name(AnswerKindIcon icon);
// The kind in words, as in the seed's legend: "oui / non", "texte", "chiffre", "document", "choix".
std::string_view answer_kind_words(AnswerKindIcon icon, Language language);

// <svg class="kind-icon kind-icon-{name}" aria-hidden="true" focusable="false" …>.
void write_answer_kind_icon(html::HtmlWriter& w, AnswerKindIcon icon);
// The visually hidden end of a question's label: " — type de réponse : oui / non".
void write_answer_kind_text(html::HtmlWriter& w, AnswerKindIcon icon, Language language);
// The "informations complémentaires" pictogram (a circled i), aria-hidden.
void write_info_icon(html::HtmlWriter& w);

}  // namespace cyberachat::web::views
