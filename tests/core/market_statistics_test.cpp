// Market statistics over small questionnaires in two versions: distributions, favourable shares,
// points de vigilance, periods, filters, and the small-group rule on every level (a table of
// populations that hide or show each statistic).
#include "core/market_statistics.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/anonymised_statistics.hpp"
#include "definition/definition_loader.hpp"

using namespace cyberachat;
using json = nlohmann::json;

namespace {

std::shared_ptr<const Questionnaire> load_statistics_questionnaire(const std::string& yaml) {
    LoadedDefinition loaded = load_definition(yaml, "test.yaml");
    std::string errors;
    for (const auto& error : loaded.errors) errors += error.to_string() + "\n";
    if (!loaded.ok()) throw std::runtime_error("test questionnaire does not load:\n" + errors);
    return loaded.questionnaire;
}

// Version 1: p1 (chiffrement yes/no, detail shown when chiffrement == oui, os single choice,
// protocoles multiple choice, note text optional), p2 (mfa yes/no).
const std::string kVersion1 = R"Y(
questionnaire: {id: test, version: "2024.9", title: {fr: "Test", en: "Test"}}
parts:
  - id: p1
    title: {fr: "Sécurité", en: "Security"}
    sections:
      - id: p1.s
        title: {fr: "S", en: "S"}
        questions:
          - {id: p1.chiffrement, kind: yes_no, label: {fr: "Chiffrement ancien", en: "Old encryption"}}
          - {id: p1.detail, kind: text, label: {fr: "Détail", en: "Detail"}, show_if: "p1.chiffrement == oui"}
          - id: p1.os
            kind: single_choice
            label: {fr: "Système", en: "System"}
            choices:
              - {id: windows, label: {fr: "Windows", en: "Windows"}}
              - {id: linux, label: {fr: "Linux", en: "Linux"}}
              - {id: autre, label: {fr: "Autre", en: "Other"}}
          - id: p1.protocoles
            kind: multiple_choice
            label: {fr: "Protocoles", en: "Protocols"}
            choices:
              - {id: https, label: {fr: "HTTPS", en: "HTTPS"}}
              - {id: ssh, label: {fr: "SSH", en: "SSH"}}
              - {id: telnet, label: {fr: "Telnet", en: "Telnet"}}
          - {id: p1.note, kind: text, required: false, label: {fr: "Note", en: "Note"}}
  - id: p2
    title: {fr: "Accès", en: "Access"}
    sections:
      - id: p2.s
        title: {fr: "S", en: "S"}
        questions:
          - {id: p2.mfa, kind: yes_no, label: {fr: "Double facteur", en: "Two factors"}}
)Y";

// Version 2 (newer: 2024.10 > 2024.9): p2 first, the encryption label changed, a new question.
const std::string kVersion2 = R"Y(
questionnaire: {id: test, version: "2024.10", title: {fr: "Test", en: "Test"}}
parts:
  - id: p2
    title: {fr: "Accès et comptes", en: "Access and accounts"}
    sections:
      - id: p2.s
        title: {fr: "S", en: "S"}
        questions:
          - {id: p2.mfa, kind: yes_no, label: {fr: "Double facteur", en: "Two factors"}}
          - {id: p2.sauvegarde, kind: yes_no, label: {fr: "Sauvegarde", en: "Backup"}}
  - id: p1
    title: {fr: "Sécurité", en: "Security"}
    sections:
      - id: p1.s
        title: {fr: "S", en: "S"}
        questions:
          - {id: p1.chiffrement, kind: yes_no, label: {fr: "Chiffrement des données", en: "Data encryption"}}
          - id: p1.os
            kind: single_choice
            label: {fr: "Système", en: "System"}
            choices:
              - {id: windows, label: {fr: "Windows", en: "Windows"}}
              - {id: linux, label: {fr: "Linux", en: "Linux"}}
)Y";

const Questionnaire& v1() {
    static const auto q = load_statistics_questionnaire(kVersion1);
    return *q;
}
const Questionnaire& v2() {
    static const auto q = load_statistics_questionnaire(kVersion2);
    return *q;
}

// A response: answers, and the grid's verdict on some questions ("+" favourable, "-" unfavourable
// with its severity "-critical"…), from which the score card and its findings are made.
struct Spec {
    Id purchase = 1;
    std::string family = "imagerie";
    std::string date = "2026-02-10T09:00:00Z";
    std::string vendor;
    const Questionnaire* questionnaire = &v1();
    json answers = json::object();
    std::map<std::string, std::string> grades;
};

StatisticsObservation observation(const Spec& spec) {
    StatisticsObservation out;
    out.purchase_id = spec.purchase;
    out.purchase_title = "Achat " + std::to_string(spec.purchase);
    out.equipment_family = spec.family;
    out.submitted_at = spec.date;
    out.company_key = spec.vendor;
    out.questionnaire = spec.questionnaire;
    AnswerSet answers;
    for (const auto& [id, value] : spec.answers.items()) answers[id] = Answer{value, {}};
    const Evaluation evaluation = evaluate(*spec.questionnaire, answers);
    ScoreCard card;
    card.outcomes.assign(spec.questionnaire->question_count(), Outcome::not_scored);
    for (const auto& [id, grade] : spec.grades) {
        const Question* question = spec.questionnaire->find_question(id);
        if (!question) throw std::runtime_error("unknown question " + id);
        card.outcomes[question->index] = grade[0] == '+' ? Outcome::favourable : Outcome::unfavourable;
        if (grade[0] == '-') {
            Finding finding;
            finding.question_id = id;
            finding.question_index = question->index;
            finding.severity = grade.size() > 1 ? *parse_severity(grade.substr(1)) : Severity::minor;
            card.findings.push_back(finding);
        }
    }
    observe(out, answers, evaluation, card);
    return out;
}

std::vector<StatisticsObservation> observations(const std::vector<Spec>& specs) {
    std::vector<StatisticsObservation> out;
    for (const auto& spec : specs) out.push_back(observation(spec));
    return out;
}

// A response of `vendor` with every required question of version 1 answered.
Spec full(const std::string& vendor, const std::string& chiffrement = "oui", json protocoles = json::array({"https"})) {
    Spec spec;
    spec.vendor = vendor;
    spec.answers = {{"p1.chiffrement", chiffrement}, {"p1.os", "linux"}, {"p1.protocoles", protocoles}, {"p2.mfa", "non"}};
    if (chiffrement == "oui") spec.answers["p1.detail"] = "AES";
    spec.grades = {{"p1.chiffrement", chiffrement == "oui" ? "+" : "-major"}, {"p2.mfa", "-critical"}};
    return spec;
}

const QuestionStatistics* row(const MarketStatistics& stats, const std::string& id) {
    for (const auto& item : stats.questions)
        if (item.question_id == id) return &item;
    return nullptr;
}

const VigilanceLine* line(const MarketStatistics& stats, const std::string& id) {
    for (const auto& item : stats.vigilance)
        if (item.question_id == id) return &item;
    return nullptr;
}

size_t count_of(const QuestionStatistics& row, const std::string& value) {
    for (const auto& item : row.distribution)
        if (item.value == value) return item.count;
    return 0;
}

}  // namespace

TEST(MarketStatistics, NoResponseGivesAHiddenPage) {
    const MarketStatistics stats = market_statistics({}, {});
    EXPECT_EQ(stats.hidden, Hidden::few_vendors);
    EXPECT_EQ(stats.responses, 0u);
    EXPECT_TRUE(stats.questions.empty());
    EXPECT_TRUE(stats.periods.empty());
    EXPECT_EQ(hidden_text(stats.hidden).fr, "Moins de 3 fournisseurs : masqué");
}

TEST(MarketStatistics, DistributionsAndFavourableSharesOverThreeVendors) {
    const auto stats = market_statistics(
        observations({full("alpha"), full("beta", "non", json::array({"https", "telnet"})), full("gamma", "oui", json::array({"ssh", "https"}))}),
        {});
    ASSERT_EQ(stats.hidden, Hidden::no);
    EXPECT_EQ(stats.responses, 3u);
    EXPECT_EQ(stats.vendors, 3u);
    EXPECT_EQ(stats.purchases, 1u);

    const auto* chiffrement = row(stats, "p1.chiffrement");
    ASSERT_TRUE(chiffrement);
    ASSERT_EQ(chiffrement->hidden, Hidden::no);
    ASSERT_EQ(chiffrement->distribution.size(), 2u);
    EXPECT_EQ(chiffrement->distribution[0].value, "oui");
    EXPECT_EQ(chiffrement->distribution[0].label.fr, "Oui");
    EXPECT_EQ(chiffrement->distribution[0].count, 2u);
    EXPECT_EQ(chiffrement->distribution[1].count, 1u);
    EXPECT_DOUBLE_EQ(chiffrement->value_share(chiffrement->distribution[0]), 2.0 / 3.0);
    ASSERT_TRUE(chiffrement->favourable.share());
    EXPECT_DOUBLE_EQ(*chiffrement->favourable.share(), 2.0 / 3.0);

    // Every choice listed in order, with its zero counts; a multiple choice counts each value.
    const auto* os = row(stats, "p1.os");
    ASSERT_TRUE(os);
    ASSERT_EQ(os->distribution.size(), 3u);
    EXPECT_EQ(os->distribution[0].value, "windows");
    EXPECT_EQ(os->distribution[0].count, 0u);
    EXPECT_EQ(os->distribution[1].count, 3u);
    EXPECT_FALSE(os->favourable.share()) << "not graded";
    const auto* protocoles = row(stats, "p1.protocoles");
    ASSERT_TRUE(protocoles);
    EXPECT_EQ(count_of(*protocoles, "https"), 3u);
    EXPECT_EQ(count_of(*protocoles, "ssh"), 1u);
    EXPECT_EQ(count_of(*protocoles, "telnet"), 1u);
    EXPECT_EQ(protocoles->answered, 3u);

    // Other kinds: the answered share only.
    const auto* note = row(stats, "p1.note");
    ASSERT_TRUE(note);
    EXPECT_EQ(note->hidden, Hidden::few_vendors) << "nobody answered it";
    ASSERT_TRUE(stats.favourable.share());
    EXPECT_DOUBLE_EQ(*stats.favourable.share(), 2.0 / 6.0);

    // Points de vigilance: mfa for all three (critical) before chiffrement for one.
    ASSERT_EQ(stats.vigilance.size(), 2u);
    EXPECT_EQ(stats.vigilance[0].question_id, "p2.mfa");
    EXPECT_EQ(stats.vigilance[0].responses, 3u);
    EXPECT_EQ(stats.vigilance[0].severity, Severity::critical);
    EXPECT_DOUBLE_EQ(stats.vigilance[0].share(), 1.0);
    EXPECT_EQ(stats.vigilance[1].question_id, "p1.chiffrement");
    EXPECT_DOUBLE_EQ(stats.vigilance[1].share(), 1.0 / 3.0);

    // Parts: p1 first (the questionnaire's order), each with its share.
    ASSERT_EQ(stats.parts.size(), 2u);
    EXPECT_EQ(stats.parts[0].part_id, "p1");
    EXPECT_DOUBLE_EQ(*stats.parts[0].favourable.share(), 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(*stats.parts[1].favourable.share(), 0.0);
}

TEST(MarketStatistics, AConditionalQuestionCountsOnlyWhereItApplied) {
    const auto stats = market_statistics(observations({full("a"), full("b"), full("c", "non"), full("d")}), {});
    const auto* detail = row(stats, "p1.detail");
    ASSERT_TRUE(detail);
    EXPECT_EQ(detail->hidden, Hidden::no);
    EXPECT_EQ(detail->applicable, 3u);
    EXPECT_EQ(detail->answered, 3u);
    EXPECT_TRUE(detail->distribution.empty()) << "a text has no distribution";
    EXPECT_DOUBLE_EQ(detail->answered_share(), 1.0);
}

// The small-group rule, level by level: the vendors of each population decide.
struct SmallGroupCase {
    const char* name;
    std::vector<Spec> specs;
    bool page_hidden;
    bool chiffrement_row_hidden;
    bool chiffrement_share_hidden;
    bool mfa_line_hidden;
    std::vector<bool> periods_hidden;  // chronological
};

class SmallGroup : public testing::TestWithParam<SmallGroupCase> {};

TEST_P(SmallGroup, HidesEveryStatisticOfFewerThanThreeVendors) {
    const auto& c = GetParam();
    const auto stats = market_statistics(observations(c.specs), {});
    EXPECT_EQ(stats.hidden != Hidden::no, c.page_hidden);
    if (c.page_hidden) {
        EXPECT_EQ(stats.responses, 0u);
        EXPECT_EQ(stats.vendors, 0u);
        EXPECT_TRUE(stats.questions.empty() && stats.vigilance.empty() && stats.periods.empty() && stats.parts.empty());
        return;
    }
    const auto* chiffrement = row(stats, "p1.chiffrement");
    ASSERT_TRUE(chiffrement);
    EXPECT_EQ(chiffrement->hidden != Hidden::no, c.chiffrement_row_hidden);
    if (c.chiffrement_row_hidden) {
        EXPECT_EQ(chiffrement->answered, 0u);
        EXPECT_TRUE(chiffrement->distribution.empty());
    }
    EXPECT_EQ(chiffrement->favourable.hidden != Hidden::no, c.chiffrement_share_hidden);
    EXPECT_EQ(chiffrement->favourable.share().has_value(), !c.chiffrement_share_hidden);
    const auto* mfa = line(stats, "p2.mfa");
    ASSERT_TRUE(mfa);
    EXPECT_EQ(mfa->hidden != Hidden::no, c.mfa_line_hidden);
    if (c.mfa_line_hidden) {
        EXPECT_EQ(mfa->responses, 0u);
    }
    ASSERT_EQ(stats.periods.size(), c.periods_hidden.size());
    for (size_t i = 0; i < c.periods_hidden.size(); ++i) {
        EXPECT_EQ(stats.periods[i].hidden != Hidden::no, c.periods_hidden[i]) << stats.periods[i].period;
        if (c.periods_hidden[i]) {
            EXPECT_EQ(stats.periods[i].responses, 0u);
        }
    }
}

Spec dated(Spec spec, const std::string& date) {
    spec.date = date;
    return spec;
}

Spec without(Spec spec, const std::string& id) {
    spec.answers.erase(id);
    spec.grades.erase(id);
    if (id == "p1.chiffrement") spec.answers.erase("p1.detail");
    return spec;
}

Spec graded_only(Spec spec, const std::string& id) {
    spec.grades.erase(id);
    return spec;
}

INSTANTIATE_TEST_SUITE_P(
    Levels, SmallGroup,
    testing::Values(
        SmallGroupCase{"two_vendors_hide_the_page", {full("a"), full("b")}, true, true, true, true, {}},
        SmallGroupCase{"one_vendor_answering_three_times_is_one_vendor", {full("a"), full("a"), full("a"), full("b")}, true, true, true, true, {}},
        SmallGroupCase{"three_vendors_show_everything", {full("a"), full("b"), full("c")}, false, false, false, false, {false}},
        SmallGroupCase{"vendor_names_are_keys", {full("a"), full("b"), full("c"), full("c")}, false, false, false, false, {false}},
        SmallGroupCase{"a_question_answered_by_two_vendors_is_hidden",
                       {full("a"), full("b"), without(full("c"), "p1.chiffrement"), without(full("d"), "p1.chiffrement")},
                       false, true, true, false, {false}},
        SmallGroupCase{"a_share_graded_for_two_vendors_is_hidden_in_a_shown_row",
                       {full("a"), full("b"), graded_only(full("c"), "p1.chiffrement")},
                       false, false, true, false, {false}},
        SmallGroupCase{"a_point_de_vigilance_graded_for_two_vendors_is_hidden",
                       {full("a"), full("b"), graded_only(full("c"), "p2.mfa")},
                       false, false, false, true, {false}},
        SmallGroupCase{"a_period_of_two_vendors_is_hidden",
                       {full("a"), full("b"), full("c"), dated(full("d"), "2026-05-02"), dated(full("a"), "2026-06-30")},
                       false, false, false, false, {false, true}},
        SmallGroupCase{"periods_are_chronological",
                       {dated(full("a"), "2027-01-01"), dated(full("b"), "2027-01-02"), dated(full("c"), "2027-03-31"),
                        dated(full("a"), "2026-12-31"), dated(full("b"), "2026-10-01"), dated(full("c"), "2026-11-11")},
                       false, false, false, false, {false, false}}),
    [](const testing::TestParamInfo<SmallGroupCase>& info) { return std::string(info.param.name); });

TEST(MarketStatistics, PeriodsByQuarterOrMonth) {
    auto specs = std::vector<Spec>{dated(full("a"), "2026-01-05"), dated(full("b"), "2026-02-05"), dated(full("c"), "2026-03-05")};
    StatisticsFilter filter;
    auto stats = market_statistics(observations(specs), filter);
    ASSERT_EQ(stats.periods.size(), 1u);
    EXPECT_EQ(stats.periods[0].period, "2026-T1");
    EXPECT_EQ(stats.periods[0].responses, 3u);
    ASSERT_TRUE(stats.periods[0].favourable.share());
    EXPECT_DOUBLE_EQ(*stats.periods[0].favourable.share(), 0.5);
    filter.period = StatisticsPeriod::month;
    stats = market_statistics(observations(specs), filter);
    ASSERT_EQ(stats.periods.size(), 3u);
    EXPECT_EQ(stats.periods[0].period, "2026-01");
    EXPECT_EQ(stats.periods[0].hidden, Hidden::few_vendors) << "one vendor in January";
}

TEST(MarketStatistics, StatisticsPeriodOfDates) {
    EXPECT_EQ(statistics_period("2026-04-01T00:00:00Z", StatisticsPeriod::quarter), "2026-T2");
    EXPECT_EQ(statistics_period("2026-12-31", StatisticsPeriod::quarter), "2026-T4");
    EXPECT_EQ(statistics_period("2026-09-30", StatisticsPeriod::month), "2026-09");
    EXPECT_EQ(statistics_period("", StatisticsPeriod::quarter), "");
    EXPECT_EQ(statistics_period("2026-13-01", StatisticsPeriod::quarter), "");
    EXPECT_EQ(statistics_period("abcd-01-01", StatisticsPeriod::month), "");
}

struct FilterCase {
    const char* name;
    StatisticsFilter filter;
    size_t responses;  // 0: the page is hidden
};

class Filters : public testing::TestWithParam<FilterCase> {};

StatisticsFilter filter_of(std::string from, std::string to, std::string family = "", std::optional<Id> purchase = {}) {
    StatisticsFilter filter;
    filter.from = std::move(from);
    filter.to = std::move(to);
    filter.equipment_family = std::move(family);
    filter.purchase_id = purchase;
    return filter;
}

// Purchase 1 (imagerie): a, b, c in January 2026; purchase 2 (surveillance): a, b, d, e in May 2026.
std::vector<StatisticsObservation> two_purchases() {
    auto second = [](const std::string& vendor) {
        Spec spec = dated(full(vendor), "2026-05-15T12:00:00Z");
        spec.purchase = 2;
        spec.family = "surveillance";
        spec.questionnaire = &v2();
        return spec;
    };
    return observations({dated(full("a"), "2026-01-10"), dated(full("b"), "2026-01-11"), dated(full("c"), "2026-01-31"),
                         second("a"), second("b"), second("d"), second("e")});
}

TEST_P(Filters, KeepOnlyTheResponsesAsked) {
    const auto& c = GetParam();
    const auto stats = market_statistics(two_purchases(), c.filter);
    EXPECT_EQ(stats.responses, c.responses);
    EXPECT_EQ(stats.hidden != Hidden::no, c.responses == 0);
}

INSTANTIATE_TEST_SUITE_P(
    All, Filters,
    testing::Values(FilterCase{"none", {}, 7},
                    FilterCase{"family", filter_of("", "", "surveillance"), 4},
                    FilterCase{"unknown_family", filter_of("", "", "dialyse"), 0},
                    FilterCase{"purchase", filter_of("", "", "", 1), 3},
                    FilterCase{"from_inclusive", filter_of("2026-01-31", ""), 5},
                    FilterCase{"to_inclusive_of_the_whole_day", filter_of("", "2026-05-15"), 7},
                    FilterCase{"to_before", filter_of("", "2026-01-30"), 0},
                    FilterCase{"period", filter_of("2026-02-01", "2026-12-31"), 4},
                    FilterCase{"family_and_purchase_disagree", filter_of("", "", "imagerie", 2), 0}),
    [](const testing::TestParamInfo<FilterCase>& info) { return std::string(info.param.name); });

TEST(MarketStatistics, QuestionsAggregateByIdAcrossVersionsWithTheNewestLabel) {
    const auto stats = market_statistics(two_purchases(), {});
    const auto* chiffrement = row(stats, "p1.chiffrement");
    ASSERT_TRUE(chiffrement);
    EXPECT_EQ(chiffrement->label.fr, "Chiffrement des données") << "2024.10 is newer than 2024.9";
    EXPECT_EQ(chiffrement->answered, 7u);
    EXPECT_EQ(chiffrement->vendors, 5u);
    // The newest version's choices (autre is gone), then the others given.
    const auto* os = row(stats, "p1.os");
    ASSERT_TRUE(os);
    ASSERT_EQ(os->distribution.size(), 2u);
    EXPECT_EQ(os->distribution[1].count, 7u);
    // A question of version 1 only keeps its version's label; one of version 2 only is there too.
    ASSERT_TRUE(row(stats, "p1.protocoles"));
    EXPECT_EQ(row(stats, "p1.protocoles")->answered, 3u);
    ASSERT_TRUE(row(stats, "p2.sauvegarde"));
    EXPECT_EQ(row(stats, "p2.sauvegarde")->hidden, Hidden::few_vendors) << "nobody answered it";
    // Parts and questions in the newest questionnaire's order: p2 first, with its newest title.
    ASSERT_EQ(stats.parts.size(), 2u);
    EXPECT_EQ(stats.parts[0].part_id, "p2");
    EXPECT_EQ(stats.parts[0].title.fr, "Accès et comptes");
    std::vector<std::string> order;
    for (const auto& item : stats.questions) order.push_back(item.question_id);
    EXPECT_EQ(order, (std::vector<std::string>{"p2.mfa", "p2.sauvegarde", "p1.chiffrement", "p1.os", "p1.detail",
                                               "p1.protocoles", "p1.note"}));
    EXPECT_EQ(stats.purchases, 2u);
    ASSERT_EQ(stats.periods.size(), 2u);
    EXPECT_EQ(stats.periods[1].period, "2026-T2");
}

TEST(MarketStatistics, OtherValuesOfAChoiceAreListedAfterTheChoices) {
    // Version 2 has no "autre": the version-1 answers that gave it are still counted.
    auto specs = std::vector<Spec>{full("a"), full("b"), full("c")};
    specs[0].answers["p1.os"] = "autre";
    auto stats_v1_only = market_statistics(observations(specs), {});
    Spec newer = full("d");
    newer.questionnaire = &v2();
    specs.push_back(newer);
    const auto stats = market_statistics(observations(specs), {});
    const auto* os = row(stats, "p1.os");
    ASSERT_TRUE(os);
    ASSERT_EQ(os->distribution.size(), 3u);
    EXPECT_EQ(os->distribution[2].value, "autre");
    EXPECT_EQ(os->distribution[2].count, 1u);
    EXPECT_EQ(row(stats_v1_only, "p1.os")->distribution[2].label.fr, "Autre");
}

TEST(MarketStatistics, TheResultDoesNotDependOnTheOrderOfTheObservations) {
    auto forward = two_purchases();
    auto backward = forward;
    std::reverse(backward.begin(), backward.end());
    const auto a = market_statistics(forward, {});
    const auto b = market_statistics(backward, {});
    ASSERT_EQ(a.questions.size(), b.questions.size());
    for (size_t i = 0; i < a.questions.size(); ++i) {
        EXPECT_EQ(a.questions[i].question_id, b.questions[i].question_id);
        EXPECT_EQ(a.questions[i].label.fr, b.questions[i].label.fr);
        EXPECT_EQ(a.questions[i].answered, b.questions[i].answered);
    }
    ASSERT_EQ(a.vigilance.size(), b.vigilance.size());
    for (size_t i = 0; i < a.vigilance.size(); ++i) EXPECT_EQ(a.vigilance[i].question_id, b.vigilance[i].question_id);
}

TEST(MarketStatistics, ObserveLeavesHiddenAnswersAndUngradedOutcomesOut) {
    Spec spec = full("a", "non");
    spec.answers["p1.detail"] = "visible only when encrypted";
    const auto observed = observation(spec);
    EXPECT_FALSE(observed.applicable.contains("p1.detail"));
    EXPECT_FALSE(observed.answers.contains("p1.detail"));
    EXPECT_TRUE(observed.applicable.contains("p1.note"));
    EXPECT_FALSE(observed.answers.contains("p1.note"));
    EXPECT_EQ(observed.outcomes.size(), 2u);
    EXPECT_FALSE(observed.outcomes.contains("p1.os"));
    ASSERT_EQ(observed.findings.size(), 2u);
}

TEST(MarketStatistics, CompareVersionsReadsNumbersAsNumbers) {
    EXPECT_LT(compare_versions("2024.9", "2024.10"), 0);
    EXPECT_GT(compare_versions("2024.3-achat12.1", "2024.3"), 0);
    EXPECT_EQ(compare_versions("2024.03", "2024.3"), 0);
    EXPECT_LT(compare_versions("1", "2"), 0);
    EXPECT_GT(compare_versions("b", "a"), 0);
}

TEST(AnonymisedStatistics, CellsByFamilyThenQuarterWithTheRuleInEach) {
    auto all = two_purchases();
    // A third family with two vendors only, and an older response left out by `since`.
    Spec lab = full("z");
    lab.family = "";
    lab.purchase = 3;
    all.push_back(observation(lab));
    all.push_back(observation(dated(full("y"), "2025-01-01")));
    const auto cells = anonymised_statistics(all, "2026-01-01");
    ASSERT_EQ(cells.size(), 3u);
    EXPECT_EQ(cells[0].equipment_family, "imagerie");
    EXPECT_EQ(cells[0].period, "2026-T1");
    EXPECT_EQ(cells[0].statistics.hidden, Hidden::no);
    EXPECT_EQ(cells[0].statistics.responses, 3u);
    EXPECT_EQ(cells[1].equipment_family, "surveillance");
    EXPECT_EQ(cells[1].period, "2026-T2");
    EXPECT_EQ(cells[1].statistics.responses, 4u);
    EXPECT_EQ(cells[2].equipment_family, "") << "not set comes last";
    EXPECT_EQ(cells[2].statistics.hidden, Hidden::few_vendors);
    EXPECT_TRUE(anonymised_statistics({}, "").empty());
}
