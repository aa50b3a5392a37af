// The PDF renderer on hand-made report models: texts found by pdftotext (accents included), page
// numbers, table of contents, header, embedded fonts, and the vendor audience without evaluation.
#include "outputs/pdf/pdf_renderer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>

#include "../../png_fixture.hpp"
#include "pdf_text.hpp"

using namespace cyberachat;
using namespace cyberachat::report;
using cyberachat::testing::pdf_text;
using cyberachat::testing::pdf_tool_output;

namespace {

bool pdf_contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

VendorBlock vendor(const std::string& company, size_t sections) {
    VendorBlock block;
    block.company = company;
    block.facts = {{"Contact", "Jeanne Dupré"}, {"Statut", "Brouillon"}};
    PartBlock part;
    part.title = "Partie 1 — Dispositif";
    part.path = {"Sécurité du poste — ✓ complet", "Antivirus — sans objet"};
    for (size_t s = 0; s < sections; ++s) {
        SectionBlock section{"Section " + std::to_string(s + 1) + " : Sécurité", {}, {}};
        for (int q = 0; q < 12; ++q)
            section.answers.push_back(AnswerLine{"q" + std::to_string(q), "Question n° " + std::to_string(q) + " sur la sécurité ?",
                                                 "Réponse détaillée : chiffrement AES-256, mises à jour trimestrielles, " + company,
                                                 q % 3 == 0 ? "Commentaire du fournisseur" : "", {}});
        part.sections.push_back(std::move(section));
    }
    part.sections.front().answers.front().documents.push_back(
        DocumentLine{"Certificat CE.pdf", "1,5 Ko", std::string(64, 'a')});
    block.parts.push_back(std::move(part));
    return block;
}

report::Evaluation secret_evaluation() {
    report::Evaluation evaluation;
    evaluation.score = "72 / 100";
    evaluation.score_ratio = 0.72;
    evaluation.part_scores = {{"Serveurs", "64 / 100"}};
    evaluation.vigilance = {report::VigilancePoint{"Critique", "Antivirus ?", "Non", "Point de vigilance confidentiel"}};
    evaluation.comments = {report::ReviewerComment{"RSSI", "29/11/2026", "Antivirus", "Commentaire de relecture interne", "Insatisfaisant"}};
    evaluation.opinions = {report::Opinion{"Marie Curie", "DSI", "Favorable avec réserves", "Avis interne détaillé", ""}};
    return evaluation;
}

ReportDocument purchase(Audience audience) {
    ReportDocument document;
    document.kind = ReportKind::acquisition;
    document.audience = audience;
    document.title = "Échographes cardiologie 2027";
    document.subtitle = "Rapport d'achat";
    document.facts = {{"Service", "Cardiologie"}};
    for (const char* company : {"Médica Santé SA", "Biotech Électronique"}) {
        document.vendors.push_back(vendor(company, 3));
        document.vendors.back().evaluation = secret_evaluation();
        document.comparison.push_back(ComparisonRow{company, "Soumis", "100 %", "72 / 100", 0.72, 1});
    }
    return document;
}

}  // namespace

TEST(PdfRenderer, TextsAccentsPageNumbersAndTableOfContents) {
    auto pdf = render_pdf(purchase(Audience::hospital));
    ASSERT_TRUE(pdf) << pdf.error().message.fr;
    EXPECT_EQ(pdf->rfind("%PDF-", 0), 0u);
    const std::string text = pdf_text(*pdf);
    EXPECT_TRUE(pdf_contains(text, "Médica Santé SA")) << text.substr(0, 2000);
    EXPECT_TRUE(pdf_contains(text, "Biotech Électronique"));
    EXPECT_TRUE(pdf_contains(text, "Sécurité"));
    EXPECT_TRUE(pdf_contains(text, "Table des matières"));
    EXPECT_TRUE(pdf_contains(text, std::string(64, 'a')));  // documents with their full SHA-256
    // "Page N / M" on every page, M the same everywhere and equal to the number of pages.
    std::smatch match;
    ASSERT_TRUE(std::regex_search(text, match, std::regex(R"(Page 1 / (\d+))")));
    const int total = std::stoi(match[1].str());
    EXPECT_GE(total, 4);
    EXPECT_TRUE(pdf_contains(text, "Page " + std::to_string(total) + " / " + std::to_string(total)));
    EXPECT_FALSE(pdf_contains(text, "Page " + std::to_string(total + 1) + " / "));
    // The table of contents gives each vendor's page: that page's header names the vendor.
    std::smatch entry;
    ASSERT_TRUE(std::regex_search(text, entry, std::regex(R"(Biotech Électronique[ ]+(\d+)\n)")));
    const int vendor_page = std::stoi(entry[1].str());
    std::vector<std::string> pages;
    size_t start = 0;
    for (size_t ff; (ff = text.find('\f', start)) != std::string::npos; start = ff + 1) pages.push_back(text.substr(start, ff - start));
    ASSERT_EQ(static_cast<int>(pages.size()), total);
    const std::string& page = pages[static_cast<size_t>(vendor_page - 1)];
    EXPECT_TRUE(pdf_contains(page, "Échographes cardiologie 2027")) << page;
    EXPECT_TRUE(pdf_contains(page, "Biotech Électronique"));
    EXPECT_TRUE(pdf_contains(page, "Page " + std::to_string(vendor_page) + " / " + std::to_string(total)));
    // The hospital's report carries the evaluation.
    EXPECT_TRUE(pdf_contains(text, "Point de vigilance confidentiel"));
    EXPECT_TRUE(pdf_contains(text, "Commentaire de relecture interne"));
    EXPECT_TRUE(pdf_contains(text, "Favorable avec réserves"));
    EXPECT_TRUE(pdf_contains(text, "72 / 100"));
    EXPECT_TRUE(pdf_contains(text, "Serveurs : 64 / 100"));
    EXPECT_TRUE(pdf_contains(text, "Critique — Antivirus ?"));
    EXPECT_TRUE(pdf_contains(text, "Insatisfaisant"));
    EXPECT_TRUE(pdf_contains(text, "n'élimine aucun fournisseur"));
}

TEST(PdfRenderer, FontsAreEmbedded) {
    auto pdf = render_pdf(purchase(Audience::hospital));
    ASSERT_TRUE(pdf);
    const std::string fonts = pdf_tool_output(*pdf, "pdffonts");
    EXPECT_TRUE(pdf_contains(fonts, "DejaVuSans")) << fonts;
    // Every font line says "yes" in the emb column: no line with " no " before the sub column.
    std::istringstream lines(fonts);
    std::string line;
    int font_lines = 0;
    while (std::getline(lines, line)) {
        if (!pdf_contains(line, "DejaVu")) continue;
        ++font_lines;
        EXPECT_TRUE(std::regex_search(line, std::regex(R"(\s+yes\s+yes\s+)"))) << line;
    }
    EXPECT_GT(font_lines, 0);
}

TEST(PdfRenderer, TheVendorsReportNeverShowsTheEvaluation) {
    ReportDocument document = purchase(Audience::vendor);
    document.kind = ReportKind::response;
    document.vendors.resize(1);
    document.comparison.clear();
    auto pdf = render_pdf(document);
    ASSERT_TRUE(pdf);
    const std::string text = pdf_text(*pdf);
    EXPECT_TRUE(pdf_contains(text, "Médica Santé SA"));
    EXPECT_TRUE(pdf_contains(text, "Réponse détaillée"));
    for (const char* secret : {"Point de vigilance confidentiel", "Commentaire de relecture interne", "Favorable avec réserves",
                               "Avis interne", "72 / 100", "64 / 100", "Insatisfaisant", "Critique", "Évaluation", "Score"})
        EXPECT_FALSE(pdf_contains(text, secret)) << secret;
    // The same model for the hospital shows them: the flag is what hides them.
    document.audience = Audience::hospital;
    EXPECT_TRUE(pdf_contains(pdf_text(*render_pdf(document)), "Point de vigilance confidentiel"));
}

TEST(PdfRenderer, FlowchartsAreDrawnFromSvgAndLongTextsSplitAcrossPages) {
    ReportDocument document;
    document.kind = ReportKind::response;
    document.title = "Achat";
    VendorBlock block = vendor("Fournisseur Unique", 1);
    block.parts.front().flowchart_svg =
        R"(<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg" width="300" height="120">)"
        R"(<rect x="10" y="10" width="200" height="60" fill="#eef" stroke="#000"/>)"
        R"(<text x="20" y="45" font-family="DejaVu Sans" font-size="12">Boîte du logigramme</text></svg>)";
    std::string long_answer;
    for (int i = 0; i < 4000; ++i) long_answer += "Mot" + std::to_string(i) + " ";
    block.parts.front().sections.front().answers.front().answer = long_answer;
    document.vendors.push_back(std::move(block));
    auto pdf = render_pdf(document);
    ASSERT_TRUE(pdf);
    const std::string text = pdf_text(*pdf);
    EXPECT_TRUE(pdf_contains(text, "Boîte du logigramme"));
    EXPECT_TRUE(pdf_contains(text, "Mot0 "));
    EXPECT_TRUE(pdf_contains(text, "Mot3999"));
    EXPECT_TRUE(pdf_contains(text, "Page 3 / "));  // one answer longer than a page goes on over the next ones
    EXPECT_TRUE(pdf_contains(text, "Sécurité du poste — ✓ complet"));
}

// A text that recurs (each vendor's copy of a question's label, the same flowchart) is shaped once
// and drawn everywhere it belongs: every occurrence is in the PDF.
TEST(PdfRenderer, RecurringTextsAreDrawnAtEachOccurrence) {
    const std::string pdf = render_pdf(purchase(Audience::hospital)).value();
    const std::string text = pdf_text(pdf);
    auto count = [&](const std::string& needle) {
        size_t n = 0;
        for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
        return n;
    };
    // 2 vendors × 3 sections: each label six times, each vendor's own answer three times.
    EXPECT_EQ(count("Question n° 7 sur la sécurité ?"), 6u) << text.substr(0, 2000);
    EXPECT_EQ(count("trimestrielles, Médica Santé SA"), 36u);
    EXPECT_EQ(count("trimestrielles, Biotech Électronique"), 36u);
}

TEST(PdfRenderer, EveryPageHeaderNamesTheHospitalWithItsLogo) {
    ReportDocument document = purchase(Audience::hospital);
    document.hospital_name = "CHU de Compiègne";
    document.logo_png = cyberachat::test_images::small_png();
    auto pdf = render_pdf(document);
    ASSERT_TRUE(pdf) << pdf.error().message.fr;
    const std::string text = pdf_text(*pdf);
    size_t pages = 0, named = 0, start = 0;
    for (size_t ff; (ff = text.find('\f', start)) != std::string::npos; start = ff + 1, ++pages)
        if (text.substr(start, ff - start).find("CHU de Compiègne — Échographes cardiologie 2027") != std::string::npos) ++named;
    EXPECT_GE(pages, 4u);
    EXPECT_EQ(named, pages) << text.substr(0, 1500);
    // The logo is one image, drawn on every page (pdfimages lists each placement).
    const std::string images = pdf_tool_output(*pdf, "pdfimages -list");
    const std::regex placement(R"(^ *\d+ +\d+ +image +3 +2 )", std::regex::multiline);
    const auto listed = std::distance(std::sregex_iterator(images.begin(), images.end(), placement), std::sregex_iterator());
    EXPECT_EQ(static_cast<size_t>(listed), pages) << images;

    // Without a name and logo (an instance not set up yet): the purchase alone, no image.
    auto plain = render_pdf(purchase(Audience::hospital));
    ASSERT_TRUE(plain);
    EXPECT_EQ(pdf_text(*plain).find("CHU de Compiègne"), std::string::npos);
    EXPECT_EQ(pdf_tool_output(*plain, "pdfimages -list").find(" image "), std::string::npos);

    // A logo that cairo cannot decode is left out; the report is still made, with the name.
    document.logo_png = cyberachat::test_images::png_claiming(50, 50);
    auto broken = render_pdf(document);
    ASSERT_TRUE(broken) << broken.error().message.fr;
    EXPECT_NE(pdf_text(*broken).find("CHU de Compiègne"), std::string::npos);
}

namespace {

// The page (0-based, pdftotext separates pages by form feeds) of the last occurrence of `needle`
// (the table of contents on the first page repeats the parts' titles); -1 when absent.
int last_page_of(const std::string& text, const std::string& needle) {
    const size_t at = text.rfind(needle);
    if (at == std::string::npos) return -1;
    return static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\f'));
}

AnswerLine heading_test_answer(const std::string& label, const std::string& answer) { return AnswerLine{"q", label, answer, "", {}}; }

}  // namespace

// A response whose first part grows by one line at a time pushes down a section heading and then
// the second part's heading: wherever they fall, each heading is on the page of what it introduces
// (the section's first question and the first line of its answer; the part's flowchart, then its
// first section), never alone at the foot of a page.
TEST(PdfRenderer, HeadingsAreNeverLeftAtThePageFoot) {
    std::set<int> part_pages, section_pages;
    for (int filler = 0; filler < 72; ++filler) {
        ReportDocument document;
        document.kind = ReportKind::response;
        document.title = "Achat";
        VendorBlock block;
        block.company = "Fournisseur";
        PartBlock one;
        one.title = "Partie un";
        std::string note;
        for (int line = 0; line < filler; ++line) note += (line ? "\n" : "") + std::string("Ligne de remplissage ") + std::to_string(line);
        one.sections.push_back(SectionBlock{"Section de remplissage", note, {heading_test_answer("Question de remplissage", "Oui")}});
        one.sections.push_back(SectionBlock{
            "Section suivante de la partie un", {}, {heading_test_answer("Question de la section suivante", "Réponse de la section suivante")}});
        PartBlock two;
        two.title = "Partie deux";
        two.flowchart_svg =
            R"(<svg xmlns="http://www.w3.org/2000/svg" width="300" height="260"><rect x="10" y="10" width="280" height="240" fill="#eef"/>)"
            R"(<text x="20" y="30" font-family="DejaVu Sans" font-size="12">Logigramme de la partie deux</text></svg>)";
        two.sections.push_back(SectionBlock{
            "Section première de la partie deux", {}, {heading_test_answer("Question première de la partie deux", "Réponse première de la partie deux")}});
        block.parts.push_back(std::move(one));
        block.parts.push_back(std::move(two));
        for (int extra = 0; extra < 3; ++extra) block.parts.push_back(vendor("Fournisseur", 1).parts.front());
        document.vendors.push_back(std::move(block));
        auto pdf = render_pdf(document);
        ASSERT_TRUE(pdf);
        const std::string text = pdf_text(*pdf);
        const int section = last_page_of(text, "Section suivante de la partie un");
        ASSERT_GE(section, 1) << filler;
        EXPECT_EQ(last_page_of(text, "Question de la section suivante"), section) << filler;
        EXPECT_EQ(last_page_of(text, "Réponse de la section suivante"), section) << filler;
        const int part = last_page_of(text, "Partie deux");
        ASSERT_GE(part, 1) << filler;
        EXPECT_EQ(last_page_of(text, "Logigramme de la partie deux"), part) << filler;
        const int first_section = last_page_of(text, "Section première de la partie deux");
        EXPECT_EQ(last_page_of(text, "Question première de la partie deux"), first_section) << filler;
        EXPECT_EQ(last_page_of(text, "Réponse première de la partie deux"), first_section) << filler;
        part_pages.insert(part);
        section_pages.insert(section);
    }
    // The filler did push both headings over a page foot.
    EXPECT_GE(part_pages.size(), 2u);
    EXPECT_GE(section_pages.size(), 2u);
}

// The purchase report's score chart has a fixed room for a vendor's name at the left of
// its bar: a longer name is shortened there with "…" instead of running under the bar (the
// comparison summary above gives it whole).
TEST(PdfRenderer, TheScoreChartShortensLongVendorNames) {
    ReportDocument document = purchase(Audience::hospital);
    const std::string long_name = "Laboratoires Électromédicaux Associés de Bretagne";
    document.comparison.front().company = long_name;
    auto pdf = render_pdf(document);
    ASSERT_TRUE(pdf);
    const std::string text = pdf_text(*pdf);
    EXPECT_TRUE(pdf_contains(text, long_name));  // the summary
    const std::regex shortened("(Laboratoires [^\n…]*)…");
    std::smatch match;
    ASSERT_TRUE(std::regex_search(text, match, shortened)) << text.substr(0, 2000);
    EXPECT_EQ(long_name.rfind(match[1].str(), 0), 0u) << match[1];
    EXPECT_LT(match[1].length(), static_cast<long>(long_name.size()));
    EXPECT_TRUE(pdf_contains(text, "Biotech Électronique"));  // a name that fits stays whole
}
