// Fuzz target: the XLSX reader (outputs/xlsx/workbook_reader.hpp) on an uploaded file, then what an
// import does with what it read: every cell as text, the import plan against the built-in
// questionnaire (no answer saved yet). Limits are lowered so that each input stays fast.
#include <string>

#include "definition/builtin_questionnaire.hpp"
#include "fuzz_input.hpp"
#include "outputs/xlsx/import_plan.hpp"
#include "outputs/xlsx/workbook_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace xlsx = cyberachat::xlsx;
    xlsx::ReadLimits limits;
    limits.max_uncompressed_bytes = 8u * 1024 * 1024;
    limits.max_entry_bytes = 4u * 1024 * 1024;
    limits.max_entries = 200;
    auto workbook = xlsx::read_workbook(cyberachat::fuzz::as_text(data, size), limits);
    if (!workbook) return 0;
    for (const auto& sheet : workbook->sheets)
        for (const auto& [row, cells] : sheet.rows)
            for (const auto& [column, cell] : cells) {
                (void)cell.as_text();
                if (const double* serial = cell.number()) (void)xlsx::excel_serial_to_iso(*serial);
                if (const std::string* text = cell.text()) (void)xlsx::parse_cell_reference(*text);
            }
    static const auto questionnaire = cyberachat::builtin_afib();
    for (auto language : {cyberachat::Language::fr, cyberachat::Language::en}) {
        auto plan = xlsx::plan_import(*questionnaire, cyberachat::AnswerSet{}, *workbook, language);
        if (plan) (void)plan->count(xlsx::RowStatus::imported);
    }
    return 0;
}
