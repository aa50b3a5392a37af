// cyberachat template add FILE: adds a questionnaire version (a whole definition or an extension)
// to the instance's library, checked in full first (services/questionnaire_library.hpp).
#include <fstream>
#include <iostream>
#include <iterator>

#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "services/questionnaire_library.hpp"

namespace cyberachat::cli {

void register_template_add_command(CLI::App& app) {
    struct Options {
        std::string file;
        StoreLocation store;
    };
    auto options = std::make_shared<Options>();
    CLI::App* templates = app.get_subcommand("template");
    CLI::App* add = templates->add_subcommand(
        "add", "Ajouter FILE à la bibliothèque des questionnaires de l'instance (un questionnaire complet ou une "
               "extension) ; rien n'est enregistré s'il contient une erreur");
    add->add_option("FILE", options->file, "Fichier YAML du questionnaire ou de l'extension")->required();
    add_store_options(add, options->store);
    add->callback([options] {
        std::ifstream in(options->file, std::ios::binary);
        if (!in) {
            std::cerr << "Impossible de lire « " << options->file << " ».\n";
            throw CLI::RuntimeError(1);
        }
        const std::string text(std::istreambuf_iterator<char>(in), {});
        auto store = open_store_or_report(options->store);
        if (!store) throw CLI::RuntimeError(1);
        services::QuestionnaireProvider provider(*store);
        services::QuestionnaireLibrary library(*store, provider);
        const std::string name = options->file.substr(options->file.find_last_of('/') + 1);
        auto added = library.add(text, name, Actor("system:cli", Via::cli));
        if (!added) {
            std::cerr << added.error().message.fr << "\n";
            const nlohmann::json& payload = added.error().payload;
            for (const auto& error : payload.is_object() ? payload.value("errors", nlohmann::json::array()) : nlohmann::json::array())
                std::cerr << "  " << error.value("text", "") << "\n";
            throw CLI::RuntimeError(1);
        }
        std::cout << "Ajouté à la bibliothèque : " << added->questionnaire_id << " " << added->version << " — "
                  << added->title << " (version n° " << added->questionnaire_version_id << ", "
                  << (added->kind == "extension" ? "extension de " + added->base_version : std::string("questionnaire complet"))
                  << (added->has_grid ? ", avec sa grille" : ", sans grille") << ").\n";
    });
}

}  // namespace cyberachat::cli
