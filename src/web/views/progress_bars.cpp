#include "web/views/progress_bars.hpp"

#include "web/views/page_context.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

void write_progress(HtmlWriter& w, std::string_view key, std::string_view label, int percent, Language language) {
    std::string id = "progress-" + std::string(key);
    w.open("div", {{"class", "progress"}});
    w.open("label", {{"for", id}});
    w.text(with_colon(label, language));
    w.element("span", {{"data-progress-text", key}}, percent_text(percent, language));
    w.close("label");
    w.open("progress", {{"id", id}, {"data-progress", key}, {"max", 100}, {"value", percent}});
    w.text(percent_text(percent, language));
    w.close("progress");
    w.close("div");
}

void write_optional_progress(HtmlWriter& w, const Progress& progress, Language language) {
    if (progress.optional_visible() == 0) return;
    w.element("p", {{"class", "progress-optional muted"}, {"data-optional-answered", static_cast<long long>(progress.optional_answered())},
                    {"data-optional-visible", static_cast<long long>(progress.optional_visible())}},
              std::string(L(language, "Questions facultatives : ", "Optional questions: ")) +
                  std::to_string(progress.optional_answered()) + L(language, " sur ", " of ") +
                  std::to_string(progress.optional_visible()) + L(language, " renseignées (hors progression).", " answered (not in the progress)."));
}

void write_all_progress(HtmlWriter& w, const ResponseView& view, Language language) {
    w.open("div", {{"class", "progress-group"}});
    write_progress(w, "overall", L(language, "Progression globale", "Overall progress"),
                   view.evaluation.overall.percent(), language);
    write_optional_progress(w, view.evaluation.overall, language);
    for (const auto& part : view.questionnaire.parts)
        write_progress(w, part.id, part.short_title.in(language), view.evaluation.parts.at(part.index).percent(),
                       language);
    w.close("div");
}

void write_inline_progress(HtmlWriter& w, int percent, const std::string& who) {
    w.open("span", {{"class", "progress-inline"}});
    w.open("progress", {{"max", 100}, {"value", percent}, {"aria-label", "Progression — " + who}});
    w.text(percent_text(percent, Language::fr));
    w.close("progress");
    w.element("span", {{"class", "progress-value"}}, percent_text(percent, Language::fr));
    w.close("span");
}

}  // namespace cyberachat::web::views
