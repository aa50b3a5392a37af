#include "web/request_auth.hpp"

#include "web/access/access_guard.hpp"

#include <ctime>

#include "security/secrets.hpp"
#include "web/http_io.hpp"

namespace cyberachat::web {
namespace {

std::time_t parse_iso(const std::string& text) {
    std::tm tm{};
    if (!strptime(text.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm)) return 0;
    return timegm(&tm);
}

// The session behind `cookie`, unless idle for longer than `idle_minutes` or begun longer ago
// than the absolute lifetime (then it is removed: the user logs in again).
std::optional<store::Session> live_session(WebApp& app, const httplib::Request& req, const char* cookie,
                                           const char* kind, int idle_minutes) {
    auto value = cookie_value(req, cookie);
    if (!value || value->empty() || value->size() > 200) return std::nullopt;
    const std::string hash = security::sha256_hex(*value);
    auto session = app.store->sessions.find(hash);
    if (!session || session->kind != kind) return std::nullopt;
    const std::time_t now = std::time(nullptr);
    const std::time_t last_seen = parse_iso(session->last_seen_at);
    const std::time_t created = parse_iso(session->created_at);
    if (now - last_seen > static_cast<std::time_t>(idle_minutes) * 60 ||
        now - created > static_cast<std::time_t>(app.config.session_max_hours) * 3600) {
        app.store->sessions.remove(hash);
        return std::nullopt;
    }
    if (now - last_seen > 60) app.store->sessions.touch(hash);  // at most one write a minute
    return std::move(session.value());
}

std::optional<std::string> bearer_token(const httplib::Request& req) {
    const std::string header = req.get_header_value("Authorization");
    constexpr std::string_view prefix = "Bearer ";
    if (header.size() <= prefix.size() || header.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
    std::string token = header.substr(prefix.size());
    if (token.size() > 200) return std::nullopt;
    return token;
}

}  // namespace

std::optional<std::string> cookie_value(const httplib::Request& req, const std::string& name) {
    const std::string header = req.get_header_value("Cookie");
    size_t pos = 0;
    while (pos < header.size()) {
        while (pos < header.size() && (header[pos] == ' ' || header[pos] == ';')) ++pos;
        size_t eq = header.find('=', pos);
        if (eq == std::string::npos) break;
        size_t end = header.find(';', eq);
        if (end == std::string::npos) end = header.size();
        if (header.compare(pos, eq - pos, name) == 0) return header.substr(eq + 1, end - eq - 1);
        pos = end;
    }
    return std::nullopt;
}

void set_cookie(httplib::Response& res, const WebApp& app, const std::string& name, const std::string& value,
                int max_age_seconds) {
    std::string cookie = name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax";
    if (app.config.secure_cookies) cookie += "; Secure";
    if (max_age_seconds >= 0) cookie += "; Max-Age=" + std::to_string(max_age_seconds);
    res.set_header("Set-Cookie", cookie);
}

void clear_cookie(httplib::Response& res, const WebApp& app, const std::string& name) {
    set_cookie(res, app, name, "", 0);
}

std::optional<HospitalCaller> hospital_from_session(WebApp& app, const httplib::Request& req) {
    auto session = live_session(app, req, kHospitalCookie, "user", app.config.hospital_idle_minutes);
    if (!session) return std::nullopt;
    auto user = app.store->users.find(session->subject_id);
    if (!user || !user->active) return std::nullopt;
    return HospitalCaller{std::move(*user), std::move(session)};
}

std::optional<HospitalCaller> hospital_from_bearer(WebApp& app, const httplib::Request& req) {
    auto token = bearer_token(req);
    if (!token) return std::nullopt;
    auto user = app.store->api_tokens.find_user(security::sha256_hex(*token));
    if (!user || !user->active) return std::nullopt;
    return HospitalCaller{std::move(*user), std::nullopt};
}

namespace {

// The link state, and the purchase read to tell it (kept for the request: the page reads it next).
VendorLinkState read_link_state(WebApp& app, const VendorResponse& response, std::optional<Acquisition>& purchase) {
    if (!response.withdrawn_at.empty()) return VendorLinkState::withdrawn;
    auto acquisition = app.store->acquisitions.find(response.acquisition_id);
    if (!acquisition) return VendorLinkState::unavailable;
    const bool draft = acquisition->status == "draft";
    purchase = std::move(*acquisition);
    return draft ? VendorLinkState::not_open : VendorLinkState::works;
}

}  // namespace

VendorLinkState vendor_link_state(WebApp& app, const VendorResponse& response) {
    std::optional<Acquisition> unused;
    return read_link_state(app, response, unused);
}

// The vendor's first page or API call notes when it opened its link (the questions added to the
// purchase after that are marked new for it); later calls write nothing.
void note_first_opening(WebApp& app, VendorResponse& response) {
    if (!response.opened_at.empty()) return;
    if (auto stored = app.store->responses.mark_opened(response.id)) {
        response.opened_at = stored->opened_at;
        response.revision = stored->revision;  // raised by the change: the page is keyed by what it shows
    }
}

std::optional<VendorCaller> vendor_from_session(WebApp& app, const httplib::Request& req) {
    auto session = live_session(app, req, kVendorCookie, "vendor", app.config.vendor_idle_minutes);
    if (!session) return std::nullopt;
    auto response = app.store->responses.find(session->subject_id);
    if (!response || response->invite_token_hash.empty()) return std::nullopt;  // revoked link ends sessions
    std::optional<Acquisition> acquisition;
    if (read_link_state(app, *response, acquisition) != VendorLinkState::works) return std::nullopt;
    note_first_opening(app, *response);
    return VendorCaller{std::move(*response), std::move(session), std::move(acquisition)};
}

std::optional<VendorCaller> vendor_from_bearer(WebApp& app, const httplib::Request& req) {
    auto token = bearer_token(req);
    if (!token) return std::nullopt;
    auto response = app.store->responses.find_by_token_hash(security::sha256_hex(*token));
    if (!response) return std::nullopt;
    std::optional<Acquisition> acquisition;
    if (read_link_state(app, *response, acquisition) != VendorLinkState::works) return std::nullopt;
    note_first_opening(app, *response);
    return VendorCaller{std::move(*response), std::nullopt, std::move(acquisition)};
}

std::string open_session(WebApp& app, const std::string& kind, Id subject_id, const std::string& language,
                         std::string& csrf_token_out) {
    const std::string secret = security::random_token();
    store::Session session;
    session.token_hash = security::sha256_hex(secret);
    session.kind = kind;
    session.subject_id = subject_id;
    session.csrf_token = security::random_token();
    session.language = language;
    session.created_at = session.last_seen_at = store::now_iso();
    auto created = app.store->sessions.create(session);
    if (!created) return {};
    csrf_token_out = session.csrf_token;
    return secret;
}

bool csrf_ok(const httplib::Request& req, const store::Session& session) {
    std::string sent = req.has_param("_csrf") ? req.get_param_value("_csrf") : req.get_header_value("X-CSRF-Token");
    if (sent.empty() && req.is_multipart_form_data() && req.has_file("_csrf")) sent = req.get_file_value("_csrf").content;
    return !sent.empty() && security::constant_time_equals(sent, session.csrf_token);
}

std::optional<HospitalCaller> require_hospital(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (const GrantedAccess* access = granted_access(req)) return access->caller;  // the guard identified it
    auto caller = hospital_from_bearer(app, req);
    if (!caller && req.get_header_value("Authorization").empty()) caller = hospital_from_session(app, req);
    if (!caller)
        send_json_error(res, Error::make(ErrorCode::unauthorized,
                        "Jeton d'API ou session de l'établissement manquant ou invalide (en-tête Authorization: Bearer …)."));
    return caller;
}

Language vendor_language(const httplib::Request& req, const VendorCaller& caller) {
    if (req.has_param("lang")) return parse_language(req.get_param_value("lang"));
    return parse_language(caller.session ? caller.session->language : caller.response.language);
}

}  // namespace cyberachat::web
