#pragma once
// A purchase's title as a reader sees it: the English title (Acquisition::title_en) for a reader
// in English when the purchase has one, its French title otherwise. Vendors see it in their
// language (pages, e-mails, their report); the hospital always sees the French title.
#include <string>
#include <string_view>

#include "core/acquisition.hpp"
#include "core/localized_text.hpp"

namespace cyberachat {

const std::string& title_for(const Acquisition& acquisition, Language language);
// `language` is a code ("fr", "en"; anything else reads as French), as VendorResponse::language.
const std::string& title_for(const Acquisition& acquisition, std::string_view language);

}  // namespace cyberachat
