// `cyberachat purge [--dry-run] [--retention-years N] [--data DIR | --database URL]`: the archived
// purchases whose archive date is more than N years old (default 10, as `serve --retention-years`)
// are listed (--dry-run) or deleted with everything they hold, documents included; the journal
// keeps a trace of each ("acquisition" "delete", by "system:purge").
#include <iostream>

#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "core/text_format.hpp"
#include "services/acquisition_service.hpp"

namespace cyberachat::cli {

namespace {

struct PurgeOptions {
    StoreLocation store;
    int retention_years = 10;
    bool dry_run = false;
};

}  // namespace

void register_purge_command(CLI::App& app) {
    auto options = std::make_shared<PurgeOptions>();
    CLI::App* purge = app.add_subcommand(
        "purge", "Supprimer les achats archivés depuis plus longtemps que la durée de conservation (--dry-run : les lister)");
    add_store_options(purge, options->store);
    purge->add_option("--retention-years", options->retention_years, "Durée de conservation après l'archivage, en années")
        ->capture_default_str()
        ->check(CLI::Range(1, 100));
    purge->add_flag("--dry-run", options->dry_run, "Lister ce qui serait supprimé, sans rien supprimer");
    purge->callback([options] {
        auto store = open_store_or_report(options->store, 2);
        if (!store) throw CLI::RuntimeError(1);
        services::QuestionnaireProvider questionnaires(*store);
        services::AcquisitionService acquisitions(*store, questionnaires);
        auto report = acquisitions.purge(options->retention_years, options->dry_run, Actor("system:purge", Via::cli));
        if (!report) {
            std::cerr << report.error().message.fr << "\n" << report.error().message.in(Language::en) << "\n";
            throw CLI::RuntimeError(1);
        }
        std::cout << (options->dry_run ? "Achats que la conservation de " : "Achats supprimés (conservation de ")
                  << options->retention_years << (options->dry_run ? " ans supprimerait" : " ans)")
                  << " : archivés avant le " << format_datetime(report->cutoff, Language::fr) << "\n";
        for (const auto& acquisition : report->purchases)
            std::cout << "  n° " << acquisition.id << "\t" << acquisition.reference << "\t" << acquisition.title
                      << "\tarchivé le " << format_datetime(acquisition.archived_at, Language::fr) << "\n";
        const size_t count = report->purchases.size();
        std::cout << (options->dry_run ? count_with_noun(count, "achat", "achats", Language::fr) +
                                             " ; rien n'est supprimé (--dry-run).\n"
                                       : count_with_noun(count, "achat supprimé", "achats supprimés", Language::fr) + ".\n");
    });
}

}  // namespace cyberachat::cli
