// normalize_answer: every answer kind, its canonical form and its errors (French and English).
// The cases are data: tests/core/answer_validation_cases/*.test (format: README.md there), one
// test per case, named <file>_<line>. What needs C++ (the standard contact fields) is below.
#include "core/answer_validation.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../scenario_support.hpp"

using namespace cyberachat;
using json = nlohmann::json;

namespace {

const std::string kAnswerCaseDirectory = std::string(CYB_SOURCE_DIR) + "/tests/core/answer_validation_cases";

struct AnswerCase {
    std::string file;  // stem
    int line = 0;
    std::string text;     // the statement, for messages
    std::string problem;  // the statement or its question does not parse: the test fails with this
    json question;  // its `question` line's object (a Question cannot be copied)
    json raw;
    bool expect_error = false;
    json expected;
    std::string code;
    std::vector<std::string> fr, en, fr_not, en_not;  // fragments the messages hold (or not)
};

// ---- reading a statement ----------------------------------------------------------------------

// The position just after the JSON text that opens at `quote` (npos when it is not closed).
size_t after_json_text(const std::string& text, size_t quote) {
    for (size_t i = quote + 1; i < text.size(); ++i) {
        if (text[i] == '\\') ++i;
        else if (text[i] == '"') return i + 1;
    }
    return std::string::npos;
}

// Reads the terms and operators of one statement (see README.md): JSON values, hex("…"), "* N",
// "+", words. Throws std::runtime_error with a message on malformed text (caught by the reader).
class StatementReader {
public:
    explicit StatementReader(std::string text) : text_(std::move(text)) {}

    bool at_end() {
        skip_blanks();
        return pos_ >= text_.size();
    }
    bool accept(const std::string& token) {
        skip_blanks();
        if (text_.compare(pos_, token.size(), token) != 0) return false;
        pos_ += token.size();
        return true;
    }
    std::string word() {
        skip_blanks();
        const size_t start = pos_;
        while (pos_ < text_.size() && !std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
        return text_.substr(start, pos_ - start);
    }
    // value := term ("+" term)*, term := (json | hex("…")) ["*" count]
    json value() {
        json out = repeated(term());
        while (accept("+")) out = concatenate(out, repeated(term()));
        return out;
    }
    std::string string_literal() {
        json text = term();
        if (!text.is_string()) fail("a JSON text was expected");
        return text.get<std::string>();
    }
    std::string rest() {
        skip_blanks();
        return text_.substr(pos_);
    }

private:
    [[noreturn]] static void fail(const std::string& what) { throw std::runtime_error(what); }

    void skip_blanks() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    }

    json term() {
        skip_blanks();
        if (accept("hex(")) {
            const std::string digits = string_literal();
            if (!accept(")") || digits.size() % 2 != 0) fail("hex(\"…\") takes an even number of hex digits");
            std::string bytes;
            for (size_t i = 0; i < digits.size(); i += 2)
                bytes.push_back(static_cast<char>(std::stoi(digits.substr(i, 2), nullptr, 16)));
            return json(bytes);  // possibly invalid UTF-8: what the tests need
        }
        const size_t start = pos_;
        if (pos_ >= text_.size()) fail("a value was expected");
        const char first = text_[pos_];
        if (first == '"' || first == '[' || first == '{') {
            int depth = 0;
            while (pos_ < text_.size()) {
                const char c = text_[pos_];
                if (c == '"') {
                    pos_ = after_json_text(text_, pos_);
                    if (pos_ == std::string::npos) fail("unclosed JSON text");
                } else {
                    depth += (c == '[' || c == '{') ? 1 : (c == ']' || c == '}') ? -1 : 0;
                    ++pos_;
                }
                if (depth == 0) break;
            }
            if (depth != 0) fail("unclosed JSON value");
        } else {
            while (pos_ < text_.size() && !std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
        }
        json parsed = json::parse(text_.substr(start, pos_ - start), nullptr, false);
        if (parsed.is_discarded()) fail("not JSON: " + text_.substr(start, pos_ - start));
        return parsed;
    }

    json repeated(json value) {
        if (!accept("*")) return value;
        const std::string count_text = word();
        const int count = std::stoi(count_text);
        json out = value.is_string() ? json("") : json::array();
        for (int i = 0; i < count; ++i) out = concatenate(out, value);
        return out;
    }

    static json concatenate(const json& a, const json& b) {
        if (a.is_string() && b.is_string()) return a.get<std::string>() + b.get<std::string>();
        if (!a.is_array() || !b.is_array()) fail("'+' and '*' join texts or lists");
        json out = a;
        for (const auto& item : b) out.push_back(item);
        return out;
    }

    std::string text_;
    size_t pos_ = 0;
};

// {"kind": …, "choices": [[id, fr, en]…], "fields": [[id, fr, en, kind]…], "min": n, "max": n}
Question question_from(const json& spec) {
    if (!spec.is_object()) throw std::runtime_error("question: a JSON object");
    Question question;
    question.id = "t.q";
    question.label = {"Question", "Question"};
    for (const auto& [key, value] : spec.items()) {
        if (key == "kind") {
            auto kind = parse_question_kind(value.get<std::string>());
            if (!kind) throw std::runtime_error("unknown kind " + value.dump());
            question.kind = *kind;
        } else if (key == "choices") {
            for (const auto& choice : value)
                question.choices.push_back({choice.at(0).get<std::string>(),
                                            {choice.at(1).get<std::string>(), choice.at(2).get<std::string>()}});
        } else if (key == "fields") {
            for (const auto& field : value) {
                auto kind = parse_question_kind(field.size() > 3 ? field.at(3).get<std::string>() : "text");
                if (!kind) throw std::runtime_error("unknown column kind " + field.dump());
                question.fields.push_back({field.at(0).get<std::string>(),
                                           {field.at(1).get<std::string>(), field.at(2).get<std::string>()}, *kind});
            }
        } else if (key == "min") {
            question.min = value.get<double>();
        } else if (key == "max") {
            question.max = value.get<double>();
        } else {
            throw std::runtime_error("unknown question key '" + key + "'");
        }
    }
    if (!spec.contains("kind")) throw std::runtime_error("question: no kind");
    return question;
}

// One case statement: `raw => expected` or `raw => error code [fr|en|fr_not|en_not "text"]…`.
void read_case(AnswerCase& out) {
    StatementReader reader(out.text);
    out.raw = reader.value();
    if (!reader.accept("=>")) throw std::runtime_error("'=>' expected after the value");
    if (reader.accept("error ")) {
        out.expect_error = true;
        out.code = reader.word();
        while (!reader.at_end()) {
            const std::string language = reader.word();
            auto* list = language == "fr" ? &out.fr : language == "en" ? &out.en : language == "fr_not" ? &out.fr_not
                         : language == "en_not" ? &out.en_not : nullptr;
            if (!list) throw std::runtime_error("fr, en, fr_not or en_not expected, not '" + language + "'");
            list->push_back(reader.string_literal());
        }
    } else {
        out.expected = reader.value();
        if (!reader.at_end()) throw std::runtime_error("unexpected text after the value: " + reader.rest());
    }
}

// A line without its comment ('#' outside a JSON text, at its start or after a blank).
std::string without_comment(const std::string& line) {
    for (size_t i = 0; i < line.size();) {
        if (line[i] == '"') {
            i = after_json_text(line, i);
            if (i == std::string::npos) return line;  // the reader reports the unclosed text
        } else if (line[i] == '#' && (i == 0 || std::isspace(static_cast<unsigned char>(line[i - 1])))) {
            return line.substr(0, i);
        } else {
            ++i;
        }
    }
    return line;
}

std::vector<AnswerCase> read_case_file(const std::string& path) {
    std::vector<AnswerCase> cases;
    const std::string stem = std::filesystem::path(path).stem().string();
    std::ifstream in(path);
    std::vector<std::pair<int, std::string>> statements;  // first line, text
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        const std::string content = without_comment(line);
        if (content.find_first_not_of(" \t\r") == std::string::npos) continue;
        const bool continues = std::isspace(static_cast<unsigned char>(content[0])) && !statements.empty();
        if (continues) statements.back().second += " " + content;
        else statements.emplace_back(number, content);
    }
    json question;
    std::string question_problem = "no `question` line above this case";
    for (const auto& [number, text] : statements) {
        if (text.rfind("question ", 0) == 0) {
            try {
                question = json::parse(text.substr(9));
                question_from(question);  // checked once here; each case builds its own
                question_problem.clear();
            } catch (const std::exception& e) {
                question_problem = "question line " + std::to_string(number) + ": " + e.what();
            }
            continue;
        }
        AnswerCase& c = cases.emplace_back();
        c.file = stem;
        c.line = number;
        c.text = text;
        c.question = question;
        c.problem = question_problem;
        try {
            read_case(c);
        } catch (const std::exception& e) {
            c.problem = e.what();
        }
    }
    if (cases.empty()) {
        AnswerCase& c = cases.emplace_back();
        c.file = stem;
        c.problem = "no case in " + path;
    }
    return cases;
}

std::vector<AnswerCase> all_answer_cases() {
    std::vector<AnswerCase> cases;
    for (const auto& file : scenario_support::files_with_extension(kAnswerCaseDirectory, ".test"))
        for (auto& c : read_case_file(file)) cases.push_back(std::move(c));
    if (cases.empty()) {
        AnswerCase& none = cases.emplace_back();
        none.file = "none";
        none.problem = "no *.test file in " + kAnswerCaseDirectory;
    }
    return cases;
}

// Equal values of equal types: an integer is not a decimal number (3 ≠ 3.0).
bool same_json(const json& a, const json& b) {
    if (a.is_number() && b.is_number()) return a.is_number_float() == b.is_number_float() && a == b;
    if (a.type() != b.type()) return false;
    if (a.is_array()) {
        if (a.size() != b.size()) return false;
        for (size_t i = 0; i < a.size(); ++i)
            if (!same_json(a[i], b[i])) return false;
        return true;
    }
    if (a.is_object()) {
        if (a.size() != b.size()) return false;
        for (const auto& [key, value] : a.items())
            if (!b.contains(key) || !same_json(value, b.at(key))) return false;
        return true;
    }
    return a == b;
}

std::string shown(const json& value) {
    const std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
    return text.size() > 200 ? text.substr(0, 200) + "… (" + std::to_string(text.size()) + " characters)" : text;
}

// How GoogleTest names a case's parameter in its output.
void PrintTo(const AnswerCase& c, std::ostream* out) { *out << c.file << ".test:" << c.line; }

class AnswerValidationCase : public testing::TestWithParam<AnswerCase> {};

TEST_P(AnswerValidationCase, Normalizes) {
    const AnswerCase& c = GetParam();
    SCOPED_TRACE(kAnswerCaseDirectory + "/" + c.file + ".test:" + std::to_string(c.line) + ": " + c.text.substr(0, 200));
    ASSERT_TRUE(c.problem.empty()) << c.problem;
    const Question question = question_from(c.question);
    auto result = normalize_answer(question, c.raw);
    if (!c.expect_error) {
        ASSERT_TRUE(result.ok()) << shown(c.raw) << " refused: " << result.error().message.fr;
        EXPECT_TRUE(same_json(result.value(), c.expected)) << shown(c.raw) << " → " << shown(result.value())
                                                           << ", expected " << shown(c.expected);
        return;
    }
    ASSERT_FALSE(result.ok()) << shown(c.raw) << " accepted as " << shown(result.value());
    const Error& e = result.error();
    EXPECT_EQ(error_code_name(e.code), c.code);
    const std::string& fr = e.message.fr;
    const std::string& en = e.message.en;
    EXPECT_FALSE(fr.empty());
    EXPECT_FALSE(en.empty());
    EXPECT_NE(fr, en) << "English message should be translated: " << fr;
    for (const auto& part : c.fr) EXPECT_NE(fr.find(part), std::string::npos) << "[" << part << "] not in: " << fr;
    for (const auto& part : c.en) EXPECT_NE(en.find(part), std::string::npos) << "[" << part << "] not in: " << en;
    for (const auto& part : c.fr_not) EXPECT_EQ(fr.find(part), std::string::npos) << "[" << part << "] in: " << fr;
    for (const auto& part : c.en_not) EXPECT_EQ(en.find(part), std::string::npos) << "[" << part << "] in: " << en;
}

INSTANTIATE_TEST_SUITE_P(Cases, AnswerValidationCase, testing::ValuesIn(all_answer_cases()),
                         [](const testing::TestParamInfo<AnswerCase>& info) {
                             return scenario_support::test_identifier(info.param.file + "_" + std::to_string(info.param.line));
                         });

}  // namespace

// ---- what needs C++ ---------------------------------------------------------------------------

TEST(AnswerValidation, ATableTakesFiveThousandRowsAndRefusesOneMore) {
    Question question;
    question.id = "serveurs.liste_logiciels_installes";
    question.kind = QuestionKind::table;
    question.fields = {{"nom", {"Nom", "Name"}, QuestionKind::text}};
    nlohmann::json rows = nlohmann::json::array();
    for (size_t i = 0; i < kMaxTableRows; ++i) rows.push_back({{"nom", "composant " + std::to_string(i)}});
    auto accepted = normalize_answer(question, rows);
    ASSERT_TRUE(accepted.ok()) << accepted.error().message.fr;
    EXPECT_EQ(accepted->size(), 5000u);
    rows.push_back({{"nom", "un de trop"}});
    auto refused = normalize_answer(question, rows);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::invalid_value);
    EXPECT_NE(refused.error().message.fr.find("5000"), std::string::npos) << refused.error().message.fr;
}

TEST(AnswerValidation, StandardContactFields) {
    const auto& fields = standard_contact_fields();
    std::vector<std::string> ids;
    for (const auto& f : fields) {
        ids.push_back(f.id);
        EXPECT_FALSE(f.label.fr.empty());
        EXPECT_FALSE(f.label.en.empty());
    }
    EXPECT_EQ(ids, (std::vector<std::string>{"nom", "prenom", "fonction", "coordonnees", "telephone", "email"}));
}

TEST(AnswerValidation, ChoiceWithoutEnglishLabelIsNotFoundByEmptyText) {
    Question q;
    q.kind = QuestionKind::single_choice;
    q.choices = {{"local", {"Local", ""}}};
    EXPECT_EQ(q.find_choice(""), nullptr);  // its normalization: answer_validation_cases/choice.test
}

TEST(AnswerValidation, EmailAndDateCheckedOnTextsThatAreNotAnswers) {
    auto email = validate_email("  Achat@Exemple.fr ");
    ASSERT_TRUE(email.ok());
    EXPECT_EQ(*email, "Achat@Exemple.fr");
    EXPECT_FALSE(validate_email("").ok());
    EXPECT_FALSE(validate_email("achat@exemple").ok());
    const Result<std::string> refused = validate_email("a b@exemple.fr");
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.fr.find("adresse e-mail"), std::string::npos) << refused.error().message.fr;

    auto date = validate_date("31/12/2026");
    ASSERT_TRUE(date.ok());
    EXPECT_EQ(*date, "2026-12-31");
    EXPECT_EQ(*validate_date("2028-02-29"), "2028-02-29");
    EXPECT_FALSE(validate_date("2027-02-29").ok());
    EXPECT_FALSE(validate_date("").ok());
}
