#include "outputs/flowchart/flowchart_drawing.hpp"

#include "core/markup_escape.hpp"

#include <algorithm>

namespace cyberachat::flowchart {
namespace {

size_t code_points(std::string_view text) {
    return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string longest(std::initializer_list<std::string> texts) {
    std::string best;
    for (const auto& text : texts)
        if (code_points(text) > code_points(best)) best = text;
    return best;
}

std::string part_number_text(Language language, size_t index) {
    return std::string(in_language(language, "Partie ", "Part ")) + std::to_string(index + 1);
}

std::string count_text(Language language, size_t count, const char* fr_one, const char* fr_many, const char* en_one,
                       const char* en_many) {
    return std::to_string(count) + " " + (count == 1 ? in_language(language, fr_one, en_one) : in_language(language, fr_many, en_many));
}

void finish(ChartTemplate& chart, const Drawing& drawing, std::vector<std::string> plain_status) {
    for (const auto& label : chart.labels) chart.labels_xml.push_back(markup_escaped(label));
    for (const auto& status : plain_status) chart.plain_status_xml.push_back(markup_escaped(status));
    (void)drawing;
}

}  // namespace

const StatusTexts& status_texts(Language language) {
    static const StatusTexts fr{"✓ complet",   "incomplet", "sans objet", "page actuelle", "sans réponse",
                                "Réponse\u00A0: Oui", "Réponse\u00A0: Non", "Oui", "Non"};
    static const StatusTexts en{"✓ complete", "incomplete", "not applicable", "current page", "no answer",
                                "Answer: Yes", "Answer: No", "Yes", "No"};
    return language == Language::en ? en : fr;  // two tables of texts, not two texts
}

std::vector<std::string> wrap_text(std::string_view text, size_t width) {
    std::vector<std::string> lines;
    std::string line;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view word = text.substr(start, end - start);
        if (!word.empty()) {
            if (!line.empty() && code_points(line) + 1 + code_points(word) > width) {
                lines.push_back(std::move(line));
                line.clear();
            }
            if (!line.empty()) line += ' ';
            line += word;
        }
        start = end + 1;
    }
    if (!line.empty()) lines.push_back(std::move(line));
    return lines;
}

Result<std::shared_ptr<const ChartTemplate>> make_part_chart(std::shared_ptr<const Questionnaire> questionnaire,
                                                              size_t part_index, Language language) {
    auto chart = std::make_shared<ChartTemplate>();
    chart->questionnaire = questionnaire;
    chart->language = language;
    chart->part_index = part_index;
    chart->model = build_part_flowchart(*questionnaire, part_index);
    const PartFlowchart& model = *chart->model;
    const Part& part = *model.part;
    const StatusTexts& st = status_texts(language);
    const std::string part_name = part.short_title.in(language).empty() ? part.title.in(language) : part.short_title.in(language);
    chart->title = std::string(in_language(language, "Logigramme de la partie ", "Flowchart of part ")) + std::to_string(part_index + 1) +
                   " — " + part_name;

    Drawing drawing;
    drawing.title = chart->title;
    std::vector<std::string> plain_status;
    for (const Node& node : model.nodes) {
        DrawNode draw;
        std::string label, plain;
        switch (node.kind) {
            case NodeKind::entry:
                draw.id = "fc-entry";
                draw.shape = Shape::terminal;
                draw.css_class = "fc-terminal fc-entry";
                draw.lines = {part_number_text(language, part_index)};
                for (auto& line : wrap_text(part_name, 26)) draw.lines.push_back(line);
                plain = in_language(language, "Début", "Start");
                label = std::string(in_language(language, "Début de la partie ", "Start of part ")) + std::to_string(part_index + 1) +
                        " — " + part_name;
                break;
            case NodeKind::exit:
                draw.id = "fc-exit";
                draw.shape = Shape::terminal;
                draw.css_class = "fc-terminal fc-exit";
                label = std::string(in_language(language, "Fin de la partie ", "End of part ")) + std::to_string(part_index + 1);
                draw.lines = {label};
                plain = part_index + 1 < questionnaire->parts.size()
                            ? std::string(in_language(language, "vers la partie ", "on to part ")) + std::to_string(part_index + 2)
                            : std::string(in_language(language, "fin du questionnaire", "end of the questionnaire"));
                break;
            case NodeKind::section: {
                draw.id = "fc-s-" + node.section->id;
                draw.css_class = node.conditional ? "fc-section fc-conditional" : "fc-section";
                label = node.section->title.in(language);
                draw.lines = wrap_text(label, 26);
                const size_t count = node.section->questions.size();
                plain = count_text(language, count, "question", "questions", "question", "questions");
                draw.status_sample = longest({st.complete, st.incomplete, st.not_applicable, st.current, plain});
                break;
            }
            case NodeKind::decision: {
                draw.id = "fc-d-" + node.question->id;
                draw.shape = Shape::diamond;
                draw.css_class = "fc-decision";
                label = node.question->label.in(language);
                if (node.external) label = part_number_text(language, node.question->part_index) + " — " + label;
                draw.lines = wrap_text(label, 30);
                plain = in_language(language, "Oui / Non\u00A0?", "Yes / No?");
                draw.status_sample = longest({st.answer_yes, st.answer_no, st.unanswered, st.not_applicable, plain});
                break;
            }
        }
        if (draw.status_sample.empty()) draw.status_sample = plain;
        chart->labels.push_back(std::move(label));
        plain_status.push_back(std::move(plain));
        drawing.nodes.push_back(std::move(draw));
    }
    for (const Edge& edge : model.edges) {
        DrawEdge draw;
        draw.from = edge.from;
        draw.to = edge.to;
        const char* kind = edge.kind == EdgeKind::yes ? "oui" : edge.kind == EdgeKind::no ? "non" : "next";
        draw.id = "fc-e-" + model.nodes[edge.from].key + "-to-" + model.nodes[edge.to].key + "-" + kind;
        draw.css_class = edge.kind == EdgeKind::yes ? "fc-yes" : edge.kind == EdgeKind::no ? "fc-no" : "fc-next";
        draw.label = edge.kind == EdgeKind::yes ? st.yes : edge.kind == EdgeKind::no ? st.no : "";
        draw.emphasized = edge.kind == EdgeKind::next;
        drawing.edges.push_back(std::move(draw));
    }
    auto svg = lay_out(drawing);
    if (!svg) return svg.error();
    chart->svg = std::move(svg.value());
    finish(*chart, drawing, std::move(plain_status));
    return std::shared_ptr<const ChartTemplate>(std::move(chart));
}

Result<std::shared_ptr<const ChartTemplate>> make_overview_chart(std::shared_ptr<const Questionnaire> questionnaire,
                                                                  Language language) {
    auto chart = std::make_shared<ChartTemplate>();
    chart->questionnaire = questionnaire;
    chart->language = language;
    chart->overview = true;
    const StatusTexts& st = status_texts(language);
    chart->title = std::string(in_language(language, "Questionnaire en ", "A questionnaire in ")) +
                   std::to_string(questionnaire->parts.size()) + in_language(language, " parties", " parts");
    Drawing drawing;
    drawing.title = chart->title;
    drawing.left_to_right = true;
    std::vector<std::string> plain_status;
    auto add = [&](DrawNode node, std::string label, std::string plain) {
        if (node.status_sample.empty()) node.status_sample = plain;
        drawing.nodes.push_back(std::move(node));
        chart->labels.push_back(std::move(label));
        plain_status.push_back(std::move(plain));
    };
    // Terminals: their one line is the status line, which renders keep as is.
    add(DrawNode{"fc-entry", Shape::terminal, {}, "", "fc-terminal fc-entry"},
        in_language(language, "Début du questionnaire", "Start of the questionnaire"), in_language(language, "Début", "Start"));
    for (const Part& part : questionnaire->parts) {
        DrawNode node{"fc-p-" + part.id, Shape::box, {part_number_text(language, part.index)}, "", "fc-part"};
        for (auto& line : wrap_text(part.title.in(language), 24)) node.lines.push_back(line);
        std::string plain = count_text(language, part.sections.size(), "page", "pages", "page", "pages");
        node.status_sample = longest({st.complete, st.not_applicable, "100 %", plain});
        add(std::move(node), part_number_text(language, part.index) + " — " + part.title.in(language), plain);
    }
    add(DrawNode{"fc-exit", Shape::terminal, {}, "", "fc-terminal fc-exit"},
        in_language(language, "Relecture et envoi", "Review and submission"), in_language(language, "Envoi", "Submission"));
    for (size_t i = 0; i + 1 < drawing.nodes.size(); ++i)
        drawing.edges.push_back(DrawEdge{i, i + 1, "fc-e-" + std::to_string(i), "", "fc-next", true});
    auto svg = lay_out(drawing);
    if (!svg) return svg.error();
    chart->svg = std::move(svg.value());
    finish(*chart, drawing, std::move(plain_status));
    return std::shared_ptr<const ChartTemplate>(std::move(chart));
}

Result<std::shared_ptr<const ChartTemplate>> FlowchartCache::part(const std::shared_ptr<const Questionnaire>& questionnaire,
                                                                  size_t part_index, Language language) {
    return get(questionnaire, static_cast<long>(part_index), language);
}

Result<std::shared_ptr<const ChartTemplate>> FlowchartCache::overview(
    const std::shared_ptr<const Questionnaire>& questionnaire, Language language) {
    return get(questionnaire, -1, language);
}

size_t FlowchartCache::layouts() const {
    std::lock_guard lock(mutex_);
    return layouts_;
}

Result<std::shared_ptr<const ChartTemplate>> FlowchartCache::get(const std::shared_ptr<const Questionnaire>& questionnaire,
                                                                 long part, Language language) {
    const Key key{questionnaire.get(), part, static_cast<int>(language)};
    std::lock_guard lock(mutex_);  // held during a layout: the same chart is never laid out twice at once
    if (auto it = entries_.find(key); it != entries_.end()) {
        if (it->second.owner.lock() == questionnaire) return it->second.chart;
        entries_.erase(it);  // an old questionnaire freed, its address reused
    }
    // Forget charts of questionnaires that are gone.
    std::erase_if(entries_, [](const auto& entry) { return entry.second.owner.expired(); });
    auto made = part < 0 ? make_overview_chart(questionnaire, language)
                         : make_part_chart(questionnaire, static_cast<size_t>(part), language);
    if (!made) return made.error();
    ++layouts_;
    entries_[key] = Entry{questionnaire, made.value()};
    return made;
}

}  // namespace cyberachat::flowchart
