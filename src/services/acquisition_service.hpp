#pragma once
// Creating and editing purchases, inviting vendors and managing their secret links.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/purchase_lifecycle.hpp"
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
    // Recognising the company from one purchase to the next (core/company_key.hpp): its identifier
    // (SIREN, SIRET, VAT, DUNS; optional: else its e-mail's domain), and whether the hospital links
    // it — then the vendor is offered its company's earlier submitted responses to start from.
    std::string company_identifier;
    bool link_company = false;
};

struct Invitation {
    VendorResponse response;
    std::string token;  // the secret, shown once; only its hash is stored
    Id message_id = 0;       // the invitation e-mail queued (send_invitation), 0: none
    std::string mail_error;  // why it could not be queued (French), "" otherwise
};

class MailService;

// A deadline the lead extended: for every vendor (response_id 0) or one. What the e-mail "deadline
// extended" needs (AcquisitionService::on_deadline_extended).
struct DeadlineExtension {
    Acquisition acquisition;   // after the change
    Id response_id = 0;        // 0: the purchase's deadline (every vendor without its own)
    std::string old_deadline;  // the one that held before ("" : none)
    std::string new_deadline;
    std::string reason;
    std::vector<VendorResponse> vendors;  // the vendors it concerns (not withdrawn; for one vendor: that one)
};

// What retention would delete, or deleted (AcquisitionService::purge).
struct PurgeReport {
    std::string cutoff;                  // archived before this instant (UTC ISO-8601)
    std::vector<Acquisition> purchases;  // archived purchases older than the cutoff
    bool deleted = false;                // false for a dry run
};

class AcquisitionService {
public:
    // `mail`: where invitations are queued (none: no e-mail, links only).
    AcquisitionService(store::Store& store, QuestionnaireProvider& questionnaires, const Clock& clock = system_clock(),
                       MailService* mail = nullptr)
        : store_(store), questionnaires_(questionnaires), clock_(clock), mail_(mail) {}

    // Called after each deadline extension (extend_deadline, extend_vendor_deadline), in the
    // request's thread, once it is stored: the hook for the "deadline extended" e-mail. Unset: nothing.
    std::function<void(const DeadlineExtension&)> on_deadline_extended;

    // A purchase by id: "not_found", or "storage" when it cannot be read.
    Result<Acquisition> find(Id acquisition_id) { return store_.acquisitions.find(acquisition_id); }

    static FieldErrors validate(const Acquisition& input);
    static FieldErrors validate(const VendorInput& input);

    // The purchase is pinned to `input.questionnaire_version_id`, a version of the instance's
    // library (0: the built-in AFIB one; services/questionnaire_library.hpp), and gets its grid.
    // Error "invalid_value" for a version not in the library, or when
    // validate() fails. `status`: "draft" (the pages: being prepared, no link opens yet) or "open"
    // (the API v1 default: links work at once); "closed" and "archived" are refused.
    Result<Acquisition> create(Acquisition input, Id user_id, const Actor& actor, const std::string& status = "open");
    // Title, equipment, service, reference, deadline, notes. "archived" for an archived purchase.
    Result<Acquisition> update(const Acquisition& input, const Actor& actor);

    // "archived" for an archived purchase.
    Result<Invitation> invite(Id acquisition_id, const VendorInput& input, const Actor& actor);
    Result<std::string> regenerate_link(Id response_id, const Actor& actor);  // new token; old link dies
    Result<void> revoke_link(Id response_id, const Actor& actor);
    // "Send the invitation" later: a new link (the old one stops working) in a queued e-mail.
    // Returns the message's id; "invalid_value" for a vendor without an e-mail (MailService::send_invitation).
    Result<Id> send_invitation(Id response_id, const Actor& actor);

    // The purchase's life (core/purchase_lifecycle.hpp): `action` is "open", "close", "reopen",
    // "archive" or "unarchive". "conflict" when it is not allowed from the current status,
    // "invalid_value" without the reason a reopening requires (or an unknown action). Journalled.
    Result<Acquisition> transition(Id acquisition_id, const std::string& action, const std::string& reason,
                                   const Actor& actor);
    // Extends the purchase's deadline, for every vendor without its own: `deadline` is a date or a
    // date and time (core/deadline.hpp), later than the current one; a reason is required. Errors
    // "invalid_value" (field messages), "archived". Journalled; then on_deadline_extended.
    Result<Acquisition> extend_deadline(Id acquisition_id, const std::string& deadline, const std::string& reason,
                                        const Actor& actor);
    // The same for one vendor (VendorResponse::deadline), later than the deadline that holds for it.
    Result<VendorResponse> extend_vendor_deadline(Id response_id, const std::string& deadline,
                                                  const std::string& reason, const Actor& actor);

    // A vendor's company, contact, e-mail and language (validate() applies). "archived".
    Result<VendorResponse> update_vendor(Id response_id, const VendorInput& input, const Actor& actor);
    // Withdraws a vendor (a reason is required): its link stops working, its sessions end, its
    // response leaves comparisons, rankings and reports; it stays in the journal and the archive.
    Result<VendorResponse> withdraw_vendor(Id response_id, const std::string& reason, const Actor& actor);
    // Brings a withdrawn vendor back (its link works again).
    Result<VendorResponse> restore_vendor(Id response_id, const std::string& reason, const Actor& actor);

    // Deletes a purchase with everything it holds (documents' bytes too) once `confirmation` is
    // its reference or, without one, its title (exactly, spaces trimmed): "invalid_value" otherwise.
    // The journal keeps a trace.
    Result<store::RemovedAcquisition> remove(Id acquisition_id, const std::string& confirmation, const Actor& actor);
    // Archived purchases whose archive date is more than `retention_years` years ago (now by the
    // clock); deleted unless `dry_run`. "invalid_value" for fewer than 1 year.
    Result<PurgeReport> purge(int retention_years, bool dry_run, const Actor& actor);

private:
    Result<void> require_not_archived(const Acquisition& acquisition) const;
    void notify(const DeadlineExtension& extension) const;

    store::Store& store_;
    QuestionnaireProvider& questionnaires_;
    const Clock& clock_;
    MailService* mail_ = nullptr;
};

// A deadline as a form or the API gives it: "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" (HTML
// datetime-local, seconds dropped) or "" ; nullopt when it is none of these.
std::optional<std::string> normalized_deadline_input(const std::string& text);

}  // namespace cyberachat::services
