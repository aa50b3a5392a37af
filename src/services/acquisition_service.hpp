#pragma once
// Creating and editing purchases, inviting vendors and managing their secret links.
#include <map>
#include <string>

#include "core/result.hpp"
#include "services/questionnaire_provider.hpp"
#include "store/repositories.hpp"

namespace cyberachat::services {

using FieldErrors = std::map<std::string, std::string>;  // field name → French message

struct VendorInput {
    std::string company;
    std::string contact_name;
    std::string email;
    std::string language = "fr";
    bool send_invitation = false;  // queue the invitation e-mail (with the link) when an e-mail is given
};

struct Invitation {
    VendorResponse response;
    std::string token;  // the secret, shown once; only its hash is stored
    Id message_id = 0;       // the invitation e-mail queued (send_invitation), 0: none
    std::string mail_error;  // why it could not be queued (French), "" otherwise
};

class MailService;

class AcquisitionService {
public:
    // `mail`: where invitations are queued (none: no e-mail, links only).
    AcquisitionService(store::Store& store, QuestionnaireProvider& questionnaires, MailService* mail = nullptr)
        : store_(store), questionnaires_(questionnaires), mail_(mail) {}

    // A purchase by id: "not_found", or "storage" when it cannot be read.
    Result<Acquisition> find(Id acquisition_id) { return store_.acquisitions.find(acquisition_id); }

    static FieldErrors validate(const Acquisition& input);
    static FieldErrors validate(const VendorInput& input);

    // The current questionnaire version is copied into the purchase. Error "invalid" when validate() fails.
    Result<Acquisition> create(Acquisition input, Id user_id, const Actor& actor);
    Result<Acquisition> update(const Acquisition& input, const Actor& actor);

    Result<Invitation> invite(Id acquisition_id, const VendorInput& input, const Actor& actor);
    Result<std::string> regenerate_link(Id response_id, const Actor& actor);  // new token; old link dies
    Result<void> revoke_link(Id response_id, const Actor& actor);
    // "Send the invitation" later: a new link (the old one stops working) in a queued e-mail.
    // Returns the message's id; "invalid_value" for a vendor without an e-mail (MailService::send_invitation).
    Result<Id> send_invitation(Id response_id, const Actor& actor);

private:
    store::Store& store_;
    QuestionnaireProvider& questionnaires_;
    MailService* mail_ = nullptr;
};

}  // namespace cyberachat::services
