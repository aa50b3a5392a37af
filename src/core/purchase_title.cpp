#include "core/purchase_title.hpp"

namespace cyberachat {

const std::string& title_for(const Acquisition& acquisition, Language language) {
    return in_language(language, acquisition.title, acquisition.title_en);
}

const std::string& title_for(const Acquisition& acquisition, std::string_view language) {
    return title_for(acquisition, parse_language(language));
}

}  // namespace cyberachat
