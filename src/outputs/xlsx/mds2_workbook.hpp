#pragma once
// A manufacturer's MDS2 statement as the official Excel workbook (HN 1-2019) or any workbook in
// its spirit: rows are found by the MDS2 question ID they carry (core/mds2_statement.hpp's
// pattern), in whatever column and sheet the layout puts it; in that row, the answer is the first
// cell after the ID that reads as Yes / No / N/A, the question the longest text between them, the
// note the text after the answer. Hidden sheets are read too (the official form hides none).
#include <string_view>

#include "core/mds2_statement.hpp"
#include "core/result.hpp"
#include "outputs/xlsx/workbook_reader.hpp"

namespace cyberachat::xlsx {

// Errors: "invalid_value" when no row carries an MDS2 ID (fr/en message).
Result<Mds2Statement> read_mds2_workbook(const WorkbookData& workbook);

// An uploaded MDS2 file: a workbook (zip signature "PK") through read_workbook, else a text copy
// through read_mds2_text. The read_workbook errors ("not_xlsx", "corrupt", "too_large", "invalid")
// and read_mds2_text's pass through.
Result<Mds2Statement> read_mds2_file(std::string_view bytes, const ReadLimits& limits = {});

}  // namespace cyberachat::xlsx
