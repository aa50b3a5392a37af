#include "web/views/form_fields.hpp"

#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::Attr;
using html::HtmlWriter;

void write_form_error_summary(HtmlWriter& w, const std::map<std::string, std::string>& errors, std::string_view id_prefix) {
    if (errors.empty()) return;
    w.open("div", {{"class", "error-summary"}, {"role", "alert"}, {"tabindex", "-1"}, {"id", "error-summary"}});
    w.element("h2", errors.size() == 1 ? "Une erreur empêche l'enregistrement"
                                       : std::to_string(errors.size()) + " erreurs empêchent l'enregistrement");
    w.open("ul");
    for (const auto& [field, message] : errors) {
        w.open("li");
        w.element("a", {{"href", "#" + std::string(id_prefix) + field}}, message);
        w.close("li");
    }
    w.close("ul");
    w.close("div");
}

void write_form_field(HtmlWriter& w, const FormFieldSpec& spec, const std::string& value,
                      const std::map<std::string, std::string>& errors, std::string_view id_prefix) {
    std::string id = std::string(id_prefix) + spec.name;
    std::string error_id = "err-" + id;
    std::string help_id = "help-" + id;
    auto error = errors.find(spec.name);
    const bool invalid = error != errors.end();
    std::string described;
    if (spec.help) described = help_id;
    if (invalid) described += (described.empty() ? "" : " ") + error_id;

    w.open("div", {{"class", invalid ? "field field-invalid" : "field"}});
    w.open("label", {{"for", id}});
    w.text(spec.label);
    write_required_mark(w, spec.required, Language::fr);
    w.close("label");
    if (spec.help) w.element("p", {{"class", "help"}, {"id", help_id}}, spec.help);
    if (invalid) w.element("p", {{"class", "field-error"}, {"id", error_id}}, error->second);
    std::string_view type = spec.type;
    if (type == "textarea") {
        w.open("textarea", {{"id", id},
                            {"name", spec.name},
                            {"rows", 4},
                            Attr::optional("aria-describedby", described),
                            Attr::when(invalid, "aria-invalid", "true")});
        w.text(value);
        w.close("textarea");
    } else if (type == "select-language") {
        w.open("select", {{"id", id}, {"name", spec.name}, Attr::optional("aria-describedby", described),
                          Attr::when(invalid, "aria-invalid", "true")});
        w.element("option", {{"value", "fr"}, Attr::flag("selected", value != "en")}, "Français");
        w.element("option", {{"value", "en"}, Attr::flag("selected", value == "en")}, "Anglais (English)");
        w.close("select");
    } else {
        w.void_tag("input", {{"type", spec.type},
                             {"id", id},
                             {"name", spec.name},
                             {"value", value},
                             Attr::flag("required", spec.required),
                             Attr::optional("autocomplete", spec.autocomplete ? spec.autocomplete : ""),
                             Attr::optional("aria-describedby", described),
                             Attr::when(invalid, "aria-invalid", "true")});
    }
    w.close("div");
}

}  // namespace cyberachat::web::views
