// Vendor pages, reached through the secret link without an account: home, one page per section,
// documents, review, submit, confirmation, language, help.
#include "web/routes/vendor_routes.hpp"

#include "core/purchase_title.hpp"
#include "web/access/access_guard.hpp"

#include "web/document_download.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/response_compression.hpp"
#include "web/routes/routes.hpp"
#include "web/section_form.hpp"
#include "web/seen_sections.hpp"
#include "web/speculative_loading.hpp"
#include "web/views/part_tabs.hpp"
#include "web/views/help_page.hpp"
#include "web/views/vendor_clarifications_page.hpp"
#include "web/views/vendor_confirmation_page.hpp"
#include "web/views/vendor_home_page.hpp"
#include "web/views/vendor_review_page.hpp"
#include "web/vendor_section_page_key.hpp"
#include "web/views/vendor_section_page.hpp"

namespace cyberachat::web {
namespace {


views::ResponseView response_view(const services::ResponseSnapshot& snapshot) {
    return views::ResponseView{snapshot.acquisition, snapshot.response,  *snapshot.questionnaire,
                               snapshot.evaluation,  snapshot.answers,   snapshot.documents,
                               &snapshot.new_questions};
}

// Says on the page why the response cannot change now (the deadline passed, the purchase is
// closed or archived); a submitted response says so itself.
void show_lock(views::PageContext& context, const services::ResponseSnapshot& snapshot) {
    if (snapshot.lock == ResponseLock::none || snapshot.lock == ResponseLock::submitted) return;
    context.lock_notice = response_lock_message(snapshot.lock, snapshot.acquisition, snapshot.response).in(context.language);
}

// The four-part tabs above the page; `part` (an index) is the page's own part.
void show_part_tabs(views::PageContext& context, const services::ResponseSnapshot& snapshot,
                    std::optional<size_t> part = std::nullopt) {
    context.part_tabs = views::vendor_part_tabs(*snapshot.questionnaire, snapshot.evaluation, context.language, part);
}

// What a vendor's page starts from: the caller, its response as loaded now, the page's language.
struct VendorPage {
    VendorCaller caller;
    services::ResponseSnapshot snapshot;
    Language language = Language::fr;
};

// What a vendor request is: a page view; a fresh page view (the caller's response row was read
// for this very request and nothing was written since, so it is not read again); or a form
// posted, whose CSRF token is checked before anything is read.
enum class VendorRequest { view, fresh_view, form };

// The vendor of the session and its response; nullopt when an answer was already sent (the 401
// page of a lost session, the 403 of a bad CSRF token, or the error page of a failed read).
std::optional<VendorPage> open_vendor_page(WebApp& app, const httplib::Request& req, httplib::Response& res,
                                           VendorCaller caller_read, VendorRequest kind);

std::optional<VendorPage> open_vendor_page(WebApp& app, const httplib::Request& req, httplib::Response& res,
                                           VendorRequest kind = VendorRequest::view) {
    auto caller = require_vendor_page(app, req, res);
    if (!caller) return std::nullopt;
    return open_vendor_page(app, req, res, std::move(*caller), kind);
}

// The same, for a caller already read for this request.
std::optional<VendorPage> open_vendor_page(WebApp& app, const httplib::Request& req, httplib::Response& res,
                                           VendorCaller caller_read, VendorRequest kind) {
    std::optional<VendorCaller> caller(std::move(caller_read));
    const Language language = parse_language(caller->session->language);
    if (kind == VendorRequest::form && !require_csrf(req, res, *caller->session, language)) return std::nullopt;
    auto snapshot = kind != VendorRequest::fresh_view ? app.responses.load(caller->response.id)
                    : caller->acquisition               ? app.responses.load(caller->response, *caller->acquisition)
                                                        : app.responses.load(caller->response);
    if (!snapshot) {
        send_error_page(res, snapshot.error(), language);
        return std::nullopt;
    }
    return VendorPage{std::move(*caller), std::move(snapshot.value()), language};
}

void render_section(WebApp& app, const httplib::Request& req, httplib::Response& res, const VendorCaller& caller,
                    const services::ResponseSnapshot& snapshot, const Section& section, int status,
                    std::map<std::string, std::string> errors, std::map<std::string, std::string> rejected,
                    std::map<std::string, nlohmann::json> rejected_records = {}) {
    // The section, then the purchase (a vendor answering several tenders tells its tabs apart).
    const Language language = parse_language(caller.session->language);
    auto context = vendor_context(app, caller, section.title.in(language) + " — " + title_for(snapshot.acquisition, language),
                                  req);
    // A page the browser prerenders (the next section, before the vendor clicks) changes nothing:
    // the flash message is left for the page the vendor sees, the section is not marked as seen.
    const bool prerender = is_prerender_request(req);
    if (!prerender) take_flash(req, res, app, context);
    show_lock(context, snapshot);
    show_part_tabs(context, snapshot, section.part_index);
    views::SectionForm form{section,
                            {previous_visible_section(*snapshot.questionnaire, snapshot.evaluation, section),
                             next_visible_section(*snapshot.questionnaire, snapshot.evaluation, section)},
                            snapshot.read_only(),
                            std::move(errors),
                            std::move(rejected),
                            std::move(rejected_records),
                            caller.session &&
                                first_visit_of_section(app, req, res, *caller.session, section.index, !prerender)};
    offer_speculation_rules(res);
    send_html(res, status, views::render_vendor_section_page(context, response_view(snapshot), form));
}

std::string section_url(const std::string& section_id) { return "/vendor/sections/" + section_id; }

// A section page as app.vendor_pages knows it: its key, and whether it is the section's first
// visit (its notes open, the visit to remember with a cookie when it is sent).
struct CachedSectionPage {
    std::string key;
    size_t section_index = 0;
    bool first_visit = false;
};

// nullopt when this view must be rendered: a flash message waits (shown once, then gone), or the
// purchase's questionnaire has no such section (the 404 below).
std::optional<CachedSectionPage> cached_section_page(WebApp& app, const httplib::Request& req, const VendorCaller& caller,
                                                     const std::string& section_id) {
    if (app.vendor_pages.capacity_bytes() == 0 || !caller.session || !caller.acquisition) return std::nullopt;
    const bool prerender = is_prerender_request(req);
    if (!prerender && has_flash(req)) return std::nullopt;
    auto questionnaire = app.questionnaires.get(caller.acquisition->questionnaire_version_id);
    if (!questionnaire) return std::nullopt;
    const Section* section = (*questionnaire)->find_section(section_id);
    if (!section) return std::nullopt;
    const bool first_visit = first_visit_of_section(req, *caller.session, section->index);
    const HospitalIdentity identity = app.instance.identity();
    return CachedSectionPage{vendor_section_page_key({caller.response, *caller.session, section_id,
                                                      app.responses.lock_now(*caller.acquisition, caller.response),
                                                      identity, first_visit, prerender}),
                             section->index, first_visit};
}

}  // namespace

namespace vendor_routes {

// GET /invitation/{token}
// The secret link: opens a vendor session, then leaves the token out of the address bar.
void open_invitation(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    const std::string token = req.matches[1].str();
    auto response = app.responses.find_by_invitation_token(token);
    if (!response && response.error().code != ErrorCode::not_found)
        return send_error_page(res, 503, "Réessayez dans un instant. / Please try again in a moment.");
    if (!response)
        return send_error_page(res, 404,
                               "Ce lien n'est pas valable (il a pu être remplacé ou révoqué). Contactez l'établissement qui vous l'a envoyé. / "
                               "This link is not valid (it may have been replaced or revoked). Contact the hospital that sent it.");
    switch (vendor_link_state(app, *response)) {
        case VendorLinkState::works: break;
        case VendorLinkState::not_open:
            return send_error_page(res, 403,
                                   "Cette consultation n'est pas encore ouverte : l'établissement la prépare. Votre lien "
                                   "fonctionnera dès son ouverture ; vous n'avez rien à faire d'ici là. / "
                                   "This tender is not open yet: the hospital is preparing it. Your link will work as soon "
                                   "as it opens; there is nothing to do until then.");
        case VendorLinkState::withdrawn:
            return send_error_page(res, 403,
                                   "L'établissement a retiré votre participation à cette consultation : ce lien ne "
                                   "fonctionne plus. Contactez-le pour toute question. / "
                                   "The hospital withdrew you from this tender: this link no longer works. Contact it "
                                   "with any question.");
        case VendorLinkState::unavailable:
            return send_error_page(res, 503, "Réessayez dans un instant. / Please try again in a moment.");
    }
    std::string csrf;
    const std::string secret = open_session(app, "vendor", response->id, response->language, csrf);
    if (secret.empty()) return send_error_page(res, 503, "Réessayez dans un instant. / Please try again in a moment.");
    set_cookie(res, app, kVendorCookie, secret);
    redirect(res, "/vendor");
}

// GET /invitation/.*
void invalid_invitation(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    send_error_page(res, 404,
                    "Ce lien n'est pas valable. Contactez l'établissement qui vous l'a envoyé. / "
                    "This link is not valid. Contact the hospital that sent it.");
}

// GET /vendor
void home_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto page = open_vendor_page(app, req, res);
    if (!page) return;
    auto context = vendor_context(app, page->caller, title_for(page->snapshot.acquisition, page->language), req);
    take_flash(req, res, app, context);
    show_lock(context, page->snapshot);
    show_part_tabs(context, page->snapshot);
    auto open = app.responses.open_clarifications(page->caller.response.id);
    if (!open) return send_error_page(res, open.error(), context);
    // Its company's earlier responses, offered while it can still change its own.
    size_t earlier = 0;
    if (!page->snapshot.read_only()) {
        auto count = app.reuse.count_earlier_responses(page->caller.response.id);
        if (!count) return send_error_page(res, count.error(), context);
        earlier = *count;
    }
    offer_speculation_rules(res);  // its section links, on hover
    send_html(res, 200, views::render_vendor_home_page(context, response_view(page->snapshot), open->size(), earlier));
}

// GET /vendor/clarifications
void clarifications_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto page = open_vendor_page(app, req, res);
    if (!page) return;
    const Language language = page->language;
    auto context = vendor_context(app, page->caller, in_language(language, "Précisions demandées", "Clarifications requested"), req);
    take_flash(req, res, app, context);
    show_lock(context, page->snapshot);
    show_part_tabs(context, page->snapshot);
    auto open = app.responses.open_clarifications(page->caller.response.id);
    if (!open) return send_error_page(res, open.error(), context);
    send_html(res, 200, views::render_vendor_clarifications_page(context, response_view(page->snapshot), *open));
}

// POST /vendor/clarifications/{question}
void answer_clarification(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor_page(app, req, res);
    if (!caller) return;
    const Language language = parse_language(caller->session->language);
    if (!require_csrf(req, res, *caller->session, language)) return;
    std::optional<nlohmann::json> value;
    if (req.has_param("value")) value = nlohmann::json(req.get_param_value("value"));
    auto answered = app.responses.answer_clarification(caller->response.id, req.matches[1].str(), value,
                                                       form_value(req, "explanation"), caller->actor());
    if (!answered) return send_error_page(res, answered.error(), language);
    set_flash(res, app, in_language(language, "Précision envoyée à l'établissement.", "Clarification sent to the hospital."));
    redirect(res, "/vendor/clarifications");
}

// GET /vendor/sections/{section}
void section_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor_page(app, req, res);
    if (!caller) return;
    const std::string section_id = req.matches[1].str();
    const auto cached = cached_section_page(app, req, *caller, section_id);
    if (cached)
        if (auto page = app.vendor_pages.find_page(cached->key)) {
            // What render_section does besides the HTML: remember the visit, offer the next pages.
            if (cached->first_visit && !is_prerender_request(req))
                first_visit_of_section(app, req, res, *caller->session, cached->section_index);
            offer_speculation_rules(res);
            res.set_header("X-Cache", "hit");
            // With the compression cache on, the page's gzip is kept with it: sent as it is (not
            // copied, hashed and looked up again on each request).
            if (app.config.compression_cache_bytes > 0 && req.method == "GET" && request_accepts_gzip(req)) {
                auto gzip = page->gzip;
                if (!gzip) {
                    gzip = std::make_shared<const std::string>(gzip_fast(*page->html));
                    app.vendor_pages.keep_gzip(cached->key, page->html, gzip);
                }
                return send_gzipped_html(res, 200, *gzip);
            }
            return send_html(res, 200, *page->html);
        }
    auto page = open_vendor_page(app, req, res, std::move(*caller), VendorRequest::fresh_view);
    if (!page) return;
    const Section* section = page->snapshot.questionnaire->find_section(section_id);
    if (!section)
        return send_error_page(res, 404, in_language(page->language, "Cette page n'existe pas.", "This page does not exist."),
                               page->language);
    render_section(app, req, res, page->caller, page->snapshot, *section, 200, {}, {});
    if (cached && res.status == 200) {
        app.vendor_pages.store(cached->key, res.body);
        res.set_header("X-Cache", "miss");
    }
}

// POST /vendor/sections/{section}
void save_section(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto page = open_vendor_page(app, req, res, VendorRequest::form);
    if (!page) return;
    const VendorCaller& vendor = page->caller;
    const services::ResponseSnapshot& snapshot = page->snapshot;
    const Language language = page->language;
    const Section* section = snapshot.questionnaire->find_section(req.matches[1].str());
    if (!section) return send_error_page(res, 404, in_language(language, "Cette page n'existe pas.", "This page does not exist."), language);
    auto saved = app.responses.save_section(vendor.response.id, section->id, read_section_form(req, *section),
                                            vendor.actor());
    if (!saved) return send_error_page(res, saved.error(), language);
    const services::ResponseSnapshot& after = saved->snapshot;
    if (!saved->refused.empty()) {
        std::map<std::string, std::string> errors, rejected;
        std::map<std::string, nlohmann::json> rejected_records;
        for (const auto& [question_id, error] : saved->refused) errors[question_id] = error.message.in(language);
        for (const auto& [question_id, typed] : saved->typed) {
            if (typed.is_string()) rejected[question_id] = typed.get<std::string>();
            else if (typed.is_array() || typed.is_object()) rejected_records[question_id] = typed;
        }
        return render_section(app, req, res, vendor, after, *section, 422, errors, rejected, rejected_records);
    }

    const std::string go = form_value(req, "go");
    if (go == "next") {
        auto next = next_visible_section(*after.questionnaire, after.evaluation, *section);
        return redirect(res, next ? section_url(*next) : "/vendor/review");
    }
    if (go == "previous") {
        auto previous = previous_visible_section(*after.questionnaire, after.evaluation, *section);
        return redirect(res, previous ? section_url(*previous) : "/vendor");
    }
    if (go == "review") return redirect(res, "/vendor/review");
    set_flash(res, app, in_language(language, "Enregistré.", "Saved."));
    redirect(res, section_url(section->id));
}

// POST /vendor/documents/{question}
void upload_document(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto page = open_vendor_page(app, req, res, VendorRequest::form);
    if (!page) return;
    const VendorCaller& vendor = page->caller;
    const services::ResponseSnapshot& snapshot = page->snapshot;
    const Language language = page->language;
    const std::string question_id = req.matches[1].str();
    const Question* question = snapshot.questionnaire->find_question(question_id);
    if (!question) return send_error_page(res, 404, in_language(language, "Question inconnue.", "Unknown question."), language);
    const std::string back = section_url(snapshot.questionnaire->sections()[question->section_index]->id) + "#q-" + question_id;
    if (!req.has_file("file") || req.get_file_value("file").content.empty()) {
        set_flash(res, app, in_language(language, "Choisissez un fichier à déposer.", "Choose a file to upload."), true);
        return redirect(res, back);
    }
    const auto& file = req.get_file_value("file");
    auto added = app.responses.add_document(vendor.response.id, question_id, file.filename, file.content, vendor.actor());
    if (!added) {
        set_flash(res, app, added.error().message.in(language), true);
        return redirect(res, back);
    }
    set_flash(res, app, std::string(in_language(language, "Document déposé : ", "Document uploaded: ")) + added->file_name);
    redirect(res, back);
}

// POST /vendor/documents/{id}/delete
void delete_document(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor_page(app, req, res);
    if (!caller) return;
    const Language language = parse_language(caller->session->language);
    if (!require_csrf(req, res, *caller->session, language)) return;
    auto document = find_response_document(app, req, caller->response.id);
    if (!document) return send_error_page(res, document.error(), language);
    auto removed = app.responses.delete_document(caller->response.id, document->id, caller->actor());
    if (!removed) set_flash(res, app, removed.error().message.in(language), true);
    else set_flash(res, app, std::string(in_language(language, "Document supprimé : ", "Document deleted: ")) + document->file_name);
    auto snapshot = app.responses.load(caller->response.id);
    const Question* question = snapshot ? snapshot->questionnaire->find_question(document->question_id) : nullptr;
    redirect(res, question ? section_url(snapshot->questionnaire->sections()[question->section_index]->id) : "/vendor");
}

// GET /vendor/documents/{id}
void download_document(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor_page(app, req, res);
    if (!caller) return;
    auto document = find_response_document(app, req, caller->response.id);
    if (!document) return send_error_page(res, document.error(), parse_language(caller->session->language));
    send_document(app, res, *document);
}

// GET /vendor/review
void review_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto page = open_vendor_page(app, req, res);
    if (!page) return;
    const Language language = page->language;
    auto context = vendor_context(app, page->caller, in_language(language, "Relecture avant envoi", "Review before submitting"), req);
    take_flash(req, res, app, context);
    show_lock(context, page->snapshot);
    show_part_tabs(context, page->snapshot);
    send_html(res, 200, views::render_vendor_review_page(context, response_view(page->snapshot)));
}

// POST /vendor/submit
void submit(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor_page(app, req, res);
    if (!caller) return;
    const Language language = parse_language(caller->session->language);
    if (!require_csrf(req, res, *caller->session, language)) return;
    if (form_value(req, "confirm") != "1") {
        set_flash(res, app,
                  in_language(language, "Cochez la case de confirmation pour envoyer votre réponse : rien n'a été envoyé.",
                              "Tick the confirmation box to submit your response: nothing was submitted."),
                  true);
        return redirect(res, "/vendor/review");
    }
    auto submitted = app.responses.submit(caller->response.id, caller->actor());
    if (!submitted) {
        set_flash(res, app, submitted.error().message.in(language), true);
        return redirect(res, "/vendor/review");
    }
    redirect(res, "/vendor/confirmation");
}

// GET /vendor/confirmation
void confirmation_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto page = open_vendor_page(app, req, res);
    if (!page) return;
    const Language language = page->language;
    if (!page->snapshot.submitted()) return redirect(res, "/vendor/review");
    auto context = vendor_context(app, page->caller, in_language(language, "Accusé de réception", "Confirmation of receipt"), req);
    show_part_tabs(context, page->snapshot);
    send_html(res, 200, views::render_vendor_confirmation_page(context, response_view(page->snapshot)));
}

// POST /vendor/language
void set_language(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor_page(app, req, res);
    if (!caller) return;
    if (!require_csrf(req, res, *caller->session, parse_language(caller->session->language))) return;
    const std::string language = form_value(req, "language") == "en" ? "en" : "fr";
    app.store->sessions.set_language(caller->session->token_hash, language);
    std::string back = form_value(req, "return");
    if (back.rfind("/vendor", 0) != 0 || back.find("//") != std::string::npos) back = "/vendor";  // no open redirect
    redirect(res, back);
}

// GET /vendor/help
void vendor_help_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto page = open_vendor_page(app, req, res);
    if (!page) return;
    const Language language = page->language;
    auto context = vendor_context(app, page->caller, in_language(language, "Mode d'emploi", "How to use"), req);
    show_part_tabs(context, page->snapshot);
    send_html(res, 200, views::render_help_page(context, *page->snapshot.questionnaire));
}

// GET /help
void help_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    views::PageContext context;
    context.title = "Mode d'emploi";
    if (auto caller = hospital_from_session(app, req)) context = hospital_context(*caller, "Mode d'emploi");
    send_html(res, 200, views::render_help_page(context, *app.questionnaires.current()));
}

}  // namespace vendor_routes

void register_vendor_routes(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/invitation/{invitation}", vendor_routes::open_invitation);
    add_route(server, app, "GET", "/invitation/{anything}", vendor_routes::invalid_invitation);
    add_route(server, app, "GET", "/vendor", vendor_routes::home_page);
    add_route(server, app, "GET", "/vendor/clarifications", vendor_routes::clarifications_page);
    add_route(server, app, "POST", "/vendor/clarifications/{question}", vendor_routes::answer_clarification);
    add_route(server, app, "GET", "/vendor/sections/{section}", vendor_routes::section_page);
    add_route(server, app, "POST", "/vendor/sections/{section}", vendor_routes::save_section);
    add_route(server, app, "POST", "/vendor/documents/{question}", vendor_routes::upload_document);
    add_route(server, app, "POST", "/vendor/documents/{document}/delete", vendor_routes::delete_document);
    add_route(server, app, "GET", "/vendor/documents/{document}", vendor_routes::download_document);
    add_route(server, app, "GET", "/vendor/review", vendor_routes::review_page);
    add_route(server, app, "POST", "/vendor/submit", vendor_routes::submit);
    add_route(server, app, "GET", "/vendor/confirmation", vendor_routes::confirmation_page);
    add_route(server, app, "POST", "/vendor/language", vendor_routes::set_language);
    add_route(server, app, "GET", "/vendor/help", vendor_routes::vendor_help_page);
    add_route(server, app, "GET", "/help", vendor_routes::help_page);
}

}  // namespace cyberachat::web
