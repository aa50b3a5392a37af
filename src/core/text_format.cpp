#include "core/text_format.hpp"

#include "core/response_state.hpp"

#include <charconv>
#include <cmath>

#include "core/answer.hpp"
#include "core/answer_validation.hpp"
#include "core/document_answer.hpp"
#include "core/kind_traits.hpp"
#include "core/paris_time.hpp"

namespace cyberachat {

using nlohmann::json;

namespace {

constexpr const char* kMonthsEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};

bool parse_format_int(std::string_view s, int& out) {
    if (s.empty()) return false;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
}

struct CivilDate {
    int year = 0;
    int month = 0;
    int day = 0;
};

bool parse_iso_civil_date(std::string_view s, CivilDate& d) {
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
    if (!parse_format_int(s.substr(0, 4), d.year) || !parse_format_int(s.substr(5, 2), d.month) || !parse_format_int(s.substr(8, 2), d.day))
        return false;
    return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31;
}

void append_two_digits(std::string& out, int n) {
    out.push_back(static_cast<char>('0' + (n / 10) % 10));
    out.push_back(static_cast<char>('0' + n % 10));
}

std::string civil_date_text(const CivilDate& c, Language language) {
    std::string out;
    if (language == Language::en) {
        out = std::to_string(c.day) + " " + kMonthsEn[c.month - 1] + " " + std::to_string(c.year);
    } else {
        append_two_digits(out, c.day);
        out.push_back('/');
        append_two_digits(out, c.month);
        out.push_back('/');
        out += std::to_string(c.year);
    }
    return out;
}

// Groups the digits of an integer part: "1234567" → "1 234 567".
std::string group_thousands(std::string_view digits, std::string_view separator) {
    if (digits.size() <= 3) return std::string(digits);
    std::string out;
    size_t first = digits.size() % 3;
    if (first == 0) first = 3;
    out.append(digits.substr(0, first));
    for (size_t i = first; i < digits.size(); i += 3) {
        out.append(separator);
        out.append(digits.substr(i, 3));
    }
    return out;
}

std::string formatted_number_text(double value, Language language, bool grouped) {
    if (!std::isfinite(value)) return "";
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    if (ec != std::errc()) return "";
    std::string_view text(buffer, static_cast<size_t>(end - buffer));
    std::string out;
    if (!text.empty() && text.front() == '-') {
        out.push_back('-');
        text.remove_prefix(1);
    }
    size_t dot = text.find('.');
    std::string_view integer = text.substr(0, dot);
    if (grouped)
        out += group_thousands(integer, in_language(language, CYB_NNBSP, ","));
    else
        out.append(integer);
    if (dot != std::string_view::npos) {
        out.push_back(language == Language::en ? '.' : ',');
        out.append(text.substr(dot + 1));
    }
    return out;
}

// "label : value" for each answered field of a table row or a contact block.
std::string answered_fields_text(const std::vector<Field>& fields, const json& value, Language language,
                                 const char* separator) {
    std::string out;
    for (const auto& field : fields) {
        auto it = value.is_object() ? value.find(field.id) : value.end();
        if (it == value.end() || !has_value(*it)) continue;
        if (!out.empty()) out += separator;
        out += field.label.in(language) + in_language(language, " : ", ": ") + scalar_text(field.kind, *it, language);
    }
    return out;
}

std::string choice_label_text(const Question& question, const json& item, Language language) {
    const std::string id = json_value_text(item);
    const Choice* choice = question.find_choice(id);
    return choice ? choice->label.in(language) : id;
}

}  // namespace

std::string format_date(std::string_view iso_date, Language language) {
    CivilDate d;
    if (iso_date.size() != 10 || !parse_iso_civil_date(iso_date, d)) return std::string(iso_date);
    return civil_date_text(d, language);
}

std::string format_datetime(std::string_view iso_time, Language language) {
    auto instant = utc_seconds_from_iso(iso_time);
    if (!instant) return std::string(iso_time);
    const CivilTime local = paris_time_of(*instant);
    const CivilDate c{local.year, local.month, local.day};
    const int h = local.hour;
    const int m = local.minute;
    std::string out = civil_date_text(c, language);
    if (language == Language::en) {
        out += ", ";
        append_two_digits(out, h);
        out.push_back(':');
        append_two_digits(out, m);
    } else {
        out += " à ";
        out += std::to_string(h);
        out += CYB_NBSP "h" CYB_NBSP;
        append_two_digits(out, m);
    }
    return out;
}

std::string format_number(double value, Language language) { return formatted_number_text(value, language, true); }

std::string format_number_input(double value, Language language) {
    return formatted_number_text(value, language, false);
}

std::string format_size(std::int64_t bytes, Language language) {
    if (bytes < 1024) return std::to_string(bytes) + in_language(language, CYB_NBSP "octets", " bytes");
    static constexpr const char* units_fr[] = {"Ko", "Mo", "Go", "To"};
    static constexpr const char* units_en[] = {"KB", "MB", "GB", "TB"};
    double size = static_cast<double>(bytes) / 1024.0;
    int unit = 0;
    while (size >= 1024.0 && unit < 3) {
        size /= 1024.0;
        ++unit;
    }
    double rounded = size >= 100 ? std::round(size) : std::round(size * 10) / 10;
    return formatted_number_text(rounded, language, false) + in_language(language, CYB_NBSP, " ") +
           in_language(language, units_fr[unit], units_en[unit]);
}

std::string abridged_sha256(std::string_view sha256) {
    if (sha256.size() <= 12) return std::string(sha256);
    return std::string(sha256.substr(0, 12)) + "…";
}

std::string response_status_label(const VendorResponse& response, Language language) {
    const ResponseState state = response_state(response);
    if (state == ResponseState::withdrawn || state == ResponseState::reopened)
        return std::string(response_state_label(state, language));
    if (state == ResponseState::late) {
        if (response.submitted_at.empty()) return std::string(response_state_label(state, language));
        return std::string(in_language(language, "Soumise en retard le ", "Submitted late on ")) +
               format_datetime(response.submitted_at, language);
    }
    if (response.status == ResponseStatus::submitted) {
        if (response.submitted_at.empty()) return in_language(language, "Soumis", "Submitted");
        return std::string(in_language(language, "Soumis le ", "Submitted on ")) +
               format_datetime(response.submitted_at, language);
    }
    return in_language(language, "Brouillon", "Draft");
}

std::string yes_no_label(std::string_view value, Language language) {
    if (value == "oui") return in_language(language, "Oui", "Yes");
    if (value == "non") return in_language(language, "Non", "No");
    return std::string(value);
}

std::string json_value_text(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_null()) return "";
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string input_value(QuestionKind kind, const json& value, Language language) {
    if (value.is_null()) return "";
    if ((kind == QuestionKind::number || kind == QuestionKind::integer) && value.is_number())
        return format_number_input(value.get<double>(), language);
    return json_value_text(value);
}

std::string scalar_text(QuestionKind kind, const json& value, Language language) {
    switch (kind_traits(kind).shape) {
        case ValueShape::yes_no:
            return value.is_string() ? yes_no_label(value.get_ref<const std::string&>(), language) : json_value_text(value);
        case ValueShape::number:
            return value.is_number() ? format_number(value.get<double>(), language) : json_value_text(value);
        case ValueShape::date:
            return value.is_string() ? format_date(value.get_ref<const std::string&>(), language) : json_value_text(value);
        case ValueShape::text:
        case ValueShape::choice:
        case ValueShape::choices:
        case ValueShape::documents:
        case ValueShape::rows:
        case ValueShape::record: return json_value_text(value);
    }
    return json_value_text(value);
}

std::string answer_text(const Question& question, const json& value, Language language) {
    if (!has_value(value)) return "";
    switch (kind_traits(question.kind).shape) {
        case ValueShape::choice: return choice_label_text(question, value, language);
        case ValueShape::choices: {
            if (!value.is_array()) return json_value_text(value);
            std::string out;
            for (const auto& item : value) out += (out.empty() ? "" : ", ") + choice_label_text(question, item, language);
            return out;
        }
        case ValueShape::rows: {
            if (!value.is_array()) return json_value_text(value);
            std::string out;
            for (const auto& row : value)
                out += (out.empty() ? "" : "\n") + answered_fields_text(question.fields, row, language, " ; ");
            return out;
        }
        case ValueShape::record:
            return answered_fields_text(question.fields.empty() ? standard_contact_fields() : question.fields, value,
                                        language, "\n");
        case ValueShape::documents:  // the files are listed from their records
            if (auto reason = unavailable_document_reason(value)) return unavailable_document_text(*reason).in(language);
            return "";
        case ValueShape::number: {
            std::string text = scalar_text(question.kind, value, language);
            return question.unit.empty() ? text : text + " " + question.unit;
        }
        case ValueShape::yes_no:
        case ValueShape::text:
        case ValueShape::date: return scalar_text(question.kind, value, language);
    }
    return "";
}

std::string count_with_noun(size_t count, std::string_view singular, std::string_view plural, Language language) {
    const bool one = language == Language::fr ? count <= 1 : count == 1;
    return std::to_string(count) + " " + std::string(one ? singular : plural);
}

}  // namespace cyberachat
