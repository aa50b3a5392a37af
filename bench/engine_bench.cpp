// Engine benchmark: visibility, missing answers and progress for the whole AFIB questionnaire with
// a full answer set. Reference in the same run: copying the answer set (the cheapest thing one
// could do with it), so the figure can be read as a ratio on any machine.
#include <benchmark/benchmark.h>

#include "bench_answers.hpp"
#include "core/engine.hpp"
#include "definition/builtin_questionnaire.hpp"

using namespace cyberachat;

namespace {

void BM_EvaluateFullAfib(benchmark::State& state) {
    auto questionnaire = builtin_afib();
    const AnswerSet answers = full_answer_set(*questionnaire);
    for (auto _ : state) {
        Evaluation evaluation = evaluate(*questionnaire, answers);
        benchmark::DoNotOptimize(evaluation);
    }
    state.counters["questions"] = static_cast<double>(questionnaire->question_count());
}
BENCHMARK(BM_EvaluateFullAfib);

void BM_ReferenceCopyAnswerSet(benchmark::State& state) {
    auto questionnaire = builtin_afib();
    const AnswerSet answers = full_answer_set(*questionnaire);
    for (auto _ : state) {
        AnswerSet copy = answers;
        benchmark::DoNotOptimize(copy);
    }
}
BENCHMARK(BM_ReferenceCopyAnswerSet);

}  // namespace

BENCHMARK_MAIN();
