#pragma once
// The rights matrix of docs/security.md ("Matrice des droits"), read as test data: one row per
// hospital route (method, path, permission), one column per kind of account, each cell "oui"
// (allowed), "403" or "404". The same table documents the rights and is tested twice: against the
// access policy and the route table (tests/web/access), and against a running server
// (tests/http/access_matrix_test.cpp).
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace cyberachat::testing {

inline constexpr const char* kMatrixBegin = "<!-- matrice-des-droits:début -->";
inline constexpr const char* kMatrixEnd = "<!-- matrice-des-droits:fin -->";

// The columns, in the table's order: an account of the hospital with its role in the purchase.
struct MatrixAccount {
    const char* column;        // "pilote", …
    const char* account_role;  // admin | biomedical | it | buyer
    const char* purchase_role; // lead | it_reviewer | buyer | observer, "" when not a member
};
inline const std::vector<MatrixAccount>& matrix_accounts() {
    static const std::vector<MatrixAccount> accounts = {
        {"pilote", "biomedical", "lead"},        {"relecteur DSI", "it", "it_reviewer"},
        {"acheteur", "buyer", "buyer"},          {"observateur", "it", "observer"},
        {"non-membre", "biomedical", ""},        {"administrateur", "admin", ""},
    };
    return accounts;
}

struct MatrixRow {
    std::string method, path, permission;
    std::vector<std::string> cells;  // one per account, in matrix_accounts() order
};

inline std::string read_security_doc() {
    std::ifstream in(std::string(CYB_SOURCE_DIR) + "/docs/security.md");
    if (!in) throw std::runtime_error("docs/security.md unreadable");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The text between the two markers (the markdown table).
inline std::string matrix_block(const std::string& doc) {
    const size_t begin = doc.find(kMatrixBegin), end = doc.find(kMatrixEnd);
    if (begin == std::string::npos || end == std::string::npos || end < begin)
        throw std::runtime_error("docs/security.md has no rights matrix between its markers");
    return doc.substr(begin + std::string(kMatrixBegin).size(), end - begin - std::string(kMatrixBegin).size());
}

inline std::string trimmed(const std::string& text) {
    const size_t first = text.find_first_not_of(" \t`");
    if (first == std::string::npos) return "";
    const size_t last = text.find_last_not_of(" \t`");
    return text.substr(first, last - first + 1);
}

// The rows of the table: "| GET | `/acquisitions/{acquisition}` | view_purchase | oui | … |".
inline std::vector<MatrixRow> parse_matrix(const std::string& block) {
    std::vector<MatrixRow> rows;
    std::istringstream lines(block);
    std::string line;
    int table_line = 0;
    while (std::getline(lines, line)) {
        if (line.rfind("|", 0) != 0) continue;
        if (++table_line <= 2) continue;  // the header and its |---| line
        std::vector<std::string> cells;
        std::string cell;
        std::istringstream parts(line.substr(1));
        while (std::getline(parts, cell, '|')) cells.push_back(trimmed(cell));
        if (!cells.empty() && cells.back().empty()) cells.pop_back();
        if (cells.size() != 3 + matrix_accounts().size())
            throw std::runtime_error("rights matrix: a row without one cell per account: " + line);
        rows.push_back(MatrixRow{cells[0], cells[1], cells[2], std::vector<std::string>(cells.begin() + 3, cells.end())});
    }
    return rows;
}

}  // namespace cyberachat::testing
