#include "web/views/members_page.hpp"

#include "web/html/html_writer.hpp"
#include "web/views/answer_format.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::Attr;
using html::HtmlWriter;

namespace {

void write_role_select(HtmlWriter& w, const std::string& id, PurchaseRole selected) {
    w.open("select", {{"id", id}, {"name", "role"}});
    for (PurchaseRole role : all_purchase_roles())
        w.element("option", {{"value", std::string(purchase_role_name(role))}, Attr::flag("selected", role == selected)},
                  purchase_role_label_fr(role));
    w.close("select");
}

std::string origin_label(const User& user) { return user.origin == "directory" ? "Annuaire" : "Compte local"; }

}  // namespace

std::string render_members_page(const PageContext& context, const MembersView& view) {
    PageContext page = context;
    const std::string base = "/acquisitions/" + std::to_string(view.acquisition.id);
    HtmlWriter w(8192 + view.members.size() * 1024);
    write_page_heading(w, view.acquisition.title, "Équipe de l'achat");
    w.element("p", {{"class", "lead"}},
              "Seuls les membres de l'équipe voient cet achat et les réponses de ses fournisseurs. Le pilote mène "
              "l'achat ; le relecteur DSI / RSSI relit les réponses, pose des questions aux fournisseurs et donne son "
              "avis ; l'acheteur consulte et exporte ; l'observateur consulte seulement.");
    if (view.can_open_purchase) w.open("p").element("a", {{"href", base}}, "← Retour à l'achat").close("p");
    if (!view.error.empty())
        w.element("p", {{"class", "flash flash-error"}, {"role", "alert"}, {"id", "member-error"}}, view.error);

    w.open("div", {{"class", "table-wrap"}});
    w.open("table", {{"class", "data-table members"}});
    w.element("caption", "Membres de l'équipe (" + std::to_string(view.members.size()) + ")");
    w.open("thead").open("tr");
    for (const char* header : {"Compte", "Nom", "Rôle dans l'achat", "Origine du compte", "Depuis"})
        w.element("th", {{"scope", "col"}}, header);
    if (view.can_manage) w.element("th", {{"scope", "col"}}, "Actions");
    w.close("tr").close("thead").open("tbody");
    for (const Member& m : view.members) {
        const std::string uid = std::to_string(m.user.id);
        w.open("tr");
        w.element("th", {{"scope", "row"}}, m.user.email);
        w.element("td", m.user.display_name == m.user.email ? std::string() : m.user.display_name);
        w.open("td");
        if (view.can_manage) {
            w.open("form", {{"method", "post"}, {"action", base + "/members"}, {"class", "inline-form"}});
            write_csrf_field(w, page);
            w.void_tag("input", {{"type", "hidden"}, {"name", "email"}, {"value", m.user.email}});
            w.element("label", {{"for", "role-" + uid}, {"class", "visually-hidden"}}, "Rôle de " + m.user.email);
            write_role_select(w, "role-" + uid, m.role);
            w.element("button", {{"type", "submit"}, {"class", "button button-small"}}, "Changer le rôle");
            w.close("form");
        } else {
            w.text(purchase_role_label_fr(m.role));
        }
        w.close("td");
        w.element("td", origin_label(m.user));
        w.open("td").element("time", {{"datetime", m.added_at}}, format_datetime(m.added_at, Language::fr)).close("td");
        if (view.can_manage) {
            w.open("td");
            w.open("form", {{"method", "post"}, {"action", base + "/members/" + uid + "/delete"}, {"class", "inline-form"}});
            write_csrf_field(w, page);
            w.open("button", {{"type", "submit"}, {"class", "button button-small button-danger"}});
            w.text("Retirer de l'équipe");
            w.element("span", {{"class", "visually-hidden"}}, " — " + m.user.email);
            w.close("button");
            w.close("form");
            w.close("td");
        }
        w.close("tr");
    }
    w.close("tbody").close("table").close("div");

    if (view.can_manage) {
        w.open("section", {{"aria-labelledby", "add-member-title"}, {"class", "card"}});
        w.element("h2", {{"id", "add-member-title"}}, "Ajouter un membre");
        w.open("form", {{"method", "post"}, {"action", base + "/members"}, {"class", "stack"}});
        write_csrf_field(w, page);
        w.open("div", {{"class", "field"}});
        w.element("label", {{"for", "member-email"}}, "Adresse e-mail du compte");
        w.void_tag("input", {{"type", "email"}, {"id", "member-email"}, {"name", "email"}, {"required", true},
                                 {"autocomplete", "off"}, {"value", view.email_value}});
        w.element("p", {{"class", "field-help"}},
                  "Le compte doit exister : créé par un administrateur, ou ouvert à la première connexion par "
                  "l'annuaire de l'établissement.");
        w.close("div");
        w.open("div", {{"class", "field"}});
        w.element("label", {{"for", "member-role"}}, "Rôle dans l'achat");
        write_role_select(w, "member-role", PurchaseRole::it_reviewer);
        w.close("div");
        w.element("button", {{"type", "submit"}, {"class", "button button-primary"}}, "Ajouter à l'équipe");
        w.close("form");
        w.close("section");
    }
    return render_layout(page, w.take());
}

}  // namespace cyberachat::web::views
