#pragma once
// The frame of one question of the vendor's form around its input (answer_input.hpp): the answer
// kind's pictogram, the label text with its required mark, the help ("help-{qid}"), the error
// line ("err-{qid}", always there for app.js to fill), the save status, the ids that
// aria-describedby lists, and the fieldset of the kinds with several inputs or the row of the
// kinds with one.
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/localized_text.hpp"
#include "core/questionnaire.hpp"
#include "web/html/html_writer.hpp"

namespace cyberachat::web::views {

// The ids separated by spaces, empty ones left out.
std::string join_ids(std::initializer_list<std::string_view> ids);
// "help-{qid}" (when the question has a help text), "err-{qid}", and "unit-{qid}" with `with_unit`.
std::string question_described_by(const Question& question, bool with_unit = false);

// The answer kind's pictogram (answer_kind_icon.hpp), the label, its required mark, and the kind in
// words for assistive technologies (visually hidden).
void write_question_label_text(html::HtmlWriter& w, const Question& question, Language language);
void write_question_help(html::HtmlWriter& w, const Question& question, Language language);
void write_question_error(html::HtmlWriter& w, const Question& question, const std::string* error, Language language);
// The "Enregistré" / "Saved" live region that app.js fills.
void write_save_status(html::HtmlWriter& w);

// <fieldset class="question-group {extra_class}"> with the label as its <legend>, the help and the
// error; close_question_group writes the save status and closes it.
void open_question_group(html::HtmlWriter& w, const Question& question, const std::string* error, Language language,
                         const char* extra_class = "");
void close_question_group(html::HtmlWriter& w);

// The question's <label for="{input_id}"> (its label text), its help and error, then <div
// class="input-row"> for the one input; close_question_row writes the save status and closes it.
void open_question_row(html::HtmlWriter& w, const Question& question, const std::string* error, Language language,
                       const std::string& input_id);
void close_question_row(html::HtmlWriter& w);

}  // namespace cyberachat::web::views
