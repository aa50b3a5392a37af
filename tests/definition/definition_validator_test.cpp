// `template check`'s engine: each class of mistake in a questionnaire definition is reported with
// the file, the line and the id concerned; odd YAML never throws. The cases are data:
// tests/definition/validator_cases/*.yaml (format: README.md there), one test per case, named
// <file>_<case>. What needs C++ (what a valid file loads into, a missing file, the error's text,
// documents YAML cannot hold briefly) is below.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "../scenario_support.hpp"
#include "definition/definition_loader.hpp"

using namespace cyberachat;

namespace {

const std::string kValidatorCaseDirectory = std::string(CYB_SOURCE_DIR) + "/tests/definition/validator_cases";

const std::string kQuestionnaireHeader = R"Y(questionnaire:
  id: test
  version: "1"
  title: {fr: "Test", en: "Test"}
)Y";

// The text before a case's `questions:` (one part, one section) and before its `parts:`.
const std::string kQuestionsPrefix = kQuestionnaireHeader + R"Y(parts:
  - id: p
    title: {fr: "Partie", en: "Part"}
    sections:
      - id: p.s
        title: {fr: "Section", en: "Section"}
        questions:
)Y";
const std::string kPartsPrefix = kQuestionnaireHeader + "parts:\n";

struct ValidatorCase {
    std::string file;  // stem
    std::string name;
    std::string problem;  // the case itself is malformed: the test fails with this
    std::string document;
    int first_line = 1;  // line of the document where the case's own text starts
    YAML::Node spec;
};

// 1-based line of the `occurrence`-th line containing `needle`; -1 when there is none.
int line_containing(const std::string& text, const std::string& needle, int occurrence = 1) {
    int line = 1;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (text.substr(start, end - start).find(needle) != std::string::npos && --occurrence == 0) return line;
        ++line;
        start = end + 1;
    }
    return -1;
}

// `text` with `indent` spaces before each of its non-empty lines.
std::string indented(const std::string& text, size_t indent) {
    std::string out;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(start, end - start);
        out += (line.empty() ? "" : std::string(indent, ' ')) + line + "\n";
        start = end + 1;
    }
    return out;
}

int line_count(const std::string& text) {
    return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

ValidatorCase broken_case(const std::string& file, const std::string& name, const std::string& problem) {
    ValidatorCase c;
    c.file = file;
    c.name = name;
    c.problem = problem;
    return c;
}

// What is wrong with a case's keys (empty: nothing).
std::string malformed_case(const YAML::Node& spec) {
    static const std::set<std::string> case_keys = {"case", "questions", "parts", "document", "expect", "error_count"};
    static const std::set<std::string> error_keys = {"error", "line", "line_of", "occurrence", "line_range", "message", "subject"};
    if (!spec.IsMap()) return "a case is a map";
    for (const auto& item : spec)
        if (!case_keys.count(item.first.Scalar())) return "unknown key '" + item.first.Scalar() + "'";
    const int sources = (spec["questions"] ? 1 : 0) + (spec["parts"] ? 1 : 0) + (spec["document"] ? 1 : 0);
    if (sources != 1) return "one of questions, parts or document";
    const YAML::Node expect = spec["expect"];
    if (!expect) return "no expect";
    if (expect.IsScalar()) return expect.Scalar() == "ok" || expect.Scalar() == "any_error" ? "" : "expect: ok, any_error or a list";
    if (!expect.IsSequence() || expect.size() == 0) return "expect: ok, any_error or a list of errors";
    for (const auto& error : expect) {
        if (!error.IsMap() || !error["error"] || !error["error"].IsSequence()) return "each expected error has `error: [texts]`";
        for (const auto& item : error)
            if (!error_keys.count(item.first.Scalar())) return "unknown key '" + item.first.Scalar() + "' in an expected error";
    }
    return "";
}

std::vector<ValidatorCase> read_validator_file(const std::string& path) {
    std::vector<ValidatorCase> cases;
    const std::string stem = std::filesystem::path(path).stem().string();
    YAML::Node root;
    try {
        root = YAML::LoadFile(path);
    } catch (const std::exception& e) {
        cases.push_back(broken_case(stem, "unreadable", e.what()));
        return cases;
    }
    if (!root.IsSequence() || root.size() == 0) {
        cases.push_back(broken_case(stem, "unreadable", "a case file is a list of cases"));
        return cases;
    }
    std::set<std::string> names;
    for (size_t i = 0; i < root.size(); ++i) {
        const YAML::Node spec = root[i];
        ValidatorCase& c = cases.emplace_back();
        c.file = stem;
        c.spec = spec;
        c.name = spec.IsMap() && spec["case"] ? spec["case"].Scalar() : "case_" + std::to_string(cases.size());
        c.problem = malformed_case(spec);
        if (!names.insert(c.name).second) c.problem = "two cases named " + c.name;
        if (!c.problem.empty()) continue;
        if (spec["questions"]) {
            c.document = kQuestionsPrefix + indented(spec["questions"].Scalar(), 10);
            c.first_line = line_count(kQuestionsPrefix) + 1;
        } else if (spec["parts"]) {
            c.document = kPartsPrefix + indented(spec["parts"].Scalar(), 2);
            c.first_line = line_count(kPartsPrefix) + 1;
        } else {
            c.document = spec["document"].Scalar();
        }
    }
    return cases;
}

std::vector<ValidatorCase> all_validator_cases() {
    std::vector<ValidatorCase> cases;
    for (const auto& file : scenario_support::yaml_files(kValidatorCaseDirectory))
        for (auto& c : read_validator_file(file)) cases.push_back(std::move(c));
    if (cases.empty()) cases.push_back(broken_case("none", "none", "no *.yaml file in " + kValidatorCaseDirectory));
    return cases;
}

std::string all_errors(const LoadedDefinition& loaded) {
    std::string out;
    for (const auto& e : loaded.errors) out += "  " + e.to_string() + "\n";
    return out;
}

LoadedDefinition load_yaml(const std::string& yaml) { return load_definition(yaml, "test.yaml"); }

std::vector<std::string> texts(const YAML::Node& node) {
    std::vector<std::string> out;
    if (node && node.IsSequence())
        for (const auto& item : node) out.push_back(item.Scalar());
    else if (node)
        out.push_back(node.Scalar());
    return out;
}

bool contains_all(const std::string& text, const std::vector<std::string>& needles) {
    for (const auto& needle : needles)
        if (text.find(needle) == std::string::npos) return false;
    return true;
}

// The lines an expected error may be on (empty: not checked); a needle absent from the document fails.
std::vector<int> expected_lines(const ValidatorCase& c, const YAML::Node& expected) {
    std::vector<int> lines;
    auto find = [&](const std::string& needle, int occurrence) {
        const int line = line_containing(c.document, needle, occurrence);
        if (line < 0) ADD_FAILURE() << "'" << needle << "' (occurrence " << occurrence << ") not in the case's document";
        return line;
    };
    const int occurrence = expected["occurrence"] ? expected["occurrence"].as<int>() : 1;
    if (expected["line"]) lines.push_back(c.first_line - 1 + expected["line"].as<int>());
    for (const auto& needle : texts(expected["line_of"])) lines.push_back(find(needle, occurrence));
    if (expected["line_range"]) {
        const auto bounds = texts(expected["line_range"]);
        if (bounds.size() != 2) ADD_FAILURE() << "line_range: [first line's text, last line's text]";
        else
            for (int line = find(bounds[0], 1), last = find(bounds[1], 1); line <= last && line > 0; ++line) lines.push_back(line);
    }
    return lines;
}

// The one error whose text contains every one of `needles`; fails the test if there is none.
const DefinitionError* find_error(const LoadedDefinition& loaded, const std::vector<std::string>& needles) {
    for (const auto& error : loaded.errors)
        if (contains_all(error.to_string(), needles)) return &error;
    std::string wanted;
    for (const auto& needle : needles) wanted += " [" + needle + "]";
    ADD_FAILURE() << "no error mentioning" << wanted << "; errors:\n" << all_errors(loaded);
    return nullptr;
}

void PrintTo(const ValidatorCase& c, std::ostream* out) { *out << c.file << ".yaml: " << c.name; }

class DefinitionValidatorCase : public testing::TestWithParam<ValidatorCase> {};

TEST_P(DefinitionValidatorCase, Reports) {
    const ValidatorCase& c = GetParam();
    SCOPED_TRACE(kValidatorCaseDirectory + "/" + c.file + ".yaml, case " + c.name);
    ASSERT_TRUE(c.problem.empty()) << c.problem;
    LoadedDefinition loaded;
    ASSERT_NO_THROW(loaded = load_yaml(c.document)) << c.document;
    const YAML::Node expect = c.spec["expect"];
    if (expect.IsScalar() && expect.Scalar() == "ok") {
        EXPECT_TRUE(loaded.ok()) << all_errors(loaded);
        EXPECT_NE(loaded.questionnaire, nullptr);
        return;
    }
    EXPECT_FALSE(loaded.ok());
    ASSERT_FALSE(loaded.errors.empty());
    EXPECT_EQ(loaded.questionnaire, nullptr) << "no questionnaire when there are errors";
    for (const auto& e : loaded.errors) {
        EXPECT_EQ(e.file, "test.yaml");
        EXPECT_FALSE(e.message.empty()) << e.to_string();
        EXPECT_GE(e.line, 0);
    }
    if (c.spec["error_count"]) {
        EXPECT_EQ(loaded.errors.size(), c.spec["error_count"].as<size_t>()) << all_errors(loaded);
    }
    if (expect.IsScalar()) return;  // any_error
    for (const auto& expected : expect) {
        const DefinitionError* error = find_error(loaded, texts(expected["error"]));
        if (!error) continue;
        const std::string text = error->to_string();
        EXPECT_EQ(text.rfind("test.yaml:" + std::to_string(error->line) + ": ", 0), 0u) << text;
        const std::vector<int> lines = expected_lines(c, expected);
        if (!lines.empty()) {
            EXPECT_NE(std::find(lines.begin(), lines.end(), error->line), lines.end())
                << text << "\n  is not on the expected line" << (lines.size() > 1 ? "s" : "") << " (first: " << lines[0] << ")";
        }
        for (const auto& part : texts(expected["message"]))
            EXPECT_NE(error->message.find(part), std::string::npos) << "[" << part << "] not in the message: " << error->message;
        for (const auto& part : texts(expected["subject"]))
            EXPECT_NE(error->subject.find(part), std::string::npos) << "[" << part << "] not in the subject: " << error->subject;
    }
}

INSTANTIATE_TEST_SUITE_P(Cases, DefinitionValidatorCase, testing::ValuesIn(all_validator_cases()),
                         [](const testing::TestParamInfo<ValidatorCase>& info) {
                             return scenario_support::test_identifier(info.param.file + "_" + info.param.name);
                         });

// The document of one case of the data files.
std::string case_document(const std::string& file, const std::string& name) {
    for (const auto& c : read_validator_file(kValidatorCaseDirectory + "/" + file))
        if (c.name == name) return c.document;
    ADD_FAILURE() << "no case " << name << " in " << file;
    return {};
}

}  // namespace

// ---- what needs C++ ----------------------------------------------------------------------------

TEST(DefinitionValidator, ValidFileLoadsWhatItSays) {
    const std::string yaml = case_document("valid.yaml", "valid_file");
    LoadedDefinition loaded = load_yaml(yaml);
    ASSERT_TRUE(loaded.ok()) << all_errors(loaded);
    const Questionnaire& q = *loaded.questionnaire;
    EXPECT_EQ(q.id, "test");
    EXPECT_EQ(q.question_count(), 5u);
    const Question* count = q.find_question("p.count");
    ASSERT_NE(count, nullptr);
    EXPECT_EQ(count->kind, QuestionKind::integer);
    EXPECT_EQ(count->unit, "serveurs");
    EXPECT_EQ(count->min, 0.0);
    EXPECT_EQ(count->max, 10.0);
    EXPECT_EQ(count->line, line_containing(yaml, "id: p.count"));
    EXPECT_NE(count->show_if, nullptr);
    EXPECT_TRUE(count->required);
    EXPECT_FALSE(q.find_question("p.choice")->required);
    EXPECT_EQ(q.find_question("p.contact")->fields.size(), 6u);  // the standard contact fields
    EXPECT_EQ(q.find_question("p.after")->fields[0].kind, QuestionKind::text);  // default column kind
}

TEST(DefinitionValidator, MissingFile) {
    LoadedDefinition loaded = load_definition_file("/nonexistent/dir/questionnaire.yaml");
    ASSERT_EQ(loaded.errors.size(), 1u);
    EXPECT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.errors[0].file, "/nonexistent/dir/questionnaire.yaml");
    EXPECT_EQ(loaded.errors[0].line, 0);
}

TEST(DefinitionValidator, ErrorToString) {
    DefinitionError e{"f.yaml", 12, "question 'p.q'", "message"};
    EXPECT_EQ(e.to_string(), "f.yaml:12: question 'p.q' : message");
    DefinitionError no_line{"f.yaml", 0, "", "message"};
    EXPECT_EQ(no_line.to_string(), "f.yaml: message");
}

// Documents YAML cannot hold briefly (the others: validator_cases/odd_documents.yaml).
TEST(DefinitionValidator, DeepNestingAndBytesThatAreNotUtf8GiveErrorsNeverExceptions) {
    const std::vector<std::string> documents = {std::string(5000, '[') + std::string(5000, ']'),
                                                std::string("\xff\xfe"), std::string("\xff\xfe\x00\x01", 4)};
    for (const std::string& document : documents) {
        LoadedDefinition loaded;
        EXPECT_NO_THROW(loaded = load_yaml(document)) << document.size();
        EXPECT_FALSE(loaded.ok());
        ASSERT_FALSE(loaded.errors.empty());
        EXPECT_EQ(loaded.questionnaire, nullptr);
        for (const auto& e : loaded.errors) {
            EXPECT_EQ(e.file, "test.yaml");
            EXPECT_FALSE(e.message.empty());
            EXPECT_GE(e.line, 0);
        }
    }
}
