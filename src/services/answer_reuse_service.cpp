#include "services/answer_reuse_service.hpp"

#include "core/answer_source.hpp"
#include "core/purchase_title.hpp"
#include "core/response_state.hpp"

namespace cyberachat::services {

using json = nlohmann::json;

namespace {

Error not_an_earlier_response() {
    return Error::make(ErrorCode::not_found, "Réponse antérieure introuvable.", "Earlier response not found.");
}

ReuseSide side_of(const ResponseSnapshot& snapshot) {
    ReuseSide side;
    side.questionnaire = snapshot.questionnaire.get();
    for (const auto& [question_id, answer] : snapshot.answers) side.answers[question_id] = Answer{answer.value, answer.comment};
    for (const auto& [question_id, documents] : snapshot.documents)
        if (snapshot.questionnaire->find_question(question_id)) side.documents[question_id] = documents.size();
    return side;
}

}  // namespace

Result<std::vector<VendorResponse>> AnswerReuseService::earlier_rows(Id response_id) {
    TRY_ASSIGN(const auto response, store_.responses.find(response_id));
    TRY_ASSIGN(const auto company, store_.responses.list_for_company(response.company_key));
    std::vector<VendorResponse> out;
    for (auto it = company.rbegin(); it != company.rend(); ++it)
        if (it->id != response.id && is_submitted_state(response_state(*it))) out.push_back(*it);
    return out;
}

Result<size_t> AnswerReuseService::count_earlier_responses(Id response_id) {
    TRY_ASSIGN(const auto rows, earlier_rows(response_id));
    return rows.size();
}

Result<std::vector<EarlierResponse>> AnswerReuseService::earlier_responses(Id response_id, Language language) {
    TRY_ASSIGN(const auto rows, earlier_rows(response_id));
    std::vector<EarlierResponse> out;
    for (const VendorResponse& row : rows) {
        // What the list shows, read alone: the purchase, one answer, the questionnaire's name.
        TRY_ASSIGN(const auto acquisition, store_.acquisitions.find(row.acquisition_id));
        TRY_ASSIGN(const auto version, store_.questionnaires.find(acquisition.questionnaire_version_id));
        EarlierResponse earlier;
        earlier.response_id = row.id;
        earlier.purchase_title = title_for(acquisition, language);
        earlier.reference = acquisition.reference;
        if (auto device = store_.responses.answer(row.id, "dispositif.designation"); device && device->value.is_string())
            earlier.device = device->value.get<std::string>();
        earlier.submitted_at = row.submitted_at;
        earlier.questionnaire = version.questionnaire_id + " " + version.version;
        out.push_back(std::move(earlier));
    }
    return out;
}

Result<ReuseOutcome> AnswerReuseService::reuse(Id response_id, Id earlier_id, bool apply, Language language,
                                               const Actor& actor) {
    TRY_ASSIGN(const auto earlier_list, earlier_responses(response_id, language));
    const EarlierResponse* from = nullptr;
    for (const auto& earlier : earlier_list)
        if (earlier.response_id == earlier_id) from = &earlier;
    if (!from) return not_an_earlier_response();
    TRY_ASSIGN(const auto current, apply ? responses_.load_for_import(response_id) : responses_.load(response_id));
    TRY_ASSIGN(const auto source, responses_.load(earlier_id));
    ReuseOutcome outcome;
    outcome.from = *from;
    outcome.plan = plan_reuse(side_of(source), side_of(current));
    if (!apply) return outcome;

    // The files first (each a new document of this response), then the answers in one transaction.
    std::vector<Id> copied_files;
    auto forget_files = [&] {
        for (Id id : copied_files) (void)store_.documents.remove(id, actor);
    };
    std::vector<store::AnswerChange> changes;
    const std::string origin = answer_source_json({"reuse", "", "", {}, static_cast<long long>(earlier_id)});
    for (const ReuseItem& item : outcome.plan.items) {
        if (item.status != ReuseStatus::copied) continue;
        if (item.documents > 0) {
            for (const StoredDocument& document : source.documents.at(item.question_id)) {
                auto bytes = store_.documents.read_bytes(document);
                auto added = bytes ? responses_.add_document(response_id, item.question_id, document.file_name, *bytes, actor)
                                   : Result<StoredDocument>(bytes.error());
                if (!added) {
                    forget_files();
                    return added.error();
                }
                copied_files.push_back(added->id);
            }
            continue;
        }
        const auto stored = current.answers.find(item.question_id);
        store::AnswerChange change{item.question_id, item.value, item.comment,
                                   stored == current.answers.end() ? 0 : stored->second.revision};
        change.source = origin;
        changes.push_back(std::move(change));
    }
    const json summary = {{"from_response", earlier_id},
                          {"from_purchase", from->purchase_title},
                          {"copied", outcome.plan.count(ReuseStatus::copied)},
                          {"documents", copied_files.size()},
                          {"kept", outcome.plan.count(ReuseStatus::kept)},
                          {"not_carried_over", outcome.plan.count(ReuseStatus::kind_changed) + outcome.plan.count(ReuseStatus::refused) +
                                                   outcome.plan.count(ReuseStatus::gone)}};
    auto saved = store_.responses.save_answers(response_id, changes, "reuse_answers", summary, actor);
    if (!saved) {
        forget_files();
        if (saved.error().code == ErrorCode::conflict)
            return Error::make(ErrorCode::conflict,
                               "Des réponses ont été modifiées pendant la reprise : rien n'a été repris. Recommencez.",
                               "Some answers were changed during the carry-over: nothing was carried over. Start again.");
        return saved.error();
    }
    for (const auto& one : *saved) outcome.saved += one.changed ? 1 : 0;
    outcome.documents = copied_files.size();
    outcome.applied = true;
    return outcome;
}

}  // namespace cyberachat::services
