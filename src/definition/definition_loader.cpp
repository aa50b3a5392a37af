#include "definition/definition_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <unordered_map>

#include "core/answer_validation.hpp"
#include "core/condition_parser.hpp"
#include "definition/condition_binding.hpp"
#include "definition/yaml_reader.hpp"

namespace cyberachat {
namespace {

using namespace definition_detail;

class Loader : YamlReader {
public:
    explicit Loader(std::string file) : YamlReader(std::move(file)) {}

    LoadedDefinition load(std::string_view text) {
        const auto root = parse(text);
        return load_parsed(root ? &*root : nullptr);
    }

    LoadedDefinition load_tree(const YAML::Node& root) { return load_parsed(check_shape(root) ? &root : nullptr); }

private:
    // `root` null: the document could not be read (the error is recorded).
    LoadedDefinition load_parsed(const YAML::Node* root) {
        LoadedDefinition result;
        auto questionnaire = std::make_shared<Questionnaire>();
        if (root) {
            guarded([&] {
                read_root(*root, *questionnaire);
                if (errors_.empty()) {
                    questionnaire->build_index();
                    bind_conditions(*questionnaire);
                }
                if (errors_.empty()) check_cycles(*questionnaire);
            });
        }
        result.errors = std::move(errors_);
        if (result.errors.empty()) result.questionnaire = std::move(questionnaire);
        return result;
    }

    std::string claim_id(const YAML::Node& node, const std::string& what) {
        auto id = scalar(node, what, "id", true);
        if (!id) return {};
        if (!is_valid_id(*id)) {
            error(line_of(node["id"]), what + " '" + *id + "'",
                  "identifiant invalide : lettres minuscules, chiffres, « _ », « - » et « . », en commençant par une lettre");
        } else if (!ids_.insert(*id).second) {
            error(line_of(node["id"]), what + " '" + *id + "'", "identifiant en double (déjà utilisé plus haut)");
        }
        return *id;
    }

    // ---- structure -----------------------------------------------------------------------
    void read_root(const YAML::Node& root, Questionnaire& q) {
        if (!expect_map(root, "", "le document")) return;
        check_keys(root, "", {"questionnaire", "content", "parts"});
        const YAML::Node header = root["questionnaire"];
        if (!header) {
            error(1, "", "section « questionnaire » manquante (id, version, title)");
        } else if (expect_map(header, "", "« questionnaire »")) {
            check_keys(header, "questionnaire", {"id", "version", "title", "source"});
            if (auto id = scalar(header, "questionnaire", "id", true)) {
                q.id = *id;
                if (!is_valid_id(q.id)) error(line_of(header["id"]), "questionnaire", "identifiant invalide « " + q.id + " »");
            }
            if (auto version = scalar(header, "questionnaire", "version", true)) q.version = *version;
            q.title = localized(header, "questionnaire", "title", true);
            if (const YAML::Node source = header["source"]) read_source(source, q.source);
        }
        if (const YAML::Node content = root["content"]) read_content(content, q);
        const YAML::Node parts = root["parts"];
        if (!parts || !parts.IsSequence() || parts.size() == 0) {
            error(parts ? line_of(parts) : 1, "", "« parts » doit être une liste non vide de parties");
            return;
        }
        for (const auto& node : parts) guarded([&] { q.parts.push_back(read_part(node)); });
    }

    void read_source(const YAML::Node& node, Source& source) {
        if (!expect_map(node, "questionnaire.source", "« source »")) return;
        check_keys(node, "questionnaire.source", {"title", "authors", "institution", "doi", "permalink", "references"});
        source.title = localized(node, "questionnaire.source", "title", false);
        source.institution = scalar(node, "questionnaire.source", "institution", false).value_or("");
        source.doi = scalar(node, "questionnaire.source", "doi", false).value_or("");
        source.permalink = scalar(node, "questionnaire.source", "permalink", false).value_or("");
        source.authors = string_list(node, "authors");
        source.references = string_list(node, "references");
    }

    std::vector<std::string> string_list(const YAML::Node& node, const std::string& key) {
        std::vector<std::string> out;
        const YAML::Node list = node[key];
        if (!list) return out;
        if (!list.IsSequence()) {
            error(line_of(list), "", "« " + key + " » doit être une liste");
            return out;
        }
        for (const auto& item : list) {
            if (item.IsScalar()) out.push_back(item.Scalar());
            else error(line_of(item), "", "« " + key + " » : chaque élément doit être un texte");
        }
        return out;
    }

    void read_content(const YAML::Node& content, Questionnaire& q) {
        if (!content.IsSequence()) {
            error(line_of(content), "", "« content » doit être une liste de textes {id, title, body}");
            return;
        }
        for (const auto& node : content) {
            if (!expect_map(node, "content", "un texte")) continue;
            check_keys(node, "content", {"id", "title", "body"});
            ContentText text;
            text.id = claim_id(node, "texte");
            const std::string subject = "texte '" + text.id + "'";
            text.title = localized(node, subject, "title", true);
            text.body = localized(node, subject, "body", true);
            q.content.push_back(std::move(text));
        }
    }

    Part read_part(const YAML::Node& node) {
        Part part;
        part.line = line_of(node);
        if (!expect_map(node, "", "une partie")) return part;
        check_keys(node, "partie", {"id", "title", "short_title", "sections"});
        part.id = claim_id(node, "partie");
        const std::string subject = "partie '" + part.id + "'";
        part.title = localized(node, subject, "title", true);
        part.short_title = localized(node, subject, "short_title", false);
        if (part.short_title.empty()) part.short_title = part.title;
        const YAML::Node sections = node["sections"];
        if (!sections || !sections.IsSequence() || sections.size() == 0) {
            error(line_of(node), subject, "« sections » doit être une liste non vide");
            return part;
        }
        for (const auto& section : sections) guarded([&] { part.sections.push_back(read_section(section)); });
        return part;
    }

    Section read_section(const YAML::Node& node) {
        Section section;
        section.line = line_of(node);
        if (!expect_map(node, "", "une section")) return section;
        check_keys(node, "section", {"id", "title", "note", "show_if", "questions"});
        section.id = claim_id(node, "section");
        const std::string subject = "section '" + section.id + "'";
        section.title = localized(node, subject, "title", true);
        section.note = localized(node, subject, "note", false);
        section.show_if_text = scalar(node, subject, "show_if", false).value_or("");
        if (!section.show_if_text.empty()) show_if_lines_[section.id] = line_of(node["show_if"]);
        const YAML::Node questions = node["questions"];
        if (!questions || !questions.IsSequence() || questions.size() == 0) {
            error(line_of(node), subject, "« questions » doit être une liste non vide");
            return section;
        }
        for (const auto& question : questions) guarded([&] { section.questions.push_back(read_question(question)); });
        return section;
    }

    Question read_question(const YAML::Node& node) {
        Question question;
        question.line = line_of(node);
        if (!expect_map(node, "", "une question")) return question;
        check_keys(node, "question",
                   {"id", "kind", "label", "help", "required", "show_if", "unit", "min", "max", "choices", "fields"});
        question.id = claim_id(node, "question");
        const std::string subject = "question '" + question.id + "'";
        question.label = localized(node, subject, "label", true);
        question.help = localized(node, subject, "help", false);
        if (const YAML::Node required = node["required"]) {
            try {
                question.required = required.as<bool>();
            } catch (const YAML::Exception&) {
                error(line_of(required), subject, "« required » doit valoir true ou false");
            }
        }
        if (auto kind_name = scalar(node, subject, "kind", true)) {
            if (auto kind = parse_question_kind(*kind_name)) question.kind = *kind;
            else
                error(line_of(node["kind"]), subject,
                      "type inconnu « " + *kind_name + " » ; types possibles : " + std::string(question_kind_list()));
        }
        question.unit = scalar(node, subject, "unit", false).value_or("");
        question.min = number(node, subject, "min");
        question.max = number(node, subject, "max");
        if (!is_numeric_kind(question.kind) && (!question.unit.empty() || question.min || question.max))
            error(line_of(node), subject, "« unit », « min » et « max » ne s'emploient qu'avec les types number et integer");
        if (question.min && question.max && *question.min > *question.max)
            error(line_of(node["min"]), subject, "« min » est plus grand que « max »");
        if (question.unit.size() > 30) error(line_of(node["unit"]), subject, "unité trop longue (30 caractères au plus)");
        read_choices(node, subject, question);
        read_fields(node, subject, question);
        question.show_if_text = scalar(node, subject, "show_if", false).value_or("");
        if (!question.show_if_text.empty()) show_if_lines_[question.id] = line_of(node["show_if"]);
        return question;
    }

    void read_choices(const YAML::Node& node, const std::string& subject, Question& question) {
        const YAML::Node choices = node["choices"];
        if (!is_choice_kind(question.kind)) {
            if (choices) error(line_of(choices), subject, "« choices » ne s'emploie qu'avec single_choice et multiple_choice");
            return;
        }
        if (!choices || !choices.IsSequence() || choices.size() == 0) {
            error(line_of(node), subject, "une question à choix doit avoir une liste « choices » non vide");
            return;
        }
        std::set<std::string> seen;
        for (const auto& item : choices) {
            if (!expect_map(item, subject, "un choix {id, label}")) continue;
            check_keys(item, subject, {"id", "label"});
            Choice choice;
            choice.id = scalar(item, subject, "id", true).value_or("");
            if (!choice.id.empty() && !is_valid_id(choice.id) && choice.id.find(' ') != std::string::npos)
                error(line_of(item["id"]), subject, "identifiant de choix invalide « " + choice.id + " »");
            if (!choice.id.empty() && !seen.insert(choice.id).second)
                error(line_of(item["id"]), subject, "choix en double « " + choice.id + " »");
            choice.label = localized(item, subject + ", choix '" + choice.id + "'", "label", true);
            question.choices.push_back(std::move(choice));
        }
    }

    void read_fields(const YAML::Node& node, const std::string& subject, Question& question) {
        const YAML::Node fields = node["fields"];
        if (question.kind != QuestionKind::table && question.kind != QuestionKind::contact) {
            if (fields) error(line_of(fields), subject, "« fields » ne s'emploie qu'avec table et contact");
            return;
        }
        if (!fields) {
            if (question.kind == QuestionKind::table)
                error(line_of(node), subject, "un tableau doit avoir une liste « fields » (ses colonnes)");
            else
                question.fields = standard_contact_fields();
            return;
        }
        if (!fields.IsSequence() || fields.size() == 0) {
            error(line_of(fields), subject, "« fields » doit être une liste non vide");
            return;
        }
        std::set<std::string> seen;
        for (const auto& item : fields) {
            if (!expect_map(item, subject, "une colonne {id, label, kind}")) continue;
            check_keys(item, subject, {"id", "label", "kind"});
            Field field;
            field.id = scalar(item, subject, "id", true).value_or("");
            if (!field.id.empty() && !is_valid_id(field.id))
                error(line_of(item["id"]), subject, "identifiant de colonne invalide « " + field.id + " »");
            if (!field.id.empty() && !seen.insert(field.id).second)
                error(line_of(item["id"]), subject, "colonne en double « " + field.id + " »");
            field.label = localized(item, subject + ", colonne '" + field.id + "'", "label", true);
            if (auto kind_name = scalar(item, subject, "kind", false)) {
                auto kind = parse_question_kind(*kind_name);
                if (kind && is_field_kind(*kind)) field.kind = *kind;
                else
                    error(line_of(item["kind"]), subject,
                          "type de colonne « " + *kind_name + " » impossible (text, long_text, number, integer, yes_no, email, phone, date)");
            }
            question.fields.push_back(std::move(field));
        }
    }

    // ---- conditions ----------------------------------------------------------------------
    struct PendingCondition {
        const std::string* text;
        std::string subject;
        int line;
    };

    ConditionPtr compile(const PendingCondition& pending, const Questionnaire& q) {
        auto parsed = parse_condition(*pending.text);
        if (!parsed) {
            error(pending.line, pending.subject,
                  "condition « " + *pending.text + " » illisible, " + parsed.error().message.fr);
            return nullptr;
        }
        const auto problems = bind_condition(*parsed.value(), q);
        for (const std::string& problem : problems) error(pending.line, pending.subject, problem);
        return problems.empty() ? std::move(parsed.value()) : nullptr;
    }

    void bind_conditions(Questionnaire& q) {
        for (auto& part : q.parts)
            for (auto& section : part.sections) {
                if (!section.show_if_text.empty())
                    section.show_if = compile({&section.show_if_text, "section '" + section.id + "'",
                                               show_if_lines_[section.id]}, q);
                for (auto& question : section.questions)
                    if (!question.show_if_text.empty())
                        question.show_if = compile({&question.show_if_text, "question '" + question.id + "'",
                                                    show_if_lines_[question.id]}, q);
            }
    }

    // Cycle detection over "depends on": a question on its section and on the questions its
    // condition cites; a section on the questions its condition cites.
    void check_cycles(const Questionnaire& q) {
        const size_t sections = q.section_count();
        const size_t nodes = sections + q.question_count();
        std::vector<std::vector<size_t>> depends(nodes);
        auto add_condition = [&](size_t node, const Condition* condition) {
            if (!condition) return;
            std::vector<const Condition*> leaves;
            condition->collect_question_ids(leaves);
            for (const Condition* leaf : leaves)
                if (leaf->question_index >= 0) depends[node].push_back(sections + static_cast<size_t>(leaf->question_index));
        };
        for (const Section* section : q.sections()) add_condition(section->index, section->show_if.get());
        for (const Question* question : q.questions()) {
            depends[sections + question->index].push_back(question->section_index);
            add_condition(sections + question->index, question->show_if.get());
        }
        auto name = [&](size_t node) {
            return node < sections ? q.sections()[node]->id : q.questions()[node - sections]->id;
        };
        auto line = [&](size_t node) {
            return node < sections ? q.sections()[node]->line : q.questions()[node - sections]->line;
        };
        std::vector<int> state(nodes, 0);  // 0 new, 1 on stack, 2 done
        std::vector<size_t> stack;
        std::set<size_t> reported;
        std::function<void(size_t)> visit = [&](size_t node) {
            state[node] = 1;
            stack.push_back(node);
            for (size_t next : depends[node]) {
                if (state[next] == 1) {
                    auto start = std::find(stack.begin(), stack.end(), next);
                    if (reported.insert(next).second) {
                        std::string chain;
                        for (auto it = start; it != stack.end(); ++it) chain += name(*it) + " → ";
                        chain += name(next);
                        error(line(next), next < sections ? "section '" + name(next) + "'" : "question '" + name(next) + "'",
                              "conditions circulaires : " + chain);
                    }
                } else if (state[next] == 0) {
                    visit(next);
                }
            }
            stack.pop_back();
            state[node] = 2;
        };
        for (size_t node = 0; node < nodes; ++node)
            if (state[node] == 0) visit(node);
    }

    std::set<std::string> ids_;
    std::unordered_map<std::string, int> show_if_lines_;  // section or question id → line of its show_if
};

}  // namespace

LoadedDefinition load_definition(std::string_view yaml_text, const std::string& file_name) {
    return Loader(file_name).load(yaml_text);
}

LoadedDefinition load_definition_tree(const YAML::Node& root, const std::string& file_name) {
    return Loader(file_name).load_tree(root);
}

LoadedDefinition load_definition_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        LoadedDefinition result;
        result.errors.push_back(DefinitionError{path, 0, "", "fichier illisible ou introuvable"});
        return result;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return load_definition(buffer.str(), path);
}

}  // namespace cyberachat
