#pragma once
// Reads back the CSV files Cyberachat writes (outputs/export/csv_writer.hpp): an optional UTF-8
// byte order mark, ';' between cells, CRLF line ends, RFC 4180 quotes ("" inside a quoted cell).
// For the tests only: a quoted line break is not expected in what they read.
#include <string>
#include <vector>

namespace cyberachat::test_data {

inline std::vector<std::string> csv_cells(const std::string& line) {
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ';') {
            cells.push_back(cell);
            cell.clear();
        } else {
            cell += c;
        }
    }
    cells.push_back(cell);
    return cells;
}

// Every line's cells; `crlf` is set to false when a line does not end with CRLF.
inline std::vector<std::vector<std::string>> csv_rows(std::string text, bool* crlf = nullptr) {
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    if (crlf) *crlf = true;
    std::vector<std::vector<std::string>> rows;
    for (size_t start = 0; start < text.size();) {
        size_t end = text.find("\r\n", start);
        if (end == std::string::npos) {
            if (crlf) *crlf = false;
            end = text.size();
        }
        rows.push_back(csv_cells(text.substr(start, end - start)));
        start = end + 2;
    }
    return rows;
}

}  // namespace cyberachat::test_data
