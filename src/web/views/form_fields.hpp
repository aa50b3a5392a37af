#pragma once
// The fields of the hospital's forms (purchase, vendor invitation; French): one labelled field with
// its help and error, and the summary of the errors above the form.
#include <map>
#include <string>
#include <string_view>

#include "web/html/html_writer.hpp"

namespace cyberachat::web::views {

struct FormFieldSpec {
    const char* name;
    const char* label;
    const char* type;  // "text", "date", "email", "textarea", "select-language"
    bool required = false;
    const char* help = nullptr;
    const char* autocomplete = nullptr;
};

// One labelled field with its error. `id_prefix` keeps ids unique when a page has two forms.
void write_form_field(html::HtmlWriter& w, const FormFieldSpec& spec, const std::string& value,
                      const std::map<std::string, std::string>& errors, std::string_view id_prefix);

// An error summary listing every message with a link to its field; nothing without errors.
void write_form_error_summary(html::HtmlWriter& w, const std::map<std::string, std::string>& errors,
                              std::string_view id_prefix);

}  // namespace cyberachat::web::views
