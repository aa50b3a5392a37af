#pragma once
// The drawn charts: a part's flowchart (from flowchart_model) or the overview of the parts, laid
// out once per questionnaire, part and language (FlowchartCache), with the texts a render needs
// already escaped. Applying a response to a chart is in response_flowchart.hpp.
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/localized_text.hpp"
#include "core/questionnaire.hpp"
#include "core/result.hpp"
#include "outputs/flowchart/flowchart_layout.hpp"
#include "outputs/flowchart/flowchart_model.hpp"

namespace cyberachat::flowchart {

// The status texts, shown in the boxes (also in the text version of a chart).
struct StatusTexts {
    const char* complete;      // "✓ complet"
    const char* incomplete;    // "incomplet"
    const char* not_applicable;// "sans objet"
    const char* current;       // "page actuelle"
    const char* unanswered;    // decisions: "sans réponse"
    const char* answer_yes;    // "Réponse : Oui"
    const char* answer_no;     // "Réponse : Non"
    const char* yes;           // "Oui"
    const char* no;            // "Non"
};
const StatusTexts& status_texts(Language language);

struct ChartTemplate {
    std::shared_ptr<const Questionnaire> questionnaire;  // keeps the model's pointers alive
    Language language = Language::fr;
    bool overview = false;                 // the parts overview (nodes: entry, parts…, exit)
    size_t part_index = 0;                 // part charts
    std::optional<PartFlowchart> model;    // part charts
    SvgTemplate svg;
    std::string title;                     // plain: "Logigramme de la partie 1 — Dispositif"
    std::vector<std::string> labels;       // by node: plain one-line label
    std::vector<std::string> labels_xml;   // the same, escaped
    std::vector<std::string> plain_status_xml;  // by node: status line of the definition chart, escaped
};

// Lays out a part's chart (Graphviz); errors: "layout".
Result<std::shared_ptr<const ChartTemplate>> make_part_chart(std::shared_ptr<const Questionnaire> questionnaire,
                                                              size_t part_index, Language language);
Result<std::shared_ptr<const ChartTemplate>> make_overview_chart(std::shared_ptr<const Questionnaire> questionnaire,
                                                                  Language language);

// Charts laid out once per (questionnaire, part, language) and kept; thread-safe. A questionnaire is
// recognised by its object: a new version (or an edited file) is a new object, laid out anew.
class FlowchartCache {
public:
    Result<std::shared_ptr<const ChartTemplate>> part(const std::shared_ptr<const Questionnaire>& questionnaire,
                                                      size_t part_index, Language language);
    Result<std::shared_ptr<const ChartTemplate>> overview(const std::shared_ptr<const Questionnaire>& questionnaire,
                                                          Language language);
    size_t layouts() const;  // how many layouts were made (for tests)

private:
    using Key = std::tuple<const Questionnaire*, long, int>;  // part -1: overview
    struct Entry {
        std::weak_ptr<const Questionnaire> owner;
        std::shared_ptr<const ChartTemplate> chart;
    };
    Result<std::shared_ptr<const ChartTemplate>> get(const std::shared_ptr<const Questionnaire>& questionnaire,
                                                     long part, Language language);
    mutable std::mutex mutex_;
    std::map<Key, Entry> entries_;
    size_t layouts_ = 0;
};

// Splits a text into lines of at most `width` characters (UTF-8 aware), at spaces.
std::vector<std::string> wrap_text(std::string_view text, size_t width);

}  // namespace cyberachat::flowchart
