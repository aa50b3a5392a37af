#include "core/end_of_use.hpp"

#include <cstdio>

namespace cyberachat {
namespace {

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && leap(year) ? 29 : days[month - 1];
}

// "YYYY-MM-DD" at the start of `text`; false otherwise.
bool read_date(std::string_view text, int& year, int& month, int& day) {
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9') return false;
    auto number = [&](size_t at, size_t length) {
        int value = 0;
        for (size_t i = at; i < at + length; ++i) value = value * 10 + (text[i] - '0');
        return value;
    };
    year = number(0, 4);
    month = number(5, 2);
    day = number(8, 2);
    return month >= 1 && month <= 12 && day >= 1 && day <= days_in(year, month);
}

}  // namespace

bool valid_end_of_use(std::string_view date) {
    int year = 0, month = 0, day = 0;
    return date.size() == 10 && read_date(date, year, month, day) && year >= 2000 && year <= 2100;
}

std::string add_years(std::string_view date, int years) {
    int year = 0, month = 0, day = 0;
    if (!read_date(date, year, month, day)) return "";
    year += years;
    if (day > days_in(year, month)) day = days_in(year, month);
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, day);
    return out;
}

EndOfUse expected_end_of_use(const Acquisition& acquisition) {
    if (valid_end_of_use(acquisition.expected_end_of_use)) return {acquisition.expected_end_of_use, true};
    std::string from = add_years(acquisition.deadline, kDefaultYearsOfUse);
    if (from.empty()) from = add_years(acquisition.created_at, kDefaultYearsOfUse);
    return {from, false};
}

}  // namespace cyberachat
