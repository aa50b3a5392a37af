#pragma once
// A manufacturer's MDS2 statement (NEMA/HIMSS "Manufacturer Disclosure Statement for Medical
// Device Security", form HN 1-2019), as read from the text copies vendors send (issue 16): one
// question per line, "ID, question, answer[, note]" — commas, semicolons (French spreadsheets) or
// tabs, fields quoted as CSV when they hold the separator. Lines are found by their question ID
// (three or four capitals, a dash, numbers with dots: "MLDP-2", "CSUP-2.1"), wherever a heading
// or an empty line comes between them. The answer is Yes / No / N/A (any capitals, "Oui" / "Non"
// too); anything else is kept as given with no answer. The workbook form is read elsewhere.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace cyberachat {

enum class Mds2Answer { yes, no, not_applicable };

struct Mds2Line {
    std::string id;        // "MLDP-2"
    std::string question;  // as the form words it
    std::optional<Mds2Answer> answer;  // none: blank or not one of the three
    std::string answer_text;           // as given ("Yes", "See note", "")
    std::string note;
    int line = 0;          // in the text, from 1
};

struct Mds2Statement {
    std::vector<Mds2Line> lines;           // in the text's order; an ID given twice keeps the first
    std::vector<std::string> duplicated;   // IDs given more than once
};

inline constexpr size_t kMaxMds2Bytes = 4u * 1024 * 1024;

// Whether `text` is an MDS2 question ID ("DOC-1", "MLDP-2.1", "SBOM-2.3.1").
bool is_mds2_id(std::string_view text);
std::optional<Mds2Answer> parse_mds2_answer(std::string_view text);
// Whether `text` is "See note" (or "Voir note", any capitals): what the answer cell of a question
// answered in its note holds — neither an answer nor a note.
bool is_mds2_note_marker(std::string_view text);

// Errors: "invalid_value" for a text that is too large, not UTF-8, or holds no MDS2 line.
Result<Mds2Statement> read_mds2_text(std::string_view text);

}  // namespace cyberachat
