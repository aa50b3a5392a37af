// PDF report benchmark: the report of a purchase with 8 vendors, every question answered (all pages
// visible), each part's flowchart with the path taken, drawn by cairo/pango/librsvg, and each
// vendor's evaluation (scores, score chart, points de vigilance, reviewers' comments, opinions). Reference in the
// same run: the same model written as JSON text (what the JSON export costs), so the figure reads as
// a ratio on any machine. Target (issue 6): under 500 ms.
#include <benchmark/benchmark.h>

#include <nlohmann/json.hpp>

#include "core/engine.hpp"
#include "definition/builtin_questionnaire.hpp"
#include "outputs/flowchart/response_flowchart.hpp"
#include "outputs/pdf/pdf_renderer.hpp"

using namespace cyberachat;

namespace {

// A full answer of the right shape for the engine: "oui" for yes/no (opens every branch), text elsewhere.
nlohmann::json value_for(const Question& question) {
    switch (question.kind) {
        case QuestionKind::yes_no: return "oui";
        case QuestionKind::single_choice: return question.choices.empty() ? nlohmann::json("x") : nlohmann::json(question.choices.front().id);
        case QuestionKind::multiple_choice:
            return question.choices.empty() ? nlohmann::json::array() : nlohmann::json::array({question.choices.front().id});
        default: return "Réponse détaillée du fournisseur : chiffrement AES-256, mises à jour trimestrielles, support 24 h/24.";
    }
}

report::ReportDocument purchase_report() {
    auto questionnaire = builtin_afib();
    static flowchart::FlowchartCache cache;
    report::ReportDocument document;
    document.kind = report::ReportKind::acquisition;
    document.title = "Échographes cardiologie 2027";
    document.subtitle = "Rapport d'achat";
    for (int v = 0; v < 8; ++v) {
        AnswerSet answers;
        for (const Question* question : questionnaire->questions()) answers[question->id] = Answer{value_for(*question), ""};
        const Evaluation evaluation = evaluate(*questionnaire, answers);
        report::VendorBlock vendor;
        vendor.company = "Fournisseur n° " + std::to_string(v + 1) + " — Médica Santé";
        const flowchart::ResponseState state{evaluation, answers, {}};
        for (const auto& part : questionnaire->parts) {
            report::PartBlock block;
            block.title = part.title.fr;
            auto chart = cache.part(questionnaire, part.index, Language::fr).value();
            block.flowchart_svg = flowchart::render_response_svg(*chart, state, {}, true);
            for (const auto& section : part.sections) {
                if (!evaluation.is_visible(section)) continue;
                report::SectionBlock section_block{section.title.fr, {}, {}};
                for (const auto& question : section.questions)
                    if (evaluation.is_visible(question))
                        // Each vendor's own answers and comments (only the questionnaire's texts recur).
                        section_block.answers.push_back(report::AnswerLine{
                            question.id, question.label.fr,
                            value_for(question).dump() + " (fournisseur " + std::to_string(v + 1) + ")",
                            "Commentaire du fournisseur " + std::to_string(v + 1) + " sur " + question.id, {}});
                block.sections.push_back(std::move(section_block));
            }
            vendor.parts.push_back(std::move(block));
        }
        // The hospital's evaluation, as a real purchase report carries it: scores, a dozen points de
        // vigilance with their rationale, reviewers' comments and both opinions.
        report::Evaluation& evaluated = vendor.evaluation;
        const int overall = 40 + 7 * v;
        evaluated.score = std::to_string(overall) + " / 100";
        evaluated.score_ratio = overall / 100.0;
        for (const auto& part : questionnaire->parts)
            evaluated.part_scores.emplace_back(part.title.fr, std::to_string(overall + static_cast<int>(part.index)) + " / 100");
        for (int i = 0; i < 12; ++i)
            evaluated.vigilance.push_back(report::VigilancePoint{
                i < 2 ? "Critique" : i < 6 ? "Majeure" : "Mineure", questionnaire->questions()[i * 7]->label.fr, "Non",
                "Sans mises à jour de sécurité du système d'exploitation, une faille connue reste exploitable sur le réseau de l'établissement."});
        for (int i = 0; i < 3; ++i)
            evaluated.comments.push_back(report::ReviewerComment{"rssi@chu.test", "12/01/2027 à 10:15", questionnaire->questions()[i * 11]->label.fr,
                                                                 "Préciser le délai de déploiement des correctifs après leur publication par l'éditeur.",
                                                                 "Précision demandée"});
        evaluated.opinions.push_back(report::Opinion{"rssi@chu.test", "DSI / RSSI", "Favorable avec réserves",
                                                     "Réserve sur la télémaintenance : passer par la passerelle sécurisée de l'établissement.", "15/01/2027"});
        evaluated.opinions.push_back(report::Opinion{"bio@chu.test", "Ingénieur biomédical", "Favorable",
                                                     "Réponse complète et documentée.", "16/01/2027"});
        document.comparison.push_back(report::ComparisonRow{vendor.company, "Soumis", "100 %", evaluated.score,
                                                            evaluated.score_ratio, evaluated.vigilance.size()});
        document.vendors.push_back(std::move(vendor));
    }
    return document;
}

const report::ReportDocument& model() {
    static const report::ReportDocument document = purchase_report();
    return document;
}

void BM_PurchasePdf8Vendors(benchmark::State& state) {
    size_t bytes = 0;
    for (auto _ : state) {
        auto pdf = report::render_pdf(model());
        bytes = pdf->size();
        benchmark::DoNotOptimize(pdf);
    }
    state.counters["pdf_kB"] = static_cast<double>(bytes) / 1024.0;
}
BENCHMARK(BM_PurchasePdf8Vendors)->Unit(benchmark::kMillisecond);

// Reference: the same content as JSON text (no layout, no drawing).
void BM_ReferenceSameModelAsJson(benchmark::State& state) {
    for (auto _ : state) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& vendor : model().vendors)
            for (const auto& part : vendor.parts) {
                out.push_back({{"vendor", vendor.company}, {"part", part.title}, {"svg", part.flowchart_svg}});
                for (const auto& section : part.sections)
                    for (const auto& answer : section.answers)
                        out.push_back({{"q", answer.label}, {"a", answer.answer}, {"c", answer.comment}});
            }
        std::string text = out.dump();
        benchmark::DoNotOptimize(text);
    }
}
BENCHMARK(BM_ReferenceSameModelAsJson)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
