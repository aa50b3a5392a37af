#pragma once
// The e-mails of a tender, queued in the outbox (store::OutboxRepository) where the event
// happens; services/mail_delivery sends them. Vendor messages go in the vendor's language, team
// messages (the purchase's active members with an e-mail) in French. Texts come from the
// templates (mail/message_templates); the hospital's name from MailIdentity.
//
// Secrets: an invitation's link goes into the outbox row's secret_link only (the bodies hold a
// placeholder) and is erased once sent; nothing here logs or journals it.
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "mail/message_templates.hpp"
#include "store/repositories.hpp"

namespace cyberachat::services {

// Who the messages come from: the hospital's identity (services/instance_settings_service).
struct MailIdentity {
    std::string hospital_name = "Cyberachat";
    std::string contact_email;  // shown in the signature and as Reply-To when given
    std::string logo_url;       // absolute; heads the HTML body when given
};

class MailService {
public:
    // `base_url`: the address users reach (links in messages), asked when a message is queued.
    MailService(store::Store& store, const Clock& clock, std::function<std::string()> base_url);

    void set_identity(MailIdentity identity);
    // Where the identity comes from when it can change while running (the instance settings);
    // it replaces set_identity's.
    void set_identity_source(std::function<MailIdentity()> source);
    MailIdentity identity() const;
    void set_reminder_days(std::vector<int> days);  // default 7, 3, 1
    std::vector<int> reminder_days() const;
    // Whether a server sends what is queued (serve --smtp-url); pages say when none does.
    void set_delivery_configured(bool configured) { delivery_configured_ = configured; }
    bool delivery_configured() const { return delivery_configured_; }
    const Clock& clock() const { return clock_; }

    // To the vendor. Each returns the queued message's id ("invalid_value" for a vendor without
    // an e-mail, "not_found" for an unknown response).
    Result<Id> invitation(Id response_id, const std::string& token, const Actor& actor);
    // A new link (the old one stops working) in a new invitation. "conflict" when one is still
    // waiting to be sent.
    Result<Id> send_invitation(Id response_id, const Actor& actor);
    Result<Id> clarification_requested(Id response_id, const std::string& question_id,
                                       const std::string& vendor_question, const Actor& actor);
    Result<Id> response_reopened(Id response_id, const Actor& actor);
    // The vendor's deadline changed (the lead's extension): the new effective deadline.
    Result<Id> deadline_extended(Id response_id, const Actor& actor);
    Result<Id> submission_receipt(Id response_id, const Actor& actor);  // with the documents' SHA-256
    // To the purchase team: one message per member with an e-mail; their ids.
    Result<std::vector<Id>> vendor_submitted(Id response_id, const Actor& actor);
    Result<std::vector<Id>> clarification_answered(Id response_id, const std::string& question_id,
                                                   const std::string& explanation, const Actor& actor);

    // Reminders and "deadline missed" notices due now (core/deadline_notices), for every open
    // purchase, each queued once (its dedup key). Returns how many were queued.
    Result<size_t> queue_deadline_notices();

    // The hospital's view: a response's messages, newest first (never a link).
    Result<std::vector<store::OutboxMessage>> messages_for_response(Id response_id);
    // "Resend" a message of this response: pending again; an invitation no longer pending gets a
    // new link (the old one stops working). "not_found" for a message of another response.
    Result<void> resend(Id response_id, Id message_id, const Actor& actor);
    // The hospital made a new link (token) or revoked it (""): pending invitations follow.
    void link_replaced(Id response_id, const std::string& token);

    // The vendor's secret link for a token.
    std::string invitation_url(const std::string& token) const { return base_url_() + "/invitation/" + token; }

private:
    struct Context {
        Acquisition acquisition;
        VendorResponse response;
    };
    Result<Context> context_of(Id response_id);
    mail::MailValues values_for(const Context& context, Language language) const;
    Result<std::optional<store::OutboxMessage>> queue(const Context& context, const std::string& kind,
                                                      const std::string& recipient, Language language,
                                                      const mail::MailValues& values, const Actor& actor,
                                                      const std::string& secret_link = {},
                                                      const std::string& dedup_key = {});
    Result<Id> queue_to_vendor(const Context& context, const std::string& kind, mail::MailValues extra,
                               const Actor& actor);
    Result<std::vector<Id>> queue_to_team(const Context& context, const std::string& kind, mail::MailValues extra,
                                          const Actor& actor, const std::string& dedup_key = {});

    store::Store& store_;
    const Clock& clock_;
    std::function<std::string()> base_url_;
    mutable std::mutex mutex_;  // identity and reminder days (set while the worker reads them)
    MailIdentity identity_;
    std::function<MailIdentity()> identity_source_;
    std::vector<int> reminder_days_{7, 3, 1};
    bool delivery_configured_ = false;
};

}  // namespace cyberachat::services
