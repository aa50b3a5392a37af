#include "web/page_support.hpp"

#include "web/access/access_guard.hpp"

#include <cctype>

#include "web/http_io.hpp"
#include "web/views/error_page.hpp"

namespace cyberachat::web {
namespace {

constexpr const char* kFlashCookie = "cyb_flash";

// Flash messages are URL-safe encoded so any text survives the cookie.
std::string encode_flash(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.') out.push_back(static_cast<char>(c));
        else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

std::string decode_flash(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            auto nibble = [](char c) -> int {
                if (c >= '0' && c <= '9') return c - '0';
                if (c >= 'A' && c <= 'F') return c - 'A' + 10;
                if (c >= 'a' && c <= 'f') return c - 'a' + 10;
                return -1;
            };
            int high = nibble(text[i + 1]), low = nibble(text[i + 2]);
            if (high < 0 || low < 0) return {};
            out.push_back(static_cast<char>(high * 16 + low));
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

}  // namespace

std::optional<HospitalCaller> require_hospital_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (const GrantedAccess* access = granted_access(req)) return access->caller;  // the guard identified it
    if (auto caller = hospital_from_session(app, req)) return caller;
    redirect(res, "/login");
    return std::nullopt;
}

std::optional<VendorCaller> require_vendor_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (auto caller = vendor_from_session(app, req)) return caller;
    send_error_page(res, 401,
                    "Votre session a expiré ou le lien n'est plus valable. Ouvrez à nouveau le lien reçu par e-mail. / "
                    "Your session has expired or the link is no longer valid. Open the link you received by e-mail again.");
    return std::nullopt;
}

views::PageContext hospital_context(const HospitalCaller& caller, std::string title) {
    views::PageContext context;
    context.language = Language::fr;
    context.title = std::move(title);
    context.csrf_token = caller.session ? caller.session->csrf_token : "";
    context.user_email = caller.user.email;
    context.user_id = caller.user.id;
    context.user_role_label = std::string(role_label_fr(caller.user.role));
    context.rights = granted_purchase_rights();
    context.user_is_admin = caller.user.role == Role::admin;
    return context;
}

views::PageContext vendor_context(WebApp& app, const VendorCaller& caller, std::string title, const httplib::Request& req) {
    views::PageContext context;
    context.hospital = app.instance.identity();
    context.language = parse_language(caller.session ? caller.session->language : caller.response.language);
    context.title = std::move(title);
    context.csrf_token = caller.session ? caller.session->csrf_token : "";
    context.vendor = true;
    context.current_path = req.path;
    return context;
}

bool require_confirmation(const httplib::Request& req, httplib::Response& res, const std::string& message,
                          Language language) {
    if (form_value(req, "confirm") == "1") return true;
    send_error_page(res, 400, message, language);
    return false;
}

bool require_csrf(const httplib::Request& req, httplib::Response& res, const store::Session& session, Language language) {
    if (csrf_ok(req, session)) {
        if (request_text_is_utf8(req)) return true;
        send_error_page(res, 400,
                        in_language(language,
                                    "Le formulaire contient des caractères illisibles (encodage autre que UTF-8) : rien "
                                    "n'a été enregistré. Ressaisissez le texte et recommencez.",
                                    "The form contains unreadable characters (not UTF-8): nothing was saved. Retype "
                                    "the text and try again."),
                        language);
        return false;
    }
    send_error_page(res, 403,
                    in_language(language,
                                "Le formulaire a expiré ou ne provient pas de ce site. Rechargez la page et recommencez.",
                                "The form has expired or did not come from this site. Reload the page and try again."),
                    language);
    return false;
}

void send_error_page(httplib::Response& res, int status, const std::string& message, const views::PageContext& context) {
    send_html(res, status, views::render_error_page(context, status, message));
}

void send_error_page(httplib::Response& res, int status, const std::string& message, Language language) {
    views::PageContext context;
    context.language = language;
    context.title = in_language(language, "Erreur", "Error");
    send_error_page(res, status, message, context);
}

void send_error_page(httplib::Response& res, const Error& error, Language language) {
    if (status_for(error) >= 500) log_server_error(error);
    send_error_page(res, status_for(error), error.message.in(language), language);
}

void send_error_page(httplib::Response& res, const Error& error, const views::PageContext& context) {
    if (status_for(error) >= 500) log_server_error(error);
    send_error_page(res, status_for(error), error.message.in(context.language), context);
}

void set_flash(httplib::Response& res, const WebApp& app, const std::string& message, bool is_error) {
    set_cookie(res, app, kFlashCookie, (is_error ? "E" : "I") + encode_flash(message), 60);
}

bool has_flash(const httplib::Request& req) {
    auto value = cookie_value(req, kFlashCookie);
    return value && !value->empty();
}

void take_flash(const httplib::Request& req, httplib::Response& res, const WebApp& app, views::PageContext& context) {
    auto value = cookie_value(req, kFlashCookie);
    if (!value || value->empty()) return;
    context.flash_is_error = (*value)[0] == 'E';
    context.flash = decode_flash(value->substr(1));
    clear_cookie(res, app, kFlashCookie);
}

}  // namespace cyberachat::web
