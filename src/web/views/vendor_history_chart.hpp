#pragma once
// The score and the points de vigilance of a vendor's submitted responses over time, as a small
// SVG drawn on the server (no script, no style: attributes only): above, the overall score
// (0–100) as a line with a dot per response; below, the number of points de vigilance as bars;
// each response labelled "n° 12" and its date of submission under the bars. role="img" with a
// title and a description that gives every figure (the history's table is the same data as text).
#include <string>
#include <vector>

namespace cyberachat::web::views {

struct HistoryPoint {
    long long response_id = 0;
    std::string date;  // "03/12/2026"
    int score = 0;     // 0–100
    size_t findings = 0;
};

// "" when there is no point.
std::string render_history_chart_svg(const std::vector<HistoryPoint>& points);

}  // namespace cyberachat::web::views
