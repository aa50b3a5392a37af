// Hospital login and logout.
#include "web/routes/auth_routes.hpp"

#include "core/text_format.hpp"
#include "web/access/access_guard.hpp"

#include <chrono>
#include <string>

#include <spdlog/spdlog.h>

#include "security/login_guard.hpp"
#include "security/password_check_gate.hpp"
#include "security/secrets.hpp"
#include "services/directory_accounts.hpp"
#include "web/client_address.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/routes/routes.hpp"
#include "web/views/login_page.hpp"

namespace cyberachat::web {
namespace {

std::string too_many_attempts(std::chrono::seconds wait) {
    if (wait >= std::chrono::seconds(60)) {
        const size_t minutes = static_cast<size_t>((wait.count() + 59) / 60);
        return "Trop de tentatives de connexion : réessayez dans " + count_with_noun(minutes, "minute", "minutes", Language::fr) +
               ". / Too many login attempts: try again in " + count_with_noun(minutes, "minute", "minutes", Language::en) + ".";
    }
    const size_t seconds = static_cast<size_t>(wait.count());
    return "Trop de tentatives de connexion : réessayez dans " + count_with_noun(seconds, "seconde", "secondes", Language::fr) +
           ". / Too many login attempts: try again in " + count_with_noun(seconds, "second", "seconds", Language::en) + ".";
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

constexpr const char* kServerBusy = "Serveur occupé, réessayez dans un instant. / Server busy, please try again in a moment.";
constexpr const char* kWrongCredentials = "Adresse e-mail ou mot de passe incorrect.";
constexpr const char* kDirectoryUnreachable =
    "Annuaire de l'établissement injoignable : réessayez plus tard ; les comptes locaux restent utilisables.";

// The account is known and its password checked: its session, then the purchases.
void open_hospital_session(WebApp& app, httplib::Response& res, security::LoginGuard::Attempt& attempt, Id user_id) {
    attempt.succeeded();
    std::string csrf;
    const std::string secret = open_session(app, "user", user_id, "fr", csrf);
    if (secret.empty()) return send_error_page(res, 503, "Connexion impossible pour le moment : réessayez.");
    set_cookie(res, app, kHospitalCookie, secret);
    clear_cookie(res, app, kLoginCsrfCookie);
    redirect(res, "/acquisitions");
}

// What the directory's refusal tells the person at the login form; counted as a failure when it
// is about their credentials or their access, given back when the directory could not answer.
void refuse_directory_login(const WebApp& app, httplib::Response& res, const std::string& login,
                            const directory::DirectoryLogin& outcome, security::LoginGuard::Attempt& attempt) {
    switch (outcome.failure) {
        case directory::DirectoryFailure::wrong_credentials:
            attempt.failed();
            return show_login(app, res, 401, login, kWrongCredentials);
        case directory::DirectoryFailure::not_allowed:
        case directory::DirectoryFailure::no_email:  // the password was right: say why
            attempt.failed();
            spdlog::info("annuaire : connexion refusée, {}", outcome.detail);
            return show_login(app, res, 403, login,
                              outcome.failure == directory::DirectoryFailure::not_allowed
                                  ? "Votre compte de l'annuaire n'a pas accès à Cyberachat : demandez à "
                                    "l'administrateur de vous ajouter au groupe prévu."
                                  : "Votre fiche dans l'annuaire n'a pas d'adresse e-mail : adressez-vous au "
                                    "service informatique.");
        case directory::DirectoryFailure::unreachable:
            spdlog::warn("annuaire injoignable : {}", outcome.detail);
            res.set_header("Retry-After", "30");
            return show_login(app, res, 503, login, kDirectoryUnreachable);
        case directory::DirectoryFailure::misconfigured:
            spdlog::error("annuaire mal configuré : {}", outcome.detail);
            return show_login(app, res, 503, login,
                              "Connexion par l'annuaire impossible : sa configuration est à revoir (journal du "
                              "serveur) ; les comptes locaux restent utilisables.");
    }
}

// A login that is not a local account's, when a directory is configured: the directory checks
// the password and gives the role; the account here is created or brought up to date.
void directory_login(WebApp& app, httplib::Response& res, const std::string& login, const std::string& password,
                     security::LoginGuard::Attempt attempt) {
    directory::DirectoryLogin outcome;
    {
        auto permit = app.directory_logins.enter();
        if (!permit) {  // the attempt is given back, not counted
            res.set_header("Retry-After", "1");
            return show_login(app, res, 503, login, kServerBusy);
        }
        outcome = app.directory->authenticate(login, password);
    }
    if (!outcome.ok()) return refuse_directory_login(app, res, login, outcome, attempt);
    const directory::DirectoryAccount& found = *outcome.account;
    auto account = services::sync_directory_account(*app.store, {found.email, found.display_name, found.role});
    if (!account) {
        const Error& error = account.error();
        if (error.code == ErrorCode::storage) return show_login(app, res, 503, login, kCannotLogInNow);
        attempt.failed();
        if (error.code == ErrorCode::conflict)
            spdlog::warn("annuaire : {} a le même e-mail ({}) qu'un compte local, qui ne s'ouvre qu'avec son mot de passe local",
                         found.dn, found.email);
        return show_login(app, res, 403, login, error.message.fr);
    }
    open_hospital_session(app, res, attempt, account->id);
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
    // A local account logs in with its local password, directory or not (the break-glass
    // administrator, even with the directory down); anyone else through the directory.
    if (app.directory && !(user && user->origin == "local"))
        return directory_login(app, res, email, password, std::move(*decision.attempt));
    bool verified = false;
    {
        auto permit = security::PasswordCheckGate::for_logins().enter();
        if (!permit) {  // the attempt is given back, not counted
            res.set_header("Retry-After", "1");
            return show_login(app, res, 503, email, kServerBusy);
        }
        // Unknown e-mail or inactive account: the same hash work, against a dummy hash.
        verified = security::verify_password_or_dummy(user && user->active ? &user->password_hash : nullptr, password);
    }
    if (!verified) {
        decision.attempt->failed();
        return show_login(app, res, 401, email, kWrongCredentials);
    }
    open_hospital_session(app, res, *decision.attempt, user->id);
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
