// Purchases. Their questionnaire version and creator are fixed at creation; update() changes
// the descriptive fields and the status, one journal event per changed field; transition() moves
// a purchase along its life, extend_deadline() gives more time, remove() deletes it whole.
#include <array>
#include <cctype>

#include "core/deadline.hpp"
#include "core/end_of_use.hpp"
#include "core/equipment_family.hpp"
#include "core/purchase_lifecycle.hpp"
#include "store/document_bytes.hpp"

#include "store/internal.hpp"
#include "store/prepared_queries.hpp"
#include "store/repositories.hpp"

namespace cyberachat::store {

namespace {

constexpr const char* kAcquisitionColumns =
    "id, title, equipment, service, reference, deadline, notes, questionnaire_version_id, status, created_by, "
    "created_at, updated_at, closed_at, archived_at, title_en, expected_end_of_use, equipment_family";

struct AcquisitionRow {
    long long id = 0;
    std::string title, equipment, service, reference, deadline, notes;
    long long questionnaire_version_id = 0;
    soci::indicator questionnaire_version_ind = soci::i_null;
    std::string status;
    long long created_by = 0;
    soci::indicator created_by_ind = soci::i_null;
    std::string created_at, updated_at, closed_at, archived_at, title_en, expected_end_of_use, equipment_family;

    void bind(soci::details::prepare_temp_type& p) {
        p, soci::into(id), soci::into(title), soci::into(equipment), soci::into(service), soci::into(reference),
            soci::into(deadline), soci::into(notes), soci::into(questionnaire_version_id, questionnaire_version_ind),
            soci::into(status), soci::into(created_by, created_by_ind), soci::into(created_at),
            soci::into(updated_at), soci::into(closed_at), soci::into(archived_at), soci::into(title_en),
            soci::into(expected_end_of_use), soci::into(equipment_family);
    }
    Acquisition to_acquisition() const {
        Acquisition a;
        a.id = id;
        a.title = title;
        a.title_en = title_en;
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
        a.closed_at = closed_at;
        a.archived_at = archived_at;
        a.expected_end_of_use = expected_end_of_use;
        a.equipment_family = equipment_family;
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

nlohmann::json shown(const Acquisition& a) {
    return {{"title", a.title},         {"title_en", a.title_en},
            {"equipment", a.equipment}, {"service", a.service},
            {"reference", a.reference}, {"deadline", a.deadline},
            {"notes", a.notes},         {"status", a.status},
            {"questionnaire_version_id", a.questionnaire_version_id},
            {"expected_end_of_use", a.expected_end_of_use},
            {"equipment_family", a.equipment_family}};
}

}  // namespace

namespace detail {

std::optional<Error> normalize_acquisition(Acquisition& a) {
    a.title = std::string(trim(a.title));
    a.title_en = std::string(trim(a.title_en));
    a.equipment = std::string(trim(a.equipment));
    a.service = std::string(trim(a.service));
    a.reference = std::string(trim(a.reference));
    a.deadline = std::string(trim(a.deadline));
    if (a.title.empty()) return detail::invalid("Le titre est obligatoire.", "The title is required.");
    if (a.status.empty()) a.status = "open";
    if (!parse_purchase_status(a.status)) return detail::invalid("Statut d'achat inconnu.", "Unknown purchase status.");
    if (!a.deadline.empty() && !valid_deadline(a.deadline)) return detail::invalid_deadline();
    a.expected_end_of_use = std::string(trim(a.expected_end_of_use));
    if (!a.expected_end_of_use.empty() && !valid_end_of_use(a.expected_end_of_use))
        return detail::invalid("Date de fin d'utilisation prévue invalide (AAAA-MM-JJ, entre 2000 et 2100).",
                               "Invalid expected end of use (YYYY-MM-DD, between 2000 and 2100).");
    a.equipment_family = std::string(trim(a.equipment_family));
    if (!valid_equipment_family(a.equipment_family))
        return detail::invalid("Famille d'équipement inconnue : « " + a.equipment_family + " ».",
                               "Unknown equipment family: " + a.equipment_family + ".");
    return std::nullopt;
}

Id insert_acquisition(soci::session& sql, const Acquisition& a) {
    long long version = a.questionnaire_version_id;
    soci::indicator version_ind = version != 0 ? soci::i_ok : soci::i_null;
    long long creator = a.created_by;
    soci::indicator creator_ind = creator != 0 ? soci::i_ok : soci::i_null;
    long long id = 0;
    sql << "INSERT INTO acquisitions (title, title_en, equipment, service, reference, deadline, notes, "
           "questionnaire_version_id, status, created_by, created_at, updated_at, closed_at, archived_at, expected_end_of_use, equipment_family) "
           "VALUES (:title, :title_en, :equipment, :service, :reference, :deadline, :notes, :questionnaire_version_id, "
           ":status, :created_by, :created_at, :updated_at, :closed_at, :archived_at, :expected_end_of_use, :equipment_family) RETURNING id",
        soci::use(a.title), soci::use(a.title_en), soci::use(a.equipment), soci::use(a.service), soci::use(a.reference),
        soci::use(a.deadline), soci::use(a.notes), soci::use(version, version_ind), soci::use(a.status),
        soci::use(creator, creator_ind), soci::use(a.created_at), soci::use(a.updated_at), soci::use(a.closed_at),
        soci::use(a.archived_at), soci::use(a.expected_end_of_use), soci::use(a.equipment_family), soci::into(id);
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
        static constexpr std::array<Field, 10> fields = {{{"title", &Acquisition::title},
                                                         {"title_en", &Acquisition::title_en},
                                                         {"equipment", &Acquisition::equipment},
                                                         {"service", &Acquisition::service},
                                                         {"reference", &Acquisition::reference},
                                                         {"deadline", &Acquisition::deadline},
                                                         {"notes", &Acquisition::notes},
                                                         {"status", &Acquisition::status},
                                                         {"expected_end_of_use", &Acquisition::expected_end_of_use},
                                                         {"equipment_family", &Acquisition::equipment_family}}};
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
        sql << "UPDATE acquisitions SET title = :title, title_en = :title_en, equipment = :equipment, "
               "service = :service, reference = :reference, deadline = :deadline, notes = :notes, status = :status, "
               "expected_end_of_use = :expected_end_of_use, equipment_family = :equipment_family, updated_at = :updated_at "
               "WHERE id = :id",
            soci::use(stored.title), soci::use(stored.title_en), soci::use(stored.equipment), soci::use(stored.service),
            soci::use(stored.reference), soci::use(stored.deadline), soci::use(stored.notes),
            soci::use(stored.status), soci::use(stored.expected_end_of_use), soci::use(stored.equipment_family),
            soci::use(stored.updated_at), soci::use(id);
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

Result<Acquisition> AcquisitionRepository::transition(Id id, const std::string& from, const std::string& to,
                                                      const std::string& action, const std::string& reason,
                                                      const Actor& actor) {
    if (!parse_purchase_status(to)) return detail::invalid("Statut d'achat inconnu.", "Unknown purchase status.");
    Acquisition stored;
    auto written = db_->write([&](soci::session& sql) -> Result<void> {
        auto current = find_acquisition(sql, id);
        if (!current) return detail::not_found("Achat", "Purchase");
        stored = *current;
        if (stored.status != from)
            return detail::conflict("Le statut de l'achat a changé entre-temps.", "The purchase's status changed meanwhile.");
        const std::string now = now_iso();
        if (to == "closed" && from == "open") stored.closed_at = now;
        if (to == "open") stored.closed_at.clear();
        stored.archived_at = to == "archived" ? now : std::string();
        stored.status = to;
        stored.updated_at = now;
        long long key = id;
        sql << "UPDATE acquisitions SET status = :status, closed_at = :closed_at, archived_at = :archived_at, "
               "updated_at = :updated_at WHERE id = :id",
            soci::use(stored.status), soci::use(stored.closed_at), soci::use(stored.archived_at),
            soci::use(stored.updated_at), soci::use(key);
        nlohmann::json after = {{"status", to}};
        if (!reason.empty()) after["reason"] = reason;
        detail::append_event(sql, actor, "acquisition", id, action, "status", detail::json_text(from), after.dump());
        return {};
    });
    if (!written) return written.error();
    return stored;
}

Result<Acquisition> AcquisitionRepository::extend_deadline(Id id, const std::string& deadline,
                                                           const std::string& reason, const Actor& actor) {
    if (!valid_deadline(deadline)) return detail::invalid_deadline();
    Acquisition stored;
    auto written = db_->write([&](soci::session& sql) -> Result<void> {
        auto current = find_acquisition(sql, id);
        if (!current) return detail::not_found("Achat", "Purchase");
        stored = *current;
        detail::write_deadline_extension(sql, "acquisitions", "acquisition", id, stored.deadline, stored.updated_at,
                                         deadline, reason, actor);
        return {};
    });
    if (!written) return written.error();
    return stored;
}

Result<std::vector<Acquisition>> AcquisitionRepository::archived_before(const std::string& cutoff_iso) {
    std::vector<Acquisition> out;
    TRY(db_->read([&](soci::session& sql) {
        AcquisitionRow row;
        soci::details::prepare_temp_type p = sql.prepare << "SELECT " << kAcquisitionColumns
                                                         << " FROM acquisitions WHERE status = 'archived'"
                                                            " AND archived_at <> '' AND archived_at < :cutoff ORDER BY id";
        row.bind(p);
        p, soci::use(cutoff_iso);
        soci::statement st(p);
        st.execute();
        while (st.fetch()) out.push_back(row.to_acquisition());
    }));
    return out;
}

Result<RemovedAcquisition> AcquisitionRepository::remove(Id id, const Actor& actor) {
    RemovedAcquisition removed;
    TRY(db_->write([&](soci::session& sql) -> Result<void> {
        removed = RemovedAcquisition{};
        auto current = find_acquisition(sql, id);
        if (!current) return detail::not_found("Achat", "Purchase");
        removed.acquisition = *current;
        long long key = id;
        {
            soci::rowset<std::string> rows = (sql.prepare << "SELECT d.storage_path FROM documents d JOIN responses r "
                                                             "ON r.id = d.response_id WHERE r.acquisition_id = :id",
                                              soci::use(key));
            for (const auto& path : rows) removed.storage_paths.push_back(path);
        }
        {
            soci::rowset<long long> rows = (sql.prepare << "SELECT id FROM responses WHERE acquisition_id = :id", soci::use(key));
            for (long long response : rows) removed.response_ids.push_back(response);
        }
        // Journalled first (the event is about the purchase): what it was, and how much went with it.
        nlohmann::json trace = shown(removed.acquisition);
        trace["responses"] = removed.response_ids.size();
        trace["documents"] = removed.storage_paths.size();
        detail::append_event(sql, actor, "acquisition", id, "delete", {}, trace.dump(), {});
        const std::string in_responses = "(SELECT id FROM responses WHERE acquisition_id = :id)";
        for (const char* table : {"answers", "documents", "reviews", "opinions", "pending_uploads"})
            sql << std::string("DELETE FROM ") + table + " WHERE response_id IN " + in_responses, soci::use(key);
        sql << "DELETE FROM sessions WHERE kind = 'vendor' AND subject_id IN " + in_responses, soci::use(key);
        // The e-mails sent about it go too (the journal keeps that each was queued and sent).
        sql << "DELETE FROM outbox WHERE acquisition_id = :id", soci::use(key);
        sql << "DELETE FROM responses WHERE acquisition_id = :id", soci::use(key);
        for (const char* table : {"weight_overrides", "acquisition_grids", "acquisition_members", "acquisition_added_questions"})
            sql << std::string("DELETE FROM ") + table + " WHERE acquisition_id = :id", soci::use(key);
        sql << "DELETE FROM acquisitions WHERE id = :id", soci::use(key);
        return {};
    }));
    // The rows are gone: the bytes follow (a failure leaves unreferenced bytes, which the sweep removes).
    if (bytes_)
        for (const auto& path : removed.storage_paths)
            if (!bytes_->erase(path)) removed.bytes_left.push_back(path);
    return removed;
}

}  // namespace cyberachat::store
