#include "web/api/questionnaire_library_api.hpp"

#include "web/access/access_guard.hpp"
#include "web/api/api_auth.hpp"
#include "web/http_io.hpp"
#include "web/routes/routes.hpp"

namespace cyberachat::web {

using nlohmann::json;

json library_entry_json(const services::LibraryEntry& entry) {
    return {{"questionnaire_version_id", entry.questionnaire_version_id},
            {"questionnaire_id", entry.questionnaire_id},
            {"version", entry.version},
            {"title", entry.title},
            {"kind", entry.kind},
            {"base", entry.base_version.empty() ? json() : json(entry.base_version)},
            {"has_grid", entry.has_grid},
            {"purchases", entry.purchases},
            {"file_name", entry.file_name},
            {"created_at", entry.created_at}};
}

namespace questionnaire_library_api {

void list(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (!require_api_user(app, req, res)) return;
    auto entries = app.library.list();
    if (!entries) return send_json_error(res, entries.error());
    json out = json::array();
    for (const auto& entry : *entries) out.push_back(library_entry_json(entry));
    send_json(res, 200, {{"questionnaires", std::move(out)}});
}

void add(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_user(app, req, res);
    if (!caller) return;
    std::string text, file_name = req.get_param_value("file_name");
    const std::string type = req.get_header_value("Content-Type");
    if (req.is_multipart_form_data()) {
        if (!req.has_file("file"))
            return send_json_error(res, Error::make(ErrorCode::bad_request, "Champ multipart « file » manquant.",
                                                    "Missing multipart field 'file'."));
        const auto& file = req.get_file_value("file");
        text = file.content;
        if (file_name.empty()) file_name = file.filename;
    } else if (type.rfind("application/json", 0) == 0) {
        auto body = json_body(req, res);
        if (!body) return;
        const auto yaml = body->find("yaml");
        if (yaml == body->end() || !yaml->is_string())
            return send_json_error(res, Error::make(ErrorCode::invalid_value, "« yaml » : le texte du questionnaire.",
                                                    "'yaml': the questionnaire's text."));
        text = yaml->get<std::string>();
        if (auto name = body->find("file_name"); name != body->end() && name->is_string()) file_name = name->get<std::string>();
    } else {
        text = req.body;  // text/yaml, application/yaml, text/plain…
    }
    auto added = app.library.add(text, file_name, caller->actor());
    if (!added) return send_json_error(res, added.error());
    send_json(res, 201, library_entry_json(*added));
}

void extend_purchase(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_user(app, req, res);
    if (!caller) return;
    auto pinned = app.library.extend_purchase(path_id(req).value_or(0), req.body, caller->actor());
    if (!pinned) return send_json_error(res, pinned.error());
    send_json(res, 200, {{"questionnaire", {{"id", pinned->questionnaire_id},
                                            {"version", pinned->version},
                                            {"version_id", pinned->id}}}});
}

}  // namespace questionnaire_library_api

void register_questionnaire_library_api(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/api/v1/questionnaires", questionnaire_library_api::list);
    add_route(server, app, "POST", "/api/v1/questionnaires", questionnaire_library_api::add);
    add_route(server, app, "POST", "/api/v1/acquisitions/{acquisition}/questionnaire", questionnaire_library_api::extend_purchase);
}

}  // namespace cyberachat::web
