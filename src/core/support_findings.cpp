#include "core/support_findings.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "core/ascii_text.hpp"
#include "core/text_format.hpp"

namespace cyberachat {
namespace {

// One system as found: what it matched, the words, where from.
struct FoundSystem {
    SystemMatch match;
    std::string words;
    std::string source;
};

std::vector<FoundSystem> found_in(const EndOfSupportData& data, const DeclaredSystem& system) {
    std::vector<FoundSystem> found;
    switch (system.as) {
        case DeclaredAs::system_name:
        case DeclaredAs::component: {
            SystemMatch match = match_system_name(data, system.text, system.version);
            if (system.as == DeclaredAs::component && !match.recognised && match.product.empty()) break;
            std::string words = std::string(trim(system.text));
            if (const auto version = trim(system.version); !version.empty()) words += " " + std::string(version);
            found.push_back(FoundSystem{std::move(match), std::move(words), system.source});
            break;
        }
        case DeclaredAs::free_text:
            for (auto& mention : find_systems_in_text(data, system.text))
                found.push_back(FoundSystem{std::move(mention.match), std::move(mention.words), system.source});
            break;
    }
    return found;
}

struct JudgedCycle {
    const SupportProduct* product = nullptr;
    const SupportCycle* cycle = nullptr;
    SupportDate end;
};

// The cycles of a match with their end of support; those the data does not have are left out.
std::vector<JudgedCycle> judged_cycles(const EndOfSupportData& data, const SystemMatch& match) {
    std::vector<JudgedCycle> cycles;
    for (const CycleRef& ref : match.cycles) {
        const SupportProduct* product = data.find_product(ref.product);
        const SupportCycle* cycle = product ? product->find_cycle(ref.cycle) : nullptr;
        if (cycle) cycles.push_back(JudgedCycle{product, cycle, end_of_support(*cycle)});
    }
    return cycles;
}

LocalizedText with_detail(const LocalizedText& reason, const std::string& fr, const std::string& en) {
    const std::string& base_fr = reason.fr.empty() ? std::string("plusieurs cycles possibles") : reason.fr;
    const std::string& base_en = reason.en.empty() ? std::string("several cycles possible") : reason.en;
    return {base_fr + " (" + fr + ")", base_en + " (" + en + ")"};
}

SupportAssessment assessment_of(const JudgedCycle& judged, SupportStatus status) {
    SupportAssessment assessment;
    assessment.status = status;
    assessment.cycle = CycleRef{judged.product->key, judged.cycle->cycle};
    assessment.product_title = judged.product->title;
    assessment.cycle_name = cycle_display_name(*judged.product, *judged.cycle);
    assessment.end_date = judged.end.day;
    assessment.extended_support_end = judged.cycle->extended_support_end.day;
    assessment.end_phase = judged.cycle->eol.known() ? judged.product->columns.eol : judged.product->columns.support_end;
    if (!assessment.extended_support_end.empty()) assessment.extended_phase = judged.product->columns.extended_support_end;
    assessment.link = judged.cycle->link;
    assessment.page = judged.product->page;
    return assessment;
}

SupportStatus status_on(const std::string& day, std::string_view today, std::string_view end_of_use) {
    if (day <= today) return SupportStatus::ended;
    if (!end_of_use.empty() && day < end_of_use) return SupportStatus::ends_before_end_of_use;
    return SupportStatus::supported;
}

// The assessment of a match, or why there is none (then `reason` is set).
struct Judgement {
    std::optional<SupportAssessment> assessment;
    LocalizedText reason;
};

Judgement judge_match(const EndOfSupportData& data, const SystemMatch& match, std::string_view today, std::string_view end_of_use) {
    const std::vector<JudgedCycle> cycles = judged_cycles(data, match);
    if (cycles.empty()) return {std::nullopt, match.reason};
    if (cycles.size() == 1) {
        const JudgedCycle& only = cycles.front();
        switch (only.end.kind) {
            case SupportDate::Kind::day: return {assessment_of(only, status_on(only.end.day, today, end_of_use)), {}};
            case SupportDate::Kind::ended: return {assessment_of(only, SupportStatus::ended), {}};
            case SupportDate::Kind::open: return {assessment_of(only, SupportStatus::supported), {}};
            case SupportDate::Kind::absent: break;
        }
        return {std::nullopt, {"pas de date de fin de support dans les données", "no end-of-support date in the data"}};
    }
    // Several cycles possible: settled only when the one ending last settles it.
    const JudgedCycle* last = nullptr;
    const JudgedCycle* first = nullptr;
    bool unbounded = false;
    for (const JudgedCycle& judged : cycles) {
        if (judged.end.kind == SupportDate::Kind::open || judged.end.kind == SupportDate::Kind::absent) unbounded = true;
        if (judged.end.kind != SupportDate::Kind::day) continue;
        if (!last || judged.end.day > last->end.day) last = &judged;
        if (!first || judged.end.day < first->end.day) first = &judged;
    }
    if (unbounded)
        return {std::nullopt, with_detail(match.reason, "certains cycles possibles n'ont pas de fin annoncée",
                                          "some possible cycles have no announced end")};
    if (!last) {  // every possible cycle ended, none with a date
        SupportAssessment assessment = assessment_of(cycles.front(), SupportStatus::ended);
        assessment.at_the_latest = true;
        assessment.uncertainty = match.reason;
        return {std::move(assessment), {}};
    }
    const SupportStatus status = status_on(last->end.day, today, end_of_use);
    if (status != SupportStatus::supported) {
        SupportAssessment assessment = assessment_of(*last, status);
        assessment.at_the_latest = true;
        assessment.uncertainty = match.reason;
        return {std::move(assessment), {}};
    }
    return {std::nullopt, with_detail(match.reason,
                                      "fin de support entre le " + format_date(first->end.day, Language::fr) + " et le " +
                                          format_date(last->end.day, Language::fr) + " selon le cycle",
                                      "end of support between " + format_date(first->end.day, Language::en) + " and " +
                                          format_date(last->end.day, Language::en) + " depending on the cycle")};
}

std::string key_of(const SystemMatch& match) {
    std::string key;
    for (const CycleRef& ref : match.cycles) key += ref.product + "/" + ref.cycle + "|";
    return key;
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

void sort_unique(std::vector<std::string>& list) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
}

}  // namespace

std::string_view support_status_name(SupportStatus status) {
    switch (status) {
        case SupportStatus::ended: return "ended";
        case SupportStatus::ends_before_end_of_use: return "ends_before_end_of_use";
        case SupportStatus::supported: return "supported";
    }
    return "supported";
}

Result<SupportReport> assess_support(const EndOfSupportData& data, const std::vector<DeclaredSystem>& systems,
                                     std::string_view today, std::string_view end_of_use) {
    if (!is_iso_day(today))
        return Error::make(ErrorCode::invalid_value, "Date du jour invalide (AAAA-MM-JJ attendu).", "Invalid current date (YYYY-MM-DD expected).");
    if (!end_of_use.empty() && !is_iso_day(end_of_use))
        return Error::make(ErrorCode::invalid_value, "Date de fin d'utilisation invalide (AAAA-MM-JJ attendu).",
                           "Invalid end-of-use date (YYYY-MM-DD expected).");
    if (systems.size() > kMaxDeclaredSystems)
        return Error::make(ErrorCode::too_large, "Trop de systèmes déclarés (" + std::to_string(kMaxDeclaredSystems) + " au plus).",
                           "Too many declared systems (at most " + std::to_string(kMaxDeclaredSystems) + ").");
    SupportReport report;
    report.citation = data.citation();
    std::vector<SupportAssessment> assessed;
    std::map<std::string, size_t> assessed_index;      // cycles → assessed
    std::map<std::string, size_t> unrecognised_index;  // search key of the words → not_recognised
    for (const DeclaredSystem& system : systems)
        for (FoundSystem& found : found_in(data, system)) {
            Judgement outcome = judge_match(data, found.match, today, end_of_use);
            if (outcome.assessment) {
                const auto [it, inserted] = assessed_index.emplace(key_of(found.match), assessed.size());
                if (inserted) assessed.push_back(std::move(*outcome.assessment));
                SupportAssessment& kept = assessed[it->second];
                add_unique(kept.declared, found.words);
                kept.sources.push_back(found.source);
                continue;
            }
            const auto [it, inserted] = unrecognised_index.emplace(search_key(found.words), report.not_recognised.size());
            if (inserted)
                report.not_recognised.push_back(UnrecognisedSystem{found.words, found.match.product, std::move(outcome.reason), {}});
            report.not_recognised[it->second].sources.push_back(found.source);
        }
    for (SupportAssessment& assessment : assessed) {
        sort_unique(assessment.sources);
        (assessment.status == SupportStatus::supported ? report.supported : report.findings).push_back(std::move(assessment));
    }
    for (UnrecognisedSystem& system : report.not_recognised) sort_unique(system.sources);
    std::sort(report.findings.begin(), report.findings.end(), [](const SupportAssessment& a, const SupportAssessment& b) {
        return std::tie(a.status, a.end_date, a.product_title, a.cycle_name, a.cycle) <
               std::tie(b.status, b.end_date, b.product_title, b.cycle_name, b.cycle);
    });
    std::sort(report.supported.begin(), report.supported.end(), [](const SupportAssessment& a, const SupportAssessment& b) {
        return std::tie(a.product_title, a.cycle_name, a.cycle) < std::tie(b.product_title, b.cycle_name, b.cycle);
    });
    std::sort(report.not_recognised.begin(), report.not_recognised.end(),
              [](const UnrecognisedSystem& a, const UnrecognisedSystem& b) {
                  return std::make_tuple(search_key(a.text), a.text) < std::make_tuple(search_key(b.text), b.text);
              });
    return report;
}

}  // namespace cyberachat
