// The drawn charts (Graphviz, cached) and a response applied to them: boxes and diamonds in the
// SVG, Oui/Non edges, statuses that follow the answers, links, the edited definition.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "core/engine.hpp"
#include "definition/builtin_questionnaire.hpp"
#include "definition/definition_loader.hpp"
#include "flowchart_test_support.hpp"
#include "outputs/flowchart/response_flowchart.hpp"

using namespace cyberachat;
using namespace cyberachat::flowchart;

namespace {

std::shared_ptr<const ChartTemplate> chart_of(const std::shared_ptr<const Questionnaire>& q, size_t part,
                                              Language language = Language::fr) {
    static FlowchartCache cache;
    auto chart = cache.part(q, part, language);
    EXPECT_TRUE(chart.ok()) << (chart.ok() ? "" : chart.error().message.fr);
    return chart.ok() ? chart.value() : nullptr;
}

// The opening tag of the group with this id, and the group's content up to the next node or edge.
std::string group(const std::string& svg, const std::string& id) {
    const size_t at = svg.find("<g id=\"" + id + "\"");
    if (at == std::string::npos) return {};
    size_t end = svg.find("<g id=\"fc-", at + 1);
    return svg.substr(at, (end == std::string::npos ? svg.size() : end) - at);
}

std::string class_of(const std::string& svg, const std::string& id) {
    static const std::regex cls("class=\"([^\"]*)\"");
    std::smatch match;
    const std::string g = group(svg, id);
    const std::string tag = g.substr(0, g.find('>'));
    return std::regex_search(tag, match, cls) ? match[1].str() : "";
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Decision labels are wrapped on several lines: every word of the label appears in the group.
bool words_in(const std::string& group_text, const std::string& label) {
    size_t start = 0;
    while (start < label.size()) {
        size_t end = label.find(' ', start);
        if (end == std::string::npos) end = label.size();
        std::string word = label.substr(start, end - start);
        std::string escaped;
        for (char c : word) escaped += c == '\'' ? "&#39;" : c == '&' ? "&amp;" : std::string(1, c);
        if (!word.empty() && !contains(group_text, word) && !contains(group_text, escaped)) return false;
        start = end + 1;
    }
    return true;
}

AnswerSet answers_of(std::initializer_list<std::pair<const char*, const char*>> values) {
    AnswerSet answers;
    for (const auto& [id, value] : values) answers[id] = Answer{nlohmann::json(value), ""};
    return answers;
}

}  // namespace

TEST(FlowchartSvg, EachPartShowsItsSectionsAndDecisionsAsBoxesAndDiamonds) {
    auto q = builtin_afib();
    for (size_t p = 0; p < q->parts.size(); ++p) {
        auto chart = chart_of(q, p);
        ASSERT_TRUE(chart);
        const std::string svg = render_plain_svg(*chart, {}, true);
        EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
        EXPECT_TRUE(contains(svg, "role=\"img\""));
        EXPECT_TRUE(contains(svg, "aria-label=\"Logigramme de la partie " + std::to_string(p + 1)));
        for (const Section& section : q->parts[p].sections) {
            const std::string g = group(svg, "fc-s-" + section.id);
            ASSERT_FALSE(g.empty()) << section.id;
            EXPECT_TRUE(contains(g, "<polygon")) << section.id;  // a box
            EXPECT_TRUE(contains(g, "<title>")) << section.id;
            EXPECT_TRUE(words_in(g, section.title.fr)) << section.id;
        }
        for (size_t d : chart->model->decisions()) {
            const Question& question = *chart->model->nodes[d].question;
            const std::string g = group(svg, "fc-d-" + question.id);
            ASSERT_FALSE(g.empty()) << question.id;
            EXPECT_TRUE(contains(class_of(svg, "fc-d-" + question.id), "fc-decision"));
            EXPECT_TRUE(words_in(g, question.label.fr)) << question.id;
        }
        EXPECT_FALSE(group(svg, "fc-entry").empty());
        EXPECT_FALSE(group(svg, "fc-exit").empty());
        EXPECT_FALSE(contains(svg, "QQ")) << "a placeholder was left in the SVG";
        EXPECT_FALSE(contains(svg, "<a ")) << "no links without a response";
    }
}

TEST(FlowchartSvg, OuiAndNonEdgesLeadToTheRightBoxes) {
    auto chart = chart_of(builtin_afib(), 0);
    const std::string svg = render_plain_svg(*chart, {}, false);
    const std::string yes = group(svg, "fc-e-d-dispositif.poste_standard-to-s-dispositif.prerequis_poste-oui");
    const std::string no = group(svg, "fc-e-d-dispositif.poste_standard-to-s-dispositif.materiel_fourni-non");
    ASSERT_FALSE(yes.empty());
    ASSERT_FALSE(no.empty());
    EXPECT_TRUE(contains(yes, ">Oui</text>"));
    EXPECT_TRUE(contains(no, ">Non</text>"));
    EXPECT_FALSE(group(svg, "fc-e-d-dispositif.autre_poste_necessaire-to-s-dispositif.type_connexion-non").empty());
    EXPECT_TRUE(group(svg, "fc-e-d-dispositif.poste_standard-to-s-dispositif.type_connexion-non").empty());
    // English for vendors.
    auto en = chart_of(builtin_afib(), 0, Language::en);
    const std::string svg_en = render_plain_svg(*en, {}, false);
    EXPECT_TRUE(contains(group(svg_en, "fc-e-d-dispositif.poste_standard-to-s-dispositif.prerequis_poste-oui"), ">Yes</text>"));
    EXPECT_TRUE(contains(svg_en, "Flowchart of part 1"));
}

TEST(FlowchartSvg, StatusesFollowTheAnswers) {
    auto q = builtin_afib();
    auto chart = chart_of(q, 0);
    const AnswerSet answers = answers_of({{"dispositif.poste_standard", "oui"}, {"dispositif.autre_poste_necessaire", "non"}});
    const Evaluation evaluation = evaluate(*q, answers);
    ChartLinks links;
    links.section_prefix = "/vendor/sections/";
    links.question_prefix = "/vendor/sections/";
    const ResponseState state{evaluation, answers, "dispositif.type_connexion"};
    const std::string svg = render_response_svg(*chart, state, links, false);

    EXPECT_TRUE(contains(class_of(svg, "fc-s-dispositif.poste_informatique"), "fc-st-complete"));
    EXPECT_TRUE(contains(group(svg, "fc-s-dispositif.poste_informatique"), "✓ complet"));
    EXPECT_TRUE(contains(class_of(svg, "fc-s-dispositif.prerequis_poste"), "fc-st-incomplete"));
    EXPECT_TRUE(contains(group(svg, "fc-s-dispositif.prerequis_poste"), ">incomplet</text>"));
    EXPECT_TRUE(contains(class_of(svg, "fc-s-dispositif.materiel_fourni"), "fc-st-na"));
    EXPECT_TRUE(contains(group(svg, "fc-s-dispositif.materiel_fourni"), ">sans objet</text>"));
    EXPECT_TRUE(contains(group(svg, "fc-s-dispositif.materiel_fourni"), "stroke-dasharray"));  // a pattern, not only a colour
    EXPECT_TRUE(contains(class_of(svg, "fc-s-dispositif.type_connexion"), "fc-st-current"));
    EXPECT_TRUE(contains(group(svg, "fc-s-dispositif.type_connexion"), ">page actuelle</text>"));
    // Decisions show the answer given; an unanswered one says so, and both its branches are closed.
    EXPECT_TRUE(contains(group(svg, "fc-d-dispositif.poste_standard"), "Réponse\u00A0: Oui"));
    EXPECT_TRUE(contains(group(svg, "fc-d-dispositif.autre_poste_necessaire"), "Réponse\u00A0: Non"));
    EXPECT_TRUE(contains(class_of(svg, "fc-d-dispositif.antivirus_etablissement"), "fc-st-unanswered"));
    EXPECT_TRUE(contains(class_of(svg, "fc-s-dispositif.exclusions_antivirus"), "fc-st-na"));
    EXPECT_TRUE(contains(class_of(svg, "fc-s-dispositif.protection_fournie"), "fc-st-na"));
    // The path taken is emphasized.
    EXPECT_TRUE(contains(class_of(svg, "fc-e-d-dispositif.poste_standard-to-s-dispositif.prerequis_poste-oui"), "fc-taken"));
    EXPECT_TRUE(contains(class_of(svg, "fc-e-d-dispositif.poste_standard-to-s-dispositif.materiel_fourni-non"), "fc-not-taken"));
    EXPECT_TRUE(contains(class_of(svg, "fc-e-d-dispositif.autre_poste_necessaire-to-s-dispositif.type_connexion-non"), "fc-taken"));
    EXPECT_TRUE(contains(class_of(svg, "fc-e-d-dispositif.antivirus_etablissement-to-s-dispositif.exclusions_antivirus-oui"), "fc-not-taken"));
    // Each box links to its page; the title says the status for screen readers.
    EXPECT_TRUE(contains(group(svg, "fc-s-dispositif.prerequis_poste"), "href=\"/vendor/sections/dispositif.prerequis_poste\""));
    EXPECT_TRUE(contains(group(svg, "fc-s-dispositif.prerequis_poste"), "<title>Prérequis"));
    EXPECT_TRUE(contains(group(svg, "fc-d-dispositif.poste_standard"),
                         "href=\"/vendor/sections/dispositif.poste_informatique#q-dispositif.poste_standard\""));
    EXPECT_TRUE(contains(svg, "role=\"group\""));

    // Switching D1 to Non swaps the branches.
    const AnswerSet other = answers_of({{"dispositif.poste_standard", "non"}, {"dispositif.antivirus_etablissement", "non"}});
    const Evaluation other_evaluation = evaluate(*q, other);
    const std::string svg2 = render_response_svg(*chart, ResponseState{other_evaluation, other, ""}, links, false);
    EXPECT_TRUE(contains(class_of(svg2, "fc-s-dispositif.prerequis_poste"), "fc-st-na"));
    EXPECT_TRUE(contains(class_of(svg2, "fc-s-dispositif.materiel_fourni"), "fc-st-incomplete"));
    EXPECT_TRUE(contains(class_of(svg2, "fc-d-dispositif.autre_poste_necessaire"), "fc-st-na"));
    EXPECT_TRUE(contains(class_of(svg2, "fc-e-d-dispositif.poste_standard-to-s-dispositif.materiel_fourni-non"), "fc-taken"));
    EXPECT_TRUE(contains(class_of(svg2, "fc-e-d-dispositif.antivirus_etablissement-to-s-dispositif.protection_fournie-non"), "fc-taken"));
    EXPECT_TRUE(contains(class_of(svg2, "fc-s-dispositif.protection_fournie"), "fc-st-incomplete"));
}

TEST(FlowchartSvg, TheTextVersionListsTheSameStatuses) {
    auto q = builtin_afib();
    auto chart = chart_of(q, 1);
    const AnswerSet answers = answers_of({{"serveurs.serveur_inclus", "non"}});
    const Evaluation evaluation = evaluate(*q, answers);
    ChartLinks links;
    links.section_prefix = "/responses/3#s-";
    links.question_prefix = "/responses/3#q-";
    links.question_on_page = false;
    links.link_hidden_sections = false;
    ChartView view = render_response_view(*chart, ResponseState{evaluation, answers, ""}, links);
    ASSERT_FALSE(view.items.empty());
    EXPECT_EQ(view.items.front().key, "entry");
    EXPECT_EQ(view.items.back().key, "exit");
    bool saw_na = false, saw_decision = false;
    for (const auto& item : view.items) {
        if (item.key == "s-serveurs.caracteristiques_serveur") {
            saw_na = true;
            EXPECT_EQ(item.status, "sans objet");
            EXPECT_TRUE(item.href.empty()) << "the hospital's page has no such section";
        }
        if (item.key == "d-serveurs.serveur_inclus") {
            saw_decision = true;
            EXPECT_TRUE(item.decision);
            EXPECT_EQ(item.href, "/responses/3#q-serveurs.serveur_inclus");
        }
    }
    EXPECT_TRUE(saw_na && saw_decision);
}

TEST(FlowchartSvg, OverviewOfThePartsLinksToEachChart) {
    auto q = builtin_afib();
    FlowchartCache cache;
    auto overview = cache.overview(q, Language::fr);
    ASSERT_TRUE(overview.ok());
    ChartLinks links;
    links.part_prefix = "/vendor/flowcharts/";
    const std::string svg = render_plain_svg(**overview, links, false);
    for (size_t p = 0; p < q->parts.size(); ++p) {
        const std::string g = group(svg, "fc-p-" + q->parts[p].id);
        ASSERT_FALSE(g.empty());
        EXPECT_TRUE(contains(g, "href=\"/vendor/flowcharts/" + std::to_string(p + 1) + "\""));
    }
    EXPECT_TRUE(contains(svg, "Questionnaire en 4 parties"));
    EXPECT_TRUE(contains(group(svg, "fc-entry"), ">Début</text>"));
    EXPECT_TRUE(contains(group(svg, "fc-exit"), ">Envoi</text>"));
}

TEST(FlowchartSvg, LaidOutOncePerQuestionnairePartAndLanguage) {
    auto q = builtin_afib();
    FlowchartCache cache;
    auto a = cache.part(q, 0, Language::fr);
    auto b = cache.part(q, 0, Language::fr);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a.value().get(), b.value().get());
    EXPECT_EQ(cache.layouts(), 1u);
    ASSERT_TRUE(cache.part(q, 0, Language::en).ok());
    EXPECT_EQ(cache.layouts(), 2u);
}

TEST(FlowchartSvg, AnEditedDefinitionIsDrawnWithItsNewQuestionAndDecision) {
    LoadedDefinition loaded = load_definition(cyberachat::testing::edited_afib_yaml(), "afib-edited.yaml");
    ASSERT_TRUE(loaded.ok());
    auto chart = chart_of(loaded.questionnaire, 2);
    const std::string svg = render_plain_svg(*chart, {}, true);
    const std::string decision = group(svg, "fc-d-logiciels.terminaux_mobiles");
    ASSERT_FALSE(decision.empty());
    EXPECT_TRUE(words_in(decision, "Le logiciel est-il utilisé sur des terminaux mobiles ?"));
    EXPECT_TRUE(contains(group(svg, "fc-s-logiciels.flotte_mobile"), "Gestion de la flotte mobile"));
    EXPECT_TRUE(contains(group(svg, "fc-s-logiciels.flotte_mobile"), "1 question"));
    EXPECT_FALSE(group(svg, "fc-e-d-logiciels.terminaux_mobiles-to-s-logiciels.flotte_mobile-oui").empty());
    EXPECT_FALSE(group(svg, "fc-e-d-logiciels.terminaux_mobiles-to-s-logiciels.envoi_dossier_patient-non").empty());
    // The built-in chart of the same part has none of it.
    const std::string builtin = render_plain_svg(*chart_of(builtin_afib(), 2), {}, true);
    EXPECT_FALSE(contains(builtin, "terminaux_mobiles"));
}

TEST(FlowchartSvg, LayoutsFromManyThreadsAtOnceAreSafe) {
    // libgvc is not thread-safe: the layout runs under one mutex. Separate caches force concurrent layouts.
    auto q = builtin_afib();
    std::vector<std::string> svgs(8);
    std::vector<std::thread> threads;
    for (size_t t = 0; t < svgs.size(); ++t)
        threads.emplace_back([&, t] {
            FlowchartCache cache;
            auto chart = cache.part(q, t % q->parts.size(), t % 2 ? Language::en : Language::fr);
            if (chart.ok()) svgs[t] = render_plain_svg(**chart, {}, true);
        });
    for (auto& thread : threads) thread.join();
    for (size_t t = 0; t < svgs.size(); ++t) {
        EXPECT_TRUE(contains(svgs[t], "</svg>")) << t;
        EXPECT_EQ(svgs[t], svgs[t % 4]) << "same part and language (t and t + 4), same drawing";
    }
}
