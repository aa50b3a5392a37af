#include "web/views/reset_password_page.hpp"

#include "web/html/html_writer.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

std::string render_reset_password_page(const PageContext& context, const std::string& email, const std::string& token,
                                       const std::string& error) {
    PageContext page = context;
    if (page.title.empty()) page.title = "Nouveau mot de passe";
    html::HtmlWriter w(4096);
    w.open("div", {{"class", "narrow"}});
    w.element("h1", {{"id", "page-title"}}, "Choisir un nouveau mot de passe");
    w.element("p", "Compte : " + email);
    w.element("p", {{"class", "hint"}},
              "12 caractères au moins ; ni un mot du dictionnaire, ni un mot de passe courant, ni votre adresse e-mail. "
              "Ce lien ne sert qu'une fois ; vos sessions ouvertes seront fermées.");
    if (!error.empty()) w.element("p", {{"class", "field-error"}, {"role", "alert"}}, error);
    w.open("form", {{"method", "post"}, {"action", "/reset-password/" + token}, {"class", "stack"}});
    write_csrf_field(w, context);
    for (const auto& [name, label] : {std::pair<const char*, const char*>{"new_password", "Nouveau mot de passe"},
                                      {"confirm_password", "Nouveau mot de passe (à nouveau)"}}) {
        w.open("div", {{"class", "field"}});
        w.element("label", {{"for", name}}, label);
        w.void_tag("input", {{"type", "password"}, {"id", name}, {"name", name}, {"autocomplete", "new-password"}});
        w.close("div");
    }
    w.element("button", {{"type", "submit"}, {"class", "button button-primary"}}, "Enregistrer le mot de passe");
    w.close("form");
    w.close("div");
    return render_layout(page, w.take());
}

}  // namespace cyberachat::web::views
