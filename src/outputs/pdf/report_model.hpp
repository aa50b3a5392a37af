#pragma once
// What goes in a PDF report, already formatted in the report's language: plain data, built from the
// store by services/report_service and drawn by pdf_renderer. Three kinds: the blank questionnaire,
// one vendor's response, a whole purchase. The hospital's evaluation (score, points de vigilance,
// reviewers' comments, opinions) is optional: drawn when present, and never for the vendor audience.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/localized_text.hpp"

namespace cyberachat::report {

enum class Audience { hospital, vendor };
enum class ReportKind { questionnaire, response, acquisition };

struct DocumentLine {
    std::string file_name;
    std::string size_text;  // "1,5 Ko"
    std::string sha256;     // full hex
};

struct AnswerLine {
    std::string question_id;
    std::string label;
    std::string answer;   // formatted; "Non renseigné" when empty (blank questionnaire: the expected kind)
    std::string comment;  // the vendor's comment, may be empty
    std::vector<DocumentLine> documents;
};

struct SectionBlock {
    std::string title;
    std::string note;  // blank questionnaire: the section's "informations complémentaires"
    std::vector<AnswerLine> answers;  // visible questions only (response reports)
};

struct PartBlock {
    std::string title;
    std::string flowchart_svg;        // standalone SVG of the part's chart (with the path taken); may be empty
    std::vector<std::string> path;    // text version of the chart: "label — status"
    std::vector<SectionBlock> sections;
};

struct ReviewerComment {
    std::string author;
    std::string at;        // formatted
    std::string about;     // question label or empty (whole response)
    std::string text;
    std::string status;    // e.g. "Insatisfaisant"; may be empty (comment only)
};

// A point de vigilance: an unfavourable answer, most severe first.
struct VigilancePoint {
    std::string severity;   // e.g. "Critique"
    std::string question;   // the question's label
    std::string answer;     // formatted; "Non renseigné" when unanswered
    std::string rationale;  // why the grid finds it unfavourable
};

struct Opinion {
    std::string author;
    std::string role;
    std::string verdict;   // e.g. "Favorable", "Réservé"
    std::string text;
    std::string at;
};

// The hospital's evaluation of one response (services/evaluation_report builds it). All optional.
struct Evaluation {
    std::optional<std::string> score;         // formatted, e.g. "72 / 100"
    std::optional<double> score_ratio;        // 0–1, for the score chart of a purchase report
    std::vector<std::pair<std::string, std::string>> part_scores;  // part title → "72 / 100"
    std::vector<VigilancePoint> vigilance;    // points de vigilance
    std::vector<ReviewerComment> comments;
    std::vector<Opinion> opinions;
    bool empty() const { return !score && vigilance.empty() && comments.empty() && opinions.empty(); }
};

struct VendorBlock {
    std::string company;
    std::vector<std::pair<std::string, std::string>> facts;  // label → value (contact, status, progress…)
    std::vector<PartBlock> parts;
    Evaluation evaluation;
};

struct ComparisonRow {
    std::string company;
    std::string status;
    std::string progress;  // "85 %"
    std::optional<std::string> score;
    std::optional<double> score_ratio;
    size_t vigilance_count = 0;
};

struct ReportDocument {
    ReportKind kind = ReportKind::response;
    Audience audience = Audience::hospital;
    Language language = Language::fr;
    std::string title;     // purchase title (header of every page), or the questionnaire's title
    std::string subtitle;  // e.g. "Rapport de réponse — ACME"
    std::vector<std::pair<std::string, std::string>> facts;  // purchase facts (equipment, service, reference…)
    std::vector<ComparisonRow> comparison;  // purchase reports
    std::vector<VendorBlock> vendors;       // one for a response report, all for a purchase; none for the blank questionnaire
    std::vector<PartBlock> questionnaire_parts;  // blank questionnaire
    std::string generated_at;  // formatted
    // The hospital the report comes from (instance settings): named in every page's header and on
    // the front page; its logo (PNG bytes, may be empty) drawn at the left of the header.
    std::string hospital_name;
    std::string logo_png;
};

}  // namespace cyberachat::report
