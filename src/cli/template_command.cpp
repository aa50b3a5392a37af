// `cyberachat template check|show|eval`: work on a questionnaire definition.
#include <fstream>
#include <iterator>
#include <iostream>
#include <sstream>

#include "core/text_format.hpp"
#include "cli/commands.hpp"
#include "core/bounded_json.hpp"
#include "core/engine.hpp"
#include "definition/builtin_questionnaire.hpp"
#include "definition/definition_loader.hpp"
#include "outputs/flowchart/response_flowchart.hpp"
#include "outputs/json/questionnaire_json.hpp"

namespace cyberachat::cli {
namespace {

// Loads FILE, or the built-in AFIB questionnaire when FILE is empty; prints errors on stderr.
std::shared_ptr<const Questionnaire> load_or_report(const std::string& file) {
    LoadedDefinition loaded =
        file.empty() ? load_definition(builtin_afib_yaml(), kBuiltinAfibName) : load_definition_file(file);
    for (const auto& error : loaded.errors) std::cerr << error.to_string() << "\n";
    if (!loaded.ok()) {
        std::cerr << count_with_noun(loaded.errors.size(), "erreur", "erreurs", Language::fr) << " dans " << (file.empty() ? kBuiltinAfibName : file) << "\n";
        return nullptr;
    }
    return loaded.questionnaire;
}

struct TemplateOptions {
    std::string file;
    bool json = false;
    std::string answers;
    std::string part;
    std::string language = "fr";
};

[[noreturn]] void finish(int code) { throw CLI::RuntimeError(code); }

void run_check(const TemplateOptions& options) {
    auto questionnaire = load_or_report(options.file);
    if (!questionnaire) finish(1);
    std::cout << (options.file.empty() ? kBuiltinAfibName : options.file) << " : questionnaire « "
              << questionnaire->id << " » version " << questionnaire->version << ", "
              << questionnaire->parts.size() << " parties, " << questionnaire->section_count() << " sections, "
              << questionnaire->question_count() << " questions — aucune erreur.\n";
}

void run_show(const TemplateOptions& options) {
    auto questionnaire = load_or_report(options.file);
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
    auto questionnaire = load_or_report(options.file);
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
    auto questionnaire = load_or_report(options.file);
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

}  // namespace

void register_template_command(CLI::App& app) {
    auto options = std::make_shared<TemplateOptions>();
    CLI::App* command = app.add_subcommand(
        "template", "Vérifier, afficher ou évaluer un questionnaire (par défaut le questionnaire AFIB intégré)");
    command->require_subcommand(1);

    CLI::App* check = command->add_subcommand(
        "check", "Valider FILE (par défaut le questionnaire AFIB intégré) ; code 0 si correct, 1 avec la liste des erreurs");
    check->add_option("FILE", options->file, "Fichier YAML du questionnaire");
    check->callback([options] { run_check(*options); });

    CLI::App* show = command->add_subcommand("show", "Afficher le questionnaire (texte, ou JSON avec --json)");
    show->add_flag("--json", options->json, "Sortie JSON : {id, version, parts:[{id, title, sections:[…]}]}");
    show->add_option("FILE", options->file, "Fichier YAML du questionnaire");
    show->callback([options] { run_show(*options); });

    CLI::App* eval = command->add_subcommand(
        "eval", "Évaluer des réponses : sections et questions visibles, réponses manquantes, progression");
    eval->add_option("--answers", options->answers, "Fichier JSON {id_question: valeur}")->required();
    eval->add_option("FILE", options->file, "Fichier YAML du questionnaire");
    eval->callback([options] { run_eval(*options); });

    CLI::App* chart = command->add_subcommand(
        "flowchart", "Dessiner le logigramme d'une partie (SVG sur la sortie standard) : cyberachat template flowchart --part 1 > partie1.svg");
    chart->add_option("--part", options->part, "Partie : son numéro (1 à 4) ou son identifiant")->required();
    chart->add_option("--lang", options->language, "Langue des libellés : fr (par défaut) ou en");
    chart->add_option("FILE", options->file, "Fichier YAML du questionnaire (par défaut le questionnaire AFIB intégré)");
    chart->callback([options] { run_flowchart(*options); });
}

}  // namespace cyberachat::cli
