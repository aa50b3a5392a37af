#include "outputs/xlsx/workbook_layout.hpp"

#include <algorithm>
#include <charconv>

#include "core/answer_validation.hpp"
#include "core/text_format.hpp"

namespace cyberachat::xlsx {

namespace {

const Field* find_field(const std::vector<Field>& fields, std::string_view id) {
    for (const auto& field : fields)
        if (field.id == id) return &field;
    return nullptr;
}

std::string literal_label(const Questionnaire& questionnaire, const Condition& condition, Language language) {
    const Question* question = questionnaire.find_question(condition.question_id);
    if (question && question->kind == QuestionKind::yes_no) return yes_no_label(condition.literal, language);
    if (question)
        if (const Choice* choice = question->find_choice(condition.literal)) return choice->label.in(language);
    return condition.literal;
}

std::string question_label(const Questionnaire& questionnaire, const std::string& id, Language language) {
    const Question* question = questionnaire.find_question(id);
    return "« " + (question ? question->label.in(language) : id) + " »";
}

}  // namespace

std::optional<RowKey> parse_row_key(const Questionnaire& questionnaire, std::string_view id) {
    RowKey key;
    if (const Question* question = questionnaire.find_question(id)) {
        key.question_id = question->id;
        return key;
    }
    // "q[2].col"
    if (size_t open = id.find('['); open != std::string_view::npos) {
        size_t close = id.find("].", open);
        if (close == std::string_view::npos) return std::nullopt;
        const Question* question = questionnaire.find_question(id.substr(0, open));
        if (!question || question->kind != QuestionKind::table) return std::nullopt;
        int row = 0;
        auto digits = id.substr(open + 1, close - open - 1);
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), row);
        if (ec != std::errc() || end != digits.data() + digits.size() || row < 1 || row > 500) return std::nullopt;
        const Field* field = find_field(question->fields, id.substr(close + 2));
        if (!field) return std::nullopt;
        return RowKey{question->id, field->id, row};
    }
    // "q.field": question ids contain dots themselves, so try the last dot.
    size_t dot = id.rfind('.');
    if (dot == std::string_view::npos) return std::nullopt;
    const Question* question = questionnaire.find_question(id.substr(0, dot));
    if (!question || question->kind != QuestionKind::contact) return std::nullopt;
    const Field* field = find_field(record_fields(*question), id.substr(dot + 1));
    if (!field) return std::nullopt;
    return RowKey{question->id, field->id, 0};
}

std::string table_cell_key(const std::string& question_id, int row, const std::string& column_id) {
    return question_id + "[" + std::to_string(row) + "]." + column_id;
}

std::string contact_field_key(const std::string& question_id, const std::string& field_id) {
    return question_id + "." + field_id;
}

const std::vector<Field>& record_fields(const Question& question) {
    if (question.kind == QuestionKind::contact && question.fields.empty()) return standard_contact_fields();
    return question.fields;
}

std::string_view column_header(Column column, Language language) {
    switch (column) {
        case kColId: return "ID";
        case kColSection: return in_language(language, "Rubrique", "Section");
        case kColQuestion: return "Question";
        case kColKind: return in_language(language, "Réponse attendue", "Expected answer");
        case kColUnit: return in_language(language, "Unité", "Unit");
        case kColAnswer: return in_language(language, "Réponse", "Answer");
        case kColComment: return in_language(language, "Commentaire", "Comment");
        case kColCondition: return in_language(language, "S'applique", "Applies");
        case kColNotes: return in_language(language, "Informations complémentaires", "Notes");
        case kColumnCount: break;
    }
    return "";
}

std::string describe_condition(const Questionnaire& questionnaire, const Condition& condition, Language language) {
    switch (condition.op) {
        case Condition::Op::equals:
            return question_label(questionnaire, condition.question_id, language) + " = " +
                   literal_label(questionnaire, condition, language);
        case Condition::Op::not_equals:
            return question_label(questionnaire, condition.question_id, language) + " ≠ " +
                   literal_label(questionnaire, condition, language);
        case Condition::Op::answered:
            return question_label(questionnaire, condition.question_id, language) +
                   in_language(language, " est renseignée", " is answered");
        case Condition::Op::negation:
            return in_language(language, "non (", "not (") +
                   (condition.operands.empty() ? std::string()
                                               : describe_condition(questionnaire, *condition.operands[0], language)) +
                   ")";
        case Condition::Op::all_of:
        case Condition::Op::any_of: {
            const std::string glue = condition.op == Condition::Op::all_of ? in_language(language, " et ", " and ")
                                                                           : in_language(language, " ou ", " or ");
            std::string out;
            for (const auto& operand : condition.operands) {
                std::string part = describe_condition(questionnaire, *operand, language);
                if (operand->op == Condition::Op::all_of || operand->op == Condition::Op::any_of) part = "(" + part + ")";
                out += (out.empty() ? "" : glue) + part;
            }
            return out;
        }
    }
    return "";
}

std::string applies_when(const Questionnaire& questionnaire, const Section& section, const Question& question,
                         Language language) {
    std::string condition;
    if (section.show_if) condition = describe_condition(questionnaire, *section.show_if, language);
    if (question.show_if)
        condition += (condition.empty() ? "" : in_language(language, " et ", " and ")) +
                     describe_condition(questionnaire, *question.show_if, language);
    if (condition.empty()) return "";
    return in_language(language, "À remplir si ", "Fill in if ") + condition;
}

std::string sheet_name(std::string_view wanted, const std::vector<std::string>& taken) {
    std::string base;
    for (char c : wanted) base.push_back(std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '-');
    auto cut = [](std::string text, size_t limit) {
        // At most `limit` bytes, never in the middle of a UTF-8 sequence.
        if (text.size() <= limit) return text;
        size_t end = limit;
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        return text.substr(0, end);
    };
    base = cut(base.empty() ? std::string("Sheet") : base, 31);
    std::string name = base;
    for (int n = 2; std::find(taken.begin(), taken.end(), name) != taken.end(); ++n) {
        std::string suffix = " " + std::to_string(n);
        name = cut(base, 31 - suffix.size()) + suffix;
    }
    return name;
}

std::vector<std::string> plain_lines(std::string_view markdown) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= markdown.size()) {
        size_t end = markdown.find('\n', start);
        if (end == std::string_view::npos) end = markdown.size();
        std::string line;
        std::string_view raw = markdown.substr(start, end - start);
        for (size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] == '*' || raw[i] == '`') continue;
            line.push_back(raw[i]);
        }
        if (line.rfind("- ", 0) == 0) line = "• " + line.substr(2);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        if (!(line.empty() && (lines.empty() || lines.back().empty()))) lines.push_back(line);
        start = end + 1;
    }
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    return lines;
}

}  // namespace cyberachat::xlsx
