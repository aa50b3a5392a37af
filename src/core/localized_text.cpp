#include "core/localized_text.hpp"

namespace cyberachat {

Language parse_language(std::string_view code) {
    return code.substr(0, 2) == "en" ? Language::en : Language::fr;
}

std::string_view language_code(Language language) {
    return language == Language::en ? "en" : "fr";
}

}  // namespace cyberachat
