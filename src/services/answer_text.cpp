#include "services/answer_text.hpp"

#include "core/answer.hpp"
#include "core/answer_validation.hpp"
#include "web/views/answer_format.hpp"

namespace cyberachat::services {
namespace {

using json = nlohmann::json;

std::string plain(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_null()) return "";
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string scalar_text(QuestionKind kind, const json& value, const std::string& unit, Language language) {
    switch (kind) {
        case QuestionKind::yes_no:
            return value.is_string() ? web::views::yes_no_label(value.get_ref<const std::string&>(), language) : plain(value);
        case QuestionKind::number:
        case QuestionKind::integer: {
            std::string text = value.is_number() ? web::views::format_number(value.get<double>(), language) : plain(value);
            return unit.empty() ? text : text + " " + unit;
        }
        case QuestionKind::date:
            return value.is_string() ? web::views::format_date(value.get_ref<const std::string&>(), language) : plain(value);
        default: return plain(value);
    }
}

std::string fields_text(const std::vector<Field>& fields, const json& value, Language language, const char* separator) {
    std::string out;
    for (const auto& field : fields) {
        auto it = value.is_object() ? value.find(field.id) : value.end();
        if (it == value.end() || !has_value(*it)) continue;
        if (!out.empty()) out += separator;
        out += field.label.in(language) + (language == Language::fr ? " : " : ": ") +
               scalar_text(field.kind, *it, {}, language);
    }
    return out;
}

std::string choice_label(const Question& question, const json& item, Language language) {
    const std::string id = plain(item);
    const Choice* choice = question.find_choice(id);
    return choice ? choice->label.in(language) : id;
}

}  // namespace

std::string answer_text(const Question& question, const json& value, Language language) {
    if (!has_value(value)) return "";
    switch (question.kind) {
        case QuestionKind::single_choice: return choice_label(question, value, language);
        case QuestionKind::multiple_choice: {
            if (!value.is_array()) return plain(value);
            std::string out;
            for (const auto& item : value) out += (out.empty() ? "" : ", ") + choice_label(question, item, language);
            return out;
        }
        case QuestionKind::table: {
            if (!value.is_array()) return plain(value);
            std::string out;
            for (const auto& row : value) out += (out.empty() ? "" : "\n") + fields_text(question.fields, row, language, " ; ");
            return out;
        }
        case QuestionKind::contact:
            return fields_text(question.fields.empty() ? standard_contact_fields() : question.fields, value, language, "\n");
        case QuestionKind::document: return "";
        default: return scalar_text(question.kind, value, question.unit, language);
    }
}

}  // namespace cyberachat::services
