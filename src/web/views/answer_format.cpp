#include "web/views/answer_format.hpp"

#include <charconv>
#include <cmath>

#include "core/answer.hpp"
#include "core/answer_validation.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::Attr;
using html::HtmlWriter;
using nlohmann::json;

namespace {

constexpr const char* kMonthsEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};

bool parse_int(std::string_view s, int& out) {
    if (s.empty()) return false;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
}

struct Civil {
    int year = 0;
    int month = 0;
    int day = 0;
};

bool parse_date(std::string_view s, Civil& d) {
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
    if (!parse_int(s.substr(0, 4), d.year) || !parse_int(s.substr(5, 2), d.month) || !parse_int(s.substr(8, 2), d.day))
        return false;
    return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31;
}

// Days since 1970-01-01 (H. Hinnant's algorithm).
long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

Civil civil_from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long y = static_cast<long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return Civil{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

// Days of the last Sunday of a month.
long last_sunday(int year, int month) {
    int next_year = month == 12 ? year + 1 : year;
    int next_month = month == 12 ? 1 : month + 1;
    long last = days_from_civil(next_year, next_month, 1) - 1;
    long weekday = ((last % 7) + 7 + 4) % 7;  // 0 = Sunday; 1970-01-01 was a Thursday
    return last - weekday;
}

void append_two(std::string& out, int n) {
    out.push_back(static_cast<char>('0' + (n / 10) % 10));
    out.push_back(static_cast<char>('0' + n % 10));
}

std::string civil_text(const Civil& c, Language language) {
    std::string out;
    if (language == Language::en) {
        out = std::to_string(c.day) + " " + kMonthsEn[c.month - 1] + " " + std::to_string(c.year);
    } else {
        append_two(out, c.day);
        out.push_back('/');
        append_two(out, c.month);
        out.push_back('/');
        out += std::to_string(c.year);
    }
    return out;
}

// Groups the digits of an integer part: "1234567" → "1 234 567".
std::string group_digits(std::string_view digits, std::string_view separator) {
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

std::string number_text(double value, Language language, bool grouped) {
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
        out += group_digits(integer, language == Language::en ? "," : CYB_NNBSP);
    else
        out.append(integer);
    if (dot != std::string_view::npos) {
        out.push_back(language == Language::en ? '.' : ',');
        out.append(text.substr(dot + 1));
    }
    return out;
}

std::string string_of(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_null()) return "";
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// A scalar value of a kind (question, column or contact field), formatted for reading.
void write_scalar(HtmlWriter& w, QuestionKind kind, const json& value, const std::string& unit,
                  Language language) {
    switch (kind) {
        case QuestionKind::yes_no:
            w.text(value.is_string() ? yes_no_label(value.get_ref<const std::string&>(), language) : string_of(value));
            return;
        case QuestionKind::number:
        case QuestionKind::integer:
            if (value.is_number()) {
                w.text(format_number(value.get<double>(), language));
            } else {
                w.text(string_of(value));
            }
            if (!unit.empty()) {
                w.text(CYB_NBSP);
                w.text(unit);
            }
            return;
        case QuestionKind::date:
            w.text(value.is_string() ? format_date(value.get_ref<const std::string&>(), language) : string_of(value));
            return;
        case QuestionKind::email: {
            std::string address = string_of(value);
            if (address.find('@') != std::string::npos && address.find_first_of(" \t\r\n:/") == std::string::npos) {
                w.element("a", {{"href", "mailto:" + address}}, address);
            } else {
                w.text(address);
            }
            return;
        }
        case QuestionKind::long_text:
            w.element("span", {{"class", "long-text"}}, string_of(value));
            return;
        default: w.text(string_of(value)); return;
    }
}

void write_record(HtmlWriter& w, const std::vector<Field>& fields, const json& value, Language language) {
    w.open("dl", {{"class", "record"}});
    for (const auto& field : fields) {
        w.element("dt", field.label.in(language));
        w.open("dd");
        auto it = value.is_object() ? value.find(field.id) : value.end();
        if (it != value.end() && has_value(*it))
            write_scalar(w, field.kind, *it, {}, language);
        else
            w.element("span", {{"class", "unanswered"}}, L(language, "Non renseigné", "Not answered"));
        w.close("dd");
    }
    w.close("dl");
}

void write_table(HtmlWriter& w, const Question& question, const json& value, Language language) {
    w.open("div", {{"class", "table-wrap"}});
    w.open("table", {{"class", "data-table"}});
    w.element("caption", {{"class", "visually-hidden"}}, question.label.in(language));
    w.open("thead").open("tr");
    for (const auto& field : question.fields) w.element("th", {{"scope", "col"}}, field.label.in(language));
    w.close("tr").close("thead").open("tbody");
    for (const auto& row : value) {
        w.open("tr");
        for (const auto& field : question.fields) {
            w.open("td");
            auto it = row.is_object() ? row.find(field.id) : row.end();
            if (it != row.end() && has_value(*it)) write_scalar(w, field.kind, *it, {}, language);
            w.close("td");
        }
        w.close("tr");
    }
    w.close("tbody").close("table").close("div");
}

}  // namespace

std::string format_date(std::string_view iso_date, Language language) {
    Civil d;
    if (iso_date.size() != 10 || !parse_date(iso_date, d)) return std::string(iso_date);
    return civil_text(d, language);
}

std::string format_datetime(std::string_view iso_time, Language language) {
    Civil d;
    int hour = 0, minute = 0;
    if (iso_time.size() < 16 || !parse_date(iso_time, d) || (iso_time[10] != 'T' && iso_time[10] != ' ') ||
        iso_time[13] != ':' || !parse_int(iso_time.substr(11, 2), hour) || !parse_int(iso_time.substr(14, 2), minute))
        return std::string(iso_time);
    // Europe/Paris: UTC+1, UTC+2 from the last Sunday of March to the last Sunday of October (01:00 UTC).
    long days = days_from_civil(d.year, d.month, d.day);
    long minutes_utc = days * 1440 + hour * 60 + minute;
    long summer_start = last_sunday(d.year, 3) * 1440 + 60;
    long summer_end = last_sunday(d.year, 10) * 1440 + 60;
    long offset = (minutes_utc >= summer_start && minutes_utc < summer_end) ? 120 : 60;
    long local = minutes_utc + offset;
    long local_days = local >= 0 ? local / 1440 : (local - 1439) / 1440;
    long minute_of_day = local - local_days * 1440;
    Civil c = civil_from_days(local_days);
    int h = static_cast<int>(minute_of_day / 60);
    int m = static_cast<int>(minute_of_day % 60);
    std::string out = civil_text(c, language);
    if (language == Language::en) {
        out += ", ";
        append_two(out, h);
        out.push_back(':');
        append_two(out, m);
    } else {
        out += " à ";
        out += std::to_string(h);
        out += CYB_NBSP "h" CYB_NBSP;
        append_two(out, m);
    }
    return out;
}

std::string format_number(double value, Language language) { return number_text(value, language, true); }

std::string format_number_input(double value, Language language) { return number_text(value, language, false); }

std::string format_size(std::int64_t bytes, Language language) {
    const bool en = language == Language::en;
    if (bytes < 1024) return std::to_string(bytes) + (en ? " bytes" : CYB_NBSP "octets");
    static constexpr const char* units_fr[] = {"Ko", "Mo", "Go", "To"};
    static constexpr const char* units_en[] = {"KB", "MB", "GB", "TB"};
    double size = static_cast<double>(bytes) / 1024.0;
    int unit = 0;
    while (size >= 1024.0 && unit < 3) {
        size /= 1024.0;
        ++unit;
    }
    double rounded = size >= 100 ? std::round(size) : std::round(size * 10) / 10;
    return number_text(rounded, language, false) + (en ? " " : CYB_NBSP) + (en ? units_en[unit] : units_fr[unit]);
}

std::string abridged_sha256(std::string_view sha256) {
    if (sha256.size() <= 12) return std::string(sha256);
    return std::string(sha256.substr(0, 12)) + "…";
}

std::string response_status_label(const VendorResponse& response, Language language) {
    if (response.status == ResponseStatus::submitted) {
        if (response.submitted_at.empty()) return L(language, "Soumis", "Submitted");
        return std::string(L(language, "Soumis le ", "Submitted on ")) + format_datetime(response.submitted_at, language);
    }
    return L(language, "Brouillon", "Draft");
}

std::string yes_no_label(std::string_view value, Language language) {
    if (value == "oui") return L(language, "Oui", "Yes");
    if (value == "non") return L(language, "Non", "No");
    return std::string(value);
}

std::string input_value(QuestionKind kind, const json& value, Language language) {
    if (value.is_null()) return "";
    if ((kind == QuestionKind::number || kind == QuestionKind::integer) && value.is_number())
        return format_number_input(value.get<double>(), language);
    return string_of(value);
}

void write_unanswered(HtmlWriter& w, Language language) {
    w.element("span", {{"class", "unanswered"}}, L(language, "Non renseigné", "Not answered"));
}

void write_answer_value(HtmlWriter& w, const Question& question, const json& value, Language language) {
    if (!has_value(value)) {
        write_unanswered(w, language);
        return;
    }
    switch (question.kind) {
        case QuestionKind::single_choice: {
            std::string id = string_of(value);
            const Choice* choice = question.find_choice(id);
            w.text(choice ? choice->label.in(language) : id);
            return;
        }
        case QuestionKind::multiple_choice: {
            w.open("ul", {{"class", "choice-list"}});
            if (value.is_array()) {
                for (const auto& item : value) {
                    std::string id = string_of(item);
                    const Choice* choice = question.find_choice(id);
                    w.element("li", choice ? choice->label.in(language) : id);
                }
            } else {
                w.element("li", string_of(value));
            }
            w.close("ul");
            return;
        }
        case QuestionKind::table:
            if (value.is_array()) {
                write_table(w, question, value, language);
            } else {
                w.text(string_of(value));
            }
            return;
        case QuestionKind::contact:
            write_record(w, question.fields.empty() ? standard_contact_fields() : question.fields, value, language);
            return;
        case QuestionKind::document:
            // Documents are listed from their records (write_documents); the value holds references.
            w.text(L(language, "Voir les documents joints", "See the attached documents"));
            return;
        default: write_scalar(w, question.kind, value, question.unit, language); return;
    }
}

void write_documents(HtmlWriter& w, const std::vector<StoredDocument>& documents, Language language,
                     std::string_view url_prefix, bool full_sha256) {
    w.open("ul", {{"class", "documents"}});
    for (const auto& document : documents) {
        std::string id = std::to_string(document.id);
        w.open("li", {{"class", "document"}, {"id", "doc-" + id}});
        w.element("a", {{"href", std::string(url_prefix) + id}, {"class", "document-name"}}, document.file_name);
        w.text(" ");
        w.open("span", {{"class", "document-meta"}});
        w.text("(" + format_size(document.size, language) + ")");
        w.close("span");
        w.open("span", {{"class", "document-sha"}});
        w.text(with_colon("SHA-256", language));
        if (full_sha256) {
            w.element("code", {{"class", "sha256"}}, document.sha256);
        } else {
            w.element("code", {{"class", "sha256"}, {"title", document.sha256}}, abridged_sha256(document.sha256));
        }
        w.close("span");
        w.close("li");
    }
    w.close("ul");
}

}  // namespace cyberachat::web::views
