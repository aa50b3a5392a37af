#include "outputs/xlsx/answer_cells.hpp"

#include <algorithm>
#include <cstdio>

#include "core/ascii_text.hpp"
#include "core/kind_traits.hpp"
#include "core/text_format.hpp"

namespace cyberachat::xlsx {

using json = nlohmann::json;

namespace {

std::string cell_number_text(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.15g", value);
    return buffer;
}

// Equal but for ASCII capitals.
bool same_letters(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// A choice label typed with other capitals or spaces → the choice id; otherwise the text as is.
std::string choice_text(const Question& question, const std::string& text) {
    const std::string_view wanted = trim(text);
    for (const auto& choice : question.choices)
        if (same_letters(choice.id, wanted) || same_letters(choice.label.fr, wanted) || same_letters(choice.label.en, wanted))
            return choice.id;
    return std::string(trim(text));
}

}  // namespace

Question field_as_question(const Field& field, const std::string& id) {
    Question shape;
    shape.kind = field.kind;
    shape.id = id;
    return shape;
}

std::string kind_label(QuestionKind kind, Language language) {
    const KindTraits& traits = kind_traits(kind);
    return in_language(language, traits.expected_fr, traits.expected_en);
}

AnswerCell answer_cell(const Question& question, const json& value, Language language) {
    AnswerCell cell;
    const ValueShape shape = kind_traits(question.kind).shape;
    cell.date_format = shape == ValueShape::date;
    if (value.is_null()) return cell;
    if (shape == ValueShape::number && value.is_number()) {
        cell.type = AnswerCell::Type::number;
        cell.number = value.get<double>();
        return cell;
    }
    if (shape == ValueShape::date && value.is_string()) {
        const std::string& text = value.get_ref<const std::string&>();
        if (text.size() == 10 && std::sscanf(text.c_str(), "%4d-%2d-%2d", &cell.year, &cell.month, &cell.day) == 3) {
            cell.type = AnswerCell::Type::date;
            return cell;
        }
    }
    cell.type = AnswerCell::Type::text;
    cell.date_format = false;
    cell.text = answer_cell_text(question, value, language);
    return cell;
}

std::string answer_cell_text(const Question& question, const json& value, Language language) {
    if (value.is_null()) return "";
    switch (kind_traits(question.kind).shape) {
        case ValueShape::yes_no:
            if (value == "oui" || value == "non") return yes_no_label(value.get_ref<const std::string&>(), language);
            break;
        case ValueShape::choice:
            if (value.is_string())
                if (const Choice* choice = question.find_choice(value.get<std::string>())) return choice->label.in(language);
            break;
        case ValueShape::choices:
            if (value.is_array()) {
                std::string out;
                for (const auto& item : value) {
                    const Choice* choice = item.is_string() ? question.find_choice(item.get<std::string>()) : nullptr;
                    out += (out.empty() ? "" : "; ") + (choice ? choice->label.in(language) : item.dump());
                }
                return out;
            }
            break;
        case ValueShape::date:
            if (value.is_string() && value.get<std::string>().size() == 10) {
                const std::string& iso = value.get_ref<const std::string&>();
                return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
            }
            break;
        case ValueShape::text:
        case ValueShape::number:
        case ValueShape::documents:
        case ValueShape::rows:
        case ValueShape::record: break;
    }
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number()) return cell_number_text(value.get<double>());
    return value.dump();
}

CellValidation answer_cell_validation(const Question& question, const std::string& key, Language language) {
    CellValidation v;
    switch (kind_traits(question.kind).shape) {
        case ValueShape::yes_no:
            v.type = CellValidation::Type::list;
            v.list_key = "yes_no";
            v.labels = {yes_no_label("oui", language), yes_no_label("non", language)};
            v.message = in_language(language, "Choisissez Oui ou Non.", "Choose Yes or No.");
            return v;
        case ValueShape::choice:
        case ValueShape::choices: {
            for (const auto& choice : question.choices) v.labels.push_back(choice.label.in(language));
            if (v.labels.empty()) return CellValidation{};
            v.type = CellValidation::Type::list;
            v.list_key = key;
            const bool several = question.kind == QuestionKind::multiple_choice;
            v.message = several ? in_language(language, "Choisissez des valeurs de la liste, séparées par ;",
                                              "Choose values from the list, separated by ;")
                                : in_language(language, "Choisissez une valeur de la liste.", "Choose a value from the list.");
            v.reject_others = !several;
            return v;
        }
        case ValueShape::number: {
            const bool integer = question.kind == QuestionKind::integer;
            v.type = integer ? CellValidation::Type::integer : CellValidation::Type::decimal;
            v.minimum = question.min.value_or(-1e15);
            v.maximum = question.max.value_or(1e15);
            v.message = integer ? in_language(language, "Saisissez un nombre entier.", "Enter a whole number.")
                                : in_language(language, "Saisissez un nombre.", "Enter a number.");
            if (question.min || question.max)
                v.message += in_language(language, " Entre ", " Between ") + cell_number_text(v.minimum) +
                             in_language(language, " et ", " and ") + cell_number_text(v.maximum) + ".";
            return v;
        }
        case ValueShape::date:
            v.type = CellValidation::Type::date;
            v.message = in_language(language, "Saisissez une date (JJ/MM/AAAA).", "Enter a date (DD/MM/YYYY).");
            return v;
        case ValueShape::text:
        case ValueShape::documents:
        case ValueShape::rows:
        case ValueShape::record: return v;
    }
    return v;
}

const char* not_applicable_text(Language language) { return in_language(language, "Sans objet", "Does not apply"); }

bool holds_not_applicable(const Question& question, const CellValue& cell) {
    const std::string* text = cell.text();
    if (!text) return false;
    const std::string_view typed = trim(*text);
    if (!same_letters(typed, not_applicable_text(Language::fr)) && !same_letters(typed, not_applicable_text(Language::en)))
        return false;
    return std::none_of(question.choices.begin(), question.choices.end(), [&](const Choice& choice) {
        return same_letters(choice.label.fr, typed) || same_letters(choice.label.en, typed);
    });
}

json raw_answer(const Question& question, const CellValue& cell) {
    if (cell.empty() || holds_not_applicable(question, cell)) return json();
    switch (kind_traits(question.kind).shape) {
        case ValueShape::yes_no:
            if (auto b = cell.boolean()) return *b;
            return cell.as_text();
        case ValueShape::number:
            if (auto n = cell.number()) return *n;
            return cell.as_text();
        case ValueShape::date:
            if (auto n = cell.number()) {
                if (auto iso = excel_serial_to_iso(*n)) return *iso;
                return cell.as_text();
            }
            if (auto t = cell.text(); t && t->size() >= 19 && (*t)[10] == 'T') return t->substr(0, 10);  // t="d"
            return cell.as_text();
        case ValueShape::choice: return choice_text(question, cell.as_text());
        case ValueShape::choices: {
            json list = json::array();
            std::string text = cell.as_text();
            size_t start = 0;
            while (start <= text.size()) {
                size_t end = text.find_first_of(";\n", start);
                if (end == std::string::npos) end = text.size();
                std::string item(trim(std::string_view(text).substr(start, end - start)));
                if (!item.empty()) list.push_back(choice_text(question, item));
                start = end + 1;
            }
            return list;
        }
        case ValueShape::text:
        case ValueShape::documents:
        case ValueShape::rows:
        case ValueShape::record: return cell.as_text();
    }
    return cell.as_text();
}

}  // namespace cyberachat::xlsx
