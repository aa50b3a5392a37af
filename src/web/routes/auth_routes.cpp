// Hospital login and logout.
#include <chrono>
#include <map>
#include <mutex>

#include "security/secrets.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/routes/routes.hpp"
#include "web/views/auth_views.hpp"

namespace cyberachat::web {
namespace {

// Slows down password guessing: after 5 failures for one e-mail, 15 minutes of refusal.
class LoginThrottle {
public:
    bool blocked(const std::string& email) {
        std::lock_guard lock(mutex_);
        auto it = failures_.find(email);
        if (it == failures_.end()) return false;
        if (std::chrono::steady_clock::now() - it->second.first > std::chrono::minutes(15)) {
            failures_.erase(it);
            return false;
        }
        return it->second.second >= 5;
    }
    void failed(const std::string& email) {
        std::lock_guard lock(mutex_);
        auto& entry = failures_[email];
        if (entry.second == 0) entry.first = std::chrono::steady_clock::now();
        ++entry.second;
    }
    void succeeded(const std::string& email) {
        std::lock_guard lock(mutex_);
        failures_.erase(email);
    }

private:
    std::mutex mutex_;
    std::map<std::string, std::pair<std::chrono::steady_clock::time_point, int>> failures_;
};

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

void register_auth_routes(httplib::Server& server, WebApp& app) {
    static LoginThrottle throttle;

    server.Get("/", [&app](const httplib::Request& req, httplib::Response& res) {
        redirect(res, hospital_from_session(app, req) ? "/acquisitions" : "/login");
    });

    server.Get("/login", [&app](const httplib::Request& req, httplib::Response& res) {
        if (hospital_from_session(app, req)) return redirect(res, "/acquisitions");
        show_login(app, res, 200, "", "");
    });

    server.Post("/login", [&app](const httplib::Request& req, httplib::Response& res) {
        const std::string email = lower(form_value(req, "email"));
        const std::string password = req.has_param("password") ? req.get_param_value("password") : "";
        auto expected = cookie_value(req, kLoginCsrfCookie);
        if (!expected || expected->empty() || !security::constant_time_equals(form_value(req, "_csrf"), *expected))
            return show_login(app, res, 403, email, "Le formulaire a expiré. Veuillez recommencer.");
        if (throttle.blocked(email))
            return show_login(app, res, 429, email,
                              "Trop de tentatives pour ce compte. Réessayez dans quinze minutes.");
        auto user = app.store->users.find_by_email(email);
        if (!user || !user->active || !security::verify_password(user->password_hash, password)) {
            throttle.failed(email);
            return show_login(app, res, 401, email, "Adresse e-mail ou mot de passe incorrect.");
        }
        throttle.succeeded(email);
        std::string csrf;
        const std::string secret = open_session(app, "user", user->id, "fr", csrf);
        if (secret.empty()) return send_error_page(res, 503, "Connexion impossible pour le moment : réessayez.");
        set_cookie(res, app, kHospitalCookie, secret);
        clear_cookie(res, app, kLoginCsrfCookie);
        redirect(res, "/acquisitions");
    });

    server.Post("/logout", [&app](const httplib::Request& req, httplib::Response& res) {
        if (auto caller = hospital_from_session(app, req)) {
            if (!require_csrf(req, res, *caller->session, Language::fr)) return;
            app.store->sessions.remove(caller->session->token_hash);
        }
        clear_cookie(res, app, kHospitalCookie);
        redirect(res, "/login");
    });
}

}  // namespace cyberachat::web
