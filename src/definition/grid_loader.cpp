#include "definition/grid_loader.hpp"

#include <algorithm>
#include <set>

#include "core/condition_parser.hpp"
#include "definition/condition_binding.hpp"
#include "definition/yaml_reader.hpp"

namespace cyberachat {
namespace {

using namespace definition_detail;

class GridLoader : YamlReader {
public:
    GridLoader(std::string file, const Questionnaire& questionnaire)
        : YamlReader(std::move(file)), questionnaire_(questionnaire) {}

    LoadedGrid load(std::string_view text) {
        const auto root = parse(text);
        return load_parsed(root ? &*root : nullptr);
    }

    LoadedGrid load_tree(const YAML::Node& root) { return load_parsed(check_shape(root) ? &root : nullptr); }

private:
    // `root` null: the document could not be read (the error is recorded).
    LoadedGrid load_parsed(const YAML::Node* root) {
        LoadedGrid result;
        auto grid = std::make_shared<ScoringGrid>();
        if (root) guarded([&] { read_root(*root, *grid); });
        std::stable_sort(grid->rules.begin(), grid->rules.end(),
                         [](const GridRule& a, const GridRule& b) { return a.question_index < b.question_index; });
        grid->build_index();
        result.errors = std::move(errors_);
        if (result.errors.empty()) result.grid = std::move(grid);
        return result;
    }

    void read_root(const YAML::Node& root, ScoringGrid& grid) {
        if (!expect_map(root, "", "le document")) return;
        check_keys(root, "", {"grid", "rules"});
        const YAML::Node header = root["grid"];
        if (!header) {
            error(1, "", "section « grid » manquante (id, version, questionnaire, questionnaire_version, title)");
        } else if (expect_map(header, "", "« grid »")) {
            check_keys(header, "grid", {"id", "version", "questionnaire", "questionnaire_version", "title"});
            grid.id = scalar(header, "grid", "id", true).value_or("");
            grid.version = scalar(header, "grid", "version", true).value_or("");
            grid.title = localized(header, "grid", "title", true);
            grid.questionnaire_id = scalar(header, "grid", "questionnaire", true).value_or("");
            grid.questionnaire_version = scalar(header, "grid", "questionnaire_version", true).value_or("");
            if (!grid.questionnaire_id.empty() && grid.questionnaire_id != questionnaire_.id)
                error(line_of(header["questionnaire"]), "grid",
                      "la grille note le questionnaire « " + grid.questionnaire_id + " », pas « " + questionnaire_.id + " »");
            if (!grid.questionnaire_version.empty() && grid.questionnaire_version != questionnaire_.version)
                error(line_of(header["questionnaire_version"]), "grid",
                      "la grille vise la version « " + grid.questionnaire_version + " » du questionnaire, qui est en version « " +
                          questionnaire_.version + " »");
        }
        const YAML::Node rules = root["rules"];
        if (!rules || !rules.IsSequence() || rules.size() == 0) {
            error(rules ? line_of(rules) : 1, "", "« rules » doit être une liste non vide de règles");
            return;
        }
        for (const auto& node : rules)
            if (auto rule = read_rule(node)) grid.rules.push_back(std::move(*rule));
    }

    std::optional<GridRule> read_rule(const YAML::Node& node) {
        if (!expect_map(node, "", "une règle")) return std::nullopt;
        check_keys(node, "règle",
                   {"question", "favourable", "favourable_if", "unfavourable_if", "weight", "severity", "rationale"});
        GridRule rule;
        rule.line = line_of(node);
        const size_t errors_before = errors_.size();
        rule.question_id = scalar(node, "règle", "question", true).value_or("");
        const std::string subject = "règle '" + rule.question_id + "'";
        const Question* question = rule.question_id.empty() ? nullptr : questionnaire_.find_question(rule.question_id);
        if (!rule.question_id.empty() && !question)
            error(line_of(node["question"]), subject, "question inconnue « " + rule.question_id + " » dans le questionnaire");
        if (question) {
            rule.question_index = question->index;
            if (!ruled_.insert(rule.question_id).second)
                error(line_of(node["question"]), subject, "deux règles pour la même question (une seule par question)");
        }
        if (auto weight = number(node, subject, "weight")) {
            rule.weight = *weight;
            if (!(rule.weight > 0) || rule.weight > 100)
                error(line_of(node["weight"]), subject, "« weight » doit être un nombre strictement positif, 100 au plus");
        }
        if (auto severity_name = scalar(node, subject, "severity", true)) {
            if (auto severity = parse_severity(*severity_name)) rule.severity = *severity;
            else
                error(line_of(node["severity"]), subject,
                      "gravité inconnue « " + *severity_name + " » (info, minor, major ou critical)");
        }
        rule.rationale = localized(node, subject, "rationale", true);
        read_test(node, subject, question, rule);
        if (errors_.size() != errors_before) return std::nullopt;
        return rule;
    }

    void read_test(const YAML::Node& node, const std::string& subject, const Question* question, GridRule& rule) {
        const bool has_values = static_cast<bool>(node["favourable"]);
        const bool has_if = static_cast<bool>(node["favourable_if"]);
        const bool has_unless = static_cast<bool>(node["unfavourable_if"]);
        if (has_values + has_if + has_unless > 1) {
            error(line_of(node), subject, "une seule des clés « favourable », « favourable_if », « unfavourable_if » par règle");
            return;
        }
        if (has_values) {
            rule.test = RuleTest::favourable_values;
            read_favourable_values(node["favourable"], subject, question, rule);
        } else if (has_if || has_unless) {
            const char* key = has_if ? "favourable_if" : "unfavourable_if";
            rule.test = has_if ? RuleTest::favourable_if : RuleTest::unfavourable_if;
            rule.condition_text = scalar(node, subject, key, true).value_or("");
            if (rule.condition_text.empty()) return;
            auto parsed = parse_condition(rule.condition_text);
            if (!parsed) {
                error(line_of(node[key]), subject,
                      "condition « " + rule.condition_text + " » illisible, " + parsed.error().message.fr);
                return;
            }
            for (const std::string& problem : bind_condition(*parsed.value(), questionnaire_))
                error(line_of(node[key]), subject, problem);
            rule.condition = std::move(parsed.value());
        }
    }

    void read_favourable_values(const YAML::Node& list, const std::string& subject, const Question* question,
                                GridRule& rule) {
        if (list.IsScalar()) {
            rule.favourable.push_back(list.as<std::string>());
        } else if (list.IsSequence() && list.size() > 0) {
            for (const auto& item : list) {
                if (!item.IsScalar()) {
                    error(line_of(item), subject, "« favourable » : chaque valeur doit être un texte");
                    return;
                }
                rule.favourable.push_back(item.as<std::string>());
            }
        } else {
            error(line_of(list), subject, "« favourable » doit être une valeur ou une liste non vide de valeurs");
            return;
        }
        if (!question) return;
        for (const std::string& value : rule.favourable) {
            if (question->kind == QuestionKind::yes_no) {
                if (value != "oui" && value != "non")
                    error(line_of(list), subject,
                          "valeur favorable « " + value + " » impossible pour une question oui/non ; utilisez oui ou non");
            } else if (is_choice_kind(question->kind)) {
                const bool known = std::any_of(question->choices.begin(), question->choices.end(),
                                               [&](const Choice& choice) { return choice.id == value; });
                if (!known)
                    error(line_of(list), subject,
                          "valeur favorable « " + value + " », qui n'est pas l'un des choix de « " + question->id + " »");
            } else {
                error(line_of(list), subject,
                      "« favourable » ne s'emploie qu'avec les questions oui/non et à choix ; pour « " + question->id + " » (" +
                          std::string(question_kind_name(question->kind)) +
                          "), omettez-la (une réponse donnée est favorable) ou écrivez une condition favourable_if");
                return;
            }
        }
    }

    const Questionnaire& questionnaire_;
    std::set<std::string> ruled_;
};

}  // namespace

LoadedGrid load_grid_tree(const YAML::Node& root, const std::string& file_name, const Questionnaire& questionnaire) {
    return GridLoader(file_name, questionnaire).load_tree(root);
}

LoadedGrid load_grid(std::string_view yaml_text, const std::string& file_name, const Questionnaire& questionnaire) {
    return GridLoader(file_name, questionnaire).load(yaml_text);
}

}  // namespace cyberachat
