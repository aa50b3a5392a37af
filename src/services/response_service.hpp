#pragma once
// What can happen to a vendor's response, whoever asks (pages or API): reading it with its
// evaluation, saving an answer, documents, submitting, reopening. Handlers stay thin.
#include <set>
#include <map>
#include <memory>
#include <optional>
#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/engine.hpp"
#include "core/response_lock.hpp"
#include "core/result.hpp"
#include "services/questionnaire_provider.hpp"
#include "services/response_snapshot_cache.hpp"
#include "store/repositories.hpp"

namespace cyberachat::services {

class MailService;  // services/mail_service.hpp

// A response with everything needed to show or evaluate it.
struct ResponseSnapshot {
    Acquisition acquisition;
    VendorResponse response;
    std::shared_ptr<const Questionnaire> questionnaire;
    std::map<std::string, StoredAnswer> answers;                  // question id → answer
    std::map<std::string, std::vector<StoredDocument>> documents; // question id → documents
    AnswerSet answer_set;  // values for the engine (document questions: their document ids)
    Evaluation evaluation;
    // The questions added to the purchase after this vendor first opened its link, still in its
    // questionnaire: marked "new" on the vendor's pages (core/added_question.hpp).
    std::set<std::string> new_questions;

    ResponseLock lock = ResponseLock::none;  // why the vendor cannot change it now (core/response_lock.hpp), as loaded
    // The response's revision this snapshot is exactly (services/response_snapshot_cache.hpp), or
    // -1 when a change may have come between its reads.
    std::int64_t exact_revision = -1;

    bool submitted() const { return response.status == ResponseStatus::submitted; }
    bool read_only() const { return lock != ResponseLock::none; }  // submitted, or frozen
};

struct SaveAnswerResult {
    StoredAnswer answer;
    bool changed = false;
    ResponseSnapshot snapshot;  // after the save
};

// One answer as posted by a section form (docs/web-forms.md), before validation.
struct PostedAnswer {
    nlohmann::json raw;                  // as typed (strings), shaped per kind
    std::optional<std::string> comment;  // present when the form had the comment field
    std::int64_t base_revision = -1;     // the revision the vendor's page showed, -1 when unknown
    bool has_value_field = false;        // the form carried the value (documents never do)
};

// What saving a section did: the answers refused (an invalid value, or changed meanwhile by
// someone else: code "conflict", the stored answer kept) and the response after the save.
struct SectionSaveResult {
    std::map<std::string, Error> refused;       // question id → why
    std::map<std::string, nlohmann::json> typed; // question id → the refused value as typed (to show back)
    size_t saved = 0;                            // answers changed
    ResponseSnapshot snapshot;                   // after the save
};

struct ServiceLimits {
    size_t max_document_bytes = 50u * 1024 * 1024;
    // All the documents of one vendor's response together (its storage quota).
    std::uint64_t max_response_bytes = 500ull * 1024 * 1024;
};

// The documents of a response that answer no question: a manufacturer's MDS2 and SBOM files.
inline constexpr const char* kMds2DocumentSlot = "mds2";
inline constexpr const char* kSbomDocumentSlot = "sbom";

class ResponseService {
public:
    // `clock`: the time every deadline is decided with (tests pass a ManualClock). `mail`: where the
    // e-mails of a submission, a reopening and an answered clarification are queued (none: no e-mail).
    ResponseService(store::Store& store, QuestionnaireProvider& questionnaires, ServiceLimits limits = {},
                    const Clock& clock = system_clock(), MailService* mail = nullptr)
        : store_(store), questionnaires_(questionnaires), limits_(limits), clock_(clock), mail_(mail) {}

    Result<ResponseSnapshot> load(Id response_id);
    // Why the vendor cannot change the response now (as `load` tells it), from its rows alone.
    ResponseLock lock_now(const Acquisition& acquisition, const VendorResponse& response) const {
        return response_lock(acquisition, response, clock_.now_utc_seconds());
    }
    // The response row alone (no answers): "not_found", or "storage".
    Result<VendorResponse> find(Id response_id) { return store_.responses.find(response_id); }
    // The response a secret invitation link opens (its SHA-256 is what is stored): "not_found" for
    // a link that was never issued, replaced or revoked.
    Result<VendorResponse> find_by_invitation_token(const std::string& token);
    // A stored document by id (any response's: the caller checks it may see it).
    Result<StoredDocument> find_document(Id document_id) { return store_.documents.find(document_id); }
    // A document's content, whole (checked before it is returned) or piece by piece (checked at
    // the end): "not_found" when missing, "storage" when altered.
    Result<std::string> read_document_bytes(const StoredDocument& document) { return store_.documents.read_bytes(document); }
    Result<store::DocumentStream> open_document_stream(const StoredDocument& document) {
        return store_.documents.open_stream(document);
    }
    // The same, from a response row just read (saves reading it again on a page view).
    Result<ResponseSnapshot> load(VendorResponse response);
    // The same with its purchase also read already for this request.
    Result<ResponseSnapshot> load(VendorResponse response, Acquisition acquisition);

    // Every change below (answers, sections, documents, clarifications, submission, and the XLSX
    // import through XlsxImportService) is refused while the response is locked (core/response_lock):
    // "submitted", "deadline_passed" (payload "deadline": the one that holds, and "deadline_text"),
    // "purchase_closed" (a draft or closed purchase), "archived", "forbidden" (a withdrawn vendor).
    // A submission after the purchase's own deadline (possible through an extension) is stored late.
    Result<void> check_changes_allowed(const ResponseSnapshot& snapshot, bool ignore_submitted = false) const;
    // The response an import (Excel, MDS2, SBOM) is about to change: "submitted" ("the import is
    // refused") or the other locks of check_changes_allowed.
    Result<ResponseSnapshot> load_for_import(Id response_id);

    // Error codes: "not_found" (unknown question), "submitted" (read-only), "invalid_value"
    // (messages fr/en), "conflict" (someone saved since base_revision; -1 skips the check; payload
    // "current": the stored answer). `comment` absent: the stored comment is kept. `raw` absent:
    // null, except on a document question, where it keeps the stored value. A document question
    // takes no file here (add_document): only {"unavailable": reason} — refused ("invalid_value")
    // while files are uploaded — or null, which withdraws that statement.
    Result<SaveAnswerResult> save_answer(Id response_id, const std::string& question_id,
                                         const std::optional<nlohmann::json>& raw,
                                         const std::optional<std::string>& comment, std::int64_t base_revision,
                                         const Actor& actor);
    // The same, for a response and its purchase already read for this request (the vendor's link
    // check reads both): they are not read again.
    Result<SaveAnswerResult> save_answer(VendorResponse response, Acquisition acquisition, const std::string& question_id,
                                         const std::optional<nlohmann::json>& raw,
                                         const std::optional<std::string>& comment, std::int64_t base_revision,
                                         const Actor& actor);

    // Saves what a section form posted, in ONE transaction: every valid, changed answer of the
    // section (unchanged ones are not written); invalid values and answers changed by someone else
    // since their base revision are refused one by one (SectionSaveResult::refused) while the
    // others are saved. Errors: "not_found" (unknown section), "submitted".
    Result<SectionSaveResult> save_section(Id response_id, const std::string& section_id,
                                           const std::map<std::string, PostedAnswer>& posted, const Actor& actor);

    // Error codes: "not_found", "submitted", "invalid_value" (not a document question, empty or
    // disallowed type), "too_large".
    Result<StoredDocument> add_document(Id response_id, const std::string& question_id, const std::string& file_name,
                                        const std::string& bytes, const Actor& actor);
    Result<void> delete_document(Id response_id, Id document_id, const Actor& actor);
    // A manufacturer's document kept with the response, not an answer: its MDS2 or SBOM file
    // (`slot` "mds2" / "sbom", in place of a question id; kManufacturerDocumentSlots). The same
    // file twice is kept once. The caller has checked that changes are allowed. "too_large",
    // "invalid_value" (empty, type not accepted).
    Result<StoredDocument> add_manufacturer_document(const ResponseSnapshot& snapshot, const std::string& slot,
                                                     const std::string& file_name, const std::string& bytes,
                                                     const Actor& actor);

    // Clarifications the hospital asked and the vendor has not answered yet (see OpenClarification).
    Result<std::vector<OpenClarification>> open_clarifications(Id response_id);
    // The vendor answers one open clarification, even after submission: `raw` (optional, not for
    // documents) replaces the value, `explanation` (mandatory) becomes the answer's comment, and
    // the clarification is marked answered (a review "answered" by the vendor). Every other answer
    // stays locked. Errors: "not_found" (no open clarification on this question), "invalid_value".
    Result<void> answer_clarification(Id response_id, const std::string& question_id,
                                      const std::optional<nlohmann::json>& raw, const std::string& explanation,
                                      const Actor& actor);

    // "incomplete" when required answers are missing (payload "missing_required": their ids),
    // "submitted" when already.
    Result<void> submit(Id response_id, const Actor& actor);
    Result<void> reopen(Id response_id, const Actor& actor);

    const ServiceLimits& limits() const { return limits_; }
    const Clock& clock() const { return clock_; }

private:
    void keep(const ResponseSnapshot& snapshot);  // in snapshots_, when exact
    Result<SaveAnswerResult> save_answer_on(ResponseSnapshot before, const std::string& question_id,
                                            const std::optional<nlohmann::json>& raw,
                                            const std::optional<std::string>& comment, std::int64_t base_revision,
                                            const Actor& actor);
    // The upload limit and the response's storage quota (every document together): "too_large".
    Result<void> check_document_room(const ResponseSnapshot& snapshot, const std::string& bytes) const;

    store::Store& store_;
    QuestionnaireProvider& questionnaires_;
    ServiceLimits limits_;
    const Clock& clock_;
    MailService* mail_ = nullptr;
    // The last responses loaded or saved, by revision: a vendor saving again is not read again.
    ResponseSnapshotCache snapshots_{1024};
};

}  // namespace cyberachat::services
