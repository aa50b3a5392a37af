#include "core/answer_validation.hpp"

#include "core/answer.hpp"
#include "core/ascii_text.hpp"
#include "core/document_answer.hpp"
#include "core/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <set>

namespace cyberachat {
namespace {

constexpr size_t kMaxTextLength = 500;
constexpr size_t kMaxLongTextLength = 20000;
constexpr size_t kMaxRows = kMaxTableRows;

using json = nlohmann::json;

Error invalid(std::string fr, std::string en) {
    return Error::make(ErrorCode::invalid_value, std::move(fr), std::move(en));
}

bool is_empty_input(const json& raw) {
    if (raw.is_string()) return trim(raw.get_ref<const std::string&>()).empty();
    return !has_value(raw);
}

// A scalar as text (numbers and booleans printed as JSON), or nullopt for objects and arrays.
std::optional<std::string> scalar_input(const json& raw) {
    if (raw.is_string()) return std::string(trim(raw.get_ref<const std::string&>()));
    if (raw.is_number() || raw.is_boolean()) return raw.dump();
    return std::nullopt;
}

Result<json> normalize_yes_no(const json& raw) {
    if (raw.is_boolean()) return json(raw.get<bool>() ? "oui" : "non");
    if (auto text = scalar_input(raw)) {
        std::string word = lower_ascii(*text);
        if (word == "oui" || word == "yes" || word == "true" || word == "o" || word == "y") return json("oui");
        if (word == "non" || word == "no" || word == "false" || word == "n") return json("non");
    }
    return invalid("Répondez par « oui » ou « non ».", "Answer \"yes\" or \"no\".");
}

// Parses "1 234,5", "1234.5", "-2" (spaces and non-breaking spaces between thousands allowed).
std::optional<double> parse_decimal(std::string_view text) {
    std::string cleaned;
    for (size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\t') continue;
        if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {  // NBSP
            ++i;
            continue;
        }
        if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            static_cast<unsigned char>(text[i + 2]) == 0xAF) {  // narrow NBSP
            i += 2;
            continue;
        }
        cleaned.push_back(c == ',' ? '.' : static_cast<char>(c));
    }
    if (cleaned.empty()) return std::nullopt;
    if (cleaned.front() == '+') cleaned.erase(0, 1);
    double value = 0;
    auto [end, ec] = std::from_chars(cleaned.data(), cleaned.data() + cleaned.size(), value);
    if (ec != std::errc() || end != cleaned.data() + cleaned.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

// A bound as the user reads it: "12,5" in French, "12.5" in English.
std::string bound_text(double value, bool french) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    std::string text = buffer;
    if (french) std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

// Integers are kept exactly: beyond 2^53 a double no longer holds every whole number.
constexpr double kLargestExactInteger = 9007199254740992.0;

Result<json> normalize_number(const Question& question, const json& raw, bool integer) {
    std::optional<double> value;
    if (raw.is_number()) value = raw.get<double>();
    else if (raw.is_string()) value = parse_decimal(raw.get_ref<const std::string&>());
    if (!value) {
        if (integer) return invalid("Saisissez un nombre entier (par exemple 3).", "Enter a whole number (for example 3).");
        return invalid("Saisissez un nombre (par exemple 12,5).", "Enter a number (for example 12.5).");
    }
    if (integer && std::floor(*value) != *value)
        return invalid("Saisissez un nombre entier, sans décimales.", "Enter a whole number, without decimals.");
    if (integer && std::fabs(*value) > kLargestExactInteger)
        return invalid("Ce nombre est trop grand.", "This number is too large.");
    if (question.min && *value < *question.min)
        return invalid("La valeur doit être au moins " + bound_text(*question.min, true) + ".",
                       "The value must be at least " + bound_text(*question.min, false) + ".");
    if (question.max && *value > *question.max)
        return invalid("La valeur doit être au plus " + bound_text(*question.max, true) + ".",
                       "The value must be at most " + bound_text(*question.max, false) + ".");
    if (integer) return json(static_cast<long long>(*value));
    return json(*value);
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// The date as YYYY-MM-DD when `input` is one (YYYY-MM-DD or DD/MM/YYYY), else nullopt.
std::optional<std::string> canonical_date(std::string_view input) {
    const std::string text(trim(input));
    int year = 0, month = 0, day = 0;
    bool parsed = false;
    // Exactly YYYY-MM-DD or DD/MM/YYYY: digits where digits are expected, nothing else.
    auto matches = [&](const char* shape) {
        if (text.size() != std::strlen(shape)) return false;
        for (size_t i = 0; i < text.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(text[i]);
            if (shape[i] == '9' ? !std::isdigit(c) : c != static_cast<unsigned char>(shape[i])) return false;
        }
        return true;
    };
    auto digits = [&](size_t from, size_t count) { return std::stoi(text.substr(from, count)); };
    if (matches("9999-99-99")) {
        year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
        parsed = true;
    } else if (matches("99/99/9999")) {
        day = digits(0, 2), month = digits(3, 2), year = digits(6, 4);
        parsed = true;
    }
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (parsed && year >= 1900 && year <= 2200 && month >= 1 && month <= 12) {
        int days = kDays[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
        if (day >= 1 && day <= days) {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
            return std::string(buffer);
        }
    }
    return std::nullopt;
}

Error invalid_date() {
    return invalid("Saisissez une date valide, au format JJ/MM/AAAA.", "Enter a valid date, as YYYY-MM-DD or DD/MM/YYYY.");
}

Result<json> normalize_date(const json& raw) {
    if (raw.is_string())
        if (auto date = canonical_date(raw.get_ref<const std::string&>())) return json(std::move(*date));
    return invalid_date();
}

// The trimmed address when it is one, else nullopt.
std::optional<std::string> canonical_email(std::string_view input) {
    const std::string email(trim(input));
    size_t at = email.find('@');
    bool valid = at != std::string::npos && at > 0 && email.find('@', at + 1) == std::string::npos &&
                 email.size() <= 254;
    if (valid) {
        std::string domain = email.substr(at + 1);
        size_t dot = domain.find('.');
        valid = dot != std::string::npos && dot > 0 && domain.back() != '.' && domain.find("..") == std::string::npos;
        for (unsigned char c : email)
            if (std::isspace(c) || c < 0x20 || c == ',' || c == ';' || c == '<' || c == '>') valid = false;
    }
    if (!valid) return std::nullopt;
    return email;
}

Error invalid_email() {
    return invalid("Saisissez une adresse e-mail valide (nom@exemple.fr).",
                   "Enter a valid e-mail address (name@example.com).");
}

Result<json> normalize_email(const json& raw) {
    if (auto text = scalar_input(raw))
        if (auto email = canonical_email(*text)) return json(std::move(*email));
    return invalid_email();
}

Result<json> normalize_phone(const json& raw) {
    if (auto text = scalar_input(raw)) {
        int digits = 0;
        bool valid = true;
        for (unsigned char c : *text) {
            if (std::isdigit(c)) ++digits;
            else if (!(c == ' ' || c == '+' || c == '.' || c == '-' || c == '(' || c == ')')) valid = false;
        }
        if (valid && digits >= 6 && digits <= 20) return json(*text);
    }
    return invalid("Saisissez un numéro de téléphone valide (par exemple 01 23 45 67 89).",
                   "Enter a valid telephone number (for example +33 1 23 45 67 89).");
}

Result<json> normalize_text(const json& raw, size_t max_length) {
    auto text = scalar_input(raw);
    if (!text) return invalid("Saisissez un texte.", "Enter a text.");
    if (!is_valid_utf8(*text))
        return invalid("Le texte contient des caractères illisibles (encodage autre que UTF-8).",
                       "The text contains unreadable characters (not UTF-8).");
    if (utf8_character_count(*text) > max_length)
        return invalid("Le texte est trop long (" + std::to_string(max_length) + " caractères au plus).",
                       "The text is too long (at most " + std::to_string(max_length) + " characters).");
    return json(*text);
}

Result<json> normalize_single_choice(const Question& question, const json& raw) {
    if (auto text = scalar_input(raw))
        if (const Choice* choice = question.find_choice(*text)) return json(choice->id);
    std::string ids;
    for (const auto& choice : question.choices) ids += (ids.empty() ? "" : ", ") + choice.id;
    return invalid("Choisissez l'une des valeurs proposées : " + ids + ".", "Choose one of the values offered: " + ids + ".");
}

Result<json> normalize_multiple_choice(const Question& question, const json& raw) {
    json list = raw.is_array() ? raw : json::array({raw});
    json out = json::array();
    std::set<std::string> seen;
    for (const auto& item : list) {
        auto single = normalize_single_choice(question, item);
        if (!single) return single.error();
        const std::string& id = single->get_ref<const std::string&>();
        if (seen.insert(id).second) out.push_back(id);
    }
    return out;
}

// One value of a table column or contact sub-field.
Result<json> normalize_field(const Field& field, const json& raw);

Result<json> normalize_record(const std::vector<Field>& fields, const json& raw, std::string_view what_fr,
                              std::string_view what_en) {
    if (!raw.is_object())
        return invalid("Format attendu pour " + std::string(what_fr) + " : un objet de champs nommés.",
                       "Expected format for " + std::string(what_en) + ": an object of named fields.");
    json out = json::object();
    for (const auto& [key, value] : raw.items()) {
        auto field = std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.id == key; });
        if (field == fields.end())
            return invalid("Champ inconnu « " + key + " » dans " + std::string(what_fr) + ".",
                           "Unknown field '" + key + "' in " + std::string(what_en) + ".");
        auto normalized = normalize_field(*field, value);
        if (!normalized)
            return invalid(field->label.fr + " : " + normalized.error().message.fr,
                           field->label.in(Language::en) + ": " + normalized.error().message.in(Language::en));
        if (has_value(*normalized)) out[key] = std::move(normalized.value());
    }
    return out.empty() ? json() : out;
}

Result<json> normalize_table(const Question& question, const json& raw) {
    if (!raw.is_array()) return invalid("Format attendu : une liste de lignes.", "Expected format: a list of rows.");
    if (raw.size() > kMaxRows)
        return invalid("Trop de lignes (" + std::to_string(kMaxRows) + " au plus).",
                       "Too many rows (at most " + std::to_string(kMaxRows) + ").");
    json rows = json::array();
    for (size_t i = 0; i < raw.size(); ++i) {
        auto row = normalize_record(question.fields, raw[i], "une ligne", "a row");
        if (!row)
            return invalid("Ligne " + std::to_string(i + 1) + " : " + row.error().message.fr,
                           "Row " + std::to_string(i + 1) + ": " + row.error().message.in(Language::en));
        if (has_value(*row)) rows.push_back(std::move(row.value()));
    }
    return rows.empty() ? json() : rows;
}

Result<json> normalize_document(const json& raw) {
    if (raw.is_object() && raw.contains("unavailable")) return normalize_unavailable_document(raw);
    json list = raw.is_array() ? raw : json::array({raw});
    json out = json::array();
    for (const auto& item : list) {
        if (item.is_object() || (item.is_string() && !item.get_ref<const std::string&>().empty()) ||
            item.is_number_integer())
            out.push_back(item);
        else if (!item.is_null())
            return invalid("Référence de document invalide.", "Invalid document reference.");
    }
    return out.empty() ? json() : out;
}

Result<json> normalize_by_kind(const Question& question, const json& raw);

Result<json> normalize_field(const Field& field, const json& raw) {
    if (is_empty_input(raw)) return json();
    Question shape;
    shape.kind = field.kind;
    return normalize_by_kind(shape, raw);
}

Result<json> normalize_by_kind(const Question& question, const json& raw) {
    switch (question.kind) {
        case QuestionKind::yes_no: return normalize_yes_no(raw);
        case QuestionKind::text: return normalize_text(raw, kMaxTextLength);
        case QuestionKind::long_text: return normalize_text(raw, kMaxLongTextLength);
        case QuestionKind::number: return normalize_number(question, raw, false);
        case QuestionKind::integer: return normalize_number(question, raw, true);
        case QuestionKind::date: return normalize_date(raw);
        case QuestionKind::email: return normalize_email(raw);
        case QuestionKind::phone: return normalize_phone(raw);
        case QuestionKind::single_choice: return normalize_single_choice(question, raw);
        case QuestionKind::multiple_choice: return normalize_multiple_choice(question, raw);
        case QuestionKind::document: return normalize_document(raw);
        case QuestionKind::table: return normalize_table(question, raw);
        case QuestionKind::contact:
            return normalize_record(question.fields.empty() ? standard_contact_fields() : question.fields, raw,
                                    "le contact", "the contact");
    }
    return invalid("Type de question inconnu.", "Unknown question kind.");
}

}  // namespace

const std::vector<Field>& standard_contact_fields() {
    static const std::vector<Field> fields = {
        {"nom", {"Nom", "Last name"}, QuestionKind::text},
        {"prenom", {"Prénom", "First name"}, QuestionKind::text},
        {"fonction", {"Fonction", "Job title"}, QuestionKind::text},
        {"coordonnees", {"Coordonnées du lieu de travail", "Work contact details"}, QuestionKind::long_text},
        {"telephone", {"Téléphone", "Telephone"}, QuestionKind::phone},
        {"email", {"Email", "E-mail"}, QuestionKind::email},
    };
    return fields;
}

Result<std::string> validate_email(std::string_view text) {
    if (auto email = canonical_email(text)) return std::move(*email);
    return invalid_email();
}

Result<std::string> validate_date(std::string_view text) {
    if (auto date = canonical_date(text)) return std::move(*date);
    return invalid_date();
}

Result<json> normalize_answer(const Question& question, const json& raw) {
    if (is_empty_input(raw)) return json();
    return normalize_by_kind(question, raw);
}

}  // namespace cyberachat
