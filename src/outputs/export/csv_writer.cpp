#include "outputs/export/csv_writer.hpp"

namespace cyberachat::exports {

std::string csv_cell(std::string_view value) {
    std::string text;
    if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                           value[0] == '\t' || value[0] == '\r'))
        text.push_back('\'');
    text.append(value);
    if (text.find_first_of(";\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted.push_back('"');
        quoted.push_back(c);
    }
    quoted.push_back('"');
    return quoted;
}

std::string csv_document(const std::vector<CsvRow>& rows) {
    std::string out = "\xEF\xBB\xBF";
    for (const auto& row : rows) {
        for (size_t i = 0; i < row.size(); ++i) {
            if (i > 0) out.push_back(';');
            out += csv_cell(row[i]);
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace cyberachat::exports
