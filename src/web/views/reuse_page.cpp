#include "web/views/reuse_page.hpp"

#include "core/text_format.hpp"
#include "web/views/detail_list.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

namespace {

const char* status_label(ReuseStatus status, Language lang) {
    switch (status) {
        case ReuseStatus::copied: return L(lang, "Reprise", "Carried over");
        case ReuseStatus::kept: return L(lang, "Déjà répondue : gardée", "Already answered: kept");
        case ReuseStatus::kind_changed: return L(lang, "Non reprise : question modifiée", "Not carried over: question changed");
        case ReuseStatus::refused: return L(lang, "Non reprise : valeur refusée", "Not carried over: value refused");
        case ReuseStatus::gone: return L(lang, "Non reprise : question retirée", "Not carried over: question removed");
    }
    return "";
}

std::string earlier_title(const EarlierResponse& earlier, Language lang) {
    std::string out = earlier.purchase_title;
    if (!earlier.reference.empty()) out += " (" + earlier.reference + ")";
    return out;
}

void write_list(HtmlWriter& w, const PageContext& context, const ReusePageView& view) {
    const Language lang = context.language;
    w.open("section", {{"class", "card"}, {"aria-labelledby", "earlier-title"}, {"id", "earlier-responses"}});
    w.element("h2", {{"id", "earlier-title"}}, L(lang, "Vos réponses antérieures", "Your earlier responses"));
    if (view.earlier->empty()) {
        w.element("p", L(lang, "Aucune réponse antérieure de votre société n'est disponible sur cette plateforme.",
                         "No earlier response of your company is available on this platform."));
        w.close("section");
        return;
    }
    w.element("p", L(lang,
                     "Vos réponses déjà soumises à cet établissement, pour d'autres achats. Choisissez-en une pour voir ce "
                     "qui serait repris : rien n'est copié avant votre confirmation, et seules les questions auxquelles "
                     "vous n'avez pas encore répondu sont remplies.",
                     "Your responses already submitted to this hospital, for other purchases. Choose one to see what would "
                     "be carried over: nothing is copied before you confirm, and only the questions you have not answered "
                     "yet are filled."));
    w.open("ul", {{"class", "earlier-list"}});
    for (const EarlierResponse& earlier : *view.earlier) {
        w.open("li", {{"data-response", static_cast<long long>(earlier.response_id)}});
        w.element("strong", earlier_title(earlier, lang));
        std::string facts;
        if (!earlier.device.empty()) facts += earlier.device + " — ";
        facts += std::string(L(lang, "soumise le ", "submitted on ")) + format_datetime(earlier.submitted_at, lang);
        w.element("span", {{"class", "hint"}}, " " + facts + " ");
        w.element("a", {{"href", "/vendor/reuse/" + std::to_string(earlier.response_id)}, {"class", "button button-secondary"}},
                  L(lang, "Voir ce qui serait repris", "See what would be carried over"));
        w.close("li");
    }
    w.close("ul");
    w.close("section");
}

void write_plan(HtmlWriter& w, const PageContext& context, const ReusePageView& view) {
    const Language lang = context.language;
    const ReuseOutcome& outcome = *view.outcome;
    const ReusePlan& plan = outcome.plan;
    w.open("section", {{"class", "card"}, {"aria-labelledby", "reuse-title"}, {"id", "reuse-report"}});
    w.element("h2", {{"id", "reuse-title"}},
              outcome.applied ? L(lang, "Réponses reprises", "Answers carried over")
                              : L(lang, "Ce qui serait repris", "What would be carried over"));
    w.element("p", with_colon(L(lang, "Depuis", "From"), lang) + earlier_title(outcome.from, lang) + " — " +
                       format_datetime(outcome.from.submitted_at, lang));
    if (outcome.applied)
        w.element("p", {{"class", "flash"}, {"id", "reuse-result"}},
                  std::string(L(lang, "Réponses reprises : ", "Answers carried over: ")) + std::to_string(outcome.saved) +
                      L(lang, " ; documents copiés : ", "; documents copied: ") + std::to_string(outcome.documents) +
                      L(lang, ". Relisez-les : vous pouvez tout modifier avant de soumettre.",
                        ". Read them again: you can change everything before submitting."));
    w.open("ul", {{"class", "import-summary"}});
    for (auto status : {ReuseStatus::copied, ReuseStatus::kept, ReuseStatus::kind_changed, ReuseStatus::refused, ReuseStatus::gone})
        w.element("li", {{"data-status", std::string(reuse_status_name(status))}},
                  with_colon(status_label(status, lang), lang) + std::to_string(plan.count(status)));
    w.close("ul");
    if (!outcome.applied) {
        if (plan.count(ReuseStatus::copied) > 0) {
            w.open("form", {{"method", "post"}, {"action", "/vendor/reuse/" + std::to_string(outcome.from.response_id)}});
            write_csrf_field(w, context);
            w.element("button", {{"type", "submit"}, {"class", "button button-primary"}, {"id", "reuse-apply"}},
                      L(lang, "Reprendre ces réponses", "Carry these answers over"));
            w.close("form");
        } else {
            w.element("p", L(lang, "Rien à reprendre : vous avez déjà répondu à tout ce que cette réponse contenait.",
                             "Nothing to carry over: you have already answered everything this response held."));
        }
    }
    w.open("div", {{"class", "table-wrap"}});
    w.open("table", {{"class", "data-table"}, {"id", "reuse-items"}});
    w.open("thead").open("tr");
    for (const char* header : {L(lang, "Résultat", "Result"), "Question", L(lang, "Valeur", "Value")})
        w.element("th", {{"scope", "col"}}, header);
    w.close("tr").close("thead").open("tbody");
    for (const ReuseItem& item : plan.items) {
        w.open("tr", {{"data-question", item.question_id}, {"data-status", std::string(reuse_status_name(item.status))}});
        w.open("td");
        w.element("span", {{"class", item.status == ReuseStatus::copied ? "badge badge-done" : "badge"}}, status_label(item.status, lang));
        if (!item.reason.empty()) w.element("span", {{"class", "hint"}}, " " + item.reason.in(lang));
        w.close("td");
        w.element("td", item.label.in(lang));
        if (item.documents > 0)
            w.element("td", std::to_string(item.documents) + L(lang, " document(s)", " document(s)"));
        else if (item.status == ReuseStatus::copied && item.value.is_string())
            w.element("td", item.value.get<std::string>());
        else if (item.status == ReuseStatus::copied)
            w.element("td", {{"class", "mono"}}, item.value.dump());
        else
            w.element("td", "—");
        w.close("tr");
    }
    w.close("tbody").close("table").close("div");
    w.close("section");
}

}  // namespace

std::string render_reuse_page(const PageContext& context, const ReusePageView& view) {
    const Language lang = context.language;
    HtmlWriter w(16384);
    write_page_heading(w, view.subject, L(lang, "Partir d'une réponse antérieure", "Start from an earlier response"));
    if (!view.error.empty()) w.element("p", {{"class", "flash flash-error"}, {"role", "alert"}, {"id", "reuse-error"}}, view.error);
    const bool refused = write_import_refusal(w, lang, view.submitted, view.locked);
    if (view.outcome) write_plan(w, context, view);
    if (view.earlier && !refused) write_list(w, context, view);
    w.open("p", {{"class", "actions"}});
    if (view.outcome)
        w.element("a", {{"href", "/vendor/reuse"}, {"class", "button button-secondary"}},
                  L(lang, "Vos réponses antérieures", "Your earlier responses"));
    w.element("a", {{"href", "/vendor"}, {"class", "button button-secondary"}}, L(lang, "Retour", "Back"));
    w.close("p");
    return render_layout(context, w.take());
}

}  // namespace cyberachat::web::views
