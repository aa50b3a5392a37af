#pragma once
// A secret shown once (an invitation link, a generated password, a reset link, an API token): a
// heading, what to do with it, the value in a read-only field with a copy button.
#include <string>

#include "web/html/html_writer.hpp"

namespace cyberachat::web::views {

struct SecretReveal {
    std::string field_id;     // "invitation-link"
    std::string heading;      // "Lien d'invitation pour Medica"
    std::string explanation;
    std::string label;        // "Lien secret"
    std::string value;
    std::string copied = "Copié";  // said once copied
    std::string copy_button = "Copier";
};

void write_secret_reveal(html::HtmlWriter& w, const SecretReveal& reveal);

}  // namespace cyberachat::web::views
