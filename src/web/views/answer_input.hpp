#pragma once
// The HTML input of an answer, for each kind of question (docs/web-forms.md is the contract):
// yes/no radios, text, long text, number and integer (with the unit), date, e-mail, phone, one
// choice (radios, or a list past 6 choices), several choices (checkboxes), table (one row per
// record plus an empty one), contact (one input per field), document (the files and the upload);
// and the single input of a new value on the clarifications page.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/acquisition.hpp"
#include "core/localized_text.hpp"
#include "core/questionnaire.hpp"
#include "web/html/html_writer.hpp"

namespace cyberachat::web::views {

// Everything needed to render one question of the vendor's form.
struct AnswerInput {
    const Question& question;
    bool visible = true;
    const StoredAnswer* answer = nullptr;
    const std::string* error = nullptr;     // the message, in the page's language
    const std::string* rejected = nullptr;  // a scalar's refused input, shown back
    const nlohmann::json* rejected_record = nullptr;  // a table's rows or a contact's fields as typed, refused
    const std::vector<StoredDocument>* documents = nullptr;

    const nlohmann::json& value() const {
        static const nlohmann::json null_value;
        return answer ? answer->value : null_value;
    }
    std::string_view comment() const { return answer ? std::string_view(answer->comment) : std::string_view(); }
    std::int64_t revision() const { return answer ? answer->revision : 0; }
};

// The question's label (a <label>, or the <legend> of a fieldset), its help, its error and the
// input of its kind: "a:{qid}" (a table's cells "a:{qid}:{row}:{field}", a contact's fields
// "a:{qid}:{field}"); a document lists its files with their delete buttons and the upload, which
// point at the forms outside the section form ("upload-{qid}", "delete-{document id}").
void write_answer_input(html::HtmlWriter& w, const AnswerInput& input, Language language);

// Clarifications page: the input "value" of a new answer for the kinds a single field carries
// (yes/no, one choice, text, long text, number, integer, date, e-mail, phone); nothing for the
// others (several choices, document, table, contact): the explanation then says it all.
void write_clarification_input(html::HtmlWriter& w, const Question& question, const nlohmann::json& current,
                               Language language);

}  // namespace cyberachat::web::views
