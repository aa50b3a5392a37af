#include "web/views/instance_page.hpp"

#include "web/html/html_writer.hpp"
#include "web/views/form_fields.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::Attr;
using html::HtmlWriter;

namespace {

void write_identity_preview(HtmlWriter& w, const HospitalIdentity& identity) {
    w.open("section", {{"class", "card"}, {"aria-labelledby", "preview-title"}, {"id", "identity-preview"}});
    w.element("h2", {{"id", "preview-title"}}, "Ce que voient les fournisseurs");
    w.open("div", {{"class", "brand-preview"}});
    if (identity.has_logo())
        w.void_tag("img", {{"src", identity.logo_path()}, {"alt", "Logo de " + identity.shown_name()}, {"class", "brand-logo"}});
    w.element("p", {{"class", "brand-name"}}, identity.shown_name());
    w.close("div");
    w.open("dl", {{"class", "details"}});
    w.element("dt", "Contact");
    w.element("dd", identity.contact_email.empty() ? std::string("aucun (les e-mails n'ont pas d'adresse de réponse)")
                                                   : identity.contact_email);
    w.close("dl");
    w.element("p", {{"class", "help"}},
              "Le nom et le logo figurent en tête des pages des fournisseurs, des e-mails (expéditeur, signature) et des "
              "rapports PDF ; l'adresse de contact dans les pages des fournisseurs, la signature des e-mails et comme "
              "adresse de réponse.");
    w.close("section");
}

}  // namespace

std::string render_instance_page(const PageContext& context, const InstancePageData& data) {
    PageContext page = context;
    if (page.title.empty()) page.title = "Établissement";
    auto value = [&](const char* key, const std::string& stored) {
        auto it = data.values.find(key);
        return it == data.values.end() ? stored : it->second;
    };
    HtmlWriter w(8192);
    w.element("h1", {{"id", "page-title"}}, "Identité de l'établissement");
    write_identity_preview(w, data.identity);

    w.open("section", {{"class", "card"}, {"aria-labelledby", "identity-title"}});
    w.element("h2", {{"id", "identity-title"}}, "Modifier");
    write_form_error_summary(w, data.errors, "identity-");
    w.open("form", {{"method", "post"}, {"action", "/admin/instance"}, {"enctype", "multipart/form-data"},
                    {"class", "stack"}, {"novalidate", true}});
    write_csrf_field(w, context);
    write_form_field(w, {"name", "Nom de l'établissement", "text", false,
                         "Tel que les fournisseurs le connaissent, par exemple « CHU de Compiègne ». Vide : « Cyberachat »."},
                     value("name", data.identity.name), data.errors, "identity-");
    write_form_field(w, {"contact_email", "E-mail de contact", "email", false,
                         "L'adresse à laquelle les fournisseurs peuvent écrire (service biomédical, achats).", "email"},
                     value("contact_email", data.identity.contact_email), data.errors, "identity-");
    const auto logo_error = data.errors.find("logo");
    w.open("div", {{"class", logo_error == data.errors.end() ? "field" : "field field-invalid"}});
    w.element("label", {{"for", "identity-logo"}}, "Logo (PNG)");
    w.element("p", {{"class", "help"}, {"id", "help-identity-logo"}},
              "Une image PNG de 512 Kio et 4096 × 4096 pixels au plus ; elle est affichée sur 64 pixels de haut.");
    if (logo_error != data.errors.end())
        w.element("p", {{"class", "field-error"}, {"id", "err-identity-logo"}}, logo_error->second);
    w.void_tag("input", {{"type", "file"}, {"id", "identity-logo"}, {"name", "logo"}, {"accept", "image/png"},
                         {"aria-describedby", logo_error == data.errors.end() ? "help-identity-logo"
                                                                              : "help-identity-logo err-identity-logo"},
                         Attr::when(logo_error != data.errors.end(), "aria-invalid", "true")});
    w.close("div");
    if (data.identity.has_logo()) {
        w.open("div", {{"class", "choice"}});
        w.void_tag("input", {{"type", "checkbox"}, {"id", "identity-remove-logo"}, {"name", "remove_logo"}, {"value", "1"}});
        w.element("label", {{"for", "identity-remove-logo"}}, "Retirer le logo");
        w.close("div");
    }
    w.element("button", {{"type", "submit"}, {"class", "button button-primary"}}, "Enregistrer");
    w.close("form");
    w.close("section");
    return render_layout(page, w.take());
}

}  // namespace cyberachat::web::views
