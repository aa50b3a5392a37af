#include "web/views/purchase_life_panel.hpp"

#include "core/deadline.hpp"
#include "core/purchase_lifecycle.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

namespace {

// A labelled input of a small lifecycle form: its id is the form's prefix and the field name.
void write_life_input(HtmlWriter& w, const std::string& prefix, const char* name, const char* label, const char* type,
                      bool required, const std::string& value = {}) {
    const std::string id = prefix + name;
    w.open("div", {{"class", "field"}});
    w.open("label", {{"for", id}});
    w.text(label);
    if (required) w.element("span", {{"class", "required"}}, " (obligatoire)");
    w.close("label");
    if (std::string(type) == "textarea") {
        w.element("textarea", {{"id", id}, {"name", name}, {"rows", "2"}, {"required", required}}, value);
    } else {
        w.void_tag("input", {{"type", type}, {"id", id}, {"name", name}, {"value", value}, {"required", required}});
    }
    w.close("div");
}

// The date and the optional time of a new deadline (Paris time) and its reason.
void write_deadline_fields(HtmlWriter& w, const std::string& prefix) {
    write_life_input(w, prefix, "deadline", "Nouvelle date limite", "date", true);
    write_life_input(w, prefix, "deadline_time", "Heure (heure de Paris ; vide : fin de journée, 23 h 59)", "time", false);
    write_life_input(w, prefix, "reason", "Motif de la prolongation (inscrit au journal)", "textarea", true);
}

const char* status_explanation(PurchaseStatus status) {
    switch (status) {
        case PurchaseStatus::draft:
            return "La consultation est en préparation : les liens des fournisseurs ne s'ouvrent pas encore. "
                   "Ajoutez les fournisseurs, puis ouvrez la consultation.";
        case PurchaseStatus::open:
            return "La consultation est ouverte : les fournisseurs répondent jusqu'à la date limite.";
        case PurchaseStatus::closed:
            return "La consultation est clôturée : les réponses sont figées ; l'évaluation, les avis et les exports continuent.";
        case PurchaseStatus::archived:
            return "La consultation est archivée : elle est en lecture seule pour tous et n'apparaît plus dans la liste des achats.";
    }
    return "";
}

}  // namespace

void write_purchase_life_card(HtmlWriter& w, const PageContext& context, const Acquisition& acquisition) {
    const PurchaseStatus status = parse_purchase_status(acquisition.status).value_or(PurchaseStatus::open);
    const std::string base = "/acquisitions/" + std::to_string(acquisition.id);
    w.open("section", {{"aria-labelledby", "life-title"}, {"class", "card"}, {"id", "cycle-de-vie"}});
    w.element("h2", {{"id", "life-title"}}, "Vie de la consultation");
    w.open("p", {{"id", "purchase-status"}, {"data-status", std::string(purchase_status_name(status))}});
    w.element("strong", std::string(purchase_status_label(status)) + ". ");
    w.text(status_explanation(status));
    w.close("p");
    if (!context.rights.edit) return (void)w.close("section");
    w.open("div", {{"class", "lifecycle-actions"}});
    for (const PurchaseTransition& move : transitions_from(status)) {
        const std::string action(move.action);
        w.open("form", {{"method", "post"}, {"action", base + "/transition"}, {"class", "stack"}, {"id", "transition-" + action}});
        write_csrf_field(w, context);
        w.void_tag("input", {{"type", "hidden"}, {"name", "action"}, {"value", action}});
        if (move.reason_required) write_life_input(w, "transition-" + action + "-", "reason", "Motif (inscrit au journal)", "textarea", true);
        w.element("button", {{"type", "submit"}, {"class", move.action == "open" ? "button button-primary" : "button button-secondary"}},
                  std::string(move.label_fr));
        w.close("form");
    }
    w.close("div");
    if (status != PurchaseStatus::archived) {
        w.open("details", {{"class", "deadline-extension"}, {"id", "prolonger"}});
        w.element("summary", "Prolonger la date limite pour tous les fournisseurs");
        w.element("p", {{"class", "hint"}},
                  acquisition.deadline.empty() ? std::string("Aucune date limite n'est fixée.")
                                               : "Date limite actuelle : " + format_deadline(acquisition.deadline, Language::fr) + ".");
        w.open("form", {{"method", "post"}, {"action", base + "/deadline"}, {"class", "stack"}});
        write_csrf_field(w, context);
        write_deadline_fields(w, "purchase-deadline-");
        w.element("button", {{"type", "submit"}, {"class", "button button-primary"}}, "Prolonger la date limite");
        w.close("form");
        w.close("details");
    }
    w.close("section");
}

void write_vendor_life_actions(HtmlWriter& w, const PageContext& context, const Acquisition& acquisition,
                               const VendorResponse& response) {
    if (!context.rights.edit || acquisition.status == "archived") return;
    const std::string rid = std::to_string(response.id);
    const std::string base = "/responses/" + rid;
    const std::string prefix = "vendor-" + rid + "-";
    if (response.withdrawn_at.empty()) {
        w.open("details", {{"class", "vendor-edit"}});
        w.element("summary", "Modifier");
        w.open("form", {{"method", "post"}, {"action", base + "/vendor"}, {"class", "stack"}});
        write_csrf_field(w, context);
        write_life_input(w, prefix + "edit-", "company", "Société", "text", true, response.company);
        write_life_input(w, prefix + "edit-", "contact_name", "Nom du contact", "text", false, response.contact_name);
        write_life_input(w, prefix + "edit-", "email", "Adresse électronique", "email", true, response.email);
        w.open("div", {{"class", "field"}});
        w.element("label", {{"for", prefix + "edit-language"}}, "Langue");
        w.open("select", {{"id", prefix + "edit-language"}, {"name", "language"}});
        w.element("option", {{"value", "fr"}, {"selected", response.language != "en"}}, "Français");
        w.element("option", {{"value", "en"}, {"selected", response.language == "en"}}, "Anglais");
        w.close("select");
        w.close("div");
        w.element("button", {{"type", "submit"}, {"class", "button button-small"}}, "Enregistrer");
        w.close("form");
        w.close("details");

        w.open("details", {{"class", "vendor-deadline"}});
        w.element("summary", "Prolonger pour ce fournisseur");
        w.open("form", {{"method", "post"}, {"action", base + "/deadline"}, {"class", "stack"}});
        write_csrf_field(w, context);
        write_deadline_fields(w, prefix + "deadline-");
        w.element("button", {{"type", "submit"}, {"class", "button button-small"}}, "Prolonger");
        w.close("form");
        w.close("details");

        w.open("details", {{"class", "vendor-withdraw"}});
        w.element("summary", "Retirer");
        w.element("p", {{"class", "hint"}},
                  "Son lien cesse de fonctionner et sa réponse sort de la comparaison, du classement et des rapports ; "
                  "elle reste au journal et dans l'archive, et peut être réintégrée.");
        w.open("form", {{"method", "post"}, {"action", base + "/withdraw"}, {"class", "stack"}});
        write_csrf_field(w, context);
        write_life_input(w, prefix + "withdraw-", "reason", "Motif du retrait (inscrit au journal)", "textarea", true);
        w.element("button", {{"type", "submit"}, {"class", "button button-small button-danger"}}, "Retirer ce fournisseur");
        w.close("form");
        w.close("details");
    } else {
        w.open("form", {{"method", "post"}, {"action", base + "/restore"}, {"class", "inline-form"}});
        write_csrf_field(w, context);
        w.open("button", {{"type", "submit"}, {"class", "button button-small"}});
        w.text("Réintégrer");
        w.element("span", {{"class", "visually-hidden"}}, " — " + response.company);
        w.close("button");
        w.close("form");
    }
}

void write_delete_purchase_card(HtmlWriter& w, const PageContext& context, const Acquisition& acquisition) {
    if (!context.rights.delete_purchase) return;
    const bool by_reference = !acquisition.reference.empty();
    w.open("section", {{"aria-labelledby", "delete-title"}, {"class", "card danger-zone"}, {"id", "supprimer"}});
    w.element("h2", {{"id", "delete-title"}}, "Supprimer l'achat");
    w.element("p", "La suppression efface définitivement l'achat, les réponses des fournisseurs et leurs documents. "
                   "Le journal en garde la trace. Exportez l'archive avant si vous devez la conserver.");
    w.open("form", {{"method", "post"}, {"action", "/acquisitions/" + std::to_string(acquisition.id) + "/delete"}, {"class", "stack"}});
    write_csrf_field(w, context);
    write_life_input(w, "delete-", "confirmation",
                     by_reference ? "Pour confirmer, saisissez la référence de l'achat" : "Pour confirmer, saisissez l'intitulé de l'achat",
                     "text", true);
    w.element("p", {{"class", "hint"}}, std::string(by_reference ? "Référence : " : "Intitulé : ") +
                                            (by_reference ? acquisition.reference : acquisition.title));
    w.element("button", {{"type", "submit"}, {"class", "button button-danger"}}, "Supprimer définitivement");
    w.close("form");
    w.close("section");
}

}  // namespace cyberachat::web::views
