#include "web/views/statistics_page.hpp"

#include <algorithm>
#include <cmath>

#include "core/equipment_family.hpp"
#include "core/scoring_grid.hpp"
#include "web/html/html_writer.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::Attr;
using html::HtmlWriter;

namespace {

constexpr const char* kBarColour = "#1f4e8c";
constexpr const char* kGridColour = "#d5dbe2";
constexpr const char* kAxisText = "#4f5a66";
constexpr const char* kText = "#1b1f24";

int percent_of(double share) { return static_cast<int>(std::lround(share * 100.0)); }

std::string share_text(double share) { return percent_text(percent_of(share), Language::fr); }

std::string hidden_notice() { return hidden_text(Hidden::few_vendors).fr; }

// "2 sur 3 (67 %)", or the hidden notice, or "—" when nothing was graded.
std::string favourable_text(const FavourableShare& favourable) {
    if (favourable.hidden != Hidden::no) return hidden_notice();
    const auto share = favourable.share();
    if (!share) return "—";
    return std::to_string(favourable.favourable) + " sur " + std::to_string(favourable.graded) + " (" + share_text(*share) + ")";
}

// "Oui : 2 (67 %) · Non : 1 (33 %)".
std::string distribution_text(const QuestionStatistics& question) {
    std::string out;
    for (const auto& value : question.distribution) {
        if (!out.empty()) out += " · ";
        out += value.label.fr + CYB_NBSP ": " + std::to_string(value.count) + " (" + share_text(question.value_share(value)) + ")";
    }
    return out;
}

void write_filter_form(HtmlWriter& w, const StatisticsPageData& data) {
    const StatisticsFilter& filter = data.filter;
    w.open("form", {{"method", "get"}, {"action", "/statistics"}, {"class", "card filters statistics-filters"},
                    {"role", "search"}, {"aria-label", "Filtrer les statistiques"}});
    w.open("div", {{"class", "filter-row"}});
    auto date_field = [&](const char* name, const char* label, const std::string& value) {
        const auto error = data.errors.find(name);
        w.open("div", {{"class", error == data.errors.end() ? "field" : "field field-invalid"}});
        w.element("label", {{"for", std::string("statistics-") + name}}, label);
        if (error != data.errors.end())
            w.element("p", {{"class", "field-error"}, {"id", std::string("err-statistics-") + name}}, error->second);
        w.void_tag("input", {{"type", "date"}, {"id", std::string("statistics-") + name}, {"name", name}, {"value", value},
                             Attr::when(error != data.errors.end(), "aria-describedby", std::string("err-statistics-") + name)});
        w.close("div");
    };
    date_field("from", "Du", filter.from);
    date_field("to", "Au", filter.to);
    w.open("div", {{"class", "field"}});
    w.element("label", {{"for", "statistics-family"}}, "Famille d'équipement");
    w.open("select", {{"id", "statistics-family"}, {"name", "family"}});
    w.element("option", {{"value", ""}, Attr::flag("selected", filter.equipment_family.empty())}, "Toutes");
    for (const EquipmentFamily& family : equipment_families())
        w.element("option", {{"value", std::string(family.id)}, Attr::flag("selected", filter.equipment_family == family.id)},
                  std::string(family.label_fr));
    w.close("select");
    w.close("div");
    w.open("div", {{"class", "field"}});
    w.element("label", {{"for", "statistics-purchase"}}, "Achat");
    w.open("select", {{"id", "statistics-purchase"}, {"name", "purchase"}});
    w.element("option", {{"value", ""}, Attr::flag("selected", !filter.purchase_id)}, "Tous mes achats");
    for (const auto& purchase : data.purchases)
        w.element("option", {{"value", purchase.id}, Attr::flag("selected", filter.purchase_id == purchase.id)}, purchase.title);
    w.close("select");
    w.close("div");
    w.open("div", {{"class", "field"}});
    w.element("label", {{"for", "statistics-period"}}, "Évolution par");
    w.open("select", {{"id", "statistics-period"}, {"name", "period"}});
    w.element("option", {{"value", "quarter"}, Attr::flag("selected", filter.period == StatisticsPeriod::quarter)}, "Trimestre");
    w.element("option", {{"value", "month"}, Attr::flag("selected", filter.period == StatisticsPeriod::month)}, "Mois");
    w.close("select");
    w.close("div");
    w.element("button", {{"type", "submit"}, {"class", "button button-primary"}}, "Afficher");
    w.element("a", {{"href", "/statistics"}, {"class", "button button-secondary"}}, "Réinitialiser");
    w.close("div");
    w.close("form");
}

void write_summary(HtmlWriter& w, const MarketStatistics& statistics, const std::string& query) {
    w.open("section", {{"class", "card"}, {"aria-labelledby", "statistics-summary-title"}, {"id", "statistics-summary"}});
    w.element("h2", {{"id", "statistics-summary-title"}}, "Synthèse");
    w.open("dl", {{"class", "details"}});
    auto item = [&](const char* term, const std::string& value, const char* key) {
        w.element("dt", term);
        w.element("dd", {{"data-summary", key}}, value);
    };
    item("Réponses soumises", std::to_string(statistics.responses), "responses");
    item("Fournisseurs distincts", std::to_string(statistics.vendors), "vendors");
    item("Achats comptés", std::to_string(statistics.purchases), "purchases");
    item("Réponses favorables (questions notées)", favourable_text(statistics.favourable), "favourable");
    w.close("dl");
    w.open("p");
    w.element("a", {{"href", "/statistics.csv" + (query.empty() ? std::string() : "?" + query)}, {"class", "button button-secondary"},
                    {"download", true}},
              "Télécharger en CSV");
    w.close("p");
    w.close("section");
}

void write_vigilance(HtmlWriter& w, const MarketStatistics& statistics) {
    w.open("section", {{"class", "card"}, {"aria-labelledby", "statistics-vigilance-title"}, {"id", "statistics-vigilance"}});
    w.element("h2", {{"id", "statistics-vigilance-title"}}, "Points de vigilance les plus fréquents");
    if (statistics.vigilance.empty()) {
        w.element("p", "Aucun point de vigilance dans ces réponses.");
        w.close("section");
        return;
    }
    w.open("div", {{"class", "table-wrap"}});
    w.open("table", {{"class", "data-table"}});
    w.open("thead").open("tr");
    for (const char* heading : {"Question", "Gravité", "Réponses concernées", "Part des réponses notées"})
        w.element("th", {{"scope", "col"}}, heading);
    w.close("tr").close("thead").open("tbody");
    for (const auto& line : statistics.vigilance) {
        w.open("tr", {{"data-vigilance", line.question_id}, Attr::flag("data-hidden", line.hidden != Hidden::no)});
        w.element("th", {{"scope", "row"}}, line.label.fr);
        if (line.hidden != Hidden::no) {
            w.element("td", {{"colspan", 3}}, hidden_notice());
        } else {
            w.element("td", std::string(severity_label_fr(line.severity)));
            w.element("td", std::to_string(line.responses) + " sur " + std::to_string(line.graded));
            w.element("td", share_text(line.share()));
        }
        w.close("tr");
    }
    w.close("tbody").close("table").close("div");
    w.close("section");
}

void write_parts(HtmlWriter& w, const MarketStatistics& statistics) {
    w.open("section", {{"class", "card"}, {"aria-labelledby", "statistics-parts-title"}, {"id", "statistics-parts"}});
    w.element("h2", {{"id", "statistics-parts-title"}}, "Réponses favorables par partie");
    if (const std::string chart = render_part_share_chart_svg(statistics); !chart.empty()) {
        w.open("div", {{"class", "chart-wrap"}});
        w.raw(chart);
        w.close("div");
    }
    w.open("div", {{"class", "table-wrap"}});
    w.open("table", {{"class", "data-table"}});
    w.element("caption", "Part des réponses favorables parmi les réponses notées");
    w.open("thead").open("tr");
    w.element("th", {{"scope", "col"}}, "Partie");
    w.element("th", {{"scope", "col"}}, "Réponses favorables");
    w.close("tr").close("thead").open("tbody");
    for (const auto& part : statistics.parts) {
        w.open("tr", {{"data-part", part.part_id}});
        w.element("th", {{"scope", "row"}}, part.title.fr);
        w.element("td", favourable_text(part.favourable));
        w.close("tr");
    }
    w.close("tbody").close("table").close("div");
    w.close("section");
}

void write_questions(HtmlWriter& w, const MarketStatistics& statistics) {
    w.open("section", {{"class", "card"}, {"aria-labelledby", "statistics-questions-title"}, {"id", "statistics-questions"}});
    w.element("h2", {{"id", "statistics-questions-title"}}, "Réponses question par question");
    for (size_t start = 0; start < statistics.questions.size();) {
        const std::string& part_id = statistics.questions[start].part_id;
        size_t end = start;
        while (end < statistics.questions.size() && statistics.questions[end].part_id == part_id) ++end;
        const std::string heading_id = "statistics-part-" + part_id;
        w.element("h3", {{"id", heading_id}}, statistics.questions[start].part_title.fr);
        w.open("div", {{"class", "table-wrap"}});
        w.open("table", {{"class", "data-table statistics-questions"}, {"aria-labelledby", heading_id}});
        w.open("thead").open("tr");
        for (const char* heading : {"Question", "Réponses données", "Répartition", "Réponses favorables"})
            w.element("th", {{"scope", "col"}}, heading);
        w.close("tr").close("thead").open("tbody");
        for (size_t i = start; i < end; ++i) {
            const QuestionStatistics& question = statistics.questions[i];
            w.open("tr", {{"data-question", question.question_id}, Attr::flag("data-hidden", question.hidden != Hidden::no)});
            w.element("th", {{"scope", "row"}}, question.label.fr);
            if (question.hidden != Hidden::no) {
                w.element("td", {{"colspan", 3}}, hidden_notice());
            } else {
                w.element("td", std::to_string(question.answered) + " sur " + std::to_string(question.applicable) + " (" +
                                    share_text(question.answered_share()) + ")");
                w.element("td", {{"class", "distribution"}}, question.distribution.empty() ? std::string("—") : distribution_text(question));
                w.element("td", favourable_text(question.favourable));
            }
            w.close("tr");
        }
        w.close("tbody").close("table").close("div");
        start = end;
    }
    w.close("section");
}

void write_evolution(HtmlWriter& w, const MarketStatistics& statistics, StatisticsPeriod period) {
    w.open("section", {{"class", "card"}, {"aria-labelledby", "statistics-evolution-title"}, {"id", "statistics-evolution"}});
    w.element("h2", {{"id", "statistics-evolution-title"}},
              period == StatisticsPeriod::month ? "Évolution par mois" : "Évolution par trimestre");
    if (const std::string chart = render_evolution_chart_svg(statistics); !chart.empty()) {
        w.open("div", {{"class", "chart-wrap"}});
        w.raw(chart);
        w.close("div");
    }
    w.open("div", {{"class", "table-wrap"}});
    w.open("table", {{"class", "data-table"}});
    w.element("caption", "Réponses soumises et réponses favorables par période");
    w.open("thead").open("tr");
    for (const char* heading : {"Période", "Réponses soumises", "Réponses favorables"}) w.element("th", {{"scope", "col"}}, heading);
    w.close("tr").close("thead").open("tbody");
    for (const auto& row : statistics.periods) {
        w.open("tr", {{"data-period", row.period}, Attr::flag("data-hidden", row.hidden != Hidden::no)});
        w.element("th", {{"scope", "row"}}, row.period);
        if (row.hidden != Hidden::no) {
            w.element("td", {{"colspan", 2}}, hidden_notice());
        } else {
            w.element("td", std::to_string(row.responses));
            w.element("td", favourable_text(row.favourable));
        }
        w.close("tr");
    }
    w.close("tbody").close("table").close("div");
    w.close("section");
}

// `text` cut to `max` characters (at a character boundary) and ended with "…" when longer.
std::string shortened(const std::string& text, size_t max) {
    size_t characters = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (++characters == max) return text.substr(0, i) + "…";
    }
    return text;
}

// The label of a bar: the value, or the reason it is not drawn.
std::string bar_label(const FavourableShare& favourable) {
    if (favourable.hidden != Hidden::no) return "masqué";
    const auto share = favourable.share();
    return share ? share_text(*share) : std::string("non noté");
}

}  // namespace

std::string render_part_share_chart_svg(const MarketStatistics& statistics) {
    if (statistics.parts.empty()) return "";
    constexpr int kLabelWidth = 230, kPlotWidth = 360, kBar = 18, kRow = 30, kTop = 10, kAxis = 24;
    const int width = kLabelWidth + kPlotWidth + 70;
    const int height = kTop + static_cast<int>(statistics.parts.size()) * kRow + kAxis;
    HtmlWriter w(2048 + statistics.parts.size() * 400);
    std::string description = "Part des réponses favorables par partie. ";
    for (const auto& part : statistics.parts) description += part.title.fr + CYB_NBSP ": " + bar_label(part.favourable) + ". ";
    w.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                   {"class", "statistics-chart part-share-chart"},
                   {"viewBox", "0 0 " + std::to_string(width) + " " + std::to_string(height)},
                   {"width", width},
                   {"height", height},
                   {"role", "img"},
                   {"aria-labelledby", "part-chart-title part-chart-desc"}});
    w.element("title", {{"id", "part-chart-title"}}, "Réponses favorables par partie");
    w.element("desc", {{"id", "part-chart-desc"}}, description);
    const int plot_bottom = kTop + static_cast<int>(statistics.parts.size()) * kRow;
    for (int tick = 0; tick <= 100; tick += 25) {
        const int x = kLabelWidth + tick * kPlotWidth / 100;
        // Inside inline SVG an HTML void tag does not close itself: <line></line>, never <line>.
        w.open("line", {{"x1", x}, {"x2", x}, {"y1", kTop}, {"y2", plot_bottom}, {"stroke", kGridColour}}).close("line");
        w.element("text", {{"x", x}, {"y", plot_bottom + 16}, {"text-anchor", "middle"}, {"font-size", 11}, {"fill", kAxisText}},
                  std::to_string(tick) + " %");
    }
    for (size_t i = 0; i < statistics.parts.size(); ++i) {
        const auto& part = statistics.parts[i];
        const int y = kTop + static_cast<int>(i) * kRow;
        const std::string shown = shortened(part.title.fr, 34);  // the whole title is in the description and the table
        w.element("text", {{"x", kLabelWidth - 8}, {"y", y + kBar - 4}, {"text-anchor", "end"}, {"font-size", 12}, {"fill", kText}},
                  shown);
        const auto share = part.favourable.share();
        const int length = share ? percent_of(*share) * kPlotWidth / 100 : 0;
        if (share) {
            w.open("rect", {{"x", kLabelWidth}, {"y", y}, {"width", std::max(length, 1)}, {"height", kBar}, {"fill", kBarColour},
                            {"data-part", part.part_id}, {"data-share", percent_of(*share)}});
            w.element("title", part.title.fr + CYB_NBSP ": " + bar_label(part.favourable));
            w.close("rect");
        }
        w.element("text", {{"x", kLabelWidth + length + 6}, {"y", y + kBar - 4}, {"font-size", 12}, {"fill", kText},
                           {"data-part-label", part.part_id}},
                  bar_label(part.favourable));
    }
    w.close("svg");
    return w.take();
}

std::string render_evolution_chart_svg(const MarketStatistics& statistics) {
    if (statistics.periods.empty()) return "";
    const size_t n = statistics.periods.size();
    constexpr int kLeft = 44, kTop = 12, kPlotHeight = 160, kAxis = 40;
    const int slot = n > 24 ? 18 : n > 12 ? 28 : 56;
    const int width = kLeft + static_cast<int>(n) * slot + 16;
    const int height = kTop + kPlotHeight + kAxis;
    HtmlWriter w(2048 + n * 400);
    std::string description = "Part des réponses favorables par période (nombre de réponses). ";
    for (const auto& row : statistics.periods)
        description += row.period + CYB_NBSP ": " +
                       (row.hidden != Hidden::no ? std::string("masqué")
                                                 : bar_label(row.favourable) + " (" + std::to_string(row.responses) + " réponses)") +
                       ". ";
    w.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                   {"class", "statistics-chart evolution-chart"},
                   {"viewBox", "0 0 " + std::to_string(width) + " " + std::to_string(height)},
                   {"width", width},
                   {"height", height},
                   {"role", "img"},
                   {"aria-labelledby", "evolution-chart-title evolution-chart-desc"}});
    w.element("title", {{"id", "evolution-chart-title"}}, "Évolution de la part des réponses favorables");
    w.element("desc", {{"id", "evolution-chart-desc"}}, description);
    for (int tick = 0; tick <= 100; tick += 25) {
        const int y = kTop + kPlotHeight - tick * kPlotHeight / 100;
        w.open("line", {{"x1", kLeft - 4}, {"x2", width - 4}, {"y1", y}, {"y2", y}, {"stroke", kGridColour}}).close("line");
        w.element("text", {{"x", kLeft - 8}, {"y", y + 4}, {"text-anchor", "end"}, {"font-size", 11}, {"fill", kAxisText}},
                  std::to_string(tick) + " %");
    }
    const int bar = slot * 3 / 5;
    for (size_t i = 0; i < n; ++i) {
        const auto& row = statistics.periods[i];
        const int x = kLeft + static_cast<int>(i) * slot + (slot - bar) / 2;
        const auto share = row.favourable.share();
        if (share) {
            const int h = percent_of(*share) * kPlotHeight / 100;
            w.open("rect", {{"x", x}, {"y", kTop + kPlotHeight - h}, {"width", bar}, {"height", std::max(h, 1)}, {"fill", kBarColour},
                            {"data-period", row.period}, {"data-share", percent_of(*share)}});
            w.element("title", row.period + CYB_NBSP ": " + bar_label(row.favourable) + " (" + std::to_string(row.responses) + " réponses)");
            w.close("rect");
        } else {
            w.element("text", {{"x", x + bar / 2}, {"y", kTop + kPlotHeight - 6}, {"text-anchor", "middle"}, {"font-size", 10},
                               {"fill", kAxisText}, {"data-period", row.period}},
                      row.hidden != Hidden::no ? "masqué" : "—");
        }
        if (n <= 24 || i % 2 == 0)
            w.element("text", {{"x", x + bar / 2}, {"y", kTop + kPlotHeight + 16}, {"text-anchor", "middle"}, {"font-size", 10},
                               {"fill", kText}},
                      row.period);
    }
    w.close("svg");
    return w.take();
}

std::string render_statistics_page(const PageContext& context, const StatisticsPageData& data) {
    PageContext page = context;
    if (page.title.empty()) page.title = "Statistiques du marché";
    const MarketStatistics& statistics = data.statistics;
    HtmlWriter w(32768 + statistics.questions.size() * 600);
    w.element("h1", {{"id", "page-title"}}, "Statistiques du marché");
    w.element("p", {{"class", "hint"}},
              "Les réponses soumises aux achats dont vous êtes membre (toutes pour un administrateur), question par "
              "question. Pour ne jamais révéler les réponses d'un fournisseur, tout chiffre qui porterait sur moins de " +
                  std::to_string(kMinVendors) + " fournisseurs distincts est masqué.");
    write_filter_form(w, data);
    if (statistics.hidden != Hidden::no) {
        w.open("section", {{"class", "card"}, {"id", "statistics-hidden"}, {"aria-labelledby", "statistics-hidden-title"}});
        w.element("h2", {{"id", "statistics-hidden-title"}}, hidden_notice());
        w.element("p", "Ces critères retiennent les réponses de moins de " + std::to_string(kMinVendors) +
                           " fournisseurs distincts : élargissez la période, la famille d'équipement ou l'achat.");
        w.close("section");
        return render_layout(page, w.take());
    }
    write_summary(w, statistics, data.query);
    write_vigilance(w, statistics);
    write_parts(w, statistics);
    write_questions(w, statistics);
    write_evolution(w, statistics, data.filter.period);
    return render_layout(page, w.take());
}

}  // namespace cyberachat::web::views
