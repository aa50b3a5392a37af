// Engine benchmark: visibility, missing answers and progress for the whole AFIB questionnaire with
// a full answer set. Reference in the same run: copying the answer set (the cheapest thing one
// could do with it), so the figure can be read as a ratio on any machine.
#include <benchmark/benchmark.h>

#include "core/answer_validation.hpp"
#include "core/engine.hpp"
#include "definition/builtin_questionnaire.hpp"

using namespace cyberachat;

namespace {

// An answer for every question, taking the "oui" side of every decision (the most pages visible).
AnswerSet full_answer_set(const Questionnaire& questionnaire) {
    AnswerSet answers;
    for (const Question* question : questionnaire.questions()) {
        nlohmann::json value;
        switch (question->kind) {
            case QuestionKind::yes_no: value = "oui"; break;
            case QuestionKind::number:
            case QuestionKind::integer: value = 4; break;
            case QuestionKind::date: value = "2024-01-31"; break;
            case QuestionKind::email: value = "referent@example.fr"; break;
            case QuestionKind::phone: value = "01 23 45 67 89"; break;
            case QuestionKind::single_choice:
            case QuestionKind::multiple_choice: value = question->choices.front().id; break;
            case QuestionKind::document: value = nlohmann::json::array({{{"id", 1}}}); break;
            case QuestionKind::table:
                value = nlohmann::json::array({{{question->fields.front().id, "x"}}});
                break;
            case QuestionKind::contact: value = {{"nom", "Martin"}, {"email", "m@example.fr"}}; break;
            default: value = "Réponse"; break;
        }
        auto normalized = normalize_answer(*question, value);
        answers[question->id] = Answer{normalized ? normalized.value() : value, ""};
    }
    return answers;
}

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
