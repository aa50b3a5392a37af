#pragma once
#include <string>
#include <string_view>

namespace cyberachat {

enum class Language { fr, en };

Language parse_language(std::string_view code);  // "en" → en, anything else → fr
std::string_view language_code(Language language);

// A fixed text of the program in the reader's language: `fr`, or `en` for English readers.
constexpr const char* in_language(Language language, const char* fr, const char* en) {
    return language == Language::en ? en : fr;
}

// A text given in both languages (a message of an Error, of an import row…): `en` for English
// readers unless it is empty, `fr` otherwise. Temporaries are refused: the result refers to an argument.
inline const std::string& in_language(Language language, const std::string& fr, const std::string& en) {
    return language == Language::en && !en.empty() ? en : fr;
}
const std::string& in_language(Language, std::string&&, const std::string&) = delete;
const std::string& in_language(Language, const std::string&, std::string&&) = delete;
const std::string& in_language(Language, std::string&&, std::string&&) = delete;

// A text in French (the reference) and English (for vendors). English falls back to French.
struct LocalizedText {
    std::string fr;
    std::string en;

    const std::string& in(Language language) const { return in_language(language, fr, en); }
    bool empty() const { return fr.empty() && en.empty(); }
};

}  // namespace cyberachat
