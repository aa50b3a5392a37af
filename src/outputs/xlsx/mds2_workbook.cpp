#include "outputs/xlsx/mds2_workbook.hpp"

#include <set>

#include "core/ascii_text.hpp"
#include "core/utf8.hpp"

namespace cyberachat::xlsx {
namespace {

struct Cell {
    std::uint32_t column = 0;
    std::string text;  // trimmed, never empty
    bool number = false;
};

// The columns a heading row names after a reference standard ("IEC TR 80001-2-2:2012", "NIST SP
// 800-53 Rev. 4", "ISO 27002:2013"): the official form's cross-references, neither answer nor note.
// A heading row is one with a cell "Question ID" (or "ID").
std::optional<std::set<std::uint32_t>> reference_columns(const std::vector<Cell>& cells) {
    bool heading = false;
    std::set<std::uint32_t> references;
    for (const Cell& cell : cells) {
        const std::string word = lower_ascii(cell.text);
        heading = heading || word == "question id" || word == "id";
        if (word.rfind("iec", 0) == 0 || word.rfind("nist", 0) == 0 || word.rfind("iso", 0) == 0) references.insert(cell.column);
    }
    if (!heading) return std::nullopt;
    return references;
}

// The note: the texts after the answer, without a "See note" nor a number (the form's "Note #").
std::string joined(std::vector<Cell>::const_iterator from, std::vector<Cell>::const_iterator to) {
    std::string text;
    for (auto it = from; it != to; ++it) {
        if (is_mds2_note_marker(it->text) || it->number) continue;
        text += (text.empty() ? "" : " ") + it->text;
    }
    return text;
}

// One row holding an MDS2 ID: the cells after the ID give the question, the answer and the note.
Mds2Line read_line(std::string id, std::vector<Cell>::const_iterator first, std::vector<Cell>::const_iterator end,
                   std::uint32_t row) {
    Mds2Line line;
    line.id = std::move(id);
    line.line = static_cast<int>(row + 1);
    auto answer = first;
    while (answer != end && !parse_mds2_answer(answer->text)) ++answer;
    if (answer != end) {
        line.answer = parse_mds2_answer(answer->text);
        line.answer_text = answer->text;
        for (auto it = first; it != answer; ++it)
            if (utf8_character_count(it->text) > utf8_character_count(line.question)) line.question = it->text;
        line.note = joined(answer + 1, end);
    } else {  // no Yes / No / N/A: a text answer (DOC-1's manufacturer) or none
        if (first != end) line.question = (first++)->text;
        if (first != end) line.answer_text = (first++)->text;
        line.note = joined(first, end);
    }
    return line;
}

}  // namespace

Result<Mds2Statement> read_mds2_workbook(const WorkbookData& workbook) {
    Mds2Statement statement;
    std::set<std::string> seen, duplicated;
    for (const SheetData& sheet : workbook.sheets) {
        std::set<std::uint32_t> references;
        for (const auto& [row, values] : sheet.rows) {
            std::vector<Cell> cells;
            for (const auto& [column, value] : values) {
                if (value.empty()) continue;
                cells.push_back({column, std::string(trim(value.as_text())), value.number() != nullptr});
            }
            auto id = cells.begin();
            while (id != cells.end() && !is_mds2_id(id->text)) ++id;
            if (id == cells.end()) {
                if (auto columns = reference_columns(cells)) references = std::move(*columns);
                continue;  // a title, a section heading, the column headings
            }
            std::vector<Cell> after;
            for (auto it = id + 1; it != cells.end(); ++it)
                if (!references.count(it->column)) after.push_back(*it);
            if (!seen.insert(id->text).second) {
                if (duplicated.insert(id->text).second) statement.duplicated.push_back(id->text);
                continue;
            }
            statement.lines.push_back(read_line(id->text, after.cbegin(), after.cend(), row));
        }
    }
    if (statement.lines.empty())
        return Error::make(ErrorCode::invalid_value,
                           "Formulaire MDS2 refusé : aucune ligne du classeur ne porte un identifiant de question MDS2 "
                           "(« DOC-1 », « MLDP-2 »…). Envoyez le formulaire MDS2 du fabricant (HN 1-2019) tel qu'il est "
                           "publié, ou sa copie en CSV.",
                           "MDS2 form refused: no row of the workbook carries an MDS2 question ID ('DOC-1', 'MLDP-2'…). "
                           "Send the manufacturer's MDS2 form (HN 1-2019) as published, or its CSV copy.");
    return statement;
}

Result<Mds2Statement> read_mds2_file(std::string_view bytes, const ReadLimits& limits) {
    if (bytes.substr(0, 2) != "PK") return read_mds2_text(bytes);
    TRY_ASSIGN(const WorkbookData workbook, read_workbook(bytes, limits));
    return read_mds2_workbook(workbook);
}

}  // namespace cyberachat::xlsx
