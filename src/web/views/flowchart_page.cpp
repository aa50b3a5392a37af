#include "web/views/flowchart_page.hpp"

#include "web/html/html_writer.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::Attr;
using html::HtmlWriter;

namespace {

void write_tabs(HtmlWriter& w, const FlowchartPage& page, Language lang) {
    if (page.tabs.empty()) return;
    w.open("nav", {{"class", "flowchart-tabs"}, {"aria-label", L(lang, "Logigrammes", "Flowcharts")}});
    w.open("ul");
    for (const auto& tab : page.tabs) {
        w.open("li");
        w.element("a", {{"href", tab.href}, Attr::when(tab.current, "aria-current", "page")}, tab.label);
        w.close("li");
    }
    w.close("ul");
    w.close("nav");
}

void write_legend(HtmlWriter& w, Language lang) {
    w.open("div", {{"class", "flowchart-legend"}});
    w.element("h2", {{"id", "legend-title"}}, L(lang, "Légende", "Key"));
    w.open("ul", {{"aria-labelledby", "legend-title"}});
    const std::pair<const char*, const char*> fr[] = {
        {"legend-complete", "«\u00A0✓ complet\u00A0» (fond vert)\u00A0: toutes les réponses obligatoires de la page sont données."},
        {"legend-incomplete", "«\u00A0incomplet\u00A0» (fond orange)\u00A0: des réponses obligatoires manquent."},
        {"legend-na", "«\u00A0sans objet\u00A0» (bordure en pointillés, fond gris)\u00A0: la page est sur une branche non prise."},
        {"legend-current", "«\u00A0page actuelle\u00A0» (bordure épaisse bleue)\u00A0: la page où vous en êtes."},
        {"legend-decision", "Losange\u00A0: une décision oui / non, avec la réponse donnée («\u00A0Réponse\u00A0: Oui\u00A0»)."},
        {"legend-path", "Flèches bleues épaisses\u00A0: le chemin suivi\u00A0; flèches grises en pointillés\u00A0: les autres branches."},
    };
    const std::pair<const char*, const char*> en[] = {
        {"legend-complete", "\"✓ complete\" (green background): every required answer of the page is given."},
        {"legend-incomplete", "\"incomplete\" (orange background): required answers are missing."},
        {"legend-na", "\"not applicable\" (dashed border, grey background): the page is on a branch not taken."},
        {"legend-current", "\"current page\" (thick blue border): the page you are on."},
        {"legend-decision", "Diamond: a yes / no decision, with the answer given (\"Answer: Yes\")."},
        {"legend-path", "Thick blue arrows: the path taken; dashed grey arrows: the other branches."},
    };
    for (const auto& [cls, text] : lang == Language::en ? en : fr) w.element("li", {{"class", cls}}, text);
    w.close("ul");
    w.close("div");
}

}  // namespace

std::string render_flowchart_page(const PageContext& context, const FlowchartPage& page) {
    const Language lang = context.language;
    PageContext layout = context;
    if (layout.title.empty()) layout.title = page.heading;
    HtmlWriter w(page.svg.size() + 8192);
    write_page_heading(w, page.kicker, page.heading);
    write_tabs(w, page, lang);
    w.open("figure", {{"class", "flowchart"}, {"aria-labelledby", "flowchart-caption"}});
    w.open("div", {{"class", "flowchart-canvas"}});
    w.raw(page.svg);
    w.close("div");
    w.element("figcaption", {{"id", "flowchart-caption"}},
              L(lang, "Cliquez sur une page ou une décision pour l'ouvrir. La même information figure en texte sous le dessin.",
                "Click a page or a decision to open it. The same information is given as text below the drawing."));
    w.close("figure");
    if (page.with_statuses) write_legend(w, lang);

    w.open("section", {{"class", "flowchart-text"}, {"aria-labelledby", "flowchart-text-title"}});
    w.element("h2", {{"id", "flowchart-text-title"}}, L(lang, "Version texte", "Text version"));
    w.open("ol", {{"class", "flowchart-list"}});
    for (const auto& item : page.items) {
        w.open("li", {{"class", item.decision ? "flowchart-item decision" : "flowchart-item"}});
        if (item.decision) w.text(L(lang, "Décision\u00A0: ", "Decision: "));
        if (item.href.empty()) w.text(item.label);
        else w.element("a", {{"href", item.href}}, item.label);
        if (!item.status.empty()) {
            w.text(" — ");
            w.element("span", {{"class", "flowchart-status"}}, item.status);
        }
        w.close("li");
    }
    w.close("ol");
    w.close("section");

    w.open("p", {{"class", "flowchart-actions"}});
    if (!page.svg_href.empty())
        w.element("a", {{"href", page.svg_href}, {"download", true}}, L(lang, "Télécharger le dessin (SVG)", "Download the drawing (SVG)"));
    if (!page.back_href.empty()) {
        if (!page.svg_href.empty()) w.text(" · ");
        w.element("a", {{"href", page.back_href}}, page.back_label);
    }
    w.close("p");
    return render_layout(layout, w.take());
}

}  // namespace cyberachat::web::views
