#include "web/views/archive_restore_page.hpp"

#include "web/html/html_writer.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::Attr;
using html::HtmlWriter;

std::string render_archive_restore_page(const PageContext& context, const ArchiveRestorePageData& data) {
    PageContext page = context;
    const std::string heading = "Restaurer l'archive d'un achat";
    if (page.title.empty()) page.title = heading;
    HtmlWriter w(8192);
    w.open("div", {{"class", "narrow"}});
    w.open("nav", {{"class", "breadcrumb"}, {"aria-label", "Fil d'Ariane"}});
    w.open("ol");
    w.open("li").element("a", {{"href", "/acquisitions"}}, "Achats").close("li");
    w.open("li").element("span", {{"aria-current", "page"}}, heading).close("li");
    w.close("ol");
    w.close("nav");
    w.element("h1", {{"id", "page-title"}}, heading);
    w.element("p", {{"class", "lead"}},
              "L'archive complète d'un achat (le fichier zip que donne « Archive complète » sur la page d'un achat, ici "
              "ou dans une autre instance de Cyberachat) devient un nouvel achat, identique : son questionnaire et sa "
              "grille d'évaluation, ses fournisseurs et leurs réponses, leurs documents, les relectures, les avis et le "
              "journal. Vous en êtes le pilote ; vous composez ensuite son équipe.");
    w.open("ul", {{"class", "help"}});
    w.element("li", "Chaque fichier de l'archive est vérifié (empreintes SHA-256) avant l'enregistrement : un fichier "
                    "modifié ou incomplet est refusé, et rien n'est écrit.");
    w.element("li", "Les liens secrets des fournisseurs ne sont pas dans l'archive : pour qu'un fournisseur reprenne "
                    "ses réponses, invitez-le de nouveau depuis la page de l'achat restauré.");
    w.element("li", "Taille maximale sur cette page : " + std::to_string(data.max_upload_mb) +
                    " Mo. Une archive plus grande se restaure sur le serveur avec la commande "
                    "« cyberachat import-archive ».");
    w.close("ul");
    if (!data.error.empty()) {
        w.open("div", {{"class", "error-summary"}, {"role", "alert"}, {"id", "restore-error"}, {"tabindex", "-1"}});
        w.element("p", {{"class", "error-summary-title"}}, "L'archive n'a pas été restaurée");
        w.open("p");
        if (!data.file_name.empty()) {
            w.element("span", {{"class", "file-name"}}, data.file_name);
            w.text(" : ");
        }
        w.text(data.error);
        w.close("p");
        w.close("div");
    }
    w.open("form", {{"method", "post"}, {"action", "/acquisitions/restore"}, {"enctype", "multipart/form-data"},
                    {"class", "stack"}});
    write_csrf_field(w, context);
    w.open("div", {{"class", "field"}});
    w.open("label", {{"for", "archive"}});
    w.text("Archive de l'achat (zip)");
    write_required_mark(w, true, Language::fr);
    w.close("label");
    w.void_tag("input", {{"type", "file"}, {"id", "archive"}, {"name", "archive"}, {"required", true},
                         {"accept", ".zip,application/zip"},
                         Attr::when(!data.error.empty(), "aria-invalid", "true"),
                         Attr::when(!data.error.empty(), "aria-describedby", "restore-error")});
    w.close("div");
    w.element("button", {{"type", "submit"}, {"class", "button button-primary"}}, "Restaurer l'achat");
    w.close("form");
    w.close("div");
    return render_layout(page, w.take());
}

}  // namespace cyberachat::web::views
