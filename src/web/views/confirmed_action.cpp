#include "web/views/confirmed_action.hpp"

#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

void write_confirmed_action(html::HtmlWriter& w, const PageContext& context, const ConfirmedAction& action) {
    w.open("details", {{"class", "confirmed-action"}});
    w.open("summary", {{"class", action.danger ? "button button-small button-danger" : "button button-small"}});
    w.text(action.label);
    if (!action.detail.empty()) w.element("span", {{"class", "visually-hidden"}}, " — " + action.detail);
    w.close("summary");
    w.open("form", {{"method", "post"}, {"action", action.action}, {"class", "confirm-form"}});
    write_csrf_field(w, context);
    w.void_tag("input", {{"type", "hidden"}, {"name", "confirm"}, {"value", "1"}});
    w.element("p", action.consequence);
    w.element("button", {{"type", "submit"}, {"class", action.danger ? "button button-small button-danger" : "button button-small"}},
              action.confirm_label);
    w.close("form");
    w.close("details");
}

}  // namespace cyberachat::web::views
