#include "web/views/part_tabs.hpp"

#include <string>

#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::Attr;

std::vector<PartTab> vendor_part_tabs(const Questionnaire& questionnaire, const Evaluation& evaluation, Language language,
                                      std::optional<size_t> current_part) {
    std::vector<PartTab> tabs;
    tabs.reserve(questionnaire.parts.size());
    for (const Part& part : questionnaire.parts) {
        PartTab tab;
        tab.number = part.index + 1;
        tab.name = part.short_title.in(language).empty() ? part.title.in(language) : part.short_title.in(language);
        tab.href = "/vendor/flowcharts/" + std::to_string(part.index + 1);
        for (const Section& section : part.sections) {
            if (section.index < evaluation.sections.size() && evaluation.sections[section.index].visible) {
                tab.href = section_url(section.id);
                break;
            }
        }
        tab.current = current_part && *current_part == part.index;
        tabs.push_back(std::move(tab));
    }
    return tabs;
}

void write_part_tabs(html::HtmlWriter& w, const PageContext& context) {
    if (context.part_tabs.empty()) return;
    const Language lang = context.language;
    w.open("nav", {{"class", "part-tabs"}, {"aria-label", L(lang, "Parties du questionnaire", "Parts of the questionnaire")}});
    w.open("ol", {{"class", "part-tabs-list"}});
    for (const PartTab& tab : context.part_tabs) {
        const char* current = !tab.current ? "" : tab.href == context.current_path ? "page" : "true";
        w.open("li");
        w.open("a", {{"href", tab.href},
                     {"class", tab.current ? "part-tab is-current" : "part-tab"},
                     Attr::optional("aria-current", current)});
        w.element("span", {{"class", "part-tab-number"}}, std::string(L(lang, "Partie ", "Part ")) + std::to_string(tab.number));
        w.text(" ");
        w.element("span", {{"class", "part-tab-name"}}, tab.name);
        w.close("a");
        w.close("li");
    }
    w.close("ol");
    w.close("nav");
}

}  // namespace cyberachat::web::views
