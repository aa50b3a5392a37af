// The archive restore: an archived purchase written back as it was (timestamps, authors,
// revisions, journal), in one transaction. See ArchiveRestore in repositories.hpp.
#include <unistd.h>

#include <filesystem>
#include <map>

#include "store/document_bytes.hpp"
#include "store/internal.hpp"
#include "store/repositories.hpp"

namespace cyberachat::store {

namespace {

// The archive's ids → this instance's.
struct IdMaps {
    Id acquisition_from = 0, acquisition_to = 0;
    std::map<Id, Id> responses, documents;

    // "vendor:<archived response id>" → "vendor:<new response id>"; other actors as they are.
    std::string actor(const std::string& archived) const {
        static const std::string kVendor = "vendor:";
        if (archived.rfind(kVendor, 0) != 0) return archived;
        try {
            size_t used = 0;
            const Id id = std::stoll(archived.substr(kVendor.size()), &used);
            auto it = responses.find(id);
            if (used == archived.size() - kVendor.size() && it != responses.end())
                return kVendor + std::to_string(it->second);
        } catch (const std::exception&) {
        }
        return archived;
    }
    // The new id of the record an archived event is about; 0 when the archive does not hold it.
    Id entity(const Event& event) const {
        if (event.entity == "acquisition") return event.entity_id == acquisition_from ? acquisition_to : 0;
        const std::map<Id, Id>* map = nullptr;
        if (event.entity == "response" || event.entity == "answer" || event.entity == "review" ||
            event.entity == "opinion")
            map = &responses;
        else if (event.entity == "document")
            map = &documents;
        if (!map) return 0;
        auto it = map->find(event.entity_id);
        return it != map->end() ? it->second : 0;
    }
};

Error refused(const std::string& fr, const std::string& en) { return detail::invalid(fr, en); }

}  // namespace

Result<Acquisition> ArchiveRestore::restore(const ArchivedPurchase& purchase, const Actor& actor,
                                            const nlohmann::json& import_note) {
    Acquisition acquisition = purchase.acquisition;
    if (auto error = detail::normalize_acquisition(acquisition)) return *error;
    acquisition.created_by = 0;
    // The documents' bytes first (as an upload does), each where the engine keeps them: erased
    // again if the transaction does not commit.
    std::vector<std::string> written_files;
    std::vector<std::vector<StoredDocument>> documents(purchase.vendors.size());
    const auto erase_written = [&] {
        for (const std::string& path : written_files) (void)bytes_->erase(path);
    };
    for (size_t v = 0; v < purchase.vendors.size(); ++v)
        for (const ArchivedDocument& archived : purchase.vendors[v].documents) {
            StoredDocument document = archived.document;
            if (auto error = detail::describe_document(document, archived.bytes)) {
                erase_written();
                return *error;
            }
            auto stored = bytes_->put("imported", archived.bytes);
            if (!stored) {
                erase_written();
                return stored.error();
            }
            document.storage_path = *stored;
            written_files.push_back(document.storage_path);
            documents[v].push_back(document);
        }
    auto written = db_->write([&](soci::session& sql) -> Result<void> {
        IdMaps ids;
        ids.acquisition_from = purchase.acquisition.id;
        acquisition.id = ids.acquisition_to = detail::insert_acquisition(sql, acquisition);
        if (purchase.grid)
            detail::attach_grid(sql, acquisition.id, purchase.grid->grid_id, purchase.grid->version,
                                purchase.grid->yaml, actor, /*journal=*/false);
        for (WeightOverride weight : purchase.weights) {
            if (weight.question_id.empty() || !(weight.weight >= 0))
                return refused("Poids invalide.", "Invalid weight.");
            weight.acquisition_id = acquisition.id;
            detail::insert_weight(sql, weight);
        }
        for (const AddedQuestion& question : purchase.added_questions) {
            if (question.question_id.empty() || question.added_at.empty())
                return refused("Question ajoutée invalide.", "Invalid added question.");
            long long key = acquisition.id;
            if (detail::exists(sql, "SELECT 1 FROM acquisition_added_questions WHERE acquisition_id = :a AND question_id = :q",
                               soci::use(key), soci::use(question.question_id)))
                return refused("Question ajoutée deux fois : " + question.question_id, "Question added twice: " + question.question_id);
            sql << "INSERT INTO acquisition_added_questions (acquisition_id, question_id, added_at, added_by) "
                   "VALUES (:a, :q, :at, :by)",
                soci::use(key), soci::use(question.question_id), soci::use(question.added_at), soci::use(question.added_by);
        }
        // Responses first: authors "vendor:<id>" of any of them are mapped below.
        std::vector<VendorResponse> responses;
        for (const ArchivedVendor& vendor : purchase.vendors) {
            VendorResponse response = vendor.response;
            if (auto error = detail::normalize_response(response)) return *error;
            if (response.status == ResponseStatus::draft) response.submitted_at.clear();
            response.invite_token_hash.clear();  // links are never archived
            response.acquisition_id = acquisition.id;
            response.id = detail::insert_response(sql, response);
            ids.responses[vendor.response.id] = response.id;
            responses.push_back(response);
        }
        for (size_t v = 0; v < purchase.vendors.size(); ++v) {
            const ArchivedVendor& vendor = purchase.vendors[v];
            const Id response_id = responses[v].id;
            for (StoredAnswer answer : vendor.answers) {
                if (answer.question_id.empty()) return refused("Question non précisée.", "Missing question.");
                std::string value_json;
                try {
                    value_json = answer.value.dump();
                } catch (const std::exception&) {
                    return refused("Valeur illisible (UTF-8 invalide).", "Unreadable value (invalid UTF-8).");
                }
                answer.response_id = response_id;
                answer.updated_by = ids.actor(answer.updated_by);
                detail::insert_answer(sql, answer, value_json);
            }
            for (size_t d = 0; d < vendor.documents.size(); ++d) {
                StoredDocument document = documents[v][d];
                document.response_id = response_id;
                ids.documents[vendor.documents[d].document.id] = detail::insert_document(sql, document);
            }
            for (Review review : vendor.reviews) {
                if (review.question_id.empty() || (!valid_review_status(review.status) && review.status != "answered"))
                    return refused("Relecture invalide.", "Invalid review.");
                review.response_id = response_id;
                review.author = ids.actor(review.author);
                detail::insert_review(sql, review);
            }
            for (Opinion opinion : vendor.opinions) {
                if ((opinion.role != "it" && opinion.role != "biomedical") || !valid_opinion_verdict(opinion.verdict))
                    return refused("Avis invalide.", "Invalid opinion.");
                opinion.response_id = response_id;
                opinion.author = ids.actor(opinion.author);
                detail::insert_opinion(sql, opinion);
            }
        }
        // The archived journal, in its order, about the new records; then the import itself.
        for (Event event : purchase.events) {
            const Id entity_id = ids.entity(event);
            if (entity_id == 0)
                return refused("Événement du journal sur un enregistrement absent de l'archive (" + event.entity + " " +
                                   std::to_string(event.entity_id) + ").",
                               "journal event about a record the archive does not hold (" + event.entity + " " +
                                   std::to_string(event.entity_id) + ").");
            event.entity_id = entity_id;
            event.actor = ids.actor(event.actor);
            event.via = std::string(via_name(Via::archive));  // here, it came from the archive
            detail::insert_event(sql, event);
        }
        detail::append_event(sql, actor, "acquisition", acquisition.id, "import", "archive", {}, import_note.dump());
        return {};
    });
    if (!written) {
        erase_written();
        return written.error();
    }
    return acquisition;
}

}  // namespace cyberachat::store
