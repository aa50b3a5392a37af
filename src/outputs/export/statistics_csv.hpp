#pragma once
// The market statistics as CSV (French Excel, csv_writer.hpp): the page's download
// (GET /statistics.csv) and the anonymised export of `cyberachat stats export`. One header, one
// row per figure; the columns are described in docs/statistics.md. A hidden statistic (fewer
// than 3 vendors) is a row marked "oui" in "masque", its figures empty.
#include <string>
#include <vector>

#include "core/anonymised_statistics.hpp"
#include "core/market_statistics.hpp"
#include "outputs/export/csv_writer.hpp"

namespace cyberachat::exports {

// rubrique;partie;question;libelle;valeur;reponses;sur;part_pourcent;favorables;notees;part_favorable_pourcent;masque
CsvRow statistics_csv_header();
// The rows of one result (without the header). `with_purchases`: the "Achats comptés" row.
std::vector<CsvRow> statistics_csv_rows(const MarketStatistics& statistics, bool with_purchases);

// The page's download: the header and the rows.
std::string market_statistics_csv(const MarketStatistics& statistics);
// famille;periode then the same columns, for every cell (no purchase count, no vendor, no purchase).
std::string anonymised_statistics_csv(const std::vector<AnonymisedCell>& cells);

}  // namespace cyberachat::exports
