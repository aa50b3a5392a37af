#pragma once
// The questionnaire as an Excel workbook (libxlsxwriter): an instructions sheet, one sheet per part
// with one row per question (protected id column, answer cell with data validation, comment cell,
// condition, section notes), and a hidden sheet recording the questionnaire id and version. Blank
// for the tender documents, or filled with a response's answers. Layout: workbook_layout.hpp.
#include <map>
#include <string>
#include <vector>

#include "core/answer.hpp"
#include "core/questionnaire.hpp"
#include "core/result.hpp"

namespace cyberachat::xlsx {

struct FilledAnswers {
    AnswerSet answers;                                             // canonical values and comments
    std::map<std::string, std::vector<std::string>> document_names; // question id → file names
    long long response_id = 0;
    std::string company;
};

// The .xlsx bytes. `filled` null: the blank questionnaire. Error "storage" if the temporary file
// cannot be written.
Result<std::string> write_questionnaire_workbook(const Questionnaire& questionnaire, Language language,
                                                 const FilledAnswers* filled = nullptr);

// File names offered for the downloads ("questionnaire-afib-2024.1-fr.xlsx").
std::string workbook_file_name(const Questionnaire& questionnaire, Language language, long long response_id = 0);

}  // namespace cyberachat::xlsx
