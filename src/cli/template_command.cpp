// `cyberachat template check|show|eval`: work on a questionnaire definition.
#include <fstream>
#include <iterator>
#include <optional>
#include <iostream>
#include <sstream>

#include "core/text_format.hpp"
#include "cli/commands.hpp"
#include "core/bounded_json.hpp"
#include "core/engine.hpp"
#include "definition/builtin_definition.hpp"
#include "definition/builtin_questionnaire.hpp"
#include "definition/extension_loader.hpp"
#include "definition/grid_loader.hpp"
#include "outputs/flowchart/response_flowchart.hpp"
#include "outputs/json/questionnaire_json.hpp"

namespace cyberachat::cli {
namespace {

struct TemplateOptions {
    std::string file;
    std::string base;       // --base: the whole definition (or extension of the built-in one) FILE extends
    std::string base_grid;  // --base-grid: its grid, when its file does not carry one
    bool json = false;
    std::string answers;
    std::string part;
    std::string language = "fr";
};

void report(const std::vector<DefinitionError>& errors, const std::string& file) {
    for (const auto& error : errors) std::cerr << error.to_string() << "\n";
    std::cerr << count_with_noun(errors.size(), "erreur", "erreurs", Language::fr) << " dans " << file << "\n";
}

// The file's text, or nullopt with the error reported as a definition error.
std::optional<std::string> read_or_report(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        report({DefinitionError{path, 0, "", "fichier illisible ou introuvable"}}, path);
        return std::nullopt;
    }
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The built-in AFIB definition, when it is the base asked for.
std::optional<QuestionnaireDefinition> builtin_base(const std::string& id, const std::string& version) {
    QuestionnaireDefinition builtin = builtin_afib_definition();
    if (builtin.questionnaire->id != id || builtin.questionnaire->version != version) return std::nullopt;
    return builtin;
}

// --base FILE (a whole definition, perhaps with its scoring_grid, or an extension of the
// built-in one) and --base-grid FILE: the only base then offered to FILE.
std::optional<BaseDefinitionFinder> base_or_report(const TemplateOptions& options) {
    if (options.base.empty()) return BaseDefinitionFinder(builtin_base);
    auto text = read_or_report(options.base);
    if (!text) return std::nullopt;
    ComposedDefinition base = compose_definition(*text, options.base, builtin_base);
    if (!base.ok()) {
        report(base.errors, options.base);
        return std::nullopt;
    }
    if (!options.base_grid.empty()) {
        auto grid_text = read_or_report(options.base_grid);
        if (!grid_text) return std::nullopt;
        LoadedGrid grid = load_grid(*grid_text, options.base_grid, *base.definition.questionnaire);
        if (!grid.ok()) {
            report(grid.errors, options.base_grid);
            return std::nullopt;
        }
        base.definition.grid = grid.grid;
        base.definition.grid_id = grid.grid->id;
        base.definition.grid_version = grid.grid->version;
        base.definition.grid_yaml = std::move(*grid_text);
    }
    QuestionnaireDefinition definition = std::move(base.definition);
    return BaseDefinitionFinder([definition](const std::string& id,
                                             const std::string& version) -> std::optional<QuestionnaireDefinition> {
        if (definition.questionnaire->id != id || definition.questionnaire->version != version) return std::nullopt;
        return definition;
    });
}

// FILE — a whole definition or an extension (docs/questionnaire-format.md, "Extensions") — or the
// built-in AFIB questionnaire when FILE is empty; prints errors on stderr.
std::optional<ComposedDefinition> load_or_report(const TemplateOptions& options) {
    const std::string name = options.file.empty() ? kBuiltinAfibName : options.file;
    std::optional<std::string> text = options.file.empty() ? std::string(builtin_afib_yaml()) : read_or_report(options.file);
    if (!text) return std::nullopt;
    const auto finder = base_or_report(options);
    if (!finder) return std::nullopt;
    ComposedDefinition composed = compose_definition(*text, name, *finder);
    if (!composed.ok()) {
        report(composed.errors, name);
        return std::nullopt;
    }
    return composed;
}

std::shared_ptr<const Questionnaire> questionnaire_or_report(const TemplateOptions& options) {
    auto composed = load_or_report(options);
    return composed ? composed->definition.questionnaire : nullptr;
}

[[noreturn]] void finish(int code) { throw CLI::RuntimeError(code); }

void run_check(const TemplateOptions& options) {
    auto composed = load_or_report(options);
    if (!composed) finish(1);
    const Questionnaire& questionnaire = *composed->definition.questionnaire;
    std::cout << (options.file.empty() ? kBuiltinAfibName : options.file) << " : ";
    if (composed->extension)
        std::cout << "extension de « " << composed->base_questionnaire_id << " » version " << composed->base_version << " → ";
    std::cout << "questionnaire « " << questionnaire.id << " » version " << questionnaire.version << ", "
              << questionnaire.parts.size() << " parties, " << questionnaire.section_count() << " sections, "
              << questionnaire.question_count() << " questions";
    if (const auto& grid = composed->definition.grid)
        std::cout << ", grille « " << grid->id << " » version " << grid->version << " ("
                  << count_with_noun(grid->rules.size(), "règle", "règles", Language::fr) << ")";
    std::cout << " — aucune erreur.\n";
}

void run_show(const TemplateOptions& options) {
    auto questionnaire = questionnaire_or_report(options);
    if (!questionnaire) finish(1);
    if (options.json) {
        std::cout << questionnaire_json(*questionnaire).dump(2) << "\n";
        return;
    }
    for (const auto& part : questionnaire->parts) {
        std::cout << "# " << part.title.fr << " [" << part.id << "]\n";
        for (const auto& section : part.sections) {
            std::cout << "## " << section.title.fr << " [" << section.id << "]"
                      << (section.show_if_text.empty() ? "" : "  si " + section.show_if_text) << "\n";
            for (const auto& question : section.questions)
                std::cout << "- " << question.label.fr << " (" << question_kind_name(question.kind)
                          << (question.required ? "" : ", facultatif") << ") [" << question.id << "]"
                          << (question.show_if_text.empty() ? "" : "  si " + question.show_if_text) << "\n";
        }
    }
}

void run_eval(const TemplateOptions& options) {
    auto questionnaire = questionnaire_or_report(options);
    if (!questionnaire) finish(1);
    std::ifstream in(options.answers, std::ios::binary);
    if (!in) {
        std::cerr << "Fichier de réponses illisible : " << options.answers << "\n";
        finish(2);
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto parsed = parse_bounded_json(text);
    if (!parsed && parsed.error().code == ErrorCode::json_too_deep) {
        std::cerr << options.answers << " : " << parsed.error().message.fr << "\n";
        finish(2);
    }
    if (!parsed || !parsed->is_object()) {
        std::cerr << options.answers << " : JSON invalide ; attendu un objet {\"id_question\": valeur}\n";
        finish(2);
    }
    const nlohmann::json raw = std::move(parsed).value();
    AnswerSet answers;
    std::vector<InvalidAnswer> invalid;
    normalize_answers(*questionnaire, raw, answers, invalid);
    std::cout << evaluation_json(*questionnaire, evaluate(*questionnaire, answers), invalid).dump(2) << "\n";
}

// The part's flowchart, laid out from the definition, as an SVG file on standard output.
void run_flowchart(const TemplateOptions& options) {
    auto questionnaire = questionnaire_or_report(options);
    if (!questionnaire) finish(1);
    auto part = flowchart::find_part_index(*questionnaire, options.part);
    if (!part) {
        std::cerr << "Partie inconnue : « " << options.part << " ». Indiquez son numéro (1 à "
                  << questionnaire->parts.size() << ") ou son identifiant (";
        for (size_t i = 0; i < questionnaire->parts.size(); ++i) std::cerr << (i ? ", " : "") << questionnaire->parts[i].id;
        std::cerr << ").\n";
        finish(2);
    }
    if (options.language != "fr" && options.language != "en") {
        std::cerr << "Langue inconnue : « " << options.language << " » (fr ou en).\n";
        finish(2);
    }
    auto chart = flowchart::make_part_chart(questionnaire, *part, parse_language(options.language));
    if (!chart) {
        std::cerr << chart.error().message.fr << "\n";
        finish(1);
    }
    std::cout << flowchart::render_plain_svg(**chart, {}, true);
}

// FILE, and --base / --base-grid for an extension of something else than the built-in AFIB definition.
void add_definition_options(CLI::App* command, TemplateOptions& options, const char* file_help) {
    command->add_option("FILE", options.file, file_help);
    CLI::Option* base = command->add_option(
        "--base", options.base,
        "Si FILE est une extension : le questionnaire qu'elle complète (fichier YAML d'une définition complète), "
        "au lieu du questionnaire AFIB intégré");
    command->add_option("--base-grid", options.base_grid, "La grille de ce questionnaire de base (fichier YAML)")->needs(base);
}

}  // namespace

void register_template_command(CLI::App& app) {
    auto options = std::make_shared<TemplateOptions>();
    CLI::App* command = app.add_subcommand(
        "template", "Vérifier, afficher ou évaluer un questionnaire (par défaut le questionnaire AFIB intégré)");
    command->require_subcommand(1);

    CLI::App* check = command->add_subcommand(
        "check", "Valider FILE (par défaut le questionnaire AFIB intégré) ; code 0 si correct, 1 avec la liste des erreurs");
    add_definition_options(check, *options, "Fichier YAML du questionnaire, ou d'une extension");
    check->callback([options] { run_check(*options); });

    CLI::App* show = command->add_subcommand("show", "Afficher le questionnaire (texte, ou JSON avec --json)");
    show->add_flag("--json", options->json, "Sortie JSON : {id, version, parts:[{id, title, sections:[…]}]}");
    add_definition_options(show, *options, "Fichier YAML du questionnaire, ou d'une extension");
    show->callback([options] { run_show(*options); });

    CLI::App* eval = command->add_subcommand(
        "eval", "Évaluer des réponses : sections et questions visibles, réponses manquantes, progression");
    eval->add_option("--answers", options->answers, "Fichier JSON {id_question: valeur}")->required();
    add_definition_options(eval, *options, "Fichier YAML du questionnaire, ou d'une extension");
    eval->callback([options] { run_eval(*options); });

    CLI::App* chart = command->add_subcommand(
        "flowchart", "Dessiner le logigramme d'une partie (SVG sur la sortie standard) : cyberachat template flowchart --part 1 > partie1.svg");
    chart->add_option("--part", options->part, "Partie : son numéro (1 à 4) ou son identifiant")->required();
    chart->add_option("--lang", options->language, "Langue des libellés : fr (par défaut) ou en");
    add_definition_options(chart, *options,
                           "Fichier YAML du questionnaire ou d'une extension (par défaut le questionnaire AFIB intégré)");
    chart->callback([options] { run_flowchart(*options); });
}

}  // namespace cyberachat::cli
