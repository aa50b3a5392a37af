// Vendors' responses and their answers. The repository does not look at a response's status
// when saving answers: refusing changes to a submitted response is the web layer's decision.
#include "core/deadline.hpp"
#include <array>

#include "store/internal.hpp"
#include "store/prepared_queries.hpp"
#include "store/repositories.hpp"

namespace cyberachat::store {

namespace {

constexpr const char* kResponseColumns =
    "id, acquisition_id, company, contact_name, email, language, status, submitted_at, invite_token_hash, "
    "invited_at, created_at, updated_at, deadline, submitted_late, withdrawn_at, reopened_at, opened_at, company_key, revision";
constexpr const char* kRevisionQuery = "SELECT revision FROM responses WHERE id = :id";
constexpr const char* kAnswerColumns = "response_id, question_id, value_json, comment, revision, updated_at, updated_by, source";

struct ResponseRow {
    long long id = 0, acquisition_id = 0;
    std::string company, contact_name, email, language, status, submitted_at;
    std::string invite_token_hash;
    soci::indicator invite_token_ind = soci::i_null;
    std::string invited_at, created_at, updated_at, deadline;
    int submitted_late = 0;
    std::string withdrawn_at, reopened_at, opened_at, company_key;
    long long revision = 0;

    void bind(soci::details::prepare_temp_type& p) {
        p, soci::into(id), soci::into(acquisition_id), soci::into(company), soci::into(contact_name),
            soci::into(email), soci::into(language), soci::into(status), soci::into(submitted_at),
            soci::into(invite_token_hash, invite_token_ind), soci::into(invited_at), soci::into(created_at),
            soci::into(updated_at), soci::into(deadline), soci::into(submitted_late), soci::into(withdrawn_at),
            soci::into(reopened_at), soci::into(opened_at), soci::into(company_key), soci::into(revision);
    }
    VendorResponse to_response() const {
        VendorResponse r;
        r.id = id;
        r.acquisition_id = acquisition_id;
        r.company = company;
        r.contact_name = contact_name;
        r.email = email;
        r.language = language;
        r.status = status == "submitted" ? ResponseStatus::submitted : ResponseStatus::draft;
        r.submitted_at = submitted_at;
        r.invite_token_hash = invite_token_ind == soci::i_ok ? invite_token_hash : std::string();
        r.invited_at = invited_at;
        r.created_at = created_at;
        r.updated_at = updated_at;
        r.deadline = deadline;
        r.submitted_late = submitted_late != 0;
        r.withdrawn_at = withdrawn_at;
        r.reopened_at = reopened_at;
        r.opened_at = opened_at;
        r.company_key = company_key;
        r.revision = revision;
        return r;
    }
};

struct AnswerRow {
    long long response_id = 0;
    std::string question_id, value_json, comment;
    long long revision = 0;
    std::string updated_at, updated_by, source;

    void bind(soci::details::prepare_temp_type& p) {
        p, soci::into(response_id), soci::into(question_id), soci::into(value_json), soci::into(comment),
            soci::into(revision), soci::into(updated_at), soci::into(updated_by), soci::into(source);
    }
    StoredAnswer to_answer() const {
        StoredAnswer a;
        a.response_id = response_id;
        a.question_id = question_id;
        a.value = nlohmann::json::parse(value_json, nullptr, /*allow_exceptions=*/false);
        if (a.value.is_discarded()) a.value = nullptr;
        a.comment = comment;
        a.revision = revision;
        a.updated_at = updated_at;
        a.updated_by = updated_by;
        a.source = source;
        return a;
    }
};

template <typename Key>
std::optional<VendorResponse> find_response_where(soci::session& sql, const std::string& where, const Key& key) {
    std::optional<VendorResponse> out;
    detail::select_rows<ResponseRow>(
        sql, std::string("SELECT ") + kResponseColumns + " FROM responses WHERE " + where, key,
        [&](const ResponseRow& row) { out = row.to_response(); }, true);
    return out;
}

std::optional<StoredAnswer> find_answer(soci::session& sql, long long response_id, const std::string& question_id) {
    auto found = detail::query_prepared_row<long long, std::string, std::string, std::string, long long, std::string,
                                            std::string, std::string>(
        sql, std::string("SELECT ") + kAnswerColumns + " FROM answers WHERE response_id = :response_id AND question_id = :question_id",
        std::tuple<long long, std::string>{response_id, question_id});
    if (!found) return std::nullopt;
    AnswerRow row;
    std::tie(row.response_id, row.question_id, row.value_json, row.comment, row.revision, row.updated_at, row.updated_by,
             row.source) = *found;
    return row.to_answer();
}

std::string dump(const nlohmann::json& value) { return value.dump(); }  // throws on invalid UTF-8

Result<void> set_status(soci::session& sql, Id id, ResponseStatus from, ResponseStatus to, const std::string& action,
                        const Actor& actor, bool late) {
    auto current = find_response_where(sql, "id = :id", static_cast<long long>(id));
    if (!current) return detail::not_found("Réponse", "Response");
    if (current->status != from) {
        if (to == ResponseStatus::submitted)
            return detail::conflict("Cette réponse est déjà transmise.", "This response was already submitted.");
        return detail::conflict("Cette réponse n'est pas transmise.", "This response is not submitted.");
    }
    const std::string now = now_iso();
    const std::string status(response_status_name(to));
    const std::string submitted_at = to == ResponseStatus::submitted ? now : std::string();
    long long key = id;
    const int late_flag = to == ResponseStatus::submitted && late ? 1 : 0;
    if (to == ResponseStatus::draft) {
        sql << "UPDATE responses SET status = :status, submitted_at = :submitted_at, updated_at = :updated_at, "
               "submitted_late = 0, reopened_at = :reopened_at WHERE id = :id",
            soci::use(status), soci::use(submitted_at), soci::use(now), soci::use(now), soci::use(key);
    } else {
        sql << "UPDATE responses SET status = :status, submitted_at = :submitted_at, updated_at = :updated_at, "
               "submitted_late = :late WHERE id = :id",
            soci::use(status), soci::use(submitted_at), soci::use(now), soci::use(late_flag), soci::use(key);
    }
    detail::append_event(sql, actor, "response", id, action, "status",
                         detail::json_text(response_status_name(from)), detail::json_text(late_flag ? "late" : status));
    return {};
}

// Saves one answer on `sql`, inside the caller's transaction (see ResponseRepository::save_answer).
Result<void> save_answer_in(soci::session& sql, Id response_id, const std::string& question_id,
                            const nlohmann::json& value, const std::string& value_json, const std::string& comment,
                            std::int64_t base_revision, const Actor& actor, SavedAnswer& saved,
                            const std::string& source = {}) {
    long long key = response_id;
    const auto revision_before = detail::query_prepared_value<long long>(sql, kRevisionQuery, key);
    if (!revision_before) return detail::not_found("Réponse", "Response");
    saved.response_revision_before = saved.response_revision_after = *revision_before;
    auto current = find_answer(sql, key, question_id);
    StoredAnswer before;
    if (current) {
        before = *current;
    } else {
        before.response_id = response_id;
        before.question_id = question_id;
        before.value = nullptr;
    }
    if (before.value == value && before.comment == comment) {
        saved.answer = before;
        saved.changed = false;
        return {};
    }
    if (base_revision >= 0 && base_revision != before.revision) {
        saved.answer = before;
        saved.conflicted = true;
        return detail::conflict(
                   "Cette réponse a été modifiée entre-temps par une autre personne.",
                   "This answer was changed meanwhile by someone else.")
            .with_payload({{"current", {{"question_id", question_id},
                                        {"value", before.value},
                                        {"comment", before.comment},
                                        {"revision", before.revision},
                                        {"updated_at", before.updated_at}}}});
    }

    StoredAnswer after = before;
    after.value = value;
    after.comment = comment;
    after.revision = before.revision + 1;
    after.updated_at = now_iso();
    after.updated_by = actor.name;
    // A new value says where it came from (nothing: typed); a comment alone keeps the value's origin.
    if (!source.empty() || before.value != value) after.source = source;
    long long revision = after.revision;
    if (current) {
        detail::execute_prepared(sql,
                                 "UPDATE answers SET value_json = :value_json, comment = :comment, revision = :revision, "
                                 "updated_at = :updated_at, updated_by = :updated_by, source = :source "
                                 "WHERE response_id = :response_id AND question_id = :question_id",
                                 value_json, after.comment, revision, after.updated_at, after.updated_by, after.source, key,
                                 question_id);
    } else {
        detail::insert_answer(sql, after, value_json);
    }
    detail::execute_prepared(sql, "UPDATE responses SET updated_at = :updated_at WHERE id = :id", after.updated_at, key);
    // The journal: the value (old → new, JSON) and, separately, the comment.
    if (before.value != value)
        detail::append_event(sql, actor, "answer", response_id, current ? "update" : "create", question_id,
                             current ? dump(before.value) : std::string(), value_json);
    if (before.comment != comment)
        detail::append_event(sql, actor, "answer", response_id, "comment", question_id,
                             current ? detail::json_text(before.comment) : std::string(),
                             detail::json_text(comment));
    saved.answer = after;
    saved.changed = true;
    saved.response_revision_after = detail::query_prepared_value<long long>(sql, kRevisionQuery, key).value_or(-1);
    return {};
}

}  // namespace

namespace detail {

std::optional<Error> normalize_response(VendorResponse& response) {
    response.company = std::string(trim(response.company));
    response.contact_name = std::string(trim(response.contact_name));
    response.email = lower_ascii(trim(response.email));
    if (response.company.empty()) return invalid("Le nom de l'entreprise est obligatoire.", "The company name is required.");
    if (response.language.empty()) response.language = "fr";
    if (response.language != "fr" && response.language != "en") return invalid("Langue inconnue.", "Unknown language.");
    return std::nullopt;
}

Id insert_response(soci::session& sql, const VendorResponse& response) {
    long long acquisition = response.acquisition_id;
    const std::string status(response_status_name(response.status));
    soci::indicator token_ind = response.invite_token_hash.empty() ? soci::i_null : soci::i_ok;
    long long id = 0;
    const int late = response.submitted_late ? 1 : 0;
    sql << "INSERT INTO responses (acquisition_id, company, contact_name, email, language, status, submitted_at, "
           "invite_token_hash, invited_at, created_at, updated_at, deadline, submitted_late, withdrawn_at, reopened_at, "
           "opened_at, company_key) VALUES (:acquisition_id, :company, :contact_name, :email, :language, :status, :submitted_at, "
           ":invite_token_hash, :invited_at, :created_at, :updated_at, :deadline, :submitted_late, :withdrawn_at, "
           ":reopened_at, :opened_at, :company_key) RETURNING id",
        soci::use(acquisition), soci::use(response.company), soci::use(response.contact_name),
        soci::use(response.email), soci::use(response.language), soci::use(status), soci::use(response.submitted_at),
        soci::use(response.invite_token_hash, token_ind), soci::use(response.invited_at),
        soci::use(response.created_at), soci::use(response.updated_at), soci::use(response.deadline), soci::use(late),
        soci::use(response.withdrawn_at), soci::use(response.reopened_at), soci::use(response.opened_at),
        soci::use(response.company_key), soci::into(id);
    return id;
}

void insert_answer(soci::session& sql, const StoredAnswer& answer, const std::string& value_json) {
    const long long response = answer.response_id;
    const long long revision = answer.revision;
    execute_prepared(sql,
                     "INSERT INTO answers (response_id, question_id, value_json, comment, revision, updated_at, "
                     "updated_by, source) VALUES (:response_id, :question_id, :value_json, :comment, :revision, :updated_at, "
                     ":updated_by, :source)",
                     response, answer.question_id, value_json, answer.comment, revision, answer.updated_at,
                     answer.updated_by, answer.source);
}

}  // namespace detail

Result<VendorResponse> ResponseRepository::create(const VendorResponse& response, const Actor& actor) {
    VendorResponse stored = response;
    if (auto error = detail::normalize_response(stored)) return *error;
    // A response starts as a draft, whatever the caller passed.
    stored.status = ResponseStatus::draft;
    stored.submitted_at.clear();
    stored.submitted_late = false;
    stored.withdrawn_at.clear();
    stored.reopened_at.clear();
    stored.opened_at.clear();
    if (!stored.deadline.empty() && !valid_deadline(stored.deadline))
        return detail::invalid("Date limite invalide.", "Invalid deadline.");
    stored.created_at = stored.updated_at = now_iso();
    if (!stored.invite_token_hash.empty() && stored.invited_at.empty()) stored.invited_at = stored.created_at;
    auto written = db_->write([&](soci::session& sql) -> Result<void> {
        long long acquisition = stored.acquisition_id;
        if (!detail::exists(sql, "SELECT 1 FROM acquisitions WHERE id = :id", soci::use(acquisition)))
            return detail::not_found("Achat", "Purchase");
        if (!stored.invite_token_hash.empty() &&
            detail::exists(sql, "SELECT 1 FROM responses WHERE invite_token_hash = :hash",
                           soci::use(stored.invite_token_hash)))
            return detail::conflict("Ce lien d'invitation existe déjà.", "This invitation link exists already.");
        stored.id = detail::insert_response(sql, stored);
        const nlohmann::json shown = {{"acquisition_id", stored.acquisition_id},
                                      {"company", stored.company},
                                      {"contact_name", stored.contact_name},
                                      {"email", stored.email},
                                      {"language", stored.language}};
        detail::append_event(sql, actor, "response", stored.id, "create", {}, {}, shown.dump());
        return {};
    });
    if (!written) return written.error();
    return stored;
}

Result<VendorResponse> ResponseRepository::find(Id id) {
    std::optional<VendorResponse> out;
    TRY(db_->read([&](soci::session& sql) { out = find_response_where(sql, "id = :id", static_cast<long long>(id)); }));
    if (!out) return detail::not_found("Réponse", "Response");
    return std::move(*out);
}

Result<VendorResponse> ResponseRepository::find_by_token_hash(const std::string& token_hash) {
    std::optional<VendorResponse> out;
    if (token_hash.empty()) return detail::not_found("Réponse", "Response");  // a revoked link has no hash: nothing matches ""
    TRY(db_->read([&](soci::session& sql) { out = find_response_where(sql, "invite_token_hash = :hash", token_hash); }));
    if (!out) return detail::not_found("Réponse", "Response");
    return std::move(*out);
}

Result<std::int64_t> ResponseRepository::revision(Id id) {
    std::optional<long long> found;
    const long long key = id;
    TRY(db_->read([&](soci::session& sql) { found = detail::query_prepared_value<long long>(sql, kRevisionQuery, key); }));
    if (!found) return detail::not_found("Réponse", "Response");
    return static_cast<std::int64_t>(*found);
}

Result<std::vector<VendorResponse>> ResponseRepository::list_for_company(const std::string& company_key) {
    std::vector<VendorResponse> out;
    if (company_key.empty()) return out;  // not linked: no other response is its company's
    TRY(db_->read([&](soci::session& sql) {
        ResponseRow row;
        soci::details::prepare_temp_type p = sql.prepare << "SELECT " << kResponseColumns
                                                         << " FROM responses WHERE company_key = :key ORDER BY id";
        row.bind(p);
        p, soci::use(company_key);
        soci::statement st(p);
        st.execute();
        while (st.fetch()) out.push_back(row.to_response());
    }));
    return out;
}

Result<std::vector<VendorResponse>> ResponseRepository::list_for(Id acquisition_id) {
    std::vector<VendorResponse> out;
    TRY(db_->read([&](soci::session& sql) {
        ResponseRow row;
        long long acquisition = acquisition_id;
        soci::details::prepare_temp_type p = sql.prepare << "SELECT " << kResponseColumns
                                                         << " FROM responses WHERE acquisition_id = :id ORDER BY id";
        row.bind(p);
        p, soci::use(acquisition);
        soci::statement st(p);
        st.execute();
        while (st.fetch()) out.push_back(row.to_response());
    }));
    return out;
}

Result<void> ResponseRepository::set_invite_token_hash(Id id, const std::string& token_hash,
                                                       const Actor& actor) {
    return db_->write([&](soci::session& sql) -> Result<void> {
        long long key = id;
        if (!detail::exists(sql, "SELECT 1 FROM responses WHERE id = :id", soci::use(key)))
            return detail::not_found("Réponse", "Response");
        if (!token_hash.empty() &&
            detail::exists(sql, "SELECT 1 FROM responses WHERE invite_token_hash = :hash AND id <> :id",
                           soci::use(token_hash), soci::use(key)))
            return detail::conflict("Ce lien d'invitation existe déjà.", "This invitation link exists already.");
        const std::string now = now_iso();
        soci::indicator token_ind = token_hash.empty() ? soci::i_null : soci::i_ok;
        if (token_hash.empty()) {
            sql << "UPDATE responses SET invite_token_hash = :hash, updated_at = :now WHERE id = :id",
                soci::use(token_hash, token_ind), soci::use(now), soci::use(key);
        } else {
            sql << "UPDATE responses SET invite_token_hash = :hash, invited_at = :now, updated_at = :now2 "
                   "WHERE id = :id",
                soci::use(token_hash, token_ind), soci::use(now), soci::use(now), soci::use(key);
        }
        // The hash itself is a secret's fingerprint: the journal only says what happened.
        detail::append_event(sql, actor, "response", id, token_hash.empty() ? "revoke_link" : "regenerate_link",
                             "invite_link");
        return {};
    });
}

Result<void> ResponseRepository::submit(Id id, const Actor& actor, bool late) {
    return db_->write([&](soci::session& sql) {
        return set_status(sql, id, ResponseStatus::draft, ResponseStatus::submitted, "submit", actor, late);
    });
}

Result<void> ResponseRepository::reopen(Id id, const Actor& actor) {
    return db_->write([&](soci::session& sql) {
        return set_status(sql, id, ResponseStatus::submitted, ResponseStatus::draft, "reopen", actor, false);
    });
}

Result<VendorResponse> ResponseRepository::mark_opened(Id id) {
    std::optional<VendorResponse> stored;
    auto written = db_->write([&](soci::session& sql) -> Result<void> {
        const std::string now = now_iso_millis();
        long long key = id;
        sql << "UPDATE responses SET opened_at = :now WHERE id = :id AND opened_at = ''", soci::use(now), soci::use(key);
        stored = find_response_where(sql, "id = :id", key);
        if (!stored) return detail::not_found("Réponse", "Response");
        return {};
    });
    if (!written) return written.error();
    return std::move(*stored);
}

Result<VendorResponse> ResponseRepository::update_vendor(const VendorResponse& changed, const Actor& actor) {
    VendorResponse wanted = changed;
    if (auto error = detail::normalize_response(wanted)) return *error;
    VendorResponse stored;
    auto written = db_->write([&](soci::session& sql) -> Result<void> {
        auto current = find_response_where(sql, "id = :id", static_cast<long long>(wanted.id));
        if (!current) return detail::not_found("Réponse", "Response");
        stored = *current;
        struct Field {
            const char* name;
            std::string VendorResponse::*member;
        };
        static constexpr std::array<Field, 4> fields = {{{"company", &VendorResponse::company},
                                                         {"contact_name", &VendorResponse::contact_name},
                                                         {"email", &VendorResponse::email},
                                                         {"language", &VendorResponse::language}}};
        bool changed_any = false;
        for (const Field& field : fields) {
            if (stored.*field.member == wanted.*field.member) continue;
            detail::append_event(sql, actor, "response", stored.id, "update", field.name,
                                 detail::json_text(stored.*field.member), detail::json_text(wanted.*field.member));
            stored.*field.member = wanted.*field.member;
            changed_any = true;
        }
        if (!changed_any) return {};
        stored.updated_at = now_iso();
        long long key = stored.id;
        sql << "UPDATE responses SET company = :company, contact_name = :contact_name, email = :email, "
               "language = :language, updated_at = :updated_at WHERE id = :id",
            soci::use(stored.company), soci::use(stored.contact_name), soci::use(stored.email),
            soci::use(stored.language), soci::use(stored.updated_at), soci::use(key);
        return {};
    });
    if (!written) return written.error();
    return stored;
}

Result<VendorResponse> ResponseRepository::set_withdrawn(Id id, bool withdrawn, const std::string& reason,
                                                        const Actor& actor) {
    VendorResponse stored;
    auto written = db_->write([&](soci::session& sql) -> Result<void> {
        auto current = find_response_where(sql, "id = :id", static_cast<long long>(id));
        if (!current) return detail::not_found("Réponse", "Response");
        stored = *current;
        if (withdrawn == !stored.withdrawn_at.empty())
            return withdrawn ? detail::conflict("Ce fournisseur est déjà retiré.", "This vendor is already withdrawn.")
                             : detail::conflict("Ce fournisseur n'est pas retiré.", "This vendor is not withdrawn.");
        const std::string now = now_iso();
        stored.withdrawn_at = withdrawn ? now : std::string();
        stored.updated_at = now;
        long long key = id;
        sql << "UPDATE responses SET withdrawn_at = :withdrawn_at, updated_at = :updated_at WHERE id = :id",
            soci::use(stored.withdrawn_at), soci::use(stored.updated_at), soci::use(key);
        detail::append_event(sql, actor, "response", id, withdrawn ? "withdraw" : "restore", "withdrawn_at", {},
                             nlohmann::json{{"reason", reason}}.dump());
        return {};
    });
    if (!written) return written.error();
    return stored;
}

Result<VendorResponse> ResponseRepository::set_deadline(Id id, const std::string& deadline, const std::string& reason,
                                                       const Actor& actor) {
    if (!deadline.empty() && !valid_deadline(deadline)) return detail::invalid_deadline();
    VendorResponse stored;
    auto written = db_->write([&](soci::session& sql) -> Result<void> {
        auto current = find_response_where(sql, "id = :id", static_cast<long long>(id));
        if (!current) return detail::not_found("Réponse", "Response");
        stored = *current;
        detail::write_deadline_extension(sql, "responses", "response", id, stored.deadline, stored.updated_at, deadline,
                                         reason, actor);
        return {};
    });
    if (!written) return written.error();
    return stored;
}

Result<std::vector<StoredAnswer>> ResponseRepository::answers(Id response_id) {
    std::vector<StoredAnswer> out;
    TRY(db_->read([&](soci::session& sql) {
        detail::select_rows<AnswerRow>(
            sql, std::string("SELECT ") + kAnswerColumns + " FROM answers WHERE response_id = :response_id ORDER BY question_id",
            static_cast<long long>(response_id), [&](const AnswerRow& row) { out.push_back(row.to_answer()); });
    }));
    return out;
}

Result<StoredAnswer> ResponseRepository::answer(Id response_id, const std::string& question_id) {
    std::optional<StoredAnswer> out;
    TRY(db_->read([&](soci::session& sql) { out = find_answer(sql, response_id, question_id); }));
    if (!out) return detail::not_found("Réponse à cette question", "Answer to this question");
    return std::move(*out);
}

Result<SavedAnswer> ResponseRepository::save_answer(Id response_id, const std::string& question_id,
                                                    const nlohmann::json& value, const std::string& comment,
                                                    std::int64_t base_revision, const Actor& actor) {
    if (question_id.empty()) return detail::invalid("Question non précisée.", "Missing question.");
    std::string value_json;
    try {
        value_json = dump(value);
    } catch (const std::exception&) {
        return detail::invalid("Valeur illisible (UTF-8 invalide).", "Unreadable value (invalid UTF-8).");
    }
    SavedAnswer saved;
    auto written = db_->write([&](soci::session& sql) {
        return save_answer_in(sql, response_id, question_id, value, value_json, comment, base_revision, actor, saved);
    });
    if (!written) return written.error();
    return saved;
}

Result<std::vector<SavedAnswer>> ResponseRepository::save_answers(Id response_id, const std::vector<AnswerChange>& changes,
                                                                  const std::string& action, const nlohmann::json& summary,
                                                                  const Actor& actor, OnConflict on_conflict) {
    std::vector<std::string> value_jsons;
    for (const auto& change : changes) {
        if (change.question_id.empty()) return detail::invalid("Question non précisée.", "Missing question.");
        try {
            value_jsons.push_back(dump(change.value));
        } catch (const std::exception&) {
            return detail::invalid("Valeur illisible (UTF-8 invalide).", "Unreadable value (invalid UTF-8).");
        }
    }
    std::vector<SavedAnswer> out;
    auto written = db_->write([&](soci::session& sql) -> Result<void> {
        out.clear();
        long long key = response_id;
        if (!detail::exists(sql, "SELECT 1 FROM responses WHERE id = :id", soci::use(key)))
            return detail::not_found("Réponse", "Response");
        for (size_t i = 0; i < changes.size(); ++i) {
            SavedAnswer saved;
            auto one = save_answer_in(sql, response_id, changes[i].question_id, changes[i].value, value_jsons[i],
                                      changes[i].comment, changes[i].base_revision, actor, saved, changes[i].source);
            if (!one && !(saved.conflicted && on_conflict == OnConflict::keep_stored)) return one.error();
            out.push_back(std::move(saved));
        }
        if (!action.empty()) detail::append_event(sql, actor, "response", response_id, action, {}, {}, summary.dump());
        return {};
    });
    if (!written) return written.error();
    return out;
}

}  // namespace cyberachat::store
