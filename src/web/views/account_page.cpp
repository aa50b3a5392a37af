#include "web/views/account_page.hpp"

#include "core/text_format.hpp"
#include "web/html/html_writer.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/secret_reveal.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::Attr;
using html::HtmlWriter;

namespace {

void write_account_error(HtmlWriter& w, const std::string& id, const std::string& message) {
    if (message.empty()) return;
    w.element("p", {{"class", "field-error"}, {"id", id}, {"role", "alert"}}, message);
}

void write_labelled_input(HtmlWriter& w, const char* name, const char* label, const char* type,
                          const char* autocomplete, const std::string& value = {}) {
    w.open("div", {{"class", "field"}});
    w.element("label", {{"for", std::string("account-") + name}}, label);
    w.void_tag("input", {{"type", type},
                         {"id", std::string("account-") + name},
                         {"name", name},
                         {"autocomplete", autocomplete},
                         Attr::optional("value", value)});
    w.close("div");
}

void write_password_section(HtmlWriter& w, const PageContext& context, const AccountPageData& data) {
    w.open("section", {{"class", "card"}, {"aria-labelledby", "password-title"}});
    w.element("h2", {{"id", "password-title"}}, "Mot de passe");
    if (data.user.origin == "directory") {
        w.element("p", "Votre mot de passe est géré par l'annuaire de l'établissement : changez-le là.");
        w.close("section");
        return;
    }
    w.element("p", {{"class", "hint"}},
              "12 caractères au moins ; ni un mot du dictionnaire, ni un mot de passe courant, ni votre adresse e-mail. "
              "Une phrase de plusieurs mots est un bon choix. Vos autres sessions seront fermées.");
    write_account_error(w, "password-error", data.password_error);
    w.open("form", {{"method", "post"}, {"action", "/account/password"}, {"class", "stack"}});
    write_csrf_field(w, context);
    write_labelled_input(w, "current_password", "Mot de passe actuel", "password", "current-password");
    write_labelled_input(w, "new_password", "Nouveau mot de passe", "password", "new-password");
    write_labelled_input(w, "confirm_password", "Nouveau mot de passe (à nouveau)", "password", "new-password");
    w.element("button", {{"type", "submit"}, {"class", "button button-primary"}}, "Changer le mot de passe");
    w.close("form");
    w.close("section");
}

void write_sessions_section(HtmlWriter& w, const PageContext& context, const AccountPageData& data) {
    w.open("section", {{"class", "card"}, {"aria-labelledby", "sessions-title"}});
    w.element("h2", {{"id", "sessions-title"}}, "Mes sessions ouvertes");
    w.open("div", {{"class", "table-wrap"}});
    w.open("table", {{"class", "data-table sessions"}});
    w.open("thead").open("tr");
    for (const char* header : {"Ouverte le", "Dernière activité", ""}) w.element("th", {{"scope", "col"}}, header);
    w.close("tr").close("thead").open("tbody");
    for (const AccountSessionRow& session : data.sessions) {
        w.open("tr");
        w.element("td", format_datetime(session.created_at, Language::fr));
        w.element("td", format_datetime(session.last_seen_at, Language::fr));
        w.open("td");
        if (session.current) {
            w.element("strong", "Cette session");
        } else {
            w.open("form", {{"method", "post"}, {"action", "/account/sessions/end"}});
            write_csrf_field(w, context);
            w.void_tag("input", {{"type", "hidden"}, {"name", "session"}, {"value", session.reference}});
            w.element("button", {{"type", "submit"}, {"class", "button button-secondary"}}, "Terminer cette session");
            w.close("form");
        }
        w.close("td");
        w.close("tr");
    }
    w.close("tbody").close("table").close("div");
    w.close("section");
}

void write_tokens_section(HtmlWriter& w, const PageContext& context, const AccountPageData& data) {
    w.open("section", {{"class", "card"}, {"aria-labelledby", "tokens-title"}});
    w.element("h2", {{"id", "tokens-title"}}, "Mes jetons d'API");
    w.element("p", {{"class", "hint"}},
              "Un jeton donne à un script les mêmes droits que vous (en-tête Authorization: Bearer …). Il n'est affiché "
              "qu'une fois, à sa création ; seule son empreinte est conservée.");
    if (data.new_token)
        write_secret_reveal(w, SecretReveal{"new-token", "Nouveau jeton d'API",
                                            "Copiez-le maintenant : il ne sera plus affiché.", "Jeton", *data.new_token,
                                            "Jeton copié", "Copier le jeton"});
    if (data.tokens.empty()) {
        w.element("p", "Aucun jeton.");
    } else {
        w.open("div", {{"class", "table-wrap"}});
        w.open("table", {{"class", "data-table tokens"}});
        w.open("thead").open("tr");
        for (const char* header : {"N°", "Nom", "Créé le", "Expire le", ""}) w.element("th", {{"scope", "col"}}, header);
        w.close("tr").close("thead").open("tbody");
        for (const AccountTokenRow& token : data.tokens) {
            w.open("tr");
            w.element("td", std::to_string(token.id));
            w.element("td", token.name);
            w.element("td", format_datetime(token.created_at, Language::fr));
            w.element("td", token.expires_at.empty() ? std::string("jamais") : format_datetime(token.expires_at, Language::fr));
            w.open("td");
            w.open("form", {{"method", "post"}, {"action", "/account/tokens/" + std::to_string(token.id) + "/revoke"}});
            write_csrf_field(w, context);
            w.element("button", {{"type", "submit"}, {"class", "button button-secondary"}}, "Révoquer");
            w.close("form");
            w.close("td");
            w.close("tr");
        }
        w.close("tbody").close("table").close("div");
    }
    w.element("h3", "Créer un jeton");
    write_account_error(w, "token-error", data.token_error);
    w.open("form", {{"method", "post"}, {"action", "/account/tokens"}, {"class", "stack"}});
    write_csrf_field(w, context);
    write_labelled_input(w, "name", "Nom (usage du jeton)", "text", "off", data.token_name);
    write_labelled_input(w, "days", "Valable (jours, 1 à 365)", "number", "off", std::to_string(data.token_days));
    w.element("button", {{"type", "submit"}, {"class", "button button-primary"}}, "Créer le jeton");
    w.close("form");
    w.close("section");
}

}  // namespace

std::string render_account_page(const PageContext& context, const AccountPageData& data) {
    PageContext page = context;
    if (page.title.empty()) page.title = "Mon compte";
    HtmlWriter w(8192);
    w.open("div", {{"class", "narrow"}});
    w.element("h1", {{"id", "page-title"}}, "Mon compte");
    w.element("p", data.user.email + " — " + std::string(role_label_fr(data.user.role)) +
                       (data.user.origin == "directory" ? " (compte de l'annuaire)" : " (compte local)"));
    write_password_section(w, context, data);
    write_sessions_section(w, context, data);
    write_tokens_section(w, context, data);
    w.close("div");
    return render_layout(page, w.take());
}

}  // namespace cyberachat::web::views
