#include "services/mail_service.hpp"

#include "core/deadline.hpp"
#include "core/deadline_notices.hpp"
#include "core/markup_escape.hpp"
#include "core/paris_time.hpp"
#include "core/purchase_title.hpp"
#include "core/text_format.hpp"
#include "services/invitation_link.hpp"

namespace cyberachat::services {

namespace {

Error mail_without_address() {
    return Error::make(ErrorCode::invalid_value, "Ce fournisseur n'a pas d'adresse e-mail.",
                       "This vendor has no e-mail address.");
}

// The hospital's logo at the top of an HTML body (a linked image: the reader may block it, then
// its alternative text names the hospital).
void with_letterhead(std::string& html, const MailIdentity& identity) {
    if (identity.logo_url.empty()) return;
    const size_t body = html.find("<body");
    const size_t end = body == std::string::npos ? body : html.find('>', body);
    if (end == std::string::npos) return;
    html.insert(end + 1, "\n<p><img src=\"" + markup_escaped(identity.logo_url) + "\" alt=\"" +
                             markup_escaped(identity.hospital_name) + "\" style=\"max-height: 64px; max-width: 240px\"></p>");
}

}  // namespace

MailService::MailService(store::Store& store, const Clock& clock, std::function<std::string()> base_url)
    : store_(store), clock_(clock), base_url_(std::move(base_url)) {}

void MailService::set_identity(MailIdentity identity) {
    std::lock_guard lock(mutex_);
    identity_ = std::move(identity);
}

void MailService::set_identity_source(std::function<MailIdentity()> source) {
    std::lock_guard lock(mutex_);
    identity_source_ = std::move(source);
}

MailIdentity MailService::identity() const {
    std::function<MailIdentity()> source;
    {
        std::lock_guard lock(mutex_);
        if (!identity_source_) return identity_;
        source = identity_source_;
    }
    return source();
}

void MailService::set_reminder_days(std::vector<int> days) {
    std::lock_guard lock(mutex_);
    reminder_days_ = std::move(days);
}

std::vector<int> MailService::reminder_days() const {
    std::lock_guard lock(mutex_);
    return reminder_days_;
}

Result<MailService::Context> MailService::context_of(Id response_id) {
    Context context;
    TRY_ASSIGN(context.response, store_.responses.find(response_id));
    TRY_ASSIGN(context.acquisition, store_.acquisitions.find(context.response.acquisition_id));
    return context;
}

mail::MailValues MailService::values_for(const Context& context, Language language) const {
    const MailIdentity who = identity();
    const std::string deadline = effective_deadline(context.acquisition, context.response);
    std::string signature = who.hospital_name;
    if (!who.contact_email.empty()) signature += in_language(language, "\nContact : ", "\nContact: ") + who.contact_email;
    signature += in_language(language, "\n(message envoyé par Cyberachat)", "\n(message sent by Cyberachat)");
    const std::string& contact = context.response.contact_name.empty() ? context.response.company
                                                                        : context.response.contact_name;
    return {
        {"hospital", who.hospital_name},
        {"contact_email", who.contact_email},
        {"signature", signature},
        {"purchase", title_for(context.acquisition, language)},  // a vendor in English: the English title
        {"reference", context.acquisition.reference.empty() ? "—" : context.acquisition.reference},
        {"company", context.response.company},
        {"contact", contact},
        {"deadline", deadline.empty() ? in_language(language, "aucune", "none") : format_deadline(deadline, language)},
        {"site", base_url_()},
        {"response_url", base_url_() + "/responses/" + std::to_string(context.response.id)},
        {"submitted_at", context.response.submitted_at.empty()
                             ? std::string("—")
                             : format_datetime(context.response.submitted_at, language)},
    };
}

Result<std::optional<store::OutboxMessage>> MailService::queue(const Context& context, const std::string& kind,
                                                               const std::string& recipient, Language language,
                                                               const mail::MailValues& values, const Actor& actor,
                                                               const std::string& secret_link,
                                                               const std::string& dedup_key) {
    TRY_ASSIGN(auto rendered, mail::MessageTemplates::builtin().render(kind, language, values));
    with_letterhead(rendered.html, identity());
    store::OutboxMessage message;
    message.acquisition_id = context.acquisition.id;
    message.response_id = context.response.id;
    message.recipient = recipient;
    message.language = std::string(language_code(language));
    message.kind = kind;
    message.subject = std::move(rendered.subject);
    message.text_body = std::move(rendered.text);
    message.html_body = std::move(rendered.html);
    message.secret_link = secret_link;
    message.dedup_key = dedup_key;
    return store_.outbox.enqueue(message, iso_from_utc_seconds(clock_.now_utc_seconds()), actor);
}

Result<Id> MailService::queue_to_vendor(const Context& context, const std::string& kind, mail::MailValues extra,
                                        const Actor& actor) {
    if (context.response.email.empty()) return mail_without_address();
    const Language language = parse_language(context.response.language);
    mail::MailValues values = values_for(context, language);
    for (auto& [name, value] : extra) values[name] = std::move(value);
    const std::string link = values.count("link") ? values["link"] : std::string();
    std::string secret;
    if (kind == "invitation") {
        secret = link;
        values["link"] = std::string(mail::kSecretLinkPlaceholder);
    }
    TRY_ASSIGN(auto queued, queue(context, kind, context.response.email, language, values, actor, secret));
    return queued ? queued->id : 0;
}

Result<std::vector<Id>> MailService::queue_to_team(const Context& context, const std::string& kind,
                                                   mail::MailValues extra, const Actor& actor,
                                                   const std::string& dedup_key) {
    TRY_ASSIGN(auto members, store_.members.list(context.acquisition.id));
    mail::MailValues values = values_for(context, Language::fr);
    for (auto& [name, value] : extra) values[name] = std::move(value);
    std::vector<Id> ids;
    for (const Member& member : members) {
        if (!member.user.active || member.user.email.find('@') == std::string::npos) continue;
        // One key per recipient: the notice goes once to each.
        const std::string key = dedup_key.empty() ? std::string() : dedup_key + ":" + std::to_string(member.user.id);
        TRY_ASSIGN(auto queued, queue(context, kind, member.user.email, Language::fr, values, actor, {}, key));
        if (queued) ids.push_back(queued->id);
    }
    return ids;
}

Result<Id> MailService::invitation(Id response_id, const std::string& token, const Actor& actor) {
    TRY_ASSIGN(auto context, context_of(response_id));
    return queue_to_vendor(context, "invitation", {{"link", invitation_url(token)}}, actor);
}

Result<Id> MailService::send_invitation(Id response_id, const Actor& actor) {
    TRY_ASSIGN(auto context, context_of(response_id));
    if (context.response.email.empty()) return mail_without_address();
    TRY_ASSIGN(auto messages, store_.outbox.for_response(response_id));
    for (const auto& message : messages)
        if (message.kind == "invitation" && message.status == "pending")
            return Error::make(ErrorCode::conflict, "Une invitation attend déjà d'être envoyée à ce fournisseur.",
                               "An invitation is already waiting to be sent to this vendor.");
    TRY_ASSIGN(std::string token, new_invitation_token(store_, response_id, actor));
    return queue_to_vendor(context, "invitation", {{"link", invitation_url(token)}}, actor);
}

Result<Id> MailService::clarification_requested(Id response_id, const std::string& question_id,
                                                const std::string& vendor_question, const Actor& actor) {
    TRY_ASSIGN(auto context, context_of(response_id));
    return queue_to_vendor(context, "clarification_requested",
                           {{"question", question_id}, {"vendor_question", vendor_question}}, actor);
}

Result<Id> MailService::response_reopened(Id response_id, const Actor& actor) {
    TRY_ASSIGN(auto context, context_of(response_id));
    return queue_to_vendor(context, "response_reopened", {}, actor);
}

Result<Id> MailService::deadline_extended(Id response_id, const Actor& actor) {
    TRY_ASSIGN(auto context, context_of(response_id));
    return queue_to_vendor(context, "deadline_extended", {}, actor);
}

Result<Id> MailService::submission_receipt(Id response_id, const Actor& actor) {
    TRY_ASSIGN(auto context, context_of(response_id));
    TRY_ASSIGN(auto documents, store_.documents.list_for(response_id));
    const Language language = parse_language(context.response.language);
    std::string fingerprints;
    for (const StoredDocument& document : documents)
        fingerprints += (fingerprints.empty() ? "" : "\n") + document.file_name + " — SHA-256 " + document.sha256;
    if (fingerprints.empty()) fingerprints = in_language(language, "(aucun document)", "(no document)");
    return queue_to_vendor(context, "submission_receipt", {{"fingerprints", fingerprints}}, actor);
}

Result<std::vector<Id>> MailService::vendor_submitted(Id response_id, const Actor& actor) {
    TRY_ASSIGN(auto context, context_of(response_id));
    return queue_to_team(context, "vendor_submitted", {}, actor);
}

Result<std::vector<Id>> MailService::clarification_answered(Id response_id, const std::string& question_id,
                                                            const std::string& explanation, const Actor& actor) {
    TRY_ASSIGN(auto context, context_of(response_id));
    return queue_to_team(context, "clarification_answered", {{"question", question_id}, {"explanation", explanation}},
                         actor);
}

Result<size_t> MailService::queue_deadline_notices() {
    const long long now = clock_.now_utc_seconds();
    const std::vector<int> days = reminder_days();
    const Actor system("system", Via::system);
    size_t queued = 0;
    TRY_ASSIGN(auto acquisitions, store_.acquisitions.list());
    for (const Acquisition& acquisition : acquisitions) {
        if (acquisition.status != "open") continue;
        TRY_ASSIGN(auto responses, store_.responses.list_for(acquisition.id));
        for (const DeadlineNotice& notice : plan_deadline_notices(acquisition, responses, days, now)) {
            Context context{acquisition, {}};
            for (const auto& response : responses)
                if (response.id == notice.response_id) context.response = response;
            if (notice.kind == DeadlineNotice::Kind::deadline_missed) {
                TRY_ASSIGN(auto ids, queue_to_team(context, "deadline_missed", {}, system, notice.dedup_key));
                queued += ids.size();
                continue;
            }
            const Language language = parse_language(context.response.language);
            mail::MailValues values = values_for(context, language);
            values["days"] = std::to_string(notice.days);
            TRY_ASSIGN(auto message, queue(context, "reminder", context.response.email, language, values, system, {},
                                           notice.dedup_key));
            if (message) ++queued;
        }
    }
    return queued;
}

Result<std::vector<store::OutboxMessage>> MailService::messages_for_response(Id response_id) {
    TRY(store_.responses.find(response_id));
    return store_.outbox.for_response(response_id);
}

Result<void> MailService::resend(Id response_id, Id message_id, const Actor& actor) {
    TRY_ASSIGN(auto message, store_.outbox.find(message_id));
    if (message.response_id != response_id) return Error::make(ErrorCode::not_found, "Message introuvable.", "Message not found.");
    std::optional<std::string> link;
    if (message.kind == "invitation" && message.status != "pending") {
        TRY_ASSIGN(std::string token, new_invitation_token(store_, response_id, actor));
        link = invitation_url(token);
    }
    return store_.outbox.requeue(message_id, iso_from_utc_seconds(clock_.now_utc_seconds()), link, actor);
}

void MailService::link_replaced(Id response_id, const std::string& token) {
    (void)store_.outbox.replace_pending_links(response_id, token.empty() ? std::string() : invitation_url(token));
}

}  // namespace cyberachat::services
