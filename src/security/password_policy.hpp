#pragma once
// The password policy of hospital accounts (issue 12, item 5), applied wherever a password is
// chosen: `user add --password-stdin`, account creation on the pages and the API, "change my
// password", a reset link. A password is refused, with a French and English message saying why
// (ErrorCode::invalid_value), when it
//   - is not UTF-8 text, or has fewer than 12 characters (code points, not bytes);
//   - is one character repeated, a short motif repeated, or a simple sequence ("abcdefghijkl",
//     "123456789012", a row of the keyboard: "azertyuiop12");
//   - is, once its leading and trailing digits and signs are set aside, a common password
//     ("password1234", "motdepasse123": security/common_passwords.hpp);
//   - equals or contains the account's e-mail local part (or a 4+ letter piece of it);
//   - fails cracklib's check (libcrack2's FascistCheck against the dictionary of Debian's
//     cracklib-runtime, /var/cache/cracklib): based on a dictionary word, not enough different
//     characters…; or is a dictionary word followed or preceded by digits and signs only
//     ("elephant12345"), which cracklib itself lets through. cracklib's "too simplistic/systematic"
//     (more than 4 neighbouring letters in alphabetical order anywhere, which long passphrases
//     of real words often have) is not followed: the sequence rule above judges that.
// FascistCheck is not documented thread-safe: every call is serialized.
#include <string_view>

#include "core/result.hpp"

namespace cyberachat::security {

inline constexpr size_t kMinimumPasswordCharacters = 12;

// `email` ("" when unknown): the account's, for the local-part rule.
Result<void> check_password_policy(std::string_view password, std::string_view email = {});

}  // namespace cyberachat::security
