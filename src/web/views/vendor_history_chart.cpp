#include "web/views/vendor_history_chart.hpp"

#include <algorithm>

#include "web/html/html_writer.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

std::string render_history_chart_svg(const std::vector<HistoryPoint>& points) {
    if (points.empty()) return {};
    constexpr int left = 40, right = 16, top = 14, step = 72, score_height = 120, gap = 30, bars_height = 60, labels = 34;
    const int width = left + static_cast<int>(points.size()) * step + right;
    const int bars_top = top + score_height + gap;
    const int height = bars_top + bars_height + labels;
    size_t most = 1;
    for (const auto& point : points) most = std::max(most, point.findings);
    auto x_of = [&](size_t i) { return left + static_cast<int>(i) * step + step / 2; };
    auto y_of = [&](int score) { return top + score_height - std::clamp(score, 0, 100) * score_height / 100; };

    std::string description = "Score global sur 100 et nombre de points de vigilance, réponse par réponse, de la plus "
                              "ancienne à la plus récente. ";
    for (const auto& point : points)
        description += "Réponse n° " + std::to_string(point.response_id) + " du " + point.date + "\u00A0: score " +
                       std::to_string(point.score) + ", " + std::to_string(point.findings) +
                       (point.findings > 1 ? " points de vigilance. " : " point de vigilance. ");

    HtmlWriter w(4096 + points.size() * 600);
    w.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                   {"class", "history-chart"},
                   {"viewBox", "0 0 " + std::to_string(width) + " " + std::to_string(height)},
                   {"width", width},
                   {"height", height},
                   {"role", "img"},
                   {"aria-labelledby", "history-chart-title history-chart-desc"}});
    w.element("title", {{"id", "history-chart-title"}}, "Score et points de vigilance au fil des réponses");
    w.element("desc", {{"id", "history-chart-desc"}}, description);
    // The score's scale. Inside inline SVG an HTML void tag does not close itself: <line></line>.
    for (int tick = 0; tick <= 100; tick += 50) {
        const int y = y_of(tick);
        w.open("line", {{"x1", left - 4}, {"x2", width - right}, {"y1", y}, {"y2", y}, {"stroke", "#d5dbe2"}}).close("line");
        w.element("text", {{"x", left - 8}, {"y", y + 4}, {"text-anchor", "end"}, {"font-size", 11}, {"fill", "#4f5a66"}},
                  std::to_string(tick));
    }
    w.element("text", {{"x", left}, {"y", top - 3}, {"font-size", 11}, {"fill", "#1b1f24"}}, "Score global");
    std::string line;
    for (size_t i = 0; i < points.size(); ++i)
        line += (i ? " L" : "M") + std::to_string(x_of(i)) + " " + std::to_string(y_of(points[i].score));
    if (points.size() > 1)
        w.open("path", {{"d", line}, {"fill", "none"}, {"stroke", "#1f5fa8"}, {"stroke-width", 2}}).close("path");
    w.element("text", {{"x", left}, {"y", bars_top - 4}, {"font-size", 11}, {"fill", "#1b1f24"}}, "Points de vigilance");
    const int baseline = bars_top + bars_height;
    w.open("line", {{"x1", left - 4}, {"x2", width - right}, {"y1", baseline}, {"y2", baseline}, {"stroke", "#d5dbe2"}})
        .close("line");
    for (size_t i = 0; i < points.size(); ++i) {
        const HistoryPoint& point = points[i];
        const int x = x_of(i);
        const std::string label = "Réponse n° " + std::to_string(point.response_id) + " (" + point.date + ")";
        w.open("circle", {{"cx", x}, {"cy", y_of(point.score)}, {"r", 4}, {"fill", "#1f5fa8"},
                          {"data-response", point.response_id}, {"data-score", point.score}});
        w.element("title", label + "\u00A0: score " + std::to_string(point.score));
        w.close("circle");
        w.element("text", {{"x", x}, {"y", y_of(point.score) - 8}, {"text-anchor", "middle"}, {"font-size", 11},
                           {"fill", "#1b1f24"}},
                  std::to_string(point.score));
        const int h = static_cast<int>(point.findings * (bars_height - 14) / most);
        w.open("rect", {{"x", x - 10}, {"y", baseline - h}, {"width", 20}, {"height", std::max(h, 1)}, {"fill", "#b3261e"},
                        {"data-response", point.response_id}, {"data-findings", static_cast<long long>(point.findings)}});
        w.element("title", label + "\u00A0: " + std::to_string(point.findings) + " point(s) de vigilance");
        w.close("rect");
        w.element("text", {{"x", x}, {"y", baseline - h - 3}, {"text-anchor", "middle"}, {"font-size", 11}, {"fill", "#1b1f24"}},
                  std::to_string(point.findings));
        w.element("text", {{"x", x}, {"y", baseline + 14}, {"text-anchor", "middle"}, {"font-size", 11}, {"fill", "#1b1f24"}},
                  "n° " + std::to_string(point.response_id));
        w.element("text", {{"x", x}, {"y", baseline + 28}, {"text-anchor", "middle"}, {"font-size", 10}, {"fill", "#4f5a66"}},
                  point.date);
    }
    w.close("svg");
    return w.take();
}

}  // namespace cyberachat::web::views
