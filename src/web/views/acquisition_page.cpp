#include "web/views/acquisition_page.hpp"

#include "core/deadline.hpp"
#include "core/end_of_use.hpp"
#include "core/text_format.hpp"

#include "web/html/html_writer.hpp"
#include "web/views/confirmed_action.hpp"
#include "web/views/answer_format.hpp"
#include "web/views/detail_list.hpp"
#include "web/views/form_fields.hpp"
#include "web/views/messages_panel.hpp"

#include <algorithm>
#include "web/views/layout_view.hpp"
#include "web/views/secret_reveal.hpp"
#include "web/views/progress_bars.hpp"
#include "web/views/purchase_life_panel.hpp"
#include "web/views/status_labels.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

namespace {

std::string value_of(const std::map<std::string, std::string>& values, const std::string& key) {
    auto it = values.find(key);
    return it == values.end() ? std::string() : it->second;
}

// The purchase's report and exports (GET, the session is enough).
void write_export_links(HtmlWriter& w, Id acquisition_id) {
    const std::string api = "/api/v1/acquisitions/" + std::to_string(acquisition_id);
    w.open("p", {{"class", "actions exports"}});
    w.element("a", {{"href", api + "/report.pdf"}, {"class", "button button-secondary"}, {"download", true}}, "Rapport PDF");
    w.element("a", {{"href", api + "/export.csv"}, {"class", "button button-secondary"}, {"download", true}}, "Export CSV");
    w.element("a", {{"href", api + "/export.json"}, {"class", "button button-secondary"}, {"download", true}}, "Export JSON");
    w.element("a", {{"href", api + "/archive.zip"}, {"class", "button button-secondary"}, {"download", true}},
              "Archive complète (zip)");
    w.element("a", {{"href", "/acquisitions/" + std::to_string(acquisition_id) + "/journal"}, {"class", "button button-secondary"}},
              "Journal de l'achat");
    w.close("p");
}

void write_post_button(HtmlWriter& w, const PageContext& context, const std::string& action, const char* label,
                       const std::string& detail, const char* css = "button button-small") {
    w.open("form", {{"method", "post"}, {"action", action}, {"class", "inline-form"}});
    write_csrf_field(w, context);
    w.open("button", {{"type", "submit"}, {"class", css}});
    w.text(label);
    w.element("span", {{"class", "visually-hidden"}}, " — " + detail);
    w.close("button");
    w.close("form");
}

}  // namespace

std::string render_acquisition_page(const PageContext& context, const Acquisition& acquisition,
                                    const std::string& questionnaire_label, const std::vector<VendorRow>& vendors,
                                    const std::optional<InvitationReveal>& reveal,
                                    const std::map<std::string, std::string>& vendor_errors,
                                    const std::map<std::string, std::string>& vendor_values,
                                    const AcquisitionMailState& mail) {
    PageContext page = context;
    if (page.title.empty()) page.title = acquisition.title;
    const std::string base = "/acquisitions/" + std::to_string(acquisition.id);
    HtmlWriter w(16384 + vendors.size() * 2048);

    w.open("nav", {{"class", "breadcrumb"}, {"aria-label", "Fil d'Ariane"}});
    w.open("ol");
    w.open("li").element("a", {{"href", "/acquisitions"}}, "Achats").close("li");
    w.open("li").element("span", {{"aria-current", "page"}}, acquisition.title).close("li");
    w.close("ol");
    w.close("nav");

    w.open("div", {{"class", "page-head"}});
    w.open("div");
    w.element("h1", {{"id", "page-title"}}, acquisition.title);
    // What vendors who answer in English see instead (core/purchase_title.hpp).
    if (!acquisition.title_en.empty()) {
        w.open("p", {{"class", "muted title-en"}});
        w.text("Pour les fournisseurs anglophones : ");
        w.element("span", {{"lang", "en"}}, acquisition.title_en);
        w.close("p");
    }
    w.close("div");
    w.open("div", {{"class", "actions"}});
    if (!vendors.empty())
        w.element("a", {{"href", base + "/comparison"}, {"class", "button button-primary"}}, "Comparer les fournisseurs");
    if (context.rights.view_members)
        w.element("a", {{"href", base + "/members"}, {"class", "button button-secondary"}}, "Équipe");
    if (context.rights.edit)
        w.element("a", {{"href", base + "/edit"}, {"class", "button button-secondary"}}, "Modifier l'achat");
    w.close("div");
    w.close("div");
    if (context.rights.export_data) write_export_links(w, acquisition.id);

    if (reveal) {
        write_secret_reveal(w, SecretReveal{"invitation-link", "Lien d'invitation pour " + reveal->company,
                                            "Ce lien secret donne accès au questionnaire de ce fournisseur, sans compte. "
                                            "Transmettez-le au fournisseur par courriel. Il n'est affiché qu'une seule "
                                            "fois\u00A0: notez-le maintenant. En cas de perte, régénérez-le (l'ancien "
                                            "cessera de fonctionner).",
                                            "Lien secret", reveal->url, "Lien copié", "Copier le lien"});
    }

    w.open("section", {{"aria-labelledby", "details-title"}, {"class", "card"}});
    w.element("h2", {{"id", "details-title"}}, "Informations sur l'achat");
    w.open("dl", {{"class", "details"}});
    write_detail(w, "Équipement", acquisition.equipment, Language::fr);
    write_detail(w, "Service", acquisition.service, Language::fr);
    write_detail(w, "Référence du marché", acquisition.reference, Language::fr);
    write_detail(w, "Date limite de réponse", format_deadline(acquisition.deadline, Language::fr), Language::fr);
    {
        const EndOfUse end_of_use = expected_end_of_use(acquisition);
        write_detail(w, "Fin d'utilisation prévue",
                     end_of_use.date.empty() ? std::string()
                                             : format_date(end_of_use.date, Language::fr) +
                                                   (end_of_use.set_by_lead ? "" : " (par défaut : 7 ans après la date limite)"),
                     Language::fr);
    }
    write_detail(w, "Statut", acquisition_status_label(acquisition), Language::fr);
    w.element("dt", "Questionnaire");
    w.open("dd").text(questionnaire_label);
    if (context.rights.edit && acquisition.status != "closed" && acquisition.status != "archived") {
        w.text(" — ");
        w.element("a", {{"href", "/acquisitions/" + std::to_string(acquisition.id) + "/questions/new"},
                        {"id", "add-purchase-question"}},
                  "Ajouter une question à cet achat");
    }
    w.close("dd");
    if (!acquisition.notes.empty()) {
        w.element("dt", "Notes internes");
        w.open("dd").element("span", {{"class", "long-text"}}, acquisition.notes).close("dd");
    }
    w.close("dl");
    w.close("section");
    write_purchase_life_card(w, context, acquisition);

    w.open("section", {{"aria-labelledby", "vendors-title"}});
    w.element("h2", {{"id", "vendors-title"}}, "Fournisseurs");
    if (!mail.delivery_configured) w.element("p", {{"class", "notice"}, {"role", "note"}}, kNoSmtpNotice);
    if (vendors.empty()) {
        w.element("p", {{"class", "empty"}}, "Aucun fournisseur invité pour l'instant.");
    } else {
        w.open("div", {{"class", "table-wrap"}});
        w.open("table", {{"class", "data-table vendors"}});
        w.element("caption", {{"class", "visually-hidden"}}, "Fournisseurs invités et état de leurs réponses");
        w.open("thead").open("tr");
        for (const char* header :
             {"Fournisseur", "Contact", "Langue", "Statut", "Progression", "Lien d'invitation", "Actions"})
            w.element("th", {{"scope", "col"}}, header);
        w.close("tr").close("thead").open("tbody");
        for (const auto& vendor : vendors) {
            const VendorResponse& r = vendor.response;
            const std::string rid = std::to_string(r.id);
            w.open("tr");
            w.open("th", {{"scope", "row"}});
            w.element("a", {{"href", "/responses/" + rid}}, r.company);
            w.close("th");
            w.open("td");
            if (!r.contact_name.empty()) w.element("span", {{"class", "block"}}, r.contact_name);
            if (!r.email.empty()) w.element("a", {{"href", "mailto:" + r.email}}, r.email);
            w.close("td");
            w.element("td", r.language == "en" ? "Anglais" : "Français");
            w.open("td");
            write_response_status_badge(w, r);
            if (r.status == ResponseStatus::submitted && !r.submitted_at.empty()) {
                w.open("span", {{"class", "block muted"}});
                w.text("le ");
                w.element("time", {{"datetime", r.submitted_at}}, format_datetime(r.submitted_at, Language::fr));
                w.close("span");
            }
            if (!r.deadline.empty())
                w.element("span", {{"class", "block muted vendor-own-deadline"}},
                          "Délai prolongé : " + format_deadline(r.deadline, Language::fr));
            w.close("td");
            w.open("td");
            write_inline_progress(w, vendor.progress, r.company);
            if (vendor.missing_required > 0) {
                w.element("span", {{"class", "block muted"}},
                          std::to_string(vendor.missing_required) +
                              (vendor.missing_required == 1 ? " réponse obligatoire manquante"
                                                            : " réponses obligatoires manquantes"));
            } else {
                w.element("span", {{"class", "block muted"}}, "Toutes les réponses obligatoires sont données");
            }
            w.close("td");
            w.element("td", vendor.link_active ? "Actif" : "Aucun lien actif");
            w.open("td", {{"class", "actions-cell"}});
            w.element("a", {{"href", "/responses/" + rid}, {"class", "button button-small button-secondary"}},
                      "Voir les réponses");
            if (context.rights.manage_links) {
                write_confirmed_action(w, context,
                                       {"/responses/" + rid + "/regenerate", "Régénérer le lien", r.company,
                                        "Un nouveau lien secret sera créé et affiché une fois ; celui que " + r.company +
                                            " a reçu cessera aussitôt de fonctionner.",
                                        "Confirmer : nouveau lien"});
                if (vendor.link_active)
                    write_confirmed_action(w, context,
                                           {"/responses/" + rid + "/revoke", "Révoquer le lien", r.company,
                                            r.company + " ne pourra plus ouvrir le questionnaire ; ses réponses sont "
                                                        "conservées. Un nouveau lien pourra lui être donné ensuite.",
                                            "Confirmer la révocation", true});
            }
            const bool invited_by_mail = std::find(mail.invited_by_mail.begin(), mail.invited_by_mail.end(), r.id) !=
                                         mail.invited_by_mail.end();
            if (context.rights.invite && !r.email.empty() && !invited_by_mail)
                write_post_button(w, context, "/responses/" + rid + "/send-invitation", "Envoyer l'invitation",
                                  r.company + " (un nouveau lien est créé : l'actuel cesse de fonctionner)");
            if (r.status == ResponseStatus::submitted && context.rights.reopen)
                write_post_button(w, context, "/responses/" + rid + "/reopen", "Rouvrir", r.company);
            write_vendor_life_actions(w, context, acquisition, r);
            w.close("td");
            w.close("tr");
        }
        w.close("tbody").close("table").close("div");
    }
    w.close("section");

    if (!context.rights.invite || acquisition.status == "archived") {
        write_delete_purchase_card(w, context, acquisition);
        return render_layout(page, w.take());
    }
    w.open("section", {{"aria-labelledby", "add-vendor-title"}, {"class", "card"}, {"id", "ajouter-fournisseur"}});
    w.element("h2", {{"id", "add-vendor-title"}}, "Ajouter un fournisseur");
    w.element("p", {{"class", "hint"}},
              "Un lien d'invitation secret est créé et affiché une seule fois. Le fournisseur répond dans la langue "
              "choisie (il peut en changer).");
    write_form_error_summary(w, vendor_errors, "vendor-");
    w.open("form", {{"method", "post"}, {"action", base + "/vendors"}, {"class", "stack"}, {"novalidate", true}});
    write_csrf_field(w, context);
    write_form_field(w, {"company", "Société", "text", true, nullptr, "organization"}, value_of(vendor_values, "company"),
                vendor_errors, "vendor-");
    write_form_field(w, {"contact_name", "Nom du contact", "text", false, nullptr, "name"},
                value_of(vendor_values, "contact_name"), vendor_errors, "vendor-");
    write_form_field(w, {"email", "Adresse électronique du contact", "email", true, nullptr, "email"},
                value_of(vendor_values, "email"), vendor_errors, "vendor-");
    write_form_field(w, {"language", "Langue du questionnaire", "select-language"}, value_of(vendor_values, "language"),
                vendor_errors, "vendor-");
    // Checked by default (a redisplayed form keeps the choice made).
    const bool send_checked = vendor_values.empty() || value_of(vendor_values, "send_invitation") == "1";
    w.open("label", {{"class", "option"}});
    w.void_tag("input", {{"type", "checkbox"}, {"name", "send_invitation"}, {"value", "1"}, html::Attr::flag("checked", send_checked)});
    w.text(" Envoyer l'invitation par e-mail");
    w.close("label");
    write_form_field(w, {"company_identifier", "Identifiant de la société (SIREN, SIRET, TVA ou DUNS, facultatif)", "text", false,
                         "Pour la reconnaître d'un achat à l'autre ; sans lui, le domaine de son adresse e-mail (sauf "
                         "messagerie publique)."},
                     value_of(vendor_values, "company_identifier"), vendor_errors, "vendor-");
    // Checked by default: the hospital confirms the link by leaving it (a redisplayed form keeps the choice).
    const bool link_checked = vendor_values.empty() || value_of(vendor_values, "link_company") == "1";
    w.open("label", {{"class", "option"}});
    w.void_tag("input", {{"type", "checkbox"}, {"name", "link_company"}, {"value", "1"}, {"id", "link-company"},
                         html::Attr::flag("checked", link_checked)});
    w.text(" Reconnaître cette société d'un achat à l'autre : elle pourra partir de ses réponses soumises à nos achats "
           "précédents (jamais de notre évaluation)");
    w.close("label");
    w.open("div", {{"class", "actions"}});
    w.element("button", {{"type", "submit"}, {"class", "button button-primary"}}, "Ajouter et créer le lien");
    w.close("div");
    w.close("form");
    w.close("section");
    write_delete_purchase_card(w, context, acquisition);
    return render_layout(page, w.take());
}

}  // namespace cyberachat::web::views
