// XLSX import benchmark: a workbook of the whole AFIB questionnaire, every question answered,
// read (libzip + pugixml) and turned into the import preview (values checked by normalize_answer,
// branching evaluated) — no database. References in the same run: reading the same file's bytes
// from disk, and normalize_answer over the same answers alone, so the figures read as ratios.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "definition/builtin_questionnaire.hpp"
#include "bench_answers.hpp"
#include "outputs/xlsx/import_plan.hpp"
#include "outputs/xlsx/questionnaire_workbook.hpp"
#include "outputs/xlsx/workbook_reader.hpp"

using namespace cyberachat;

namespace {

// The filled workbook's bytes, also written to a temporary file for the disk reference.
struct Fixture {
    std::shared_ptr<const Questionnaire> questionnaire = builtin_afib();
    AnswerSet answers = full_answer_set(*questionnaire);
    std::string bytes;
    std::string path = "/tmp/cyberachat-xlsx-bench.xlsx";

    Fixture() {
        xlsx::FilledAnswers filled;
        filled.answers = answers;
        for (auto& [id, answer] : filled.answers)
            if (questionnaire->find_question(id)->kind == QuestionKind::document) answer.value = nullptr;
        auto written = xlsx::write_questionnaire_workbook(*questionnaire, Language::fr, &filled);
        if (!written) throw std::runtime_error(written.error().message.fr);
        bytes = std::move(written.value());
        std::ofstream(path, std::ios::binary) << bytes;
    }
    ~Fixture() { std::remove(path.c_str()); }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

void BM_XlsxImportPreview(benchmark::State& state) {
    Fixture& f = fixture();
    for (auto _ : state) {
        auto workbook = xlsx::read_workbook(f.bytes);
        auto plan = xlsx::plan_import(*f.questionnaire, {}, *workbook, Language::fr);
        if (!plan) state.SkipWithError(plan.error().message.fr.c_str());
        benchmark::DoNotOptimize(plan);
    }
    state.counters["bytes"] = static_cast<double>(f.bytes.size());
}
BENCHMARK(BM_XlsxImportPreview)->Unit(benchmark::kMillisecond);

void BM_XlsxReadOnly(benchmark::State& state) {
    Fixture& f = fixture();
    for (auto _ : state) {
        auto workbook = xlsx::read_workbook(f.bytes);
        benchmark::DoNotOptimize(workbook);
    }
}
BENCHMARK(BM_XlsxReadOnly)->Unit(benchmark::kMillisecond);

void BM_ReferenceReadFileBytes(benchmark::State& state) {
    Fixture& f = fixture();
    for (auto _ : state) {
        std::ifstream in(f.path, std::ios::binary);
        std::ostringstream out;
        out << in.rdbuf();
        std::string bytes = out.str();
        benchmark::DoNotOptimize(bytes);
    }
}
BENCHMARK(BM_ReferenceReadFileBytes)->Unit(benchmark::kMillisecond);

void BM_ReferenceNormalizeAnswers(benchmark::State& state) {
    Fixture& f = fixture();
    for (auto _ : state) {
        for (const Question* question : f.questionnaire->questions()) {
            auto it = f.answers.find(question->id);
            if (it == f.answers.end() || question->kind == QuestionKind::document) continue;
            auto normalized = normalize_answer(*question, it->second.value);
            benchmark::DoNotOptimize(normalized);
        }
    }
}
BENCHMARK(BM_ReferenceNormalizeAnswers)->Unit(benchmark::kMillisecond);

void BM_XlsxWriteFilledWorkbook(benchmark::State& state) {
    Fixture& f = fixture();
    xlsx::FilledAnswers filled;
    filled.answers = f.answers;
    for (auto _ : state) {
        auto bytes = xlsx::write_questionnaire_workbook(*f.questionnaire, Language::fr, &filled);
        benchmark::DoNotOptimize(bytes);
    }
}
BENCHMARK(BM_XlsxWriteFilledWorkbook)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
