#pragma once
// API v1, the questionnaire library (docs/api.md): GET /api/v1/questionnaires (every hospital
// account), POST /api/v1/questionnaires (administrators, biomedical engineers): a YAML text —
// the raw body (Content-Type text/yaml, application/yaml or text/plain, `?file_name=`), JSON
// {yaml, file_name?}, or a multipart part `file`.
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "services/questionnaire_library.hpp"
#include "web/web_app.hpp"

namespace cyberachat::web {

nlohmann::json library_entry_json(const services::LibraryEntry& entry);

namespace questionnaire_library_api {
void list(WebApp& app, const httplib::Request& req, httplib::Response& res);
void add(WebApp& app, const httplib::Request& req, httplib::Response& res);
// POST /api/v1/acquisitions/{id}/questionnaire: an extension of the purchase's own questionnaire (raw YAML)
void extend_purchase(WebApp& app, const httplib::Request& req, httplib::Response& res);
}  // namespace questionnaire_library_api

}  // namespace cyberachat::web
