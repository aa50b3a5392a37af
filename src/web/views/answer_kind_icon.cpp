#include "web/views/answer_kind_icon.hpp"

#include <string>

#include "web/views/page_context.hpp"

namespace cyberachat::web::views {
namespace {

// The drawings, 24 × 24, stroked in the current colour. Constants: written as they are.
std::string_view kind_icon_drawing(AnswerKindIcon icon) {
    switch (icon) {
        case AnswerKindIcon::yes_no: return R"(<path d="M1.5 12.5l3.5 4 6-8.5"/><path d="M14 8.5l7.5 8M21.5 8.5l-7.5 8"/>)";
        case AnswerKindIcon::text: return R"(<path d="M5 7V4.5h14V7M12 4.5v15M8.5 19.5h7"/>)";
        case AnswerKindIcon::number:
            return R"(<text x="12" y="16.5" text-anchor="middle" font-family="sans-serif" font-size="12.5" )"
                   R"(font-weight="700" letter-spacing="-0.5" fill="currentColor" stroke="none">123</text>)";
        case AnswerKindIcon::document: return R"(<path d="M6 2.5h8.5l4 4V21.5H6z"/><path d="M14 2.5V7h4.5M9 12h6M9 16h6"/>)";
        case AnswerKindIcon::choice:
            return R"(<circle cx="5" cy="7" r="1.5"/><circle cx="5" cy="12" r="1.5"/><circle cx="5" cy="17" r="1.5"/>)"
                   R"(<path d="M9.5 7H20M9.5 12H20M9.5 17H20"/>)";
    }
    return {};
}

void write_icon_svg(html::HtmlWriter& w, std::string_view css, std::string_view drawing) {
    w.open("svg", {{"class", css},
                   {"aria-hidden", "true"},
                   {"focusable", "false"},
                   {"viewBox", "0 0 24 24"},
                   {"width", "20"},
                   {"height", "20"},
                   {"fill", "none"},
                   {"stroke", "currentColor"},
                   {"stroke-width", "2"},
                   {"stroke-linecap", "round"},
                   {"stroke-linejoin", "round"}});
    w.raw(drawing);
    w.close("svg");
}

}  // namespace

AnswerKindIcon answer_kind_icon(QuestionKind kind) {
    switch (kind) {
        case QuestionKind::yes_no: return AnswerKindIcon::yes_no;
        case QuestionKind::number:
        case QuestionKind::integer: return AnswerKindIcon::number;
        case QuestionKind::document: return AnswerKindIcon::document;
        case QuestionKind::single_choice:
        case QuestionKind::multiple_choice: return AnswerKindIcon::choice;
        case QuestionKind::text:
        case QuestionKind::long_text:
        case QuestionKind::date:
        case QuestionKind::email:
        case QuestionKind::phone:
        case QuestionKind::table:
        case QuestionKind::contact: return AnswerKindIcon::text;
    }
    return AnswerKindIcon::text;
}

std::string_view answer_kind_icon_name(AnswerKindIcon icon) {
    switch (icon) {
        case AnswerKindIcon::yes_no: return "yes-no";
        case AnswerKindIcon::text: return "text";
        case AnswerKindIcon::number: return "number";
        case AnswerKindIcon::document: return "document";
        case AnswerKindIcon::choice: return "choice";
    }
    return "text";
}

std::string_view answer_kind_words(AnswerKindIcon icon, Language language) {
    switch (icon) {
        case AnswerKindIcon::yes_no: return L(language, "oui / non", "yes / no");
        case AnswerKindIcon::text: return L(language, "texte", "text");
        case AnswerKindIcon::number: return L(language, "chiffre", "number");
        case AnswerKindIcon::document: return L(language, "document", "document");
        case AnswerKindIcon::choice: return L(language, "choix", "choice");
    }
    return {};
}

void write_answer_kind_icon(html::HtmlWriter& w, AnswerKindIcon icon) {
    write_icon_svg(w, "kind-icon kind-icon-" + std::string(answer_kind_icon_name(icon)), kind_icon_drawing(icon));
}

void write_answer_kind_text(html::HtmlWriter& w, AnswerKindIcon icon, Language language) {
    w.element("span", {{"class", "visually-hidden kind-text"}},
              std::string(L(language, " — type de réponse\u00A0: ", " — answer type: ")) +
                  std::string(answer_kind_words(icon, language)));
}

void write_info_icon(html::HtmlWriter& w) {
    write_icon_svg(w, "kind-icon kind-icon-info",
                   R"(<circle cx="12" cy="12" r="9.5"/><path d="M12 11v6"/><circle cx="12" cy="7.5" r="0.6" fill="currentColor"/>)");
}

}  // namespace cyberachat::web::views
