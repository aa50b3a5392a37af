#pragma once
// GET /questionnaires (hospital accounts): the instance's questionnaire library — the built-in AFIB
// questionnaire and the versions the hospital added (whole definitions or extensions), each with
// its base, grid, author and the purchases created on it — and, for those who may add one
// (administrators, biomedical engineers), the upload form (POST /questionnaires, multipart: a
// YAML file `file`, or its text in `yaml`). A refused upload comes back (422) with each mistake
// and its line, and the text as sent.
#include <string>
#include <vector>

#include "core/library_version.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

struct LibraryPageData {
    std::vector<LibraryEntry> entries;
    bool may_add = false;
    std::string typed_yaml;                  // the text sent back after an error
    std::string summary;                     // the refusal's message ("" : none)
    std::vector<std::string> errors;         // "line 12 — question 'x' : message", in file order
};

std::string render_questionnaire_library_page(const PageContext& context, const LibraryPageData& data);

}  // namespace cyberachat::web::views
