#include "web/views/error_page.hpp"

#include "web/html/html_writer.hpp"
#include "web/views/layout_view.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

std::string render_error_page(const PageContext& context, int status, std::string_view message) {
    const Language lang = context.language;
    PageContext page = context;
    const char* heading;
    switch (status) {
        case 400: heading = L(lang, "Requête incorrecte", "Bad request"); break;
        case 401: heading = L(lang, "Connexion nécessaire", "Sign-in required"); break;
        case 403: heading = L(lang, "Accès refusé", "Access denied"); break;
        case 404: heading = L(lang, "Page introuvable", "Page not found"); break;
        case 409: heading = L(lang, "Conflit", "Conflict"); break;
        case 410: heading = L(lang, "Lien expiré ou révoqué", "Link expired or revoked"); break;
        case 413: heading = L(lang, "Fichier trop volumineux", "File too large"); break;
        case 429: heading = L(lang, "Trop de requêtes", "Too many requests"); break;
        default:
            heading = status >= 500 ? L(lang, "Erreur du serveur", "Server error") : L(lang, "Erreur", "Error");
    }
    if (page.title.empty()) page.title = heading;
    page.flash.clear();
    HtmlWriter w(2048);
    w.open("div", {{"class", "error-page"}});
    w.element("p", {{"class", "kicker"}}, std::string(L(lang, "Erreur ", "Error ")) + std::to_string(status));
    w.element("h1", {{"id", "page-title"}}, heading);
    if (!message.empty()) w.element("p", {{"class", "lead"}}, message);
    w.open("p");
    if (context.vendor) {
        w.element("a", {{"href", "/vendor"}}, L(lang, "Retour au questionnaire", "Back to the questionnaire"));
    } else if (context.user_email) {
        w.element("a", {{"href", "/acquisitions"}}, "Retour à la liste des achats");
    } else {
        w.element("a", {{"href", "/login"}}, L(lang, "Se connecter", "Sign in"));
    }
    w.close("p");
    w.close("div");
    return render_layout(page, w.take());
}

}  // namespace cyberachat::web::views
