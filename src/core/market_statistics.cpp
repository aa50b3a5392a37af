#include "core/market_statistics.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <tuple>

namespace cyberachat {

using json = nlohmann::json;

namespace {

bool is_distributed_kind(QuestionKind kind) {
    return kind == QuestionKind::yes_no || kind == QuestionKind::single_choice || kind == QuestionKind::multiple_choice;
}

bool is_graded(Outcome outcome) { return outcome == Outcome::favourable || outcome == Outcome::unfavourable; }

// The distinct vendors of a population, and how many of its responses were favourable.
struct Population {
    std::set<std::string> vendors;
    size_t graded = 0;
    size_t favourable = 0;

    void add_outcome(const std::string& vendor, Outcome outcome) {
        if (!is_graded(outcome)) return;
        vendors.insert(vendor);
        ++graded;
        if (outcome == Outcome::favourable) ++favourable;
    }
    bool too_small() const { return vendors.size() < kMinVendors; }
    FavourableShare share() const {
        FavourableShare out;
        if (too_small()) {
            out.hidden = Hidden::few_vendors;
            return out;
        }
        out.graded = graded;
        out.favourable = favourable;
        return out;
    }
};

// The question (or part) a label is taken from: the newest questionnaire that has it.
struct Reference {
    const Questionnaire* questionnaire = nullptr;
    std::string submitted_at;

    bool is_older_than(const Questionnaire& other, const std::string& other_submitted_at) const {
        if (!questionnaire) return true;
        const int order = compare_versions(questionnaire->version, other.version);
        return order < 0 || (order == 0 && submitted_at < other_submitted_at);
    }
    void offer(const Questionnaire& other, const std::string& other_submitted_at) {
        if (is_older_than(other, other_submitted_at)) {
            questionnaire = &other;
            submitted_at = other_submitted_at;
        }
    }
};

struct QuestionTally {
    Reference reference;
    size_t applicable = 0;
    size_t answered = 0;
    std::set<std::string> answering_vendors;
    std::map<std::string, size_t> values;
    Population graded;
    size_t with_finding = 0;
    Severity severity = Severity::info;
};

struct PartTally {
    Reference reference;
    Population graded;
};

struct PeriodTally {
    std::set<std::string> vendors;
    size_t responses = 0;
    Population graded;
};

void count_values(QuestionTally& tally, const json& value) {
    if (value.is_array()) {
        std::set<std::string> seen;  // one response counts once per value
        for (const auto& item : value)
            if (item.is_string() && seen.insert(item.get<std::string>()).second) ++tally.values[item.get<std::string>()];
        return;
    }
    if (value.is_string()) ++tally.values[value.get<std::string>()];
    else ++tally.values[value.dump()];
}

LocalizedText yes_no_label(const std::string& value) {
    if (value == "oui") return {"Oui", "Yes"};
    if (value == "non") return {"Non", "No"};
    return {value, value};
}

std::vector<ValueCount> distribution(const Question& question, const std::map<std::string, size_t>& values) {
    std::vector<ValueCount> out;
    std::set<std::string> listed;
    auto add = [&](const std::string& value, LocalizedText label) {
        const auto found = values.find(value);
        out.push_back(ValueCount{value, std::move(label), found == values.end() ? 0 : found->second});
        listed.insert(value);
    };
    if (question.kind == QuestionKind::yes_no) {
        add("oui", yes_no_label("oui"));
        add("non", yes_no_label("non"));
    }
    for (const Choice& choice : question.choices) add(choice.id, choice.label);
    for (const auto& [value, count] : values)
        if (!listed.contains(value)) out.push_back(ValueCount{value, yes_no_label(value), count});
    return out;
}

QuestionStatistics question_row(const std::string& id, const QuestionTally& tally) {
    const Questionnaire& questionnaire = *tally.reference.questionnaire;
    const Question& question = *questionnaire.find_question(id);
    const Part& part = questionnaire.parts[question.part_index];
    QuestionStatistics row;
    row.question_id = id;
    row.kind = question.kind;
    row.label = question.label;
    row.part_id = part.id;
    row.part_title = part.title;
    if (tally.answering_vendors.size() < kMinVendors) {
        row.hidden = Hidden::few_vendors;
        row.favourable.hidden = Hidden::few_vendors;
        return row;
    }
    row.applicable = tally.applicable;
    row.answered = tally.answered;
    row.vendors = tally.answering_vendors.size();
    if (is_distributed_kind(question.kind)) row.distribution = distribution(question, tally.values);
    row.favourable = tally.graded.share();
    return row;
}

VigilanceLine vigilance_line(const std::string& id, const QuestionTally& tally) {
    VigilanceLine line;
    line.question_id = id;
    line.label = tally.reference.questionnaire->find_question(id)->label;
    if (tally.graded.too_small()) {
        line.hidden = Hidden::few_vendors;
        return line;
    }
    line.severity = tally.severity;
    line.responses = tally.with_finding;
    line.graded = tally.graded.graded;
    return line;
}

// Sort key of a question: its part's rank, then its place in its reference questionnaire.
using QuestionOrder = std::tuple<size_t, size_t, std::string>;

}  // namespace

void observe(StatisticsObservation& observation, const AnswerSet& answers, const Evaluation& evaluation,
             const ScoreCard& card) {
    if (!observation.questionnaire) return;
    for (const Question* question : observation.questionnaire->questions()) {
        if (!evaluation.is_visible(*question)) continue;
        observation.applicable.insert(question->id);
        if (const auto found = answers.find(question->id); found != answers.end() && has_value(found->second.value))
            observation.answers[question->id] = found->second.value;
        if (question->index < card.outcomes.size() && is_graded(card.outcomes[question->index]))
            observation.outcomes[question->id] = card.outcomes[question->index];
    }
    for (const Finding& finding : card.findings)
        observation.findings.push_back(ObservedFinding{finding.question_id, finding.severity});
}

bool StatisticsFilter::keeps(const StatisticsObservation& observation) const {
    const std::string day = observation.submitted_at.substr(0, 10);
    if (!from.empty() && day < from) return false;
    if (!to.empty() && day > to) return false;
    if (!equipment_family.empty() && observation.equipment_family != equipment_family) return false;
    if (purchase_id && observation.purchase_id != *purchase_id) return false;
    return true;
}

LocalizedText hidden_text(Hidden hidden) {
    switch (hidden) {
        case Hidden::no: return {};
        case Hidden::few_vendors:
            return {"Moins de " + std::to_string(kMinVendors) + " fournisseurs : masqué",
                    "Fewer than " + std::to_string(kMinVendors) + " vendors: hidden"};
    }
    return {};
}

std::optional<double> FavourableShare::share() const {
    if (hidden != Hidden::no || graded == 0) return std::nullopt;
    return double(favourable) / double(graded);
}

std::string statistics_period(std::string_view date, StatisticsPeriod period) {
    if (date.size() < 7 || date[4] != '-') return "";
    for (const size_t at : {0, 1, 2, 3, 5, 6})
        if (!std::isdigit(static_cast<unsigned char>(date[at]))) return "";
    const int month = (date[5] - '0') * 10 + (date[6] - '0');
    if (month < 1 || month > 12) return "";
    const std::string year(date.substr(0, 4));
    if (period == StatisticsPeriod::month) return year + "-" + std::string(date.substr(5, 2));
    return year + "-T" + std::to_string((month - 1) / 3 + 1);
}

int compare_versions(std::string_view left, std::string_view right) {
    size_t i = 0, j = 0;
    while (i < left.size() && j < right.size()) {
        const bool left_digit = std::isdigit(static_cast<unsigned char>(left[i])) != 0;
        const bool right_digit = std::isdigit(static_cast<unsigned char>(right[j])) != 0;
        if (left_digit && right_digit) {
            size_t i_end = i, j_end = j;
            while (i_end < left.size() && std::isdigit(static_cast<unsigned char>(left[i_end]))) ++i_end;
            while (j_end < right.size() && std::isdigit(static_cast<unsigned char>(right[j_end]))) ++j_end;
            std::string_view a = left.substr(i, i_end - i), b = right.substr(j, j_end - j);
            while (a.size() > 1 && a.front() == '0') a.remove_prefix(1);
            while (b.size() > 1 && b.front() == '0') b.remove_prefix(1);
            if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
            if (const int order = a.compare(b); order != 0) return order < 0 ? -1 : 1;
            i = i_end;
            j = j_end;
            continue;
        }
        if (left[i] != right[j]) return static_cast<unsigned char>(left[i]) < static_cast<unsigned char>(right[j]) ? -1 : 1;
        ++i;
        ++j;
    }
    if (i == left.size() && j == right.size()) return 0;
    return i == left.size() ? -1 : 1;
}

MarketStatistics market_statistics(const std::vector<StatisticsObservation>& observations,
                                   const StatisticsFilter& filter) {
    std::vector<const StatisticsObservation*> kept;
    for (const auto& observation : observations)
        if (observation.questionnaire && filter.keeps(observation)) kept.push_back(&observation);

    MarketStatistics out;
    std::set<std::string> vendors;
    std::set<Id> purchases;
    for (const auto* observation : kept) {
        vendors.insert(observation->company_key);
        purchases.insert(observation->purchase_id);
    }
    if (vendors.size() < kMinVendors) {
        out.hidden = Hidden::few_vendors;
        out.favourable.hidden = Hidden::few_vendors;
        return out;
    }
    out.responses = kept.size();
    out.vendors = vendors.size();
    out.purchases = purchases.size();

    std::map<std::string, QuestionTally> questions;
    std::map<std::string, PartTally> parts;
    std::map<std::string, PeriodTally> periods;
    Population overall;
    Reference newest;  // the newest questionnaire of all: its parts come first, in its order
    for (const auto* observation : kept) {
        const Questionnaire& questionnaire = *observation->questionnaire;
        const std::string& vendor = observation->company_key;
        newest.offer(questionnaire, observation->submitted_at);
        PeriodTally* period = nullptr;
        if (const std::string name = statistics_period(observation->submitted_at, filter.period); !name.empty()) {
            period = &periods[name];
            period->vendors.insert(vendor);
            ++period->responses;
        }
        for (const std::string& id : observation->applicable) {
            const Question* question = questionnaire.find_question(id);
            if (!question) continue;
            QuestionTally& tally = questions[id];
            tally.reference.offer(questionnaire, observation->submitted_at);
            ++tally.applicable;
            if (const auto answer = observation->answers.find(id); answer != observation->answers.end()) {
                ++tally.answered;
                tally.answering_vendors.insert(vendor);
                count_values(tally, answer->second);
            }
            const auto outcome = observation->outcomes.find(id);
            if (outcome == observation->outcomes.end()) continue;
            tally.graded.add_outcome(vendor, outcome->second);
            overall.add_outcome(vendor, outcome->second);
            if (period) period->graded.add_outcome(vendor, outcome->second);
            PartTally& part = parts[questionnaire.parts[question->part_index].id];
            part.reference.offer(questionnaire, observation->submitted_at);
            part.graded.add_outcome(vendor, outcome->second);
        }
        std::set<std::string> flagged;  // a question counts once per response
        for (const ObservedFinding& finding : observation->findings) {
            const auto tally = questions.find(finding.question_id);
            if (tally == questions.end() || !observation->outcomes.contains(finding.question_id)) continue;
            if (flagged.insert(finding.question_id).second) ++tally->second.with_finding;
            tally->second.severity = std::max(tally->second.severity, finding.severity);
        }
    }
    out.favourable = overall.share();

    // Parts: the newest questionnaire's first, in its order, then the others by id.
    std::map<std::string, size_t> part_rank;
    for (const Part& part : newest.questionnaire->parts) part_rank.emplace(part.id, part.index);
    auto rank_of = [&](const std::string& part_id) {
        const auto found = part_rank.find(part_id);
        return found == part_rank.end() ? newest.questionnaire->parts.size() : found->second;
    };
    std::vector<std::pair<std::tuple<size_t, std::string>, PartStatistics>> part_rows;
    for (const auto& [id, tally] : parts) {
        const Part* part = tally.reference.questionnaire->find_part(id);
        part_rows.push_back({{rank_of(id), id}, PartStatistics{id, part->title, tally.graded.share()}});
    }
    std::sort(part_rows.begin(), part_rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [order, row] : part_rows) out.parts.push_back(std::move(row));

    std::vector<std::pair<QuestionOrder, QuestionStatistics>> rows;
    std::vector<std::pair<QuestionOrder, VigilanceLine>> lines;
    for (const auto& [id, tally] : questions) {
        const Question& question = *tally.reference.questionnaire->find_question(id);
        // In its part, the newest questionnaire's questions in its order, then the older ones'.
        const Question* in_newest = newest.questionnaire->find_question(id);
        const size_t place = in_newest ? in_newest->index : newest.questionnaire->question_count() + question.index;
        const QuestionOrder order{rank_of(tally.reference.questionnaire->parts[question.part_index].id), place, id};
        rows.push_back({order, question_row(id, tally)});
        if (tally.with_finding > 0) lines.push_back({order, vigilance_line(id, tally)});
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [order, row] : rows) out.questions.push_back(std::move(row));

    // Points de vigilance: the shown ones by count (most first), severity, questionnaire order;
    // then the hidden ones in questionnaire order.
    std::sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) {
        const VigilanceLine& x = a.second;
        const VigilanceLine& y = b.second;
        if ((x.hidden == Hidden::no) != (y.hidden == Hidden::no)) return x.hidden == Hidden::no;
        if (x.responses != y.responses) return x.responses > y.responses;
        if (x.severity != y.severity) return x.severity > y.severity;
        return a.first < b.first;
    });
    size_t shown = 0, hidden = 0;
    for (auto& [order, line] : lines) {
        size_t& listed = line.hidden == Hidden::no ? shown : hidden;
        if (listed >= kMaxVigilanceLines) continue;
        ++listed;
        out.vigilance.push_back(std::move(line));
    }

    for (const auto& [name, tally] : periods) {
        PeriodStatistics row;
        row.period = name;
        if (tally.vendors.size() < kMinVendors) {
            row.hidden = Hidden::few_vendors;
            row.favourable.hidden = Hidden::few_vendors;
        } else {
            row.responses = tally.responses;
            row.favourable = tally.graded.share();
        }
        out.periods.push_back(std::move(row));
    }
    if (out.periods.size() > kMaxPeriods)
        out.periods.erase(out.periods.begin(), out.periods.end() - static_cast<std::ptrdiff_t>(kMaxPeriods));
    return out;
}

}  // namespace cyberachat
