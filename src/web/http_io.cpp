#include "web/http_io.hpp"

#include "core/ascii_text.hpp"
#include "core/bounded_json.hpp"
#include "core/utf8.hpp"

#include <charconv>

#include "services/acquisition_service.hpp"

namespace cyberachat::web {

void send_html(httplib::Response& res, int status, std::string html) {
    res.status = status;
    res.set_content(std::move(html), "text/html; charset=utf-8");
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json; charset=utf-8");
}

void send_json_error(httplib::Response& res, int status, const std::string& code, const std::string& message) {
    send_json(res, status, {{"error", {{"code", code}, {"message", message}}}});
}

int status_for(const Error& error) {
    const std::string& code = error.code;
    if (code == "not_found") return 404;
    if (code == "invalid" || code == "invalid_value") return 422;
    if (code == "conflict" || code == "submitted" || code == "incomplete") return 409;
    if (code == "too_large") return 413;
    if (code == "not_xlsx" || code == "corrupt" || code == "foreign" || code == "wrong_version") return 422;
    if (code == "forbidden") return 403;
    if (code == "unauthorized") return 401;
    return 500;
}

void send_json_error(httplib::Response& res, const Error& error, Language language) {
    const std::string& message = in_language(language, error.message, error.message_en);
    send_json_error(res, status_for(error), error.code, message);
}

void redirect(httplib::Response& res, const std::string& location) {
    res.status = 303;
    res.set_header("Location", location);
}

std::string form_value(const httplib::Request& req, const std::string& name) {
    return req.has_param(name.c_str()) ? std::string(trim(req.get_param_value(name.c_str()))) : std::string();
}

std::optional<nlohmann::json> json_body(const httplib::Request& req, httplib::Response& res) {
    auto body = parse_bounded_json(req.body);
    if (!body && body.error().code == "json_too_deep") {
        send_json_error(res, 400, "json_too_deep", body.error().message + " / " + body.error().message_en);
        return std::nullopt;
    }
    if (!body || !body->is_object()) {
        send_json_error(res, 400, "bad_request",
                        "Corps JSON invalide : un objet est attendu. / Invalid JSON body: an object is expected.");
        return std::nullopt;
    }
    return std::move(body).value();
}

bool is_api_path(const std::string& path) { return path.rfind("/api/", 0) == 0; }

Language requested_language(const httplib::Request& req) { return parse_language(req.get_param_value("lang")); }

std::optional<long long> path_id(const httplib::Request& req, size_t index) {
    if (req.matches.size() <= index) return std::nullopt;
    const std::string text = req.matches[index].str();
    long long value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
    return value;
}

bool request_text_is_utf8(const httplib::Request& req) {
    if (!is_valid_utf8(req.path)) return false;
    for (const auto& [name, value] : req.params)
        if (!is_valid_utf8(name) || !is_valid_utf8(value)) return false;
    for (const auto& [name, field] : req.files)
        if (!is_valid_utf8(name) || !is_valid_utf8(field.filename) ||
            (field.filename.empty() && !is_valid_utf8(field.content)))
            return false;
    return true;
}

}  // namespace cyberachat::web
