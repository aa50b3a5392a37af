// `cyberachat import mds2|sbom --response ID FILE [--apply] [--replace QUESTION]… [--data DIR | --database URL]`:
// a manufacturer's MDS2 statement (workbook or CSV/text copy) or SBOM (CycloneDX, SPDX JSON)
// imported into one response, as the pages and the API do (services/manufacturer_import_service):
// without --apply, the preview is printed and nothing is saved; with it, the file is kept with the
// response and the answers saved in one transaction, journalled as done from the command line.
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "services/manufacturer_import_service.hpp"

namespace cyberachat::cli {
namespace {

struct Options {
    long long response_id = 0;
    std::string file;
    bool apply = false;
    std::vector<std::string> replace;
    StoreLocation store;
};

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "Impossible de lire le fichier « " << path << " ». / Cannot read the file '" << path << "'.\n";
        return std::nullopt;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string base_name(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

void fail(const Error& error) {
    std::cerr << error.message.fr << "\n" << error.message.in(Language::en) << "\n";
    throw CLI::RuntimeError(1);
}

void print_mds2(const Mds2ImportOutcome& outcome) {
    for (const Mds2Proposal& proposal : outcome.plan.proposals)
        std::cout << "  " << mds2_proposal_status_name(proposal.status) << "\t" << proposal.question_id << "\t"
                  << (proposal.value.is_null() ? "—" : proposal.value.dump()) << "\t[" << joined(proposal.source_ids) << "]\n";
    std::cout << "Lignes MDS2 lues : " << outcome.plan.lines
              << " ; proposées : " << outcome.plan.count(Mds2ProposalStatus::imported)
              << " ; conflits : " << outcome.plan.count(Mds2ProposalStatus::conflict)
              << " ; déjà répondues : " << outcome.plan.count(Mds2ProposalStatus::already_answered)
              << " ; sans correspondance AFIB : " << outcome.plan.unmapped_ids.size() << ".\n";
    if (outcome.applied)
        std::cout << "Réponses enregistrées : " << outcome.saved << " ; fichier gardé avec la réponse (SHA-256 " << outcome.sha256 << ").\n";
    else
        std::cout << "Aperçu seulement : rien n'est enregistré sans --apply (les conflits se remplacent avec --replace QUESTION).\n";
}

void print_sbom(const SbomImportOutcome& outcome) {
    const Sbom& sbom = outcome.sbom;
    std::cout << sbom.format << " " << sbom.version << (sbom.subject.empty() ? "" : " — " + sbom.subject) << "\n"
              << "Composants déclarés : " << sbom.declared << " ; doublons fusionnés : " << sbom.merged_duplicates
              << " ; à ajouter à la liste : " << outcome.merge.added << " ; déjà dans la liste : " << outcome.merge.already_listed
              << ".\nSystèmes d'exploitation : " << (sbom.operating_systems.empty() ? "aucun" : joined(sbom.operating_systems)) << "\n";
    if (outcome.applied)
        std::cout << "Liste des logiciels installés remplie ; fichier gardé avec la réponse (SHA-256 " << outcome.sha256 << ").\n";
    else
        std::cout << "Aperçu seulement : rien n'est enregistré sans --apply.\n";
}

void run(const Options& options, bool mds2) {
    const auto bytes = read_file(options.file);
    if (!bytes) throw CLI::RuntimeError(1);
    auto store = open_store_or_report(options.store);
    if (!store) throw CLI::RuntimeError(1);
    services::QuestionnaireProvider questionnaires(*store);
    services::ResponseService responses(*store, questionnaires);
    services::ManufacturerImportService imports(*store, responses);
    const Actor actor(mds2 ? "system:import-mds2" : "system:import-sbom", Via::cli);
    if (mds2) {
        const std::set<std::string> replace(options.replace.begin(), options.replace.end());
        auto outcome = imports.import_mds2(options.response_id, *bytes, base_name(options.file), options.apply, replace, actor);
        if (!outcome) fail(outcome.error());
        print_mds2(*outcome);
    } else {
        auto outcome = imports.import_sbom(options.response_id, *bytes, base_name(options.file), options.apply, actor);
        if (!outcome) fail(outcome.error());
        print_sbom(*outcome);
    }
}

void add_common_options(CLI::App* command, Options& options) {
    command->add_option("--response", options.response_id, "Numéro de la réponse du fournisseur")->required();
    command->add_option("FILE", options.file, "Fichier du fabricant")->required();
    command->add_flag("--apply", options.apply, "Enregistrer (sans elle : l'aperçu seulement)");
    add_store_options(command, options.store);
}

}  // namespace

void register_manufacturer_import_command(CLI::App& app) {
    CLI::App* import = app.add_subcommand("import", "Importer le MDS2 ou le SBOM d'un fabricant dans une réponse");
    import->require_subcommand(1);
    auto mds2 = std::make_shared<Options>();
    CLI::App* mds2_command = import->add_subcommand("mds2", "Déclaration MDS2 (classeur .xlsx ou copie CSV/texte) : réponses proposées");
    add_common_options(mds2_command, *mds2);
    mds2_command->add_option("--replace", mds2->replace, "Question dont la réponse enregistrée est remplacée en cas de conflit");
    mds2_command->callback([mds2] { run(*mds2, true); });
    auto sbom = std::make_shared<Options>();
    CLI::App* sbom_command = import->add_subcommand("sbom", "SBOM CycloneDX ou SPDX (JSON) : liste des logiciels installés");
    add_common_options(sbom_command, *sbom);
    sbom_command->callback([sbom] { run(*sbom, false); });
}

}  // namespace cyberachat::cli
