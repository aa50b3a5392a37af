// Hospital pages about a purchase's life: one service call each, then back to the purchase page.
#include "web/routes/purchase_life_routes.hpp"

#include "core/text_format.hpp"
#include "core/deadline.hpp"
#include "core/purchase_lifecycle.hpp"
#include "web/access/access_guard.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/routes/routes.hpp"

namespace cyberachat::web {
namespace {

std::string purchase_url(Id acquisition_id) { return "/acquisitions/" + std::to_string(acquisition_id); }

// The deadline of a form: its date, and its time when given ("2027-03-31T12:00", Paris time).
std::string posted_deadline(const httplib::Request& req) {
    const std::string date = form_value(req, "deadline");
    const std::string time = form_value(req, "deadline_time");
    return time.empty() || date.find('T') != std::string::npos ? date : date + "T" + time;
}

// Back to the purchase page with the message, or the error as a flash (the fields' messages listed).
template <typename T>
void back_to_purchase(WebApp& app, httplib::Response& res, Id acquisition_id, const Result<T>& done, const std::string& message) {
    if (!done && done.error().code == ErrorCode::storage) return send_error_page(res, done.error());
    if (!done) {
        std::string text = done.error().message.fr;
        if (done.error().payload.is_object() && done.error().payload.contains("fields")) {
            text.clear();
            for (const auto& [field, why] : done.error().payload["fields"].items())
                text += (text.empty() ? "" : " ") + why.template get<std::string>();
        }
        set_flash(res, app, text, true);
    } else {
        set_flash(res, app, message);
    }
    redirect(res, purchase_url(acquisition_id) + "#cycle-de-vie");
}

// The caller and the record the path names (a purchase or a vendor response), once the guard let
// it through and its CSRF token is checked; nullopt once an answer was sent.
template <typename Records>
auto posted_record(WebApp& app, const httplib::Request& req, httplib::Response& res, Records& records)
    -> std::optional<std::pair<HospitalCaller, std::decay_t<decltype(*records.find(Id{}))>>> {
    auto caller = require_hospital_page(app, req, res);
    if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return std::nullopt;
    auto record = find_by_path_id(records, req);
    if (!record) {
        send_error_page(res, record.error());
        return std::nullopt;
    }
    return std::make_pair(std::move(*caller), std::move(*record));
}

auto posted_purchase(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    return posted_record(app, req, res, app.acquisitions);
}
auto posted_vendor(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    return posted_record(app, req, res, app.responses);
}

const char* transition_done(const std::string& action) {
    if (action == "open") return "Consultation ouverte : les liens des fournisseurs fonctionnent.";
    if (action == "close") return "Consultation clôturée : les réponses sont figées.";
    if (action == "reopen") return "Consultation rouverte : les fournisseurs peuvent de nouveau répondre jusqu'à la date limite.";
    if (action == "archive") return "Consultation archivée : elle est en lecture seule.";
    if (action == "unarchive") return "Consultation sortie des archives (clôturée).";
    return "Fait.";
}

}  // namespace

namespace purchase_life_routes {

void transition(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto posted = posted_purchase(app, req, res);
    if (!posted) return;
    const std::string action = form_value(req, "action");
    auto moved = app.acquisitions.transition(posted->second.id, action, form_value(req, "reason"), posted->first.actor());
    back_to_purchase(app, res, posted->second.id, moved, transition_done(action));
}

void extend_deadline(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto posted = posted_purchase(app, req, res);
    if (!posted) return;
    auto extended = app.acquisitions.extend_deadline(posted->second.id, posted_deadline(req), form_value(req, "reason"),
                                                     posted->first.actor());
    back_to_purchase(app, res, posted->second.id, extended,
                     extended ? "Date limite prolongée au " + format_deadline(extended->deadline, Language::fr) + "." : "");
}

void delete_purchase(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto posted = posted_purchase(app, req, res);
    if (!posted) return;
    auto removed = app.acquisitions.remove(posted->second.id, form_value(req, "confirmation"), posted->first.actor());
    if (!removed) return back_to_purchase(app, res, posted->second.id, removed, "");
    set_flash(res, app, "Achat « " + posted->second.title + " » supprimé, avec " +
                            count_with_noun(removed->response_ids.size(), "réponse", "réponses", Language::fr) + " et " +
                            count_with_noun(removed->storage_paths.size(), "document", "documents", Language::fr) +
                            ". Le journal en garde la trace.");
    redirect(res, "/acquisitions");
}

void update_vendor(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto posted = posted_vendor(app, req, res);
    if (!posted) return;
    services::VendorInput input{form_value(req, "company"), form_value(req, "contact_name"), form_value(req, "email"),
                                form_value(req, "language").empty() ? "fr" : form_value(req, "language")};
    auto updated = app.acquisitions.update_vendor(posted->second.id, input, posted->first.actor());
    back_to_purchase(app, res, posted->second.acquisition_id, updated, "Fournisseur « " + input.company + " » modifié.");
}

void extend_vendor_deadline(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto posted = posted_vendor(app, req, res);
    if (!posted) return;
    auto extended = app.acquisitions.extend_vendor_deadline(posted->second.id, posted_deadline(req),
                                                            form_value(req, "reason"), posted->first.actor());
    back_to_purchase(app, res, posted->second.acquisition_id, extended,
                     extended ? "Délai de " + posted->second.company + " prolongé au " +
                                    format_deadline(extended->deadline, Language::fr) + "."
                              : "");
}

void withdraw_vendor(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto posted = posted_vendor(app, req, res);
    if (!posted) return;
    auto withdrawn = app.acquisitions.withdraw_vendor(posted->second.id, form_value(req, "reason"), posted->first.actor());
    back_to_purchase(app, res, posted->second.acquisition_id, withdrawn,
                     posted->second.company + " est retiré de la consultation : son lien ne fonctionne plus.");
}

void restore_vendor(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto posted = posted_vendor(app, req, res);
    if (!posted) return;
    auto restored = app.acquisitions.restore_vendor(posted->second.id, form_value(req, "reason"), posted->first.actor());
    back_to_purchase(app, res, posted->second.acquisition_id, restored,
                     posted->second.company + " est réintégré : son lien fonctionne de nouveau.");
}

}  // namespace purchase_life_routes

void register_purchase_life_routes(httplib::Server& server, WebApp& app) {
    add_route(server, app, "POST", "/acquisitions/{acquisition}/transition", purchase_life_routes::transition);
    add_route(server, app, "POST", "/acquisitions/{acquisition}/deadline", purchase_life_routes::extend_deadline);
    add_route(server, app, "POST", "/acquisitions/{acquisition}/delete", purchase_life_routes::delete_purchase);
    add_route(server, app, "POST", "/responses/{response}/vendor", purchase_life_routes::update_vendor);
    add_route(server, app, "POST", "/responses/{response}/deadline", purchase_life_routes::extend_vendor_deadline);
    add_route(server, app, "POST", "/responses/{response}/withdraw", purchase_life_routes::withdraw_vendor);
    add_route(server, app, "POST", "/responses/{response}/restore", purchase_life_routes::restore_vendor);
}

}  // namespace cyberachat::web
