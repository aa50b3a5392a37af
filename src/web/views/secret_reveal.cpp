#include "web/views/secret_reveal.hpp"

namespace cyberachat::web::views {

void write_secret_reveal(html::HtmlWriter& w, const SecretReveal& reveal) {
    w.open("section", {{"class", "reveal"}, {"aria-labelledby", reveal.field_id + "-title"}});
    w.element("h2", {{"id", reveal.field_id + "-title"}}, reveal.heading);
    w.element("p", reveal.explanation);
    w.open("div", {{"class", "copy-field"}});
    w.element("label", {{"for", reveal.field_id}}, reveal.label);
    w.open("div", {{"class", "copy-row"}});
    w.void_tag("input", {{"type", "text"},
                         {"id", reveal.field_id},
                         {"value", reveal.value},
                         {"readonly", true},
                         {"spellcheck", "false"},
                         {"autocomplete", "off"}});
    w.element("button", {{"type", "button"}, {"class", "button button-primary"}, {"data-copy", "#" + reveal.field_id},
                         {"data-msg-copied", reveal.copied}, {"hidden", true}},
              reveal.copy_button);
    w.close("div");
    w.element("p", {{"class", "copy-status"}, {"data-copy-status", true}, {"aria-live", "polite"}}, "");
    w.close("div");
    w.close("section");
}

}  // namespace cyberachat::web::views
