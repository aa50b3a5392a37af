#pragma once
// ASCII-only text helpers shared by every layer (headers, form fields, stored names, answers),
// and the folding of accented Latin letters to ASCII (searches, file names).
#include <string>
#include <string_view>

namespace cyberachat {

// `text` without its leading and trailing ASCII white space (space, \t, \n, \v, \f, \r).
std::string_view trim(std::string_view text);

// `text` with its ASCII capitals lowered (other bytes, UTF-8 included, unchanged).
std::string lower_ascii(std::string_view text);

// UTF-8 `text` with its Latin letters written without accents and its ligatures spelled out:
// "Échographe" → "Echographe", "Ça" → "Ca", "cœur" → "coeur", "Æ" → "AE", "ß" → "ss"; the
// combining accents of decomposed text (macOS: "e" + U+0301) are dropped. Every other character
// (Greek, "°", "×", a no-break space…) and malformed bytes are kept as they are.
std::string fold_accents(std::string_view text);

// The form searches compare text in: fold_accents, then lower_ascii ("Échographe" → "echographe").
std::string search_key(std::string_view text);

}  // namespace cyberachat
