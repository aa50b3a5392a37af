#include "web/views/acquisition_views.hpp"

#include "web/html/html_writer.hpp"
#include "web/views/answer_format.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::Attr;
using html::HtmlWriter;

namespace {


std::string_view acquisition_status_label(const Acquisition& acquisition) {
    return acquisition.status == "closed" ? "Clôturé" : "En cours";
}

void write_small_progress(HtmlWriter& w, int percent, const std::string& who) {
    w.open("span", {{"class", "progress-inline"}});
    w.open("progress", {{"max", 100}, {"value", percent}, {"aria-label", "Progression — " + who}});
    w.text(percent_text(percent, Language::fr));
    w.close("progress");
    w.element("span", {{"class", "progress-value"}}, percent_text(percent, Language::fr));
    w.close("span");
}

void write_status_badge(HtmlWriter& w, const VendorResponse& response) {
    const bool submitted = response.status == ResponseStatus::submitted;
    w.element("span", {{"class", submitted ? "badge badge-done" : "badge badge-draft"}},
              submitted ? "Soumis" : "Brouillon");
}

// An error summary listing every message with a link to its field.
void write_error_summary(HtmlWriter& w, const std::map<std::string, std::string>& errors, std::string_view id_prefix) {
    if (errors.empty()) return;
    w.open("div", {{"class", "error-summary"}, {"role", "alert"}, {"tabindex", "-1"}, {"id", "error-summary"}});
    w.element("h2", errors.size() == 1 ? "Une erreur empêche l'enregistrement"
                                       : std::to_string(errors.size()) + " erreurs empêchent l'enregistrement");
    w.open("ul");
    for (const auto& [field, message] : errors) {
        w.open("li");
        w.element("a", {{"href", "#" + std::string(id_prefix) + field}}, message);
        w.close("li");
    }
    w.close("ul");
    w.close("div");
}

struct FieldSpec {
    const char* name;
    const char* label;
    const char* type;  // "text", "date", "email", "textarea", "select-language"
    bool required = false;
    const char* help = nullptr;
    const char* autocomplete = nullptr;
};

// One labelled field with its error, for the hospital forms. `id_prefix` keeps ids unique.
void write_field(HtmlWriter& w, const FieldSpec& spec, const std::string& value,
                 const std::map<std::string, std::string>& errors, std::string_view id_prefix) {
    std::string id = std::string(id_prefix) + spec.name;
    std::string error_id = "err-" + id;
    std::string help_id = "help-" + id;
    auto error = errors.find(spec.name);
    const bool invalid = error != errors.end();
    std::string described;
    if (spec.help) described = help_id;
    if (invalid) described += (described.empty() ? "" : " ") + error_id;

    w.open("div", {{"class", invalid ? "field field-invalid" : "field"}});
    w.open("label", {{"for", id}});
    w.text(spec.label);
    write_required_mark(w, spec.required, Language::fr);
    w.close("label");
    if (spec.help) w.element("p", {{"class", "help"}, {"id", help_id}}, spec.help);
    if (invalid) w.element("p", {{"class", "field-error"}, {"id", error_id}}, error->second);
    std::string_view type = spec.type;
    if (type == "textarea") {
        w.open("textarea", {{"id", id},
                            {"name", spec.name},
                            {"rows", 4},
                            Attr::optional("aria-describedby", described),
                            Attr::when(invalid, "aria-invalid", "true")});
        w.text(value);
        w.close("textarea");
    } else if (type == "select-language") {
        w.open("select", {{"id", id}, {"name", spec.name}, Attr::optional("aria-describedby", described),
                          Attr::when(invalid, "aria-invalid", "true")});
        w.element("option", {{"value", "fr"}, Attr::flag("selected", value != "en")}, "Français");
        w.element("option", {{"value", "en"}, Attr::flag("selected", value == "en")}, "Anglais (English)");
        w.close("select");
    } else {
        w.void_tag("input", {{"type", spec.type},
                             {"id", id},
                             {"name", spec.name},
                             {"value", value},
                             Attr::flag("required", spec.required),
                             Attr::optional("autocomplete", spec.autocomplete ? spec.autocomplete : ""),
                             Attr::optional("aria-describedby", described),
                             Attr::when(invalid, "aria-invalid", "true")});
    }
    w.close("div");
}

std::string value_of(const std::map<std::string, std::string>& values, const std::string& key) {
    auto it = values.find(key);
    return it == values.end() ? std::string() : it->second;
}

void write_detail(HtmlWriter& w, std::string_view label, std::string_view value) {
    w.element("dt", label);
    w.open("dd");
    if (value.empty())
        w.element("span", {{"class", "unanswered"}}, "Non renseigné");
    else
        w.text(value);
    w.close("dd");
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

std::string render_acquisitions_page(const PageContext& context, const std::vector<AcquisitionRow>& rows) {
    PageContext page = context;
    if (page.title.empty()) page.title = "Achats";
    HtmlWriter w(8192 + rows.size() * 1024);
    w.open("div", {{"class", "page-head"}});
    w.element("h1", {{"id", "page-title"}}, "Achats");
    w.element("a", {{"href", "/acquisitions/new"}, {"class", "button button-primary"}}, "Nouvel achat");
    w.close("div");
    w.element("p", {{"class", "lead"}},
              "Chaque achat rassemble les fournisseurs invités à remplir le questionnaire de sécurité numérique de "
              "l'AFIB.");
    if (rows.empty()) {
        w.element("p", {{"class", "empty"}}, "Aucun achat pour l'instant. Créez-en un avec le bouton «\u00A0Nouvel achat\u00A0».");
        return render_layout(page, w.take());
    }
    w.open("div", {{"class", "table-wrap"}});
    w.open("table", {{"class", "data-table acquisitions"}});
    w.element("caption", "Liste des achats (" + std::to_string(rows.size()) + ")");
    w.open("thead").open("tr");
    for (const char* header : {"Achat", "Équipement", "Service", "Référence", "Échéance", "Statut", "Fournisseurs"})
        w.element("th", {{"scope", "col"}}, header);
    w.close("tr").close("thead");
    w.open("tbody");
    for (const auto& row : rows) {
        const Acquisition& a = row.acquisition;
        w.open("tr");
        w.open("th", {{"scope", "row"}});
        w.element("a", {{"href", "/acquisitions/" + std::to_string(a.id)}}, a.title);
        w.close("th");
        w.element("td", a.equipment);
        w.element("td", a.service);
        w.element("td", a.reference);
        w.open("td");
        if (!a.deadline.empty()) w.element("time", {{"datetime", a.deadline}}, format_date(a.deadline, Language::fr));
        w.close("td");
        w.element("td", acquisition_status_label(a));
        w.open("td");
        if (row.vendors.empty()) {
            w.element("span", {{"class", "muted"}}, "Aucun fournisseur invité");
        } else {
            w.open("ul", {{"class", "vendor-summary"}});
            for (const auto& vendor : row.vendors) {
                w.open("li");
                w.element("span", {{"class", "vendor-company"}}, vendor.response.company);
                w.text(" ");
                write_status_badge(w, vendor.response);
                w.text(" ");
                write_small_progress(w, vendor.progress, vendor.response.company);
                w.close("li");
            }
            w.close("ul");
        }
        w.close("td");
        w.close("tr");
    }
    w.close("tbody").close("table").close("div");
    return render_layout(page, w.take());
}

std::string render_acquisition_form_page(const PageContext& context, const Acquisition& values,
                                         const std::map<std::string, std::string>& errors, bool is_new) {
    PageContext page = context;
    const std::string heading = is_new ? "Nouvel achat" : "Modifier l'achat";
    if (page.title.empty()) page.title = heading;
    HtmlWriter w(8192);
    w.open("div", {{"class", "narrow"}});
    w.open("nav", {{"class", "breadcrumb"}, {"aria-label", "Fil d'Ariane"}});
    w.open("ol");
    w.open("li").element("a", {{"href", "/acquisitions"}}, "Achats").close("li");
    if (!is_new) {
        w.open("li")
            .element("a", {{"href", "/acquisitions/" + std::to_string(values.id)}}, values.title)
            .close("li");
    }
    w.open("li").element("span", {{"aria-current", "page"}}, heading).close("li");
    w.close("ol");
    w.close("nav");
    w.element("h1", {{"id", "page-title"}}, heading);
    write_error_summary(w, errors, "");
    w.element("p", {{"class", "hint"}}, "Les champs marqués «\u00A0obligatoire\u00A0» doivent être remplis.");
    std::string action = is_new ? "/acquisitions" : "/acquisitions/" + std::to_string(values.id);
    w.open("form", {{"method", "post"}, {"action", action}, {"class", "stack"}, {"novalidate", true}});
    write_csrf_field(w, context);
    write_field(w, {"title", "Intitulé de l'achat", "text", true, "Par exemple «\u00A0Échographes cardiologie 2027\u00A0»."},
                values.title, errors, "");
    write_field(w, {"equipment", "Équipement", "text", true, "Désignation de l'équipement biomédical."},
                values.equipment, errors, "");
    write_field(w, {"service", "Service", "text", false, "Service de l'établissement concerné."}, values.service,
                errors, "");
    write_field(w, {"reference", "Référence du marché", "text", false, "Numéro de marché ou de consultation."},
                values.reference, errors, "");
    write_field(w, {"deadline", "Date limite de réponse", "date", false, "Format jj/mm/aaaa."}, values.deadline,
                errors, "");
    write_field(w, {"notes", "Notes internes", "textarea", false, "Visibles uniquement par l'établissement."},
                values.notes, errors, "");
    w.open("div", {{"class", "actions"}});
    w.element("button", {{"type", "submit"}, {"class", "button button-primary"}},
              is_new ? "Créer l'achat" : "Enregistrer les modifications");
    w.element("a", {{"href", is_new ? std::string("/acquisitions") : "/acquisitions/" + std::to_string(values.id)},
                    {"class", "button button-secondary"}},
              "Annuler");
    w.close("div");
    w.close("form");
    w.close("div");
    return render_layout(page, w.take());
}

std::string render_acquisition_page(const PageContext& context, const Acquisition& acquisition,
                                    const std::string& questionnaire_label, const std::vector<VendorRow>& vendors,
                                    const std::optional<InvitationReveal>& reveal,
                                    const std::map<std::string, std::string>& vendor_errors,
                                    const std::map<std::string, std::string>& vendor_values) {
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
    w.element("h1", {{"id", "page-title"}}, acquisition.title);
    w.open("div", {{"class", "actions"}});
    if (!vendors.empty())
        w.element("a", {{"href", base + "/comparison"}, {"class", "button button-primary"}}, "Comparer les fournisseurs");
    w.element("a", {{"href", base + "/edit"}, {"class", "button button-secondary"}}, "Modifier l'achat");
    w.close("div");
    w.close("div");
    write_export_links(w, acquisition.id);

    if (reveal) {
        w.open("section", {{"class", "reveal"}, {"aria-labelledby", "reveal-title"}});
        w.element("h2", {{"id", "reveal-title"}}, "Lien d'invitation pour " + reveal->company);
        w.element("p", "Ce lien secret donne accès au questionnaire de ce fournisseur, sans compte. Transmettez-le "
                       "au fournisseur par courriel. Il n'est affiché qu'une seule fois\u00A0: notez-le maintenant. En cas "
                       "de perte, régénérez-le (l'ancien cessera de fonctionner).");
        w.open("div", {{"class", "copy-field"}});
        w.element("label", {{"for", "invitation-link"}}, "Lien secret");
        w.open("div", {{"class", "copy-row"}});
        w.void_tag("input", {{"type", "text"},
                             {"id", "invitation-link"},
                             {"value", reveal->url},
                             {"readonly", true},
                             {"spellcheck", "false"},
                             {"autocomplete", "off"}});
        w.element("button", {{"type", "button"}, {"class", "button button-primary"}, {"data-copy", "#invitation-link"},
                             {"data-msg-copied", "Lien copié"}, {"hidden", true}},
                  "Copier le lien");
        w.close("div");
        w.element("p", {{"class", "copy-status"}, {"data-copy-status", true}, {"aria-live", "polite"}}, "");
        w.close("div");
        w.close("section");
    }

    w.open("section", {{"aria-labelledby", "details-title"}, {"class", "card"}});
    w.element("h2", {{"id", "details-title"}}, "Informations sur l'achat");
    w.open("dl", {{"class", "details"}});
    write_detail(w, "Équipement", acquisition.equipment);
    write_detail(w, "Service", acquisition.service);
    write_detail(w, "Référence du marché", acquisition.reference);
    write_detail(w, "Date limite de réponse", format_date(acquisition.deadline, Language::fr));
    write_detail(w, "Statut", acquisition_status_label(acquisition));
    write_detail(w, "Questionnaire", questionnaire_label);
    if (!acquisition.notes.empty()) {
        w.element("dt", "Notes internes");
        w.open("dd").element("span", {{"class", "long-text"}}, acquisition.notes).close("dd");
    }
    w.close("dl");
    w.close("section");

    w.open("section", {{"aria-labelledby", "vendors-title"}});
    w.element("h2", {{"id", "vendors-title"}}, "Fournisseurs");
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
            write_status_badge(w, r);
            if (r.status == ResponseStatus::submitted && !r.submitted_at.empty()) {
                w.open("span", {{"class", "block muted"}});
                w.text("le ");
                w.element("time", {{"datetime", r.submitted_at}}, format_datetime(r.submitted_at, Language::fr));
                w.close("span");
            }
            w.close("td");
            w.open("td");
            write_small_progress(w, vendor.progress, r.company);
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
            write_post_button(w, context, "/responses/" + rid + "/regenerate",
                              "Régénérer le lien", r.company);
            if (vendor.link_active)
                write_post_button(w, context, "/responses/" + rid + "/revoke", "Révoquer le lien", r.company,
                                  "button button-small button-danger");
            if (r.status == ResponseStatus::submitted)
                write_post_button(w, context, "/responses/" + rid + "/reopen", "Rouvrir", r.company);
            w.close("td");
            w.close("tr");
        }
        w.close("tbody").close("table").close("div");
    }
    w.close("section");

    w.open("section", {{"aria-labelledby", "add-vendor-title"}, {"class", "card"}, {"id", "ajouter-fournisseur"}});
    w.element("h2", {{"id", "add-vendor-title"}}, "Ajouter un fournisseur");
    w.element("p", {{"class", "hint"}},
              "Un lien d'invitation secret est créé et affiché une seule fois. Le fournisseur répond dans la langue "
              "choisie (il peut en changer).");
    write_error_summary(w, vendor_errors, "vendor-");
    w.open("form", {{"method", "post"}, {"action", base + "/vendors"}, {"class", "stack"}, {"novalidate", true}});
    write_csrf_field(w, context);
    write_field(w, {"company", "Société", "text", true, nullptr, "organization"}, value_of(vendor_values, "company"),
                vendor_errors, "vendor-");
    write_field(w, {"contact_name", "Nom du contact", "text", false, nullptr, "name"},
                value_of(vendor_values, "contact_name"), vendor_errors, "vendor-");
    write_field(w, {"email", "Adresse électronique du contact", "email", true, nullptr, "email"},
                value_of(vendor_values, "email"), vendor_errors, "vendor-");
    write_field(w, {"language", "Langue du questionnaire", "select-language"}, value_of(vendor_values, "language"),
                vendor_errors, "vendor-");
    w.open("div", {{"class", "actions"}});
    w.element("button", {{"type", "submit"}, {"class", "button button-primary"}}, "Ajouter et créer le lien");
    w.close("div");
    w.close("form");
    w.close("section");
    return render_layout(page, w.take());
}

}  // namespace cyberachat::web::views
