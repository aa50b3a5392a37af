// The questionnaire library: the versions a purchase can be created on, and adding one.
#include "web/routes/questionnaire_library_routes.hpp"

#include "core/access_policy.hpp"

#include "web/access/access_guard.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/routes/routes.hpp"
#include "web/views/questionnaire_library_page.hpp"
#include "web/xlsx_transfer.hpp"
#include "outputs/pdf/pdf_renderer.hpp"
#include "outputs/xlsx/questionnaire_workbook.hpp"

namespace cyberachat::web {

namespace questionnaire_library_routes {

namespace {

void send_library_page(WebApp& app, const httplib::Request& req, httplib::Response& res, const HospitalCaller& caller,
                       int status, views::LibraryPageData data) {
    auto entries = app.library.list();
    if (!entries) return send_error_page(res, entries.error(), hospital_context(caller, "Questionnaires"));
    data.entries = std::move(*entries);
    data.may_add = decide(caller.user.role, std::nullopt, Permission::manage_questionnaires) == Verdict::allowed;
    auto context = hospital_context(caller, "Questionnaires");
    context.current_path = req.path;
    if (status == 200) take_flash(req, res, app, context);
    send_html(res, status, views::render_questionnaire_library_page(context, data));
}

// The text sent: the file when one is chosen, else the text area (as typed: its lines are the
// ones the errors name).
std::pair<std::string, std::string> uploaded_text(const httplib::Request& req) {
    if (req.is_multipart_form_data() && req.has_file("file")) {
        const auto& file = req.get_file_value("file");
        if (!file.filename.empty() && !file.content.empty()) return {file.content, file.filename};
        if (req.has_file("yaml")) return {req.get_file_value("yaml").content, ""};
    }
    if (req.has_param("yaml")) return {req.get_param_value("yaml"), ""};
    return {"", ""};
}

}  // namespace

void library_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return;
    send_library_page(app, req, res, *caller, 200, {});
}

void add_version(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return;
    const auto [text, file_name] = uploaded_text(req);
    auto added = app.library.add(text, file_name, caller->actor());
    if (!added) {
        const Error& error = added.error();
        if (error.code != ErrorCode::invalid_value && error.code != ErrorCode::conflict)
            return send_error_page(res, error, hospital_context(*caller, "Questionnaires"));
        views::LibraryPageData data;
        data.typed_yaml = text.size() <= services::QuestionnaireLibrary::kMaxSourceBytes ? text : std::string();
        data.summary = error.message.fr;
        const nlohmann::json errors = error.payload.is_object() ? error.payload.value("errors", nlohmann::json::array())
                                                                : nlohmann::json::array();
        for (const auto& item : errors) {
            const int line = item.value("line", 0);
            const std::string subject = item.value("subject", "");
            std::string shown = line > 0 ? "Ligne " + std::to_string(line) + " — " : std::string();
            if (!subject.empty()) shown += subject + " : ";
            shown += item.value("message", "");
            data.errors.push_back(std::move(shown));
        }
        return send_library_page(app, req, res, *caller, error.code == ErrorCode::conflict ? 409 : 422, std::move(data));
    }
    set_flash(res, app, "Version ajoutée à la bibliothèque : " + added->questionnaire_id + " " + added->version +
                            ". Elle peut être choisie à la création d'un achat.");
    redirect(res, "/questionnaires");
}

namespace {

// The questionnaire version of the path, for hospital staff (any stored version: the library's,
// and those of older purchases); a page in error otherwise.
std::shared_ptr<const Questionnaire> path_version(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return nullptr;
    auto questionnaire = app.questionnaires.get(path_id(req).value_or(0));
    if (!questionnaire) {
        send_error_page(res, questionnaire.error(), hospital_context(*caller, "Questionnaires"));
        return nullptr;
    }
    return *questionnaire;
}

std::string version_file_name(const Questionnaire& questionnaire, const char* extension) {
    return "questionnaire-" + questionnaire.id + "-" + questionnaire.version + "." + extension;
}

}  // namespace

void blank_workbook(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto questionnaire = path_version(app, req, res);
    if (!questionnaire) return;
    const Language language = query_language(req, Language::fr);
    auto bytes = xlsx::write_questionnaire_workbook(*questionnaire, language);
    if (!bytes) return send_error_page(res, bytes.error());
    send_xlsx(res, std::move(*bytes), version_file_name(*questionnaire, "xlsx"));
}

void blank_pdf(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto questionnaire = path_version(app, req, res);
    if (!questionnaire) return;
    auto document = app.reports.questionnaire_report(questionnaire, query_language(req, Language::fr));
    if (!document) return send_error_page(res, document.error());
    auto pdf = report::render_pdf(*document);
    if (!pdf) return send_error_page(res, pdf.error());
    send_attachment(res, std::move(*pdf), "application/pdf", version_file_name(*questionnaire, "pdf"));
}

}  // namespace questionnaire_library_routes

void register_questionnaire_library_routes(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/questionnaires", questionnaire_library_routes::library_page);
    add_route(server, app, "POST", "/questionnaires", questionnaire_library_routes::add_version);
    add_route(server, app, "GET", "/questionnaires/{version}/questionnaire.xlsx", questionnaire_library_routes::blank_workbook);
    add_route(server, app, "GET", "/questionnaires/{version}/questionnaire.pdf", questionnaire_library_routes::blank_pdf);
}

}  // namespace cyberachat::web
