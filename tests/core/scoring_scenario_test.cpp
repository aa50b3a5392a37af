// Data-driven scoring scenarios on the built-in AFIB questionnaire and grid: one test per file of
// tests/scenarios/scoring/*.yaml. Answers in, expected scores and findings out:
//
//   name: "…"
//   base: reponses_favorables        # optional: bases/<name>.yaml, answers applied first
//   answers: {question_id: value, …} # on top of the base; null removes an answer
//   weights: {question_id: weight}   # optional: the purchase's own weights
//   expect:
//     score: {overall: n, <part id>: n}          # the parts named are checked
//     findings: [{question, severity, unanswered?}]  # exact list, in order
//     findings_include: [{question, severity, unanswered?}]
//     not_counted: [question ids]
//
// A scenario that names an unknown id or key, or gives an invalid answer, fails.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "core/engine.hpp"
#include "core/scoring.hpp"
#include "definition/builtin_grid.hpp"
#include "definition/builtin_questionnaire.hpp"
#include "outputs/json/questionnaire_json.hpp"
#include "../scenario_support.hpp"

using namespace cyberachat;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kDirectory = std::string(CYB_SCENARIO_DIR) + "/scoring";

struct ExpectedFinding {
    std::string question;
    std::string severity;
    bool unanswered = false;
    bool operator==(const ExpectedFinding&) const = default;
};

std::string describe(const ExpectedFinding& f) {
    return f.question + " (" + f.severity + (f.unanswered ? ", sans réponse" : "") + ")";
}

std::string describe(const std::vector<ExpectedFinding>& list) {
    std::string out;
    for (const auto& f : list) out += (out.empty() ? "" : ", ") + describe(f);
    return out.empty() ? "(aucun)" : out;
}

std::vector<std::string> run_scenario(const YAML::Node& scenario, const Questionnaire& q, const ScoringGrid& grid) {
    std::vector<std::string> problems;
    auto problem = [&](std::string text) { problems.push_back(std::move(text)); };
    if (!scenario.IsMap()) return {"a scenario is a map {name, base, answers, weights, expect}"};
    for (const auto& item : scenario) {
        const std::string key = item.first.Scalar();
        if (key != "name" && key != "base" && key != "answers" && key != "weights" && key != "expect")
            problem("unknown key '" + key + "'");
    }
    const YAML::Node expect = scenario["expect"];
    if (!expect || !expect.IsMap() || expect.size() == 0) return {"missing or empty 'expect'"};

    json raw = json::object();
    if (const YAML::Node base = scenario["base"]) {
        const fs::path path = fs::path(kDirectory) / "bases" / (base.Scalar() + ".yaml");
        if (!fs::exists(path)) return {"unknown base '" + base.Scalar() + "'"};
        raw = scenario_support::to_json(YAML::LoadFile(path.string()));
    }
    if (const YAML::Node answers = scenario["answers"]; answers && answers.IsMap())
        for (const auto& item : answers) raw[item.first.Scalar()] = scenario_support::to_json(item.second);
    for (auto it = raw.begin(); it != raw.end();)
        it = it->is_null() ? raw.erase(it) : std::next(it);
    AnswerSet answers;
    std::vector<InvalidAnswer> invalid;
    normalize_answers(q, raw, answers, invalid);
    for (const auto& item : invalid) problem("invalid answer for '" + item.question_id + "': " + item.message.fr);

    WeightOverrides weights;
    if (const YAML::Node node = scenario["weights"])
        for (const auto& item : node) {
            if (!grid.find_rule(item.first.Scalar())) problem("weights: no rule for '" + item.first.Scalar() + "'");
            weights[item.first.Scalar()] = item.second.as<double>();
        }

    const Evaluation evaluation = evaluate(q, answers);
    const ScoreCard card = score(q, grid, answers, evaluation, &weights);

    auto read_findings = [&](const YAML::Node& list) {
        std::vector<ExpectedFinding> out;
        for (const auto& item : list) {
            ExpectedFinding f{item["question"].Scalar(), item["severity"].Scalar(),
                              item["unanswered"] && item["unanswered"].as<bool>()};
            if (!q.find_question(f.question)) problem("'" + f.question + "' is not a question of the questionnaire");
            if (!parse_severity(f.severity)) problem("unknown severity '" + f.severity + "'");
            out.push_back(f);
        }
        return out;
    };
    std::vector<ExpectedFinding> actual;
    for (const Finding& f : card.findings)
        actual.push_back({f.question_id, std::string(severity_name(f.severity)), f.unanswered});

    for (const auto& item : expect) {
        const std::string key = item.first.Scalar();
        if (key == "score") {
            for (const auto& entry : item.second) {
                const std::string part_id = entry.first.Scalar();
                const int expected = entry.second.as<int>();
                int got = -1;
                if (part_id == "overall") got = card.overall.score();
                else if (const Part* part = q.find_part(part_id)) got = card.parts[part->index].score();
                else {
                    problem("expect.score: '" + part_id + "' is not a part");
                    continue;
                }
                if (got != expected)
                    problem("score of '" + part_id + "' is " + std::to_string(got) + ", expected " + std::to_string(expected));
            }
        } else if (key == "findings") {
            const auto expected = read_findings(item.second);
            if (expected != actual) problem("findings are " + describe(actual) + "; expected " + describe(expected));
        } else if (key == "findings_include") {
            for (const auto& f : read_findings(item.second))
                if (std::find(actual.begin(), actual.end(), f) == actual.end())
                    problem("finding " + describe(f) + " absent; findings are " + describe(actual));
        } else if (key == "not_counted") {
            for (const auto& id : item.second) {
                const Question* question = q.find_question(id.Scalar());
                if (!question) problem("'" + id.Scalar() + "' is not a question of the questionnaire");
                else if (card.outcome(*question) != Outcome::not_counted)
                    problem("'" + id.Scalar() + "' counts, expected it not to");
            }
        } else {
            problem("unknown expectation '" + key + "'");
        }
    }
    return problems;
}

std::vector<std::string> scenario_files() { return scenario_support::yaml_files(kDirectory); }

std::vector<std::string> run_text(const std::string& text) {
    return run_scenario(YAML::Load(text), *builtin_afib(), *builtin_afib_grid());
}

}  // namespace

class ScoringScenario : public testing::TestWithParam<std::string> {};

TEST_P(ScoringScenario, Holds) {
    YAML::Node scenario;
    try {
        scenario = YAML::LoadFile(GetParam());
    } catch (const YAML::Exception& e) {
        FAIL() << GetParam() << ": invalid YAML: " << e.what();
    }
    const auto problems = run_scenario(scenario, *builtin_afib(), *builtin_afib_grid());
    std::string text;
    for (const auto& p : problems) text += "  - " + p + "\n";
    EXPECT_TRUE(problems.empty()) << GetParam() << "\n" << text;
}

INSTANTIATE_TEST_SUITE_P(Afib, ScoringScenario, testing::ValuesIn(scenario_files()), scenario_support::test_name);

TEST(ScoringScenarioDirectory, HoldsScenarios) { EXPECT_GE(scenario_files().size(), 10u); }

// ---- the runner itself cannot pass by mistake ------------------------------------------------------

TEST(ScoringScenarioRunner, WrongExpectationsFail) {
    EXPECT_FALSE(run_text("answers: {}\nexpect: {score: {overall: 50}}").empty());
    EXPECT_FALSE(run_text("answers: {}\nexpect: {findings: []}").empty());
    EXPECT_FALSE(run_text("answers: {}\nexpect: {not_counted: [maintenance.passerelle_securisee]}").empty());
    EXPECT_FALSE(run_text("answers: {}\nexpect: {score: {partie_inconnue: 0}}").empty());
    EXPECT_FALSE(run_text("answers: {dispositif.poste_standard: peut-etre}\nexpect: {score: {overall: 0}}").empty());
    EXPECT_FALSE(run_text("answers: {}\nexpectation: {}\nexpect: {score: {overall: 0}}").empty());
}

TEST(ScoringScenarioRunner, RightExpectationsPass) {
    EXPECT_TRUE(run_text("answers: {}\nexpect: {score: {overall: 0}}").empty());
}
