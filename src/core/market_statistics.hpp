#pragma once
// Market statistics across purchases (issue 17, docs/statistics.md): from the submitted responses
// of many tenders, per question the distribution of the answers and the share of favourable ones,
// per part the share of favourable answers, the most frequent points de vigilance and the
// evolution over time. Pure: the service (services/market_statistics_service.hpp) gathers the
// observations, the page, the CSV and `cyberachat stats export` show the result.
//
// The small-group rule: a statistic whose population counts fewer than kMinVendors distinct
// vendors (company keys) is not computed at all — it is marked hidden, its numbers left at zero —
// at every level: the whole result, a part, a question's row (and, inside a shown row, its
// favourable share), a point de vigilance, a period. So that the statistics never reveal one
// vendor's answers to someone who could not see its response.
//
// Questions are aggregated by id across questionnaire versions; a question's label, kind, choices
// and part are those of the newest questionnaire that has it (the greatest version, numbers
// compared as numbers; the same version: the latest response's).
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/acquisition.hpp"
#include "core/engine.hpp"
#include "core/question_kind.hpp"
#include "core/questionnaire.hpp"
#include "core/scoring.hpp"

namespace cyberachat {

inline constexpr size_t kMinVendors = 3;
// The most points de vigilance listed, and the most periods of an evolution.
inline constexpr size_t kMaxVigilanceLines = 10;
inline constexpr size_t kMaxPeriods = 240;

struct ObservedFinding {
    std::string question_id;
    Severity severity = Severity::minor;
};

// One submitted response (on time or late; never a draft nor a withdrawn vendor's).
struct StatisticsObservation {
    Id purchase_id = 0;
    std::string purchase_title;
    std::string equipment_family;  // core/equipment_family.hpp ("" : not set)
    std::string submitted_at;      // "YYYY-MM-DD…"
    std::string company_key;       // who counts as one vendor
    const Questionnaire* questionnaire = nullptr;  // the purchase's version; must outlive the computation
    // Filled by observe(): the questions that applied to this response, their answers (canonical
    // values), the graded outcomes (favourable / unfavourable only) and the points de vigilance.
    std::set<std::string> applicable;
    std::map<std::string, nlohmann::json> answers;
    std::map<std::string, Outcome> outcomes;
    std::vector<ObservedFinding> findings;
};

// Fills `applicable`, `answers`, `outcomes` and `findings` from a response's evaluation and score
// card (answers to hidden questions are left out).
void observe(StatisticsObservation& observation, const AnswerSet& answers, const Evaluation& evaluation,
             const ScoreCard& card);

enum class StatisticsPeriod : std::uint8_t { quarter, month };

struct StatisticsFilter {
    std::string from;              // "YYYY-MM-DD", inclusive ("" : no bound)
    std::string to;                // "YYYY-MM-DD", inclusive ("" : no bound)
    std::string equipment_family;  // "" : every family
    std::optional<Id> purchase_id; // nullopt : every purchase
    StatisticsPeriod period = StatisticsPeriod::quarter;

    bool keeps(const StatisticsObservation& observation) const;
};

// Why a statistic is not given.
enum class Hidden : std::uint8_t { no, few_vendors };
// "Moins de 3 fournisseurs : masqué" / "Fewer than 3 vendors: hidden".
LocalizedText hidden_text(Hidden hidden);

// A share of favourable answers among the graded ones (favourable + unfavourable).
struct FavourableShare {
    Hidden hidden = Hidden::no;  // its graded responses come from fewer than 3 vendors
    size_t graded = 0;
    size_t favourable = 0;
    std::optional<double> share() const;  // 0–1; nullopt when hidden or nothing graded
};

struct ValueCount {
    std::string value;    // a choice id, "oui"/"non", "non_applicable"…
    LocalizedText label;  // the choice's label (the value itself when the questionnaire has none)
    size_t count = 0;     // responses that gave it (a multiple choice: that included it)
};

struct QuestionStatistics {
    std::string question_id;
    QuestionKind kind = QuestionKind::text;
    LocalizedText label;
    std::string part_id;
    LocalizedText part_title;
    // The population is the responses that answered it: fewer than 3 vendors, the row is hidden.
    Hidden hidden = Hidden::no;
    size_t applicable = 0;  // responses the question applied to
    size_t answered = 0;    // of which answered
    size_t vendors = 0;     // distinct vendors that answered
    // yes_no, single_choice, multiple_choice: every choice in the questionnaire's order (with its
    // zero counts), then any other value given, by value; other kinds: empty.
    std::vector<ValueCount> distribution;
    FavourableShare favourable;

    double answered_share() const { return applicable == 0 ? 0.0 : double(answered) / double(applicable); }
    double value_share(const ValueCount& value) const { return answered == 0 ? 0.0 : double(value.count) / double(answered); }
};

struct PartStatistics {
    std::string part_id;
    LocalizedText title;
    FavourableShare favourable;  // over every graded answer of its questions
};

struct VigilanceLine {
    std::string question_id;
    LocalizedText label;
    Severity severity = Severity::minor;  // the most severe given to it
    // The population is the responses that graded the question: fewer than 3 vendors, hidden.
    Hidden hidden = Hidden::no;
    size_t responses = 0;  // responses where it is a point de vigilance
    size_t graded = 0;     // responses where the question was graded
    double share() const { return graded == 0 ? 0.0 : double(responses) / double(graded); }
};

struct PeriodStatistics {
    std::string period;      // "2026-T1" (quarter) or "2026-03" (month)
    Hidden hidden = Hidden::no;  // its responses come from fewer than 3 vendors
    size_t responses = 0;
    FavourableShare favourable;  // over every graded answer of its responses
};

struct MarketStatistics {
    Hidden hidden = Hidden::no;  // the filter leaves fewer than 3 vendors: nothing below is given
    size_t responses = 0;
    size_t vendors = 0;
    size_t purchases = 0;
    FavourableShare favourable;             // every graded answer
    std::vector<PartStatistics> parts;      // in the newest questionnaire's order
    std::vector<QuestionStatistics> questions;  // grouped by part, in questionnaire order
    std::vector<VigilanceLine> vigilance;   // shown lines by responses (most first), severity, order; at most kMaxVigilanceLines, hidden ones after
    std::vector<PeriodStatistics> periods;  // chronological, the periods that have responses
};

MarketStatistics market_statistics(const std::vector<StatisticsObservation>& observations,
                                   const StatisticsFilter& filter);

// The period a date ("YYYY-MM-DD…") falls in: "2026-T1" / "2026-03"; "" when it is not a date.
std::string statistics_period(std::string_view date, StatisticsPeriod period);

// Compares two questionnaire versions, numbers as numbers ("2024.10" after "2024.9").
int compare_versions(std::string_view left, std::string_view right);

}  // namespace cyberachat
