#include "outputs/pdf/pdf_renderer.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <map>
#include <memory>
#include <tuple>
#include <optional>

#include "core/text_format.hpp"

namespace cyberachat::report {
namespace {

constexpr double kPageWidth = 595.276;  // A4 in points
constexpr double kPageHeight = 841.89;
constexpr double kMarginX = 56.0;
constexpr double kTop = 72.0;
constexpr double kBottom = kPageHeight - 60.0;
constexpr double kContentWidth = kPageWidth - 2 * kMarginX;
constexpr const char* kFont = "DejaVu Sans";

struct Style {
    double size = 10;
    bool bold = false;
    bool italic = false;
    double indent = 0;
    double grey = 0;  // 0 black … 1 white
};

enum class BlockKind { text, svg, toc_entry };

struct Line {
    double top = 0, bottom = 0, baseline = 0;  // in points, from the layout's top
};

struct GObjectDeleter {
    void operator()(void* object) const {
        if (object) g_object_unref(object);
    }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;
using SvgPtr = std::unique_ptr<RsvgHandle, GObjectDeleter>;
using SharedLayout = std::shared_ptr<PangoLayout>;  // one layout drawn wherever the same text recurs
using SharedSvg = std::shared_ptr<RsvgHandle>;

struct Block {
    BlockKind kind = BlockKind::text;
    std::string text;
    Style style;
    double space_before = 0;
    double space_after = 3;
    bool page_break_before = false;
    bool keep_with_next = false;
    int toc_level = -1;                  // content headings listed in the table of contents
    std::optional<std::string> vendor;   // from this block on, the header names this vendor ("" : none)
    size_t toc_target = 0;               // toc entries: the heading's index in toc_headings
    SharedLayout layout;
    std::vector<Line> lines;
    SharedSvg svg;
    double svg_width = 0, svg_height = 0;  // drawn size
};

struct Placed {
    size_t block = 0;
    size_t first_line = 0, end_line = 0;  // text: lines [first, end)
    double y = 0;                          // page y of the first line's top (or the image's top)
};

struct Page {
    std::vector<Placed> items;
    std::string vendor;
};



class Renderer {
public:
    explicit Renderer(const ReportDocument& document) : doc_(document) {}

    Result<std::string> run() {
        std::string out;
        cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(
            [](void* closure, const unsigned char* data, unsigned int length) {
                static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
                return CAIRO_STATUS_SUCCESS;
            },
            &out, kPageWidth, kPageHeight);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                       (doc_.title + (doc_.subtitle.empty() ? "" : " — " + doc_.subtitle)).c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Cyberachat");
        cr_ = cairo_create(surface);
        load_logo();
        context_.reset(pango_cairo_create_context(cr_));  // one context for every layout (a new one per layout is slow)

        build_content();
        build_front();
        for (auto* blocks : {&front_, &content_})
            for (auto& block : *blocks) measure(block);
        std::vector<Page> front_pages = paginate(front_, 0);
        std::vector<Page> content_pages = paginate(content_, front_pages.size());
        const size_t total = front_pages.size() + content_pages.size();
        size_t number = 0;
        for (auto* pages : {&front_pages, &content_pages})
            for (const auto& page : *pages) {
                draw_page(pages == &front_pages ? front_ : content_, page, ++number, total);
                cairo_show_page(cr_);
            }
        for (auto* blocks : {&front_, &content_}) blocks->clear();
        layout_cache_.clear();
        svg_cache_.clear();
        context_.reset();
        if (logo_) cairo_surface_destroy(logo_);
        cairo_destroy(cr_);
        cairo_surface_finish(surface);
        const cairo_status_t status = cairo_surface_status(surface);
        cairo_surface_destroy(surface);
        if (status != CAIRO_STATUS_SUCCESS)
            return Error::make(ErrorCode::output_failed, std::string("Le PDF n'a pas pu être produit : ") + cairo_status_to_string(status),
                               std::string("The PDF could not be made: ") + cairo_status_to_string(status));
        return out;
    }

private:
    const ReportDocument& doc_;
    cairo_t* cr_ = nullptr;
    std::unique_ptr<PangoContext, GObjectDeleter> context_;
    std::vector<Block> front_;
    std::vector<Block> content_;
    std::vector<size_t> toc_headings_;  // content block indexes, in order
    std::vector<size_t> heading_page_;  // by content block: page number (1-based) where placed
    using LayoutKey = std::tuple<std::string, double, bool, bool, double>;  // text, size, bold, italic, width
    std::map<LayoutKey, std::pair<SharedLayout, std::vector<Line>>> layout_cache_;
    std::map<std::string, SharedSvg> svg_cache_;

    cairo_surface_t* logo_ = nullptr;  // the hospital's logo, decoded once (null: none or unreadable)

    // The logo's PNG bytes as a cairo image; an unreadable one is left out (the name still shows).
    void load_logo() {
        if (doc_.logo_png.empty()) return;
        struct Reader {
            std::string_view bytes;
            size_t at = 0;
        } reader{doc_.logo_png};
        cairo_surface_t* image = cairo_image_surface_create_from_png_stream(
            [](void* closure, unsigned char* data, unsigned int length) {
                auto* r = static_cast<Reader*>(closure);
                if (r->bytes.size() - r->at < length) return CAIRO_STATUS_READ_ERROR;
                std::copy_n(r->bytes.data() + r->at, length, data);
                r->at += length;
                return CAIRO_STATUS_SUCCESS;
            },
            &reader);
        if (cairo_surface_status(image) != CAIRO_STATUS_SUCCESS || cairo_image_surface_get_width(image) <= 0 ||
            cairo_image_surface_get_height(image) <= 0) {
            cairo_surface_destroy(image);
            return;
        }
        logo_ = image;
    }

    // The logo scaled into a box of `max_height` × `max_width` points at (x, top): the width it took.
    double draw_logo(double x, double top, double max_width, double max_height) {
        if (!logo_) return 0;
        const double width = cairo_image_surface_get_width(logo_), height = cairo_image_surface_get_height(logo_);
        const double scale = std::min(max_height / height, max_width / width);
        cairo_save(cr_);
        cairo_translate(cr_, x, top + (max_height - height * scale) / 2);
        cairo_scale(cr_, scale, scale);
        cairo_set_source_surface(cr_, logo_, 0, 0);
        cairo_paint(cr_);
        cairo_restore(cr_);
        return width * scale;
    }

    Language lang() const { return doc_.language; }
    bool hospital() const { return doc_.audience == Audience::hospital; }

    Block& add(std::vector<Block>& blocks, std::string text, Style style, double before = 0, double after = 3) {
        Block block;
        block.text = std::move(text);
        block.style = style;
        block.space_before = before;
        block.space_after = after;
        blocks.push_back(std::move(block));
        return blocks.back();
    }

    Block& heading(std::string text, int level, bool new_page = false) {
        Style style{level == 0 ? 16.0 : level == 1 ? 13.0 : 11.0, true};
        Block& block = add(content_, std::move(text), style, level == 0 ? 0 : level == 1 ? 12 : 8, 5);
        block.keep_with_next = true;
        block.page_break_before = new_page;
        if (level <= 1) {
            block.toc_level = level;
            toc_headings_.push_back(content_.size() - 1);
        }
        return block;
    }

    void facts(std::vector<Block>& blocks, const std::vector<std::pair<std::string, std::string>>& items) {
        for (const auto& [label, value] : items)
            if (!value.empty()) add(blocks, label + in_language(lang(), " : ", ": ") + value, Style{10});
    }

    void svg(const std::string& data) {
        if (data.empty()) return;
        SharedSvg& handle = svg_cache_[data];  // vendors who took the same path share one chart
        if (!handle) {
            GError* error = nullptr;
            handle.reset(rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(data.data()), data.size(), &error),
                         GObjectDeleter());
            if (!handle) {
                if (error) g_error_free(error);
                svg_cache_.erase(data);
                return;  // the text version of the chart follows anyway
            }
        }
        gdouble width = 0, height = 0;
        if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &width, &height) || width <= 0 || height <= 0) return;
        const double max_height = (kBottom - kTop) * 0.8;
        double scale = std::min({1.0, kContentWidth / width, max_height / height});
        Block block;
        block.kind = BlockKind::svg;
        block.svg = handle;
        block.svg_width = width * scale;
        block.svg_height = height * scale;
        block.space_before = 6;
        block.space_after = 6;
        content_.push_back(std::move(block));
    }

    void part(const PartBlock& part, bool with_answers) {
        heading(part.title, 1);
        svg(part.flowchart_svg);
        if (!part.path.empty()) {
            add(content_, in_language(lang(), "Parcours du logigramme", "Flowchart path"), Style{10, true}, 4, 2);
            for (const auto& line : part.path) add(content_, "• " + line, Style{9, false, false, 10}, 0, 1);
        }
        for (const auto& section : part.sections) {
            heading(section.title, 2);
            if (!section.note.empty()) add(content_, section.note, Style{9, false, true, 0, 0.3});
            for (const auto& answer : section.answers) {
                add(content_, answer.label, Style{10, true}, 4, 1).keep_with_next = true;
                if (with_answers || !answer.answer.empty()) add(content_, answer.answer, Style{10, false, false, 12});
                if (!answer.comment.empty())
                    add(content_, std::string(in_language(lang(), "Commentaire : ", "Comment: ")) + answer.comment,
                        Style{9, false, true, 12, 0.25});
                for (const auto& document : answer.documents) {
                    add(content_, std::string(in_language(lang(), "Document : ", "Document: ")) + document.file_name + " (" + document.size_text + ")", Style{9, false, false, 12}, 0, 0);
                    add(content_, "SHA-256 : " + document.sha256, Style{7.5, false, false, 24, 0.3}, 0, 2);
                }
            }
        }
    }

    void evaluation(const Evaluation& evaluation) {
        if (!hospital() || evaluation.empty()) return;
        const char* colon = in_language(lang(), " : ", ": ");
        heading(in_language(lang(), "Évaluation de l'établissement", "Hospital's evaluation"), 1);
        add(content_, in_language(lang(), "Document interne à l'établissement. Cette évaluation éclaire le choix : elle n'élimine aucun fournisseur.",
                         "Internal to the hospital. This evaluation informs the choice: it eliminates no vendor."),
            Style{9, false, true, 0, 0.3});
        if (evaluation.score) add(content_, std::string(in_language(lang(), "Score global", "Overall score")) + colon + *evaluation.score, Style{11, true});
        for (const auto& [part, score] : evaluation.part_scores) add(content_, part + colon + score, Style{10, false, false, 8}, 0, 1);
        if (!evaluation.vigilance.empty()) {
            heading(std::string(in_language(lang(), "Points de vigilance", "Points of attention")) + " (" +
                        std::to_string(evaluation.vigilance.size()) + ")", 2);
            for (const auto& point : evaluation.vigilance) {
                add(content_, "⚠ " + point.severity + " — " + point.question, Style{10, true}, 3, 1).keep_with_next = true;
                add(content_, std::string(in_language(lang(), "Réponse", "Answer")) + colon + point.answer, Style{10, false, false, 12}, 0, 1);
                if (!point.rationale.empty()) add(content_, point.rationale, Style{9, false, true, 12, 0.25});
            }
        }
        if (!evaluation.comments.empty()) {
            heading(in_language(lang(), "Commentaires des relecteurs", "Reviewers' comments"), 2);
            for (const auto& comment : evaluation.comments) {
                std::string head = comment.author + (comment.at.empty() ? "" : " — " + comment.at);
                if (!comment.about.empty()) head += " — " + comment.about;
                if (!comment.status.empty()) head += " — " + comment.status;
                add(content_, head, Style{9, true}, 3, 1).keep_with_next = true;
                if (!comment.text.empty()) add(content_, comment.text, Style{10, false, false, 8});
            }
        }
        if (!evaluation.opinions.empty()) {
            heading(in_language(lang(), "Avis", "Opinions"), 2);
            add(content_, in_language(lang(), "Avis consultatifs : un avis éclaire le choix et n'élimine aucun fournisseur.",
                             "Advisory opinions: an opinion informs the choice and eliminates no vendor."),
                Style{9, false, true, 0, 0.3});
            for (const auto& opinion : evaluation.opinions) {
                std::string head = opinion.author;
                if (!opinion.role.empty()) head += " (" + opinion.role + ")";
                if (!opinion.verdict.empty()) head += colon + opinion.verdict;
                if (!opinion.at.empty()) head += " — " + opinion.at;
                add(content_, head, Style{10, true}, 3, 1).keep_with_next = true;
                if (!opinion.text.empty()) add(content_, opinion.text, Style{10, false, false, 8});
            }
        }
    }

    void comparison() {
        if (doc_.comparison.empty()) return;
        heading(in_language(lang(), "Synthèse comparative", "Comparison summary"), 0, true).vendor = "";
        for (const auto& row : doc_.comparison) {
            add(content_, row.company, Style{11, true}, 6, 1).keep_with_next = true;
            std::string line = row.status + " — " + in_language(lang(), "avancement ", "progress ") + row.progress;
            if (hospital() && row.score) line += std::string(" — ") + in_language(lang(), "score ", "score ") + *row.score;
            if (hospital() && row.vigilance_count > 0)
                line += " — " + count_with_noun(static_cast<size_t>(row.vigilance_count),
                                                in_language(lang(), "point de vigilance", "point of attention"),
                                                in_language(lang(), "points de vigilance", "points of attention"), lang());
            add(content_, line, Style{10, false, false, 10});
        }
        if (!hospital()) return;
        std::string chart;  // the score chart: horizontal bars, drawn as SVG like the flowcharts
        size_t scored = 0;
        for (const auto& row : doc_.comparison) scored += row.score_ratio ? 1 : 0;
        if (scored == 0) return;
        const double bar_left = 160, bar_width = 300, row_height = 22;
        const double height = row_height * static_cast<double>(doc_.comparison.size()) + 10;
        chart = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(bar_left + bar_width + 60) +
                "\" height=\"" + std::to_string(height) + "\">";
        double y = 5;
        for (const auto& row : doc_.comparison) {
            // The name in the room left of the bars (shortened with "…": the summary above has it whole).
            std::string name;
            for (char c : fitted_text(row.company, 11, bar_left - 8))
                name += c == '<' ? std::string("&lt;") : c == '&' ? std::string("&amp;") : std::string(1, c);
            chart += "<text x=\"0\" y=\"" + std::to_string(y + 14) + "\" font-family=\"DejaVu Sans\" font-size=\"11\">" + name + "</text>";
            const double ratio = std::clamp(row.score_ratio.value_or(0.0), 0.0, 1.0);
            chart += "<rect x=\"" + std::to_string(bar_left) + "\" y=\"" + std::to_string(y + 3) + "\" width=\"" +
                     std::to_string(bar_width * ratio) + "\" height=\"14\" fill=\"#1f5fa8\"/>";
            chart += "<rect x=\"" + std::to_string(bar_left) + "\" y=\"" + std::to_string(y + 3) + "\" width=\"" +
                     std::to_string(bar_width) + "\" height=\"14\" fill=\"none\" stroke=\"#555\"/>";
            y += row_height;
        }
        chart += "</svg>";
        add(content_, in_language(lang(), "Scores", "Scores"), Style{11, true}, 10, 2).keep_with_next = true;
        svg(chart);
    }

    // The width of `text` in points, in the report's font at `size`.
    double text_width(const std::string& text, double size) const {
        LayoutPtr layout(pango_layout_new(context_.get()));
        PangoFontDescription* font = pango_font_description_new();
        pango_font_description_set_family(font, kFont);
        pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
        pango_layout_set_font_description(layout.get(), font);
        pango_font_description_free(font);
        pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
        int width = 0, height = 0;
        pango_layout_get_size(layout.get(), &width, &height);
        return static_cast<double>(width) / PANGO_SCALE;
    }

    // `text` whole when it fits in `max_width` points, else its longest start that fits with "…"
    // (cut between characters).
    std::string fitted_text(const std::string& text, double size, double max_width) const {
        if (text_width(text, size) <= max_width) return text;
        std::vector<size_t> ends;  // byte offsets after each character
        for (size_t i = 1; i <= text.size(); ++i)
            if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ends.push_back(i);
        size_t low = 0, high = ends.size();  // characters kept: the answer is in [low, high)
        while (high - low > 1) {
            const size_t middle = (low + high) / 2;
            if (text_width(text.substr(0, ends[middle - 1]) + "…", size) <= max_width) low = middle;
            else high = middle;
        }
        std::string out = low == 0 ? std::string() : text.substr(0, ends[low - 1]);
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out + "…";
    }

    void build_content() {
        if (doc_.kind == ReportKind::questionnaire) {
            for (const auto& part : doc_.questionnaire_parts) {
                heading(part.title, 0, true);
                svg(part.flowchart_svg);  // the part's heading is level 0 here, its sections level 1
                for (const auto& section : part.sections) {
                    heading(section.title, 1);
                    if (!section.note.empty()) add(content_, section.note, Style{9, false, true, 0, 0.3});
                    for (const auto& answer : section.answers) {
                        add(content_, answer.label, Style{10, true}, 4, 1).keep_with_next = true;
                        if (!answer.answer.empty()) add(content_, answer.answer, Style{9, false, true, 12, 0.35});
                        add(content_, "______________________________________________", Style{9, false, false, 12, 0.6});
                    }
                }
            }
            return;
        }
        comparison();
        for (const auto& vendor : doc_.vendors) {
            heading(vendor.company, 0, true).vendor = vendor.company;
            facts(content_, vendor.facts);
            evaluation(vendor.evaluation);
            for (const auto& part : vendor.parts) this->part(part, true);
        }
    }

    void build_front() {
        if (!doc_.hospital_name.empty()) add(front_, doc_.hospital_name, Style{11, true, false, 0, 0.3}, 0, 4);
        add(front_, doc_.title, Style{20, true}, 0, 6);
        if (!doc_.subtitle.empty()) add(front_, doc_.subtitle, Style{14, false}, 0, 10);
        facts(front_, doc_.facts);
        if (!doc_.generated_at.empty())
            add(front_, std::string(in_language(lang(), "Document produit le ", "Made on ")) + doc_.generated_at, Style{9, false, true, 0, 0.3}, 4, 10);
        add(front_, in_language(lang(), "Table des matières", "Contents"), Style{14, true}, 14, 8);
        for (size_t i = 0; i < toc_headings_.size(); ++i) {
            const Block& target = content_[toc_headings_[i]];
            Block& entry = add(front_, target.text, Style{target.toc_level == 0 ? 10.5 : 9.5, target.toc_level == 0, false,
                                                          target.toc_level == 0 ? 0.0 : 14.0},
                               target.toc_level == 0 ? 4 : 0, 1);
            entry.kind = BlockKind::toc_entry;
            entry.toc_target = i;
        }
    }

    void measure(Block& block) {
        if (block.kind == BlockKind::svg) return;
        double width = kContentWidth - block.style.indent - (block.kind == BlockKind::toc_entry ? 40 : 0);
        // The same text in the same style and width (a question's label in each vendor's part, "Oui")
        // is shaped and broken into lines once.
        LayoutKey key{block.text, block.style.size, block.style.bold, block.style.italic, width};
        if (auto found = layout_cache_.find(key); found != layout_cache_.end()) {
            block.layout = found->second.first;
            block.lines = found->second.second;
            return;
        }
        block.layout.reset(pango_layout_new(context_.get()), GObjectDeleter());
        PangoFontDescription* font = pango_font_description_new();
        pango_font_description_set_family(font, kFont);
        pango_font_description_set_absolute_size(font, block.style.size * PANGO_SCALE);
        if (block.style.bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
        if (block.style.italic) pango_font_description_set_style(font, PANGO_STYLE_ITALIC);
        pango_layout_set_font_description(block.layout.get(), font);
        pango_font_description_free(font);
        pango_layout_set_width(block.layout.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(block.layout.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_text(block.layout.get(), block.text.c_str(), static_cast<int>(block.text.size()));
        PangoLayoutIter* iter = pango_layout_get_iter(block.layout.get());
        do {
            int y0 = 0, y1 = 0;
            pango_layout_iter_get_line_yrange(iter, &y0, &y1);
            block.lines.push_back(Line{static_cast<double>(y0) / PANGO_SCALE, static_cast<double>(y1) / PANGO_SCALE,
                                       static_cast<double>(pango_layout_iter_get_baseline(iter)) / PANGO_SCALE});
        } while (pango_layout_iter_next_line(iter));
        pango_layout_iter_free(iter);
        layout_cache_.emplace(std::move(key), std::make_pair(block.layout, block.lines));
    }

    double block_height(const Block& block) const {
        if (block.kind == BlockKind::svg) return block.svg_height;
        return block.lines.empty() ? 0 : block.lines.back().bottom - block.lines.front().top;
    }

    // Lines a paragraph keeps under the heading before it: two, or all of a shorter one.
    static constexpr size_t kLinesKeptWithHeading = 2;

    // The height from the top of block `i` (keep_with_next) to the end of the first lines of what it
    // introduces: the run of blocks kept with the next one (a part's heading, its first section's
    // heading, the first question's label), then the first lines of the first other block, or all
    // of a chart (never split). A run taller than a page is cut where it passes a page: it starts
    // on a new page then, and goes on as it can.
    double kept_height(const std::vector<Block>& blocks, size_t i) const {
        double need = 0;
        size_t j = i;
        for (;; ++j) {
            const Block& block = blocks[j];
            if (j > i) {
                if (block.page_break_before) return need;  // starts a page of its own anyway
                need += blocks[j - 1].space_after + block.space_before;
            }
            if (!block.keep_with_next || j + 1 == blocks.size()) break;
            need += block_height(block);
            if (need > kBottom - kTop) return need;
        }
        const Block& first = blocks[j];
        if (first.kind == BlockKind::svg) return need + first.svg_height;
        if (first.lines.empty()) return need;
        const size_t last = std::min(first.lines.size(), kLinesKeptWithHeading) - 1;
        return need + first.lines[last].bottom - first.lines.front().top;
    }

    std::vector<Page> paginate(std::vector<Block>& blocks, size_t pages_before) {
        std::vector<Page> pages(1);
        std::string vendor;
        double y = kTop;
        auto new_page = [&] {
            pages.emplace_back();
            pages.back().vendor = vendor;
            y = kTop;
        };
        if (&blocks == &content_) heading_page_.assign(blocks.size(), 0);
        for (size_t i = 0; i < blocks.size(); ++i) {
            Block& block = blocks[i];
            if (block.page_break_before && !pages.back().items.empty()) new_page();
            if (block.vendor) {
                vendor = *block.vendor;
                if (pages.back().items.empty()) pages.back().vendor = vendor;
            }
            if (!pages.back().items.empty()) y += block.space_before;
            // A heading (or a question's label) never ends a page: it goes to the next one unless what
            // it introduces starts under it on this one.
            if (block.keep_with_next && y + kept_height(blocks, i) > kBottom && !pages.back().items.empty()) new_page();
            if (&blocks == &content_) heading_page_[i] = pages_before + pages.size();
            if (block.kind == BlockKind::svg) {
                if (y + block.svg_height > kBottom && !pages.back().items.empty()) new_page();
                if (&blocks == &content_) heading_page_[i] = pages_before + pages.size();
                pages.back().items.push_back(Placed{i, 0, 0, y});
                y += block.svg_height + block.space_after;
                continue;
            }
            size_t line = 0;
            while (line < block.lines.size()) {
                size_t end = line;
                const double origin = block.lines[line].top;
                while (end < block.lines.size() && y + (block.lines[end].bottom - origin) <= kBottom) ++end;
                if (end == line) {
                    if (pages.back().items.empty()) ++end;  // taller than a page: never loop
                    else {
                        new_page();
                        if (line == 0 && &blocks == &content_) heading_page_[i] = pages_before + pages.size();
                        continue;
                    }
                }
                pages.back().items.push_back(Placed{i, line, end, y});
                y += block.lines[end - 1].bottom - origin;
                line = end;
                if (line < block.lines.size()) new_page();
            }
            y += block.space_after;
        }
        return pages;
    }

    void show_text(const std::string& text, double x, double y, double size, bool bold, double grey, double max_width,
                   bool align_right = false, bool center = false) {
        LayoutPtr layout(pango_layout_new(context_.get()));
        PangoFontDescription* font = pango_font_description_new();
        pango_font_description_set_family(font, kFont);
        pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
        if (bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
        pango_layout_set_font_description(layout.get(), font);
        pango_font_description_free(font);
        pango_layout_set_width(layout.get(), static_cast<int>(max_width * PANGO_SCALE));
        pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
        pango_layout_set_alignment(layout.get(), align_right ? PANGO_ALIGN_RIGHT : center ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
        pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
        cairo_set_source_rgb(cr_, grey, grey, grey);
        cairo_move_to(cr_, x, y);
        pango_cairo_show_layout(cr_, layout.get());
    }

    void draw_page(const std::vector<Block>& blocks, const Page& page, size_t number, size_t total) {
        // Header: the hospital's logo and name, the purchase, and the vendor of this page.
        const double half = kContentWidth / 2 - 6;
        const double logo_width = draw_logo(kMarginX, 22, 90, 18);
        const double text_x = kMarginX + (logo_width > 0 ? logo_width + 6 : 0);
        const std::string heading = doc_.hospital_name.empty() ? doc_.title : doc_.hospital_name + " — " + doc_.title;
        show_text(heading, text_x, 30, 8, false, 0.3, (page.vendor.empty() ? kContentWidth : half) - (text_x - kMarginX));
        if (!page.vendor.empty()) show_text(page.vendor, kMarginX + kContentWidth - half, 30, 8, true, 0.3, half, true);
        cairo_set_source_rgb(cr_, 0.6, 0.6, 0.6);
        cairo_set_line_width(cr_, 0.5);
        cairo_move_to(cr_, kMarginX, 44);
        cairo_line_to(cr_, kMarginX + kContentWidth, 44);
        cairo_stroke(cr_);
        show_text(std::string(in_language(lang(), "Page ", "Page ")) + std::to_string(number) + " / " + std::to_string(total), kMarginX,
                  kPageHeight - 40, 8, false, 0.3, kContentWidth, false, true);

        for (const auto& item : page.items) {
            const Block& block = blocks[item.block];
            if (block.kind == BlockKind::svg) {
                RsvgRectangle viewport{kMarginX + (kContentWidth - block.svg_width) / 2, item.y, block.svg_width, block.svg_height};
                cairo_save(cr_);
                rsvg_handle_render_document(block.svg.get(), cr_, &viewport, nullptr);
                cairo_restore(cr_);
                continue;
            }
            const double grey = block.style.grey;
            cairo_set_source_rgb(cr_, grey, grey, grey);
            const double origin = block.lines[item.first_line].top;
            for (size_t line = item.first_line; line < item.end_line; ++line) {
                cairo_move_to(cr_, kMarginX + block.style.indent, item.y + block.lines[line].baseline - origin);
                pango_cairo_show_layout_line(cr_, pango_layout_get_line_readonly(block.layout.get(), static_cast<int>(line)));
            }
            if (block.kind == BlockKind::toc_entry && item.first_line == 0) {
                const size_t target_page = heading_page_.empty() ? 0 : heading_page_[toc_headings_[block.toc_target]];
                show_text(std::to_string(target_page), kMarginX + kContentWidth - 40, item.y, block.style.size,
                          block.style.bold, 0, 40, true);
            }
        }
    }
};

}  // namespace

Result<std::string> render_pdf(const ReportDocument& document) { return Renderer(document).run(); }

}  // namespace cyberachat::report
