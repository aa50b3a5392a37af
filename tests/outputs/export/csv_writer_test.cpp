// CSV for French Excel: BOM, ';', CRLF, RFC 4180 quoting, formula injection defence; read back by
// Python's csv module.
#include "outputs/export/csv_writer.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

using namespace cyberachat::exports;

TEST(CsvWriter, QuotesAndDefendsCells) {
    EXPECT_EQ(csv_cell("simple"), "simple");
    EXPECT_EQ(csv_cell("a;b"), "\"a;b\"");
    EXPECT_EQ(csv_cell("dit \"oui\""), "\"dit \"\"oui\"\"\"");
    EXPECT_EQ(csv_cell("ligne 1\nligne 2"), "\"ligne 1\nligne 2\"");
    EXPECT_EQ(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    EXPECT_EQ(csv_cell("+33 1 23"), "'+33 1 23");
    EXPECT_EQ(csv_cell("-2+3"), "'-2+3");
    EXPECT_EQ(csv_cell("-A1"), "'-A1");
    EXPECT_EQ(csv_cell("-"), "'-");
    EXPECT_EQ(csv_cell("-,5"), "'-,5");
    EXPECT_EQ(csv_cell("-2,"), "'-2,");
    // A plain number stays a number (a spreadsheet runs none as a formula): no apostrophe.
    EXPECT_EQ(csv_cell("-2"), "-2");
    EXPECT_EQ(csv_cell("-1234,5"), "-1234,5");
    EXPECT_EQ(csv_cell("1234,5"), "1234,5");
    EXPECT_EQ(csv_cell("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(csv_cell("Sécurité"), "Sécurité");
    EXPECT_EQ(csv_document({{"a", "b"}, {"c", ""}}), "\xEF\xBB\xBF" "a;b\r\nc;\r\n");
}

TEST(CsvWriter, PythonsCsvModuleReadsItBack) {
    const std::string csv = csv_document({{"Fournisseur", "Réponse"}, {"Médica; SA", "ligne 1\nligne \"2\""}, {"=1+1", "é"}});
    const auto path = std::filesystem::temp_directory_path() / "cyb-csv-test.csv";
    std::ofstream(path, std::ios::binary) << csv;
    const std::string script =
        "import csv,json,sys;f=open(sys.argv[1],encoding='utf-8-sig',newline='');"
        "print(json.dumps(list(csv.reader(f,delimiter=';')),ensure_ascii=True))";
    FILE* pipe = popen(("/usr/bin/python3 -c \"" + script + "\" " + path.string()).c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    char buffer[4096];
    std::string out;
    for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
    EXPECT_EQ(pclose(pipe), 0);
    std::filesystem::remove(path);
    EXPECT_EQ(out,
              "[[\"Fournisseur\", \"R\\u00e9ponse\"], [\"M\\u00e9dica; SA\", \"ligne 1\\nligne \\\"2\\\"\"], "
              "[\"'=1+1\", \"\\u00e9\"]]\n");
}
