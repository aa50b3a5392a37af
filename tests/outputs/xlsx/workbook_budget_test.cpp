// The reader's budgets: a small file that unfolds into millions of XML elements, shared strings,
// rows, cells or megabytes of repeated text is refused with "Classeur trop volumineux : … /
// Workbook too large: …" before it costs the memory it asks for; a real AFIB workbook is far below.
#include <gtest/gtest.h>

#include <cstring>

#include "definition/builtin_questionnaire.hpp"
#include "outputs/xlsx/questionnaire_workbook.hpp"
#include "outputs/xlsx/workbook_reader.hpp"
#include "zip_builder.hpp"

using namespace cyberachat;
using namespace cyberachat::xlsx;
using cyberachat::testing::minimal_workbook;

namespace workbook_budget_test {

std::string repeat(std::string_view piece, size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (size_t i = 0; i < times; ++i) out += piece;
    return out;
}

void expect_too_large(const Result<WorkbookData>& workbook, const std::string& detail_en) {
    ASSERT_FALSE(workbook.ok());
    EXPECT_EQ(workbook.error().code, ErrorCode::invalid_value);
    EXPECT_EQ(workbook.error().message.fr.rfind("Classeur trop volumineux : ", 0), 0u) << workbook.error().message.fr;
    EXPECT_EQ(workbook.error().message.in(Language::en).rfind("Workbook too large: ", 0), 0u) << workbook.error().message.in(Language::en);
    EXPECT_NE(workbook.error().message.in(Language::en).find(detail_en), std::string::npos) << workbook.error().message.in(Language::en);
}

}  // namespace workbook_budget_test

using workbook_budget_test::expect_too_large;
using workbook_budget_test::repeat;

TEST(WorkbookBudget, MillionsOfEmptySharedStringsAreRefusedBeforeParsing) {
    // 30 MB of "<si/>" (under the 32 MB a part may declare) in a file of some tens of KB.
    const std::string bytes = minimal_workbook(R"(<row r="1"><c r="A1"><v>1</v></c></row>)", repeat("<si/>", 6'000'000));
    EXPECT_LT(bytes.size(), 100u * 1024) << "small on the wire";
    expect_too_large(read_workbook(bytes), "part 'xl/sharedStrings.xml' holds more than 500000 XML elements");
}

TEST(WorkbookBudget, AttributesCountAsMarkup) {
    ReadLimits limits;
    limits.max_xml_markup = 1000;
    const std::string row = R"(<row r="1"><c r="A1"><v>1</v></c></row>)";
    std::string attributes;
    for (int i = 0; i < 1200; ++i) attributes += " x" + std::to_string(i) + "=\"\"";
    const std::string bytes = minimal_workbook(R"(<row r="1"><c r="A1")" + attributes + R"(><v>1</v></c></row>)");
    expect_too_large(read_workbook(bytes, limits), "part 'xl/worksheets/sheet1.xml' holds more than 1000 XML elements");
    EXPECT_TRUE(read_workbook(minimal_workbook(row), limits).ok());
}

TEST(WorkbookBudget, SharedStringsRowsAndCellsHaveTheirLimits) {
    ReadLimits limits;
    limits.max_shared_strings = 10;
    limits.max_rows = 3;
    limits.max_cells = 5;
    const std::string one_row = R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)";
    EXPECT_TRUE(read_workbook(minimal_workbook(one_row, repeat("<si><t>a</t></si>", 10)), limits).ok());
    expect_too_large(read_workbook(minimal_workbook(one_row, repeat("<si><t>a</t></si>", 11)), limits),
                     "more than 10 shared strings");

    EXPECT_TRUE(read_workbook(minimal_workbook(repeat("<row/>", 3)), limits).ok());
    expect_too_large(read_workbook(minimal_workbook(repeat("<row/>", 4)), limits), "more than 3 rows");

    // Empty cells count too: they cost their nodes all the same.
    EXPECT_TRUE(read_workbook(minimal_workbook("<row>" + repeat("<c/>", 5) + "</row>"), limits).ok());
    expect_too_large(read_workbook(minimal_workbook("<row>" + repeat("<c/>", 6) + "</row>"), limits), "more than 5 cells");
}

TEST(WorkbookBudget, OneLongSharedStringRepeatedInManyCellsIsRefused) {
    // 1 MB of text, shared, referenced by 40 cells: 40 MB once copied into the cells.
    const std::string cells = "<row>" + repeat(R"(<c t="s"><v>0</v></c>)", 40) + "</row>";
    const std::string bytes = minimal_workbook(cells, "<si><t>" + std::string(1024 * 1024, 'x') + "</t></si>");
    EXPECT_LT(bytes.size(), 64u * 1024);
    expect_too_large(read_workbook(bytes), "more than 32 MB of text in its cells");
    const std::string few = "<row>" + repeat(R"(<c t="s"><v>0</v></c>)", 20) + "</row>";
    EXPECT_TRUE(read_workbook(minimal_workbook(few, "<si><t>" + std::string(1024 * 1024, 'x') + "</t></si>")).ok());
}

TEST(WorkbookBudget, BytesAreCountedWhileInflatingNotTakenFromTheHeader) {
    // The sheet's real size is 2 MB; its local and central headers are rewritten to say 100 bytes.
    const std::string sheet_data = R"(<row r="1"><c r="A1" t="inlineStr"><is><t>)" + std::string(2 * 1024 * 1024, 'y') +
                                   "</t></is></c></row>";
    std::string bytes = minimal_workbook(sheet_data);
    const std::string name = "xl/worksheets/sheet1.xml";
    const std::uint32_t declared = 100;
    size_t patched = 0;
    for (size_t at = bytes.find(name); at != std::string::npos; at = bytes.find(name, at + 1)) {
        // Local header "PK\3\4": uncompressed size at offset 22, name at 30. Central "PK\1\2": size at 24, name at 46.
        if (at >= 30 && bytes.compare(at - 30, 4, "PK\x03\x04") == 0) {
            std::memcpy(&bytes[at - 30 + 22], &declared, 4);
            ++patched;
        } else if (at >= 46 && bytes.compare(at - 46, 4, "PK\x01\x02") == 0) {
            std::memcpy(&bytes[at - 46 + 24], &declared, 4);
            ++patched;
        }
    }
    ASSERT_EQ(patched, 2u);
    ReadLimits limits;
    limits.max_entry_bytes = 1024 * 1024;
    auto workbook = read_workbook(bytes, limits);
    ASSERT_FALSE(workbook.ok()) << "a 2 MB part read under a 1 MB limit";
    EXPECT_TRUE(workbook.error().code == ErrorCode::invalid_value || workbook.error().code == ErrorCode::corrupt) << workbook.error().code;
}

TEST(WorkbookBudget, TheAfibWorkbookIsFarBelowEveryLimit) {
    // Read with every limit divided by ten: the questionnaire's own workbook still passes.
    ReadLimits tenth;
    tenth.max_entry_bytes /= 10;
    tenth.max_uncompressed_bytes /= 10;
    tenth.max_xml_markup /= 10;
    tenth.max_shared_strings /= 10;
    tenth.max_rows /= 10;
    tenth.max_cells /= 10;
    tenth.max_cell_text_bytes /= 10;
    for (Language language : {Language::fr, Language::en}) {
        auto bytes = write_questionnaire_workbook(*builtin_afib(), language);
        ASSERT_TRUE(bytes.ok()) << bytes.error().message.fr;
        auto workbook = read_workbook(*bytes, tenth);
        ASSERT_TRUE(workbook.ok()) << workbook.error().message.in(Language::en);
        size_t rows = 0;
        for (const auto& sheet : workbook->sheets) rows += sheet.rows.size();
        EXPECT_GT(rows, 200u);  // a real workbook: a few hundred rows
    }
}
