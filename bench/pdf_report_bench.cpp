// PDF report benchmark: the report of a purchase with 8 vendors, every question answered (all pages
// visible), each part's flowchart with the path taken, drawn by cairo/pango/librsvg. Reference in the
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
                        section_block.answers.push_back(report::AnswerLine{question.id, question.label.fr,
                                                                           value_for(question).dump(), "Commentaire", {}});
                block.sections.push_back(std::move(section_block));
            }
            vendor.parts.push_back(std::move(block));
        }
        document.comparison.push_back(report::ComparisonRow{vendor.company, "Soumis", "100 %", {}, {}, 0});
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
