// Scoring grids copied into purchases, and each purchase's own weights.
#include "security/secrets.hpp"
#include "store/internal.hpp"
#include "store/repositories.hpp"

namespace cyberachat::store {

namespace {

struct GridRow {
    long long id = 0;
    std::string grid_id, version, sha256, yaml, created_at;

    void bind(soci::details::prepare_temp_type& p) {
        p, soci::into(id), soci::into(grid_id), soci::into(version), soci::into(sha256), soci::into(yaml),
            soci::into(created_at);
    }
    StoredGrid to_grid() const { return StoredGrid{id, grid_id, version, sha256, yaml, created_at}; }
};

template <typename Key>
std::optional<StoredGrid> find_grid(soci::session& sql, const std::string& where, const Key& key) {
    GridRow row;
    soci::details::prepare_temp_type p =
        sql.prepare << "SELECT g.id, g.grid_id, g.version, g.sha256, g.yaml, g.created_at FROM scoring_grids g " << where;
    row.bind(p);
    p, soci::use(key);
    soci::statement st(p);
    if (!st.execute(true)) return std::nullopt;
    return row.to_grid();
}

std::optional<StoredGrid> grid_of(soci::session& sql, long long acquisition_id) {
    return find_grid(sql, "JOIN acquisition_grids a ON a.scoring_grid_id = g.id WHERE a.acquisition_id = :id",
                     acquisition_id);
}

std::string number_text(double value) { return nlohmann::json(value).dump(); }

}  // namespace

namespace detail {

StoredGrid attach_grid(soci::session& sql, Id acquisition_id, const std::string& grid_id, const std::string& version,
                       const std::string& yaml, const Actor& actor, bool journal) {
    long long acquisition = acquisition_id;
    if (auto existing = grid_of(sql, acquisition)) return *existing;
    StoredGrid out;
    const std::string sha256 = security::sha256_hex(yaml);
    if (auto stored = find_grid(sql, "WHERE g.sha256 = :sha256", sha256)) {
        out = *stored;
    } else {
        out = StoredGrid{0, grid_id, version, sha256, yaml, now_iso()};
        long long id = 0;
        sql << "INSERT INTO scoring_grids (grid_id, version, sha256, yaml, created_at) "
               "VALUES (:grid_id, :version, :sha256, :yaml, :created_at) RETURNING id",
            soci::use(out.grid_id), soci::use(out.version), soci::use(out.sha256), soci::use(out.yaml),
            soci::use(out.created_at), soci::into(id);
        out.id = id;
        const nlohmann::json shown = {{"grid_id", out.grid_id}, {"version", out.version}, {"sha256", out.sha256}};
        append_event(sql, Actor("system", Via::system), "scoring_grid", out.id, "create", {}, {}, shown.dump());
    }
    long long grid = out.id;
    const std::string now = now_iso();
    sql << "INSERT INTO acquisition_grids (acquisition_id, scoring_grid_id, created_at) "
           "VALUES (:acquisition_id, :grid_id, :created_at)",
        soci::use(acquisition), soci::use(grid), soci::use(now);
    if (journal)
        append_event(sql, actor, "acquisition", acquisition_id, "attach_grid", "scoring_grid", {},
                     nlohmann::json({{"grid_id", out.grid_id}, {"version", out.version}}).dump());
    return out;
}

void insert_weight(soci::session& sql, const WeightOverride& weight) {
    long long acquisition = weight.acquisition_id;
    sql << "INSERT INTO weight_overrides (acquisition_id, question_id, weight, updated_at, updated_by) "
           "VALUES (:id, :question_id, :weight, :now, :actor)",
        soci::use(acquisition), soci::use(weight.question_id), soci::use(weight.weight), soci::use(weight.updated_at),
        soci::use(weight.updated_by);
}

}  // namespace detail

Result<StoredGrid> ScoringGridRepository::attach(Id acquisition_id, const std::string& grid_id,
                                                 const std::string& version, const std::string& yaml,
                                                 const Actor& actor) {
    if (grid_id.empty() || yaml.empty()) return detail::invalid("Grille vide.", "Empty grid.");
    StoredGrid out;
    auto written = db_->write([&](soci::session& sql) -> Result<void> {
        long long acquisition = acquisition_id;
        if (!detail::exists(sql, "SELECT 1 FROM acquisitions WHERE id = :id", soci::use(acquisition)))
            return detail::not_found("Achat", "Purchase");
        out = detail::attach_grid(sql, acquisition_id, grid_id, version, yaml, actor, true);
        return {};
    });
    if (!written) return written.error();
    return out;
}

Result<StoredGrid> ScoringGridRepository::for_acquisition(Id acquisition_id) {
    std::optional<StoredGrid> out;
    TRY(db_->read([&](soci::session& sql) { out = grid_of(sql, static_cast<long long>(acquisition_id)); }));
    if (!out) return detail::not_found("Grille d'évaluation", "Scoring grid");
    return std::move(*out);
}

Result<std::vector<WeightOverride>> ScoringGridRepository::weights(Id acquisition_id) {
    std::vector<WeightOverride> out;
    TRY(db_->read([&](soci::session& sql) {
        WeightOverride row;
        long long key = acquisition_id;
        soci::statement st = (sql.prepare << "SELECT question_id, weight, updated_at, updated_by FROM weight_overrides "
                                             "WHERE acquisition_id = :id ORDER BY question_id",
                              soci::into(row.question_id), soci::into(row.weight), soci::into(row.updated_at),
                              soci::into(row.updated_by), soci::use(key));
        st.execute();
        while (st.fetch()) {
            row.acquisition_id = acquisition_id;
            out.push_back(row);
        }
    }));
    return out;
}

Result<void> ScoringGridRepository::set_weight(Id acquisition_id, const std::string& question_id,
                                               std::optional<double> weight, const Actor& actor) {
    if (question_id.empty()) return detail::invalid("Question non précisée.", "Missing question.");
    if (weight && !(*weight >= 0))
        return detail::invalid("Le poids doit être un nombre positif ou nul.", "The weight must be zero or positive.");
    return db_->write([&](soci::session& sql) -> Result<void> {
        long long acquisition = acquisition_id;
        if (!detail::exists(sql, "SELECT 1 FROM acquisitions WHERE id = :id", soci::use(acquisition)))
            return detail::not_found("Achat", "Purchase");
        double current = 0;
        soci::indicator ind = soci::i_null;
        sql << "SELECT weight FROM weight_overrides WHERE acquisition_id = :id AND question_id = :question_id",
            soci::into(current, ind), soci::use(acquisition), soci::use(question_id);
        const bool had = sql.got_data() && ind == soci::i_ok;
        if ((!had && !weight) || (had && weight && *weight == current)) return {};
        const std::string now = now_iso();
        if (!weight) {
            sql << "DELETE FROM weight_overrides WHERE acquisition_id = :id AND question_id = :question_id",
                soci::use(acquisition), soci::use(question_id);
        } else if (had) {
            sql << "UPDATE weight_overrides SET weight = :weight, updated_at = :now, updated_by = :actor "
                   "WHERE acquisition_id = :id AND question_id = :question_id",
                soci::use(*weight), soci::use(now), soci::use(actor.name), soci::use(acquisition), soci::use(question_id);
        } else {
            detail::insert_weight(sql, WeightOverride{acquisition_id, question_id, *weight, now, actor.name});
        }
        detail::append_event(sql, actor, "acquisition", acquisition_id, "weight", question_id,
                             had ? number_text(current) : std::string(), weight ? number_text(*weight) : std::string());
        return {};
    });
}

}  // namespace cyberachat::store
