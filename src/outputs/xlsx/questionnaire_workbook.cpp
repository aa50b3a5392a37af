#include "outputs/xlsx/questionnaire_workbook.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>

#include "core/document_answer.hpp"
#include "core/engine.hpp"
#include "core/kind_traits.hpp"
#include "core/text_format.hpp"
#include "outputs/xlsx/answer_cells.hpp"
#include "outputs/xlsx/workbook_layout.hpp"

namespace cyberachat::xlsx {

using json = nlohmann::json;

namespace {

// Removes the temporary file however the writing ends.
struct TempFile {
    std::string path;
    ~TempFile() {
        if (!path.empty()) std::remove(path.c_str());
    }
};

struct Formats {
    lxw_format* header = nullptr;
    lxw_format* locked = nullptr;     // wrapped text, locked
    lxw_format* section = nullptr;    // section title rows
    lxw_format* answer = nullptr;     // unlocked, wrapped
    lxw_format* answer_date = nullptr;
    lxw_format* gray = nullptr;       // locked, gray (no answer expected here)
    lxw_format* not_applicable = nullptr;  // an answer cell of a question that does not apply: unlocked, greyed
    lxw_format* title = nullptr;
    lxw_format* wrap = nullptr;
};

// An answer cell: unlocked, yellow, bordered; wrapped text, or dates in `num_format`.
lxw_format* answer_format(lxw_workbook* workbook, const char* num_format) {
    lxw_format* format = workbook_add_format(workbook);
    format_set_unlocked(format);
    if (num_format) format_set_num_format(format, num_format);
    else format_set_text_wrap(format);
    format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(format, 0xFFF9DB);
    format_set_border(format, LXW_BORDER_THIN);
    return format;
}

Formats make_formats(lxw_workbook* workbook) {
    Formats f;
    f.header = workbook_add_format(workbook);
    format_set_bold(f.header);
    format_set_bg_color(f.header, 0xD9E1F2);
    format_set_text_wrap(f.header);
    format_set_border(f.header, LXW_BORDER_THIN);
    f.locked = workbook_add_format(workbook);
    format_set_text_wrap(f.locked);
    format_set_align(f.locked, LXW_ALIGN_VERTICAL_TOP);
    f.section = workbook_add_format(workbook);
    format_set_bold(f.section);
    format_set_text_wrap(f.section);
    format_set_bg_color(f.section, 0xEDEDED);
    format_set_align(f.section, LXW_ALIGN_VERTICAL_TOP);
    f.answer = answer_format(workbook, nullptr);
    f.answer_date = answer_format(workbook, "dd/mm/yyyy");
    f.gray = workbook_add_format(workbook);
    format_set_text_wrap(f.gray);
    format_set_italic(f.gray);
    format_set_font_color(f.gray, 0x595959);
    format_set_align(f.gray, LXW_ALIGN_VERTICAL_TOP);
    f.not_applicable = workbook_add_format(workbook);
    format_set_unlocked(f.not_applicable);
    format_set_text_wrap(f.not_applicable);
    format_set_italic(f.not_applicable);
    format_set_font_color(f.not_applicable, 0x595959);
    format_set_bg_color(f.not_applicable, 0xE7E6E6);
    format_set_border(f.not_applicable, LXW_BORDER_THIN);
    format_set_align(f.not_applicable, LXW_ALIGN_VERTICAL_TOP);
    f.title = workbook_add_format(workbook);
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);
    f.wrap = workbook_add_format(workbook);
    format_set_text_wrap(f.wrap);
    format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
    return f;
}

// Lines a text takes in a column `width` characters wide (paragraphs wrapped, UTF-8 counted by characters).
int text_lines(std::string_view text, double width) {
    int lines = 0, characters = 0;
    const int per_line = std::max(1, static_cast<int>(width * 1.1));
    for (size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '\n') {
            lines += std::max(1, (characters + per_line - 1) / per_line);
            characters = 0;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++characters;
        }
    }
    return lines;
}

// Markdown notes as plain text, one line per line.
std::string plain_text(std::string_view markdown) {
    std::string out;
    for (const auto& line : plain_lines(markdown)) out += (out.empty() ? "" : "\n") + line;
    return out;
}

double row_height(int lines) { return std::min(409.0, 15.0 * lines); }

// Choice lists live on the hidden sheet; a list validation points at their range.
struct ChoiceLists {
    lxw_worksheet* meta = nullptr;
    int next_column = kMetaFirstListColumn;
    std::map<std::string, std::string> range_by_question;  // question id (or field key) → formula

    const std::string& range_for(const std::string& key, const std::vector<std::string>& labels) {
        auto it = range_by_question.find(key);
        if (it != range_by_question.end()) return it->second;
        const int column = next_column++;
        for (size_t i = 0; i < labels.size(); ++i)
            worksheet_write_string(meta, static_cast<lxw_row_t>(i), static_cast<lxw_col_t>(column), labels[i].c_str(), nullptr);
        char first[16], last[16];
        lxw_rowcol_to_cell_abs(first, 0, static_cast<lxw_col_t>(column), 1, 1);
        lxw_rowcol_to_cell_abs(last, static_cast<lxw_row_t>(labels.size() - 1), static_cast<lxw_col_t>(column), 1, 1);
        return range_by_question[key] = std::string("='") + kMetaSheet + "'!" + first + ":" + last;
    }
};

class SheetWriter {
public:
    SheetWriter(const Questionnaire& questionnaire, Language language, const FilledAnswers* filled,
                const Evaluation* evaluation, lxw_worksheet* sheet, const Formats& formats, ChoiceLists& lists)
        : q_(questionnaire), lang_(language), filled_(filled), evaluation_(evaluation), ws_(sheet), f_(formats),
          lists_(lists) {}

    void write_part(const Part& part) {
        for (int c = 0; c < kColumnCount; ++c)
            worksheet_write_string(ws_, kHeaderRow, static_cast<lxw_col_t>(c),
                                   std::string(column_header(static_cast<Column>(c), lang_)).c_str(), f_.header);
        for (int c = 0; c < kColumnCount; ++c)
            worksheet_set_column(ws_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), kWidths[c], nullptr);
        worksheet_freeze_panes(ws_, 1, 0);
        // Printed (tender documents): landscape, all columns on the page width, headers repeated.
        worksheet_set_landscape(ws_);
        worksheet_set_paper(ws_, 9);  // A4
        worksheet_fit_to_pages(ws_, 1, 0);
        worksheet_repeat_rows(ws_, 0, 0);
        row_ = kHeaderRow + 1;
        for (const auto& section : part.sections) {
            write_text(kColSection, section.title.in(lang_), f_.section);
            for (int c = 0; c < kColumnCount; ++c)
                if (c != kColSection) worksheet_write_blank(ws_, row_, static_cast<lxw_col_t>(c), f_.section);
            std::string when;
            if (section.show_if)
                when = in_language(lang_, "À remplir si ", "Fill in if ") + describe_condition(q_, *section.show_if, lang_);
            if (evaluation_ && !evaluation_->is_visible(section))
                when += std::string(when.empty() ? "" : "\n") +
                        in_language(lang_, "Sans objet d'après les réponses enregistrées.", "Does not apply given the saved answers.");
            if (!when.empty()) write_text(kColCondition, when, f_.section);
            if (!section.note.empty()) write_text(kColNotes, plain_text(section.note.in(lang_)), f_.section);
            next_row();
            for (const auto& question : section.questions) write_question(section, question);
        }
        lxw_protection protection{};
        protection.format_columns = 1;
        protection.format_rows = 1;
        worksheet_protect(ws_, nullptr, &protection);
    }

private:
    // Ends the row: its height fits its longest wrapped text (spreadsheets do not always do it).
    void next_row() {
        if (lines_ > 1) worksheet_set_row(ws_, row_, row_height(lines_), nullptr);
        lines_ = 1;
        ++row_;
    }

    void write_text(int column, const std::string& text, lxw_format* format) {
        lines_ = std::max(lines_, text_lines(text, kWidths[column]));
        if (text.empty()) worksheet_write_blank(ws_, row_, static_cast<lxw_col_t>(column), format);
        else worksheet_write_string(ws_, row_, static_cast<lxw_col_t>(column), text.c_str(), format);
    }

    const Answer* answer_of(const std::string& id) const {
        if (!filled_) return nullptr;
        auto it = filled_->answers.find(id);
        return it == filled_->answers.end() ? nullptr : &it->second;
    }

    // A filled workbook: the question's branch is not taken given the saved answers.
    bool not_applicable(const Question& question) const { return evaluation_ && !evaluation_->is_visible(question); }

    const std::vector<std::string>* document_names(const std::string& id) const {
        if (!filled_) return nullptr;
        auto it = filled_->document_names.find(id);
        return it == filled_->document_names.end() ? nullptr : &it->second;
    }

    // The "Applies" cell of a question that does not apply: when it would, that it does not now,
    // and what was saved for it before (kept, but not taken into account: never in the answer cells).
    std::string not_applicable_note(const Section& section, const Question& question, const Answer* answer) const {
        std::string note = applies_when(q_, section, question, lang_);
        note += std::string(note.empty() ? "" : "\n") +
                in_language(lang_,
                            "Sans objet d'après les réponses enregistrées. Si vous changez la réponse dont elle dépend, "
                            "remplacez « Sans objet » par votre réponse.",
                            "Does not apply given the saved answers. If you change the answer it depends on, replace "
                            "\"Does not apply\" with your answer.");
        const std::string kept = answer ? answer_text(question, answer->value, lang_) : std::string();
        if (!kept.empty())
            note += in_language(lang_, "\nRéponse enregistrée auparavant, non prise en compte : ",
                                "\nAnswer saved earlier, not taken into account: ") + kept;
        if (const auto* names = document_names(question.id); names && !names->empty()) {
            std::string list;
            for (const auto& name : *names) list += (list.empty() ? "" : "; ") + name;
            note += in_language(lang_, "\nDocuments déposés auparavant, non pris en compte : ",
                                "\nDocuments uploaded earlier, not taken into account: ") + list;
        }
        if (answer && !answer->comment.empty())
            note += in_language(lang_, "\nCommentaire enregistré auparavant, non pris en compte : ",
                                "\nComment saved earlier, not taken into account: ") + answer->comment;
        return note;
    }

    // A question that does not apply (`off`) is greyed, "Sans objet" in its answer cells (still
    // unlocked and validated, should the vendor change the answer it depends on), its saved answer
    // and comment only told in the "Applies" cell. The import reads "Sans objet" as an empty cell,
    // and an empty comment cell keeps the saved comment: nothing saved is lost.
    void write_question(const Section& section, const Question& question) {
        const Answer* answer = answer_of(question.id);
        const bool off = not_applicable(question);
        lxw_format* text_format = off ? f_.gray : f_.locked;
        write_text(kColId, question.id, text_format);
        write_text(kColSection, section.title.in(lang_), text_format);
        write_text(kColQuestion, question.label.in(lang_) + (question.required ? " *" : ""), text_format);
        write_text(kColKind, kind_label(question.kind, lang_), text_format);
        write_text(kColUnit, question.unit, text_format);
        write_text(kColCondition, off ? not_applicable_note(section, question, answer) : applies_when(q_, section, question, lang_),
                   text_format);
        write_text(kColNotes, plain_text(question.help.in(lang_)), text_format);
        write_text(kColComment, answer && !off ? answer->comment : std::string(), off ? f_.not_applicable : f_.answer);
        switch (kind_traits(question.kind).shape) {
            case ValueShape::documents: {
                // The files are uploaded on the platform; while there are none the cell takes the
                // statement "Non disponible : <raison>" (core/document_answer.hpp).
                std::string names;
                if (const auto* uploaded = document_names(question.id))
                    for (const auto& name : *uploaded) names += (names.empty() ? "" : "; ") + name;
                const auto reason = answer ? unavailable_document_reason(answer->value) : std::nullopt;
                if (off)
                    write_text(kColAnswer, not_applicable_text(lang_), f_.not_applicable);
                else if (!names.empty())
                    write_text(kColAnswer, in_language(lang_, "Déposé : ", "Uploaded: ") + names, f_.gray);
                else
                    write_text(kColAnswer, reason ? unavailable_document_text(*reason).in(lang_) : kind_label(question.kind, lang_),
                               f_.answer);
                next_row();
                return;
            }
            case ValueShape::rows:
            case ValueShape::record:
                write_text(kColAnswer,
                           off ? not_applicable_text(lang_) : in_language(lang_, "Voir les lignes ci-dessous", "See the rows below"),
                           f_.gray);
                next_row();
                write_record_rows(section, question, answer ? answer->value : json(), off);
                return;
            case ValueShape::yes_no:
            case ValueShape::text:
            case ValueShape::number:
            case ValueShape::date:
            case ValueShape::choice:
            case ValueShape::choices:
                write_answer_cell(question, question.id, answer ? answer->value : json(), off);
                next_row();
                return;
        }
    }

    // The rows of a table (one per cell) or of a contact block (one per field). `not_applicable`:
    // as many rows, every answer cell "Sans objet" (the saved rows are in the question's row).
    void write_record_rows(const Section& section, const Question& question, const json& value, bool not_applicable) {
        const auto& fields = record_fields(question);
        if (question.kind == QuestionKind::contact) {
            for (const auto& field : fields) {
                const json cell = value.is_object() && value.contains(field.id) ? value[field.id] : json();
                write_sub_row(section, question, field, contact_field_key(question.id, field.id),
                              question.label.in(lang_) + " — " + field.label.in(lang_), cell, not_applicable);
            }
            return;
        }
        const int existing = value.is_array() ? static_cast<int>(value.size()) : 0;
        const int rows = existing > 0 ? existing + kExtraTableRows : kBlankTableRows;
        for (int n = 1; n <= rows; ++n) {
            const json* record = n <= existing ? &value[static_cast<size_t>(n - 1)] : nullptr;
            for (const auto& field : fields) {
                const json cell = record && record->is_object() && record->contains(field.id) ? (*record)[field.id] : json();
                write_sub_row(section, question, field, table_cell_key(question.id, n, field.id),
                              question.label.in(lang_) + in_language(lang_, " — ligne ", " — row ") +
                                  std::to_string(n) + " — " + field.label.in(lang_),
                              cell, not_applicable);
            }
        }
    }

    void write_sub_row(const Section& section, const Question& question, const Field& field, const std::string& key,
                       const std::string& label, const json& value, bool not_applicable) {
        const Question shape = field_as_question(field, key);
        lxw_format* text_format = not_applicable ? f_.gray : f_.locked;
        write_text(kColId, key, text_format);
        write_text(kColSection, section.title.in(lang_), text_format);
        write_text(kColQuestion, label, text_format);
        write_text(kColKind, kind_label(field.kind, lang_), text_format);
        write_text(kColCondition, applies_when(q_, section, question, lang_), text_format);
        worksheet_write_blank(ws_, row_, kColComment, f_.gray);
        write_answer_cell(shape, key, value, not_applicable);
        next_row();
    }

    // `not_applicable`: "Sans objet", greyed, whatever the value.
    void write_answer_cell(const Question& question, const std::string& key, const json& value, bool not_applicable) {
        add_validation(question, key);
        if (not_applicable) {
            write_text(kColAnswer, not_applicable_text(lang_), f_.not_applicable);
            return;
        }
        const AnswerCell cell = answer_cell(question, value, lang_);
        switch (cell.type) {
            case AnswerCell::Type::blank:
                worksheet_write_blank(ws_, row_, kColAnswer, cell.date_format ? f_.answer_date : f_.answer);
                return;
            case AnswerCell::Type::number: worksheet_write_number(ws_, row_, kColAnswer, cell.number, f_.answer); return;
            case AnswerCell::Type::date: {
                lxw_datetime date{cell.year, cell.month, cell.day, 0, 0, 0.0};
                worksheet_write_datetime(ws_, row_, kColAnswer, &date, f_.answer_date);
                return;
            }
            case AnswerCell::Type::text: write_text(kColAnswer, cell.text, f_.answer); return;
        }
    }

    void add_validation(const Question& question, const std::string& key) {
        const CellValidation spec = answer_cell_validation(question, key, lang_);
        lxw_data_validation v{};
        std::string formula;
        switch (spec.type) {
            case CellValidation::Type::none: return;
            case CellValidation::Type::list:
                v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;  // the list is a range of the metadata sheet
                formula = lists_.range_for(spec.list_key, spec.labels);
                if (!spec.reject_others) v.show_error = LXW_VALIDATION_OFF;
                break;
            case CellValidation::Type::integer:
            case CellValidation::Type::decimal:
                v.validate = spec.type == CellValidation::Type::integer ? LXW_VALIDATION_TYPE_INTEGER : LXW_VALIDATION_TYPE_DECIMAL;
                v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
                v.minimum_number = spec.minimum;
                v.maximum_number = spec.maximum;
                break;
            case CellValidation::Type::date:
                v.validate = LXW_VALIDATION_TYPE_DATE;
                v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
                v.minimum_datetime = lxw_datetime{1900, 1, 1, 0, 0, 0};
                v.maximum_datetime = lxw_datetime{2200, 12, 31, 0, 0, 0};
                break;
        }
        std::string message = spec.message;
        std::string title = in_language(lang_, "Réponse", "Answer");
        if (!formula.empty()) v.value_formula = formula.data();
        v.input_title = title.data();
        v.input_message = message.data();
        v.error_title = title.data();
        v.error_message = message.data();
        v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;  // a warning: the import checks anyway
        worksheet_data_validation_cell(ws_, row_, kColAnswer, &v);
    }

    const Questionnaire& q_;
    Language lang_;
    const FilledAnswers* filled_;
    const Evaluation* evaluation_;  // filled workbooks: which questions apply given the saved answers
    lxw_worksheet* ws_;
    const Formats& f_;
    ChoiceLists& lists_;
    lxw_row_t row_ = 0;
    int lines_ = 1;
    static constexpr double kWidths[kColumnCount] = {30, 24, 55, 20, 8, 40, 35, 35, 45};
};

void write_instructions(lxw_worksheet* ws, const Questionnaire& questionnaire, Language language,
                        const FilledAnswers* filled, const Formats& f) {
    worksheet_set_column(ws, 0, 0, 110, nullptr);
    lxw_row_t row = 0;
    worksheet_write_string(ws, row++, 0, (questionnaire.title.in(language) + " — " + questionnaire.version).c_str(), f.title);
    if (filled && !filled->company.empty())
        worksheet_write_string(ws, row++, 0, (in_language(language, "Fournisseur : ", "Vendor: ") + filled->company).c_str(),
                               f.wrap);
    ++row;
    const char* how_to_fill = in_language(
        language,
        "Comment remplir ce classeur : une feuille par partie ; répondez dans la colonne jaune « Réponse » et, "
        "si vous le souhaitez, ajoutez un commentaire. Ne modifiez pas la colonne « ID ». Les questions marquées "
        "* sont obligatoires ; « À remplir si » indique quand une question s'applique, et « Sans objet » (grisé) "
        "qu'elle ne s'applique pas d'après les réponses enregistrées : si vous changez la réponse dont elle dépend, "
        "remplacez « Sans objet » par votre réponse. Tableaux : une ligne par "
        "case (copiez un groupe de lignes et augmentez le numéro de ligne pour en ajouter). Les documents se "
        "déposent sur la plateforme ; pour un document dont vous ne disposez pas, écrivez dans sa case « Non "
        "disponible : » suivi de la raison. Importez ensuite ce fichier sur la plateforme : un rapport ligne par ligne "
        "s'affiche avant tout enregistrement.",
        "How to fill in this workbook: one sheet per part; answer in the yellow column \"Answer\" and, if you "
        "wish, add a comment. Do not change the \"ID\" column. Questions marked * are required; \"Fill in if\" "
        "says when a question applies, and \"Does not apply\" (greyed) that it does not given the saved answers: if "
        "you change the answer it depends on, replace \"Does not apply\" with your answer. Tables: one row per cell (copy a group of rows and increase the row "
        "number to add rows). Documents are uploaded on the platform; for a document you do not have, write in its "
        "cell \"Not available:\" followed by the reason. Then import this file on the platform: "
        "you will see a report row by row before anything is saved.");
    worksheet_set_row(ws, row, row_height(text_lines(how_to_fill, 110)), nullptr);
    worksheet_write_string(ws, row++, 0, how_to_fill, f.wrap);
    for (const char* id : {"when_to_use", "how_to"}) {
        const ContentText* content = questionnaire.find_content(id);
        if (!content) continue;
        ++row;
        worksheet_write_string(ws, row++, 0, content->title.in(language).c_str(), f.title);
        for (const auto& line : plain_lines(content->body.in(language))) {
            if (line.empty()) worksheet_write_blank(ws, row++, 0, nullptr);
            else {
                if (int lines = text_lines(line, 110); lines > 1) worksheet_set_row(ws, row, row_height(lines), nullptr);
                worksheet_write_string(ws, row++, 0, line.c_str(), f.wrap);
            }
        }
    }
}

void write_meta(lxw_worksheet* meta, const Questionnaire& questionnaire, Language language, const FilledAnswers* filled) {
    const std::pair<std::string, std::string> rows[] = {
        {kMetaMarker, "1"},
        {kMetaQuestionnaire, questionnaire.id},
        {kMetaVersion, questionnaire.version},
        {kMetaLanguage, std::string(language_code(language))},
        {kMetaResponse, filled && filled->response_id ? std::to_string(filled->response_id) : ""},
    };
    lxw_row_t row = 0;
    for (const auto& [key, value] : rows) {
        worksheet_write_string(meta, row, 0, key.c_str(), nullptr);
        if (!value.empty()) worksheet_write_string(meta, row, 1, value.c_str(), nullptr);
        ++row;
    }
    worksheet_hide(meta);
    lxw_protection protection{};
    worksheet_protect(meta, nullptr, &protection);
}

}  // namespace

std::string workbook_file_name(const Questionnaire& questionnaire, Language language, long long response_id) {
    std::string name = "questionnaire-" + questionnaire.id + "-" + questionnaire.version;
    if (response_id) name += "-reponse-" + std::to_string(response_id);
    return name + "-" + std::string(language_code(language)) + ".xlsx";
}

Result<std::string> write_questionnaire_workbook(const Questionnaire& questionnaire, Language language,
                                                 const FilledAnswers* filled) {
    // libxlsxwriter 1.1 writes to a file only: a private temporary file, read back and removed.
    const char* tmpdir = std::getenv("TMPDIR");
    TempFile temp{std::string(tmpdir && *tmpdir ? tmpdir : "/tmp") + "/cyberachat-xlsx-XXXXXX"};
    int fd = mkstemp(temp.path.data());
    if (fd < 0) {
        temp.path.clear();
        return Error::make(ErrorCode::storage, "Impossible de créer le fichier Excel temporaire.", "Cannot create the temporary Excel file.");
    }
    close(fd);

    lxw_workbook* workbook = workbook_new(temp.path.c_str());
    if (!workbook) return Error::make(ErrorCode::storage, "Impossible de créer le classeur Excel.", "Cannot create the Excel workbook.");
    std::string title = questionnaire.title.in(language);
    lxw_doc_properties properties{};
    properties.title = title.data();
    properties.author = const_cast<char*>("Cyberachat");
    workbook_set_properties(workbook, &properties);

    const Formats formats = make_formats(workbook);
    std::vector<std::string> names{kMetaSheet};
    const std::string instructions_name = sheet_name(in_language(language, "Mode d'emploi", "Instructions"), names);
    names.push_back(instructions_name);
    lxw_worksheet* instructions = workbook_add_worksheet(workbook, instructions_name.c_str());
    write_instructions(instructions, questionnaire, language, filled, formats);

    std::vector<std::pair<const Part*, lxw_worksheet*>> part_sheets;
    for (const auto& part : questionnaire.parts) {
        const std::string name = sheet_name((part.short_title.empty() ? part.title : part.short_title).in(language), names);
        names.push_back(name);
        part_sheets.emplace_back(&part, workbook_add_worksheet(workbook, name.c_str()));
    }
    lxw_worksheet* meta = workbook_add_worksheet(workbook, kMetaSheet);
    ChoiceLists lists;
    lists.meta = meta;
    // A filled workbook marks the questions that do not apply given the saved answers (documents
    // count as answered when uploaded), as the pages hide them.
    std::optional<Evaluation> evaluation;
    if (filled) {
        AnswerSet saved = filled->answers;
        for (const auto& [question_id, names] : filled->document_names)
            if (!names.empty()) saved[question_id].value = json(names);
        evaluation = evaluate(questionnaire, saved);
    }
    for (const auto& [part, sheet] : part_sheets)
        SheetWriter(questionnaire, language, filled, evaluation ? &*evaluation : nullptr, sheet, formats, lists).write_part(*part);
    write_meta(meta, questionnaire, language, filled);
    worksheet_activate(instructions);

    if (workbook_close(workbook) != LXW_NO_ERROR)
        return Error::make(ErrorCode::storage, "Impossible d'écrire le classeur Excel.", "Cannot write the Excel workbook.");
    std::ifstream in(temp.path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in.good() && !in.eof())
        return Error::make(ErrorCode::storage, "Impossible de relire le classeur Excel.", "Cannot read the Excel workbook back.");
    return bytes.str();
}

}  // namespace cyberachat::xlsx
