#include "web/api/api_auth.hpp"

#include "web/access/access_guard.hpp"
#include "web/http_io.hpp"

namespace cyberachat::web {

std::optional<HospitalCaller> require_api_user(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (const GrantedAccess* access = granted_access(req)) return access->caller;  // the guard identified it
    if (auto caller = hospital_from_bearer(app, req)) return caller;
    send_json_error(res, Error::make(ErrorCode::unauthorized, "Jeton d'API manquant ou invalide (en-tête Authorization: Bearer …)."));
    return std::nullopt;
}

std::optional<VendorCaller> require_vendor(WebApp& app, const httplib::Request& req, httplib::Response& res,
                                           bool mutating) {
    if (auto caller = vendor_from_bearer(app, req)) return caller;
    if (req.get_header_value("Authorization").empty()) {
        if (auto caller = vendor_from_session(app, req)) {
            if (!mutating || csrf_ok(req, *caller->session)) return caller;
            send_json_error(res, Error::make(ErrorCode::csrf, "Jeton CSRF manquant ou invalide (en-tête X-CSRF-Token)."));
            return std::nullopt;
        }
    }
    send_json_error(res, Error::make(ErrorCode::unauthorized,
                    "Lien d'invitation manquant, inconnu ou révoqué. / Missing, unknown or revoked invitation token."));
    return std::nullopt;
}

Language language_of(const VendorCaller& caller) {
    return parse_language(caller.session ? caller.session->language : caller.response.language);
}

}  // namespace cyberachat::web
