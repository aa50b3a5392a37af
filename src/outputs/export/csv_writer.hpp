#pragma once
// CSV as French Excel opens it: UTF-8 with a byte order mark, ';' between cells, CRLF line ends,
// RFC 4180 quoting, and cells that a spreadsheet would take as a formula (= + - @, tab, CR)
// prefixed with an apostrophe — but a plain number ("-12", "-0,25": digits, an optional leading minus
// and decimal comma), which stays a number.
#include <string>
#include <string_view>
#include <vector>

namespace cyberachat::exports {

using CsvRow = std::vector<std::string>;

// One cell, quoted when needed and defended against formula injection.
std::string csv_cell(std::string_view value);
// The whole file: BOM, then each row.
std::string csv_document(const std::vector<CsvRow>& rows);

}  // namespace cyberachat::exports
