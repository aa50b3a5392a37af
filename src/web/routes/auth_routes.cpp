// Hospital login and logout.
#include "web/routes/auth_routes.hpp"

#include "web/access/access_guard.hpp"

#include <chrono>
#include <string>

#include "security/login_guard.hpp"
#include "security/password_check_gate.hpp"
#include "security/secrets.hpp"
#include "web/client_address.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/routes/routes.hpp"
#include "web/views/login_page.hpp"

namespace cyberachat::web {
namespace {

std::string too_many_attempts(std::chrono::seconds wait) {
    if (wait >= std::chrono::seconds(60)) {
        const std::string minutes = std::to_string((wait.count() + 59) / 60);
        return "Trop de tentatives de connexion : réessayez dans " + minutes + " minute(s). / "
               "Too many login attempts: try again in " + minutes + " minute(s).";
    }
    const std::string seconds = std::to_string(wait.count());
    return "Trop de tentatives de connexion : réessayez dans " + seconds + " seconde(s). / "
           "Too many login attempts: try again in " + seconds + " second(s).";
}

// The database failed (the user lookup, or the attempt counters: then the guard fails closed).
constexpr const char* kCannotLogInNow = "Connexion impossible pour le moment : réessayez. / Cannot log in right now: try again.";

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

void show_login(const WebApp& app, httplib::Response& res, int status, const std::string& email, const std::string& error) {
    views::PageContext context;
    context.title = "Connexion";
    context.csrf_token = security::random_token();
    set_cookie(res, app, kLoginCsrfCookie, context.csrf_token);
    send_html(res, status, views::render_login_page(context, email, error));
}

}  // namespace

namespace auth_routes {

// GET /
void home(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    redirect(res, hospital_from_session(app, req) ? "/acquisitions" : "/login");
}

// GET /login
void login_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (hospital_from_session(app, req)) return redirect(res, "/acquisitions");
    show_login(app, res, 200, "", "");
}

// POST /login
void login(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    const std::string email = lower(form_value(req, "email"));
    const std::string password = req.has_param("password") ? req.get_param_value("password") : "";
    auto expected = cookie_value(req, kLoginCsrfCookie);
    if (!expected || expected->empty() || !security::constant_time_equals(form_value(req, "_csrf"), *expected))
        return show_login(app, res, 403, email, "Le formulaire a expiré. Veuillez recommencer.");
    // The attempt takes its place (counted as a failure until it ends) before any hash.
    // The guard's key stays small whatever was typed (an e-mail address has 254 characters at most).
    const std::string account_key = email.size() <= 254 ? email : "sha256:" + security::sha256_hex(email);
    auto decision = app.login_guard.admit(account_key, client_address(req.remote_addr, req.get_header_value("X-Forwarded-For"), app.config.trusted_proxies));
    if (decision.unavailable) return show_login(app, res, 503, email, kCannotLogInNow);
    if (!decision.admitted()) {
        res.set_header("Retry-After", std::to_string(decision.retry_after.count()));
        return show_login(app, res, 429, email, too_many_attempts(decision.retry_after));
    }
    auto user = app.store->users.find_by_email(email);
    if (!user && user.error().code != ErrorCode::not_found)  // the database failed: not the caller's fault
        return show_login(app, res, 503, email, kCannotLogInNow);
    bool verified = false;
    {
        auto permit = security::PasswordCheckGate::for_logins().enter();
        if (!permit) {  // the attempt is given back, not counted
            res.set_header("Retry-After", "1");
            return show_login(app, res, 503, email,
                              "Serveur occupé, réessayez dans un instant. / Server busy, please try again in a moment.");
        }
        // Unknown e-mail or inactive account: the same hash work, against a dummy hash.
        verified = security::verify_password_or_dummy(user && user->active ? &user->password_hash : nullptr, password);
    }
    if (!verified) {
        decision.attempt->failed();
        return show_login(app, res, 401, email, "Adresse e-mail ou mot de passe incorrect.");
    }
    decision.attempt->succeeded();
    std::string csrf;
    const std::string secret = open_session(app, "user", user->id, "fr", csrf);
    if (secret.empty()) return send_error_page(res, 503, "Connexion impossible pour le moment : réessayez.");
    set_cookie(res, app, kHospitalCookie, secret);
    clear_cookie(res, app, kLoginCsrfCookie);
    redirect(res, "/acquisitions");
}

// POST /logout
void logout(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (auto caller = hospital_from_session(app, req)) {
        if (!require_csrf(req, res, *caller->session, Language::fr)) return;
        app.store->sessions.remove(caller->session->token_hash);
    }
    clear_cookie(res, app, kHospitalCookie);
    redirect(res, "/login");
}

}  // namespace auth_routes

void register_auth_routes(httplib::Server& server, WebApp& app) {
    security::dummy_password_hash();  // made now, not during the first login with an unknown e-mail

    add_route(server, app, "GET", "/", auth_routes::home);
    add_route(server, app, "GET", "/login", auth_routes::login_page);
    add_route(server, app, "POST", "/login", auth_routes::login);
    add_route(server, app, "POST", "/logout", auth_routes::logout);
}

}  // namespace cyberachat::web
