// Vendor pages, reached through the secret link without an account: home, one page per section,
// documents, review, submit, confirmation, language, help.
#include "core/answer_validation.hpp"
#include "definition/builtin_questionnaire.hpp"
#include "security/secrets.hpp"
#include "web/document_download.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/routes/routes.hpp"
#include "web/section_form.hpp"
#include "web/views/help_page.hpp"
#include "web/views/vendor_clarifications_page.hpp"
#include "web/views/vendor_confirmation_page.hpp"
#include "web/views/vendor_home_page.hpp"
#include "web/views/vendor_review_page.hpp"
#include "web/views/vendor_section_page.hpp"

namespace cyberachat::web {
namespace {


views::ResponseView response_view(const services::ResponseSnapshot& snapshot) {
    return views::ResponseView{snapshot.acquisition, snapshot.response,  *snapshot.questionnaire,
                               snapshot.evaluation,  snapshot.answers,   snapshot.documents};
}

// Loads the caller's response or answers with an error page.
// `fresh`: the caller's response row was read for this very request and nothing was written since
// (a page view), so it is not read again.
std::optional<services::ResponseSnapshot> load_snapshot(WebApp& app, const VendorCaller& caller, httplib::Response& res,
                                                        bool fresh = false) {
    auto snapshot = fresh ? app.responses.load(caller.response) : app.responses.load(caller.response.id);
    if (!snapshot) {
        send_error_page(res, 404, snapshot.error().message);
        return std::nullopt;
    }
    return std::move(snapshot.value());
}

void render_section(WebApp& app, const httplib::Request& req, httplib::Response& res, const VendorCaller& caller,
                    const services::ResponseSnapshot& snapshot, const Section& section, int status,
                    std::map<std::string, std::string> errors, std::map<std::string, std::string> rejected,
                    std::map<std::string, nlohmann::json> rejected_records = {}) {
    auto context = vendor_context(caller, section.title.in(parse_language(caller.session->language)), req);
    take_flash(req, res, app, context);
    views::SectionForm form{section,
                            {previous_visible_section(*snapshot.questionnaire, snapshot.evaluation, section),
                             next_visible_section(*snapshot.questionnaire, snapshot.evaluation, section)},
                            snapshot.submitted(),
                            std::move(errors),
                            std::move(rejected),
                            std::move(rejected_records)};
    send_html(res, status, views::render_vendor_section_page(context, response_view(snapshot), form));
}

std::string section_url(const std::string& section_id) { return "/vendor/sections/" + section_id; }

}  // namespace

void register_vendor_routes(httplib::Server& server, WebApp& app) {
    // The secret link: opens a vendor session, then leaves the token out of the address bar.
    server.Get(R"(/invitation/([A-Za-z0-9_\-]{20,100}))", [&app](const httplib::Request& req, httplib::Response& res) {
        const std::string token = req.matches[1].str();
        auto response = app.store->responses.find_by_token_hash(security::sha256_hex(token));
        if (!response)
            return send_error_page(res, 404,
                                   "Ce lien n'est pas valable (il a pu être remplacé ou révoqué). Contactez l'établissement qui vous l'a envoyé. / "
                                   "This link is not valid (it may have been replaced or revoked). Contact the hospital that sent it.");
        std::string csrf;
        const std::string secret = open_session(app, "vendor", response->id, response->language, csrf);
        if (secret.empty()) return send_error_page(res, 503, "Réessayez dans un instant. / Please try again in a moment.");
        set_cookie(res, app, kVendorCookie, secret);
        redirect(res, "/vendor");
    });
    server.Get(R"(/invitation/.*)", [](const httplib::Request&, httplib::Response& res) {
        send_error_page(res, 404,
                        "Ce lien n'est pas valable. Contactez l'établissement qui vous l'a envoyé. / "
                        "This link is not valid. Contact the hospital that sent it.");
    });

    server.Get("/vendor", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_vendor_page(app, req, res);
        if (!caller) return;
        auto snapshot = load_snapshot(app, *caller, res);
        if (!snapshot) return;
        auto context = vendor_context(*caller, snapshot->acquisition.title, req);
        take_flash(req, res, app, context);
        send_html(res, 200, views::render_vendor_home_page(context, response_view(*snapshot),
                                                           app.responses.open_clarifications(caller->response.id).size()));
    });

    server.Get("/vendor/clarifications", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_vendor_page(app, req, res);
        if (!caller) return;
        auto snapshot = load_snapshot(app, *caller, res);
        if (!snapshot) return;
        const Language language = parse_language(caller->session->language);
        auto context = vendor_context(*caller, in_language(language, "Précisions demandées", "Clarifications requested"), req);
        take_flash(req, res, app, context);
        send_html(res, 200, views::render_vendor_clarifications_page(context, response_view(*snapshot),
                                                                     app.responses.open_clarifications(caller->response.id)));
    });

    server.Post(R"(/vendor/clarifications/([a-z0-9_.\-]+))", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_vendor_page(app, req, res);
        if (!caller) return;
        const Language language = parse_language(caller->session->language);
        if (!require_csrf(req, res, *caller->session, language)) return;
        std::optional<nlohmann::json> value;
        if (req.has_param("value")) value = nlohmann::json(req.get_param_value("value"));
        auto answered = app.responses.answer_clarification(caller->response.id, req.matches[1].str(), value,
                                                           form_value(req, "explanation"), caller->actor());
        if (!answered)
            return send_error_page(res, status_for(answered.error()),
                                   language == Language::en ? answered.error().message_en : answered.error().message, language);
        set_flash(res, app, in_language(language, "Précision envoyée à l'établissement.", "Clarification sent to the hospital."));
        redirect(res, "/vendor/clarifications");
    });

    server.Get(R"(/vendor/sections/([a-z0-9_.\-]+))", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_vendor_page(app, req, res);
        if (!caller) return;
        auto snapshot = load_snapshot(app, *caller, res, true);
        if (!snapshot) return;
        const Language language = parse_language(caller->session->language);
        const Section* section = snapshot->questionnaire->find_section(req.matches[1].str());
        if (!section) return send_error_page(res, 404, in_language(language, "Cette page n'existe pas.", "This page does not exist."), language);
        render_section(app, req, res, *caller, *snapshot, *section, 200, {}, {});
    });

    server.Post(R"(/vendor/sections/([a-z0-9_.\-]+))", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_vendor_page(app, req, res);
        if (!caller) return;
        const Language language = parse_language(caller->session->language);
        if (!require_csrf(req, res, *caller->session, language)) return;
        auto snapshot = load_snapshot(app, *caller, res);
        if (!snapshot) return;
        const Section* section = snapshot->questionnaire->find_section(req.matches[1].str());
        if (!section) return send_error_page(res, 404, in_language(language, "Cette page n'existe pas.", "This page does not exist."), language);
        if (snapshot->submitted())
            return send_error_page(res, 409,
                                   in_language(language, "Votre réponse a été soumise : elle n'est plus modifiable.",
                                        "Your response has been submitted: it can no longer be changed."),
                                   language);

        std::map<std::string, std::string> errors, rejected;
        std::map<std::string, nlohmann::json> rejected_records;
        for (const auto& [question_id, posted] : read_section_form(req, *section)) {
            const Question* question = snapshot->questionnaire->find_question(question_id);
            auto stored = snapshot->answers.find(question_id);
            const bool has_stored = stored != snapshot->answers.end();
            nlohmann::json current_value = has_stored ? stored->second.value : nlohmann::json();
            const std::string current_comment = has_stored ? stored->second.comment : "";
            nlohmann::json value = current_value;
            if (posted.has_value_field) {
                auto normalized = normalize_answer(*question, posted.raw);
                if (!normalized) {
                    errors[question_id] = language == Language::en ? normalized.error().message_en : normalized.error().message;
                    if (posted.raw.is_string()) rejected[question_id] = posted.raw.get<std::string>();
                    else if (posted.raw.is_array() || posted.raw.is_object()) rejected_records[question_id] = posted.raw;
                    continue;
                }
                value = std::move(normalized.value());
            }
            const std::string comment = posted.comment.value_or(current_comment);
            if (value == current_value && comment == current_comment) continue;  // nothing changed here
            auto saved = app.responses.save_answer(caller->response.id, question_id,
                                                   question->kind == QuestionKind::document ? nlohmann::json() : value,
                                                   comment, posted.base_revision, caller->actor());
            if (!saved) {
                if (saved.error().code == "conflict")
                    errors[question_id] = in_language(language,
                                               "Cette réponse a été modifiée entre-temps par une autre personne ; voici sa version. Vérifiez-la puis enregistrez à nouveau si besoin.",
                                               "This answer was changed meanwhile by someone else; here is their version. Check it and save again if needed.");
                else
                    errors[question_id] = language == Language::en ? saved.error().message_en : saved.error().message;
            }
        }
        auto after = load_snapshot(app, *caller, res);
        if (!after) return;
        if (!errors.empty())
            return render_section(app, req, res, *caller, *after, *section, 422, errors, rejected, rejected_records);

        const std::string go = form_value(req, "go");
        if (go == "next") {
            auto next = next_visible_section(*after->questionnaire, after->evaluation, *section);
            return redirect(res, next ? section_url(*next) : "/vendor/review");
        }
        if (go == "previous") {
            auto previous = previous_visible_section(*after->questionnaire, after->evaluation, *section);
            return redirect(res, previous ? section_url(*previous) : "/vendor");
        }
        if (go == "review") return redirect(res, "/vendor/review");
        set_flash(res, app, in_language(language, "Enregistré.", "Saved."));
        redirect(res, section_url(section->id));
    });

    server.Post(R"(/vendor/documents/([a-z0-9_.\-]+))", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_vendor_page(app, req, res);
        if (!caller) return;
        const Language language = parse_language(caller->session->language);
        if (!require_csrf(req, res, *caller->session, language)) return;
        auto snapshot = load_snapshot(app, *caller, res);
        if (!snapshot) return;
        const std::string question_id = req.matches[1].str();
        const Question* question = snapshot->questionnaire->find_question(question_id);
        if (!question) return send_error_page(res, 404, in_language(language, "Question inconnue.", "Unknown question."), language);
        const std::string back = section_url(snapshot->questionnaire->sections()[question->section_index]->id) + "#q-" + question_id;
        if (!req.has_file("file") || req.get_file_value("file").content.empty()) {
            set_flash(res, app, in_language(language, "Choisissez un fichier à déposer.", "Choose a file to upload."), true);
            return redirect(res, back);
        }
        const auto& file = req.get_file_value("file");
        auto added = app.responses.add_document(caller->response.id, question_id, file.filename, file.content, caller->actor());
        if (!added) {
            set_flash(res, app, language == Language::en ? added.error().message_en : added.error().message, true);
            return redirect(res, back);
        }
        set_flash(res, app, std::string(in_language(language, "Document déposé : ", "Document uploaded: ")) + added->file_name);
        redirect(res, back);
    });

    server.Post(R"(/vendor/documents/(\d+)/delete)", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_vendor_page(app, req, res);
        if (!caller) return;
        const Language language = parse_language(caller->session->language);
        if (!require_csrf(req, res, *caller->session, language)) return;
        auto id = path_id(req);
        auto document = id ? app.store->documents.find(*id) : std::nullopt;
        if (!document || document->response_id != caller->response.id)
            return send_error_page(res, 404, in_language(language, "Document introuvable.", "Document not found."), language);
        auto removed = app.responses.delete_document(caller->response.id, *id, caller->actor());
        if (!removed) set_flash(res, app, language == Language::en ? removed.error().message_en : removed.error().message, true);
        else set_flash(res, app, std::string(in_language(language, "Document supprimé : ", "Document deleted: ")) + document->file_name);
        auto snapshot = app.responses.load(caller->response.id);
        const Question* question = snapshot ? snapshot->questionnaire->find_question(document->question_id) : nullptr;
        redirect(res, question ? section_url(snapshot->questionnaire->sections()[question->section_index]->id) : "/vendor");
    });

    server.Get(R"(/vendor/documents/(\d+))", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_vendor_page(app, req, res);
        if (!caller) return;
        auto id = path_id(req);
        auto document = id ? app.store->documents.find(*id) : std::nullopt;
        if (!document || document->response_id != caller->response.id)
            return send_error_page(res, 404, "Document introuvable. / Document not found.");
        send_document(app, res, *document);
    });

    server.Get("/vendor/review", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_vendor_page(app, req, res);
        if (!caller) return;
        auto snapshot = load_snapshot(app, *caller, res);
        if (!snapshot) return;
        const Language language = parse_language(caller->session->language);
        auto context = vendor_context(*caller, in_language(language, "Relecture avant envoi", "Review before submitting"), req);
        take_flash(req, res, app, context);
        send_html(res, 200, views::render_vendor_review_page(context, response_view(*snapshot)));
    });

    server.Post("/vendor/submit", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_vendor_page(app, req, res);
        if (!caller) return;
        const Language language = parse_language(caller->session->language);
        if (!require_csrf(req, res, *caller->session, language)) return;
        auto submitted = app.responses.submit(caller->response.id, caller->actor());
        if (!submitted) {
            set_flash(res, app, language == Language::en ? submitted.error().message_en : submitted.error().message, true);
            return redirect(res, "/vendor/review");
        }
        redirect(res, "/vendor/confirmation");
    });

    server.Get("/vendor/confirmation", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_vendor_page(app, req, res);
        if (!caller) return;
        auto snapshot = load_snapshot(app, *caller, res);
        if (!snapshot) return;
        const Language language = parse_language(caller->session->language);
        if (!snapshot->submitted()) return redirect(res, "/vendor/review");
        auto context = vendor_context(*caller, in_language(language, "Accusé de réception", "Confirmation of receipt"), req);
        send_html(res, 200, views::render_vendor_confirmation_page(context, response_view(*snapshot)));
    });

    server.Post("/vendor/language", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_vendor_page(app, req, res);
        if (!caller) return;
        if (!require_csrf(req, res, *caller->session, parse_language(caller->session->language))) return;
        const std::string language = form_value(req, "language") == "en" ? "en" : "fr";
        app.store->sessions.set_language(caller->session->token_hash, language);
        std::string back = form_value(req, "return");
        if (back.rfind("/vendor", 0) != 0 || back.find("//") != std::string::npos) back = "/vendor";  // no open redirect
        redirect(res, back);
    });

    server.Get("/vendor/help", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_vendor_page(app, req, res);
        if (!caller) return;
        auto snapshot = load_snapshot(app, *caller, res);
        if (!snapshot) return;
        const Language language = parse_language(caller->session->language);
        auto context = vendor_context(*caller, in_language(language, "Mode d'emploi", "How to use"), req);
        send_html(res, 200, views::render_help_page(context, *snapshot->questionnaire));
    });

    server.Get("/help", [&app](const httplib::Request& req, httplib::Response& res) {
        views::PageContext context;
        context.title = "Mode d'emploi";
        if (auto caller = hospital_from_session(app, req)) context = hospital_context(*caller, "Mode d'emploi");
        send_html(res, 200, views::render_help_page(context, *builtin_afib()));
    });
}

}  // namespace cyberachat::web
