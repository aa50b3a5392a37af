#include "outputs/json/statistics_json.hpp"

#include <cmath>

#include "core/equipment_family.hpp"
#include "core/scoring_grid.hpp"

namespace cyberachat {

using json = nlohmann::json;

namespace {

double rounded(double share) { return std::round(share * 10000.0) / 10000.0; }

json text_json(const LocalizedText& text) { return {{"fr", text.fr}, {"en", text.en.empty() ? text.fr : text.en}}; }

json favourable_json(const FavourableShare& share) {
    if (share.hidden != Hidden::no) return {{"hidden", true}};
    json out = {{"hidden", false}, {"graded", share.graded}, {"favourable", share.favourable}, {"share", nullptr}};
    if (const auto value = share.share()) out["share"] = rounded(*value);
    return out;
}

json question_json(const QuestionStatistics& question) {
    json out = {{"question_id", question.question_id}, {"kind", std::string(question_kind_name(question.kind))},
                {"part_id", question.part_id}, {"label", text_json(question.label)},
                {"hidden", question.hidden != Hidden::no}};
    if (question.hidden != Hidden::no) return out;
    out["applicable"] = question.applicable;
    out["answered"] = question.answered;
    out["vendors"] = question.vendors;
    json values = json::array();
    for (const auto& value : question.distribution)
        values.push_back({{"value", value.value}, {"label", text_json(value.label)}, {"count", value.count},
                          {"share", rounded(question.value_share(value))}});
    out["distribution"] = std::move(values);
    out["favourable"] = favourable_json(question.favourable);
    return out;
}

}  // namespace

json anonymised_statistics_json(const MarketStatistics& statistics) {
    if (statistics.hidden != Hidden::no) return {{"hidden", true}};
    json out = {{"hidden", false}, {"responses", statistics.responses}, {"vendors", statistics.vendors},
                {"favourable", favourable_json(statistics.favourable)}};
    json parts = json::array();
    for (const auto& part : statistics.parts)
        parts.push_back({{"part_id", part.part_id}, {"title", text_json(part.title)}, {"favourable", favourable_json(part.favourable)}});
    out["parts"] = std::move(parts);
    json questions = json::array();
    for (const auto& question : statistics.questions) questions.push_back(question_json(question));
    out["questions"] = std::move(questions);
    json vigilance = json::array();
    for (const auto& line : statistics.vigilance) {
        json item = {{"question_id", line.question_id}, {"label", text_json(line.label)}, {"hidden", line.hidden != Hidden::no}};
        if (line.hidden == Hidden::no) {
            item["severity"] = std::string(severity_name(line.severity));
            item["responses"] = line.responses;
            item["graded"] = line.graded;
            item["share"] = rounded(line.share());
        }
        vigilance.push_back(std::move(item));
    }
    out["vigilance"] = std::move(vigilance);
    return out;
}

json anonymised_statistics_json(const std::vector<AnonymisedCell>& cells, const std::string& since) {
    json out = {{"format", "cyberachat-statistics"}, {"format_version", 1}, {"since", since}, {"min_vendors", kMinVendors}};
    json list = json::array();
    for (const auto& cell : cells) {
        json item = anonymised_statistics_json(cell.statistics);
        item["equipment_family"] = cell.equipment_family;
        item["equipment_family_label"] = {{"fr", std::string(equipment_family_label(cell.equipment_family, Language::fr))},
                                          {"en", std::string(equipment_family_label(cell.equipment_family, Language::en))}};
        item["period"] = cell.period;
        list.push_back(std::move(item));
    }
    out["cells"] = std::move(list);
    return out;
}

}  // namespace cyberachat
