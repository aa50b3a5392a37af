#include "definition/purchase_question.hpp"

#include <yaml-cpp/yaml.h>

#include <regex>
#include <sstream>

#include "core/question_kind.hpp"
#include "core/utf8.hpp"
#include "definition/yaml_writer.hpp"

namespace cyberachat {
namespace {

constexpr size_t kMaxLabel = 500, kMaxHelp = 2000, kMaxRationale = 500, kMaxChoices = 50, kMaxChoiceLabel = 200;
constexpr size_t kMaxVersion = 60;  // as the extension format says

std::string trimmed(std::string text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

// A line of text for a label (no line breaks: labels are one line in the format).
std::string one_line(std::string text) {
    for (char& c : text)
        if (c == '\r' || c == '\n' || c == '\t') c = ' ';
    return trimmed(std::move(text));
}

void check_text(std::map<std::string, std::string>& errors, const char* field, const std::string& text, size_t max,
                bool required, const char* what) {
    if (!is_valid_utf8(text)) errors[field] = std::string(what) + " : le texte n'est pas en UTF-8.";
    else if (required && text.empty()) errors[field] = std::string(what) + " : obligatoire.";
    else if (longer_than(text, max)) errors[field] = std::string(what) + " : " + std::to_string(max) + " caractères au plus.";
}

YAML::Node localized(const std::string& fr, const std::string& en) {
    YAML::Node node;
    node["fr"] = fr;
    if (!en.empty()) node["en"] = en;
    return node;
}

struct ParsedChoice {
    std::string fr, en;
};

std::vector<ParsedChoice> parse_choices(const std::string& text, std::string& error) {
    std::vector<ParsedChoice> choices;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        line = trimmed(line);
        if (line.empty()) continue;
        ParsedChoice choice;
        if (const auto bar = line.find('|'); bar != std::string::npos) {
            choice.fr = trimmed(line.substr(0, bar));
            choice.en = trimmed(line.substr(bar + 1));
        } else {
            choice.fr = line;
        }
        if (choice.fr.empty()) {
            error = "Chaque ligne donne d'abord le libellé français (« Libellé | English label »).";
            return {};
        }
        if (longer_than(choice.fr, kMaxChoiceLabel) || longer_than(choice.en, kMaxChoiceLabel)) {
            error = "Un choix a " + std::to_string(kMaxChoiceLabel) + " caractères au plus.";
            return {};
        }
        for (const auto& other : choices)
            if (other.fr == choice.fr) {
                error = "Le choix « " + choice.fr + " » est donné deux fois.";
                return {};
            }
        choices.push_back(std::move(choice));
    }
    if (choices.size() < 2) error = "Donnez au moins deux choix, un par ligne.";
    else if (choices.size() > kMaxChoices) error = "Au plus " + std::to_string(kMaxChoices) + " choix.";
    return choices;
}

// The condition the form offers: "<id> == <value>" on a yes/no or choice question of `base`.
bool valid_condition(const Questionnaire& base, const std::string& condition) {
    const auto at = condition.find(" == ");
    if (at == std::string::npos) return false;
    const Question* question = base.find_question(condition.substr(0, at));
    const std::string value = condition.substr(at + 4);
    if (!question) return false;
    if (question->kind == QuestionKind::yes_no) return value == "oui" || value == "non";
    if (question->kind == QuestionKind::single_choice || question->kind == QuestionKind::multiple_choice)
        for (const auto& choice : question->choices)
            if (choice.id == value) return true;
    return false;
}

// The purchase's next version: "<its base version>-achat<id>.<n>", n one more than the last.
std::string next_version(const std::string& current, std::int64_t acquisition_id, int attempt) {
    const std::regex own("^(.*)-achat" + std::to_string(acquisition_id) + "\\.([0-9]{1,6})$");
    std::smatch match;
    std::string base = current;
    long number = 0;
    if (std::regex_match(current, match, own)) {
        base = match[1].str();
        number = std::stol(match[2].str());
    }
    return base + "-achat" + std::to_string(acquisition_id) + "." + std::to_string(number + 1 + attempt);
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& purchase_question_kinds() {
    static const std::vector<std::pair<std::string, std::string>> kinds = {
        {"yes_no", "Oui / Non"},
        {"text", "Texte court"},
        {"long_text", "Texte long"},
        {"number", "Nombre"},
        {"integer", "Nombre entier"},
        {"date", "Date"},
        {"email", "Adresse électronique"},
        {"phone", "Téléphone"},
        {"single_choice", "Un choix dans une liste"},
        {"multiple_choice", "Plusieurs choix dans une liste"},
        {"document", "Document (fichier)"},
    };
    return kinds;
}

PurchaseQuestionExtension write_purchase_question(const Questionnaire& base, std::int64_t acquisition_id,
                                                  const PurchaseQuestionDraft& input, int attempt) {
    PurchaseQuestionExtension out;
    auto& errors = out.errors;
    PurchaseQuestionDraft draft = input;
    draft.label_fr = one_line(draft.label_fr);
    draft.label_en = one_line(draft.label_en);
    draft.help_fr = trimmed(draft.help_fr);
    draft.help_en = trimmed(draft.help_en);
    draft.rationale_fr = one_line(draft.rationale_fr);
    draft.rationale_en = one_line(draft.rationale_en);
    draft.weight = trimmed(draft.weight);

    // Where.
    YAML::Node placement;
    if (draft.position.rfind("after:", 0) == 0) {
        if (!base.find_question(draft.position.substr(6))) errors["position"] = "Cette question n'existe pas dans le questionnaire de l'achat.";
        else placement["after"] = draft.position.substr(6);
    } else if (draft.position.rfind("first:", 0) == 0 || draft.position.rfind("last:", 0) == 0) {
        const bool first = draft.position[0] == 'f';
        const std::string section = draft.position.substr(first ? 6 : 5);
        if (!base.find_section(section)) errors["position"] = "Cette section n'existe pas dans le questionnaire de l'achat.";
        else {
            placement["section"] = section;
            placement["position"] = first ? "first" : "last";
        }
    } else {
        errors["position"] = "Choisissez où placer la question.";
    }

    // What.
    bool known_kind = false;
    for (const auto& [name, label] : purchase_question_kinds()) known_kind = known_kind || name == draft.kind;
    if (!known_kind) errors["kind"] = "Choisissez un type de réponse dans la liste.";
    check_text(errors, "label_fr", draft.label_fr, kMaxLabel, true, "Libellé en français");
    check_text(errors, "label_en", draft.label_en, kMaxLabel, false, "Libellé en anglais");
    check_text(errors, "help_fr", draft.help_fr, kMaxHelp, false, "Note en français");
    check_text(errors, "help_en", draft.help_en, kMaxHelp, false, "Note en anglais");
    if (!draft.help_en.empty() && draft.help_fr.empty()) errors["help_fr"] = "Donnez la note en français (l'anglais la complète).";
    const bool choice_kind = draft.kind == "single_choice" || draft.kind == "multiple_choice";
    std::vector<ParsedChoice> choices;
    if (choice_kind) {
        std::string error;
        if (!is_valid_utf8(draft.choices)) error = "Le texte n'est pas en UTF-8.";
        else choices = parse_choices(draft.choices, error);
        if (!error.empty()) errors["choices"] = error;
    }
    if (!draft.condition.empty() && !valid_condition(base, draft.condition))
        errors["condition"] = "Choisissez la condition dans la liste (une question Oui / Non ou à choix de l'achat).";

    // The grid rule.
    long weight = 1;
    if (!draft.rule.empty()) {
        if (draft.rule != "oui" && draft.rule != "non" && draft.rule != "answered")
            errors["rule"] = "Choisissez la règle dans la liste.";
        else if (draft.rule != "answered" && draft.kind != "yes_no")
            errors["rule"] = "« Favorable si Oui / Non » ne vaut que pour une question Oui / Non.";
        try {
            size_t used = 0;
            weight = std::stol(draft.weight, &used);
            if (used != draft.weight.size() || weight < 1 || weight > 100) throw std::invalid_argument("weight");
        } catch (const std::exception&) {
            errors["weight"] = "Le poids est un nombre entier de 1 à 100.";
        }
        if (draft.severity != "info" && draft.severity != "minor" && draft.severity != "major" && draft.severity != "critical")
            errors["severity"] = "Choisissez la gravité dans la liste.";
        check_text(errors, "rationale_fr", draft.rationale_fr, kMaxRationale, true, "Justification de la règle");
        check_text(errors, "rationale_en", draft.rationale_en, kMaxRationale, false, "Justification en anglais");
    }

    // Its id, and the purchase's new version.
    const std::string prefix = "achat" + std::to_string(acquisition_id) + ".q";
    for (int n = 1;; ++n)
        if (!base.find_question(prefix + std::to_string(n)) && !base.find_section(prefix + std::to_string(n))) {
            out.question_id = prefix + std::to_string(n);
            break;
        }
    out.version = next_version(base.version, acquisition_id, attempt);
    if (out.version.size() > kMaxVersion)
        errors["position"] = "Le numéro de version du questionnaire de l'achat est trop long pour y ajouter une question.";
    if (!errors.empty()) return out;

    YAML::Node root;
    root["extension"]["extends"]["questionnaire"] = base.id;
    root["extension"]["extends"]["version"] = base.version;
    root["extension"]["version"] = out.version;
    root["extension"]["description"]["fr"] = "Question propre à l'achat : " + draft.label_fr;
    YAML::Node question;
    question["id"] = out.question_id;
    question["kind"] = draft.kind;
    question["label"] = localized(draft.label_fr, draft.label_en);
    question["required"] = draft.required;
    if (!draft.condition.empty()) question["show_if"] = draft.condition;
    if (!draft.help_fr.empty()) question["help"] = localized(draft.help_fr, draft.help_en);
    for (size_t i = 0; i < choices.size(); ++i) {
        YAML::Node choice;
        choice["id"] = "choix" + std::to_string(i + 1);
        choice["label"] = localized(choices[i].fr, choices[i].en);
        question["choices"].push_back(choice);
    }
    placement["questions"].push_back(question);
    root["add_questions"].push_back(placement);
    if (!draft.rule.empty()) {
        YAML::Node rule;
        rule["question"] = out.question_id;
        if (draft.rule != "answered") rule["favourable"] = draft.rule;
        rule["weight"] = weight;
        rule["severity"] = draft.severity;
        rule["rationale"] = localized(draft.rationale_fr, draft.rationale_en);
        root["grid"]["rules"].push_back(rule);
    }
    out.yaml = definition_detail::write_yaml(root, "A question of purchase " + std::to_string(acquisition_id) +
                                                       " alone, added on its page.");
    return out;
}

}  // namespace cyberachat
