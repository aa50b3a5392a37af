// The questionnaire library: the versions the hospital added, each with its composed
// questionnaire (a questionnaire_versions row) and its grid. Rows are never changed or deleted.
#include "security/secrets.hpp"
#include "store/internal.hpp"
#include "store/prepared_queries.hpp"
#include "store/repositories.hpp"

namespace cyberachat::store {

namespace {

struct AddedQuestionRow {
    AddedQuestion question;
    void bind(soci::details::prepare_temp_type& p) {
        p, soci::into(question.question_id), soci::into(question.added_at), soci::into(question.added_by);
    }
};

constexpr const char* kLibraryColumns =
    "id, questionnaire_version_id, questionnaire_id, version, kind, base_version_id, title, grid_id, grid_version, "
    "grid_yaml, source, file_name, created_by, created_at";

struct LibraryRow {
    long long id = 0, questionnaire_version_id = 0, base_version_id = 0;
    soci::indicator base_ind = soci::i_null;
    std::string questionnaire_id, version, kind, title, grid_id, grid_version, grid_yaml, source, file_name, created_by,
        created_at;

    void bind(soci::details::prepare_temp_type& p) {
        p, soci::into(id), soci::into(questionnaire_version_id), soci::into(questionnaire_id), soci::into(version),
            soci::into(kind), soci::into(base_version_id, base_ind), soci::into(title), soci::into(grid_id),
            soci::into(grid_version), soci::into(grid_yaml), soci::into(source), soci::into(file_name),
            soci::into(created_by), soci::into(created_at);
    }
    LibraryVersion to_version() const {
        return LibraryVersion{id,      questionnaire_version_id, questionnaire_id, version,   kind,
                              base_ind == soci::i_ok ? base_version_id : 0,
                              title,   grid_id,                  grid_version,     grid_yaml, source,
                              file_name, created_by,             created_at};
    }
};

std::vector<LibraryVersion> select_library(soci::session& sql, const std::string& where, long long key) {
    std::vector<LibraryVersion> out;
    LibraryRow row;
    soci::details::prepare_temp_type p = sql.prepare << "SELECT " << kLibraryColumns << " FROM questionnaire_library "
                                                     << where << " ORDER BY id";
    row.bind(p);
    if (!where.empty()) p, soci::use(key);
    soci::statement st(p);
    st.execute();
    while (st.fetch()) out.push_back(row.to_version());
    return out;
}

// The checks and the row of a new questionnaire version; its id.
Result<long long> insert_new_version(soci::session& sql, const std::string& questionnaire_id, const std::string& version,
                                     const std::string& yaml, const std::string& created_at) {
    if (detail::exists(sql, "SELECT 1 FROM questionnaire_versions WHERE questionnaire_id = :q AND version = :v",
                       soci::use(questionnaire_id), soci::use(version)))
        return detail::conflict("Cette version existe déjà sur cette instance (« " + questionnaire_id + " » " + version +
                                    ") : donnez un nouveau numéro de version à votre fichier.",
                                "This version already exists on this instance ('" + questionnaire_id + "' " + version +
                                    "): give your file a new version number.");
    const std::string sha256 = security::sha256_hex(yaml);
    if (detail::exists(sql, "SELECT 1 FROM questionnaire_versions WHERE sha256 = :sha256", soci::use(sha256)))
        return detail::conflict("Ce questionnaire est déjà dans la bibliothèque, à l'identique.",
                                "This questionnaire is already in the library, identical.");
    long long version_id = 0;
    sql << "INSERT INTO questionnaire_versions (questionnaire_id, version, sha256, yaml, created_at) "
           "VALUES (:questionnaire_id, :version, :sha256, :yaml, :created_at) RETURNING id",
        soci::use(questionnaire_id), soci::use(version), soci::use(sha256), soci::use(yaml), soci::use(created_at),
        soci::into(version_id);
    return version_id;
}

}  // namespace

Result<QuestionnaireVersion> QuestionnaireLibraryRepository::pin_purchase(
    Id acquisition_id, const std::string& questionnaire_id, const std::string& version, const std::string& yaml,
    const std::string& grid_id, const std::string& grid_version, const std::string& grid_yaml, const Actor& actor,
    const std::vector<std::string>& added_question_ids) {
    QuestionnaireVersion out{0, questionnaire_id, version, security::sha256_hex(yaml), yaml, now_iso()};
    auto written = db_->write([&](soci::session& sql) -> Result<void> {
        long long acquisition = acquisition_id;
        long long old_version = 0;
        soci::indicator old_ind = soci::i_null;
        sql << "SELECT questionnaire_version_id FROM acquisitions WHERE id = :id", soci::use(acquisition),
            soci::into(old_version, old_ind);
        if (!sql.got_data()) return detail::not_found("Achat", "Purchase");
        TRY_ASSIGN(out.id, insert_new_version(sql, questionnaire_id, version, yaml, out.created_at));
        long long version_id = out.id;
        sql << "UPDATE acquisitions SET questionnaire_version_id = :v WHERE id = :id", soci::use(version_id),
            soci::use(acquisition);
        sql << "DELETE FROM acquisition_grids WHERE acquisition_id = :id", soci::use(acquisition);
        if (!grid_yaml.empty()) detail::attach_grid(sql, acquisition_id, grid_id, grid_version, grid_yaml, actor, true);
        const std::string added_at = now_iso_millis(), added_by = detail::journal_actor(sql, actor.name);
        for (const auto& question_id : added_question_ids) {
            if (detail::exists(sql, "SELECT 1 FROM acquisition_added_questions WHERE acquisition_id = :a AND question_id = :q",
                               soci::use(acquisition), soci::use(question_id)))
                continue;  // added before, hidden since, added again: it keeps its first time
            sql << "INSERT INTO acquisition_added_questions (acquisition_id, question_id, added_at, added_by) "
                   "VALUES (:a, :q, :at, :by)",
                soci::use(acquisition), soci::use(question_id), soci::use(added_at), soci::use(added_by);
        }
        std::string before;
        if (old_ind == soci::i_ok) {
            std::string old_id, old_number;
            sql << "SELECT questionnaire_id, version FROM questionnaire_versions WHERE id = :id", soci::use(old_version),
                soci::into(old_id), soci::into(old_number);
            before = nlohmann::json({{"questionnaire_id", old_id}, {"version", old_number}}).dump();
        }
        detail::append_event(sql, actor, "acquisition", acquisition_id, "questionnaire", "questionnaire_version", before,
                             nlohmann::json({{"questionnaire_id", questionnaire_id}, {"version", version},
                                             {"sha256", out.sha256}})
                                 .dump());
        return {};
    });
    if (!written) return written.error();
    return out;
}

Result<std::vector<AddedQuestion>> QuestionnaireLibraryRepository::added_questions(Id acquisition_id) {
    std::vector<AddedQuestion> out;
    // Read with every vendor page once the vendor has opened its link: prepared once per connection.
    static const std::string query =
        "SELECT question_id, added_at, added_by FROM acquisition_added_questions "
        "WHERE acquisition_id = :a ORDER BY added_at, question_id";
    TRY(db_->read([&](soci::session& sql) {
        detail::select_rows<AddedQuestionRow>(sql, query, static_cast<long long>(acquisition_id),
                                              [&](const AddedQuestionRow& row) { out.push_back(row.question); });
    }));
    return out;
}

Result<LibraryVersion> QuestionnaireLibraryRepository::add(LibraryVersion entry, const std::string& yaml,
                                                           const Actor& actor) {
    if (entry.questionnaire_id.empty() || entry.version.empty() || yaml.empty() || entry.source.empty())
        return detail::invalid("Questionnaire vide.", "Empty questionnaire.");
    const std::string sha256 = security::sha256_hex(yaml);
    auto written = db_->write([&](soci::session& sql) -> Result<void> {
        entry.created_at = now_iso();
        TRY_ASSIGN(long long version_id, insert_new_version(sql, entry.questionnaire_id, entry.version, yaml, entry.created_at));
        entry.created_by = detail::journal_actor(sql, actor.name);
        entry.questionnaire_version_id = version_id;
        long long base = entry.base_version_id;
        soci::indicator base_ind = base != 0 ? soci::i_ok : soci::i_null;
        long long id = 0;
        sql << "INSERT INTO questionnaire_library (questionnaire_version_id, questionnaire_id, version, kind, "
               "base_version_id, title, grid_id, grid_version, grid_yaml, source, file_name, created_by, created_at) "
               "VALUES (:version_id, :questionnaire_id, :version, :kind, :base, :title, :grid_id, :grid_version, "
               ":grid_yaml, :source, :file_name, :created_by, :created_at) RETURNING id",
            soci::use(version_id), soci::use(entry.questionnaire_id), soci::use(entry.version), soci::use(entry.kind),
            soci::use(base, base_ind), soci::use(entry.title), soci::use(entry.grid_id), soci::use(entry.grid_version),
            soci::use(entry.grid_yaml), soci::use(entry.source), soci::use(entry.file_name), soci::use(entry.created_by),
            soci::use(entry.created_at), soci::into(id);
        entry.id = id;
        const nlohmann::json shown = {{"questionnaire_id", entry.questionnaire_id}, {"version", entry.version},
                                      {"kind", entry.kind},                         {"sha256", sha256},
                                      {"file_name", entry.file_name},               {"grid", !entry.grid_yaml.empty()}};
        detail::append_event(sql, actor, "questionnaire", version_id, "add_version", {}, {}, shown.dump());
        return {};
    });
    if (!written) return written.error();
    return entry;
}

Result<std::vector<LibraryVersion>> QuestionnaireLibraryRepository::list() {
    std::vector<LibraryVersion> out;
    TRY(db_->read([&](soci::session& sql) { out = select_library(sql, "", 0); }));
    return out;
}

Result<LibraryVersion> QuestionnaireLibraryRepository::for_version(Id questionnaire_version_id) {
    std::vector<LibraryVersion> found;
    TRY(db_->read([&](soci::session& sql) {
        found = select_library(sql, "WHERE questionnaire_version_id = :id", static_cast<long long>(questionnaire_version_id));
    }));
    if (found.empty()) return detail::not_found("Version de la bibliothèque", "Library version");
    return std::move(found.front());
}

Result<std::map<Id, std::int64_t>> QuestionnaireLibraryRepository::purchases_by_version() {
    std::map<Id, std::int64_t> out;
    TRY(db_->read([&](soci::session& sql) {
        long long version = 0, count = 0;
        soci::statement st = (sql.prepare << "SELECT questionnaire_version_id, COUNT(*) FROM acquisitions "
                                             "WHERE questionnaire_version_id IS NOT NULL GROUP BY questionnaire_version_id",
                              soci::into(version), soci::into(count));
        st.execute();
        while (st.fetch()) out[version] = count;
    }));
    return out;
}

}  // namespace cyberachat::store
