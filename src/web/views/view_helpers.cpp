#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

void write_csrf_field(HtmlWriter& w, const PageContext& context) {
    w.void_tag("input", {{"type", "hidden"}, {"name", "_csrf"}, {"value", context.csrf_token}});
}

std::string percent_text(int percent, Language language) {
    return std::to_string(percent) + in_language(language, CYB_NNBSP "%", "%");
}

std::string with_colon(std::string_view label, Language language) {
    std::string out(label);
    out += in_language(language, CYB_NBSP ": ", ": ");
    return out;
}

void write_required_mark(HtmlWriter& w, bool required, Language language) {
    if (!required) return;
    w.text(" ");
    w.element("span", {{"class", "required"}}, L(language, "(obligatoire)", "(required)"));
}

std::string section_url(std::string_view section_id) { return "/vendor/sections/" + std::string(section_id); }

void write_page_heading(HtmlWriter& w, std::string_view kicker, std::string_view title) {
    if (!kicker.empty()) w.element("p", {{"class", "kicker"}}, kicker);
    w.element("h1", {{"id", "page-title"}}, title);
}

std::string part_heading(const Part& part, Language language) {
    return std::string(L(language, "Partie ", "Part ")) + std::to_string(part.index + 1) + " — " + part.title.in(language);
}

std::string_view section_status_text(const SectionState& state, Language language) {
    if (!state.visible) return L(language, "Non concernée", "Not applicable");
    if (state.complete()) return L(language, "Complète", "Complete");
    return L(language, "À compléter", "To complete");
}

bool write_import_refusal(html::HtmlWriter& w, Language lang, bool submitted, const std::string& locked) {
    if (submitted) {
        w.element("p", {{"class", "flash flash-error"}},
                  L(lang, "La réponse a été soumise : elle n'est plus modifiable, l'import n'est pas possible.",
                    "The response has been submitted: it can no longer be changed, import is not possible."));
        return true;
    }
    if (locked.empty()) return false;
    w.element("p", {{"class", "flash flash-error"}, {"id", "import-locked"}}, locked);
    return true;
}

}  // namespace cyberachat::web::views
