#pragma once
// Reading a hand-edited YAML file with every mistake reported by line, in French: the helpers
// shared by the questionnaire loader and the grid loader. Internal to src/definition.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/localized_text.hpp"
#include "definition/definition_error.hpp"
#include "definition/yaml_nesting.hpp"

namespace cyberachat::definition_detail {

// Lower-case letters, digits, '_', '-' and '.', starting with a letter; at most 120 characters.
inline bool is_valid_id(const std::string& id) {
    if (id.empty() || id.size() > 120 || !(id[0] >= 'a' && id[0] <= 'z')) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-')) return false;
    return true;
}

inline int line_of(const YAML::Node& node) { return node.Mark().is_null() ? 0 : node.Mark().line + 1; }

inline constexpr size_t kMaxYamlBytes = 8u * 1024 * 1024;
inline constexpr size_t kMaxYamlDepth = 32;
inline constexpr size_t kMaxYamlNodes = 1'000'000;  // aliases included: a "billion laughs" is refused

struct YamlShapeProblem {
    YAML::Node node;
    bool too_many_nodes = false;  // else too deep
};

// The first node found below `limit` levels of lists and maps, or past `max_nodes` nodes visited
// (aliases are visited each time they are used); nullopt when neither. Iterative (an explicit
// stack), so a hostile document cannot overflow the stack here either.
inline std::optional<YamlShapeProblem> shape_problem(const YAML::Node& root, size_t limit,
                                                     size_t max_nodes = kMaxYamlNodes) {
    std::vector<std::pair<YAML::Node, size_t>> pending{{root, 0}};
    size_t visited = 0;
    while (!pending.empty()) {
        auto [node, depth] = pending.back();
        pending.pop_back();
        if (++visited > max_nodes) return YamlShapeProblem{node, true};
        if (!node.IsSequence() && !node.IsMap()) continue;
        if (depth >= limit) return YamlShapeProblem{node, false};
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (node.IsMap()) {
                pending.emplace_back(it->first, depth + 1);
                pending.emplace_back(it->second, depth + 1);
            } else {
                pending.emplace_back(*it, depth + 1);
            }
        }
    }
    return std::nullopt;
}

class YamlReader {
public:
    explicit YamlReader(std::string file) : file_(std::move(file)) {}

protected:
    // The document, or nullopt with the syntax error recorded. Budgets: `max_bytes` of text,
    // kMaxYamlTextDepth levels measured on the text before yaml-cpp parses it (its parser recurses
    // once per level and stops only at 2,000, too deep for a worker thread's stack), then the
    // tree's own budgets (check_shape).
    std::optional<YAML::Node> parse(std::string_view text, size_t max_bytes = kMaxYamlBytes) {
        if (text.size() > max_bytes) {
            error(0, "", "fichier trop volumineux : " + std::to_string(max_bytes / (1024 * 1024)) + " Mo au plus");
            return std::nullopt;
        }
        if (const YamlNesting nesting = yaml_nesting_depth(text); nesting.depth > kMaxYamlTextDepth) {
            error(nesting.line, "", "structure trop imbriquée : " + std::to_string(kMaxYamlTextDepth) +
                                        " niveaux d'indentation et de crochets au plus");
            return std::nullopt;
        }
        try {
            YAML::Node root = YAML::Load(std::string(text));
            if (!check_shape(root)) return std::nullopt;
            return root;
        } catch (const YAML::DeepRecursion& e) {
            error(e.mark.is_null() ? 0 : e.mark.line + 1, "",
                  "structure trop imbriquée : " + std::to_string(kMaxYamlDepth) + " niveaux de listes et de tables au plus");
            return std::nullopt;
        } catch (const YAML::Exception& e) {
            error(e.mark.is_null() ? 0 : e.mark.line + 1, "", "YAML invalide : " + e.msg +
                  (e.mark.is_null() ? "" : " (colonne " + std::to_string(e.mark.column + 1) + ")"));
            return std::nullopt;
        }
    }

    // A parsed tree within kMaxYamlNodes nodes and kMaxYamlDepth levels of nested lists and maps
    // (the loaders walk it recursively); false with the problem recorded.
    bool check_shape(const YAML::Node& root) {
        const auto problem = shape_problem(root, kMaxYamlDepth);
        if (!problem) return true;
        error(line_of(problem->node), "",
              problem->too_many_nodes
                  ? "document trop grand : " + std::to_string(kMaxYamlNodes) + " éléments au plus (alias compris)"
                  : "structure trop imbriquée : " + std::to_string(kMaxYamlDepth) + " niveaux de listes et de tables au plus");
        return false;
    }

    // Runs `read` (which walks the document); a node of an unexpected shape becomes an error.
    template <typename Read>
    void guarded(Read&& read) {
        try {
            read();
        } catch (const YAML::Exception& e) {
            error(e.mark.is_null() ? 0 : e.mark.line + 1, "", std::string("structure YAML inattendue : ") + e.msg);
        }
    }

    void error(int line, std::string subject, std::string message) {
        errors_.push_back(DefinitionError{file_, line, std::move(subject), std::move(message)});
    }

    // A map key as text; a key that is itself a list or a map is reported and read as "".
    std::string key_text(const YAML::Node& key, const std::string& subject) {
        if (key.IsScalar()) return key.Scalar();
        error(line_of(key), subject, "clé invalide : une clé doit être un texte");
        return {};
    }

    // ---- scalars -------------------------------------------------------------------------
    std::optional<std::string> scalar(const YAML::Node& node, const std::string& subject, const std::string& key,
                                      bool mandatory) {
        const YAML::Node value = node[key];
        if (!value || value.IsNull()) {
            if (mandatory) error(line_of(node), subject, "clé « " + key + " » manquante");
            return std::nullopt;
        }
        if (!value.IsScalar()) {
            error(line_of(value), subject, "« " + key + " » doit être un texte");
            return std::nullopt;
        }
        return value.as<std::string>();
    }

    LocalizedText localized(const YAML::Node& node, const std::string& subject, const std::string& key,
                            bool mandatory) {
        LocalizedText text;
        const YAML::Node value = node[key];
        if (!value || value.IsNull()) {
            if (mandatory) error(line_of(node), subject, "clé « " + key + " » manquante (avec au moins « fr »)");
            return text;
        }
        if (value.IsScalar()) {  // a plain string is taken as French
            text.fr = value.as<std::string>();
        } else if (value.IsMap()) {
            for (const auto& item : value) {
                const std::string language = key_text(item.first, subject);
                if (language.empty()) continue;
                if (!item.second.IsScalar()) {
                    error(line_of(item.second), subject, "« " + key + "." + language + " » doit être un texte");
                    continue;
                }
                if (language == "fr") text.fr = item.second.as<std::string>();
                else if (language == "en") text.en = item.second.as<std::string>();
                else error(line_of(item.first), subject, "langue inconnue « " + language + " » dans « " + key + " » (fr ou en)");
            }
        } else {
            error(line_of(value), subject, "« " + key + " » doit être un texte ou {fr, en}");
            return text;
        }
        if (mandatory && text.fr.empty()) error(line_of(value), subject, "libellé français « " + key + ".fr » manquant");
        return text;
    }

    void check_keys(const YAML::Node& node, const std::string& subject, std::initializer_list<const char*> allowed) {
        for (const auto& item : node) {
            const std::string key = key_text(item.first, subject);
            if (key.empty()) continue;
            bool known = false;
            for (const char* name : allowed) known = known || key == name;
            if (!known) {
                std::string list;
                for (const char* name : allowed) list += (list.empty() ? "" : ", ") + std::string(name);
                error(line_of(item.first), subject, "clé inconnue « " + key + " » (clés possibles : " + list + ")");
            }
        }
    }

    bool expect_map(const YAML::Node& node, const std::string& subject, const std::string& what) {
        if (node && node.IsMap()) return true;
        error(line_of(node), subject, what + " : un dictionnaire (clé: valeur) est attendu");
        return false;
    }

    std::optional<double> number(const YAML::Node& node, const std::string& subject, const std::string& key) {
        const YAML::Node value = node[key];
        if (!value) return std::nullopt;
        try {
            return value.as<double>();
        } catch (const YAML::Exception&) {
            error(line_of(value), subject, "« " + key + " » doit être un nombre");
            return std::nullopt;
        }
    }

    std::string file_;
    std::vector<DefinitionError> errors_;
};

}  // namespace cyberachat::definition_detail
