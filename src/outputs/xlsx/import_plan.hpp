#pragma once
// What importing a filled workbook would do to a response, computed without saving anything:
// one report row per filled row of the file (imported / unchanged / rejected with the reason /
// ignored because its branch does not apply / ignored because documents are uploaded on the
// platform), and the answers to save. Values are checked by normalize_answer, like typed answers.
// Empty cells never erase what is saved: an empty answer keeps the stored value, an empty comment
// the stored comment.
#include <cstdint>
#include <string>

#include "core/localized_text.hpp"
#include <vector>

#include "core/answer.hpp"
#include "core/questionnaire.hpp"
#include "core/result.hpp"
#include "outputs/xlsx/workbook_reader.hpp"

namespace cyberachat::xlsx {

enum class RowStatus { imported, unchanged, rejected, ignored_branch, ignored_document };
// "imported", "unchanged", "rejected", "ignored_branch", "ignored_document" (the API's names).
constexpr std::string_view row_status_name(RowStatus status) {
    switch (status) {
        case RowStatus::imported: return "imported";
        case RowStatus::unchanged: return "unchanged";
        case RowStatus::rejected: return "rejected";
        case RowStatus::ignored_branch: return "ignored_branch";
        case RowStatus::ignored_document: return "ignored_document";
    }
    return "";
}

struct ImportRow {
    std::string sheet;
    std::uint32_t row = 0;     // 1-based, as Excel shows it
    std::string id;            // the ID cell (a question id, or a table/contact cell id)
    std::string question_id;   // empty when the id is unknown
    std::string label;         // the question's label in the report's language
    std::string cell_text;     // what the answer cell held
    RowStatus status = RowStatus::unchanged;
    LocalizedText message;     // the reason, when there is one
};

struct ImportChange {
    std::string question_id;
    nlohmann::json value;  // canonical
    std::string comment;
};

struct ImportPlan {
    std::string workbook_language;  // "fr"/"en", as recorded in the file
    long long workbook_response_id = 0;  // the response the file was exported from (0: blank questionnaire)
    std::vector<ImportRow> rows;        // filled rows, file order
    std::vector<ImportChange> changes;  // to save, questionnaire order
    size_t empty_rows = 0;              // question rows left empty (nothing to do)

    size_t count(RowStatus status) const;
};

// Errors: "foreign" (not a questionnaire workbook made by this application), "wrong_version"
// (another questionnaire or version: the message names both).
Result<ImportPlan> plan_import(const Questionnaire& questionnaire, const AnswerSet& current,
                               const WorkbookData& workbook, Language language);

}  // namespace cyberachat::xlsx
