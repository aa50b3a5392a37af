// `cyberachat journal verify [--data DIR | --database URL]`: walks the journal (the events table)
// and checks its chain of SHA-256 (store/journal_chain.hpp). Exit 0 with the counts when intact;
// exit 1 naming the first broken link (or when the store cannot be read).
#include <iostream>

#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "store/journal_chain.hpp"

namespace cyberachat::cli {

namespace {

using store::JournalVerification;

void print_intact_journal(const JournalVerification& v) {
    std::cout << "Journal intact : " << v.chained << " événements chaînés (" << v.before_chain
              << " antérieurs à la chaîne).\n"
              << "Journal intact: " << v.chained << " chained events (" << v.before_chain << " before the chain).\n";
    if (v.last_event_id != 0)
        std::cout << "Dernier maillon : événement n° " << v.last_event_id << ", empreinte " << v.last_hash
                  << " (à noter ailleurs pour détecter une réécriture de la fin du journal).\n"
                  << "Last link: event #" << v.last_event_id << ", hash " << v.last_hash
                  << " (note it elsewhere to detect a rewriting of the journal's end).\n";
}

void print_broken_journal(const JournalVerification& v) {
    const std::string id = std::to_string(v.broken_event_id);
    switch (v.problem) {
        case JournalVerification::Break::content_changed:
            std::cout << "Journal altéré : le contenu de l'événement n° " << id
                      << " a été modifié (il ne correspond plus à son empreinte).\n"
                      << "Journal tampered with: the content of event #" << id
                      << " was changed (it no longer matches its hash).\n";
            break;
        case JournalVerification::Break::link_broken:
            std::cout << "Journal altéré : avant l'événement n° " << id
                      << ", des événements ont été supprimés ou insérés (son lien ne correspond pas à l'événement "
                         "chaîné précédent"
                      << (v.last_event_id ? ", n° " + std::to_string(v.last_event_id) : std::string()) << ").\n"
                      << "Journal tampered with: before event #" << id
                      << ", events were removed or inserted (its link does not match the previous chained event"
                      << (v.last_event_id ? ", #" + std::to_string(v.last_event_id) : std::string()) << ").\n";
            break;
        case JournalVerification::Break::unchained:
            std::cout << "Journal altéré : l'événement n° " << id
                      << " n'est pas chaîné alors que la chaîne a commencé (inséré hors du programme, ou écrit par "
                         "une instance d'une version antérieure pendant une mise à jour).\n"
                      << "Journal tampered with: event #" << id
                      << " is not chained although the chain had begun (inserted outside the program, or written by "
                         "an instance of an earlier release during an upgrade).\n";
            break;
        case JournalVerification::Break::none: break;
    }
    std::cout << v.chained << " événements chaînés vérifiés avant lui (" << v.before_chain
              << " antérieurs à la chaîne).\n"
              << v.chained << " chained events verified before it (" << v.before_chain << " before the chain).\n";
}

}  // namespace

void register_journal_command(CLI::App& app) {
    auto location = std::make_shared<StoreLocation>();
    CLI::App* journal = app.add_subcommand("journal", "Journal des modifications (inaltérable, chaîné)");
    journal->require_subcommand(1);
    CLI::App* verify = journal->add_subcommand(
        "verify", "Vérifier la chaîne d'empreintes du journal : code 0 si intact, 1 au premier maillon rompu");
    add_store_options(verify, *location);
    verify->callback([location] {
        auto store = open_store_or_report(*location, 2);
        if (!store) throw CLI::RuntimeError(1);
        std::cout << "Journal de " << describe_store(*location) << "\n";
        auto verification = store::verify_journal(*store);
        if (!verification) {
            std::cerr << "Lecture du journal impossible : " << verification.error().message.fr << "\n"
                      << "Cannot read the journal: " << verification.error().message.in(Language::en) << "\n";
            throw CLI::RuntimeError(1);
        }
        if (!verification->intact()) {
            print_broken_journal(*verification);
            throw CLI::RuntimeError(1);
        }
        print_intact_journal(*verification);
    });
}

}  // namespace cyberachat::cli
