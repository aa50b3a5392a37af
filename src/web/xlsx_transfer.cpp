#include "web/xlsx_transfer.hpp"

#include "web/http_io.hpp"

#include <mutex>

#include "outputs/xlsx/questionnaire_workbook.hpp"

namespace cyberachat::web {

void send_xlsx(httplib::Response& res, std::string bytes, const std::string& file_name) {
    send_attachment(res, std::move(bytes), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file_name);
}

Language query_language(const httplib::Request& req, Language fallback) {
    if (!req.has_param("lang")) return fallback;
    const std::string lang = req.get_param_value("lang");
    return lang == "en" ? Language::en : lang == "fr" ? Language::fr : fallback;
}

Result<std::string> blank_questionnaire_workbook(WebApp& app, Language language) {
    std::lock_guard lock(app.blank_workbooks.mutex);
    std::string& bytes = app.blank_workbooks.bytes[language == Language::en ? 1 : 0];
    if (bytes.empty()) {
        TRY_ASSIGN(bytes, xlsx::write_questionnaire_workbook(*app.questionnaires.current(), language));
    }
    return bytes;
}

const httplib::MultipartFormData* uploaded_file(const httplib::Request& req) {
    if (!req.has_file("file")) return nullptr;
    const auto& file = req.get_file_value("file");
    if (file.content.empty()) return nullptr;
    auto it = req.files.find("file");
    return it == req.files.end() ? nullptr : &it->second;
}

}  // namespace cyberachat::web
