#include "web/views/login_page.hpp"

#include "web/html/html_writer.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::Attr;
using html::HtmlWriter;

std::string render_login_page(const PageContext& context, const std::string& email, const std::string& error) {
    PageContext page = context;
    if (page.title.empty()) page.title = "Connexion";
    const bool has_error = !error.empty();
    HtmlWriter w(4096);
    w.open("div", {{"class", "narrow"}});
    w.element("h1", {{"id", "page-title"}}, "Connexion");
    w.element("p", {{"class", "lead"}},
              "Espace réservé au personnel de l'établissement. Les fournisseurs accèdent au questionnaire par le "
              "lien personnel reçu par courriel, sans compte.");
    if (has_error) {
        w.open("div", {{"class", "error-summary"}, {"role", "alert"}, {"id", "login-error"}});
        w.element("p", error);
        w.close("div");
    }
    w.open("form", {{"method", "post"}, {"action", "/login"}, {"class", "stack"}});
    write_csrf_field(w, context);
    w.open("div", {{"class", "field"}});
    w.element("label", {{"for", "email"}}, "Adresse électronique");
    w.void_tag("input", {{"type", "email"},
                         {"id", "email"},
                         {"name", "email"},
                         {"value", email},
                         {"autocomplete", "username"},
                         {"required", true},
                         {"spellcheck", "false"},
                         Attr::when(has_error, "aria-describedby", "login-error"),
                         Attr::when(has_error, "aria-invalid", "true")});
    w.close("div");
    w.open("div", {{"class", "field"}});
    w.element("label", {{"for", "password"}}, "Mot de passe");
    w.void_tag("input", {{"type", "password"},
                         {"id", "password"},
                         {"name", "password"},
                         {"autocomplete", "current-password"},
                         {"required", true},
                         Attr::when(has_error, "aria-describedby", "login-error"),
                         Attr::when(has_error, "aria-invalid", "true")});
    w.close("div");
    w.open("div", {{"class", "actions"}});
    w.element("button", {{"type", "submit"}, {"class", "button button-primary"}}, "Se connecter");
    w.close("div");
    w.close("form");
    w.close("div");
    return render_layout(page, w.take());
}

}  // namespace cyberachat::web::views
