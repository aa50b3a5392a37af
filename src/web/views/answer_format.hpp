#pragma once
// Answers written in HTML for reading: choice labels, lists, tables, contact blocks, documents.
// The plain-text formats (dates, numbers, sizes, Oui/Non, input values) are in core/text_format,
// included here so that the views that used them from this header keep finding them.
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "core/acquisition.hpp"
#include "core/localized_text.hpp"
#include "core/questionnaire.hpp"
#include "core/text_format.hpp"
#include "web/html/html_writer.hpp"

namespace cyberachat::web::views {

// Writes an answer formatted for reading (documents excepted, see write_documents). An empty value
// is written as "Non renseigné" / "Not answered".
void write_answer_value(html::HtmlWriter& w, const Question& question, const nlohmann::json& value,
                        Language language);
void write_unanswered(html::HtmlWriter& w, Language language);

// A document question's answer: its files (as write_documents), else the vendor's statement
// "Non disponible : <raison>" (core/document_answer.hpp), else "Non renseigné".
void write_document_answer(html::HtmlWriter& w, const nlohmann::json& value, const std::vector<StoredDocument>* documents,
                           Language language, std::string_view url_prefix, bool full_sha256);

// The statement "Non disponible : <raison>", in a <span class="document-unavailable">.
void write_unavailable_document(html::HtmlWriter& w, std::string_view reason, Language language);

// A list of documents: name (link to url_prefix + id), size and SHA-256 (abridged or full).
void write_documents(html::HtmlWriter& w, const std::vector<StoredDocument>& documents, Language language,
                     std::string_view url_prefix, bool full_sha256);

}  // namespace cyberachat::web::views
