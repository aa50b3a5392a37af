// "Mon compte" and the password reset link.
#include "web/routes/account_routes.hpp"

#include "security/secrets.hpp"
#include "web/access/access_guard.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/routes/routes.hpp"
#include "web/views/account_page.hpp"
#include "web/views/reset_password_page.hpp"

namespace cyberachat::web {
namespace {

// The page with what the user has now, plus what this request adds (an error, a new token).
void show_account(WebApp& app, const httplib::Request& req, httplib::Response& res, const HospitalCaller& caller,
                  int status, views::AccountPageData data) {
    auto context = hospital_context(caller, "Mon compte");
    take_flash(req, res, app, context);
    auto sessions = app.accounts.sessions(caller.user.id, caller.session->token_hash);
    if (!sessions) return send_error_page(res, sessions.error(), context);
    auto tokens = app.accounts.tokens(caller.user.id);
    if (!tokens) return send_error_page(res, tokens.error(), context);
    data.user = caller.user;
    for (const auto& session : *sessions)
        data.sessions.push_back({session.reference, session.created_at, session.last_seen_at, session.current});
    for (const auto& token : *tokens) data.tokens.push_back({token.id, token.name, token.created_at, token.expires_at});
    send_html(res, status, views::render_account_page(context, data));
}

// The caller of a "my account" form: logged in, CSRF checked.
std::optional<HospitalCaller> account_form_caller(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return std::nullopt;
    return caller;
}

// The token of /reset-password/{token} (path_id reads numbers only).
std::string reset_token_of(const httplib::Request& req) { return req.matches.size() > 1 ? req.matches[1].str() : ""; }

void show_reset(const WebApp& app, httplib::Response& res, int status, const std::string& email, const std::string& token,
                const std::string& error) {
    views::PageContext context;
    context.title = "Nouveau mot de passe";
    context.csrf_token = security::random_token();
    set_cookie(res, app, kLoginCsrfCookie, context.csrf_token);
    send_html(res, status, views::render_reset_password_page(context, email, token, error));
}

// An unknown link: 404; a used or expired one: 410 Gone; each with its message.
void send_reset_link_error(httplib::Response& res, const Error& error) {
    if (error.code == ErrorCode::conflict) return send_error_page(res, 410, error.message.fr);
    send_error_page(res, error);
}

}  // namespace

namespace account_routes {

// GET /account
void show_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return;
    show_account(app, req, res, *caller, 200, {});
}

// POST /account/password
void change_password(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = account_form_caller(app, req, res);
    if (!caller) return;
    const std::string current = req.has_param("current_password") ? req.get_param_value("current_password") : "";
    const std::string next = req.has_param("new_password") ? req.get_param_value("new_password") : "";
    views::AccountPageData data;
    if (next != (req.has_param("confirm_password") ? req.get_param_value("confirm_password") : "")) {
        data.password_error = "Les deux saisies du nouveau mot de passe diffèrent.";
        return show_account(app, req, res, *caller, 422, std::move(data));
    }
    auto changed = app.accounts.change_password(caller->user, current, next, caller->session->token_hash, caller->actor());
    if (!changed) {
        if (changed.error().code == ErrorCode::storage || changed.error().code == ErrorCode::internal)
            return send_error_page(res, changed.error());
        data.password_error = changed.error().message.fr;
        return show_account(app, req, res, *caller, changed.error().code == ErrorCode::forbidden ? 403 : 422,
                            std::move(data));
    }
    set_flash(res, app, "Mot de passe changé. Vos autres sessions sont fermées.");
    redirect(res, "/account");
}

// POST /account/sessions/end
void end_session(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = account_form_caller(app, req, res);
    if (!caller) return;
    auto ended = app.accounts.end_session(caller->user.id, form_value(req, "session"), caller->actor());
    if (!ended) return send_error_page(res, ended.error());
    set_flash(res, app, "Session terminée.");
    redirect(res, "/account");
}

// POST /account/tokens
void create_token(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = account_form_caller(app, req, res);
    if (!caller) return;
    views::AccountPageData data;
    data.token_name = form_value(req, "name");
    int days = 0;
    try {
        days = std::stoi(form_value(req, "days"));
    } catch (const std::exception&) {
        days = 0;
    }
    data.token_days = days > 0 ? days : services::kDefaultTokenDays;
    auto created = app.accounts.create_token(caller->user.id, data.token_name, days, caller->actor());
    if (!created) {
        if (created.error().code != ErrorCode::invalid_value) return send_error_page(res, created.error());
        data.token_error = created.error().message.fr;
        return show_account(app, req, res, *caller, 422, std::move(data));
    }
    // Shown in this response only (never stored, never carried through a redirect).
    data.token_name.clear();
    data.new_token = created->secret;
    show_account(app, req, res, *caller, 201, std::move(data));
}

// POST /account/tokens/{id}/revoke
void revoke_token(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = account_form_caller(app, req, res);
    if (!caller) return;
    auto id = path_id(req);
    auto token = id ? app.accounts.token(*id) : Result<store::ApiToken>(Error::make(ErrorCode::not_found, "Jeton introuvable."));
    if (!token) return send_error_page(res, token.error());
    if (token->user_id != caller->user.id)  // someone else's token: as if it did not exist
        return send_error_page(res, Error::make(ErrorCode::not_found, "Jeton introuvable.", "Token not found."));
    if (auto revoked = app.accounts.revoke_token(token->id, caller->actor()); !revoked)
        return send_error_page(res, revoked.error());
    set_flash(res, app, "Jeton révoqué : il ne donne plus accès.");
    redirect(res, "/account");
}

// GET /reset-password/{token}
void reset_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    const std::string token = reset_token_of(req);
    auto user = app.accounts.reset_target(token);
    if (!user) return send_reset_link_error(res, user.error());
    show_reset(app, res, 200, user->email, token, "");
}

// POST /reset-password/{token}
void reset_password(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    const std::string token = reset_token_of(req);
    auto user = app.accounts.reset_target(token);
    if (!user) return send_reset_link_error(res, user.error());
    auto expected = cookie_value(req, kLoginCsrfCookie);
    if (!expected || expected->empty() || !security::constant_time_equals(form_value(req, "_csrf"), *expected))
        return show_reset(app, res, 403, user->email, token, "Le formulaire a expiré. Veuillez recommencer.");
    const std::string next = req.has_param("new_password") ? req.get_param_value("new_password") : "";
    if (next != (req.has_param("confirm_password") ? req.get_param_value("confirm_password") : ""))
        return show_reset(app, res, 422, user->email, token, "Les deux saisies du nouveau mot de passe diffèrent.");
    auto reset = app.accounts.reset_password(token, next);
    if (!reset) {
        if (reset.error().code == ErrorCode::invalid_value)
            return show_reset(app, res, 422, user->email, token, reset.error().message.fr);
        return send_reset_link_error(res, reset.error());
    }
    clear_cookie(res, app, kLoginCsrfCookie);
    set_flash(res, app, "Mot de passe enregistré : connectez-vous avec le nouveau.");
    redirect(res, "/login");
}

}  // namespace account_routes

void register_account_routes(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/account", account_routes::show_page);
    add_route(server, app, "POST", "/account/password", account_routes::change_password);
    add_route(server, app, "POST", "/account/sessions/end", account_routes::end_session);
    add_route(server, app, "POST", "/account/tokens", account_routes::create_token);
    add_route(server, app, "POST", "/account/tokens/{token}/revoke", account_routes::revoke_token);
    add_route(server, app, "GET", "/reset-password/{reset}", account_routes::reset_page);
    add_route(server, app, "POST", "/reset-password/{reset}", account_routes::reset_password);
}

}  // namespace cyberachat::web
