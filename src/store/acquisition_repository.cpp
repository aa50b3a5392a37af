// Purchases. Their questionnaire version and creator are fixed at creation; update() changes
// the descriptive fields and the status, one journal event per changed field.
#include <array>
#include <cctype>

#include "store/internal.hpp"
#include "store/prepared_queries.hpp"
#include "store/repositories.hpp"

namespace cyberachat::store {

namespace {

constexpr const char* kAcquisitionColumns =
    "id, title, equipment, service, reference, deadline, notes, questionnaire_version_id, status, created_by, "
    "created_at, updated_at";

struct AcquisitionRow {
    long long id = 0;
    std::string title, equipment, service, reference, deadline, notes;
    long long questionnaire_version_id = 0;
    soci::indicator questionnaire_version_ind = soci::i_null;
    std::string status;
    long long created_by = 0;
    soci::indicator created_by_ind = soci::i_null;
    std::string created_at, updated_at;

    void bind(soci::details::prepare_temp_type& p) {
        p, soci::into(id), soci::into(title), soci::into(equipment), soci::into(service), soci::into(reference),
            soci::into(deadline), soci::into(notes), soci::into(questionnaire_version_id, questionnaire_version_ind),
            soci::into(status), soci::into(created_by, created_by_ind), soci::into(created_at),
            soci::into(updated_at);
    }
    Acquisition to_acquisition() const {
        Acquisition a;
        a.id = id;
        a.title = title;
        a.equipment = equipment;
        a.service = service;
        a.reference = reference;
        a.deadline = deadline;
        a.notes = notes;
        a.questionnaire_version_id = questionnaire_version_ind == soci::i_ok ? questionnaire_version_id : 0;
        a.status = status;
        a.created_by = created_by_ind == soci::i_ok ? created_by : 0;
        a.created_at = created_at;
        a.updated_at = updated_at;
        return a;
    }
};

std::optional<Acquisition> find_acquisition(soci::session& sql, long long id) {
    std::optional<Acquisition> out;
    detail::select_rows<AcquisitionRow>(
        sql, std::string("SELECT ") + kAcquisitionColumns + " FROM acquisitions WHERE id = :id", id,
        [&](const AcquisitionRow& row) { out = row.to_acquisition(); }, true);
    return out;
}

bool is_date_or_empty(const std::string& text) {
    if (text.empty()) return true;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    return true;
}

nlohmann::json shown(const Acquisition& a) {
    return {{"title", a.title},         {"equipment", a.equipment},
            {"service", a.service},     {"reference", a.reference},
            {"deadline", a.deadline},   {"notes", a.notes},
            {"status", a.status},       {"questionnaire_version_id", a.questionnaire_version_id}};
}

}  // namespace

namespace detail {

std::optional<Error> normalize_acquisition(Acquisition& a) {
    a.title = std::string(trim(a.title));
    a.equipment = std::string(trim(a.equipment));
    a.service = std::string(trim(a.service));
    a.reference = std::string(trim(a.reference));
    a.deadline = std::string(trim(a.deadline));
    if (a.title.empty()) return detail::invalid("Le titre est obligatoire.", "The title is required.");
    if (a.status.empty()) a.status = "open";
    if (a.status != "open" && a.status != "closed")
        return detail::invalid("Statut d'achat inconnu.", "Unknown purchase status.");
    if (!is_date_or_empty(a.deadline))
        return detail::invalid("Date limite invalide (AAAA-MM-JJ).", "Invalid deadline (YYYY-MM-DD).");
    return std::nullopt;
}

Id insert_acquisition(soci::session& sql, const Acquisition& a) {
    long long version = a.questionnaire_version_id;
    soci::indicator version_ind = version != 0 ? soci::i_ok : soci::i_null;
    long long creator = a.created_by;
    soci::indicator creator_ind = creator != 0 ? soci::i_ok : soci::i_null;
    long long id = 0;
    sql << "INSERT INTO acquisitions (title, equipment, service, reference, deadline, notes, "
           "questionnaire_version_id, status, created_by, created_at, updated_at) "
           "VALUES (:title, :equipment, :service, :reference, :deadline, :notes, :questionnaire_version_id, "
           ":status, :created_by, :created_at, :updated_at) RETURNING id",
        soci::use(a.title), soci::use(a.equipment), soci::use(a.service), soci::use(a.reference),
        soci::use(a.deadline), soci::use(a.notes), soci::use(version, version_ind), soci::use(a.status),
        soci::use(creator, creator_ind), soci::use(a.created_at), soci::use(a.updated_at), soci::into(id);
    return id;
}

}  // namespace detail

Result<Acquisition> AcquisitionRepository::create(const Acquisition& acquisition, const Actor& actor) {
    Acquisition stored = acquisition;
    if (auto error = detail::normalize_acquisition(stored)) return *error;
    stored.created_at = stored.updated_at = now_iso();
    auto written = db_->write([&](soci::session& sql) -> Result<void> {
        long long version = stored.questionnaire_version_id;
        if (version != 0 &&
            !detail::exists(sql, "SELECT 1 FROM questionnaire_versions WHERE id = :id", soci::use(version)))
            return detail::not_found("Version de questionnaire", "Questionnaire version");
        long long creator = stored.created_by;
        if (creator != 0 && !detail::exists(sql, "SELECT 1 FROM users WHERE id = :id", soci::use(creator)))
            return detail::not_found("Utilisateur", "User");
        stored.id = detail::insert_acquisition(sql, stored);
        detail::append_event(sql, actor, "acquisition", stored.id, "create", {}, {}, shown(stored).dump());
        // Its creator runs it: the purchase's first lead (an administrator's is left to a team).
        if (creator != 0) {
            std::string creator_role;
            sql << "SELECT role FROM users WHERE id = :id", soci::use(creator), soci::into(creator_role);
            if (creator_role != "admin") detail::insert_member(sql, stored.id, creator, PurchaseRole::lead, actor);
        }
        return {};
    });
    if (!written) return written.error();
    return stored;
}

Result<Acquisition> AcquisitionRepository::update(const Acquisition& acquisition, const Actor& actor) {
    Acquisition wanted = acquisition;
    if (auto error = detail::normalize_acquisition(wanted)) return *error;
    Acquisition stored;
    auto written = db_->write([&](soci::session& sql) -> Result<void> {
        auto current = find_acquisition(sql, wanted.id);
        if (!current) return detail::not_found("Achat", "Purchase");
        stored = *current;
        struct Field {
            const char* name;
            std::string Acquisition::*member;
        };
        static constexpr std::array<Field, 7> fields = {{{"title", &Acquisition::title},
                                                         {"equipment", &Acquisition::equipment},
                                                         {"service", &Acquisition::service},
                                                         {"reference", &Acquisition::reference},
                                                         {"deadline", &Acquisition::deadline},
                                                         {"notes", &Acquisition::notes},
                                                         {"status", &Acquisition::status}}};
        bool changed = false;
        for (const Field& field : fields) {
            const std::string& before = stored.*field.member;
            const std::string& after = wanted.*field.member;
            if (before == after) continue;
            detail::append_event(sql, actor, "acquisition", stored.id, "update", field.name,
                                 detail::json_text(before), detail::json_text(after));
            stored.*field.member = after;
            changed = true;
        }
        if (!changed) return {};
        stored.updated_at = now_iso();
        long long id = stored.id;
        sql << "UPDATE acquisitions SET title = :title, equipment = :equipment, service = :service, "
               "reference = :reference, deadline = :deadline, notes = :notes, status = :status, "
               "updated_at = :updated_at WHERE id = :id",
            soci::use(stored.title), soci::use(stored.equipment), soci::use(stored.service),
            soci::use(stored.reference), soci::use(stored.deadline), soci::use(stored.notes),
            soci::use(stored.status), soci::use(stored.updated_at), soci::use(id);
        return {};
    });
    if (!written) return written.error();
    return stored;
}

Result<Acquisition> AcquisitionRepository::find(Id id) {
    std::optional<Acquisition> out;
    TRY(db_->read([&](soci::session& sql) { out = find_acquisition(sql, id); }));
    if (!out) return detail::not_found("Achat", "Purchase");
    return std::move(*out);
}

Result<std::vector<Acquisition>> AcquisitionRepository::list() {
    std::vector<Acquisition> out;
    TRY(db_->read([&](soci::session& sql) {
        AcquisitionRow row;
        soci::details::prepare_temp_type p = sql.prepare << "SELECT " << kAcquisitionColumns
                                                         << " FROM acquisitions ORDER BY id DESC";
        row.bind(p);
        soci::statement st(p);
        st.execute();
        while (st.fetch()) out.push_back(row.to_acquisition());
    }));
    return out;
}

}  // namespace cyberachat::store
