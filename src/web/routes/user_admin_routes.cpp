// Account administration pages.
#include "web/routes/user_admin_routes.hpp"

#include "core/text_format.hpp"
#include "web/access/access_guard.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/routes/routes.hpp"
#include "web/views/users_admin_page.hpp"

namespace cyberachat::web {
namespace {

// The logged-in administrator (CSRF checked for a POST), or a redirect to /login / a 403 page.
std::optional<HospitalCaller> require_admin_page(WebApp& app, const httplib::Request& req, httplib::Response& res,
                                                 bool form) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return std::nullopt;
    if (caller->user.role != Role::admin) {
        send_error_page(res, 403, "Réservé aux administrateurs.", hospital_context(*caller, "Accès refusé"));
        return std::nullopt;
    }
    if (form && !require_csrf(req, res, *caller->session, Language::fr)) return std::nullopt;
    return caller;
}

void show_users(WebApp& app, const httplib::Request& req, httplib::Response& res, const HospitalCaller& caller,
                int status, views::UsersAdminPageData data) {
    auto context = hospital_context(caller, "Comptes");
    take_flash(req, res, app, context);
    auto accounts = app.accounts.list();
    if (!accounts) return send_error_page(res, accounts.error(), context);
    for (auto& account : *accounts)
        data.rows.push_back({account.user, account.last_login_at, account.user.id == caller.user.id});
    send_html(res, status, views::render_users_admin_page(context, data));
}

// After a change: back to the list with its message, or the error's page (a refusal as a flash).
void after_change(WebApp& app, httplib::Response& res, const Result<void>& done, const std::string& message) {
    if (!done && (done.error().code == ErrorCode::conflict || done.error().code == ErrorCode::invalid_value))
        set_flash(res, app, done.error().message.fr, true);
    else if (!done)
        return send_error_page(res, done.error());
    else
        set_flash(res, app, message);
    redirect(res, "/admin/users");
}

views::SecretReveal reset_link_reveal(const WebApp& app, const services::ResetLink& link) {
    return views::SecretReveal{"reset-link", "Lien de réinitialisation pour " + link.user.email,
                               "Transmettez ce lien à la personne (il n'est affiché qu'une fois ; seule son empreinte "
                               "est conservée). Il sert une seule fois et expire le " +
                                   format_datetime(link.expires_at, Language::fr) + ".",
                               "Lien", app.reset_url(link.token), "Lien copié", "Copier le lien"};
}

}  // namespace

namespace user_admin_routes {

// GET /admin/users
void list_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_admin_page(app, req, res, false);
    if (!caller) return;
    show_users(app, req, res, *caller, 200, {});
}

// POST /admin/users
void create(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_admin_page(app, req, res, true);
    if (!caller) return;
    views::UsersAdminPageData data;
    data.values = {{"email", form_value(req, "email")},
                   {"display_name", form_value(req, "display_name")},
                   {"role", form_value(req, "role")},
                   {"password", form_value(req, "password")}};
    auto role = parse_role(data.values["role"]);
    if (!role) {
        data.errors["role"] = "Choisissez un rôle.";
        return show_users(app, req, res, *caller, 422, std::move(data));
    }
    const bool directory = data.values["password"] == "directory";
    auto created = app.accounts.create(services::NewAccount{data.values["email"], data.values["display_name"], *role, "",
                                                            directory ? "directory" : "local"},
                                       caller->actor());
    if (!created) {
        if (created.error().code != ErrorCode::invalid_value && created.error().code != ErrorCode::conflict)
            return send_error_page(res, created.error());
        data.errors["email"] = created.error().message.fr;
        return show_users(app, req, res, *caller, 422, std::move(data));
    }
    const User& user = created->user;
    views::UsersAdminPageData shown;
    if (directory) {
        set_flash(res, app, "Compte de l'annuaire créé : " + user.email +
                                " ; il se connecte avec son mot de passe de l'annuaire. Ajoutez-le aux équipes des achats.");
        return redirect(res, "/admin/users");
    }
    if (data.values["password"] == "link") {
        auto link = app.accounts.create_reset_link(user.id, app.config.reset_link_minutes * 60LL, caller->actor());
        if (!link) return send_error_page(res, link.error());
        shown.reveal = reset_link_reveal(app, *link);
        shown.reveal->heading = "Compte créé : lien pour choisir son mot de passe (" + user.email + ")";
    } else {
        shown.reveal = views::SecretReveal{"new-password", "Compte créé : " + user.email,
                                           "Mot de passe généré, affiché une seule fois : transmettez-le à la personne, "
                                           "qui pourra le changer dans « Mon compte ».",
                                           "Mot de passe", created->generated_password, "Mot de passe copié",
                                           "Copier le mot de passe"};
    }
    show_users(app, req, res, *caller, 201, std::move(shown));
}

// POST /admin/users/{id}/role
void set_role(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_admin_page(app, req, res, true);
    if (!caller) return;
    auto id = path_id(req);
    auto role = parse_role(form_value(req, "role"));
    if (!id || !role) return send_error_page(res, 400, "Rôle inconnu.");
    after_change(app, res, app.accounts.set_role(caller->user, *id, *role, caller->actor()),
                 "Rôle changé : " + std::string(role_label_fr(*role)) + ".");
}

// POST /admin/users/{id}/active
void set_active(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_admin_page(app, req, res, true);
    if (!caller) return;
    auto id = path_id(req);
    const std::string active = form_value(req, "active");
    if (!id || (active != "0" && active != "1")) return send_error_page(res, 400, "Requête invalide.");
    after_change(app, res, app.accounts.set_active(caller->user, *id, active == "1", caller->actor()),
                 active == "1" ? "Compte réactivé." : "Compte désactivé : ses sessions et ses jetons ont pris fin.");
}

// POST /admin/users/{id}/reset-link
void reset_link(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_admin_page(app, req, res, true);
    if (!caller) return;
    auto id = path_id(req);
    if (!id) return send_error_page(res, 404, "Compte introuvable.");
    auto link = app.accounts.create_reset_link(*id, app.config.reset_link_minutes * 60LL, caller->actor());
    if (!link) return after_change(app, res, link.error(), "");
    views::UsersAdminPageData data;
    data.reveal = reset_link_reveal(app, *link);
    show_users(app, req, res, *caller, 201, std::move(data));
}

// POST /admin/users/{id}/delete
void remove(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_admin_page(app, req, res, true);
    if (!caller) return;
    auto id = path_id(req);
    if (!id || form_value(req, "confirm") != "1") return send_error_page(res, 400, "Confirmation manquante.");
    after_change(app, res, app.accounts.remove(caller->user, *id, caller->actor()),
                 "Compte supprimé. Le journal le désigne désormais par son numéro (n° " + std::to_string(*id) + ").");
}

}  // namespace user_admin_routes

void register_user_admin_routes(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/admin/users", user_admin_routes::list_page);
    add_route(server, app, "POST", "/admin/users", user_admin_routes::create);
    add_route(server, app, "POST", "/admin/users/{user}/role", user_admin_routes::set_role);
    add_route(server, app, "POST", "/admin/users/{user}/active", user_admin_routes::set_active);
    add_route(server, app, "POST", "/admin/users/{user}/reset-link", user_admin_routes::reset_link);
    add_route(server, app, "POST", "/admin/users/{user}/delete", user_admin_routes::remove);
}

}  // namespace cyberachat::web
