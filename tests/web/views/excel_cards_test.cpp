// The Excel entry points on the pages: the blank questionnaire's links of the help page.
#include "web/views/excel_cards.hpp"

#include <gtest/gtest.h>

using namespace cyberachat;
using namespace cyberachat::web::views;

TEST(ExcelCards, HelpPageOffersTheBlankQuestionnaireInBothLanguages) {
    cyberachat::web::html::HtmlWriter w;
    write_blank_questionnaire_links(w, Language::en);
    const std::string html = w.take();
    EXPECT_NE(html.find("href=\"/questionnaire.xlsx?lang=fr\""), std::string::npos);
    EXPECT_NE(html.find("href=\"/questionnaire.xlsx?lang=en\""), std::string::npos);
    EXPECT_NE(html.find("Blank questionnaire (Excel, English)"), std::string::npos);
    // And to read or print: the PDF, in both languages.
    EXPECT_NE(html.find("href=\"/api/v1/questionnaire.pdf?lang=fr\""), std::string::npos);
    EXPECT_NE(html.find("href=\"/api/v1/questionnaire.pdf?lang=en\""), std::string::npos);
    EXPECT_NE(html.find("Blank questionnaire (PDF, English)"), std::string::npos);
}
