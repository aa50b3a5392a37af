// Reviewers' actions on answers and their advisory opinions on responses (hospital only).
#include "store/internal.hpp"
#include "store/repositories.hpp"

namespace cyberachat::store {

namespace {

constexpr const char* kReviewColumns =
    "id, response_id, question_id, status, comment, vendor_question, author, author_role, created_at";

struct ReviewRow {
    long long id = 0, response_id = 0;
    std::string question_id, status, comment, vendor_question, author, author_role, created_at;

    void bind(soci::details::prepare_temp_type& p) {
        p, soci::into(id), soci::into(response_id), soci::into(question_id), soci::into(status), soci::into(comment),
            soci::into(vendor_question), soci::into(author), soci::into(author_role), soci::into(created_at);
    }
    Review to_review() const {
        return Review{id, response_id, question_id, status, comment, vendor_question, author, author_role, created_at};
    }
};


bool response_exists(soci::session& sql, long long id) {
    return detail::exists(sql, "SELECT 1 FROM responses WHERE id = :id", soci::use(id));
}

std::optional<Opinion> find_opinion(soci::session& sql, long long response_id, const std::string& role) {
    Opinion out;
    sql << "SELECT verdict, text, author, updated_at FROM opinions WHERE response_id = :id AND role = :role",
        soci::into(out.verdict), soci::into(out.text), soci::into(out.author), soci::into(out.updated_at),
        soci::use(response_id), soci::use(role);
    if (!sql.got_data()) return std::nullopt;
    out.response_id = response_id;
    out.role = role;
    return out;
}

// The journal's old and new values of an opinion (what may change): not the export's record shape.
nlohmann::json opinion_event_json(const Opinion& opinion) { return {{"verdict", opinion.verdict}, {"text", opinion.text}}; }

}  // namespace

namespace detail {

Id insert_review(soci::session& sql, const Review& review) {
    long long response = review.response_id;
    long long id = 0;
    sql << "INSERT INTO reviews (response_id, question_id, status, comment, vendor_question, author, author_role, "
           "created_at) VALUES (:response_id, :question_id, :status, :comment, :vendor_question, :author, "
           ":author_role, :created_at) RETURNING id",
        soci::use(response), soci::use(review.question_id), soci::use(review.status), soci::use(review.comment),
        soci::use(review.vendor_question), soci::use(review.author), soci::use(review.author_role),
        soci::use(review.created_at), soci::into(id);
    return id;
}

void insert_opinion(soci::session& sql, const Opinion& opinion) {
    long long response = opinion.response_id;
    sql << "INSERT INTO opinions (response_id, role, verdict, text, author, updated_at) "
           "VALUES (:id, :role, :verdict, :text, :author, :updated_at)",
        soci::use(response), soci::use(opinion.role), soci::use(opinion.verdict), soci::use(opinion.text),
        soci::use(opinion.author), soci::use(opinion.updated_at);
}

}  // namespace detail

Result<Review> ReviewRepository::add(const Review& review, const Actor& actor) {
    if (review.question_id.empty()) return detail::invalid("Question non précisée.", "Missing question.");
    if (!valid_review_status(review.status) && review.status != "answered") return detail::invalid("Statut de relecture inconnu.", "Unknown review status.");
    Review stored = review;
    stored.author = actor.name;
    stored.created_at = now_iso();
    auto written = db_->write([&](soci::session& sql) -> Result<void> {
        long long response = stored.response_id;
        if (!response_exists(sql, response)) return detail::not_found("Réponse", "Response");
        stored.id = detail::insert_review(sql, stored);
        const nlohmann::json shown = {{"status", stored.status},
                                      {"comment", stored.comment},
                                      {"vendor_question", stored.vendor_question},
                                      {"role", stored.author_role}};
        detail::append_event(sql, actor, "review", stored.response_id, "review", stored.question_id, {}, shown.dump());
        return {};
    });
    if (!written) return written.error();
    return stored;
}

Result<std::vector<Review>> ReviewRepository::list_for(Id response_id) {
    std::vector<Review> out;
    TRY(db_->read([&](soci::session& sql) {
        ReviewRow row;
        long long key = response_id;
        soci::details::prepare_temp_type p = sql.prepare << "SELECT " << kReviewColumns
                                                         << " FROM reviews WHERE response_id = :id ORDER BY id";
        row.bind(p);
        p, soci::use(key);
        soci::statement st(p);
        st.execute();
        while (st.fetch()) out.push_back(row.to_review());
    }));
    return out;
}

Result<Opinion> ReviewRepository::set_opinion(const Opinion& opinion, const Actor& actor) {
    if (opinion.role != "it" && opinion.role != "biomedical")
        return detail::invalid("Seuls la DSI / le RSSI et l'ingénieur biomédical donnent un avis.",
                               "Only IT and the biomedical engineer give an opinion.");
    if (!valid_opinion_verdict(opinion.verdict)) return detail::invalid("Avis inconnu.", "Unknown opinion.");
    Opinion stored = opinion;
    stored.author = actor.name;
    stored.updated_at = now_iso();
    auto written = db_->write([&](soci::session& sql) -> Result<void> {
        long long response = stored.response_id;
        if (!response_exists(sql, response)) return detail::not_found("Réponse", "Response");
        auto before = find_opinion(sql, response, stored.role);
        if (before && before->verdict == stored.verdict && before->text == stored.text) {
            stored = *before;
            return {};
        }
        if (before) {
            sql << "UPDATE opinions SET verdict = :verdict, text = :text, author = :author, updated_at = :updated_at "
                   "WHERE response_id = :id AND role = :role",
                soci::use(stored.verdict), soci::use(stored.text), soci::use(stored.author), soci::use(stored.updated_at),
                soci::use(response), soci::use(stored.role);
        } else {
            detail::insert_opinion(sql, stored);
        }
        detail::append_event(sql, actor, "opinion", stored.response_id, before ? "update" : "create", stored.role,
                             before ? opinion_event_json(*before).dump() : std::string(), opinion_event_json(stored).dump());
        return {};
    });
    if (!written) return written.error();
    return stored;
}

Result<std::vector<Opinion>> ReviewRepository::opinions(Id response_id) {
    std::vector<Opinion> out;
    TRY(db_->read([&](soci::session& sql) {
        Opinion row;
        long long key = response_id;
        soci::statement st = (sql.prepare << "SELECT role, verdict, text, author, updated_at FROM opinions "
                                             "WHERE response_id = :id ORDER BY role",
                              soci::into(row.role), soci::into(row.verdict), soci::into(row.text), soci::into(row.author),
                              soci::into(row.updated_at), soci::use(key));
        st.execute();
        while (st.fetch()) {
            row.response_id = response_id;
            out.push_back(row);
        }
    }));
    return out;
}

}  // namespace cyberachat::store
