// Stored questionnaire definitions: each purchase points at the exact text it was created with.
#include "security/secrets.hpp"
#include "store/internal.hpp"
#include "store/repositories.hpp"

namespace cyberachat::store {

namespace {

constexpr const char* kQuestionnaireColumns = "id, questionnaire_id, version, sha256, yaml, created_at";

struct QuestionnaireRow {
    long long id = 0;
    std::string questionnaire_id, version, sha256, yaml, created_at;

    void bind(soci::details::prepare_temp_type& p) {
        p, soci::into(id), soci::into(questionnaire_id), soci::into(version), soci::into(sha256), soci::into(yaml),
            soci::into(created_at);
    }
    QuestionnaireVersion to_version() const {
        return QuestionnaireVersion{id, questionnaire_id, version, sha256, yaml, created_at};
    }
};

template <typename Key>
std::optional<QuestionnaireVersion> find_questionnaire_where(soci::session& sql, const std::string& where, const Key& key) {
    QuestionnaireRow row;
    soci::details::prepare_temp_type p = sql.prepare << "SELECT " << kQuestionnaireColumns << " FROM questionnaire_versions WHERE "
                                                     << where;
    row.bind(p);
    p, soci::use(key);
    soci::statement st(p);
    if (!st.execute(true)) return std::nullopt;
    return row.to_version();
}

}  // namespace

Result<QuestionnaireVersion> QuestionnaireRepository::ensure(const std::string& questionnaire_id,
                                                             const std::string& version, const std::string& yaml) {
    if (questionnaire_id.empty() || yaml.empty())
        return detail::invalid("Questionnaire vide.", "Empty questionnaire.");
    QuestionnaireVersion out;
    out.questionnaire_id = questionnaire_id;
    out.version = version;
    out.yaml = yaml;
    out.sha256 = security::sha256_hex(yaml);
    auto written = db_->write([&](soci::session& sql) -> Result<void> {
        if (auto existing = find_questionnaire_where(sql, "sha256 = :sha256", out.sha256)) {
            out = *existing;
            return {};
        }
        out.created_at = now_iso();
        long long id = 0;
        sql << "INSERT INTO questionnaire_versions (questionnaire_id, version, sha256, yaml, created_at) "
               "VALUES (:questionnaire_id, :version, :sha256, :yaml, :created_at) RETURNING id",
            soci::use(out.questionnaire_id), soci::use(out.version), soci::use(out.sha256), soci::use(out.yaml),
            soci::use(out.created_at), soci::into(id);
        out.id = id;
        const nlohmann::json shown = {
            {"questionnaire_id", out.questionnaire_id}, {"version", out.version}, {"sha256", out.sha256}};
        detail::append_event(sql, Actor("system", Via::system), "questionnaire", out.id, "create", {}, {}, shown.dump());
        return {};
    });
    if (!written) return written.error();
    return out;
}

Result<QuestionnaireVersion> QuestionnaireRepository::find(Id id) {
    std::optional<QuestionnaireVersion> out;
    TRY(db_->read([&](soci::session& sql) { out = find_questionnaire_where(sql, "id = :id", static_cast<long long>(id)); }));
    if (!out) return detail::not_found("Version du questionnaire", "Questionnaire version");
    return std::move(*out);
}

}  // namespace cyberachat::store
