#pragma once
// The layout shared by the workbook writer and the import: which columns hold what, the hidden
// metadata sheet, how table rows and contact fields get their own rows (see docs/excel.md).
//
// Every answer cell holds one scalar. A table question gets one row per (table row, column), with
// the id "<question id>[<n>].<column id>"; a contact block one row per field, "<question id>.<field id>".
#include <optional>
#include <string>
#include <string_view>

#include "core/localized_text.hpp"
#include "core/questionnaire.hpp"

namespace cyberachat::xlsx {

// 0-based columns of a part sheet.
enum Column : int {
    kColId = 0,
    kColSection,
    kColQuestion,
    kColKind,
    kColUnit,
    kColAnswer,
    kColComment,
    kColCondition,
    kColNotes,
    kColumnCount,
};
inline constexpr int kHeaderRow = 0;  // 0-based; question rows follow

// The hidden sheet recording what the workbook belongs to: keys in column A, values in column B.
inline constexpr const char* kMetaSheet = "_cyberachat";
inline constexpr const char* kMetaMarker = "cyberachat-questionnaire";  // A1
inline constexpr const char* kMetaQuestionnaire = "questionnaire_id";
inline constexpr const char* kMetaVersion = "questionnaire_version";
inline constexpr const char* kMetaLanguage = "language";
inline constexpr const char* kMetaResponse = "response_id";
// Choice lists for data validation: one column per choice question, from column D.
inline constexpr int kMetaFirstListColumn = 3;

// Rows written for a table question that has no rows yet (blank questionnaire), and blank rows
// added after the existing ones in a filled workbook.
inline constexpr int kBlankTableRows = 3;
inline constexpr int kExtraTableRows = 2;

// A row id split into its parts: "q" → {q}, "q.field" → {q, field}, "q[2].col" → {q, col, 2}.
struct RowKey {
    std::string question_id;
    std::string field_id;  // empty for a whole question
    int table_row = 0;     // 1-based; 0 when not a table cell
};
// Parses a row id against the questionnaire: the question must exist; a field id must be one of
// its fields (contact: the standard fields when it declares none). nullopt otherwise.
std::optional<RowKey> parse_row_key(const Questionnaire& questionnaire, std::string_view id);
std::string table_cell_key(const std::string& question_id, int row, const std::string& column_id);
std::string contact_field_key(const std::string& question_id, const std::string& field_id);

// The fields of a table or contact question (contact without fields: the standard ones).
const std::vector<Field>& record_fields(const Question& question);

// Column headers (the kind names: answer_cells.hpp).
std::string_view column_header(Column column, Language language);

// A condition in words: « Le dispositif est-il connecté ? » = Oui et …
std::string describe_condition(const Questionnaire& questionnaire, const Condition& condition, Language language);
// "À remplir si …" for a question (its section's condition and its own), or "" when always asked.
std::string applies_when(const Questionnaire& questionnaire, const Section& section, const Question& question,
                         Language language);

// A sheet name Excel accepts (at most 31 characters, none of []:*?/\), unique among `taken`.
std::string sheet_name(std::string_view wanted, const std::vector<std::string>& taken);

// Markdown (as in the questionnaire's content texts) to plain lines: emphasis marks removed.
std::vector<std::string> plain_lines(std::string_view markdown);

}  // namespace cyberachat::xlsx
