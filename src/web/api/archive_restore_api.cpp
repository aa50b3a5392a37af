#include "web/api/archive_restore_api.hpp"

#include "web/access/access_guard.hpp"
#include "web/api/api_auth.hpp"
#include "web/http_io.hpp"
#include "web/routes/routes.hpp"

namespace cyberachat::web {

namespace archive_restore_api {

void restore(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_user(app, req, res);
    if (!caller) return;
    std::string multipart_content;
    const std::string* bytes = &req.body;
    if (req.is_multipart_form_data()) {
        if (!req.has_file("archive"))
            return send_json_error(res, Error::make(ErrorCode::bad_request, "Champ multipart « archive » manquant.",
                                                    "Missing multipart field 'archive'."));
        multipart_content = req.get_file_value("archive").content;
        bytes = &multipart_content;
    }
    if (bytes->empty())
        return send_json_error(res, Error::make(ErrorCode::invalid_archive,
                                                "Archive refusée : le corps de la requête est vide (envoyez le zip).",
                                                "Archive refused: the request body is empty (send the zip)."));
    auto restored = app.exports.import_archive(*bytes, caller->actor(), caller->user.id);
    if (!restored) return send_json_error(res, restored.error());
    auto questionnaire = app.questionnaires.get(restored->questionnaire_version_id);
    if (!questionnaire) return send_json_error(res, questionnaire.error());
    res.set_header("Location", "/api/v1/acquisitions/" + std::to_string(restored->id));
    send_json(res, 201, {{"id", restored->id},
                         {"title", restored->title},
                         {"status", restored->status},
                         {"questionnaire", {{"id", (*questionnaire)->id}, {"version", (*questionnaire)->version}}}});
}

}  // namespace archive_restore_api

void register_archive_restore_api(httplib::Server& server, WebApp& app) {
    add_route(server, app, "POST", "/api/v1/acquisitions/restore", archive_restore_api::restore);
}

}  // namespace cyberachat::web
