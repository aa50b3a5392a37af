#include "services/acquisition_service.hpp"

#include "services/invitation_link.hpp"
#include "services/mail_service.hpp"

#include "core/answer_validation.hpp"
#include "core/utf8.hpp"
#include "security/secrets.hpp"
#include "services/evaluation_service.hpp"

namespace cyberachat::services {

namespace {

// A deadline is stored as YYYY-MM-DD, exactly.
bool valid_date(const std::string& text) {
    auto date = validate_date(text);
    return date.ok() && *date == text;
}

bool valid_email(const std::string& text) { return validate_email(text).ok(); }

void check_length(FieldErrors& errors, const std::string& field, const std::string& value, size_t max) {
    if (longer_than(value, max)) errors[field] = "Trop long (" + std::to_string(max) + " caractères au plus).";
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
    if (!input.deadline.empty() && !valid_date(input.deadline))
        errors["deadline"] = "Date invalide : utilisez le format AAAA-MM-JJ.";
    check_length(errors, "title", input.title, 200);
    check_length(errors, "equipment", input.equipment, 200);
    check_length(errors, "service", input.service, 200);
    check_length(errors, "reference", input.reference, 100);
    check_length(errors, "notes", input.notes, 10000);
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
    return errors;
}

Result<Acquisition> AcquisitionService::create(Acquisition input, Id user_id, const Actor& actor) {
    if (auto errors = validate(input); !errors.empty()) return invalid_fields(errors);
    TRY_ASSIGN(auto version, questionnaires_.current_version());
    input.questionnaire_version_id = version.id;
    input.created_by = user_id;
    input.status = "open";
    TRY_ASSIGN(auto created, store_.acquisitions.create(input, actor));
    // The scoring grid is copied into the purchase with its questionnaire version.
    TRY(questionnaires_.attach_current_grid(created.id, actor));
    return created;
}

Result<Acquisition> AcquisitionService::update(const Acquisition& input, const Actor& actor) {
    if (auto errors = validate(input); !errors.empty()) return invalid_fields(errors);
    TRY_ASSIGN(Acquisition updated, store_.acquisitions.find(input.id));
    updated.title = input.title;
    updated.equipment = input.equipment;
    updated.service = input.service;
    updated.reference = input.reference;
    updated.deadline = input.deadline;
    updated.notes = input.notes;
    return store_.acquisitions.update(updated, actor);
}

Result<Invitation> AcquisitionService::invite(Id acquisition_id, const VendorInput& input, const Actor& actor) {
    if (auto errors = validate(input); !errors.empty()) return invalid_fields(errors);
    TRY(store_.acquisitions.find(acquisition_id));
    Invitation invitation;
    invitation.token = security::random_token();
    VendorResponse response;
    response.acquisition_id = acquisition_id;
    response.company = input.company;
    response.contact_name = input.contact_name;
    response.email = input.email;
    response.language = input.language;
    response.invite_token_hash = security::sha256_hex(invitation.token);
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

Result<Id> AcquisitionService::send_invitation(Id response_id, const Actor& actor) {
    if (!mail_) return Error::make(ErrorCode::internal, "Envoi d'e-mails indisponible.", "E-mail unavailable.");
    return mail_->send_invitation(response_id, actor);
}

}  // namespace cyberachat::services
