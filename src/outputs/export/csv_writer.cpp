#include "outputs/export/csv_writer.hpp"

namespace cyberachat::exports {

namespace {

// "-12", "1234,5", "-0,25": a number as written for French spreadsheets, which none runs as a formula.
bool is_plain_number(std::string_view value) {
    size_t i = !value.empty() && value[0] == '-' ? 1 : 0;
    const size_t digits_from = i;
    while (i < value.size() && value[i] >= '0' && value[i] <= '9') ++i;
    if (i == digits_from) return false;
    if (i < value.size() && value[i] == ',') {
        const size_t decimals_from = ++i;
        while (i < value.size() && value[i] >= '0' && value[i] <= '9') ++i;
        if (i == decimals_from) return false;
    }
    return i == value.size();
}

}  // namespace

std::string csv_cell(std::string_view value) {
    std::string text;
    if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                           value[0] == '\t' || value[0] == '\r') &&
        !is_plain_number(value))
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
