// Data-driven branching scenarios on the built-in AFIB questionnaire: one test per file of
// tests/scenarios/*.yaml (see the format below). A scenario that names an id the questionnaire
// does not have, an unknown key, or an invalid answer fails, so a typo cannot make it vacuous.
//
//   name: "…"
//   answers: {question_id: value, …}
//   expect:
//     visible_sections: [...]          # exact set
//     sections_visible: [...]          # these are visible
//     sections_hidden: [...]           # these are hidden
//     questions_visible: [...]
//     questions_hidden: [...]
//     hidden_answered: [...]           # exact set
//     missing_required_include: [...]  # these are among the missing required answers
//     progress: {part_id: percent, overall: percent}
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/engine.hpp"
#include "definition/builtin_questionnaire.hpp"
#include "outputs/json/questionnaire_json.hpp"
#include "../scenario_support.hpp"

using namespace cyberachat;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string join(const std::set<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
    return out.empty() ? "(none)" : out;
}

// Runs one scenario; returns every problem found (empty: the scenario passes).
std::vector<std::string> run_scenario(const YAML::Node& scenario, const Questionnaire& q) {
    std::vector<std::string> problems;
    auto problem = [&](std::string text) { problems.push_back(std::move(text)); };

    if (!scenario.IsMap()) return {"a scenario is a map {name, answers, expect}"};
    for (const auto& item : scenario) {
        const std::string key = item.first.Scalar();
        if (key != "name" && key != "answers" && key != "expect") problem("unknown key '" + key + "'");
    }
    if (!scenario["name"] || !scenario["name"].IsScalar() || scenario["name"].Scalar().empty())
        problem("missing 'name'");
    const YAML::Node expect = scenario["expect"];
    if (!expect || !expect.IsMap() || expect.size() == 0) {
        problem("missing or empty 'expect'");
        return problems;
    }

    // Answers: every one must be valid (an unknown id is reported as invalid too).
    json raw = json::object();
    if (const YAML::Node answers = scenario["answers"]) {
        if (!answers.IsMap() && !answers.IsNull()) return {"'answers' must be a map {question_id: value}"};
        if (answers.IsMap()) raw = scenario_support::to_json(answers);
    }
    AnswerSet answers;
    std::vector<InvalidAnswer> invalid;
    normalize_answers(q, raw, answers, invalid);
    for (const auto& item : invalid)
        problem("invalid answer for '" + item.question_id + "': " + item.message.fr + " / " + item.message.in(Language::en));

    const Evaluation evaluation = evaluate(q, answers);

    auto ids_of = [&](const std::string& key) -> std::vector<std::string> {
        std::vector<std::string> ids;
        const YAML::Node list = expect[key];
        if (!list.IsSequence()) {
            problem("expect." + key + " must be a list");
            return ids;
        }
        for (const auto& item : list) ids.push_back(item.Scalar());
        return ids;
    };
    auto section = [&](const std::string& key, const std::string& id) -> const Section* {
        const Section* s = q.find_section(id);
        if (!s) problem("expect." + key + ": '" + id + "' is not a section of the questionnaire");
        return s;
    };
    auto question = [&](const std::string& key, const std::string& id) -> const Question* {
        const Question* found = q.find_question(id);
        if (!found) problem("expect." + key + ": '" + id + "' is not a question of the questionnaire");
        return found;
    };
    auto compare_sets = [&](const std::string& key, const std::set<std::string>& expected,
                            const std::set<std::string>& actual) {
        std::set<std::string> missing, unexpected;
        std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(),
                            std::inserter(missing, missing.end()));
        std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(),
                            std::inserter(unexpected, unexpected.end()));
        if (!missing.empty()) problem("expect." + key + ": expected but absent: " + join(missing));
        if (!unexpected.empty()) problem("expect." + key + ": present but not expected: " + join(unexpected));
    };

    for (const auto& item : expect) {
        const std::string key = item.first.Scalar();
        if (key == "visible_sections") {
            std::set<std::string> expected, actual;
            for (const auto& id : ids_of(key))
                if (section(key, id)) expected.insert(id);
            for (const Section* s : q.sections())
                if (evaluation.is_visible(*s)) actual.insert(s->id);
            compare_sets(key, expected, actual);
        } else if (key == "sections_visible" || key == "sections_hidden") {
            const bool want_visible = key == "sections_visible";
            for (const auto& id : ids_of(key))
                if (const Section* s = section(key, id); s && evaluation.is_visible(*s) != want_visible)
                    problem("section '" + id + "' is " + (want_visible ? "hidden" : "visible") + ", expected " +
                            (want_visible ? "visible" : "hidden"));
        } else if (key == "questions_visible" || key == "questions_hidden") {
            const bool want_visible = key == "questions_visible";
            for (const auto& id : ids_of(key))
                if (const Question* found = question(key, id); found && evaluation.is_visible(*found) != want_visible)
                    problem("question '" + id + "' is " + (want_visible ? "hidden" : "visible") + ", expected " +
                            (want_visible ? "visible" : "hidden"));
        } else if (key == "hidden_answered") {
            std::set<std::string> expected, actual;
            for (const auto& id : ids_of(key))
                if (question(key, id)) expected.insert(id);
            for (size_t index : evaluation.hidden_answered) actual.insert(q.questions()[index]->id);
            compare_sets(key, expected, actual);
        } else if (key == "missing_required_include") {
            std::set<std::string> actual;
            for (size_t index : evaluation.missing_required) actual.insert(q.questions()[index]->id);
            for (const auto& id : ids_of(key))
                if (question(key, id) && !actual.count(id))
                    problem("expect." + key + ": '" + id + "' is not among the missing required answers");
        } else if (key == "progress") {
            const YAML::Node progress = item.second;
            if (!progress.IsMap()) {
                problem("expect.progress must be a map {part_id: percent, overall: percent}");
                continue;
            }
            for (const auto& entry : progress) {
                const std::string part_id = entry.first.Scalar();
                int expected = -1;
                try {
                    expected = entry.second.as<int>();
                } catch (const YAML::Exception&) {
                    problem("expect.progress." + part_id + " must be a whole number");
                    continue;
                }
                int actual = -1;
                if (part_id == "overall") {
                    actual = evaluation.overall.percent();
                } else if (const Part* part = q.find_part(part_id)) {
                    actual = evaluation.parts[part->index].percent();
                } else {
                    problem("expect.progress: '" + part_id + "' is not a part of the questionnaire");
                    continue;
                }
                if (actual != expected)
                    problem("progress of '" + part_id + "' is " + std::to_string(actual) + ", expected " +
                            std::to_string(expected));
            }
        } else {
            problem("unknown expectation '" + key + "'");
        }
    }
    return problems;
}

std::vector<std::string> page_scenario_files() { return scenario_support::yaml_files(CYB_SCENARIO_DIR); }

std::vector<std::string> run_page_scenario(const std::string& text) {
    return run_scenario(YAML::Load(text), *builtin_afib());
}

bool mentions(const std::vector<std::string>& problems, const std::string& needle) {
    for (const auto& p : problems)
        if (p.find(needle) != std::string::npos) return true;
    return false;
}

std::string render(const std::vector<std::string>& problems) {
    std::string out;
    for (const auto& p : problems) out += "  - " + p + "\n";
    return out;
}

}  // namespace

class Scenario : public testing::TestWithParam<std::string> {};

TEST_P(Scenario, Holds) {
    YAML::Node scenario;
    try {
        scenario = YAML::LoadFile(GetParam());
    } catch (const YAML::Exception& e) {
        FAIL() << GetParam() << ": invalid YAML: " << e.what();
    }
    const auto problems = run_scenario(scenario, *builtin_afib());
    std::string name = scenario.IsMap() && scenario["name"] ? scenario["name"].Scalar() : "";
    EXPECT_TRUE(problems.empty()) << GetParam() << " — " << name << "\n" << render(problems);
}

INSTANTIATE_TEST_SUITE_P(Afib, Scenario, testing::ValuesIn(page_scenario_files()), scenario_support::test_name);

TEST(ScenarioDirectory, HoldsScenarios) {
    EXPECT_FALSE(page_scenario_files().empty()) << "no *.yaml scenario in " << CYB_SCENARIO_DIR;
}

// ---- the runner itself: a scenario cannot pass by mistake ---------------------------------------

TEST(ScenarioRunner, ValidScenarioPasses) {
    auto problems = run_page_scenario(R"Y(
name: "poste non standard"
answers:
  dispositif.poste_standard: non
  dispositif.ecran_taille: "24"
expect:
  sections_visible: [dispositif.materiel_fourni]
  sections_hidden: [dispositif.prerequis_poste]
  questions_hidden: [dispositif.ecran_taille]
  hidden_answered: [dispositif.ecran_taille]
  missing_required_include: [dispositif.designation]
)Y");
    EXPECT_TRUE(problems.empty()) << render(problems);
}

TEST(ScenarioRunner, InvalidAnswerFails) {
    auto problems = run_page_scenario(R"Y(
name: "x"
answers:
  dispositif.poste_standard: peut-etre
  dispositif.ecran_taille: "vingt"
expect:
  hidden_answered: []
)Y");
    EXPECT_TRUE(mentions(problems, "invalid answer for 'dispositif.poste_standard'")) << render(problems);
    EXPECT_TRUE(mentions(problems, "invalid answer for 'dispositif.ecran_taille'")) << render(problems);
}

TEST(ScenarioRunner, AnswerToUnknownQuestionFails) {
    auto problems = run_page_scenario(R"Y(
name: "x"
answers: {dispositif.poste_standar: oui}
expect: {hidden_answered: []}
)Y");
    EXPECT_TRUE(mentions(problems, "dispositif.poste_standar")) << render(problems);
}

TEST(ScenarioRunner, UnknownIdsInExpectationsFail) {
    auto problems = run_page_scenario(R"Y(
name: "x"
answers: {}
expect:
  visible_sections: [dispositif.nope]
  sections_hidden: [dispositif.poste_standard]
  questions_visible: [dispositif.prerequis_poste]
  questions_hidden: [dispositif.typo]
  hidden_answered: [dispositif.typo2]
  missing_required_include: [dispositif.typo3]
  progress: {partie5: 0}
)Y");
    EXPECT_TRUE(mentions(problems, "'dispositif.nope' is not a section")) << render(problems);
    // a question id where a section is expected, and the other way round
    EXPECT_TRUE(mentions(problems, "'dispositif.poste_standard' is not a section")) << render(problems);
    EXPECT_TRUE(mentions(problems, "'dispositif.prerequis_poste' is not a question")) << render(problems);
    EXPECT_TRUE(mentions(problems, "'dispositif.typo' is not a question")) << render(problems);
    EXPECT_TRUE(mentions(problems, "'dispositif.typo2' is not a question")) << render(problems);
    EXPECT_TRUE(mentions(problems, "'dispositif.typo3' is not a question")) << render(problems);
    EXPECT_TRUE(mentions(problems, "'partie5' is not a part")) << render(problems);
}

TEST(ScenarioRunner, UnknownKeysFail) {
    auto problems = run_page_scenario(R"Y(
name: "x"
answer: {dispositif.poste_standard: oui}
expect:
  question_hidden: [dispositif.ecran_taille]
)Y");
    EXPECT_TRUE(mentions(problems, "unknown key 'answer'")) << render(problems);
    EXPECT_TRUE(mentions(problems, "unknown expectation 'question_hidden'")) << render(problems);
}

TEST(ScenarioRunner, MissingExpectFails) {
    EXPECT_TRUE(mentions(run_page_scenario("name: x\nanswers: {}\n"), "expect"));
    EXPECT_TRUE(mentions(run_page_scenario("name: x\nanswers: {}\nexpect: {}\n"), "expect"));
}

TEST(ScenarioRunner, WrongExpectationsFail) {
    auto problems = run_page_scenario(R"Y(
name: "x"
answers: {dispositif.poste_standard: oui}
expect:
  visible_sections: [dispositif.informations_generales]
  sections_visible: [dispositif.materiel_fourni]
  sections_hidden: [dispositif.prerequis_poste]
  questions_visible: [dispositif.materiel_denomination]
  questions_hidden: [dispositif.ecran_taille]
  hidden_answered: [dispositif.ecran_taille]
  missing_required_include: [dispositif.poste_standard]
  progress: {dispositif: 100, overall: 100}
)Y");
    EXPECT_TRUE(mentions(problems, "expect.visible_sections: present but not expected")) << render(problems);
    EXPECT_TRUE(mentions(problems, "section 'dispositif.materiel_fourni' is hidden")) << render(problems);
    EXPECT_TRUE(mentions(problems, "section 'dispositif.prerequis_poste' is visible")) << render(problems);
    EXPECT_TRUE(mentions(problems, "question 'dispositif.materiel_denomination' is hidden")) << render(problems);
    EXPECT_TRUE(mentions(problems, "question 'dispositif.ecran_taille' is visible")) << render(problems);
    EXPECT_TRUE(mentions(problems, "expect.hidden_answered: expected but absent: dispositif.ecran_taille"))
        << render(problems);
    EXPECT_TRUE(mentions(problems, "'dispositif.poste_standard' is not among the missing")) << render(problems);
    EXPECT_TRUE(mentions(problems, "progress of 'dispositif'")) << render(problems);
    EXPECT_TRUE(mentions(problems, "progress of 'overall'")) << render(problems);
}
