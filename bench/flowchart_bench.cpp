// Flowchart benchmark: serving a response's flowchart, i.e. applying its statuses to the chart laid
// out once and cached (no Graphviz per request). Reference in the same run: copying the cached SVG
// of the same chart (the least any server could do to send it), so the figure reads as a ratio on
// any machine. The layout itself is measured too, to show what the cache saves.
#include <benchmark/benchmark.h>

#include "core/engine.hpp"
#include "definition/builtin_questionnaire.hpp"
#include "outputs/flowchart/response_flowchart.hpp"

using namespace cyberachat;
using namespace cyberachat::flowchart;

namespace {

// A response in progress on part 1: standard workstation, another one needed, antivirus unanswered.
AnswerSet part_one_answers() {
    AnswerSet answers;
    for (const auto& [id, value] : {std::pair{"dispositif.poste_standard", "oui"}, std::pair{"dispositif.autre_poste_necessaire", "oui"},
                                    std::pair{"dispositif.designation", "Echo 3000"}, std::pair{"dispositif.fabricant", "Medica"}})
        answers[id] = Answer{nlohmann::json(value), ""};
    return answers;
}

struct Fixture {
    std::shared_ptr<const Questionnaire> questionnaire = builtin_afib();
    FlowchartCache cache;
    std::shared_ptr<const ChartTemplate> chart = cache.part(questionnaire, 0, Language::fr).value();
    AnswerSet answers = part_one_answers();
    Evaluation evaluation = evaluate(*questionnaire, answers);
    ChartLinks links = [] {
        ChartLinks l;
        l.section_prefix = "/vendor/sections/";
        l.question_prefix = "/vendor/sections/";
        l.part_prefix = "/vendor/flowcharts/";
        return l;
    }();
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

void BM_ServeResponseFlowchartSvg(benchmark::State& state) {
    Fixture& f = fixture();
    const ResponseState response{f.evaluation, f.answers, "dispositif.materiel_fourni"};
    size_t bytes = 0;
    for (auto _ : state) {
        std::string svg = render_response_svg(*f.chart, response, f.links, true);
        bytes = svg.size();
        benchmark::DoNotOptimize(svg);
    }
    state.counters["svg_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_ServeResponseFlowchartSvg);

void BM_ServeResponseFlowchartWithEvaluation(benchmark::State& state) {
    Fixture& f = fixture();
    for (auto _ : state) {
        Evaluation evaluation = evaluate(*f.questionnaire, f.answers);
        std::string svg = render_response_svg(*f.chart, ResponseState{evaluation, f.answers, ""}, f.links, true);
        benchmark::DoNotOptimize(svg);
    }
}
BENCHMARK(BM_ServeResponseFlowchartWithEvaluation);

void BM_ServeResponseFlowchartPage(benchmark::State& state) {
    Fixture& f = fixture();
    const ResponseState response{f.evaluation, f.answers, "dispositif.materiel_fourni"};
    for (auto _ : state) {
        ChartView view = render_response_view(*f.chart, response, f.links);
        benchmark::DoNotOptimize(view);
    }
}
BENCHMARK(BM_ServeResponseFlowchartPage);

void BM_ReferenceCopyCachedSvg(benchmark::State& state) {
    Fixture& f = fixture();
    const std::string cached = render_response_svg(*f.chart, ResponseState{f.evaluation, f.answers, ""}, f.links, true);
    for (auto _ : state) {
        std::string copy = cached;
        benchmark::DoNotOptimize(copy);
    }
    state.counters["svg_bytes"] = static_cast<double>(cached.size());
}
BENCHMARK(BM_ReferenceCopyCachedSvg);

void BM_LayoutPartOneWithGraphviz(benchmark::State& state) {
    Fixture& f = fixture();
    for (auto _ : state) {
        auto chart = make_part_chart(f.questionnaire, 0, Language::fr);
        benchmark::DoNotOptimize(chart);
    }
}
BENCHMARK(BM_LayoutPartOneWithGraphviz)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace

BENCHMARK_MAIN();
