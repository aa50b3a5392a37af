#include "services/acquisition_service.hpp"

#include "core/company_key.hpp"
#include "core/end_of_use.hpp"
#include "core/equipment_family.hpp"

#include "services/questionnaire_library.hpp"

#include <algorithm>
#include "services/invitation_link.hpp"
#include "services/mail_service.hpp"

#include "core/answer_validation.hpp"
#include "core/ascii_text.hpp"
#include "core/deadline.hpp"
#include "core/utf8.hpp"
#include "security/secrets.hpp"
#include "services/evaluation_service.hpp"

namespace cyberachat::services {

namespace {

bool valid_email(const std::string& text) { return validate_email(text).ok(); }

void check_length(FieldErrors& errors, const std::string& field, const std::string& value, size_t max) {
    if (longer_than(value, max)) errors[field] = "Trop long (" + std::to_string(max) + " caractères au plus).";
}

Error archived_error() {
    return Error::make(ErrorCode::archived, "Cet achat est archivé : il est en lecture seule. Sortez-le des archives pour le modifier.",
                       "This purchase is archived: it is read-only.");
}

Error reason_required() {
    return Error::make(ErrorCode::invalid_value, "Indiquez le motif.", "Give the reason.");
}

Error invalid_fields(const FieldErrors& errors) {
    std::string message;
    for (const auto& [field, text] : errors) message += (message.empty() ? "" : " ") + field + " : " + text;
    return Error::make(ErrorCode::invalid_value, message, message);
}

}  // namespace

FieldErrors AcquisitionService::validate(const Acquisition& input) {
    FieldErrors errors;
    if (input.title.empty()) errors["title"] = "Donnez un intitulé à l'achat.";
    if (input.equipment.empty()) errors["equipment"] = "Précisez l'équipement concerné.";
    if (!normalized_deadline_input(input.deadline))
        errors["deadline"] = "Date limite invalide : indiquez une date (AAAA-MM-JJ), ou une date et une heure "
                             "(AAAA-MM-JJTHH:MM), heure de Paris.";
    check_length(errors, "title", input.title, 200);
    check_length(errors, "title_en", input.title_en, 200);
    check_length(errors, "equipment", input.equipment, 200);
    check_length(errors, "service", input.service, 200);
    check_length(errors, "reference", input.reference, 100);
    check_length(errors, "notes", input.notes, 10000);
    if (const std::string end_of_use(trim(input.expected_end_of_use)); !end_of_use.empty() && !valid_end_of_use(end_of_use))
        errors["expected_end_of_use"] = "Date de fin d'utilisation prévue invalide : indiquez une date (AAAA-MM-JJ) "
                                        "entre 2000 et 2100, ou laissez vide (7 ans après la date limite).";
    if (!valid_equipment_family(trim(input.equipment_family)))
        errors["equipment_family"] = "Famille d'équipement inconnue : choisissez-en une de la liste, ou aucune.";
    return errors;
}

FieldErrors AcquisitionService::validate(const VendorInput& input) {
    FieldErrors errors;
    if (input.company.empty()) errors["company"] = "Indiquez le nom de la société.";
    if (input.email.empty()) errors["email"] = "Indiquez l'adresse e-mail du contact.";
    else if (!valid_email(input.email)) errors["email"] = "Adresse e-mail invalide.";
    if (input.language != "fr" && input.language != "en") errors["language"] = "Langue : fr ou en.";
    check_length(errors, "company", input.company, 200);
    check_length(errors, "contact_name", input.contact_name, 200);
    if (!valid_company_identifier(input.company_identifier))
        errors["company_identifier"] = "Identifiant de société invalide : SIREN, SIRET, n° de TVA ou DUNS (4 à 40 lettres et chiffres).";
    return errors;
}

std::optional<std::string> normalized_deadline_input(const std::string& text) {
    const std::string trimmed(trim(text));
    if (trimmed.empty()) return std::string();
    std::string deadline = trimmed;
    if (deadline.size() == 19 && deadline[10] == 'T' && deadline[16] == ':' && deadline.substr(17) == "00")
        deadline.resize(16);  // a datetime-local with its seconds
    if (!valid_deadline(deadline)) return std::nullopt;
    return deadline;
}

Result<Acquisition> AcquisitionService::create(Acquisition input, Id user_id, const Actor& actor, const std::string& status) {
    if (auto errors = validate(input); !errors.empty()) return invalid_fields(errors);
    if (status != "draft" && status != "open")
        return Error::make(ErrorCode::invalid_value, "Un achat est créé en préparation (draft) ou ouvert (open).",
                           "A purchase is created as draft or open.");
    input.deadline = *normalized_deadline_input(input.deadline);
    // The questionnaire it asks for (the built-in one by default), from the instance's library.
    QuestionnaireLibrary library(store_, questionnaires_);
    TRY_ASSIGN(auto version, library.version_for_new_purchase(input.questionnaire_version_id));
    input.questionnaire_version_id = version.id;
    input.created_by = user_id;
    input.status = status;
    TRY_ASSIGN(auto created, store_.acquisitions.create(input, actor));
    // The scoring grid is copied into the purchase with its questionnaire version.
    TRY(library.attach_grid(created.id, version.id, actor));
    return created;
}

Result<Acquisition> AcquisitionService::update(const Acquisition& input, const Actor& actor) {
    if (auto errors = validate(input); !errors.empty()) return invalid_fields(errors);
    TRY_ASSIGN(Acquisition updated, store_.acquisitions.find(input.id));
    TRY(require_not_archived(updated));
    updated.title = input.title;
    updated.title_en = input.title_en;
    updated.equipment = input.equipment;
    updated.service = input.service;
    updated.reference = input.reference;
    updated.deadline = *normalized_deadline_input(input.deadline);
    updated.notes = input.notes;
    updated.expected_end_of_use = input.expected_end_of_use;
    updated.equipment_family = input.equipment_family;
    return store_.acquisitions.update(updated, actor);
}

Result<Invitation> AcquisitionService::invite(Id acquisition_id, const VendorInput& input, const Actor& actor) {
    if (auto errors = validate(input); !errors.empty()) return invalid_fields(errors);
    TRY_ASSIGN(const auto acquisition, store_.acquisitions.find(acquisition_id));
    TRY(require_not_archived(acquisition));
    Invitation invitation;
    invitation.token = security::random_token();
    VendorResponse response;
    response.acquisition_id = acquisition_id;
    response.company = input.company;
    response.contact_name = input.contact_name;
    response.email = input.email;
    response.language = input.language;
    response.invite_token_hash = security::sha256_hex(invitation.token);
    if (input.link_company) response.company_key = company_key(input.company_identifier, input.email);
    TRY_ASSIGN(invitation.response, store_.responses.create(response, actor));
    if (input.send_invitation && mail_ && !invitation.response.email.empty()) {
        auto queued = mail_->invitation(invitation.response.id, invitation.token, actor);
        if (queued) invitation.message_id = *queued;
        else invitation.mail_error = queued.error().message.fr;
    }
    return invitation;
}

Result<std::string> AcquisitionService::regenerate_link(Id response_id, const Actor& actor) {
    TRY_ASSIGN(std::string token, new_invitation_token(store_, response_id, actor));
    if (mail_) mail_->link_replaced(response_id, token);  // an invitation waiting to go takes the new link
    return token;
}

Result<void> AcquisitionService::revoke_link(Id response_id, const Actor& actor) {
    TRY(store_.responses.find(response_id));
    TRY(store_.responses.set_invite_token_hash(response_id, "", actor));
    store_.sessions.remove_for_subject("vendor", response_id);
    if (mail_) mail_->link_replaced(response_id, "");  // an invitation waiting to go is not sent
    return {};
}

Result<void> AcquisitionService::require_not_archived(const Acquisition& acquisition) const {
    if (acquisition.status == "archived") return archived_error();
    return {};
}

void AcquisitionService::notify(const DeadlineExtension& extension) const {
    if (on_deadline_extended) on_deadline_extended(extension);
}

Result<Acquisition> AcquisitionService::transition(Id acquisition_id, const std::string& action,
                                                   const std::string& reason_text, const Actor& actor) {
    TRY_ASSIGN(const auto acquisition, store_.acquisitions.find(acquisition_id));
    const std::string reason(trim(reason_text));
    const auto from = parse_purchase_status(acquisition.status).value_or(PurchaseStatus::open);
    const auto move = find_purchase_transition(from, action);
    if (!move) {
        const bool known = std::any_of(purchase_transitions().begin(), purchase_transitions().end(),
                                       [&](const PurchaseTransition& t) { return t.action == action; });
        if (!known) return Error::make(ErrorCode::invalid_value, "Action inconnue : " + action, "Unknown action: " + action);
        return Error::make(ErrorCode::conflict,
                           "Impossible depuis le statut « " + std::string(purchase_status_label(from)) + " ».",
                           "Not possible from the status '" + std::string(purchase_status_label(from, Language::en)) + "'.");
    }
    if (move->reason_required && reason.empty()) return reason_required();
    if (longer_than(reason, 2000)) return Error::make(ErrorCode::invalid_value, "Motif trop long.", "Reason too long.");
    return store_.acquisitions.transition(acquisition_id, std::string(purchase_status_name(move->from)),
                                          std::string(purchase_status_name(move->to)), std::string(move->action), reason,
                                          actor);
}

namespace {

// The checks of an extension: a deadline (date or date and time), later than the one it replaces, and a reason.
Result<std::string> checked_extension(const std::string& deadline_text, const std::string& reason,
                                      const std::string& current) {
    FieldErrors errors;
    auto deadline = normalized_deadline_input(deadline_text);
    if (!deadline || deadline->empty())
        errors["deadline"] = "Indiquez la nouvelle date limite : une date (AAAA-MM-JJ), ou une date et une heure (AAAA-MM-JJTHH:MM).";
    else if (!current.empty() && *deadline_utc_seconds(*deadline) <= deadline_utc_seconds(current).value_or(0))
        errors["deadline"] = "La nouvelle date limite doit être postérieure à l'actuelle (" +
                             format_deadline(current, Language::fr) + ").";
    if (trim(reason).empty()) errors["reason"] = "Indiquez le motif de la prolongation.";
    else check_length(errors, "reason", std::string(trim(reason)), 2000);
    if (!errors.empty()) return invalid_fields(errors).with_payload({{"fields", errors}});
    return *deadline;
}

}  // namespace

Result<Acquisition> AcquisitionService::extend_deadline(Id acquisition_id, const std::string& deadline_text,
                                                        const std::string& reason, const Actor& actor) {
    TRY_ASSIGN(const auto acquisition, store_.acquisitions.find(acquisition_id));
    TRY(require_not_archived(acquisition));
    TRY_ASSIGN(const auto deadline, checked_extension(deadline_text, reason, acquisition.deadline));
    TRY_ASSIGN(auto extended, store_.acquisitions.extend_deadline(acquisition_id, deadline, std::string(trim(reason)), actor));
    DeadlineExtension extension{extended, 0, acquisition.deadline, deadline, std::string(trim(reason)), {}};
    TRY_ASSIGN(auto vendors, store_.responses.list_for(acquisition_id));
    for (auto& vendor : vendors)
        if (vendor.withdrawn_at.empty() && vendor.deadline.empty()) extension.vendors.push_back(std::move(vendor));
    notify(extension);
    return extended;
}

Result<VendorResponse> AcquisitionService::extend_vendor_deadline(Id response_id, const std::string& deadline_text,
                                                                  const std::string& reason, const Actor& actor) {
    TRY_ASSIGN(const auto response, store_.responses.find(response_id));
    TRY_ASSIGN(const auto acquisition, store_.acquisitions.find(response.acquisition_id));
    TRY(require_not_archived(acquisition));
    const std::string current = effective_deadline(acquisition, response);
    TRY_ASSIGN(const auto deadline, checked_extension(deadline_text, reason, current));
    TRY_ASSIGN(auto extended, store_.responses.set_deadline(response_id, deadline, std::string(trim(reason)), actor));
    notify(DeadlineExtension{acquisition, response_id, current, deadline, std::string(trim(reason)), {extended}});
    return extended;
}

Result<VendorResponse> AcquisitionService::update_vendor(Id response_id, const VendorInput& input, const Actor& actor) {
    if (auto errors = validate(input); !errors.empty()) return invalid_fields(errors).with_payload({{"fields", errors}});
    TRY_ASSIGN(auto response, store_.responses.find(response_id));
    TRY_ASSIGN(const auto acquisition, store_.acquisitions.find(response.acquisition_id));
    TRY(require_not_archived(acquisition));
    response.company = input.company;
    response.contact_name = input.contact_name;
    response.email = input.email;
    response.language = input.language;
    return store_.responses.update_vendor(response, actor);
}

namespace {

Result<std::string> required_reason(const std::string& text) {
    const std::string reason(trim(text));
    if (reason.empty()) return reason_required();
    if (longer_than(reason, 2000)) return Error::make(ErrorCode::invalid_value, "Motif trop long.", "Reason too long.");
    return reason;
}

}  // namespace

Result<VendorResponse> AcquisitionService::withdraw_vendor(Id response_id, const std::string& reason_text,
                                                           const Actor& actor) {
    TRY_ASSIGN(const auto reason, required_reason(reason_text));
    TRY_ASSIGN(const auto response, store_.responses.find(response_id));
    TRY_ASSIGN(const auto acquisition, store_.acquisitions.find(response.acquisition_id));
    TRY(require_not_archived(acquisition));
    TRY_ASSIGN(auto withdrawn, store_.responses.set_withdrawn(response_id, true, reason, actor));
    store_.sessions.remove_for_subject("vendor", response_id);
    return withdrawn;
}

Result<VendorResponse> AcquisitionService::restore_vendor(Id response_id, const std::string& reason_text,
                                                          const Actor& actor) {
    const std::string reason(trim(reason_text));
    TRY_ASSIGN(const auto response, store_.responses.find(response_id));
    TRY_ASSIGN(const auto acquisition, store_.acquisitions.find(response.acquisition_id));
    TRY(require_not_archived(acquisition));
    return store_.responses.set_withdrawn(response_id, false, reason, actor);
}

Result<store::RemovedAcquisition> AcquisitionService::remove(Id acquisition_id, const std::string& confirmation,
                                                             const Actor& actor) {
    TRY_ASSIGN(const auto acquisition, store_.acquisitions.find(acquisition_id));
    const std::string typed(trim(confirmation));
    const std::string& expected = acquisition.reference.empty() ? acquisition.title : acquisition.reference;
    if (typed.empty() || typed != expected)
        return Error::make(ErrorCode::invalid_value,
                           acquisition.reference.empty()
                               ? "Pour confirmer la suppression, saisissez exactement l'intitulé de l'achat."
                               : "Pour confirmer la suppression, saisissez exactement la référence de l'achat.",
                           "To confirm the deletion, type the purchase's reference (or its title when it has none).");
    return store_.acquisitions.remove(acquisition_id, actor);
}

Result<PurgeReport> AcquisitionService::purge(int retention_years, bool dry_run, const Actor& actor) {
    if (retention_years < 1)
        return Error::make(ErrorCode::invalid_value, "La durée de conservation est d'au moins un an.",
                           "The retention is at least one year.");
    PurgeReport report;
    const std::string now = clock_.now_iso();  // "2036-12-02T08:05:00Z"
    report.cutoff = std::to_string(std::stoi(now.substr(0, 4)) - retention_years) + now.substr(4);
    TRY_ASSIGN(report.purchases, store_.acquisitions.archived_before(report.cutoff));
    if (dry_run) return report;
    for (const auto& acquisition : report.purchases) TRY(store_.acquisitions.remove(acquisition.id, actor));
    report.deleted = true;
    return report;
}

Result<Id> AcquisitionService::send_invitation(Id response_id, const Actor& actor) {
    if (!mail_) return Error::make(ErrorCode::internal, "Envoi d'e-mails indisponible.", "E-mail unavailable.");
    return mail_->send_invitation(response_id, actor);
}

}  // namespace cyberachat::services
