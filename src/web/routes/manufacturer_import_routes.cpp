// The manufacturer's documents on the pages: MDS2 and SBOM, upload → preview → apply.
#include "web/routes/manufacturer_import_routes.hpp"

#include <set>

#include "core/purchase_title.hpp"
#include "web/access/access_guard.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/routes/routes.hpp"
#include "web/xlsx_transfer.hpp"
#include "web/views/manufacturer_import_page.hpp"

namespace cyberachat::web {
namespace {

enum class ManufacturerDocumentKind { mds2, sbom };

// Who imports for which response, and where the page's links go.
struct ManufacturerImportTarget {
    Id response_id = 0;
    Actor actor;
    views::PageContext context;
    views::ManufacturerImportView view;
    std::shared_ptr<const Questionnaire> questionnaire;
};

void mi_render(httplib::Response& res, int status, const ManufacturerImportTarget& target) {
    send_html(res, status, views::render_manufacturer_import_page(target.context, target.view));
}

void mi_render_refusal(httplib::Response& res, ManufacturerImportTarget& target, const Error& error) {
    target.view.error = error.message.in(target.context.language);
    target.view.submitted = error.code == ErrorCode::submitted;
    if (error.code == ErrorCode::deadline_passed || error.code == ErrorCode::purchase_closed ||
        error.code == ErrorCode::archived || error.code == ErrorCode::forbidden)
        target.view.locked = error.message.in(target.context.language);
    mi_render(res, status_for(error), target);
}

// The files already kept, and the questionnaire the preview's labels come from.
bool mi_load_response(WebApp& app, httplib::Response& res, ManufacturerImportTarget& target) {
    auto snapshot = app.responses.load(target.response_id);
    if (!snapshot) {
        send_error_page(res, snapshot.error(), target.context.language);
        return false;
    }
    target.questionnaire = snapshot->questionnaire;
    target.view.questionnaire = target.questionnaire.get();
    target.view.kept.clear();
    for (const char* slot : {services::kMds2DocumentSlot, services::kSbomDocumentSlot})
        if (auto kept = snapshot->documents.find(slot); kept != snapshot->documents.end())
            target.view.kept.insert(target.view.kept.end(), kept->second.begin(), kept->second.end());
    return true;
}

std::set<std::string> mi_replace_choices(const httplib::Request& req) {
    std::set<std::string> out;
    const size_t count = req.get_param_value_count("replace");
    for (size_t i = 0; i < count && i < 1000; ++i) out.insert(req.get_param_value("replace", i));
    return out;
}

// A preview keeps the file for "apply" (its token goes into the page); "apply" lets it go.
bool mi_keep_or_release(WebApp& app, httplib::Response& res, ManufacturerImportTarget& target, const std::string& bytes,
                     const std::string& file_name, bool apply, const std::string& token) {
    if (apply) {
        if (auto removed = app.pending_xlsx.remove(token); !removed) log_server_error(removed.error());  // expires anyway
        return mi_load_response(app, res, target);  // the file now kept with the response
    }
    auto kept = app.pending_xlsx.put(target.response_id, bytes, file_name);
    if (!kept) {
        mi_render_refusal(res, target, kept.error());
        return false;
    }
    target.view.token = std::move(*kept);
    return true;
}

// The service's import of `bytes`, shown on the page.
void mi_run_import(WebApp& app, const httplib::Request& req, httplib::Response& res, ManufacturerImportTarget& target, ManufacturerDocumentKind kind,
                const std::string& bytes, const std::string& file_name, bool apply, const std::string& token) {
    target.view.file_name = file_name;
    if (kind == ManufacturerDocumentKind::mds2) {
        auto outcome = app.manufacturer_imports.import_mds2(target.response_id, bytes, file_name, apply,
                                                            apply ? mi_replace_choices(req) : std::set<std::string>{},
                                                            target.actor);
        if (!outcome) return mi_render_refusal(res, target, outcome.error());
        if (!mi_keep_or_release(app, res, target, bytes, file_name, apply, token)) return;
        target.view.mds2 = &*outcome;
        return mi_render(res, 200, target);
    }
    auto outcome = app.manufacturer_imports.import_sbom(target.response_id, bytes, file_name, apply, target.actor);
    if (!outcome) return mi_render_refusal(res, target, outcome.error());
    if (!mi_keep_or_release(app, res, target, bytes, file_name, apply, token)) return;
    target.view.sbom = &*outcome;
    mi_render(res, 200, target);
}

void mi_preview(WebApp& app, const httplib::Request& req, httplib::Response& res, ManufacturerImportTarget& target, ManufacturerDocumentKind kind) {
    const Language language = target.context.language;
    const auto* file = uploaded_file(req);
    if (!file) {
        target.view.error = kind == ManufacturerDocumentKind::mds2
                                ? in_language(language, "Choisissez le fichier MDS2 (.xlsx, .csv ou .txt) à importer.",
                                              "Choose the MDS2 file (.xlsx, .csv or .txt) to import.")
                                : in_language(language, "Choisissez le fichier SBOM (.json) à importer.",
                                              "Choose the SBOM file (.json) to import.");
        return mi_render(res, 422, target);
    }
    mi_run_import(app, req, res, target, kind, file->content, file->filename, false, "");
}

void mi_apply(WebApp& app, const httplib::Request& req, httplib::Response& res, ManufacturerImportTarget& target, ManufacturerDocumentKind kind) {
    const std::string token = form_value(req, "token");
    auto upload = app.pending_xlsx.find(token, target.response_id);
    if (!upload && upload.error().code != ErrorCode::not_found) return mi_render_refusal(res, target, upload.error());
    if (!upload) {
        target.view.error = in_language(target.context.language, "Cet aperçu a expiré : importez le fichier à nouveau.",
                                        "This preview has expired: import the file again.");
        return mi_render(res, 410, target);
    }
    mi_run_import(app, req, res, target, kind, upload->bytes, upload->file_name, true, token);
}

std::optional<ManufacturerImportTarget> mi_vendor_target(WebApp& app, const httplib::Request& req, httplib::Response& res, bool post) {
    auto caller = require_vendor_page(app, req, res);
    if (!caller) return std::nullopt;
    const Language language = parse_language(caller->session->language);
    if (post && !require_csrf(req, res, *caller->session, language)) return std::nullopt;
    ManufacturerImportTarget target{caller->response.id, caller->actor(),
                        vendor_context(app, *caller, in_language(language, "Documents du fabricant", "Manufacturer documents"), req),
                        {}, nullptr};
    auto acquisition = app.acquisitions.find(caller->response.acquisition_id);
    if (!acquisition) {
        send_error_page(res, acquisition.error(), language);
        return std::nullopt;
    }
    target.view.subject = title_for(*acquisition, language);
    target.view.base_url = "/vendor";
    target.view.page_url = "/vendor/manufacturer-documents";
    target.view.back_url = "/vendor";
    target.view.document_prefix = "/vendor/documents/";
    target.view.submitted = caller->response.status == ResponseStatus::submitted;
    target.view.locked = import_lock_text(*acquisition, caller->response, app.responses.clock().now_utc_seconds(), language);
    if (!mi_load_response(app, res, target)) return std::nullopt;
    return target;
}

std::optional<ManufacturerImportTarget> mi_hospital_target(WebApp& app, const httplib::Request& req, httplib::Response& res, bool post) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return std::nullopt;
    if (post && !require_csrf(req, res, *caller->session, Language::fr)) return std::nullopt;
    auto response = find_by_path_id(app.responses, req);
    if (!response) {
        send_error_page(res, response.error());
        return std::nullopt;
    }
    const std::string base = "/responses/" + std::to_string(response->id);
    ManufacturerImportTarget target{response->id, caller->actor(),
                        hospital_context(*caller, "Documents du fabricant — " + response->company), {}, nullptr};
    target.view.subject = response->company;
    target.view.base_url = base;
    target.view.page_url = base + "/manufacturer-documents";
    target.view.back_url = base;
    target.view.document_prefix = "/documents/";
    target.view.submitted = response->status == ResponseStatus::submitted;
    if (!mi_load_response(app, res, target)) return std::nullopt;
    return target;
}

}  // namespace

namespace manufacturer_import_routes {

void vendor_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (auto target = mi_vendor_target(app, req, res, false)) mi_render(res, 200, *target);
}
void vendor_mds2_preview(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (auto target = mi_vendor_target(app, req, res, true)) mi_preview(app, req, res, *target, ManufacturerDocumentKind::mds2);
}
void vendor_mds2_apply(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (auto target = mi_vendor_target(app, req, res, true)) mi_apply(app, req, res, *target, ManufacturerDocumentKind::mds2);
}
void vendor_sbom_preview(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (auto target = mi_vendor_target(app, req, res, true)) mi_preview(app, req, res, *target, ManufacturerDocumentKind::sbom);
}
void vendor_sbom_apply(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (auto target = mi_vendor_target(app, req, res, true)) mi_apply(app, req, res, *target, ManufacturerDocumentKind::sbom);
}

void response_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (auto target = mi_hospital_target(app, req, res, false)) mi_render(res, 200, *target);
}
void response_mds2_preview(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (auto target = mi_hospital_target(app, req, res, true)) mi_preview(app, req, res, *target, ManufacturerDocumentKind::mds2);
}
void response_mds2_apply(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (auto target = mi_hospital_target(app, req, res, true)) mi_apply(app, req, res, *target, ManufacturerDocumentKind::mds2);
}
void response_sbom_preview(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (auto target = mi_hospital_target(app, req, res, true)) mi_preview(app, req, res, *target, ManufacturerDocumentKind::sbom);
}
void response_sbom_apply(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (auto target = mi_hospital_target(app, req, res, true)) mi_apply(app, req, res, *target, ManufacturerDocumentKind::sbom);
}

}  // namespace manufacturer_import_routes

void register_manufacturer_import_routes(httplib::Server& server, WebApp& app) {
    using namespace manufacturer_import_routes;
    add_route(server, app, "GET", "/vendor/manufacturer-documents", vendor_page);
    add_route(server, app, "POST", "/vendor/import/mds2", vendor_mds2_preview);
    add_route(server, app, "POST", "/vendor/import/mds2/apply", vendor_mds2_apply);
    add_route(server, app, "POST", "/vendor/import/sbom", vendor_sbom_preview);
    add_route(server, app, "POST", "/vendor/import/sbom/apply", vendor_sbom_apply);
    add_route(server, app, "GET", "/responses/{response}/manufacturer-documents", response_page);
    add_route(server, app, "POST", "/responses/{response}/import/mds2", response_mds2_preview);
    add_route(server, app, "POST", "/responses/{response}/import/mds2/apply", response_mds2_apply);
    add_route(server, app, "POST", "/responses/{response}/import/sbom", response_sbom_preview);
    add_route(server, app, "POST", "/responses/{response}/import/sbom/apply", response_sbom_apply);
}

}  // namespace cyberachat::web
