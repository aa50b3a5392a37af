// Comparison benchmark: the server-side work of GET /acquisitions/{id}/comparison for 8 vendors
// over the full AFIB questionnaire — branching and scoring of each response, the comparison rows,
// and the HTML page with its SVG chart. Reference in the same run: evaluate() alone ×8 (the
// branching the response pages already do), so the figure reads as a ratio on any machine.
#include <benchmark/benchmark.h>

#include "bench_answers.hpp"
#include "core/comparison.hpp"
#include "core/scoring.hpp"
#include "definition/builtin_grid.hpp"
#include "definition/builtin_questionnaire.hpp"
#include "web/views/comparison_page.hpp"

using namespace cyberachat;

namespace {

constexpr size_t kVendors = 8;

struct Vendors {
    std::vector<AnswerSet> answers;
    std::vector<VendorResponse> responses;
    web::views::DocumentMap documents;
    Acquisition acquisition;

    explicit Vendors(const Questionnaire& questionnaire) {
        acquisition.id = 1;
        acquisition.title = "Moniteurs de surveillance 2027";
        for (size_t i = 0; i < kVendors; ++i) {
            answers.push_back(full_answer_set(questionnaire, static_cast<unsigned>(i)));
            VendorResponse response;
            response.id = static_cast<Id>(i + 1);
            response.company = "Fournisseur " + std::to_string(i + 1);
            responses.push_back(response);
        }
    }
};

void BM_ComparisonPage8Vendors(benchmark::State& state) {
    auto questionnaire = builtin_afib();
    auto grid = builtin_afib_grid();
    const Vendors vendors(*questionnaire);
    size_t bytes = 0;
    for (auto _ : state) {
        std::vector<Evaluation> evaluations;
        std::vector<ScoreCard> cards;
        evaluations.reserve(kVendors);
        cards.reserve(kVendors);
        std::vector<ComparedResponse> compared;
        for (size_t i = 0; i < kVendors; ++i) {
            evaluations.push_back(evaluate(*questionnaire, vendors.answers[i]));
            cards.push_back(score(*questionnaire, *grid, vendors.answers[i], evaluations.back()));
        }
        for (size_t i = 0; i < kVendors; ++i) compared.push_back({&vendors.answers[i], &evaluations[i], &cards[i]});
        const auto rows = compare_responses(*questionnaire, compared);
        web::views::ComparisonPage page{vendors.acquisition, *questionnaire, *grid, {}, rows, ranking(compared), {}};
        for (size_t i = 0; i < kVendors; ++i) page.vendors.push_back({vendors.responses[i], cards[i], vendors.documents});
        web::views::PageContext context;
        context.user_email = "bio@chu.test";
        std::string html = web::views::render_comparison_page(context, page);
        bytes = html.size();
        benchmark::DoNotOptimize(html);
    }
    state.counters["html_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_ComparisonPage8Vendors)->Unit(benchmark::kMillisecond);

void BM_ReferenceEvaluate8Vendors(benchmark::State& state) {
    auto questionnaire = builtin_afib();
    const Vendors vendors(*questionnaire);
    for (auto _ : state)
        for (size_t i = 0; i < kVendors; ++i) {
            Evaluation evaluation = evaluate(*questionnaire, vendors.answers[i]);
            benchmark::DoNotOptimize(evaluation);
        }
}
BENCHMARK(BM_ReferenceEvaluate8Vendors)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
