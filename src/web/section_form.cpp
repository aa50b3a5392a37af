#include "web/section_form.hpp"

#include <charconv>

#include "core/kind_traits.hpp"

namespace cyberachat::web {

using json = nlohmann::json;

std::map<std::string, PostedAnswer> read_section_form(const httplib::Request& req, const Section& section) {
    std::map<std::string, PostedAnswer> posted;
    for (const Question& question : section.questions) {
        PostedAnswer answer;
        const std::string key = "a:" + question.id;
        const std::string prefix = key + ":";
        switch (kind_traits(question.kind).shape) {
            case ValueShape::documents: {
                // The statement "not available" (the files come by their own form): only when the
                // page offered it, i.e. sent the reason's field (it is not offered once files are attached).
                const std::string reason_key = prefix + "reason";
                if (!req.has_param(reason_key.c_str())) break;
                answer.has_value_field = true;
                const std::string box_key = prefix + "unavailable";
                if (req.has_param(box_key.c_str()))
                    answer.raw = {{"unavailable", req.get_param_value(reason_key.c_str())}};
                break;
            }
            case ValueShape::choices: {
                answer.raw = json::array();
                for (auto it = req.params.find(key); it != req.params.end() && it->first == key; ++it)
                    if (!it->second.empty()) answer.raw.push_back(it->second);
                answer.has_value_field = true;
                break;
            }
            case ValueShape::rows:
            case ValueShape::record: {
                std::map<long long, json> rows;
                json record = json::object();
                for (auto it = req.params.lower_bound(prefix); it != req.params.end() && it->first.rfind(prefix, 0) == 0; ++it) {
                    answer.has_value_field = true;
                    const std::string rest = it->first.substr(prefix.size());
                    if (it->second.empty()) continue;
                    if (question.kind == QuestionKind::contact) {
                        record[rest] = it->second;
                        continue;
                    }
                    const size_t colon = rest.find(':');
                    if (colon == std::string::npos) continue;
                    long long row = 0;
                    auto [end, ec] = std::from_chars(rest.data(), rest.data() + colon, row);
                    if (ec != std::errc() || end != rest.data() + colon || row < 0 || row > 10000) continue;
                    rows[row][rest.substr(colon + 1)] = it->second;
                }
                if (question.kind == QuestionKind::contact) {
                    answer.raw = record;
                } else {
                    answer.raw = json::array();
                    for (auto& [index, row] : rows) answer.raw.push_back(std::move(row));
                }
                break;
            }
            case ValueShape::yes_no:
            case ValueShape::text:
            case ValueShape::number:
            case ValueShape::date:
            case ValueShape::choice:
                if (req.has_param(key.c_str())) answer.raw = req.get_param_value(key.c_str());
                // Radio groups send nothing when nothing is chosen: that is "no answer".
                answer.has_value_field = true;
                break;
        }
        const std::string comment_key = "c:" + question.id;
        if (req.has_param(comment_key.c_str())) answer.comment = req.get_param_value(comment_key.c_str());
        const std::string revision_key = "r:" + question.id;
        if (req.has_param(revision_key.c_str())) {
            const std::string text = req.get_param_value(revision_key.c_str());
            long long revision = -1;
            auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), revision);
            if (ec == std::errc() && end == text.data() + text.size()) answer.base_revision = revision;
        }
        posted.emplace(question.id, std::move(answer));
    }
    return posted;
}

std::optional<std::string> previous_visible_section(const Questionnaire& questionnaire, const Evaluation& evaluation,
                                                    const Section& section) {
    for (size_t index = section.index; index-- > 0;)
        if (evaluation.sections[index].visible) return questionnaire.sections()[index]->id;
    return std::nullopt;
}

std::optional<std::string> next_visible_section(const Questionnaire& questionnaire, const Evaluation& evaluation,
                                                const Section& section) {
    for (size_t index = section.index + 1; index < questionnaire.section_count(); ++index)
        if (evaluation.sections[index].visible) return questionnaire.sections()[index]->id;
    return std::nullopt;
}

}  // namespace cyberachat::web
