#pragma once
// Reads the cells of an .xlsx file (libzip + pugixml): every sheet's values as Excel tools write
// them — shared strings or inline strings (rich text flattened), numbers, booleans, ISO dates
// (t="d"), formula results; cell and row references optional (openpyxl, LibreOffice, Excel).
// Styles are not read: a date cell comes back as its serial number (see excel_serial_to_iso).
// Zip bombs are refused from the sizes the archive declares, before anything is inflated; then
// every part is held to a budget while it is read (bytes counted as they are inflated, XML markup
// counted before pugixml builds its tree) and the workbook as a whole to budgets of shared
// strings, rows, cells and cell text: memory stays bounded whatever the file says of itself.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.hpp"

namespace cyberachat::xlsx {

struct CellValue {
    std::variant<std::monostate, std::string, double, bool> value;

    bool empty() const;
    const std::string* text() const { return std::get_if<std::string>(&value); }
    const double* number() const { return std::get_if<double>(&value); }
    const bool* boolean() const { return std::get_if<bool>(&value); }
    // Text as is, numbers as written ("12", "12.5"), booleans TRUE/FALSE; "" when empty.
    std::string as_text() const;
};

struct SheetData {
    std::string name;
    bool hidden = false;
    std::map<std::uint32_t, std::map<std::uint32_t, CellValue>> rows;  // 0-based row → column → value

    const CellValue* cell(std::uint32_t row, std::uint32_t column) const;
};

struct WorkbookData {
    std::vector<SheetData> sheets;  // in workbook order
    const SheetData* find_sheet(std::string_view name) const;
};

// The AFIB questionnaire's workbook has some 260 rows, 2,100 cells and 520 shared strings in all,
// parts of 42 KB and 3,700 tags and attributes at most: a hundred times below every limit.
struct ReadLimits {
    std::uint64_t max_uncompressed_bytes = 64u * 1024 * 1024;  // all the entries read, together
    std::uint64_t max_entry_bytes = 32u * 1024 * 1024;         // one part, inflated
    std::uint64_t max_entries = 10000;
    // In one part: '<' (tags, comments…) plus '=' (attributes), counted before parsing; pugixml
    // builds a node of some 64 bytes per tag, so the tree of one part stays around 32 MB at most.
    std::uint64_t max_xml_markup = 500'000;
    std::uint64_t max_shared_strings = 100'000;
    std::uint64_t max_rows = 50'000;      // all sheets together
    std::uint64_t max_cells = 250'000;    // all sheets together, empty ones included
    std::uint64_t max_cell_text_bytes = 32u * 1024 * 1024;  // the text the cells hold, shared strings repeated
};

// Errors: "not_xlsx" (not a zip, or no workbook inside), "corrupt" (unreadable entry or XML),
// "too_large" (declared uncompressed sizes over the limits: a zip bomb), "invalid" with
// "Classeur trop volumineux : … / Workbook too large: …" (a budget above exceeded while reading;
// the web layer answers 422). Messages in French and English.
Result<WorkbookData> read_workbook(std::string_view bytes, const ReadLimits& limits = {});

// Excel serial day (1900 date system, as Excel and LibreOffice write) → "YYYY-MM-DD"; nullopt out of range.
std::optional<std::string> excel_serial_to_iso(double serial);

// "B12" → {11, 1} (0-based row, column); nullopt when not a cell reference.
std::optional<std::pair<std::uint32_t, std::uint32_t>> parse_cell_reference(std::string_view reference);

}  // namespace cyberachat::xlsx
