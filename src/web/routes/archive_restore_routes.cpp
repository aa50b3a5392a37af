#include "web/routes/archive_restore_routes.hpp"

#include "web/access/access_guard.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/routes/routes.hpp"
#include "web/views/archive_restore_page.hpp"

#include <optional>

namespace cyberachat::web {

namespace archive_restore_routes {

namespace {

void send_restore_page(WebApp& app, httplib::Response& res, const HospitalCaller& caller, int status,
                       views::ArchiveRestorePageData data) {
    data.max_upload_mb = app.config.max_document_bytes / (1024 * 1024);
    send_html(res, status, views::render_archive_restore_page(hospital_context(caller, ""), data));
}

}  // namespace

void restore_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return;
    send_restore_page(app, res, *caller, 200, {});
}

void restore(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return;
    views::ArchiveRestorePageData data;
    std::optional<httplib::MultipartFormData> file;
    if (req.is_multipart_form_data() && req.has_file("archive")) file = req.get_file_value("archive");
    if (!file || file->content.empty()) {
        data.error = "choisissez le fichier zip de l'archive (« Archive complète » sur la page d'un achat).";
        if (file) data.file_name = file->filename;
        return send_restore_page(app, res, *caller, 422, std::move(data));
    }
    auto restored = app.exports.import_archive(file->content, caller->actor(), caller->user.id);
    if (!restored) {
        if (restored.error().code != ErrorCode::invalid_archive) return send_error_page(res, restored.error());
        data.error = restored.error().message.fr;
        data.file_name = file->filename;
        return send_restore_page(app, res, *caller, 422, std::move(data));
    }
    set_flash(res, app, "Achat « " + restored->title +
                            " » restauré depuis son archive : vous en êtes le pilote. Les liens des fournisseurs ne "
                            "sont pas restaurés : invitez-les de nouveau pour qu'ils reprennent leurs réponses.");
    redirect(res, "/acquisitions/" + std::to_string(restored->id));
}

}  // namespace archive_restore_routes

void register_archive_restore_routes(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/acquisitions/restore", archive_restore_routes::restore_page);
    add_route(server, app, "POST", "/acquisitions/restore", archive_restore_routes::restore);
}

}  // namespace cyberachat::web
