#include "security/password_policy.hpp"

#include <cstddef>  // crack.h uses size_t without including it

#include <crack.h>

#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "core/utf8.hpp"
#include "security/common_passwords.hpp"

namespace cyberachat::security {
namespace {

Error policy_refusal(const std::string& fr, const std::string& en) {
    return Error::make(ErrorCode::invalid_value, "Mot de passe refusé : " + fr + ".", "Password refused: " + en + ".");
}

// The code points of well-formed UTF-8 text.
std::vector<char32_t> policy_code_points(std::string_view text) {
    std::vector<char32_t> out;
    for (size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        char32_t point = length == 1 ? lead : length == 2 ? lead & 0x1F : length == 3 ? lead & 0x0F : lead & 0x07;
        for (size_t k = 1; k < length && i + k < text.size(); ++k)
            point = (point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        out.push_back(point);
        i += length;
    }
    return out;
}

char32_t policy_lower(char32_t c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

// Neighbours in a simple sequence: next or previous letter or digit (9 → 0 and 0 → 9 too).
bool policy_steps(char32_t a, char32_t b) {
    a = policy_lower(a);
    b = policy_lower(b);
    if (a + 1 == b || b + 1 == a) return true;
    return (a == '9' && b == '0') || (a == '0' && b == '9');
}

// Three out of four neighbouring pairs (or more) in alphabetical or numerical order.
bool is_simple_sequence(const std::vector<char32_t>& points) {
    size_t steps = 0;
    for (size_t i = 0; i + 1 < points.size(); ++i)
        if (policy_steps(points[i], points[i + 1])) ++steps;
    return steps * 4 >= (points.size() - 1) * 3;
}

// The whole password is one block of at most half its length, repeated ("abcabcabcabc").
bool is_repeated_motif(const std::vector<char32_t>& points) {
    for (size_t block = 1; block * 2 <= points.size(); ++block) {
        bool repeats = true;
        for (size_t i = block; i < points.size() && repeats; ++i) repeats = policy_lower(points[i]) == policy_lower(points[i - block]);
        if (repeats) return true;
    }
    return false;
}

std::string lower_ascii_copy(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool is_letter_byte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }

// The password without its leading and trailing digits, signs and spaces ("Password1234!" → "Password").
std::string_view policy_core(std::string_view password) {
    size_t begin = 0, end = password.size();
    while (begin < end && !is_letter_byte(static_cast<unsigned char>(password[begin]))) ++begin;
    while (end > begin && !is_letter_byte(static_cast<unsigned char>(password[end - 1]))) --end;
    return password.substr(begin, end - begin);
}

// Rows of the French and English keyboards, and their reverses.
bool is_keyboard_run(const std::string& lowered) {
    static const std::vector<std::string> rows = {"azertyuiop", "qsdfghjklm", "wxcvbn", "qwertyuiop", "asdfghjkl",
                                                  "zxcvbnm",    "qwertzuiop", "1234567890", "&é\"'(-è_çà"};
    if (lowered.size() < 4) return false;
    for (const std::string& row : rows) {
        if (row.find(lowered) != std::string::npos) return true;
        if (std::string(row.rbegin(), row.rend()).find(lowered) != std::string::npos) return true;
    }
    return false;
}

// The pieces of the e-mail's local part to look for: the whole of it (3+ characters) and each
// piece between '.', '-', '_' or '+' of 4+ characters ("jean.dupont" → jean.dupont, jean, dupont).
std::vector<std::string> local_part_pieces(std::string_view email) {
    std::vector<std::string> out;
    const std::string local = lower_ascii_copy(email.substr(0, email.find('@')));
    if (local.size() >= 3) out.push_back(local);
    std::string piece;
    for (size_t i = 0; i <= local.size(); ++i) {
        if (i == local.size() || local[i] == '.' || local[i] == '-' || local[i] == '_' || local[i] == '+') {
            if (piece.size() >= 4 && piece != local) out.push_back(piece);
            piece.clear();
        } else {
            piece.push_back(local[i]);
        }
    }
    return out;
}

// cracklib's verdict (nullptr: accepted), one call at a time.
const char* cracklib_verdict(const std::string& candidate) {
    static std::mutex mutex;
    std::lock_guard<std::mutex> lock(mutex);
    return FascistCheck(candidate.c_str(), GetDefaultCracklibDict());
}

// cracklib's English reason in French and English; nullopt for "too simplistic/systematic" and
// the length rules (judged here, in characters).
std::optional<Error> cracklib_refusal(std::string_view reason) {
    const std::string text(reason);
    if (text.find("simplistic") != std::string::npos || text.find("short") != std::string::npos) return std::nullopt;
    if (text.find("dictionary word") != std::string::npos)
        return policy_refusal("il est fondé sur un mot du dictionnaire", "it is based on a dictionary word");
    if (text.find("DIFFERENT") != std::string::npos)
        return policy_refusal("il n'a pas assez de caractères différents", "it does not contain enough different characters");
    if (text.find("whitespace") != std::string::npos)
        return policy_refusal("il n'est fait que d'espaces", "it is all whitespace");
    if (text.find("Insurance") != std::string::npos)
        return policy_refusal("il ressemble à un numéro d'identification", "it looks like an identification number");
    if (text.find("dictionary") != std::string::npos || text.find("error loading") != std::string::npos)
        return Error::make(ErrorCode::storage,
                           "Vérification du mot de passe impossible : le dictionnaire de cracklib manque (paquet "
                           "cracklib-runtime).",
                           "The password cannot be checked: cracklib's dictionary is missing (package cracklib-runtime).");
    return policy_refusal("il est trop facile à deviner (" + text + ")", "it is too easy to guess (" + text + ")");
}

}  // namespace

Result<void> check_password_policy(std::string_view password, std::string_view email) {
    if (!is_valid_utf8(password))
        return Error::make(ErrorCode::invalid_value,
                           "Mot de passe illisible : il doit être du texte UTF-8.", "Unreadable password: it must be UTF-8 text.");
    const std::vector<char32_t> points = policy_code_points(password);
    if (points.size() < kMinimumPasswordCharacters)
        return Error::make(ErrorCode::invalid_value,
                           "Mot de passe trop court : " + std::to_string(kMinimumPasswordCharacters) +
                               " caractères au moins.",
                           "Password too short: at least " + std::to_string(kMinimumPasswordCharacters) + " characters.");
    if (password.find('\0') != std::string_view::npos)
        return policy_refusal("il contient un caractère nul", "it contains a null character");
    if (std::set<char32_t>(points.begin(), points.end()).size() == 1)
        return policy_refusal("un seul caractère répété", "one character repeated");
    if (is_repeated_motif(points))
        return policy_refusal("un motif répété", "a repeated pattern");
    if (is_simple_sequence(points))
        return policy_refusal("une suite trop simple (abcd…, 1234…)", "too simple a sequence (abcd…, 1234…)");
    const std::string core = lower_ascii_copy(policy_core(password));
    const std::string lowered = lower_ascii_copy(password);
    if (is_common_password(lowered) || is_common_password(core))
        return policy_refusal("trop courant (parmi les premiers essayés par un attaquant)",
                              "too common (among the first an attacker tries)");
    if (is_keyboard_run(core) || is_keyboard_run(lowered))
        return policy_refusal("une suite de touches du clavier", "a run of keyboard keys");
    for (const std::string& piece : local_part_pieces(email))
        if (lowered.find(piece) != std::string::npos)
            return policy_refusal("il reprend l'adresse e-mail du compte", "it contains the account's e-mail address");
    if (const char* reason = cracklib_verdict(std::string(password)))
        if (auto refusal = cracklib_refusal(reason)) return *refusal;
    // A dictionary word with only digits or signs around it: cracklib's rules let most through.
    if (core.size() != password.size() && utf8_character_count(core) >= 6)
        if (const char* reason = cracklib_verdict(core); reason && std::string_view(reason).find("dictionary word") != std::string_view::npos)
            return policy_refusal("il est fondé sur un mot du dictionnaire, suivi ou précédé de chiffres",
                                  "it is based on a dictionary word with digits around it");
    return {};
}

}  // namespace cyberachat::security
