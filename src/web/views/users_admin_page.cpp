#include "web/views/users_admin_page.hpp"

#include "core/text_format.hpp"
#include "web/html/html_writer.hpp"
#include "web/views/form_fields.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::Attr;
using html::HtmlWriter;

namespace {

constexpr Role kAdminRoles[] = {Role::admin, Role::biomedical, Role::it, Role::buyer};

void write_role_select(HtmlWriter& w, const std::string& id, Role selected) {
    w.open("select", {{"id", id}, {"name", "role"}});
    for (Role role : kAdminRoles)
        w.element("option", {{"value", std::string(role_name(role))}, Attr::flag("selected", role == selected)},
                  std::string(role_label_fr(role)));
    w.close("select");
}

// One small form posting to `action` with one submit button (and hidden fields).
void write_user_action(HtmlWriter& w, const PageContext& context, const std::string& action, const char* label,
                       std::initializer_list<std::pair<const char*, const char*>> hidden = {}) {
    w.open("form", {{"method", "post"}, {"action", action}, {"class", "inline-form"}});
    write_csrf_field(w, context);
    for (const auto& [name, value] : hidden) w.void_tag("input", {{"type", "hidden"}, {"name", name}, {"value", value}});
    w.element("button", {{"type", "submit"}, {"class", "button button-secondary"}}, label);
    w.close("form");
}

void write_user_row(HtmlWriter& w, const PageContext& context, const AdminUserRow& row) {
    const User& user = row.user;
    const std::string base = "/admin/users/" + std::to_string(user.id);
    w.open("tr", {{"data-user", user.email}});
    w.element("th", {{"scope", "row"}}, user.email);
    w.element("td", user.display_name == user.email ? std::string() : user.display_name);
    w.open("td");
    w.open("form", {{"method", "post"}, {"action", base + "/role"}, {"class", "inline-form"}});
    write_csrf_field(w, context);
    w.element("label", {{"for", "role-" + std::to_string(user.id)}, {"class", "visually-hidden"}}, "Rôle de " + user.email);
    write_role_select(w, "role-" + std::to_string(user.id), user.role);
    w.element("button", {{"type", "submit"}, {"class", "button button-secondary"}}, "Changer");
    w.close("form");
    w.close("td");
    w.element("td", user.origin == "directory" ? "Annuaire" : "Local");
    w.element("td", user.active ? "Actif" : "Désactivé");
    w.element("td", row.last_login_at.empty() ? std::string("jamais") : format_datetime(row.last_login_at, Language::fr));
    w.open("td", {{"class", "actions"}});
    if (row.self) {
        w.element("span", {{"class", "hint"}}, "Votre compte");
    } else {
        if (user.active) write_user_action(w, context, base + "/active", "Désactiver", {{"active", "0"}});
        else write_user_action(w, context, base + "/active", "Réactiver", {{"active", "1"}});
        if (user.origin != "directory") write_user_action(w, context, base + "/reset-link", "Lien de réinitialisation");
        write_user_action(w, context, base + "/delete", "Supprimer", {{"confirm", "1"}});
    }
    w.close("td");
    w.close("tr");
}

void write_create_form(HtmlWriter& w, const PageContext& context, const UsersAdminPageData& data) {
    auto value = [&](const char* key) {
        auto it = data.values.find(key);
        return it == data.values.end() ? std::string() : it->second;
    };
    w.open("section", {{"class", "card"}, {"aria-labelledby", "create-title"}});
    w.element("h2", {{"id", "create-title"}}, "Créer un compte");
    write_form_error_summary(w, data.errors, "new-");
    w.open("form", {{"method", "post"}, {"action", "/admin/users"}, {"class", "stack"}, {"novalidate", true}});
    write_csrf_field(w, context);
    write_form_field(w, {"email", "Adresse e-mail", "email", true, "L'identifiant de connexion.", "off"}, value("email"),
                     data.errors, "new-");
    write_form_field(w, {"display_name", "Nom", "text", false, "Prénom et nom."}, value("display_name"), data.errors, "new-");
    w.open("div", {{"class", "field"}});
    w.element("label", {{"for", "new-role"}}, "Rôle");
    write_role_select(w, "new-role", parse_role(value("role")).value_or(Role::biomedical));
    w.close("div");
    w.open("fieldset");
    w.element("legend", "Premier mot de passe");
    const std::string chosen = value("password") == "link" || value("password") == "directory" ? value("password") : "generated";
    for (const auto& [option, label] : {std::pair<const char*, const char*>{"generated", "Généré, affiché une fois"},
                                        {"link", "Lien de réinitialisation à transmettre (30 minutes)"},
                                        {"directory", "Aucun : compte de l'annuaire de l'établissement (son mot de passe d'annuaire)"}}) {
        const std::string id = std::string("new-password-") + option;
        w.open("div", {{"class", "choice"}});
        w.void_tag("input", {{"type", "radio"}, {"id", id}, {"name", "password"}, {"value", option},
                             Attr::flag("checked", chosen == option)});
        w.element("label", {{"for", id}}, label);
        w.close("div");
    }
    w.close("fieldset");
    w.element("button", {{"type", "submit"}, {"class", "button button-primary"}}, "Créer le compte");
    w.close("form");
    w.close("section");
}

}  // namespace

std::string render_users_admin_page(const PageContext& context, const UsersAdminPageData& data) {
    PageContext page = context;
    if (page.title.empty()) page.title = "Comptes";
    HtmlWriter w(16384);
    w.element("h1", {{"id", "page-title"}}, "Comptes de l'établissement");
    if (data.reveal) write_secret_reveal(w, *data.reveal);
    w.open("div", {{"class", "table-wrap"}});
    w.open("table", {{"class", "data-table users"}});
    w.open("thead").open("tr");
    for (const char* header : {"Adresse e-mail", "Nom", "Rôle", "Origine", "Statut", "Dernière connexion", "Actions"})
        w.element("th", {{"scope", "col"}}, header);
    w.close("tr").close("thead").open("tbody");
    for (const AdminUserRow& row : data.rows) write_user_row(w, context, row);
    w.close("tbody").close("table").close("div");
    write_create_form(w, context, data);
    return render_layout(page, w.take());
}

}  // namespace cyberachat::web::views
