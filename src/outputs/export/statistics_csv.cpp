#include "outputs/export/statistics_csv.hpp"

#include <cmath>
#include <cstdio>

#include "core/scoring_grid.hpp"

namespace cyberachat::exports {

namespace {

// 0.6667 → "66,7" (French decimal comma, one decimal).
std::string percent_cell(double share) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", std::round(share * 1000.0) / 10.0);
    std::string text = buffer;
    for (char& c : text)
        if (c == '.') c = ',';
    return text;
}

std::string count_cell(size_t count) { return std::to_string(count); }

struct Row {
    std::string section, part, question, label, value;
    std::string responses, out_of, share;
    std::string favourable, graded, favourable_share;
    bool hidden = false;

    CsvRow cells() const {
        if (hidden)
            return {section, part, question, label, value, "", "", "", "", "", "", "oui"};
        return {section, part, question, label, value, responses, out_of, share, favourable, graded, favourable_share, "non"};
    }
};

void set_favourable(Row& row, const FavourableShare& share) {
    if (share.hidden != Hidden::no) return;  // the row may still be shown: leave these empty
    row.favourable = count_cell(share.favourable);
    row.graded = count_cell(share.graded);
    if (const auto value = share.share()) row.favourable_share = percent_cell(*value);
}

}  // namespace

CsvRow statistics_csv_header() {
    return {"rubrique", "partie", "question", "libelle", "valeur", "reponses", "sur", "part_pourcent",
            "favorables", "notees", "part_favorable_pourcent", "masque"};
}

std::vector<CsvRow> statistics_csv_rows(const MarketStatistics& statistics, bool with_purchases) {
    std::vector<CsvRow> rows;
    // A row of `section` about `part` / `question`, named `label`.
    auto row_of = [](std::string section, std::string part, std::string question, std::string label, bool hidden) {
        Row row;
        row.section = std::move(section);
        row.part = std::move(part);
        row.question = std::move(question);
        row.label = std::move(label);
        row.hidden = hidden;
        return row;
    };
    if (statistics.hidden != Hidden::no) {
        rows.push_back(row_of("synthese", "", "", "Réponses soumises", true).cells());
        return rows;
    }
    auto count_row = [&](const char* label, size_t count) {
        Row row = row_of("synthese", "", "", label, false);
        row.responses = count_cell(count);
        return row;
    };
    Row total = count_row("Réponses soumises", statistics.responses);
    set_favourable(total, statistics.favourable);
    rows.push_back(total.cells());
    rows.push_back(count_row("Fournisseurs distincts", statistics.vendors).cells());
    if (with_purchases) rows.push_back(count_row("Achats comptés", statistics.purchases).cells());
    for (const auto& part : statistics.parts) {
        Row row = row_of("partie", part.part_id, "", part.title.fr, part.favourable.hidden != Hidden::no);
        set_favourable(row, part.favourable);
        rows.push_back(row.cells());
    }
    for (const auto& question : statistics.questions) {
        Row row = row_of("question", question.part_id, question.question_id, question.label.fr, question.hidden != Hidden::no);
        if (!row.hidden) {
            row.responses = count_cell(question.answered);
            row.out_of = count_cell(question.applicable);
            row.share = percent_cell(question.answered_share());
            set_favourable(row, question.favourable);
        }
        rows.push_back(row.cells());
        for (const auto& value : question.distribution) {
            Row item = row_of("repartition", question.part_id, question.question_id, value.label.fr, false);
            item.value = value.value;
            item.responses = count_cell(value.count);
            item.out_of = count_cell(question.answered);
            item.share = percent_cell(question.value_share(value));
            rows.push_back(item.cells());
        }
    }
    for (const auto& line : statistics.vigilance) {
        Row row = row_of("vigilance", "", line.question_id, line.label.fr, line.hidden != Hidden::no);
        if (!row.hidden) {
            row.value = std::string(severity_name(line.severity));
            row.responses = count_cell(line.responses);
            row.out_of = count_cell(line.graded);
            row.share = percent_cell(line.share());
        }
        rows.push_back(row.cells());
    }
    for (const auto& period : statistics.periods) {
        Row row = row_of("periode", "", "", "", period.hidden != Hidden::no);
        row.value = period.period;
        if (!row.hidden) {
            row.responses = count_cell(period.responses);
            set_favourable(row, period.favourable);
        }
        rows.push_back(row.cells());
    }
    return rows;
}

std::string market_statistics_csv(const MarketStatistics& statistics) {
    std::vector<CsvRow> rows = {statistics_csv_header()};
    for (auto& row : statistics_csv_rows(statistics, true)) rows.push_back(std::move(row));
    return csv_document(rows);
}

std::string anonymised_statistics_csv(const std::vector<AnonymisedCell>& cells) {
    CsvRow header = {"famille", "periode"};
    for (auto& column : statistics_csv_header()) header.push_back(std::move(column));
    std::vector<CsvRow> rows = {header};
    for (const auto& cell : cells) {
        // The cell's periods are its own quarter: the rows "periode" would repeat it.
        MarketStatistics statistics = cell.statistics;
        statistics.periods.clear();
        for (auto& row : statistics_csv_rows(statistics, false)) {
            row.insert(row.begin(), {cell.equipment_family, cell.period});
            rows.push_back(std::move(row));
        }
    }
    return csv_document(rows);
}

}  // namespace cyberachat::exports
