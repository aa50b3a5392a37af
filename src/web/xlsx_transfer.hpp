#pragma once
// Shared by the Excel pages and API: sending a workbook, the requested language, the blank
// questionnaire (built once per language), the uploaded file.
#include <httplib.h>

#include <string>

#include "core/localized_text.hpp"
#include "core/result.hpp"
#include "web/web_app.hpp"

namespace cyberachat::web {

// 200 with the .xlsx content type, as an attachment named `file_name`.
void send_xlsx(httplib::Response& res, std::string bytes, const std::string& file_name);
// ?lang=fr|en, else `fallback`.
Language query_language(const httplib::Request& req, Language fallback);
// The current questionnaire's blank workbook in `language` (written once, then kept in the app).
Result<std::string> blank_questionnaire_workbook(WebApp& app, Language language);
// The multipart field "file", or nullptr when absent or empty.
const httplib::MultipartFormData* uploaded_file(const httplib::Request& req);

}  // namespace cyberachat::web
