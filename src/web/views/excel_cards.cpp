#include "web/views/excel_cards.hpp"

#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

void write_vendor_excel_card(HtmlWriter& w, const PageContext& context, bool submitted) {
    const Language lang = context.language;
    w.open("section", {{"class", "card"}, {"aria-labelledby", "excel-title"}, {"id", "excel"}});
    w.element("h2", {{"id", "excel-title"}}, L(lang, "Répondre avec Excel", "Answer with Excel"));
    w.element("p", L(lang,
                     "Téléchargez le questionnaire au format Excel avec vos réponses actuelles, remplissez-le hors ligne, "
                     "puis importez-le : un aperçu vous montre le résultat ligne par ligne avant tout enregistrement.",
                     "Download the questionnaire as an Excel workbook with your current answers, fill it in offline, "
                     "then import it: a preview shows you the result row by row before anything is saved."));
    w.open("p", {{"class", "actions"}});
    w.element("a", {{"href", std::string("/vendor/export.xlsx?lang=") + std::string(language_code(lang))},
                    {"class", "button button-secondary"}, {"id", "excel-download"}, {"download", true}},
              L(lang, "Télécharger le classeur Excel", "Download the Excel workbook"));
    if (!submitted)
        w.element("a", {{"href", "/vendor/import"}, {"class", "button button-secondary"}, {"id", "excel-import"}},
                  L(lang, "Importer un classeur rempli", "Import a filled workbook"));
    w.close("p");
    w.close("section");
}

void write_hospital_excel_card(HtmlWriter& w, Id response_id, bool submitted) {
    const std::string base = "/responses/" + std::to_string(response_id);
    w.open("section", {{"class", "card"}, {"aria-labelledby", "excel-title"}, {"id", "excel"}});
    w.element("h2", {{"id", "excel-title"}}, "Excel");
    w.open("p", {{"class", "actions"}});
    w.element("a", {{"href", base + "/export.xlsx"}, {"class", "button button-secondary"}, {"download", true}},
              "Télécharger les réponses (Excel)");
    if (!submitted)
        w.element("a", {{"href", base + "/import"}, {"class", "button button-secondary"}},
                  "Importer un classeur rempli pour le fournisseur");
    w.close("p");
    w.close("section");
}

void write_blank_questionnaire_links(HtmlWriter& w, Language lang) {
    w.open("p", {{"class", "actions"}, {"id", "blank-questionnaire"}});
    w.element("a", {{"href", "/questionnaire.xlsx?lang=fr"}, {"class", "button button-secondary"}, {"download", true}, {"hreflang", "fr"}},
              L(lang, "Questionnaire vierge (Excel, français)", "Blank questionnaire (Excel, French)"));
    w.element("a", {{"href", "/questionnaire.xlsx?lang=en"}, {"class", "button button-secondary"}, {"download", true}, {"hreflang", "en"}},
              L(lang, "Questionnaire vierge (Excel, anglais)", "Blank questionnaire (Excel, English)"));
    // The same questionnaire to read or print: every question with its notes and flowcharts.
    w.element("a", {{"href", "/api/v1/questionnaire.pdf?lang=fr"}, {"class", "button button-secondary"}, {"download", true}, {"hreflang", "fr"}},
              L(lang, "Questionnaire vierge (PDF, français)", "Blank questionnaire (PDF, French)"));
    w.element("a", {{"href", "/api/v1/questionnaire.pdf?lang=en"}, {"class", "button button-secondary"}, {"download", true}, {"hreflang", "en"}},
              L(lang, "Questionnaire vierge (PDF, anglais)", "Blank questionnaire (PDF, English)"));
    w.close("p");
}

}  // namespace cyberachat::web::views
