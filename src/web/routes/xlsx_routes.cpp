// Excel round trip on the pages: the vendor's and the hospital's workbook downloads, and the import
// page (upload → preview with the per-row report → "apply"; the file waits in the database in
// between, so that "apply" may reach another instance).
#include "web/routes/xlsx_routes.hpp"

#include "core/purchase_title.hpp"
#include "web/access/access_guard.hpp"

#include "outputs/xlsx/questionnaire_workbook.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/routes/routes.hpp"
#include "web/views/xlsx_import_page.hpp"
#include "web/xlsx_transfer.hpp"

namespace cyberachat::web {
namespace {


std::string error_text(const Error& error, Language language) {
    return error.message.in(language);
}

// Who imports for which response, and where the page's links go.
struct ImportTarget {
    Id response_id = 0;
    Actor actor;
    views::PageContext context;
    views::ImportPageView view;
};

void send_workbook(WebApp& app, httplib::Response& res, Id response_id, Language language) {
    auto bytes = app.xlsx.export_response(response_id, language);
    if (!bytes) return send_error_page(res, status_for(bytes.error()), error_text(bytes.error(), language), language);
    auto snapshot = app.responses.load(response_id);
    send_xlsx(res, std::move(bytes.value()), xlsx::workbook_file_name(*snapshot->questionnaire, language, response_id));
}

void render(httplib::Response& res, int status, const ImportTarget& target) {
    send_html(res, status, views::render_import_page(target.context, target.view));
}

// A refused file (or a locked response): the page again, with the reason.
void render_refusal(httplib::Response& res, ImportTarget& target, const Error& error) {
    target.view.error = error_text(error, target.context.language);
    target.view.submitted = error.code == ErrorCode::submitted;
    if (error.code == ErrorCode::deadline_passed || error.code == ErrorCode::purchase_closed ||
        error.code == ErrorCode::archived || error.code == ErrorCode::forbidden)
        target.view.locked = error.message.in(target.context.language);
    render(res, status_for(error), target);
}

// POST …/import: reads the file, computes the preview, keeps the file for "apply".
void preview(WebApp& app, const httplib::Request& req, httplib::Response& res, ImportTarget& target) {
    const Language language = target.context.language;
    const auto* file = uploaded_file(req);
    if (!file) {
        target.view.error = in_language(language, "Choisissez un fichier Excel (.xlsx) à importer.", "Choose an Excel file (.xlsx) to import.");
        return render(res, 422, target);
    }
    auto outcome = app.xlsx.import(target.response_id, file->content, false, language, file->filename, target.actor);
    if (!outcome) return render_refusal(res, target, outcome.error());
    target.view.plan = &outcome->plan;
    target.view.file_name = file->filename;
    if (!outcome->plan.changes.empty()) {
        auto token = app.pending_xlsx.put(target.response_id, file->content, file->filename);
        if (!token) return render_refusal(res, target, token.error());
        target.view.token = std::move(*token);
    }
    render(res, 200, target);
}

// POST …/import/apply: the same file again, applied in one transaction.
void apply(WebApp& app, const httplib::Request& req, httplib::Response& res, ImportTarget& target) {
    const Language language = target.context.language;
    const std::string token = form_value(req, "token");
    auto upload = app.pending_xlsx.find(token, target.response_id);
    if (!upload && upload.error().code != ErrorCode::not_found) return render_refusal(res, target, upload.error());
    if (!upload) {
        target.view.error = in_language(language, "Cet aperçu a expiré : importez le fichier à nouveau.",
                                 "This preview has expired: import the file again.");
        return render(res, 410, target);
    }
    auto outcome = app.xlsx.import(target.response_id, upload->bytes, true, language, upload->file_name, target.actor);
    if (!outcome) return render_refusal(res, target, outcome.error());
    if (auto removed = app.pending_xlsx.remove(token); !removed) log_server_error(removed.error());  // expires anyway
    target.view.plan = &outcome->plan;
    target.view.applied = true;
    target.view.saved = outcome->saved;
    target.view.file_name = upload->file_name;
    render(res, 200, target);
}

std::optional<ImportTarget> vendor_target(WebApp& app, const httplib::Request& req, httplib::Response& res, bool post) {
    auto caller = require_vendor_page(app, req, res);
    if (!caller) return std::nullopt;
    const Language language = parse_language(caller->session->language);
    if (post && !require_csrf(req, res, *caller->session, language)) return std::nullopt;
    ImportTarget target{caller->response.id, caller->actor(),
                        vendor_context(app, *caller, in_language(language, "Import Excel", "Excel import"), req), {}};
    auto acquisition = app.acquisitions.find(caller->response.acquisition_id);
    if (!acquisition) {
        send_error_page(res, acquisition.error(), language);
        return std::nullopt;
    }
    target.view.subject = title_for(*acquisition, language);
    target.view.upload_action = "/vendor/import";
    target.view.apply_action = "/vendor/import/apply";
    target.view.export_url = std::string("/vendor/export.xlsx?lang=") + std::string(language_code(language));
    target.view.back_url = "/vendor";
    target.view.submitted = caller->response.status == ResponseStatus::submitted;
    target.view.locked = import_lock_text(*acquisition, caller->response, app.responses.clock().now_utc_seconds(), language);
    return target;
}

std::optional<ImportTarget> hospital_target(WebApp& app, const httplib::Request& req, httplib::Response& res, bool post) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return std::nullopt;
    if (post && !require_csrf(req, res, *caller->session, Language::fr)) return std::nullopt;
    auto response = find_by_path_id(app.responses, req);
    if (!response) {
        send_error_page(res, response.error());
        return std::nullopt;
    }
    const Id id = response->id;
    const std::string base = "/responses/" + std::to_string(id);
    ImportTarget target{id, caller->actor(), hospital_context(*caller, "Import Excel — " + response->company), {}};
    target.view.subject = response->company;
    target.view.upload_action = base + "/import";
    target.view.apply_action = base + "/import/apply";
    target.view.export_url = base + "/export.xlsx";
    target.view.back_url = base;
    target.view.submitted = response->status == ResponseStatus::submitted;
    return target;
}

}  // namespace

namespace xlsx_routes {

// GET /vendor/export.xlsx
void vendor_export(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor_page(app, req, res);
    if (!caller) return;
    send_workbook(app, res, caller->response.id, query_language(req, parse_language(caller->session->language)));
}

// GET /vendor/import
void vendor_import_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (auto target = vendor_target(app, req, res, false)) render(res, 200, *target);
}

// POST /vendor/import
void vendor_import_preview(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (auto target = vendor_target(app, req, res, true)) preview(app, req, res, *target);
}

// POST /vendor/import/apply
void vendor_import_apply(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (auto target = vendor_target(app, req, res, true)) apply(app, req, res, *target);
}

// GET /responses/{id}/export.xlsx
void response_export(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return;
    auto response = find_by_path_id(app.responses, req);
    if (!response) return send_error_page(res, response.error());
    send_workbook(app, res, response->id, query_language(req, Language::fr));
}

// GET /responses/{id}/import
void response_import_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (auto target = hospital_target(app, req, res, false)) render(res, 200, *target);
}

// POST /responses/{id}/import
void response_import_preview(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (auto target = hospital_target(app, req, res, true)) preview(app, req, res, *target);
}

// POST /responses/{id}/import/apply
void response_import_apply(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (auto target = hospital_target(app, req, res, true)) apply(app, req, res, *target);
}

// GET /questionnaire.xlsx
// The blank questionnaire for the tender documents (public, like the questionnaire itself).
void blank_workbook(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    const Language language = query_language(req, Language::fr);
    auto bytes = blank_questionnaire_workbook(app, language);
    if (!bytes) return send_error_page(res, 500, error_text(bytes.error(), language), language);
    send_xlsx(res, std::move(bytes.value()), xlsx::workbook_file_name(*app.questionnaires.current(), language));
}

}  // namespace xlsx_routes

void register_xlsx_routes(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/vendor/export.xlsx", xlsx_routes::vendor_export);
    add_route(server, app, "GET", "/vendor/import", xlsx_routes::vendor_import_page);
    add_route(server, app, "POST", "/vendor/import", xlsx_routes::vendor_import_preview);
    add_route(server, app, "POST", "/vendor/import/apply", xlsx_routes::vendor_import_apply);
    add_route(server, app, "GET", "/responses/{response}/export.xlsx", xlsx_routes::response_export);
    add_route(server, app, "GET", "/responses/{response}/import", xlsx_routes::response_import_page);
    add_route(server, app, "POST", "/responses/{response}/import", xlsx_routes::response_import_preview);
    add_route(server, app, "POST", "/responses/{response}/import/apply", xlsx_routes::response_import_apply);
    add_route(server, app, "GET", "/questionnaire.xlsx", xlsx_routes::blank_workbook);
}

}  // namespace cyberachat::web
