// Each purchase's team (table acquisition_members).
#include <algorithm>

#include "store/internal.hpp"
#include "store/repositories.hpp"
#include "store/user_row.hpp"

namespace cyberachat::store {

namespace detail {

void insert_member(soci::session& sql, Id acquisition_id, Id user_id, PurchaseRole role, const Actor& actor) {
    long long acquisition = acquisition_id, user = user_id;
    const std::string name(purchase_role_name(role)), at = now_iso();  // store/database.hpp
    sql << "INSERT INTO acquisition_members (acquisition_id, user_id, role, added_at, added_by) "
           "VALUES (:a, :u, :role, :at, :by)",
        soci::use(acquisition), soci::use(user), soci::use(name), soci::use(at), soci::use(actor.name);
    append_event(sql, actor, "acquisition", acquisition_id, "member_add", "user:" + std::to_string(user_id), {},
                 json_text(name));
}

}  // namespace detail

namespace {

long long count_leads(soci::session& sql, long long acquisition) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM acquisition_members WHERE acquisition_id = :a AND role = 'lead'", soci::use(acquisition),
        soci::into(n);
    return n;
}

std::optional<std::string> member_role_in(soci::session& sql, long long acquisition, long long user) {
    std::string role;
    soci::indicator ind = soci::i_null;
    sql << "SELECT role FROM acquisition_members WHERE acquisition_id = :a AND user_id = :u", soci::use(acquisition),
        soci::use(user), soci::into(role, ind);
    if (ind != soci::i_ok) return std::nullopt;
    return role;
}

Error last_lead() {
    return detail::conflict("Un achat garde au moins un pilote : nommez-en un autre avant.",
                            "A purchase keeps at least one lead: appoint another one first.");
}

}  // namespace

Result<std::vector<Member>> MemberRepository::list(Id acquisition_id) {
    std::vector<Member> out;
    TRY(db_->read([&](soci::session& sql) {
        long long acquisition = acquisition_id;
        detail::UserRow row;
        std::string role, added_at, added_by;
        soci::details::prepare_temp_type p =
            sql.prepare << "SELECT " << detail::UserRow::kJoinedColumns
                        << ", m.role, m.added_at, m.added_by FROM acquisition_members m JOIN users u ON u.id = m.user_id "
                           "WHERE m.acquisition_id = :a ORDER BY u.email";
        row.bind(p);
        p, soci::into(role), soci::into(added_at), soci::into(added_by), soci::use(acquisition);
        soci::statement st(p);
        st.execute();
        while (st.fetch())
            out.push_back(Member{acquisition_id, row.to_user(), parse_purchase_role(role).value_or(PurchaseRole::observer),
                                 added_at, added_by});
    }));
    std::stable_sort(out.begin(), out.end(), [](const Member& a, const Member& b) { return a.role < b.role; });
    return out;
}

Result<std::optional<PurchaseRole>> MemberRepository::role_of(Id acquisition_id, Id user_id) {
    std::optional<PurchaseRole> out;
    TRY(db_->read([&](soci::session& sql) {
        if (auto role = member_role_in(sql, acquisition_id, user_id)) out = parse_purchase_role(*role);
    }));
    return out;
}

Result<std::map<Id, PurchaseRole>> MemberRepository::purchases_of(Id user_id) {
    std::map<Id, PurchaseRole> out;
    TRY(db_->read([&](soci::session& sql) {
        long long user = user_id;
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT CAST(acquisition_id AS TEXT), role FROM acquisition_members WHERE user_id = :u", soci::use(user));
        for (const soci::row& row : rows)
            if (auto role = parse_purchase_role(row.get<std::string>(1))) out[std::stoll(row.get<std::string>(0))] = *role;
    }));
    return out;
}

Result<Member> MemberRepository::put(Id acquisition_id, Id user_id, PurchaseRole role, const Actor& actor) {
    Member member;
    auto written = db_->write([&](soci::session& sql) -> Result<void> {
        long long acquisition = acquisition_id, user = user_id;
        if (!detail::exists(sql, "SELECT 1 FROM acquisitions WHERE id = :id", soci::use(acquisition)))
            return detail::not_found("Achat", "Purchase");
        std::string account_role;
        soci::indicator ind = soci::i_null;
        sql << "SELECT role FROM users WHERE id = :id", soci::use(user), soci::into(account_role, ind);
        if (ind != soci::i_ok) return detail::not_found("Compte", "Account");
        if (account_role == "admin")
            return detail::invalid("Un compte administrateur ne fait partie d'aucune équipe d'achat : "
                                   "utilisez un compte d'utilisateur.",
                                   "An administrator account belongs to no purchase team: use a user account.");
        const std::string name(purchase_role_name(role));
        auto current = member_role_in(sql, acquisition, user);
        if (!current) {
            detail::insert_member(sql, acquisition_id, user_id, role, actor);
            return {};
        }
        if (*current == name) return {};
        if (*current == "lead" && count_leads(sql, acquisition) <= 1) return last_lead();
        sql << "UPDATE acquisition_members SET role = :role WHERE acquisition_id = :a AND user_id = :u", soci::use(name),
            soci::use(acquisition), soci::use(user);
        detail::append_event(sql, actor, "acquisition", acquisition_id, "member_role", "user:" + std::to_string(user_id),
                             detail::json_text(*current), detail::json_text(name));
        return {};
    });
    if (!written) return written.error();
    TRY_ASSIGN(auto members, list(acquisition_id));
    for (Member& m : members)
        if (m.user.id == user_id) return std::move(m);
    return detail::not_found("Membre", "Member");
}

Result<void> MemberRepository::remove(Id acquisition_id, Id user_id, const Actor& actor) {
    return db_->write([&](soci::session& sql) -> Result<void> {
        long long acquisition = acquisition_id, user = user_id;
        auto current = member_role_in(sql, acquisition, user);
        if (!current) return detail::not_found("Membre de l'équipe", "Team member");
        if (*current == "lead" && count_leads(sql, acquisition) <= 1) return last_lead();
        sql << "DELETE FROM acquisition_members WHERE acquisition_id = :a AND user_id = :u", soci::use(acquisition),
            soci::use(user);
        detail::append_event(sql, actor, "acquisition", acquisition_id, "member_remove", "user:" + std::to_string(user_id),
                             detail::json_text(*current), {});
        return {};
    });
}

}  // namespace cyberachat::store
