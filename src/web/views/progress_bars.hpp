#pragma once
// Progress bars: <progress> elements that carry their figure as text too.
#include <string>
#include <string_view>

#include "core/localized_text.hpp"
#include "web/html/html_writer.hpp"
#include "web/views/response_view.hpp"

namespace cyberachat::web::views {

// A labelled progress bar: "<label>: 45 %" with <progress data-progress="{key}">.
// `key` is a part id or "overall".
void write_progress(html::HtmlWriter& w, std::string_view key, std::string_view label, int percent,
                    Language language);

// The percentages count the required questions (100 % = nothing required missing); the optional
// ones are told apart: "Questions facultatives : 3 sur 12 renseignées" (nothing when none is visible).
void write_optional_progress(html::HtmlWriter& w, const Progress& progress, Language language);

// The response's overall progress, its optional questions, then each part's (labelled by its short title).
void write_all_progress(html::HtmlWriter& w, const ResponseView& view, Language language);

// A small bar in a table cell of the hospital's pages: "Progression — {who}" as its label, then "45 %".
void write_inline_progress(html::HtmlWriter& w, int percent, const std::string& who);

}  // namespace cyberachat::web::views
