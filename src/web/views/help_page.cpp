#include "web/views/help_page.hpp"

#include "web/html/html_writer.hpp"
#include "web/views/answer_kind_icon.hpp"
#include "web/views/excel_cards.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

std::string render_help_page(const PageContext& context, const Questionnaire& questionnaire) {
    const Language lang = context.language;
    PageContext page = context;
    if (page.title.empty()) page.title = L(lang, "Aide", "Help");
    HtmlWriter w(24576);
    write_page_heading(w, questionnaire.title.in(lang), L(lang, "Aide et mode d'emploi", "Help and instructions"));

    static constexpr const char* kOrder[] = {"how_to", "when_to_use", "four_parts", "terminology", "foreword",
                                             "attribution"};
    w.open("nav", {{"class", "toc"}, {"aria-label", L(lang, "Sommaire", "Contents")}});
    w.open("ol");
    for (const char* id : kOrder) {
        const ContentText* text = questionnaire.find_content(id);
        if (!text) continue;
        w.open("li").element("a", {{"href", std::string("#") + id}}, text->title.in(lang)).close("li");
    }
    w.close("ol");
    w.close("nav");
    write_blank_questionnaire_links(w, lang);

    for (const char* id : kOrder) {
        const ContentText* text = questionnaire.find_content(id);
        if (!text) continue;
        w.open("section", {{"class", "help-text"}, {"id", id}, {"aria-labelledby", std::string("h-") + id}});
        w.element("h2", {{"id", std::string("h-") + id}}, text->title.in(lang));
        w.open("div", {{"class", "markup"}});
        w.markup(text->body.in(lang));
        w.close("div");
        if (std::string_view(id) == "four_parts") {
            // The seed's clickable parts: each opens its flowchart.
            const std::string base = context.vendor ? "/vendor/flowcharts" : "/flowcharts";
            w.open("ol", {{"class", "flowchart-parts"}});
            for (const auto& part : questionnaire.parts) {
                w.open("li");
                w.element("a", {{"href", base + "/" + std::to_string(part.index + 1)}},
                          std::string(L(lang, "Logigramme de la partie ", "Flowchart of part ")) +
                              std::to_string(part.index + 1) + " — " + part.title.in(lang));
                w.close("li");
            }
            w.close("ol");
            w.open("p").element("a", {{"href", base}}, L(lang, "Vue d'ensemble des parties", "Overview of the parts")).close("p");
        }
        if (std::string_view(id) == "how_to") {
            w.element("p", L(lang,
                             "Dans les logigrammes, chaque page porte son état en toutes lettres : « ✓ complet », "
                             "« incomplet », « sans objet » (branche non prise, bordure en pointillés) ou "
                             "« page actuelle » (bordure épaisse) ; chaque décision porte la réponse donnée, "
                             "et le chemin suivi est tracé en flèches épaisses.",
                             "In the flowcharts, each page states its status in words: \"✓ complete\", \"incomplete\", "
                             "\"not applicable\" (branch not taken, dashed border) or \"current page\" (thick border); each "
                             "decision shows the answer given, and the path taken is drawn with thick arrows."));
            // The seed's icons and their counterparts on these pages: the navigation links (their
            // glyphs are the stylesheet's) and the pictograms beside each question.
            w.open("div", {{"class", "table-wrap"}});
            w.open("table", {{"class", "data-table legend"}});
            w.element("caption", L(lang, "Les icônes du document AFIB dans Cyberachat", "The AFIB document's icons in Cyberachat"));
            w.open("thead").open("tr");
            w.element("th", {{"scope", "col"}}, L(lang, "Dans le document AFIB", "In the AFIB document"));
            w.element("th", {{"scope", "col"}}, L(lang, "Pictogramme", "Pictogram"));
            w.element("th", {{"scope", "col"}}, L(lang, "Dans Cyberachat", "In Cyberachat"));
            w.close("tr").close("thead").open("tbody");
            enum class Mark { glyph, kind, info };
            struct LegendRow {
                const char* seed;
                const char* here;
                Mark mark;
                const char* glyph;  // Mark::glyph
                AnswerKindIcon kind;  // Mark::kind
            };
            constexpr auto T = AnswerKindIcon::text;
            const LegendRow rows_fr[] = {
                {"Revenir au début du document", "Lien «\u00A0Début\u00A0»", Mark::glyph, "⌂", T},
                {"Revenir au logigramme concerné par la section", "Lien «\u00A0Logigramme\u00A0» (chaque page, dessinée dans le logigramme de sa partie, y est cliquable)", Mark::glyph, "⌥", T},
                {"Revenir au mode d'emploi", "Lien «\u00A0Aide\u00A0»", Mark::glyph, "?", T},
                {"Diapositive précédente ou suivante", "Liens «\u00A0Section précédente\u00A0» et «\u00A0Section suivante\u00A0»", Mark::glyph, "← →", T},
                {"Onglets des 4 parties", "Onglets «\u00A0Partie 1\u00A0» à «\u00A0Partie 4\u00A0» en haut de chaque page\u00A0: chacun mène à la première page de sa partie qui vous concerne", Mark::glyph, "", T},
                {"Type de réponse\u00A0: oui / non", "Devant la question\u00A0; deux boutons radio «\u00A0Oui\u00A0» et «\u00A0Non\u00A0»", Mark::kind, "", AnswerKindIcon::yes_no},
                {"Type de réponse\u00A0: texte", "Devant la question\u00A0; zone de texte (ou tableau, ou fiche de contact)", Mark::kind, "", AnswerKindIcon::text},
                {"Type de réponse\u00A0: document", "Devant la question\u00A0; choix d'un fichier et bouton «\u00A0Envoyer le fichier\u00A0»", Mark::kind, "", AnswerKindIcon::document},
                {"Type de réponse\u00A0: chiffre", "Devant la question\u00A0; nombre, virgule décimale acceptée, unité affichée à côté", Mark::kind, "", AnswerKindIcon::number},
                {"(ajouté par Cyberachat) Type de réponse\u00A0: choix", "Devant la question\u00A0; un ou plusieurs choix dans une liste", Mark::kind, "", AnswerKindIcon::choice},
                {"Informations complémentaires", "Encadré dépliable «\u00A0Informations complémentaires\u00A0», ouvert à votre première visite de la page", Mark::info, "", T},
            };
            const LegendRow rows_en[] = {
                {"Go back to the start of the document", "\"Start\" link", Mark::glyph, "⌂", T},
                {"Go back to the section's flowchart", "\"Flowchart\" link (each page, drawn in its part's flowchart, is clickable there)", Mark::glyph, "⌥", T},
                {"Go back to the instructions", "\"Help\" link", Mark::glyph, "?", T},
                {"Previous or next slide", "\"Previous section\" and \"Next section\" links", Mark::glyph, "← →", T},
                {"Tabs of the 4 parts", "Tabs \"Part 1\" to \"Part 4\" at the top of each page: each leads to the first page of its part that applies to you", Mark::glyph, "", T},
                {"Answer type: yes / no", "Before the question; two radio buttons \"Yes\" and \"No\"", Mark::kind, "", AnswerKindIcon::yes_no},
                {"Answer type: text", "Before the question; text box (or table, or contact card)", Mark::kind, "", AnswerKindIcon::text},
                {"Answer type: document", "Before the question; file chooser and \"Upload the file\" button", Mark::kind, "", AnswerKindIcon::document},
                {"Answer type: number", "Before the question; number, decimal comma accepted, unit shown next to it", Mark::kind, "", AnswerKindIcon::number},
                {"(added by Cyberachat) Answer type: choice", "Before the question; one or several choices from a list", Mark::kind, "", AnswerKindIcon::choice},
                {"Additional information", "Collapsible box \"Additional information\", open on your first visit of the page", Mark::info, "", T},
            };
            const auto& rows = lang == Language::en ? rows_en : rows_fr;
            for (const LegendRow& row : rows) {
                w.open("tr");
                w.element("th", {{"scope", "row"}}, row.seed);
                w.open("td", {{"class", "legend-mark"}});
                switch (row.mark) {
                    case Mark::glyph:
                        if (*row.glyph) w.element("span", {{"aria-hidden", "true"}, {"class", "legend-glyph"}}, row.glyph);
                        break;
                    case Mark::kind:
                        write_answer_kind_icon(w, row.kind);
                        w.element("span", {{"class", "visually-hidden"}},
                                  std::string(L(lang, "Pictogramme ", "Pictogram ")) + std::string(answer_kind_words(row.kind, lang)));
                        break;
                    case Mark::info:
                        write_info_icon(w);
                        w.element("span", {{"class", "visually-hidden"}},
                                  L(lang, "Pictogramme informations complémentaires", "Pictogram additional information"));
                        break;
                }
                w.close("td");
                w.element("td", row.here);
                w.close("tr");
            }
            w.close("tbody").close("table").close("div");
        }
        w.close("section");
    }

    const Source& source = questionnaire.source;
    auto is_web_address = [](std::string_view url) {
        return url.substr(0, 8) == "https://" || url.substr(0, 7) == "http://";
    };
    if (is_web_address(source.doi) || is_web_address(source.permalink)) {
        w.open("section", {{"class", "help-text"}, {"id", "source"}, {"aria-labelledby", "h-source"}});
        w.element("h2", {{"id", "h-source"}}, L(lang, "Source", "Source"));
        w.element("p", source.title.in(lang));
        w.open("ul");
        if (is_web_address(source.doi)) {
            w.open("li").text("DOI" + std::string(lang == Language::en ? ": " : "\u00A0: "));
            w.element("a", {{"href", source.doi}}, source.doi).close("li");
        }
        if (is_web_address(source.permalink)) {
            w.open("li").text(with_colon(L(lang, "Permalien", "Permalink"), lang));
            w.element("a", {{"href", source.permalink}}, source.permalink).close("li");
        }
        w.close("ul");
        w.close("section");
    }
    w.open("p");
    w.element("a", {{"href", context.vendor ? "/vendor" : "/acquisitions"}},
              context.vendor ? L(lang, "Retour au questionnaire", "Back to the questionnaire")
                             : L(lang, "Retour aux achats", "Back to purchases"));
    w.close("p");
    return render_layout(page, w.take());
}

}  // namespace cyberachat::web::views
