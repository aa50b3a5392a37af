// The manufacturer's documents, JSON API v1: MDS2 and SBOM imports, previewed or applied.
#include "web/api/manufacturer_import_api.hpp"

#include <set>

#include "web/access/access_guard.hpp"
#include "web/api/api_auth.hpp"
#include "web/http_io.hpp"
#include "web/routes/routes.hpp"
#include "web/xlsx_transfer.hpp"

namespace cyberachat::web {
namespace {

using json = nlohmann::json;

bool mi_apply_requested(const httplib::Request& req) {
    if (!req.has_param("apply")) return false;
    const std::string value = req.get_param_value("apply");
    return value == "1" || value == "true";
}

// ?replace=a,b (or replace repeated).
std::set<std::string> mi_replace_choices(const httplib::Request& req) {
    std::set<std::string> out;
    const size_t count = std::min<size_t>(req.get_param_value_count("replace"), 1000);
    for (size_t i = 0; i < count; ++i) {
        const std::string value = req.get_param_value("replace", i);
        for (size_t start = 0; start <= value.size();) {
            const size_t comma = std::min(value.find(',', start), value.size());
            if (comma > start) out.insert(value.substr(start, comma - start));
            start = comma + 1;
        }
    }
    return out;
}

json mi_mds2_json(const Mds2ImportOutcome& outcome, const Questionnaire* questionnaire, Language language) {
    json proposals = json::array();
    for (const Mds2Proposal& proposal : outcome.plan.proposals) {
        const Question* question = questionnaire ? questionnaire->find_question(proposal.question_id) : nullptr;
        proposals.push_back({{"question_id", proposal.question_id},
                             {"label", question ? question->label.in(language) : std::string()},
                             {"status", std::string(mds2_proposal_status_name(proposal.status))},
                             {"value", proposal.value},
                             {"current", proposal.current},
                             {"mds2_lines", proposal.source_ids},
                             {"rationale", proposal.rationale.in(language)}});
    }
    json summary = json::object();
    for (auto status : {Mds2ProposalStatus::imported, Mds2ProposalStatus::already_answered, Mds2ProposalStatus::conflict,
                        Mds2ProposalStatus::ignored_branch, Mds2ProposalStatus::no_answer})
        summary[std::string(mds2_proposal_status_name(status))] = outcome.plan.count(status);
    summary["no_mapping"] = outcome.plan.unmapped_ids.size();
    return {{"applied", outcome.applied},
            {"saved", outcome.saved},
            {"sha256", outcome.sha256},
            {"document_id", outcome.document_id == 0 ? json() : json(outcome.document_id)},
            {"lines", outcome.plan.lines},
            {"summary", summary},
            {"unmapped", outcome.plan.unmapped_ids},
            {"duplicated", outcome.duplicated},
            {"proposals", proposals}};
}

json mi_sbom_json(const SbomImportOutcome& outcome) {
    const Sbom& sbom = outcome.sbom;
    return {{"applied", outcome.applied},
            {"saved", outcome.saved},
            {"sha256", outcome.sha256},
            {"document_id", outcome.document_id == 0 ? json() : json(outcome.document_id)},
            {"format", sbom.format},
            {"spec_version", sbom.version},
            {"subject", sbom.subject},
            {"summary", {{"declared", sbom.declared},
                         {"components", sbom.components.size()},
                         {"merged_duplicates", sbom.merged_duplicates},
                         {"without_name", sbom.without_name},
                         {"added", outcome.merge.added},
                         {"already_listed", outcome.merge.already_listed},
                         {"kept", outcome.merge.kept},
                         {"left_out", outcome.merge.left_out}}},
            {"operating_systems", sbom.operating_systems}};
}

const httplib::MultipartFormData* mi_required_file(const httplib::Request& req, httplib::Response& res) {
    const auto* file = uploaded_file(req);
    if (!file)
        send_json_error(res, Error::make(ErrorCode::bad_request,
                                         "Champ multipart « file » manquant ou vide. / Missing or empty multipart field 'file'."));
    return file;
}

void mi_handle_mds2(WebApp& app, const httplib::Request& req, httplib::Response& res, Id response_id, Language language,
                 const Actor& actor) {
    const auto* file = mi_required_file(req, res);
    if (!file) return;
    auto outcome = app.manufacturer_imports.import_mds2(response_id, file->content, file->filename, mi_apply_requested(req),
                                                        mi_replace_choices(req), actor);
    if (!outcome) return send_json_error(res, outcome.error(), language);
    send_json(res, 200, mi_mds2_json(*outcome, outcome->questionnaire.get(), language));
}

void mi_handle_sbom(WebApp& app, const httplib::Request& req, httplib::Response& res, Id response_id, Language language,
                 const Actor& actor) {
    const auto* file = mi_required_file(req, res);
    if (!file) return;
    auto outcome = app.manufacturer_imports.import_sbom(response_id, file->content, file->filename, mi_apply_requested(req), actor);
    if (!outcome) return send_json_error(res, outcome.error(), language);
    send_json(res, 200, mi_sbom_json(*outcome));
}

}  // namespace

namespace manufacturer_import_api {

void import_own_mds2(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor(app, req, res, true);
    if (!caller) return;
    mi_handle_mds2(app, req, res, caller->response.id, language_of(*caller), caller->actor());
}

void import_response_mds2(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_user(app, req, res);
    if (!caller) return;
    auto response = find_by_path_id(app.responses, req);
    if (!response) return send_json_error(res, response.error());
    mi_handle_mds2(app, req, res, response->id, Language::fr, caller->actor());
}

void import_own_sbom(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor(app, req, res, true);
    if (!caller) return;
    mi_handle_sbom(app, req, res, caller->response.id, language_of(*caller), caller->actor());
}

void import_response_sbom(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_user(app, req, res);
    if (!caller) return;
    auto response = find_by_path_id(app.responses, req);
    if (!response) return send_json_error(res, response.error());
    mi_handle_sbom(app, req, res, response->id, Language::fr, caller->actor());
}

}  // namespace manufacturer_import_api

void register_manufacturer_import_api(httplib::Server& server, WebApp& app) {
    using namespace manufacturer_import_api;
    add_route(server, app, "POST", "/api/v1/vendor/import/mds2", import_own_mds2);
    add_route(server, app, "POST", "/api/v1/vendor/import/sbom", import_own_sbom);
    add_route(server, app, "POST", "/api/v1/responses/{response}/import/mds2", import_response_mds2);
    add_route(server, app, "POST", "/api/v1/responses/{response}/import/sbom", import_response_sbom);
}

}  // namespace cyberachat::web
