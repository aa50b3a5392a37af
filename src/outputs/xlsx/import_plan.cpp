#include "outputs/xlsx/import_plan.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/answer_validation.hpp"
#include "core/ascii_text.hpp"
#include "core/document_answer.hpp"
#include "core/engine.hpp"
#include "core/utf8.hpp"
#include "outputs/xlsx/answer_cells.hpp"
#include "outputs/xlsx/workbook_layout.hpp"

namespace cyberachat::xlsx {

using json = nlohmann::json;

namespace {

struct CellRef {
    const std::string* sheet = nullptr;
    std::uint32_t row = 0;
    std::string id;
    const CellValue* answer = nullptr;
};

// Everything the file says about one question: its own row and, for tables and contacts, the cells.
struct QuestionEntry {
    std::optional<CellRef> own_row;
    std::string comment;
    std::map<std::pair<int, std::string>, CellRef> cells;  // (table row or 0, field id) → cell
};

const CellValue kEmptyCell{};

Error foreign() {
    return Error::make(ErrorCode::foreign,
                       "Ce classeur n'est pas un questionnaire téléchargé depuis Cyberachat (feuille « " +
                           std::string(kMetaSheet) + " » absente). Téléchargez le classeur du questionnaire et remplissez-le.",
                       "This workbook is not a questionnaire downloaded from Cyberachat (sheet '" + std::string(kMetaSheet) +
                           "' missing). Download the questionnaire workbook and fill it in.");
}

// "Non disponible : <raison>" / "Not available: <raison>" (capitals and the space before the colon
// as typed): the reason, possibly empty — the statement that the vendor does not have the document.
std::optional<std::string> stated_unavailable_reason(std::string_view text) {
    for (const Language language : {Language::fr, Language::en}) {
        const std::string& label = unavailable_document_label().in(language);  // ASCII
        if (text.size() < label.size() || lower_ascii(text.substr(0, label.size())) != lower_ascii(label)) continue;
        size_t at = label.size();
        while (at < text.size() && text[at] == ' ') ++at;
        if (at >= text.size() || text[at] != ':') continue;
        return std::string(trim(text.substr(at + 1)));
    }
    return std::nullopt;
}

// What the workbook itself writes in a document row ("Sans objet" included): not something typed.
bool is_generated_document_text(std::string_view text) {
    return text.empty() || text == not_applicable_text(Language::fr) || text == not_applicable_text(Language::en) || text == kind_label(QuestionKind::document, Language::fr) ||
           text == kind_label(QuestionKind::document, Language::en) || text.rfind("Déposé : ", 0) == 0 ||
           text.rfind("Uploaded: ", 0) == 0;
}

}  // namespace

size_t ImportPlan::count(RowStatus status) const {
    return static_cast<size_t>(std::count_if(rows.begin(), rows.end(), [&](const ImportRow& r) { return r.status == status; }));
}

Result<ImportPlan> plan_import(const Questionnaire& questionnaire, const AnswerSet& current, const WorkbookData& workbook,
                               Language language) {
    // 1. The file must be this questionnaire, this version.
    const SheetData* meta = workbook.find_sheet(kMetaSheet);
    if (!meta || !meta->cell(0, 0) || meta->cell(0, 0)->as_text() != kMetaMarker) return foreign();
    std::map<std::string, std::string> properties;
    for (const auto& [row, cells] : meta->rows) {
        auto key = cells.find(0), value = cells.find(1);
        if (key != cells.end()) properties[key->second.as_text()] = value != cells.end() ? std::string(trim(value->second.as_text())) : "";
    }
    const std::string file_id = properties[kMetaQuestionnaire], file_version = properties[kMetaVersion];
    if (file_id != questionnaire.id || file_version != questionnaire.version)
        return Error::make(ErrorCode::wrong_version,
                           "Ce classeur a été fait pour le questionnaire « " + file_id + " » version " + file_version +
                               ", mais cette réponse utilise « " + questionnaire.id + " » version " + questionnaire.version +
                               ". Téléchargez le classeur de cette réponse et reportez-y vos réponses.",
                           "This workbook was made for questionnaire '" + file_id + "' version " + file_version +
                               ", but this response uses '" + questionnaire.id + "' version " + questionnaire.version +
                               ". Download this response's workbook and copy your answers into it.");
    ImportPlan plan;
    plan.workbook_language = properties[kMetaLanguage];
    try {
        plan.workbook_response_id = properties[kMetaResponse].empty() ? 0 : std::stoll(properties[kMetaResponse]);
    } catch (const std::exception&) {
        plan.workbook_response_id = 0;
    }

    // 2. Collect the rows by question; unknown and repeated ids are rejected at once.
    std::map<std::string, QuestionEntry> entries;
    std::vector<ImportRow> early;  // rows rejected before any value is looked at
    std::set<std::string> seen;
    for (const auto& sheet : workbook.sheets) {
        if (&sheet == meta) continue;
        const CellValue* header = sheet.cell(kHeaderRow, kColId);
        if (!header || trim(header->as_text()) != "ID") continue;  // e.g. the instructions
        for (const auto& [row, cells] : sheet.rows) {
            if (row <= kHeaderRow) continue;
            auto id_cell = cells.find(kColId);
            if (id_cell == cells.end()) continue;
            const std::string id(trim(id_cell->second.as_text()));
            if (id.empty()) continue;
            auto answer = cells.find(kColAnswer), comment = cells.find(kColComment);
            CellRef ref{&sheet.name, row + 1, id, answer != cells.end() ? &answer->second : &kEmptyCell};
            const std::string comment_text = comment != cells.end() ? std::string(trim(comment->second.as_text())) : "";
            auto key = parse_row_key(questionnaire, id);
            if (!key || !seen.insert(id).second) {
                if (!key && ref.answer->empty() && comment_text.empty()) continue;
                ImportRow r;
                r.sheet = sheet.name;
                r.row = row + 1;
                r.id = id;
                r.question_id = key ? key->question_id : "";
                r.cell_text = ref.answer->as_text();
                r.status = RowStatus::rejected;
                r.message = key ? LocalizedText{"Identifiant en double : cette ligne est ignorée.",
                                                "Repeated id: this row is left out."}
                                : LocalizedText{"Identifiant inconnu dans ce questionnaire : « " + id + " ».",
                                                "Unknown id in this questionnaire: '" + id + "'."};
                early.push_back(std::move(r));
                continue;
            }
            QuestionEntry& entry = entries[key->question_id];
            if (key->field_id.empty()) {
                entry.own_row = ref;
                entry.comment = comment_text;
            } else {
                entry.cells[{key->table_row, key->field_id}] = ref;
            }
        }
    }

    // 3. One report row per question the file fills in, checked like a typed answer.
    struct Pending {
        ImportRow row;
        const Question* question = nullptr;
        json value;
        std::string comment;
        bool has_change = false;
    };
    std::vector<Pending> pending;
    AnswerSet after = current;
    for (const Question* question : questionnaire.questions()) {
        auto it = entries.find(question->id);
        if (it == entries.end()) continue;
        const QuestionEntry& entry = it->second;
        // Reported on the question's own row, else on its first cell row in the file.
        const CellRef* first = entry.own_row ? &*entry.own_row : nullptr;
        for (const auto& [position, cell] : entry.cells)
            if (!first || cell.row < first->row) first = &cell;
        if (!first) continue;
        Pending p;
        p.question = question;
        p.row.sheet = *first->sheet;
        p.row.row = first->row;
        p.row.id = first->id;
        p.row.question_id = question->id;
        p.row.label = question->label.in(language);

        json raw;
        if (question->kind == QuestionKind::table || question->kind == QuestionKind::contact) {
            const auto& fields = record_fields(*question);
            std::map<int, json> records;
            std::string text;
            for (const auto& [position, cell] : entry.cells) {
                auto field = std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.id == position.second; });
                const Question shape = field_as_question(*field, field->id);
                if (cell.answer->empty() || holds_not_applicable(shape, *cell.answer)) continue;  // "Sans objet": empty
                records[position.first][position.second] = raw_answer(shape, *cell.answer);
                text += (text.empty() ? "" : "; ") + field->label.in(language) + ": " + cell.answer->as_text();
            }
            p.row.cell_text = text;
            if (question->kind == QuestionKind::contact && records.count(0)) raw = records[0];
            if (question->kind == QuestionKind::table && !records.empty()) {
                raw = json::array();
                for (auto& [n, record] : records) raw.push_back(std::move(record));
            }
        } else if (entry.own_row) {
            p.row.cell_text = entry.own_row->answer->as_text();
            if (question->kind == QuestionKind::document) {
                if (auto reason = stated_unavailable_reason(trim(p.row.cell_text))) {
                    raw = json{{"unavailable", *reason}};
                } else if (!is_generated_document_text(trim(p.row.cell_text))) {
                    p.row.status = RowStatus::ignored_document;
                    p.row.message = {"Les documents ne s'importent pas depuis Excel : déposez-les sur la plateforme.",
                                     "Documents cannot be imported from Excel: upload them on the platform."};
                }
            } else {
                raw = raw_answer(*question, *entry.own_row->answer);
            }
        }
        const bool has_raw = !raw.is_null() && !(raw.is_array() && raw.empty());
        if (!has_raw && entry.comment.empty() && p.row.status != RowStatus::ignored_document) {
            ++plan.empty_rows;
            continue;
        }

        auto stored = current.find(question->id);
        // A document's value is its files (not imported) or the statement "not available" (imported).
        const json stored_value = stored == current.end() ? json()
                                  : question->kind != QuestionKind::document || is_unavailable_document(stored->second.value)
                                      ? stored->second.value
                                      : json();
        if (question->kind == QuestionKind::document && has_raw && stored != current.end() &&
            stored->second.value.is_array() && !stored->second.value.empty()) {
            p.row.status = RowStatus::rejected;
            p.row.message = {"Des fichiers sont joints à cette question sur la plateforme : retirez-les avant de déclarer le "
                             "document non disponible.",
                             "Files are attached to this question on the platform: remove them before stating that the "
                             "document is not available."};
            pending.push_back(std::move(p));
            continue;
        }
        const std::string stored_comment = stored != current.end() ? stored->second.comment : "";
        p.value = stored_value;
        if (has_raw) {
            auto normalized = normalize_answer(*question, raw);
            if (!normalized) {
                p.row.status = RowStatus::rejected;
                p.row.message = normalized.error().message;
                pending.push_back(std::move(p));
                continue;
            }
            if (has_value(*normalized)) p.value = std::move(normalized.value());
        }
        p.comment = entry.comment.empty() ? stored_comment : entry.comment;
        if (longer_than(p.comment, kMaxCommentCharacters)) {
            p.row.status = RowStatus::rejected;
            p.row.message = {"Le commentaire est trop long (5 000 caractères au plus).",
                             "The comment is too long (at most 5,000 characters)."};
            pending.push_back(std::move(p));
            continue;
        }
        if (p.value != stored_value || p.comment != stored_comment) {
            p.has_change = true;
            if (p.row.status != RowStatus::ignored_document) p.row.status = RowStatus::imported;
            auto& answer = after[question->id];
            answer.value = p.value;
            answer.comment = p.comment;
        }
        pending.push_back(std::move(p));
    }

    // 4. Branching, on the answers as they would be after the import: a question that would not
    //    apply is left out (its value would be ignored anyway; what is stored is kept).
    const Evaluation evaluation = evaluate(questionnaire, after);
    for (auto& p : pending) {
        if (!evaluation.is_visible(*p.question) && p.row.status != RowStatus::unchanged) {
            p.row.status = RowStatus::ignored_branch;
            p.row.message = {"Question sans objet d'après les réponses : elle n'est pas importée.",
                             "This question does not apply given the answers: it is not imported."};
            p.has_change = false;
        }
        if (p.has_change)
            plan.changes.push_back({p.question->id, p.value, p.comment});
    }

    // 5. The report in file order.
    for (auto& p : pending) plan.rows.push_back(std::move(p.row));
    for (auto& r : early) plan.rows.push_back(std::move(r));
    std::stable_sort(plan.rows.begin(), plan.rows.end(), [&](const ImportRow& a, const ImportRow& b) {
        if (a.sheet != b.sheet) {
            auto index = [&](const std::string& name) {
                for (size_t i = 0; i < workbook.sheets.size(); ++i)
                    if (workbook.sheets[i].name == name) return i;
                return workbook.sheets.size();
            };
            return index(a.sheet) < index(b.sheet);
        }
        return a.row < b.row;
    });
    return plan;
}

}  // namespace cyberachat::xlsx
