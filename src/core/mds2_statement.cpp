#include "core/mds2_statement.hpp"

#include <set>

#include "core/utf8.hpp"

namespace cyberachat {
namespace {

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    size_t last = text.size();
    while (last > first && (text[last - 1] == ' ' || text[last - 1] == '\t' || text[last - 1] == '\r' || text[last - 1] == '\n'))
        --last;
    return std::string(text.substr(first, last - first));
}

std::string lower_ascii(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

// One line split on `separator`, CSV quoting ("a, b" and "" for a quote) honoured.
std::vector<std::string> split_fields(std::string_view line, char separator) {
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"' && trimmed(field).empty()) {
            field.clear();
            quoted = true;
        } else if (c == separator) {
            fields.push_back(trimmed(field));
            field.clear();
        } else {
            field += c;
        }
    }
    fields.push_back(trimmed(field));
    return fields;
}

// The separator the line uses: the first tab, semicolon or comma after its ID.
char separator_of(std::string_view line) {
    for (char c : line)
        if (c == '\t' || c == ';' || c == ',') return c;
    return ',';
}

}  // namespace

bool is_mds2_id(std::string_view text) {
    size_t i = 0;
    while (i < text.size() && text[i] >= 'A' && text[i] <= 'Z') ++i;
    if (i < 3 || i > 4 || i >= text.size() || text[i] != '-') return false;
    ++i;
    bool digit = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') digit = true;
        else if (c == '.' && digit) digit = false;  // a dot between numbers
        else return false;
    }
    return digit;
}

std::optional<Mds2Answer> parse_mds2_answer(std::string_view text) {
    const std::string answer = lower_ascii(trimmed(text));
    if (answer == "yes" || answer == "y" || answer == "oui") return Mds2Answer::yes;
    if (answer == "no" || answer == "n" || answer == "non") return Mds2Answer::no;
    if (answer == "n/a" || answer == "na" || answer == "n.a." || answer == "not applicable" || answer == "sans objet" ||
        answer == "non applicable")
        return Mds2Answer::not_applicable;
    return std::nullopt;
}

bool is_mds2_note_marker(std::string_view text) {
    const std::string word = lower_ascii(trimmed(text));
    return word == "see note" || word == "see notes" || word == "voir note" || word == "voir notes";
}

Result<Mds2Statement> read_mds2_text(std::string_view text) {
    if (text.size() > kMaxMds2Bytes)
        return Error::make(ErrorCode::invalid_value, "Formulaire MDS2 refusé : le fichier dépasse 4 Mo.",
                           "MDS2 form refused: the file is larger than 4 MB.");
    if (!is_valid_utf8(text))
        return Error::make(ErrorCode::invalid_value,
                           "Formulaire MDS2 refusé : le texte n'est pas en UTF-8 (enregistrez le CSV en UTF-8).",
                           "MDS2 form refused: the text is not UTF-8 (save the CSV as UTF-8).");
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // the byte order mark spreadsheets write
    Mds2Statement statement;
    std::set<std::string> seen, duplicated;
    int number = 0;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(start, end - start);
        ++number;
        start = end + 1;
        const std::vector<std::string> fields = split_fields(line, separator_of(line));
        if (fields.empty() || !is_mds2_id(fields[0])) continue;  // a heading, a blank line, a title
        Mds2Line read;
        read.id = fields[0];
        read.line = number;
        if (fields.size() > 1) read.question = fields[1];
        if (fields.size() > 2) {
            read.answer_text = fields[2];
            read.answer = parse_mds2_answer(fields[2]);
        }
        for (size_t i = 3; i < fields.size(); ++i)
            if (!fields[i].empty()) read.note += (read.note.empty() ? "" : " ") + fields[i];
        if (!seen.insert(read.id).second) {
            if (duplicated.insert(read.id).second) statement.duplicated.push_back(read.id);
            continue;
        }
        statement.lines.push_back(std::move(read));
        if (end == text.size()) break;
    }
    if (statement.lines.empty())
        return Error::make(ErrorCode::invalid_value,
                           "Formulaire MDS2 refusé : aucune ligne ne commence par un identifiant de question MDS2 "
                           "(« DOC-1 », « MLDP-2 »…). Attendu : une question par ligne, « ID, question, réponse[, note] ».",
                           "MDS2 form refused: no line starts with an MDS2 question ID ('DOC-1', 'MLDP-2'…). "
                           "Expected: one question per line, 'ID, question, answer[, note]'.");
    return statement;
}

}  // namespace cyberachat
