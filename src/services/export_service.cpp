#include "services/export_service.hpp"

#include "core/response_state.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/bounded_json.hpp"
#include "core/equipment_family.hpp"
#include "core/kind_traits.hpp"
#include "core/text_format.hpp"
#include "definition/grid_loader.hpp"
#include "outputs/export/csv_writer.hpp"
#include "outputs/export/zip_archive.hpp"
#include "outputs/json/evaluation_json.hpp"
#include "security/secrets.hpp"

namespace cyberachat::services {
namespace {

using json = nlohmann::json;

// The e-mail of each live account, by the "user:#<id>" actors of the journal: an archive names
// people by e-mail, as the other instance has other ids (a deleted account stays "user:#<id>").
using ArchiveActors = std::map<std::string, std::string>;

Result<ArchiveActors> archive_actors(store::Store& store) {
    TRY_ASSIGN(auto users, store.users.list());
    ArchiveActors out;
    for (const User& user : users) out["user:#" + std::to_string(user.id)] = "user:" + user.email;
    return out;
}

json event_json(const Event& event, const ArchiveActors& actors) {
    auto named = actors.find(event.actor);
    const std::string& actor = named != actors.end() ? named->second : event.actor;
    return {{"id", event.id},         {"at", event.at},         {"actor", actor},         {"entity", event.entity},
            {"entity_id", event.entity_id}, {"action", event.action}, {"field", event.field},
            {"old_value", event.old_value}, {"new_value", event.new_value}};
}

Error invalid_archive(const std::string& fr, const std::string& en) {
    return Error::make(ErrorCode::invalid_archive, "Archive refusée : " + fr, "Archive refused: " + en);
}

// The member `key` of `object` when it is of the wanted type, else null (never throws).
const json* member(const json& object, const char* key, json::value_t type) {
    if (!object.is_object()) return nullptr;
    auto it = object.find(key);
    return it != object.end() && it->type() == type ? &*it : nullptr;
}

std::string text_field(const json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The optional array `key` of `object` (archives of format 1 have none); null when of another type.
const json* optional_array(const json& object, const char* key) {
    static const json kEmpty = json::array();
    if (!object.contains(key)) return &kEmpty;
    return member(object, key, json::value_t::array);
}

// Who a restored review, opinion or weight is by: its author as exported (else the import).
std::string author_or(const json& object, const char* key, const std::string& actor) {
    const std::string author = text_field(object, key);
    return author.empty() ? actor : author;
}

// An archived id (0 when absent).
Id id_field(const json& object, const char* key) {
    const json* id = member(object, key, json::value_t::number_unsigned);
    return id ? id->get<Id>() : 0;
}

// An archived time; now when the archive has none.
std::string time_field(const json& object, const char* key) {
    const std::string time = text_field(object, key);
    return time.empty() ? store::now_iso() : time;
}

constexpr const char* kGridFile = "scoring_grid.yaml";

}  // namespace

Result<json> ExportService::acquisition_json(Id acquisition_id) {
    TRY_ASSIGN(auto acquisition, store_.acquisitions.find(acquisition_id));
    json out = {{"format", kArchiveFormat}, {"format_version", kArchiveFormatVersion}};
    out["acquisition"] = {{"id", acquisition.id},           {"title", acquisition.title},
                          {"title_en", acquisition.title_en},
                          {"equipment", acquisition.equipment}, {"service", acquisition.service},
                          {"reference", acquisition.reference}, {"deadline", acquisition.deadline},
                          {"notes", acquisition.notes},     {"status", acquisition.status},
                          {"created_at", acquisition.created_at}, {"updated_at", acquisition.updated_at},
                          {"closed_at", acquisition.closed_at},   {"archived_at", acquisition.archived_at},
                          {"expected_end_of_use", acquisition.expected_end_of_use},
                          {"equipment_family", acquisition.equipment_family}};
    TRY_ASSIGN(auto version, absent_if_not_found(store_.questionnaires.find(acquisition.questionnaire_version_id)));
    if (version)
        out["questionnaire"] = {{"version_id", version->id}, {"id", version->questionnaire_id},
                                {"version", version->version}, {"sha256", version->sha256}};
    // The hospital's evaluation: the purchase's grid and its own weights (reviews and opinions by vendor).
    json grid = nullptr;
    TRY_ASSIGN(auto stored, absent_if_not_found(store_.scoring_grids.for_acquisition(acquisition_id)));
    if (stored)
        grid = {{"id", stored->grid_id}, {"version", stored->version}, {"sha256", stored->sha256}};
    json weights = json::array();
    TRY_ASSIGN(const auto stored_weights, store_.scoring_grids.weights(acquisition_id));
    for (const auto& weight : stored_weights)
        weights.push_back({{"question_id", weight.question_id}, {"weight", weight.weight},
                           {"updated_at", weight.updated_at}, {"updated_by", weight.updated_by}});
    out["scoring_grid"] = std::move(grid);
    out["weights"] = std::move(weights);
    // The questions added to this purchase alone, and when (vendors who opened before see them as new).
    json added = json::array();
    TRY_ASSIGN(const auto added_questions, store_.questionnaire_library.added_questions(acquisition_id));
    for (const auto& question : added_questions)
        added.push_back({{"question_id", question.question_id}, {"added_at", question.added_at},
                         {"added_by", question.added_by}});
    out["added_questions"] = std::move(added);
    json events = json::array();
    TRY_ASSIGN(const ArchiveActors actors, archive_actors(store_));
    TRY_ASSIGN(const auto acquisition_events, store_.events.list("acquisition", acquisition_id, 100000));
    for (const auto& event : acquisition_events) events.push_back(event_json(event, actors));
    json vendors = json::array();
    TRY_ASSIGN(const auto responses, store_.responses.list_for(acquisition_id));
    for (const auto& response : responses) {
        TRY_ASSIGN(const auto stored_answers, store_.responses.answers(response.id));
        TRY_ASSIGN(const auto stored_documents, store_.documents.list_for(response.id));
        TRY_ASSIGN(const auto stored_reviews, store_.reviews.list_for(response.id));
        TRY_ASSIGN(const auto stored_opinions, store_.reviews.opinions(response.id));
        json answers = json::array();
        for (const auto& answer : stored_answers)
            answers.push_back({{"question_id", answer.question_id}, {"value", answer.value},
                               {"comment", answer.comment},         {"revision", answer.revision},
                               {"updated_at", answer.updated_at},   {"updated_by", answer.updated_by},
                               {"source", answer.source}});
        json documents = json::array();
        for (const auto& document : stored_documents)
            documents.push_back({{"id", document.id},           {"question_id", document.question_id},
                                 {"file_name", document.file_name}, {"content_type", document.content_type},
                                 {"size", document.size},       {"sha256", document.sha256},
                                 {"created_at", document.created_at}});
        json reviews = json::array();
        for (const auto& review : stored_reviews) reviews.push_back(review_record_json(review));
        json opinions = json::array();
        for (const auto& opinion : stored_opinions) opinions.push_back(opinion_record_json(opinion));
        vendors.push_back({{"response_id", response.id},
                           {"company", response.company},
                           {"contact_name", response.contact_name},
                           {"email", response.email},
                           {"language", response.language},
                           {"status", std::string(response_status_name(response.status))},
                           {"submitted_at", response.submitted_at},
                           {"state", std::string(response_state_name(response_state(response)))},
                           {"deadline", response.deadline},
                           {"submitted_late", response.submitted_late},
                           {"withdrawn_at", response.withdrawn_at},
                           {"reopened_at", response.reopened_at},
                           {"opened_at", response.opened_at},
                           {"company_key", response.company_key},
                           {"invited_at", response.invited_at},
                           {"created_at", response.created_at},
                           {"updated_at", response.updated_at},
                           {"answers", std::move(answers)},
                           {"documents", std::move(documents)},
                           {"reviews", std::move(reviews)},
                           {"opinions", std::move(opinions)}});
        for (const char* entity : {"response", "answer", "review", "opinion"}) {
            TRY_ASSIGN(const auto response_events, store_.events.list(entity, response.id, 100000));
            for (const auto& event : response_events) events.push_back(event_json(event, actors));
        }
        for (const auto& document : stored_documents) {  // a document's events are by its id
            TRY_ASSIGN(const auto document_events, store_.events.list("document", document.id, 100000));
            for (const auto& event : document_events) events.push_back(event_json(event, actors));
        }
    }
    std::sort(events.begin(), events.end(), [](const json& a, const json& b) { return a["id"].get<Id>() < b["id"].get<Id>(); });
    out["vendors"] = std::move(vendors);
    out["events"] = std::move(events);
    return out;
}

Result<std::string> ExportService::acquisition_csv(Id acquisition_id) {
    TRY_ASSIGN(auto acquisition, store_.acquisitions.find(acquisition_id));
    const Language language = Language::fr;
    // Every vendor scored against the purchase's grid; without a grid (a questionnaire that has
    // none), the answers alone and the two evaluation columns empty.
    std::vector<ResponseEvaluation> vendors;
    if (auto comparison = evaluations_.compare(acquisition_id, ComparisonScope{true})) vendors = std::move(comparison->vendors);
    else if (comparison.error().code != ErrorCode::not_found) return comparison.error();
    else {
        TRY_ASSIGN(const auto responses, store_.responses.list_for(acquisition_id));
        for (const auto& response : responses) {
            if (!response.withdrawn_at.empty()) continue;  // as compare(): withdrawn vendors are not exported
            TRY_ASSIGN(auto snapshot, responses_.load(response.id));
            vendors.push_back(ResponseEvaluation{std::move(snapshot), {}, {}, {}, {}, {}});
        }
    }
    std::vector<exports::CsvRow> rows;
    rows.push_back({"Achat", "Fournisseur", "Statut", "Partie", "Section", "Identifiant de question", "Question",
                    "Réponse", "Unité", "Commentaire", "Favorable", "Gravité"});
    for (const auto& vendor : vendors) {
        const ResponseSnapshot& snapshot = vendor.snapshot;
        const VendorResponse& response = snapshot.response;
        const std::string status = response_status_label(response, language);
        std::map<size_t, Severity> severities;  // question index → severity of its point de vigilance
        for (const auto& finding : vendor.card.findings) severities.emplace(finding.question_index, finding.severity);
        for (const Question* question : snapshot.questionnaire->questions()) {
            if (!snapshot.evaluation.is_visible(*question)) continue;
            const Section& section = *snapshot.questionnaire->sections()[question->section_index];
            const Part& part = snapshot.questionnaire->parts[question->part_index];
            std::string answer, unit, comment, favourable, severity;
            if (auto it = snapshot.answers.find(question->id); it != snapshot.answers.end()) {
                const json& value = it->second.value;
                if (kind_traits(question->kind).shape == ValueShape::number && value.is_number()) {
                    // A number alone, as French spreadsheets read one ("1234,5": decimal comma, no
                    // grouping), its unit in the next column.
                    answer = format_number_input(value.get<double>(), language);
                    unit = question->unit;
                } else {
                    answer = answer_text(*question, value, language);
                }
                comment = it->second.comment;
            }
            if (auto it = snapshot.documents.find(question->id); it != snapshot.documents.end())
                for (const auto& document : it->second)
                    answer += (answer.empty() ? "" : "\n") + document.file_name + " (SHA-256 " + document.sha256 + ")";
            if (question->index < vendor.card.outcomes.size()) {
                const Outcome outcome = vendor.card.outcomes[question->index];
                if (outcome == Outcome::favourable) favourable = "oui";
                if (outcome == Outcome::unfavourable) favourable = "non";
            }
            if (auto it = severities.find(question->index); it != severities.end())
                severity = std::string(severity_label_fr(it->second));
            rows.push_back({acquisition.title, response.company, status, part.title.in(language), section.title.in(language),
                            question->id, question->label.in(language), answer, unit, comment, favourable, severity});
        }
    }
    return exports::csv_document(rows);
}

Result<std::string> ExportService::acquisition_archive(Id acquisition_id) {
    TRY_ASSIGN(auto exported, acquisition_json(acquisition_id));
    std::vector<exports::ZipEntry> entries;
    entries.push_back({"export.json", exported.dump(2)});
    TRY_ASSIGN(auto acquisition, store_.acquisitions.find(acquisition_id));
    TRY_ASSIGN(auto version, absent_if_not_found(store_.questionnaires.find(acquisition.questionnaire_version_id)));
    if (version) entries.push_back({"questionnaire.yaml", version->yaml});
    TRY_ASSIGN(auto grid, absent_if_not_found(store_.scoring_grids.for_acquisition(acquisition_id)));
    if (grid) entries.push_back({kGridFile, grid->yaml});
    TRY_ASSIGN(const auto responses, store_.responses.list_for(acquisition_id));
    for (const auto& response : responses) {
        TRY_ASSIGN(const auto documents, store_.documents.list_for(response.id));
        for (const auto& document : documents) {
            TRY_ASSIGN(auto bytes, store_.documents.read_bytes(document));
            const std::string name = "documents/" + document.sha256;
            bool present = false;
            for (const auto& entry : entries) present = present || entry.name == name;
            if (!present) entries.push_back({name, std::move(bytes)});
        }
    }
    json files = json::object();
    for (const auto& entry : entries) files[entry.name] = security::sha256_hex(entry.bytes);
    entries.push_back({"manifest.json",
                       json{{"format", kArchiveFormat}, {"format_version", kArchiveFormatVersion}, {"files", files}}.dump(2)});
    return exports::write_zip(entries);
}

Result<Acquisition> ExportService::import_archive(const std::string& bytes, const Actor& actor, std::optional<Id> lead) {
    TRY_ASSIGN(Acquisition restored, restore_archive(bytes, actor));
    if (lead) TRY(store_.members.put(restored.id, *lead, PurchaseRole::lead, actor));
    return restored;
}

Result<Acquisition> ExportService::restore_archive(const std::string& bytes, const Actor& actor) {
    auto files = exports::read_zip(bytes);
    if (!files) return invalid_archive(files.error().message.fr, files.error().message.in(Language::en));
    auto manifest_it = files->find("manifest.json");
    if (manifest_it == files->end())
        return invalid_archive("pas de manifest.json : ce n'est pas une archive d'achat Cyberachat.",
                               "no manifest.json: not a Cyberachat purchase archive.");
    auto parsed_manifest = parse_bounded_json(manifest_it->second);
    if (!parsed_manifest)
        return invalid_archive("manifest.json : " + parsed_manifest.error().message.fr, "manifest.json: " + parsed_manifest.error().message.in(Language::en));
    json manifest = std::move(parsed_manifest).value();
    if (!manifest.is_object() || text_field(manifest, "format") != kArchiveFormat || !manifest.contains("files") ||
        !manifest["files"].is_object())
        return invalid_archive("le manifeste n'est pas celui d'une archive d'achat Cyberachat.",
                               "the manifest is not a Cyberachat purchase archive's.");
    const json* format_version = member(manifest, "format_version", json::value_t::number_unsigned);
    if (!format_version || format_version->get<int>() > kArchiveFormatVersion)
        return invalid_archive("archive d'une version de format inconnue (produite par une version plus récente de Cyberachat ?).",
                               "archive of an unknown format version (made by a newer Cyberachat?).");
    for (const auto& [name, sha] : manifest["files"].items()) {
        auto file = files->find(name);
        if (file == files->end()) return invalid_archive("fichier manquant : " + name + ".", "missing file: " + name + ".");
        if (!sha.is_string() || security::sha256_hex(file->second) != sha.get<std::string>())
            return invalid_archive("fichier corrompu (empreinte SHA-256 différente) : " + name + ".",
                                   "corrupted file (SHA-256 differs): " + name + ".");
    }
    if (!manifest["files"].contains("export.json") || !manifest["files"].contains("questionnaire.yaml"))
        return invalid_archive("export.json ou questionnaire.yaml absent du manifeste.",
                               "export.json or questionnaire.yaml missing from the manifest.");
    auto parsed_data = parse_bounded_json(files->at("export.json"));
    if (!parsed_data)
        return invalid_archive("export.json : " + parsed_data.error().message.fr, "export.json: " + parsed_data.error().message.in(Language::en));
    const json data = std::move(parsed_data).value();
    const json* acquisition_data = member(data, "acquisition", json::value_t::object);
    const json* questionnaire = member(data, "questionnaire", json::value_t::object);
    const json* vendors = member(data, "vendors", json::value_t::array);
    if (text_field(data, "format") != kArchiveFormat || !acquisition_data || !questionnaire || !vendors)
        return invalid_archive("export.json illisible.", "unreadable export.json.");
    const json* weights = optional_array(data, "weights");
    const json* grid = data.contains("scoring_grid") && !data["scoring_grid"].is_null()
                           ? member(data, "scoring_grid", json::value_t::object)
                           : nullptr;
    if (!weights || (data.contains("scoring_grid") && !data["scoring_grid"].is_null() && !grid) ||
        (grid && !manifest["files"].contains(kGridFile)))
        return invalid_archive("évaluation illisible dans export.json.", "unreadable evaluation in export.json.");
    for (const auto& weight : *weights)
        if (text_field(weight, "question_id").empty() || !weight.contains("weight") || !weight["weight"].is_number() ||
            weight["weight"].get<double>() < 0)
            return invalid_archive("poids illisible dans export.json.", "unreadable weight in export.json.");
    for (const auto& vendor : *vendors) {
        const json* answers = member(vendor, "answers", json::value_t::array);
        const json* documents = member(vendor, "documents", json::value_t::array);
        const json* reviews = optional_array(vendor, "reviews");
        const json* opinions = optional_array(vendor, "opinions");
        if (!answers || !documents || !reviews || !opinions)
            return invalid_archive("fournisseur illisible dans export.json.", "unreadable vendor in export.json.");
        for (const auto& review : *reviews) {
            const std::string status = text_field(review, "status");
            if (text_field(review, "question_id").empty() || (!valid_review_status(status) && status != "answered"))
                return invalid_archive("relecture illisible dans export.json.", "unreadable review in export.json.");
        }
        for (const auto& opinion : *opinions) {
            const std::string role = text_field(opinion, "role");
            if ((role != "it" && role != "biomedical") || !valid_opinion_verdict(text_field(opinion, "verdict")))
                return invalid_archive("avis illisible dans export.json.", "unreadable opinion in export.json.");
        }
        for (const auto& answer : *answers)
            if (!answer.is_object() || text_field(answer, "question_id").empty())
                return invalid_archive("réponse illisible dans export.json.", "unreadable answer in export.json.");
        for (const auto& document : *documents)
            if (!manifest["files"].contains("documents/" + text_field(document, "sha256")))
                return invalid_archive("document absent de l'archive : " + text_field(document, "file_name") + ".",
                                       "document missing from the archive: " + text_field(document, "file_name") + ".");
    }

    const json* events = optional_array(data, "events");
    if (!events) return invalid_archive("journal illisible dans export.json.", "unreadable journal in export.json.");
    for (const auto& event : *events)
        if (!event.is_object() || text_field(event, "at").empty() || text_field(event, "entity").empty() ||
            !member(event, "entity_id", json::value_t::number_unsigned))
            return invalid_archive("événement du journal illisible dans export.json.",
                                   "unreadable journal event in export.json.");

    // The questionnaire version travels with the archive: stored here unless already (shared by
    // content, so an import that fails after this leaves no purchase, at most this version).
    auto version = store_.questionnaires.ensure(text_field(*questionnaire, "id"), text_field(*questionnaire, "version"),
                                                files->at("questionnaire.yaml"));
    if (!version) return version.error();
    TRY_ASSIGN(auto parsed, questionnaires_.get(version->id));  // refuses a questionnaire this instance cannot read
    if (grid) {  // and a grid it cannot read, before anything else is written
        auto loaded = load_grid(files->at(kGridFile), kGridFile, *parsed);
        if (!loaded.ok())
            return invalid_archive("grille d'évaluation illisible : " + loaded.errors.front().to_string() + ".",
                                   "unreadable scoring grid: " + loaded.errors.front().to_string() + ".");
    }

    // Everything as archived (ids are the archive's: the restore maps them), written in one transaction.
    store::ArchivedPurchase purchase;
    const json& source = *acquisition_data;
    Acquisition& input = purchase.acquisition;
    input.id = id_field(source, "id");
    input.title = text_field(source, "title");
    input.title_en = text_field(source, "title_en");  // absent from archives made before it: none
    input.equipment = text_field(source, "equipment");
    input.service = text_field(source, "service");
    input.reference = text_field(source, "reference");
    input.deadline = text_field(source, "deadline");
    input.notes = text_field(source, "notes");
    input.expected_end_of_use = text_field(source, "expected_end_of_use");  // absent from archives made before it
    // Absent from archives made before it; a family this version does not know is left unset.
    input.equipment_family = text_field(source, "equipment_family");
    if (!valid_equipment_family(input.equipment_family)) input.equipment_family.clear();
    input.status = text_field(source, "status");
    input.closed_at = text_field(source, "closed_at");
    input.archived_at = input.status == "archived" ? text_field(source, "archived_at") : std::string();
    input.created_at = time_field(source, "created_at");
    input.updated_at = time_field(source, "updated_at");
    input.questionnaire_version_id = version->id;
    if (grid) purchase.grid = StoredGrid{0, text_field(*grid, "id"), text_field(*grid, "version"), {}, files->at(kGridFile), {}};
    for (const auto& weight : *weights)
        purchase.weights.push_back(WeightOverride{0, text_field(weight, "question_id"), weight["weight"].get<double>(),
                                                  time_field(weight, "updated_at"), author_or(weight, "updated_by", actor.name)});
    if (const json* added = member(data, "added_questions", json::value_t::array))
        for (const auto& question : *added)
            if (question.is_object())
                purchase.added_questions.push_back(AddedQuestion{text_field(question, "question_id"),
                                                                 text_field(question, "added_at"),
                                                                 text_field(question, "added_by")});
    std::set<Id> document_ids;
    for (const auto& vendor : *vendors) {
        store::ArchivedVendor& restored = purchase.vendors.emplace_back();
        VendorResponse& response = restored.response;
        response.id = id_field(vendor, "response_id");
        response.company = text_field(vendor, "company");
        response.contact_name = text_field(vendor, "contact_name");
        response.email = text_field(vendor, "email");
        response.company_key = text_field(vendor, "company_key");  // absent from archives made before it
        response.language = text_field(vendor, "language");
        response.status = text_field(vendor, "status") == "submitted" ? ResponseStatus::submitted : ResponseStatus::draft;
        response.submitted_at = text_field(vendor, "submitted_at");
        if (response.status == ResponseStatus::submitted && response.submitted_at.empty())
            response.submitted_at = store::now_iso();
        response.invited_at = text_field(vendor, "invited_at");
        response.deadline = text_field(vendor, "deadline");
        if (auto late = vendor.find("submitted_late"); late != vendor.end() && late->is_boolean())
            response.submitted_late = response.status == ResponseStatus::submitted && late->get<bool>();
        response.withdrawn_at = text_field(vendor, "withdrawn_at");
        response.reopened_at = text_field(vendor, "reopened_at");
        response.opened_at = text_field(vendor, "opened_at");  // absent from archives made before it
        response.created_at = time_field(vendor, "created_at");
        response.updated_at = time_field(vendor, "updated_at");
        for (const auto& answer : vendor.at("answers")) {
            StoredAnswer& stored = restored.answers.emplace_back();
            stored.question_id = text_field(answer, "question_id");
            stored.value = answer.contains("value") ? answer.at("value") : json();
            stored.comment = text_field(answer, "comment");
            const json* revision = member(answer, "revision", json::value_t::number_unsigned);
            stored.revision = revision ? revision->get<std::int64_t>() : 1;
            stored.updated_at = time_field(answer, "updated_at");
            stored.updated_by = author_or(answer, "updated_by", actor.name);
            stored.source = text_field(answer, "source");  // absent from archives made before it
        }
        for (const auto& document : vendor.at("documents")) {
            store::ArchivedDocument& stored = restored.documents.emplace_back();
            stored.document.id = id_field(document, "id");
            stored.document.question_id = text_field(document, "question_id");
            stored.document.file_name = text_field(document, "file_name");
            stored.document.created_at = time_field(document, "created_at");
            stored.bytes = files->at("documents/" + text_field(document, "sha256"));
            document_ids.insert(stored.document.id);
        }
        // The hospital's reviews (in their order) and opinions, each by its author.
        for (const auto& item : *optional_array(vendor, "reviews"))
            restored.reviews.push_back(Review{0, 0, text_field(item, "question_id"), text_field(item, "status"),
                                              text_field(item, "comment"), text_field(item, "vendor_question"),
                                              author_or(item, "author", actor.name), text_field(item, "author_role"),
                                              time_field(item, "created_at")});
        for (const auto& item : *optional_array(vendor, "opinions"))
            restored.opinions.push_back(Opinion{0, text_field(item, "role"), text_field(item, "verdict"),
                                                text_field(item, "text"), author_or(item, "author", actor.name),
                                                time_field(item, "updated_at")});
    }
    for (const auto& item : *events) {
        Event event{0,
                    text_field(item, "at"),
                    text_field(item, "actor"),
                    text_field(item, "entity"),
                    id_field(item, "entity_id"),
                    text_field(item, "action"),
                    text_field(item, "field"),
                    text_field(item, "old_value"),
                    text_field(item, "new_value")};
        // Before format 3, documents' events were looked up by response id: those found are not
        // this purchase's documents' (theirs were missed); left out.
        if (format_version->get<int>() < 3 && event.entity == "document" && !document_ids.count(event.entity_id)) continue;
        purchase.events.push_back(std::move(event));
    }
    const json note = {{"sha256", security::sha256_hex(bytes)},
                       {"source_acquisition_id", input.id},
                       {"format_version", format_version->get<int>()}};
    auto acquisition = store_.archive_restore.restore(purchase, actor, note);
    // A record this instance refuses, or twice the same (a unique constraint): the archive's fault.
    if (!acquisition && (acquisition.error().code == ErrorCode::invalid_value || acquisition.error().code == ErrorCode::conflict))
        return invalid_archive(acquisition.error().message.fr, acquisition.error().message.in(Language::en));
    return acquisition;
}

}  // namespace cyberachat::services
