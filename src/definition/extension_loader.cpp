#include "definition/extension_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <initializer_list>
#include <map>
#include <memory>
#include <set>

#include "core/condition_parser.hpp"
#include "definition/definition_loader.hpp"
#include "definition/grid_loader.hpp"
#include "definition/yaml_reader.hpp"
#include "definition/yaml_writer.hpp"

namespace cyberachat {
namespace {

using namespace definition_detail;

// A node of a tree, held so that it can move in a list: YAML::Node's own assignment writes into
// the node it refers to (that is how yaml-cpp edits a tree), so a list of YAML::Node must never
// assign one element over another, as inserting and erasing do.
class NodeRef {
public:
    NodeRef(const YAML::Node& node) : node_(std::make_shared<YAML::Node>(node)) {}  // NOLINT: implicit on purpose
    YAML::Node& operator*() const { return *node_; }

private:
    std::shared_ptr<YAML::Node> node_;
};

// The overlay's view of a questionnaire tree: its nodes, in order, with their ids; sections and
// questions move in these lists, then the lists become the tree's `sections:` and `questions:`.
struct QuestionSlot {
    NodeRef node;
    std::string id;
};
struct SectionSlot {
    NodeRef node;
    std::string id;
    std::vector<QuestionSlot> questions;
    bool listed = true;  // its `questions:` is a list (else it is left as written, for the loader to report)
};
struct PartSlot {
    NodeRef node;
    std::string id;
    std::vector<SectionSlot> sections;
};
struct RuleSlot {
    NodeRef node;
    std::string question;
    bool from_base = false;
};

// node[key] as text when it is one, else "" (never adds the key: `node` is const).
std::string text_at(const YAML::Node& node, const char* key) {
    if (!node || !node.IsMap()) return {};
    const YAML::Node value = node[key];
    return value && value.IsScalar() ? value.Scalar() : std::string();
}

// The question ids a condition cites (none when it does not parse: the loader reports it).
std::set<std::string> cited_ids(const std::string& text) {
    std::set<std::string> ids;
    if (text.empty()) return ids;
    auto parsed = parse_condition(text);
    if (!parsed) return ids;
    std::vector<const Condition*> leaves;
    parsed.value()->collect_question_ids(leaves);
    for (const Condition* leaf : leaves) ids.insert(leaf->question_id);
    return ids;
}

std::string quoted_list(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "« " : ", « ") + item + " »";
    return out;
}

class Composer : YamlReader {
public:
    Composer(std::string file, const BaseDefinitionFinder& find_base)
        : YamlReader(std::move(file)), find_base_(find_base) {}

    ComposedDefinition compose(std::string_view text) {
        ComposedDefinition out;
        if (const auto root = parse(text, kMaxComposedDefinitionBytes)) {
            guarded([&] {
                if (root->IsMap() && (*root)["extension"]) compose_extension(*root, text, out);
                else compose_whole(*root, text, out);
            });
        }
        if (out.extension)
            std::stable_sort(errors_.begin(), errors_.end(),
                             [](const DefinitionError& a, const DefinitionError& b) { return a.line < b.line; });
        out.errors = std::move(errors_);
        if (!out.errors.empty()) out.definition = {};
        return out;
    }

private:
    // ---- a whole definition ----------------------------------------------------------------
    void compose_whole(const YAML::Node& root, std::string_view text, ComposedDefinition& out) {
        const bool with_grid = root.IsMap() && root["scoring_grid"];
        if (!with_grid) {  // kept as written, comments included
            LoadedDefinition loaded = load_definition_tree(root, file_);
            take(std::move(loaded.errors));
            out.definition.questionnaire = loaded.questionnaire;
            out.definition.questionnaire_yaml = std::string(text);
            return;
        }
        YAML::Node questionnaire(YAML::NodeType::Map);
        for (const auto& item : root)
            if (!(item.first.IsScalar() && item.first.Scalar() == "scoring_grid"))
                questionnaire.force_insert(item.first, item.second);
        const YAML::Node grid = root["scoring_grid"];
        LoadedDefinition loaded = load_definition_tree(questionnaire, file_);
        take(std::move(loaded.errors));
        if (!loaded.ok()) return;
        take(load_grid_tree(grid, file_, *loaded.questionnaire).errors);
        if (!errors_.empty()) return;
        reload(out, write_yaml(questionnaire, "Écrit par Cyberachat : le questionnaire d'un fichier qui portait aussi sa grille."),
               write_yaml(grid, "Écrit par Cyberachat : la grille (scoring_grid) du fichier d'un questionnaire."));
    }

    // ---- an extension ------------------------------------------------------------------------
    void compose_extension(const YAML::Node& root, std::string_view text, ComposedDefinition& out) {
        check_keys(root, "", {"extension", "add_sections", "add_questions", "change_questions", "change_sections", "grid"});
        const YAML::Node header = root["extension"];
        if (!expect_map(header, "", "« extension »")) return;
        check_keys(header, "extension", {"extends", "version", "title", "description"});
        const YAML::Node extends = header["extends"];
        if (!extends) {
            error(line_of(header), "extension",
                  "clé « extends » manquante : le questionnaire complété et sa version, par exemple "
                  "extends: {questionnaire: afib, version: \"2024.3\"}");
            return;
        }
        if (!expect_map(extends, "extension", "« extends »")) return;
        check_keys(extends, "extension.extends", {"questionnaire", "version"});
        const auto base_id = scalar(extends, "extension.extends", "questionnaire", true);
        const auto base_version = scalar(extends, "extension.extends", "version", true);
        const auto version = scalar(header, "extension", "version", true);
        bool title = false;  // a new title, well written
        if (header["title"]) {
            const size_t before = errors_.size();
            localized(header, "extension", "title", true);
            title = errors_.size() == before;
        }
        out.description = localized(header, "extension", "description", false);
        if (!base_id || !base_version || !version) return;
        out.extension = true;
        out.base_questionnaire_id = *base_id;
        out.base_version = *base_version;
        extends_line_ = line_of(extends);
        check_version(*version, *base_version, line_of(header["version"]));

        std::optional<QuestionnaireDefinition> base;
        if (find_base_) base = find_base_(*base_id, *base_version);
        if (!base || !base->questionnaire) {
            error(extends_line_, "extension",
                  "questionnaire de base introuvable : « " + *base_id + " » en version « " + *base_version +
                      " » n'est pas dans la bibliothèque");
            return;
        }
        base_offset_ = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
        auto base_root = parse_base(base->questionnaire_yaml);
        std::optional<YAML::Node> base_grid;
        if (base_root && base->grid) {
            base_grid = parse_base(base->grid_yaml);
            if (!base_grid) base_root.reset();
        }
        if (!base_root || !read_base(*base_root)) {
            error(extends_line_, "extension",
                  "le questionnaire de base « " + *base_id + " » version « " + *base_version + " » ne se relit pas");
            return;
        }

        for_each_entry(root, "add_sections", [&](const YAML::Node& entry) { add_section(entry); });
        for_each_entry(root, "add_questions", [&](const YAML::Node& entry) { add_questions(entry); });
        for_each_entry(root, "change_questions", [&](const YAML::Node& entry) { change_question(entry); });
        for_each_entry(root, "change_sections", [&](const YAML::Node& entry) { change_section(entry); });
        if (base_grid) read_base_rules(*base_grid);
        read_added_rules(root);
        hide_questions();

        // The merged trees: the base's, with its lists rebuilt, its version and title replaced.
        YAML::Node merged = *base_root;
        write_back_lists(merged);
        YAML::Node questionnaire_header = (*base_root)["questionnaire"];
        questionnaire_header["version"] = header["version"];
        if (title) questionnaire_header["title"] = header["title"];
        LoadedDefinition loaded = load_definition_tree(merged, file_);
        take(std::move(loaded.errors), "le questionnaire de base");
        std::optional<YAML::Node> grid;
        if (!rules_.empty()) grid = merged_grid(base_grid, *base_id, *version, loaded);
        if (grid && loaded.ok()) take(load_grid_tree(*grid, file_, *loaded.questionnaire).errors, "la grille de base");
        if (!errors_.empty() || !loaded.ok()) return;
        const std::string composed = "la version « " + *base_version + " » complétée par une extension\n"
                                     "(docs/questionnaire-format.md, « Extensions »). Écrit par Cyberachat.";
        reload(out, write_yaml(merged, "Questionnaire « " + *base_id + " » version « " + *version + " » : " + composed),
               grid ? write_yaml(*grid, "Grille d'évaluation du questionnaire « " + *base_id + " » version « " + *version +
                                            " » : " + composed)
                    : std::string());
    }

    void check_version(const std::string& version, const std::string& base_version, int line) {
        if (version.empty()) {
            error(line, "extension", "version vide : une extension porte sa propre version, par exemple « " + base_version + "-chu.1 »");
            return;
        }
        if (version == base_version)
            error(line, "extension",
                  "la version « " + version + " » est celle du questionnaire de base : une extension porte sa propre "
                  "version, par exemple « " + base_version + "-chu.1 »");
        const bool control = std::any_of(version.begin(), version.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
        if (version.size() > 60 || control || version.front() == ' ' || version.back() == ' ')
            error(line, "extension",
                  "version « " + version + " » invalide : une ligne de 60 caractères au plus, sans espace au début ni à la fin");
    }

    // The base's text, as a tree whose lines all come after the extension's (base_offset_ blank
    // lines first): a mistake the loader finds on a node of the base is told apart (take()).
    std::optional<YAML::Node> parse_base(std::string_view text) const {
        if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
        try {
            YAML::Node root = YAML::Load(std::string(static_cast<size_t>(base_offset_), '\n') + std::string(text));
            if (shape_problem(root, kMaxYamlDepth)) return std::nullopt;
            return root;
        } catch (const YAML::Exception&) {
            return std::nullopt;
        }
    }

    bool read_base(const YAML::Node& root) {
        if (!root.IsMap() || !root["parts"] || !root["parts"].IsSequence()) return false;
        if (const YAML::Node content = root["content"]; content && content.IsSequence())
            for (const auto& text : content) base_ids_.insert(text_at(text, "id"));
        for (const auto& part_node : root["parts"]) {
            PartSlot part{part_node, text_at(part_node, "id"), {}};
            const YAML::Node sections = part_node.IsMap() ? part_node["sections"] : YAML::Node();
            if (part.id.empty() || !sections || !sections.IsSequence()) return false;
            base_ids_.insert(part.id);
            for (const auto& section_node : sections) {
                SectionSlot section = slot_section(section_node);
                if (section.id.empty() || !section.listed) return false;
                base_ids_.insert(section.id);
                for (const QuestionSlot& question : section.questions) base_ids_.insert(question.id);
                part.sections.push_back(std::move(section));
            }
            parts_.push_back(std::move(part));
        }
        return true;
    }

    static SectionSlot slot_section(const YAML::Node& node) {
        SectionSlot section{node, text_at(node, "id"), {}, false};
        const YAML::Node questions = node.IsMap() ? node["questions"] : YAML::Node();
        if (questions && questions.IsSequence() && questions.size() > 0) {
            section.listed = true;
            for (const auto& question : questions) section.questions.push_back({question, text_at(question, "id")});
        }
        return section;
    }

    template <typename Apply>
    void for_each_entry(const YAML::Node& root, const char* key, Apply&& apply) {
        const YAML::Node list = root[key];
        if (!list) return;
        if (!list.IsSequence() || list.size() == 0) {
            error(line_of(list), "",
                  std::string("« ") + key + " » doit être une liste non vide (chaque élément commence par « - »)");
            return;
        }
        for (const auto& entry : list)
            if (expect_map(entry, key, "un élément de « " + std::string(key) + " »")) apply(entry);
    }

    // ---- finding ids -------------------------------------------------------------------------
    struct SectionPlace {
        PartSlot* part = nullptr;
        size_t index = 0;
    };
    struct QuestionPlace {
        SectionSlot* section = nullptr;
        size_t index = 0;
    };

    std::optional<SectionPlace> find_section(const std::string& id) {
        for (PartSlot& part : parts_)
            for (size_t i = 0; i < part.sections.size(); ++i)
                if (part.sections[i].id == id) return SectionPlace{&part, i};
        return std::nullopt;
    }

    std::optional<QuestionPlace> find_question(const std::string& id) {
        for (PartSlot& part : parts_)
            for (SectionSlot& section : part.sections)
                for (size_t i = 0; i < section.questions.size(); ++i)
                    if (section.questions[i].id == id) return QuestionPlace{&section, i};
        return std::nullopt;
    }

    PartSlot* find_part(const std::string& id) {
        for (PartSlot& part : parts_)
            if (part.id == id) return &part;
        return nullptr;
    }

    // What `id` is when it is not what was looked for: " ; « x » est une question…" or "".
    std::string what_else(const std::string& id) {
        if (find_question(id)) return " ; « " + id + " » est une question";
        if (find_section(id)) return " ; « " + id + " » est une section";
        if (find_part(id)) return " ; « " + id + " » est une partie";
        return "";
    }

    std::string part_ids() const {
        std::vector<std::string> ids;
        for (const PartSlot& part : parts_) ids.push_back(part.id);
        return quoted_list(ids);
    }

    // `position: first|last` (default last): 0 or `size`; nullopt when misspelt (reported).
    std::optional<size_t> read_position(const YAML::Node& entry, const std::string& subject, size_t size) {
        const auto position = scalar(entry, subject, "position", false);
        if (!position || *position == "last") return size;
        if (*position == "first") return 0;
        error(line_of(entry["position"]), subject, "« position » vaut first (en tête) ou last (à la fin), pas « " + *position + " »");
        return std::nullopt;
    }

    // An added section's or question's id: not one of the base's (the loader finds the duplicates
    // among the added ones, on the second one's line).
    bool new_id(const YAML::Node& node, const std::string& id, const std::string& what) {
        if (id.empty() || !base_ids_.count(id)) return true;
        error(line_of(node["id"]), what + " '" + id + "'",
              "identifiant déjà employé dans le questionnaire de base : choisissez-en un nouveau, "
              "par exemple préfixé du nom de l'établissement (« chu." + id.substr(id.rfind('.') + 1) + " »)");
        return false;
    }

    // ---- add_sections ------------------------------------------------------------------------
    void add_section(const YAML::Node& entry) {
        const YAML::Node node = entry["section"];
        const std::string id = text_at(node, "id");
        const std::string subject = id.empty() ? "add_sections" : "section '" + id + "'";
        check_keys(entry, subject, {"after", "part", "position", "section"});
        if (!node) {
            error(line_of(entry), subject, "clé « section » manquante : la section ajoutée, {id, title, questions}");
            return;
        }
        if (!expect_map(node, subject, "« section »")) return;
        const auto place = section_place(entry, subject);
        if (!place || !new_id(node, id, "section")) return;
        SectionSlot section = slot_section(node);
        std::vector<QuestionSlot> kept;
        for (QuestionSlot& question : section.questions)
            if (new_id(*question.node, question.id, "question")) kept.push_back(std::move(question));
        section.questions = std::move(kept);
        place->part->sections.insert(place->part->sections.begin() + static_cast<std::ptrdiff_t>(place->index),
                                     std::move(section));
    }

    // Where an entry puts what it adds: `after: ID`, or `<container_key>: ID` with `position`.
    // nullopt with the mistake reported when it names neither, both, or not as a text.
    struct Placement {
        std::string id;
        bool after = false;
        int line = 0;
    };
    std::optional<Placement> read_placement(const YAML::Node& entry, const std::string& subject,
                                            const std::string& container_key, const std::string& missing) {
        const bool after = static_cast<bool>(entry["after"]);
        const bool container = static_cast<bool>(entry[container_key]);
        if (after == container) {
            error(line_of(entry), subject, after ? "« after » ou « " + container_key + " », pas les deux" : missing);
            return std::nullopt;
        }
        if (after && entry["position"])
            error(line_of(entry["position"]), subject, "« position » s'emploie avec « " + container_key + " », pas avec « after »");
        const std::string key = after ? "after" : container_key;
        const auto id = scalar(entry, subject, key, true);
        if (!id) return std::nullopt;
        return Placement{*id, after, line_of(entry[key])};
    }

    static std::string unknown(const char* what, const std::string& id) {
        return std::string(what) + " inconnue « " + id + " » (ni dans le questionnaire de base, ni ajoutée plus haut)";
    }

    std::optional<SectionPlace> section_place(const YAML::Node& entry, const std::string& subject) {
        const auto placement = read_placement(
            entry, subject, "part",
            "indiquez où placer la section : « after: » suivi de l'id d'une section, ou « part: » suivi de l'id d'une partie");
        if (!placement) return std::nullopt;
        const std::string& id = placement->id;
        if (placement->after) {
            if (auto found = find_section(id)) return SectionPlace{found->part, found->index + 1};
            error(placement->line, subject,
                  unknown("section", id) + what_else(id) +
                      (find_part(id) ? " : pour placer la section à la fin d'une partie, écrivez part: " + id : ""));
            return std::nullopt;
        }
        PartSlot* found = find_part(id);
        if (!found) {
            error(placement->line, subject, "partie inconnue « " + id + " » (parties : " + part_ids() + ")");
            return std::nullopt;
        }
        const auto index = read_position(entry, subject, found->sections.size());
        if (!index) return std::nullopt;
        return SectionPlace{found, *index};
    }

    // ---- add_questions -----------------------------------------------------------------------
    void add_questions(const YAML::Node& entry) {
        const std::string subject = "add_questions";
        check_keys(entry, subject, {"after", "section", "position", "questions"});
        const YAML::Node questions = entry["questions"];
        if (!questions || !questions.IsSequence() || questions.size() == 0) {
            error(line_of(questions ? questions : entry), subject,
                  "« questions » doit être une liste non vide des questions ajoutées (chacune {id, kind, label…})");
            return;
        }
        const auto place = question_place(entry, subject);
        if (!place) return;
        std::vector<QuestionSlot> added;
        for (const auto& node : questions) {
            const std::string id = text_at(node, "id");
            if (new_id(node, id, "question")) added.push_back({node, id});
        }
        auto& list = place->section->questions;
        list.insert(list.begin() + static_cast<std::ptrdiff_t>(place->index), added.begin(), added.end());
    }

    std::optional<QuestionPlace> question_place(const YAML::Node& entry, const std::string& subject) {
        const auto placement = read_placement(entry, subject, "section",
                                              "indiquez où placer les questions : « after: » suivi de l'id d'une question, "
                                              "ou « section: » suivi de l'id d'une section (avec position: first ou last)");
        if (!placement) return std::nullopt;
        const std::string& id = placement->id;
        if (placement->after) {
            if (auto found = find_question(id)) return QuestionPlace{found->section, found->index + 1};
            error(placement->line, subject,
                  unknown("question", id) + what_else(id) +
                      (find_section(id) ? " : pour ajouter en tête ou à la fin d'une section, écrivez section: " + id +
                                              " (et position: first ou last)"
                                        : ""));
            return std::nullopt;
        }
        const auto found = find_section(id);
        if (!found) {
            error(placement->line, subject, unknown("section", id) + what_else(id));
            return std::nullopt;
        }
        SectionSlot& target = found->part->sections[found->index];
        if (!target.listed) return std::nullopt;  // its own list is wrong: the loader says so
        const auto index = read_position(entry, subject, target.questions.size());
        if (!index) return std::nullopt;
        return QuestionPlace{&target, *index};
    }

    // ---- change_questions, change_sections -----------------------------------------------------
    // The question or section an entry of `list` changes (`keys`: "question" or "section", then
    // what it may change): its id, when it is known, not changed by an earlier entry, and given
    // something to change; else nullopt with the mistake reported. `elsewhere`: where the other
    // kind of thing is changed, told when the id is one.
    std::optional<std::string> change_target(const YAML::Node& entry, const std::string& list,
                                             std::initializer_list<const char*> keys, const std::string& elsewhere) {
        const std::string what = *keys.begin();
        const auto id = scalar(entry, list, what, true);
        const std::string subject = id ? what + " '" + *id + "'" : list;
        check_keys(entry, subject, keys);
        if (!id) return std::nullopt;
        const bool question = what == "question";
        if (!(question ? find_question(*id).has_value() : find_section(*id).has_value())) {
            const bool other = question ? find_section(*id).has_value() : find_question(*id).has_value();
            error(line_of(entry[what]), subject, what + " inconnue « " + *id + " »" + what_else(*id) + (other ? elsewhere : ""));
            return std::nullopt;
        }
        if (!changed_.insert(what + " " + *id).second) {
            error(line_of(entry[what]), subject, "deuxième changement de la même " + what + " : regroupez-les en un seul");
            return std::nullopt;
        }
        std::string changes;
        bool any = false;
        for (auto key = keys.begin() + 1; key != keys.end(); ++key) {
            any = any || entry[*key];
            changes += (changes.empty() ? "" : key + 1 == keys.end() ? " ou " : ", ") + std::string(*key);
        }
        if (!any) {
            error(line_of(entry), subject, "rien à changer : indiquez " + changes);
            return std::nullopt;
        }
        return id;
    }

    void change_question(const YAML::Node& entry) {
        const auto id = change_target(entry, "change_questions", {"question", "required", "help", "hidden"},
                                      " : la note d'une section se change dans change_sections");
        if (!id) return;
        const std::string subject = "question '" + *id + "'";
        const auto found = find_question(*id);
        YAML::Node question = *found->section->questions[found->index].node;
        if (const YAML::Node required = entry["required"]) {
            if (boolean(required, subject, "required")) question["required"] = required;
        }
        if (const YAML::Node help = entry["help"]) {
            const size_t before = errors_.size();
            localized(entry, subject, "help", false);
            if (errors_.size() == before) question["help"] = help;
        }
        if (const YAML::Node hidden = entry["hidden"]) {
            if (auto value = boolean(hidden, subject, "hidden"); value && *value) hidden_[*id] = line_of(hidden);
        }
    }

    std::optional<bool> boolean(const YAML::Node& value, const std::string& subject, const char* key) {
        try {
            return value.as<bool>();
        } catch (const YAML::Exception&) {
            error(line_of(value), subject, std::string("« ") + key + " » doit valoir true ou false");
            return std::nullopt;
        }
    }

    void change_section(const YAML::Node& entry) {
        const auto id = change_target(entry, "change_sections", {"section", "note"},
                                      " : l'aide d'une question se change dans change_questions");
        if (!id) return;
        const size_t before = errors_.size();
        localized(entry, "section '" + *id + "'", "note", false);
        if (errors_.size() == before) {
            const auto found = find_section(*id);
            YAML::Node section = *found->part->sections[found->index].node;
            section["note"] = entry["note"];
        }
    }

    // ---- the grid ------------------------------------------------------------------------------
    void read_base_rules(const YAML::Node& grid) {
        const YAML::Node rules = grid.IsMap() ? grid["rules"] : YAML::Node();
        if (!rules || !rules.IsSequence()) return;
        for (const auto& rule : rules) rules_.push_back({rule, text_at(rule, "question"), true});
    }

    // An added rule on a question the base grid rules replaces that rule, in its place.
    void read_added_rules(const YAML::Node& root) {
        const YAML::Node grid = root["grid"];
        if (!grid) return;
        if (!expect_map(grid, "grid", "« grid »")) return;
        check_keys(grid, "grid", {"rules"});
        const YAML::Node rules = grid["rules"];
        if (!rules || !rules.IsSequence() || rules.size() == 0) {
            error(line_of(rules ? rules : grid), "grid", "« rules » doit être une liste non vide de règles (format de la grille)");
            return;
        }
        for (const auto& rule : rules) {
            const std::string question = text_at(rule, "question");
            auto replaced = std::find_if(rules_.begin(), rules_.end(), [&](const RuleSlot& slot) {
                return slot.from_base && !question.empty() && slot.question == question;
            });
            if (replaced != rules_.end()) *replaced = RuleSlot{rule, question, false};
            else rules_.push_back({rule, question, false});
        }
    }

    YAML::Node merged_grid(const std::optional<YAML::Node>& base_grid, const std::string& questionnaire_id,
                           const std::string& version, const LoadedDefinition& loaded) {
        YAML::Node header = base_grid ? YAML::Node((*base_grid)["grid"]) : YAML::Node(YAML::NodeType::Map);
        if (!base_grid) {
            header["id"] = questionnaire_id + "-grid";
            const LocalizedText title = loaded.questionnaire ? loaded.questionnaire->title : LocalizedText{};
            header["title"]["fr"] = "Grille d'évaluation — " + title.fr;
            if (!title.en.empty()) header["title"]["en"] = "Evaluation grid — " + title.en;
        }
        header["version"] = version;
        header["questionnaire"] = questionnaire_id;
        header["questionnaire_version"] = version;
        YAML::Node rules(YAML::NodeType::Sequence);
        for (const RuleSlot& rule : rules_) rules.push_back(*rule.node);
        YAML::Node grid(YAML::NodeType::Map);
        grid["grid"] = header;
        grid["rules"] = rules;
        return grid;
    }

    // ---- hidden questions --------------------------------------------------------------------
    // A hidden question leaves the tree, with the base grid's rule on it; a condition or a rule
    // that still cites it, or a section it would leave empty, is a mistake on the `hidden` line.
    void hide_questions() {
        for (PartSlot& part : parts_)
            for (SectionSlot& section : part.sections) {
                if (section.questions.empty()) continue;
                const bool all = std::all_of(section.questions.begin(), section.questions.end(),
                                             [&](const QuestionSlot& q) { return hidden_.count(q.id) > 0; });
                if (!all) continue;
                const QuestionSlot& last = section.questions.back();
                error(hidden_[last.id], "question '" + last.id + "'",
                      "masquer toutes les questions de la section « " + section.id +
                          " » la laisserait vide : une section garde au moins une question");
                for (const QuestionSlot& q : section.questions) hidden_.erase(q.id);
            }
        // Who cites what: conditions of sections and questions, and of the grid's rules.
        struct Citer {
            std::string description;
            std::string question;  // the question it belongs to ("" for a section): hidden with it
            std::set<std::string> cites;
        };
        std::vector<Citer> citers;
        for (const PartSlot& part : parts_)
            for (const SectionSlot& section : part.sections) {
                citers.push_back({"la condition de la section « " + section.id + " »", "",
                                  cited_ids(text_at(*section.node, "show_if"))});
                for (const QuestionSlot& q : section.questions)
                    citers.push_back({"la condition de la question « " + q.id + " »", q.id, cited_ids(text_at(*q.node, "show_if"))});
            }
        for (const RuleSlot& rule : rules_) {
            std::set<std::string> cites = cited_ids(text_at(*rule.node, "favourable_if"));
            cites.merge(cited_ids(text_at(*rule.node, "unfavourable_if")));
            citers.push_back({"la règle de la grille sur « " + rule.question + " »", rule.question, std::move(cites)});
        }
        for (bool changed = true; changed;) {
            changed = false;
            std::map<std::string, std::vector<std::string>> refused;  // hidden id → who cites it
            for (const Citer& citer : citers)
                if (citer.question.empty() || !hidden_.count(citer.question))
                    for (const std::string& id : citer.cites)
                        if (id != citer.question && hidden_.count(id)) refused[id].push_back(citer.description);
            for (const auto& [id, by] : refused) {
                error(hidden_[id], "question '" + id + "'", "ne peut pas être masquée : " + quoted_by(by) +
                                                                 (by.size() > 1 ? " la citent encore" : " la cite encore"));
                hidden_.erase(id);
                changed = true;
            }
        }
        for (auto it = rules_.begin(); it != rules_.end();) {
            if (!hidden_.count(it->question)) {
                ++it;
            } else if (it->from_base) {
                it = rules_.erase(it);
            } else {
                const YAML::Node& rule = *it->node;
                error(line_of(rule["question"]), "règle '" + it->question + "'",
                      "la question « " + it->question + " » est masquée par cette extension (ligne " +
                          std::to_string(hidden_[it->question]) + ") : elle ne peut pas être notée");
                it = rules_.erase(it);
            }
        }
        for (PartSlot& part : parts_)
            for (SectionSlot& section : part.sections)
                std::erase_if(section.questions, [&](const QuestionSlot& q) { return hidden_.count(q.id) > 0; });
    }

    static std::string quoted_by(const std::vector<std::string>& by) {
        std::string out;
        for (size_t i = 0; i < by.size(); ++i) out += (i == 0 ? "" : i + 1 == by.size() ? " et " : ", ") + by[i];
        return out;
    }

    // ---- output --------------------------------------------------------------------------------
    void write_back_lists(YAML::Node& root) {
        YAML::Node parts(YAML::NodeType::Sequence);
        for (PartSlot& part : parts_) {
            YAML::Node sections(YAML::NodeType::Sequence);
            for (SectionSlot& section : part.sections) {
                if (section.listed) {
                    YAML::Node questions(YAML::NodeType::Sequence);
                    for (const QuestionSlot& question : section.questions) questions.push_back(*question.node);
                    (*section.node)["questions"] = questions;
                }
                sections.push_back(*section.node);
            }
            (*part.node)["sections"] = sections;
            parts.push_back(*part.node);
        }
        root["parts"] = parts;
    }

    // The loader's mistakes; one on a node of the base (its line after base_offset_) is told as
    // such, on the `extends` line.
    void take(std::vector<DefinitionError> errors, const std::string& base_what = "") {
        for (DefinitionError& e : errors) {
            if (base_offset_ > 0 && e.line > base_offset_) {
                e.message = "dans " + base_what + " (ligne " + std::to_string(e.line - base_offset_) + ") : " + e.message;
                e.line = extends_line_;
            }
            errors_.push_back(std::move(e));
        }
    }

    // What is stored is the written text: the models are read back from it, so they are exactly
    // what loading the stored text gives.
    void reload(ComposedDefinition& out, const std::string& questionnaire_yaml, const std::string& grid_yaml) {
        LoadedDefinition questionnaire = load_definition(questionnaire_yaml, file_);
        if (!questionnaire.ok()) {
            error(0, "", "le questionnaire composé ne se relit pas (" + questionnaire.errors.front().to_string() + ")");
            return;
        }
        out.definition.questionnaire = questionnaire.questionnaire;
        out.definition.questionnaire_yaml = questionnaire_yaml;
        if (grid_yaml.empty()) return;
        LoadedGrid grid = load_grid(grid_yaml, file_, *questionnaire.questionnaire);
        if (!grid.ok()) {
            error(0, "", "la grille composée ne se relit pas (" + grid.errors.front().to_string() + ")");
            return;
        }
        out.definition.grid = grid.grid;
        out.definition.grid_id = grid.grid->id;
        out.definition.grid_version = grid.grid->version;
        out.definition.grid_yaml = grid_yaml;
    }

    const BaseDefinitionFinder& find_base_;
    int base_offset_ = 0;   // lines before the base's first line in its tree (0: no base)
    int extends_line_ = 0;
    std::set<std::string> base_ids_;
    std::vector<PartSlot> parts_;
    std::vector<RuleSlot> rules_;
    std::map<std::string, int> hidden_;  // question id → line of its `hidden: true`
    std::set<std::string> changed_;      // "question id" / "section id" already changed
};

}  // namespace

ComposedDefinition compose_definition(std::string_view text, const std::string& file_name,
                                      const BaseDefinitionFinder& find_base) {
    return Composer(file_name, find_base).compose(text);
}

}  // namespace cyberachat
