// `cyberachat import-archive FILE [--lead EMAIL] [--data DIR | --database URL]`: restores a purchase's archive (made by
// GET /api/v1/acquisitions/{id}/archive.zip) into this instance, as a new purchase identical but for
// the ids (times, revisions, authors and journal included), in one transaction. Its team: the
// account --lead names, as its lead; without it, administrators appoint one (/acquisitions/{id}/members).
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "services/export_service.hpp"

namespace cyberachat::cli {

void register_import_archive_command(CLI::App& app) {
    struct Options {
        std::string file;
        std::string lead;
        StoreLocation store;
    };
    auto options = std::make_shared<Options>();
    CLI::App* command = app.add_subcommand("import-archive", "Restaurer l'archive complète d'un achat (zip) dans cette instance");
    command->add_option("FILE", options->file, "Archive zip produite par l'export « archive complète »")->required();
    command->add_option("--lead", options->lead,
                        "Compte (e-mail) qui pilotera l'achat restauré ; sinon un administrateur nomme son équipe");
    add_store_options(command, options->store);
    command->callback([options] {
        std::ifstream in(options->file, std::ios::binary);
        if (!in) {
            std::cerr << "Impossible de lire le fichier « " << options->file << " ».\n";
            throw CLI::RuntimeError(1);
        }
        std::ostringstream bytes;
        bytes << in.rdbuf();
        auto store = open_store_or_report(options->store);
        if (!store) throw CLI::RuntimeError(1);
        std::optional<User> lead;
        if (!options->lead.empty()) {
            lead = find_account_or_report(*store, options->lead);
            if (!lead) throw CLI::RuntimeError(1);
            if (lead->role == Role::admin) {
                std::cerr << "Un compte administrateur ne pilote pas d'achat : donnez le compte d'un utilisateur.\n";
                throw CLI::RuntimeError(1);
            }
        }
        services::QuestionnaireProvider questionnaires(*store);
        services::ResponseService responses(*store, questionnaires);
        services::EvaluationService evaluations(*store, questionnaires, responses);
        services::ExportService exports(*store, questionnaires, responses, evaluations);
        const Actor actor("system:import-archive", Via::cli);
        auto imported = exports.import_archive(bytes.str(), actor, lead ? std::optional<Id>(lead->id) : std::nullopt);
        if (!imported) {
            std::cerr << imported.error().message.fr << "\n";
            throw CLI::RuntimeError(1);
        }
        std::cout << "Achat « " << imported->title << " » restauré (n° " << imported->id << ").\n";
        if (!lead) {
            std::cout << "Aucune équipe : un administrateur la nomme sur la page de l'achat « Équipe ».\n";
            return;
        }
        std::cout << "Pilote : " << lead->email << ".\n";
    });
}

}  // namespace cyberachat::cli
