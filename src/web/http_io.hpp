#pragma once
// Small helpers to answer a request: HTML, JSON, errors, redirects, form fields.
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/acquisition.hpp"
#include "core/localized_text.hpp"
#include "core/result.hpp"

namespace cyberachat::web {

void send_html(httplib::Response& res, int status, std::string html);
void send_json(httplib::Response& res, int status, const nlohmann::json& body);
// {"error": {"code", "message"}} plus the error's payload (e.g. "current" of a conflict), with the
// status of its code; a 5xx is logged (the message only, never a value).
void send_json_error(httplib::Response& res, const Error& error, Language language = Language::fr);
nlohmann::json error_json(const Error& error, Language language);
// The HTTP status of an error code: one switch, no default (docs/api.md, "Errors").
int status_for(const Error& error);
void log_server_error(const Error& error);
void redirect(httplib::Response& res, const std::string& location);  // 303 See Other
// 200 with `bytes` as a download named `file_name` (an ASCII name: Content-Disposition attachment).
void send_attachment(httplib::Response& res, std::string bytes, const std::string& content_type,
                     const std::string& file_name);

// A form's text field, urlencoded or multipart; trimmed; "" when absent.
std::string form_value(const httplib::Request& req, const std::string& name);
// Parses the body as JSON object; nullopt (and a 400 sent) when it is not.
std::optional<nlohmann::json> json_body(const httplib::Request& req, httplib::Response& res);

bool is_api_path(const std::string& path);
// The language asked for by the `lang` query parameter ("en" → English, anything else → French).
Language requested_language(const httplib::Request& req);
// The path, the query and form parameters, and the multipart fields' names, file names and
// (for fields that are not files) values are all well-formed UTF-8.
bool request_text_is_utf8(const httplib::Request& req);
std::optional<long long> path_id(const httplib::Request& req, size_t index = 1);

// The record whose id is the path's number `index` (see path_id): "not_found" when the path has
// none or no such record exists, "storage" when the read failed.
template <typename Repository>
auto find_by_path_id(Repository& repository, const httplib::Request& req, size_t index = 1)
    -> decltype(repository.find(Id{})) {
    auto id = path_id(req, index);
    if (!id) return Error::make(ErrorCode::not_found, "Introuvable.", "Not found.");
    return repository.find(*id);
}

}  // namespace cyberachat::web
