// `cyberachat stats export --since DATE [--format csv|json] [--output FILE] [--data DIR | --database URL]`:
// the anonymised market statistics of the whole instance (docs/statistics.md) — per equipment
// family and quarter, each question's counts and favourable share, no vendor, no purchase, no id
// but the questions' — as a hospital shares them with the AFIB working group. The small-group rule
// applies (fewer than 3 vendors: hidden). Written to stdout, or to FILE.
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "core/answer_validation.hpp"
#include "outputs/export/statistics_csv.hpp"
#include "outputs/json/statistics_json.hpp"
#include "services/evaluation_service.hpp"
#include "services/market_statistics_service.hpp"

namespace cyberachat::cli {

namespace {

struct StatsExportOptions {
    StoreLocation location;
    std::string since;
    std::string format = "csv";
    std::string output;
};

void run_stats_export(const StatsExportOptions& options) {
    auto since = validate_date(options.since);
    if (!since) {
        std::cerr << "--since : date invalide « " << options.since << " » (AAAA-MM-JJ).\n"
                  << "--since: invalid date " << options.since << " (YYYY-MM-DD).\n";
        throw CLI::RuntimeError(2);
    }
    auto store = open_store_or_report(options.location, 2);
    if (!store) throw CLI::RuntimeError(1);
    services::QuestionnaireProvider questionnaires(*store);
    services::ResponseService responses(*store, questionnaires);
    services::EvaluationService evaluations(*store, questionnaires, responses);
    services::MarketStatisticsService statistics(*store, responses, evaluations);
    auto cells = statistics.anonymised(*since);
    if (!cells) {
        std::cerr << "Statistiques impossibles à calculer : " << cells.error().message.fr << "\n"
                  << "Cannot compute the statistics: " << cells.error().message.in(Language::en) << "\n";
        throw CLI::RuntimeError(1);
    }
    const std::string text = options.format == "json" ? anonymised_statistics_json(*cells, *since).dump(2) + "\n"
                                                      : exports::anonymised_statistics_csv(*cells);
    if (options.output.empty()) {
        std::cout << text;
        return;
    }
    std::ofstream file(options.output, std::ios::binary | std::ios::trunc);
    file << text;
    file.close();
    if (!file) {
        std::cerr << "Écriture impossible : " << options.output << "\n" << "Cannot write " << options.output << "\n";
        throw CLI::RuntimeError(1);
    }
    std::cerr << "Statistiques anonymisées écrites dans " << options.output << " (" << cells->size()
              << " cellules famille × trimestre).\n"
              << "Anonymised statistics written to " << options.output << " (" << cells->size()
              << " family × quarter cells).\n";
}

}  // namespace

void register_stats_command(CLI::App& app) {
    auto options = std::make_shared<StatsExportOptions>();
    CLI::App* stats = app.add_subcommand("stats", "Statistiques du marché (anonymisées)");
    stats->require_subcommand(1);
    CLI::App* exported = stats->add_subcommand(
        "export", "Exporter les statistiques anonymisées de l'instance (par famille d'équipement et trimestre ; "
                  "aucun nom de fournisseur ni d'achat ; groupes de moins de 3 fournisseurs masqués)");
    exported->add_option("--since", options->since, "Réponses soumises depuis cette date (AAAA-MM-JJ)")->required();
    exported->add_option("--format", options->format, "csv (par défaut) ou json")->check(CLI::IsMember({"csv", "json"}));
    exported->add_option("--output", options->output, "Fichier écrit (par défaut : la sortie standard)");
    add_store_options(exported, options->location);
    exported->callback([options] { run_stats_export(*options); });
}

}  // namespace cyberachat::cli
