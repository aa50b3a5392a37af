#include "web/views/layout_view.hpp"

#include "web/views/asset_catalog.hpp"
#include "web/html/html_writer.hpp"
#include "web/views/part_tabs.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::Attr;
using html::HtmlWriter;

namespace {

// POST /vendor/language with language=fr|en and return=<current path>: a form, so it works without JS.
void write_language_switch(HtmlWriter& w, const PageContext& context) {
    w.open("form", {{"method", "post"}, {"action", "/vendor/language"}, {"class", "language-switch"}});
    write_csrf_field(w, context);
    w.void_tag("input", {{"type", "hidden"}, {"name", "return"},
                         {"value", context.current_path.empty() ? std::string("/vendor") : context.current_path}});
    w.element("span", {{"class", "language-label"}}, L(context.language, "Langue\u00A0:", "Language:"));
    w.element("span", {{"class", "language-current"}, {"lang", in_language(context.language, "fr", "en")}},
              in_language(context.language, "Français", "English"));
    w.element("button", {{"type", "submit"},
                         {"name", "language"},
                         {"value", in_language(context.language, "en", "fr")},
                         {"lang", in_language(context.language, "en", "fr")},
                         {"class", "button-link"}},
              in_language(context.language, "Switch to English", "Passer en français"));
    w.close("form");
}

void write_header(HtmlWriter& w, const PageContext& context) {
    const Language lang = context.language;
    w.open("header", {{"class", "site-header"}});
    w.open("div", {{"class", "site-header-inner"}});
    w.open("p", {{"class", "site-name"}});
    if (context.vendor) {
        // The hospital that invites: its logo and name (or "Cyberachat" until they are set).
        const HospitalIdentity& hospital = context.hospital;
        w.open("a", {{"href", "/vendor"}, {"class", "hospital-brand"}});
        if (hospital.has_logo())
            w.void_tag("img", {{"src", hospital.logo_path()}, {"alt", ""}, {"class", "brand-logo"}, {"height", "40"}});
        w.element("span", {{"class", "hospital-name"}}, hospital.shown_name());
        w.close("a");
    } else {
        w.element("a", {{"href", "/acquisitions"}}, "Cyberachat");
    }
    w.element("span", {{"class", "site-tagline"}},
              L(lang, "Questionnaire AFIB de sécurité numérique", "AFIB digital security questionnaire"));
    w.close("p");
    if (context.vendor) {
        if (!context.csrf_token.empty()) write_language_switch(w, context);
    } else if (context.user_email) {
        w.open("nav", {{"class", "main-nav"}, {"aria-label", "Navigation principale"}});
        w.open("ul");
        auto item = [&](const char* href, const char* label) {
            std::string_view path = context.current_path;
            bool current = path == href || (path.size() > std::string_view(href).size() &&
                                            path.substr(0, std::string_view(href).size()) == href &&
                                            path[std::string_view(href).size()] == '/');
            w.open("li");
            w.element("a", {{"href", href}, Attr::when(current, "aria-current", "page")}, label);
            w.close("li");
        };
        item("/acquisitions", "Achats");
        item("/questionnaires", "Questionnaires");
        item("/statistics", "Statistiques");
        if (context.user_is_admin) {
            item("/admin/users", "Comptes");
            item("/admin/instance", "Établissement");
        }
        item("/account", "Mon compte");
        item("/help", "Aide");
        w.close("ul");
        w.close("nav");
        w.open("div", {{"class", "user-box"}});
        w.open("span", {{"class", "user-name"}});
        if (context.user_id > 0)
            w.element("a", {{"href", "/users/" + std::to_string(context.user_id) + "/journal"},
                            {"title", "Mon journal : ce que ce compte a fait"}},
                      *context.user_email);
        else
            w.text(*context.user_email);
        if (!context.user_role_label.empty()) {
            w.text(" ");
            w.element("span", {{"class", "user-role"}}, "(" + context.user_role_label + ")");
        }
        w.close("span");
        w.open("form", {{"method", "post"}, {"action", "/logout"}, {"class", "logout-form"}});
        write_csrf_field(w, context);
        w.element("button", {{"type", "submit"}, {"class", "button-link"}}, "Se déconnecter");
        w.close("form");
        w.close("div");
    }
    w.close("div");
    w.close("header");
}

}  // namespace

std::string render_layout(const PageContext& context, std::string_view body_html) {
    const Language lang = context.language;
    HtmlWriter w(body_html.size() + 4096);
    w.raw("<!DOCTYPE html>\n");
    w.open("html", {{"lang", language_code(lang)}});
    w.open("head");
    w.void_tag("meta", {{"charset", "utf-8"}});
    w.void_tag("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
    w.void_tag("meta", {{"name", "csrf-token"}, {"content", context.csrf_token}});
    w.void_tag("meta", {{"name", "referrer"}, {"content", "no-referrer"}});
    std::string title = context.title.empty() ? "Cyberachat" : context.title + " — Cyberachat";
    w.element("title", title);
    w.void_tag("link", {{"rel", "icon"}, {"type", "image/svg+xml"}, {"href", asset_url("favicon.svg")}});
    w.void_tag("link", {{"rel", "stylesheet"}, {"href", asset_url("app.css")}});
    w.open("script", {{"src", asset_url("app.js")}, {"defer", true}});
    w.close("script");
    w.close("head");
    w.open("body", {{"class", context.vendor ? "vendor" : "hospital"}});
    w.element("a", {{"class", "skip-link"}, {"href", "#contenu"}}, L(lang, "Aller au contenu", "Skip to content"));
    write_header(w, context);
    write_part_tabs(w, context);
    w.open("main", {{"id", "contenu"}, {"tabindex", "-1"}});
    if (!context.flash.empty()) {
        w.open("div", {{"class", context.flash_is_error ? "flash flash-error" : "flash flash-info"},
                       {"role", context.flash_is_error ? "alert" : "status"}});
        w.element("p", context.flash);
        w.close("div");
    }
    if (!context.lock_notice.empty()) {
        w.open("div", {{"class", "notice notice-locked"}, {"role", "status"}, {"id", "response-locked"}});
        w.element("p", context.lock_notice);
        w.close("div");
    }
    w.raw(body_html);
    w.close("main");
    w.open("footer", {{"class", "site-footer"}});
    w.open("div", {{"class", "site-footer-inner"}});
    w.open("p");
    w.text(L(lang, "Questionnaire standardisé de l'AFIB «\u00A0Introduire la sécurité numérique dans les procédures "
                   "d'acquisition\u00A0» — outil de navigation réalisé par Benoît Barbier, Marie Bossard, Marion Durand et "
                   "Thomas Robin (Master 2 Ingénierie de la Santé TBTS, Université de technologie de Compiègne). ",
                   "AFIB standardized questionnaire \"Introducing digital security into procurement procedures\" — "
                   "navigation tool by Benoît Barbier, Marie Bossard, Marion Durand and Thomas Robin (Master 2 Health "
                   "Engineering TBTS, Université de technologie de Compiègne). "));
    w.element("a", {{"href", "https://doi.org/10.34746/ids213"}}, "doi:10.34746/ids213");
    w.close("p");
    if (context.vendor && !context.hospital.contact_email.empty()) {
        w.open("p", {{"class", "hospital-contact"}});
        w.text(L(lang, "Une question sur cet achat ? Écrivez à ", "A question about this purchase? Write to "));
        w.element("a", {{"href", "mailto:" + context.hospital.contact_email}}, context.hospital.contact_email);
        w.text(".");
        w.close("p");
    }
    w.open("p");
    w.element("a", {{"href", context.vendor ? "/vendor/help" : "/help"}},
              L(lang, "Aide et mode d'emploi", "Help and instructions"));
    w.close("p");
    w.close("div");
    w.close("footer");
    w.close("body");
    w.close("html");
    return w.take();
}

}  // namespace cyberachat::web::views
