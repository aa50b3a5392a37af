#include "services/team_service.hpp"

#include "core/ascii_text.hpp"

namespace cyberachat::services {

namespace {

Error invalid(const std::string& fr, const std::string& en) { return Error::make(ErrorCode::invalid_value, fr, en); }

}  // namespace

Result<std::vector<Member>> TeamService::members(Id acquisition_id) {
    TRY(store_.acquisitions.find(acquisition_id));
    return store_.members.list(acquisition_id);
}

Result<Member> TeamService::put(Id acquisition_id, const std::string& email, const std::string& role_name,
                                const Actor& actor) {
    const std::string address = lower_ascii(trim(email));
    if (address.empty()) return invalid("Indiquez l'adresse e-mail du compte à ajouter.", "Give the account's e-mail address.");
    TRY(store_.acquisitions.find(acquisition_id));
    auto account = store_.users.find_by_email(address);
    if (!account) {
        if (account.error().code != ErrorCode::not_found) return account.error();
        return invalid("Aucun compte n'a l'adresse « " + address +
                           " » : un administrateur doit d'abord le créer (ou la personne se connecter une première fois "
                           "avec son compte de l'annuaire).",
                       "No account has the address " + address + ": an administrator must create it first.");
    }
    if (!account->active)
        return invalid("Le compte « " + address + " » est désactivé.", "The account " + address + " is disabled.");
    std::optional<PurchaseRole> role =
        role_name.empty() ? default_purchase_role(account->role) : parse_purchase_role(trim(role_name));
    if (!role) {
        if (account->role == Role::admin)
            return invalid("Un compte administrateur ne fait partie d'aucune équipe d'achat : utilisez un compte d'utilisateur.",
                           "An administrator account belongs to no purchase team: use a user account.");
        return invalid("Rôle inconnu « " + role_name + " » : lead, it_reviewer, buyer ou observer.",
                       "Unknown role " + role_name + ": lead, it_reviewer, buyer or observer.");
    }
    return store_.members.put(acquisition_id, account->id, *role, actor);
}

Result<void> TeamService::remove(Id acquisition_id, Id user_id, const Actor& actor) {
    TRY(store_.acquisitions.find(acquisition_id));
    return store_.members.remove(acquisition_id, user_id, actor);
}

}  // namespace cyberachat::services
