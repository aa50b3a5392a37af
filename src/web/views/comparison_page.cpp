#include "web/views/comparison_page.hpp"

#include "web/views/support_findings_panel.hpp"

#include <algorithm>

#include "core/evaluation_records.hpp"
#include "core/response_state.hpp"
#include "core/utf8.hpp"
#include "web/views/answer_format.hpp"
#include "web/views/status_labels.hpp"
#include "web/views/evaluation_labels.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::Attr;
using html::HtmlWriter;
using nlohmann::json;

namespace {

// Eight colours distinguishable from each other and ≥ 3:1 against white (bars are also labelled).
constexpr const char* kPalette[] = {"#1f4e8c", "#b3541e", "#1e6b3a", "#7b2d8e", "#8a6d00", "#0f6e74", "#a3213f", "#4f5a66"};

const char* colour(size_t index) { return kPalette[index % (sizeof kPalette / sizeof *kPalette)]; }

void write_value_or_documents(HtmlWriter& w, const Question& question, const json* value,
                              const std::vector<StoredDocument>* documents) {
    if (question.kind == QuestionKind::document)
        return write_document_answer(w, value ? *value : json(), documents, Language::fr, "/documents/", false);
    write_answer_value(w, question, value ? *value : json(), Language::fr);
}

std::string vendor_label(const ComparedVendor& vendor) { return vendor.response.company; }

// The vendor's comment under its answer: short ones shown as they are, longer ones folded in a
// <details> (its summary says whose comment it is), so that a row stays compact.
constexpr size_t kCommentShownCharacters = 160;
void write_cell_comment(HtmlWriter& w, const std::string& comment) {
    if (!longer_than(comment, kCommentShownCharacters)) {
        w.open("div", {{"class", "answer-comment cell-comment"}});
        w.element("p", {{"class", "comment-label"}}, "Commentaire du fournisseur");
        w.element("p", {{"class", "long-text"}}, comment);
        w.close("div");
        return;
    }
    w.open("details", {{"class", "answer-comment cell-comment"}});
    w.element("summary", {{"class", "comment-label"}}, "Commentaire du fournisseur");
    w.element("p", {{"class", "long-text"}}, comment);
    w.close("details");
}

// The width a character takes in DejaVu Sans / Arial, in em, erring on the wide side: narrow
// punctuation and i/l, digits and lower case, capitals, W and M; other characters (accented
// letters…) as a wide lower-case letter.
double chart_character_em(unsigned char lead) {
    if (lead >= 0x80) return 0.7;
    const char c = static_cast<char>(lead);
    if (c == ' ' || c == '.' || c == ',' || c == ':' || c == ';' || c == '\'' || c == '!' || c == '|' || c == 'i' ||
        c == 'j' || c == 'l' || c == 'I' || c == '(' || c == ')' || c == '-' || c == 'f' || c == 't' || c == 'r')
        return 0.42;
    if (c == 'W' || c == 'M' || c == 'm' || c == 'w' || c == '@' || c == '%') return 1.0;
    if (c >= 'A' && c <= 'Z') return 0.78;
    return 0.64;
}

// A vendor's name in the chart's legend, drawn at `font_px`: whole when it fits in `max_px`, else
// cut at a character boundary and ended with "…" (the full name is the entry's <title>).
std::string chart_vendor_name(std::string_view name, double max_px, double font_px) {
    double width = 0;
    for (unsigned char c : name)
        if ((c & 0xC0) != 0x80) width += chart_character_em(c) * font_px;
    if (width <= max_px) return std::string(name);
    const double budget = max_px - 1.0 * font_px;  // room for "…"
    width = 0;
    size_t end = 0;
    for (size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if ((c & 0xC0) == 0x80) continue;  // inside a character
        width += chart_character_em(c) * font_px;
        if (width > budget) break;
        end = i + 1;
        while (end < name.size() && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) ++end;
    }
    std::string out(name.substr(0, end));
    while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == '-')) out.pop_back();
    return out + "…";
}

// The opinion of one role ("it" / "biomedical") beside a vendor, or "Pas encore d'avis".
void write_opinion_cell(HtmlWriter& w, const ComparedVendor& vendor, std::string_view role) {
    w.open("td", {{"data-opinion", role}});
    const Opinion* found = nullptr;
    if (vendor.opinions)
        for (const Opinion& opinion : *vendor.opinions)
            if (opinion.role == role) found = &opinion;
    if (!found) {
        w.element("span", {{"class", "muted"}}, "Pas encore d'avis");
    } else {
        w.element("strong", opinion_verdict_label_fr(found->verdict));
        if (!found->text.empty()) {
            w.void_tag("br");
            w.element("span", {{"class", "opinion-text"}}, found->text);
        }
    }
    w.close("td");
}

// Which responses are compared, which are not (named with their state), and the switch.
void write_comparison_scope(HtmlWriter& w, const ComparisonPage& page, const std::string& base) {
    w.open("div", {{"class", "notice comparison-scope"}, {"id", "perimetre"}});
    w.element("p", page.include_drafts
                       ? "Les brouillons et les réponses rouvertes sont inclus dans la comparaison et le classement : "
                         "leurs réponses peuvent encore changer."
                       : "Seules les réponses soumises sont comparées et classées.");
    if (page.left_out && !page.left_out->empty()) {
        w.open("p").text("Non comparées : ");
        bool first = true;
        for (const VendorResponse& response : *page.left_out) {
            if (!first) w.text(", ");
            first = false;
            w.open("span", {{"class", "left-out"}, {"data-vendor", static_cast<long long>(response.id)}});
            w.text(response.company + " ");
            write_response_status_badge(w, response);
            w.close("span");
        }
        w.text(".");
        w.close("p");
    }
    if (page.include_drafts)
        w.element("a", {{"href", base + "/comparison"}, {"class", "button button-secondary"}}, "Seulement les réponses soumises");
    else if (page.left_out && std::any_of(page.left_out->begin(), page.left_out->end(), [](const VendorResponse& r) {
                 return response_state(r) != ResponseState::withdrawn;
             }))
        w.element("a", {{"href", base + "/comparison?drafts=1"}, {"class", "button button-secondary"}},
                  "Inclure les brouillons");
    w.close("div");
}

}  // namespace

std::string render_score_chart_svg(const Questionnaire& questionnaire, const std::vector<ComparedVendor>& vendors) {
    const size_t groups = questionnaire.parts.size() + 1;
    const size_t n = std::max<size_t>(vendors.size(), 1);
    const int bar = n > 5 ? 9 : 14, gap = 2, group_gap = 26, left = 40, top = 12, plot_height = 160, axis = 28;
    const int group_width = static_cast<int>(n) * (bar + gap) - gap;
    const int width = left + static_cast<int>(groups) * (group_width + group_gap) + 8;
    // The legend under the bars: a swatch and the vendor's name per entry, in as many columns of
    // kLegendColumn pixels as the chart is wide; a name longer than a column holds is shortened.
    constexpr int kLegendColumn = 170, kLegendRow = 18, kLegendFont = 11;
    constexpr double kLegendText = kLegendColumn - 14 - 8;  // after the swatch, a gap before the next column
    const int legend_columns = std::max(1, (width - left) / kLegendColumn);
    const int legend_rows = (static_cast<int>(vendors.size()) + legend_columns - 1) / legend_columns;
    const int legend_top = top + plot_height + axis;
    const int height = legend_top + legend_rows * kLegendRow + 8;
    HtmlWriter w(4096 + vendors.size() * groups * 200);

    std::string description = "Scores sur 100 par partie. ";
    auto group_score = [&](const ComparedVendor& vendor, size_t group) {
        return group < questionnaire.parts.size() ? vendor.card.parts[group].score() : vendor.card.overall.score();
    };
    auto group_label = [&](size_t group) {
        return group < questionnaire.parts.size() ? questionnaire.parts[group].short_title.fr : std::string("Global");
    };
    for (size_t g = 0; g < groups; ++g) {
        description += group_label(g) + "\u00A0: ";
        for (size_t v = 0; v < vendors.size(); ++v)
            description += (v ? ", " : "") + vendor_label(vendors[v]) + " " + std::to_string(group_score(vendors[v], g));
        description += ". ";
    }
    w.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                   {"class", "score-chart"},
                   {"viewBox", "0 0 " + std::to_string(width) + " " + std::to_string(height)},
                   {"width", width},
                   {"height", height},
                   {"role", "img"},
                   {"aria-labelledby", "chart-title chart-desc"}});
    w.element("title", {{"id", "chart-title"}}, "Scores par partie et par fournisseur");
    w.element("desc", {{"id", "chart-desc"}}, description);
    for (int tick = 0; tick <= 100; tick += 25) {
        const int y = top + plot_height - tick * plot_height / 100;
        // Inside inline SVG an HTML void tag does not close itself: <line></line>, never <line>.
        w.open("line", {{"x1", left - 4}, {"x2", width - 4}, {"y1", y}, {"y2", y}, {"stroke", "#d5dbe2"}}).close("line");
        w.element("text", {{"x", left - 8}, {"y", y + 4}, {"text-anchor", "end"}, {"font-size", 11}, {"fill", "#4f5a66"}},
                  std::to_string(tick));
    }
    for (size_t g = 0; g < groups; ++g) {
        const int x0 = left + static_cast<int>(g) * (group_width + group_gap) + group_gap / 2;
        for (size_t v = 0; v < vendors.size(); ++v) {
            const int value = group_score(vendors[v], g);
            const int h = value * plot_height / 100;
            const int x = x0 + static_cast<int>(v) * (bar + gap);
            w.open("rect", {{"x", x},
                            {"y", top + plot_height - h},
                            {"width", bar},
                            {"height", std::max(h, 1)},
                            {"fill", colour(v)},
                            {"data-vendor", static_cast<long long>(vendors[v].response.id)},
                            {"data-part", g < questionnaire.parts.size() ? questionnaire.parts[g].id : "overall"},
                            {"data-score", value}});
            w.element("title", vendor_label(vendors[v]) + " — " + group_label(g) + "\u00A0: " + std::to_string(value));
            w.close("rect");
        }
        w.element("text", {{"x", x0 + group_width / 2},
                           {"y", top + plot_height + 16},
                           {"text-anchor", "middle"},
                           {"font-size", 11},
                           {"fill", "#1b1f24"}},
                  // Short axis labels ("Partie 1"): the full titles are in the description and the table.
                  g < questionnaire.parts.size() ? "Partie " + std::to_string(g + 1) : std::string("Global"));
    }
    for (size_t v = 0; v < vendors.size(); ++v) {
        const int x = left + static_cast<int>(v % legend_columns) * kLegendColumn;
        const int y = legend_top + static_cast<int>(v / legend_columns) * kLegendRow;
        w.open("g", {{"class", "legend-entry"}, {"data-vendor", static_cast<long long>(vendors[v].response.id)}});
        w.element("title", vendor_label(vendors[v]));  // the full name, as a tooltip
        w.open("path", {{"d", "M" + std::to_string(x) + " " + std::to_string(y) + "h10v10h-10z"}, {"fill", colour(v)}})
            .close("path");
        w.element("text", {{"x", x + 14}, {"y", y + 9}, {"font-size", kLegendFont}, {"fill", "#1b1f24"}},
                  chart_vendor_name(vendor_label(vendors[v]), kLegendText, kLegendFont));
        w.close("g");
    }
    w.close("svg");
    return w.take();
}

std::string render_comparison_page(const PageContext& context, const ComparisonPage& page) {
    const Questionnaire& questionnaire = page.questionnaire;
    const std::string base = "/acquisitions/" + std::to_string(page.acquisition.id);
    PageContext layout = context;
    if (layout.title.empty()) layout.title = "Comparaison — " + page.acquisition.title;
    HtmlWriter w(65536 + page.rows.size() * page.vendors.size() * 160);

    w.open("nav", {{"class", "breadcrumb"}, {"aria-label", "Fil d'Ariane"}});
    w.open("ol");
    w.open("li").element("a", {{"href", "/acquisitions"}}, "Achats").close("li");
    w.open("li").element("a", {{"href", base}}, page.acquisition.title).close("li");
    w.open("li").element("span", {{"aria-current", "page"}}, "Comparaison").close("li");
    w.close("ol");
    w.close("nav");
    write_page_heading(w, page.acquisition.title, "Comparaison des fournisseurs");
    w.element("p", {{"class", "notice advisory"}}, evaluation_advisory_note());

    if (page.vendors.empty() && (!page.left_out || page.left_out->empty())) {
        w.element("p", "Aucun fournisseur n'a encore été invité pour cet achat.");
        return render_layout(layout, w.take());
    }
    write_comparison_scope(w, page, base);
    if (page.vendors.empty()) {
        w.element("p", {{"class", "empty-comparison"}}, "Aucune réponse n'a encore été soumise : rien à comparer pour l'instant.");
        return render_layout(layout, w.take());
    }

    // Scores: chart, then the same figures as a table (the chart's text alternative).
    w.open("section", {{"class", "card"}, {"aria-labelledby", "scores-title"}});
    w.element("h2", {{"id", "scores-title"}}, "Scores par partie");
    w.open("div", {{"class", "chart-wrap"}});
    w.raw(render_score_chart_svg(questionnaire, page.vendors));  // its own legend; full names in the table below
    w.close("div");
    w.open("div", {{"class", "table-wrap"}});
    w.open("table", {{"class", "data-table scores-table"}});
    w.element("caption", "Scores sur 100");
    w.open("thead").open("tr").element("th", {{"scope", "col"}}, "Fournisseur");
    for (const auto& part : questionnaire.parts) w.element("th", {{"scope", "col"}}, part.short_title.fr);
    w.element("th", {{"scope", "col"}}, "Global");
    w.element("th", {{"scope", "col"}}, "Points de vigilance");
    w.element("th", {{"scope", "col"}}, "Statut");
    w.element("th", {{"scope", "col"}}, std::string("Avis ") + std::string(opinion_role_label_fr("it")));
    w.element("th", {{"scope", "col"}}, std::string("Avis ") + std::string(opinion_role_label_fr("biomedical")));
    w.close("tr").close("thead").open("tbody");
    for (const auto& vendor : page.vendors) {
        w.open("tr", {{"data-vendor", static_cast<long long>(vendor.response.id)}});
        w.open("th", {{"scope", "row"}})
            .element("a", {{"href", "/responses/" + std::to_string(vendor.response.id) + "#evaluation"}}, vendor.response.company)
            .close("th");
        for (const auto& part : questionnaire.parts) w.element("td", std::to_string(vendor.card.parts[part.index].score()));
        w.element("td", {{"data-score", "overall"}}, std::to_string(vendor.card.overall.score()));
        w.element("td", std::to_string(vendor.card.findings.size()));
        w.open("td");
        write_response_status_badge(w, vendor.response);
        w.close("td");
        write_opinion_cell(w, vendor, "it");
        write_opinion_cell(w, vendor, "biomedical");
        w.close("tr");
    }
    w.close("tbody").close("table").close("div");
    w.element("h3", {{"id", "ranking-title"}}, "Classement global (à titre d'information)");
    w.open("ol", {{"class", "ranking"}, {"aria-labelledby", "ranking-title"}});
    for (size_t index : page.ranking) {
        const auto& vendor = page.vendors[index];
        w.open("li", {{"data-vendor", static_cast<long long>(vendor.response.id)}});
        w.text(vendor.response.company + " — " + score_text(vendor.card.overall.score()) + " ");
        write_response_status_badge(w, vendor.response);
        w.close("li");
    }
    w.close("ol");
    w.close("section");

    // The declared systems out of support before the equipment's end of use, vendor by vendor.
    w.open("section", {{"class", "card"}, {"aria-labelledby", "support-title"}, {"id", "comparison-end-of-support"}});
    w.element("h2", {{"id", "support-title"}}, "Systèmes en fin de support");
    w.open("div", {{"class", "table-wrap"}});
    w.open("table", {{"class", "data-table"}});
    w.open("thead").open("tr");
    w.element("th", {{"scope", "col"}}, "Fournisseur");
    w.element("th", {{"scope", "col"}}, "Points de vigilance (fin de support)");
    w.element("th", {{"scope", "col"}}, "Non reconnus");
    w.close("tr").close("thead").open("tbody");
    for (const auto& vendor : page.vendors) {
        w.open("tr", {{"data-vendor", static_cast<long long>(vendor.response.id)}});
        w.open("th", {{"scope", "row"}})
            .element("a", {{"href", "/responses/" + std::to_string(vendor.response.id) + "#fin-de-support"}}, vendor.response.company)
            .close("th");
        w.open("td");
        if (vendor.support) write_support_findings_summary(w, *vendor.support);
        w.close("td");
        w.element("td", vendor.support ? std::to_string(vendor.support->not_recognised.size()) : std::string("—"));
        w.close("tr");
    }
    w.close("tbody").close("table").close("div");
    w.close("section");

    if (page.weights) {
        // The purchase's weights: each change is recorded in the journal.
        w.open("details", {{"class", "card weights"}, {"id", "poids"}});
        w.element("summary", "Ajuster les poids de la grille pour cet achat");
        w.element("p", {{"class", "hint"}},
                  "Un poids de 0 retire la question du score. Chaque changement est enregistré avec son auteur et sa date.");
        w.open("form", {{"method", "post"}, {"action", base + "/weights"}, {"class", "stack"}});
        write_csrf_field(w, context);
        w.open("div", {{"class", "table-wrap"}});
        w.open("table", {{"class", "data-table weights-table"}});
        w.element("caption", "Poids par question notée");
        w.open("thead").open("tr");
        w.element("th", {{"scope", "col"}}, "Question");
        w.element("th", {{"scope", "col"}}, "Gravité");
        w.element("th", {{"scope", "col"}}, "Poids de la grille");
        w.element("th", {{"scope", "col"}}, "Poids pour cet achat");
        w.close("tr").close("thead").open("tbody");
        for (const GridRule& rule : page.grid.rules) {
            const Question& question = *questionnaire.questions()[rule.question_index];
            auto own = page.weights->find(rule.question_id);
            const std::string id = "w-" + rule.question_id;
            w.open("tr");
            w.open("th", {{"scope", "row"}}).element("label", {{"for", id}}, question.label.fr).close("th");
            w.open("td");
            write_severity_badge(w, rule.severity);
            w.close("td");
            w.element("td", format_number(rule.weight, Language::fr));
            w.open("td");
            w.void_tag("input", {{"type", "text"}, {"inputmode", "decimal"}, {"id", id}, {"name", "w:" + rule.question_id},
                                 {"size", 5},
                                 {"value", own != page.weights->end() ? format_number_input(own->second, Language::fr) : std::string()},
                                 {"placeholder", format_number_input(rule.weight, Language::fr)}});
            w.close("td");
            w.close("tr");
        }
        w.close("tbody").close("table").close("div");
        w.element("button", {{"type", "submit"}, {"class", "button button-primary"}}, "Enregistrer les poids");
        w.close("form");
        w.close("details");
    }

    // Filters: a plain GET form, works without JavaScript.
    w.open("form", {{"method", "get"}, {"action", base + "/comparison"}, {"class", "card filters"},
                    {"aria-labelledby", "filters-title"}});
    w.element("h2", {{"id", "filters-title"}}, "Filtrer les questions");
    if (page.include_drafts) w.void_tag("input", {{"type", "hidden"}, {"name", "drafts"}, {"value", "1"}});
    w.open("div", {{"class", "filter-row"}});
    w.open("label", {{"class", "option"}});
    w.void_tag("input", {{"type", "checkbox"}, {"name", "differences"}, {"value", "1"},
                         Attr::flag("checked", page.filter.only_differences)});
    w.text(" Seulement les différences");
    w.close("label");
    w.open("label", {{"class", "option"}});
    w.void_tag("input", {{"type", "checkbox"}, {"name", "vigilance"}, {"value", "1"},
                         Attr::flag("checked", page.filter.only_vigilance)});
    w.text(" Seulement les points de vigilance");
    w.close("label");
    w.element("label", {{"for", "filter-part"}}, "Partie");
    w.open("select", {{"id", "filter-part"}, {"name", "part"}});
    w.element("option", {{"value", ""}, Attr::flag("selected", page.filter.part_id.empty())}, "Toutes les parties");
    for (const auto& part : questionnaire.parts)
        w.element("option", {{"value", part.id}, Attr::flag("selected", page.filter.part_id == part.id)},
                  "Partie " + std::to_string(part.index + 1) + " — " + part.short_title.fr);
    w.close("select");
    w.element("button", {{"type", "submit"}, {"class", "button button-primary"}}, "Appliquer");
    w.element("a", {{"href", base + (page.include_drafts ? "/comparison?drafts=1" : "/comparison")}, {"class", "button button-secondary"}},
              "Tout afficher");
    w.close("div");
    w.close("form");

    // The rows, part by part, section by section.
    size_t shown = 0;
    const Section* open_section = nullptr;
    auto close_section = [&] {
        if (!open_section) return;
        w.close("tbody").close("table").close("div").close("section");
        open_section = nullptr;
    };
    for (const ComparisonRow& row : page.rows) {
        if (!page.filter.keeps(row, questionnaire)) continue;
        const Question& question = *row.question;
        const Section* section = questionnaire.sections()[question.section_index];
        if (section != open_section) {
            close_section();
            open_section = section;
            const Part& part = questionnaire.parts[section->part_index];
            w.open("section", {{"class", "comparison-section"}, {"id", "s-" + section->id},
                               {"aria-labelledby", "st-" + section->id}});
            w.element("h2", {{"id", "st-" + section->id}, {"class", "comparison-section-title"}},
                      "Partie " + std::to_string(part.index + 1) + " — " + section->title.fr);
            w.open("div", {{"class", "table-wrap"}});
            w.open("table", {{"class", "data-table comparison-table"}});
            w.open("thead").open("tr").element("th", {{"scope", "col"}}, "Question");
            for (const auto& vendor : page.vendors) {
                w.open("th", {{"scope", "col"}});
                w.text(vendor.response.company);
                if (!is_submitted_state(response_state(vendor.response))) {
                    w.text(" ");
                    write_response_status_badge(w, vendor.response);
                }
                w.close("th");
            }
            w.close("tr").close("thead").open("tbody");
        }
        ++shown;
        std::string row_class = "comparison-row";
        if (row.differs) row_class += " row-differs";
        if (row.vigilance) row_class += " row-vigilance";
        w.open("tr", {{"class", row_class}, {"data-question", question.id}, {"data-differs", row.differs ? "1" : "0"},
                      {"data-vigilance", row.vigilance ? "1" : "0"}});
        w.open("th", {{"scope", "row"}});
        w.text(question.label.fr);
        if (row.differs) {
            w.text(" ");
            w.element("span", {{"class", "badge badge-differs"}}, "Réponses différentes");
        }
        w.close("th");
        for (size_t v = 0; v < page.vendors.size(); ++v) {
            const ComparisonCell& cell = row.cells[v];
            std::string cell_class = "cell";
            if (cell.outcome == Outcome::unfavourable) cell_class += " cell-unfavourable";
            if (cell.outcome == Outcome::favourable) cell_class += " cell-favourable";
            w.open("td", {{"class", cell_class}});
            if (!cell.visible) {
                w.element("span", {{"class", "muted"}}, "Sans objet");
            } else {
                auto docs = page.vendors[v].documents.find(question.id);
                write_value_or_documents(w, question, cell.value,
                                         docs == page.vendors[v].documents.end() ? nullptr : &docs->second);
                if (cell.outcome == Outcome::favourable) {
                    w.element("span", {{"class", "outcome outcome-favourable"}}, "✓ Favorable");
                } else if (cell.outcome == Outcome::unfavourable) {
                    w.open("span", {{"class", "outcome outcome-unfavourable"}});
                    w.text("⚠ Point de vigilance ");
                    if (const GridRule* rule = page.grid.find_rule(question.id)) write_severity_badge(w, rule->severity);
                    w.close("span");
                }
                if (cell.comment) write_cell_comment(w, *cell.comment);
            }
            w.close("td");
        }
        w.close("tr");
    }
    close_section();
    if (shown == 0) w.element("p", {{"class", "notice"}}, "Aucune question ne correspond à ces filtres.");
    return render_layout(layout, w.take());
}

}  // namespace cyberachat::web::views
