#include "web/views/answer_format.hpp"

#include "core/answer.hpp"
#include "core/answer_validation.hpp"
#include "core/document_answer.hpp"
#include "core/kind_traits.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;
using nlohmann::json;

namespace {

// A scalar value of a kind (question, column or contact field), formatted for reading.
void write_scalar(HtmlWriter& w, QuestionKind kind, const json& value, const std::string& unit,
                  Language language) {
    switch (kind_traits(kind).shape) {
        case ValueShape::number:
            w.text(scalar_text(kind, value, language));
            if (!unit.empty()) {
                w.text(CYB_NBSP);
                w.text(unit);
            }
            return;
        case ValueShape::text:
            if (kind == QuestionKind::email) {
                std::string address = json_value_text(value);
                if (address.find('@') != std::string::npos && address.find_first_of(" \t\r\n:/") == std::string::npos) {
                    w.element("a", {{"href", "mailto:" + address}}, address);
                } else {
                    w.text(address);
                }
            } else if (kind == QuestionKind::long_text) {
                w.element("span", {{"class", "long-text"}}, json_value_text(value));
            } else {
                w.text(json_value_text(value));
            }
            return;
        case ValueShape::yes_no:
        case ValueShape::date:
        case ValueShape::choice:
        case ValueShape::choices:
        case ValueShape::documents:
        case ValueShape::rows:
        case ValueShape::record: w.text(scalar_text(kind, value, language)); return;
    }
}

void write_record(HtmlWriter& w, const std::vector<Field>& fields, const json& value, Language language) {
    w.open("dl", {{"class", "record"}});
    for (const auto& field : fields) {
        w.element("dt", field.label.in(language));
        w.open("dd");
        auto it = value.is_object() ? value.find(field.id) : value.end();
        if (it != value.end() && has_value(*it))
            write_scalar(w, field.kind, *it, {}, language);
        else
            write_unanswered(w, language);
        w.close("dd");
    }
    w.close("dl");
}

void write_table(HtmlWriter& w, const Question& question, const json& value, Language language) {
    w.open("div", {{"class", "table-wrap"}});
    w.open("table", {{"class", "data-table"}});
    w.element("caption", {{"class", "visually-hidden"}}, question.label.in(language));
    w.open("thead").open("tr");
    for (const auto& field : question.fields) w.element("th", {{"scope", "col"}}, field.label.in(language));
    w.close("tr").close("thead").open("tbody");
    for (const auto& row : value) {
        w.open("tr");
        for (const auto& field : question.fields) {
            w.open("td");
            auto it = row.is_object() ? row.find(field.id) : row.end();
            if (it != row.end() && has_value(*it)) write_scalar(w, field.kind, *it, {}, language);
            w.close("td");
        }
        w.close("tr");
    }
    w.close("tbody").close("table").close("div");
}

std::string choice_label_of(const Question& question, const json& item, Language language) {
    std::string id = json_value_text(item);
    const Choice* choice = question.find_choice(id);
    return choice ? choice->label.in(language) : id;
}

}  // namespace

void write_unanswered(HtmlWriter& w, Language language) {
    w.element("span", {{"class", "unanswered"}}, L(language, "Non renseigné", "Not answered"));
}

void write_answer_value(HtmlWriter& w, const Question& question, const json& value, Language language) {
    if (!has_value(value)) {
        write_unanswered(w, language);
        return;
    }
    switch (kind_traits(question.kind).shape) {
        case ValueShape::choice: w.text(choice_label_of(question, value, language)); return;
        case ValueShape::choices:
            w.open("ul", {{"class", "choice-list"}});
            if (value.is_array()) {
                for (const auto& item : value) w.element("li", choice_label_of(question, item, language));
            } else {
                w.element("li", json_value_text(value));
            }
            w.close("ul");
            return;
        case ValueShape::rows:
            if (value.is_array()) {
                write_table(w, question, value, language);
            } else {
                w.text(json_value_text(value));
            }
            return;
        case ValueShape::record:
            write_record(w, question.fields.empty() ? standard_contact_fields() : question.fields, value, language);
            return;
        case ValueShape::documents:
            // Documents are listed from their records (write_documents); the value holds references.
            if (auto reason = unavailable_document_reason(value)) return write_unavailable_document(w, *reason, language);
            w.text(L(language, "Voir les documents joints", "See the attached documents"));
            return;
        case ValueShape::yes_no:
        case ValueShape::text:
        case ValueShape::number:
        case ValueShape::date: write_scalar(w, question.kind, value, question.unit, language); return;
    }
}

void write_unavailable_document(HtmlWriter& w, std::string_view reason, Language language) {
    w.open("span", {{"class", "document-unavailable"}});  // phrasing content: it may sit in a <p>
    w.element("strong", {{"class", "unavailable-label"}}, with_colon(unavailable_document_label().in(language), language));
    w.element("span", {{"class", "long-text"}}, std::string(reason));
    w.close("span");
}

void write_document_answer(HtmlWriter& w, const json& value, const std::vector<StoredDocument>* documents,
                           Language language, std::string_view url_prefix, bool full_sha256) {
    if (documents && !documents->empty()) return write_documents(w, *documents, language, url_prefix, full_sha256);
    if (auto reason = unavailable_document_reason(value)) return write_unavailable_document(w, *reason, language);
    write_unanswered(w, language);
}

void write_documents(HtmlWriter& w, const std::vector<StoredDocument>& documents, Language language,
                     std::string_view url_prefix, bool full_sha256) {
    w.open("ul", {{"class", "documents"}});
    for (const auto& document : documents) {
        std::string id = std::to_string(document.id);
        w.open("li", {{"class", "document"}, {"id", "doc-" + id}});
        w.element("a", {{"href", std::string(url_prefix) + id}, {"class", "document-name"}}, document.file_name);
        w.text(" ");
        w.open("span", {{"class", "document-meta"}});
        w.text("(" + format_size(document.size, language) + ")");
        w.close("span");
        w.open("span", {{"class", "document-sha"}});
        w.text(with_colon("SHA-256", language));
        if (full_sha256) {
            w.element("code", {{"class", "sha256"}}, document.sha256);
        } else {
            w.element("code", {{"class", "sha256"}, {"title", document.sha256}}, abridged_sha256(document.sha256));
        }
        w.close("span");
        w.close("li");
    }
    w.close("ul");
}

}  // namespace cyberachat::web::views
