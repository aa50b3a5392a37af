// Reading .xlsx cells as Excel-compatible tools write them, and refusing what is not a workbook.
#include "outputs/xlsx/workbook_reader.hpp"

#include <gtest/gtest.h>

#include "zip_builder.hpp"

using namespace cyberachat;
using namespace cyberachat::xlsx;
using cyberachat::testing::make_zip;
using cyberachat::testing::minimal_workbook;

TEST(WorkbookReader, ReadsSharedInlineNumberBooleanAndDateCells) {
    const std::string bytes = minimal_workbook(
        R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>inline</t></is></c>)"
        R"(<c r="C1"><v>21.5</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="d"><v>2026-03-01T00:00:00</v></c>)"
        R"(<c r="F1" t="s"><v>1</v></c><c r="G1" t="str"><v>formula</v></c><c r="H1" t="e"><v>#N/A</v></c></row>)",
        R"(<si><t>partagé</t></si><si><r><t>rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh><t>x</t></rPh></si>)");
    auto workbook = read_workbook(bytes);
    ASSERT_TRUE(workbook.ok()) << workbook.error().message.fr;
    const SheetData& sheet = workbook->sheets.at(0);
    EXPECT_EQ(sheet.name, "Feuille1");
    EXPECT_EQ(*sheet.cell(0, 0)->text(), "partagé");
    EXPECT_EQ(*sheet.cell(0, 1)->text(), "inline");
    EXPECT_DOUBLE_EQ(*sheet.cell(0, 2)->number(), 21.5);
    EXPECT_TRUE(*sheet.cell(0, 3)->boolean());
    EXPECT_EQ(*sheet.cell(0, 4)->text(), "2026-03-01T00:00:00");
    EXPECT_EQ(*sheet.cell(0, 5)->text(), "rich text");
    EXPECT_EQ(*sheet.cell(0, 6)->text(), "formula");
    EXPECT_EQ(sheet.cell(0, 7), nullptr);
}

TEST(WorkbookReader, CellsAndRowsWithoutReferencesFollowEachOther) {
    const std::string bytes = minimal_workbook(
        R"(<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row>)"
        R"(<row r="4"><c r="C4" t="inlineStr"><is><t xml:space="preserve"> b </t></is></c><c><v>3</v></c></row>)"
        R"(<row><c t="inlineStr"><is><t>c_x000D_d</t></is></c></row>)");
    auto workbook = read_workbook(bytes);
    ASSERT_TRUE(workbook.ok()) << workbook.error().message.fr;
    const SheetData& sheet = workbook->sheets.at(0);
    EXPECT_EQ(*sheet.cell(0, 0)->text(), "a");
    EXPECT_DOUBLE_EQ(*sheet.cell(0, 1)->number(), 2);
    EXPECT_EQ(*sheet.cell(3, 2)->text(), " b ");
    EXPECT_DOUBLE_EQ(*sheet.cell(3, 3)->number(), 3);
    EXPECT_EQ(*sheet.cell(4, 0)->text(), "c\rd");
}

TEST(WorkbookReader, RefusesWhatIsNotAWorkbook) {
    auto text = read_workbook("Bonjour, ceci est un texte.");
    ASSERT_FALSE(text.ok());
    EXPECT_EQ(text.error().code, ErrorCode::not_xlsx);
    EXPECT_FALSE(text.error().message.in(Language::en).empty());

    auto other_zip = read_workbook(make_zip({{"readme.txt", "hello"}}));
    ASSERT_FALSE(other_zip.ok());
    EXPECT_EQ(other_zip.error().code, ErrorCode::not_xlsx);

    const std::string good = minimal_workbook(R"(<row r="1"><c r="A1"><v>1</v></c></row>)");
    auto truncated = read_workbook(std::string_view(good).substr(0, good.size() / 2));
    ASSERT_FALSE(truncated.ok());
    EXPECT_EQ(truncated.error().code, ErrorCode::corrupt);

    std::string damaged = good;
    for (size_t i = 40; i < damaged.size() / 2; i += 7) damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
    auto broken = read_workbook(damaged);
    ASSERT_FALSE(broken.ok());
    EXPECT_TRUE(broken.error().code == ErrorCode::corrupt || broken.error().code == ErrorCode::not_xlsx) << broken.error().code;

    auto bad_xml = read_workbook(minimal_workbook(R"(<row r="1"><c r="A1"><v>1</v></row>)"));
    ASSERT_FALSE(bad_xml.ok());
    EXPECT_EQ(bad_xml.error().code, ErrorCode::corrupt);
}

TEST(WorkbookReader, RefusesAZipBombFromItsDeclaredSizes) {
    const std::string zeros(4u * 1024 * 1024, '0');
    const std::string bytes = minimal_workbook(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>)" + zeros + "</t></is></c></row>");
    EXPECT_LT(bytes.size(), 64u * 1024);  // small on the wire
    ReadLimits limits;
    limits.max_uncompressed_bytes = 1024 * 1024;
    auto workbook = read_workbook(bytes, limits);
    ASSERT_FALSE(workbook.ok());
    EXPECT_EQ(workbook.error().code, ErrorCode::too_large);
    EXPECT_TRUE(read_workbook(bytes).ok());  // under the default limits it is only a big cell
}

TEST(WorkbookReader, ConvertsExcelSerialsAndCellReferences) {
    EXPECT_EQ(excel_serial_to_iso(46082), "2026-03-01");
    EXPECT_EQ(excel_serial_to_iso(1), "1900-01-01");
    EXPECT_EQ(excel_serial_to_iso(61), "1900-03-01");
    EXPECT_EQ(excel_serial_to_iso(44927.75), "2023-01-01");
    EXPECT_EQ(excel_serial_to_iso(-3), std::nullopt);
    auto ref = parse_cell_reference("AB12");
    ASSERT_TRUE(ref);
    EXPECT_EQ(ref->first, 11u);
    EXPECT_EQ(ref->second, 27u);
    EXPECT_FALSE(parse_cell_reference("12"));
    EXPECT_FALSE(parse_cell_reference("A0"));
}
