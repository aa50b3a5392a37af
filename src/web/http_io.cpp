#include "web/http_io.hpp"

#include "core/ascii_text.hpp"
#include "core/bounded_json.hpp"
#include "core/utf8.hpp"

#include <charconv>
#include <spdlog/spdlog.h>

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


int status_for(const Error& error) {
    switch (error.code) {
        case ErrorCode::not_found: return 404;
        case ErrorCode::invalid_value:
        case ErrorCode::not_xlsx:
        case ErrorCode::corrupt:
        case ErrorCode::foreign:
        case ErrorCode::wrong_version:
        case ErrorCode::invalid_archive:
        case ErrorCode::condition_syntax: return 422;
        case ErrorCode::conflict:
        case ErrorCode::submitted:
        case ErrorCode::deadline_passed:
        case ErrorCode::purchase_closed:
        case ErrorCode::archived:
        case ErrorCode::incomplete: return 409;
        case ErrorCode::too_large: return 413;
        case ErrorCode::forbidden:
        case ErrorCode::csrf: return 403;
        case ErrorCode::unauthorized: return 401;
        case ErrorCode::method_not_allowed: return 405;
        case ErrorCode::bad_request:
        case ErrorCode::json_too_deep:
        case ErrorCode::bad_json: return 400;
        case ErrorCode::output_failed:
        case ErrorCode::storage:
        case ErrorCode::internal: return 500;
    }
    return 500;
}

nlohmann::json error_json(const Error& error, Language language) {
    nlohmann::json body = {{"error", {{"code", error_code_name(error.code)}, {"message", error.message.in(language)}}}};
    if (error.payload.is_object())
        for (const auto& [key, value] : error.payload.items()) body[key] = value;
    return body;
}

void send_json_error(httplib::Response& res, const Error& error, Language language) {
    if (status_for(error) >= 500) log_server_error(error);
    send_json(res, status_for(error), error_json(error, language));
}

void log_server_error(const Error& error) {
    spdlog::error("{}: {}", error_code_name(error.code), error.message.fr);
}

void send_attachment(httplib::Response& res, std::string bytes, const std::string& content_type,
                     const std::string& file_name) {
    res.status = 200;
    res.set_header("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
    res.set_content(std::move(bytes), content_type);
}

void redirect(httplib::Response& res, const std::string& location) {
    res.status = 303;
    res.set_header("Location", location);
}

std::string form_value(const httplib::Request& req, const std::string& name) {
    if (req.has_param(name.c_str())) return std::string(trim(req.get_param_value(name.c_str())));
    // A multipart form (one with a file) carries its text fields as parts without a file name.
    if (req.is_multipart_form_data() && req.has_file(name.c_str())) {
        const auto& field = req.get_file_value(name.c_str());
        if (field.filename.empty()) return std::string(trim(field.content));
    }
    return std::string();
}

std::optional<nlohmann::json> json_body(const httplib::Request& req, httplib::Response& res) {
    auto body = parse_bounded_json(req.body);
    if (!body && body.error().code == ErrorCode::json_too_deep) {
        send_json_error(res, Error::make(ErrorCode::json_too_deep, body.error().message.fr + " / " + body.error().message.in(Language::en)));
        return std::nullopt;
    }
    if (!body || !body->is_object()) {
        send_json_error(res, Error::make(ErrorCode::bad_request,
                        "Corps JSON invalide : un objet est attendu. / Invalid JSON body: an object is expected."));
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
