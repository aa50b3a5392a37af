// The e-mails of a tender, end to end over a real store and a real SMTP server (aiosmtpd): each
// is queued by the action that triggers it, delivered, retried while the server is down, never
// lost; the secret link is sent, then erased, and never logged.
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>

#include "../mail/test_smtp_server.hpp"
#include "../png_fixture.hpp"
#include "core/paris_time.hpp"
#include "mail/smtp_transport.hpp"
#include "security/secrets.hpp"
#include "service_fixture.hpp"
#include "services/mail_delivery.hpp"
#include "services/instance_settings_service.hpp"
#include "services/mail_service.hpp"

namespace cyberachat::services::testing {
namespace {

long long at(const char* iso) { return *utc_seconds_from_iso(iso); }

class MailServiceTest : public ServiceTest {
protected:
    void SetUp() override {
        ServiceTest::SetUp();
        if (HasFatalFailure()) return;
        mail = std::make_unique<MailService>(*store, clock, [] { return std::string("https://cyberachat.chu.test"); });
        mail->set_identity({"CHU de Test", "biomed@chu.test"});
        mailing_acquisitions = std::make_unique<AcquisitionService>(*store, questionnaires(), system_clock(), mail.get());
        mailing_responses = std::make_unique<ResponseService>(*store, questionnaires(), ServiceLimits{}, system_clock(), mail.get());
        mailing_evaluations = std::make_unique<EvaluationService>(*store, questionnaires(), *mailing_responses, mail.get());
        auto settings = mail::make_smtp_settings(smtp.url(), "cyberachat@chu.test", "", "", nullptr);
        ASSERT_TRUE(settings.ok());
        settings->connect_timeout_seconds = 2;
        settings->timeout_seconds = 10;
        transport = std::make_unique<mail::SmtpTransport>(*settings);
        delivery = std::make_unique<MailDelivery>(*store, *mail, *transport, delivery_settings);
    }

    // A vendor invited with its invitation e-mail queued; the purchase has a lead with an e-mail.
    Invitation invite_by_mail(const std::string& language = "fr") {
        const Acquisition purchase = mini_purchase();
        const User lead = make_user("lead." + std::to_string(purchase.id) + "@chu.test");
        EXPECT_TRUE(store->members.put(purchase.id, lead.id, PurchaseRole::lead, "system").ok());
        VendorInput input = vendor_input();
        input.language = language;
        input.send_invitation = true;
        auto invited = mailing_acquisitions->invite(purchase.id, input, kBuyerActor);
        EXPECT_TRUE(invited.ok());
        EXPECT_NE(invited->message_id, 0);
        return *invited;
    }

    MailDelivery::Round deliver() {
        auto round = delivery->deliver_due();
        EXPECT_TRUE(round.ok()) << round.error().message.fr;
        return round.ok() ? *round : MailDelivery::Round{};
    }

    std::vector<store::OutboxMessage> messages(Id response_id) { return *mail->messages_for_response(response_id); }

    std::vector<std::string> kinds(Id response_id) {
        std::vector<std::string> out;
        for (const auto& m : messages(response_id)) out.push_back(m.kind + ":" + m.recipient);
        return out;
    }

    ManualClock clock{at("2027-03-01T09:00:00Z")};
    cyberachat::testing::TestSmtpServer smtp;
    DeliverySettings delivery_settings{};
    std::unique_ptr<MailService> mail;
    std::unique_ptr<AcquisitionService> mailing_acquisitions;
    std::unique_ptr<ResponseService> mailing_responses;
    std::unique_ptr<EvaluationService> mailing_evaluations;
    std::unique_ptr<mail::SmtpTransport> transport;
    std::unique_ptr<MailDelivery> delivery;
};

TEST_F(MailServiceTest, TheInvitationArrivesWithAWorkingLinkThatIsThenErasedAndNeverLogged) {
    std::ostringstream log;
    auto previous = spdlog::default_logger();
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(log)));
    const Invitation invitation = invite_by_mail();
    const std::string link = "https://cyberachat.chu.test/invitation/" + invitation.token;
    // While pending, the link is stored apart from the bodies.
    auto waiting = messages(invitation.response.id);
    ASSERT_EQ(waiting.size(), 1u);
    EXPECT_EQ(waiting[0].status, "pending");
    EXPECT_EQ(waiting[0].text_body.find(invitation.token), std::string::npos);
    EXPECT_EQ(deliver().sent, 1u);
    spdlog::set_default_logger(previous);

    auto received = smtp.wait_for(1);
    ASSERT_EQ(received.size(), 1u);
    EXPECT_EQ(received[0].recipient(), "jeanne.martin@acme.example");
    EXPECT_EQ(received[0].header("from"), "\"CHU de Test\" <cyberachat@chu.test>");
    EXPECT_EQ(received[0].header("subject"), "CHU de Test — questionnaire de sécurité AFIB : Achat mini");
    EXPECT_NE(received[0].text.find(link), std::string::npos) << received[0].text;
    EXPECT_NE(received[0].html.find("href=\"" + link + "\""), std::string::npos);
    EXPECT_NE(received[0].text.find("31/03/2027 à 23"), std::string::npos) << "deadline in Paris time";
    EXPECT_NE(received[0].text.find("heure de Paris"), std::string::npos);
    // The link works: it opens this vendor's response.
    auto opened = mailing_responses->find_by_invitation_token(invitation.token);
    ASSERT_TRUE(opened.ok());
    EXPECT_EQ(opened->id, invitation.response.id);
    // Sent: the link is erased from the database, and it was never in the log or the journal.
    EXPECT_EQ(messages(invitation.response.id)[0].status, "sent");
    store->db->read([&](soci::session& sql) {
        int count = -1;
        sql << "SELECT COUNT(*) FROM outbox WHERE secret_link IS NOT NULL", soci::into(count);
        EXPECT_EQ(count, 0);
        const std::string pattern = "%" + invitation.token + "%";
        sql << "SELECT COUNT(*) FROM outbox WHERE text_body LIKE :p OR html_body LIKE :p", soci::use(pattern, "p"),
            soci::into(count);
        EXPECT_EQ(count, 0);
        sql << "SELECT COUNT(*) FROM events WHERE new_value LIKE :p OR old_value LIKE :p", soci::use(pattern, "p"),
            soci::into(count);
        EXPECT_EQ(count, 0);
    });
    EXPECT_NE(log.str().find("sent"), std::string::npos) << log.str();
    EXPECT_EQ(log.str().find(invitation.token), std::string::npos) << log.str();
}

TEST_F(MailServiceTest, SmtpDownThenBackNothingIsLostAndRetriesBackOff) {
    smtp.stop();
    const Invitation invitation = invite_by_mail();
    auto round = deliver();
    EXPECT_EQ(round.failed, 1u);
    auto waiting = messages(invitation.response.id)[0];
    EXPECT_EQ(waiting.status, "pending");
    EXPECT_EQ(waiting.attempts, 1);
    EXPECT_FALSE(waiting.last_error.empty());
    EXPECT_EQ(waiting.next_attempt_at, "2027-03-01T09:01:00Z") << "1 minute";
    clock.advance(59);
    EXPECT_EQ(deliver().failed, 0u) << "not due yet";
    clock.advance(1);
    EXPECT_EQ(deliver().failed, 1u);
    EXPECT_EQ(messages(invitation.response.id)[0].next_attempt_at, "2027-03-01T09:03:00Z") << "then 2 minutes";
    // The server comes back; a new delivery over another instance of the store (a restart) sends it.
    smtp.start();
    auto restarted_store = open_another_instance();
    MailService restarted_mail(*restarted_store, clock, [] { return std::string("https://cyberachat.chu.test"); });
    MailDelivery restarted(*restarted_store, restarted_mail, *transport);
    clock.advance(120);
    auto after = restarted.deliver_due();
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->sent, 1u);
    auto received = smtp.wait_for(1);
    ASSERT_EQ(received.size(), 1u);
    EXPECT_NE(received[0].text.find(invitation.token), std::string::npos) << "the link survived the restart";
    EXPECT_EQ(messages(invitation.response.id)[0].attempts, 3);
}

TEST_F(MailServiceTest, GivenUpAfterTheLastAttemptThenResendMakesANewLink) {
    delivery = std::make_unique<MailDelivery>(*store, *mail, *transport, DeliverySettings{3, 60, 3600, 50});
    EXPECT_EQ(retry_delay_seconds(DeliverySettings{}, 1), 60);
    EXPECT_EQ(retry_delay_seconds(DeliverySettings{}, 3), 240);
    EXPECT_EQ(retry_delay_seconds(DeliverySettings{}, 9), 3600) << "capped at an hour";
    smtp.stop();
    const Invitation invitation = invite_by_mail();
    for (int i = 0; i < 3; ++i) {
        deliver();
        clock.advance(3600);
    }
    auto failed = messages(invitation.response.id)[0];
    EXPECT_EQ(failed.status, "failed");
    EXPECT_EQ(failed.attempts, 3);
    smtp.start();
    EXPECT_EQ(deliver().sent, 0u) << "a failed message is not retried by itself";
    ASSERT_TRUE(mail->resend(invitation.response.id, failed.id, "user:lead@chu.test").ok());
    EXPECT_FALSE(mailing_responses->find_by_invitation_token(invitation.token).ok()) << "the old link stopped working";
    EXPECT_EQ(deliver().sent, 1u);
    auto received = smtp.wait_for(1);
    ASSERT_EQ(received.size(), 1u);
    EXPECT_EQ(received[0].text.find(invitation.token), std::string::npos);
    const std::string prefix = "https://cyberachat.chu.test/invitation/";
    const size_t start = received[0].text.find(prefix);
    ASSERT_NE(start, std::string::npos);
    const std::string token = received[0].text.substr(start + prefix.size(), 43);
    EXPECT_TRUE(mailing_responses->find_by_invitation_token(token).ok()) << "the new link works";
    EXPECT_ERROR_CODE(mail->resend(invitation.response.id + 1, failed.id, "x"), "not_found");
}

TEST_F(MailServiceTest, SendInvitationLaterAndNotTwiceWhilePending) {
    const Acquisition purchase = mini_purchase();
    auto invited = mailing_acquisitions->invite(purchase.id, vendor_input(), kBuyerActor);  // no e-mail asked
    ASSERT_TRUE(invited.ok());
    EXPECT_EQ(invited->message_id, 0);
    EXPECT_TRUE(messages(invited->response.id).empty());
    auto sent = mailing_acquisitions->send_invitation(invited->response.id, kBuyerActor);
    ASSERT_TRUE(sent.ok());
    EXPECT_FALSE(mailing_responses->find_by_invitation_token(invited->token).ok()) << "a new link was made";
    EXPECT_ERROR_CODE(mailing_acquisitions->send_invitation(invited->response.id, kBuyerActor), "conflict");
    // A link regenerated meanwhile is the one sent.
    auto regenerated = mailing_acquisitions->regenerate_link(invited->response.id, kBuyerActor);
    ASSERT_TRUE(regenerated.ok());
    EXPECT_EQ(deliver().sent, 1u);
    auto received = smtp.wait_for(1);
    ASSERT_EQ(received.size(), 1u);
    EXPECT_NE(received[0].text.find(*regenerated), std::string::npos);
    // Without an e-mail address: refused.
    VendorResponse no_email;
    no_email.acquisition_id = purchase.id;
    no_email.company = "Sans Adresse";
    auto silent = store->responses.create(no_email, kBuyerActor);
    ASSERT_TRUE(silent.ok());
    EXPECT_ERROR_CODE(mailing_acquisitions->send_invitation(silent->id, kBuyerActor), "invalid_value");
}

TEST_F(MailServiceTest, EachNotificationIsQueuedByItsActionAndArrives) {
    const Invitation invitation = invite_by_mail("en");
    const Id id = invitation.response.id;
    const std::string lead = "lead." + std::to_string(invitation.response.acquisition_id) + "@chu.test";
    const std::string vendor = "jeanne.martin@acme.example";
    const std::string actor = vendor_actor(id);
    ASSERT_TRUE(mailing_responses->save_answer(id, "p.gate", json("non"), std::nullopt, -1, actor).ok());
    ASSERT_TRUE(mailing_responses->add_document(id, "p.doc", "schema.pdf", kPdfBytes, actor).ok());
    ASSERT_TRUE(mailing_responses->submit(id, actor).ok());
    ReviewInput ask{"p.gate", "clarification", "", "Which operating system?"};
    ASSERT_TRUE(mailing_evaluations->add_review(id, ask, it_reviewer(), user_actor(it_reviewer())).ok());
    ASSERT_TRUE(mailing_responses->answer_clarification(id, "p.gate", std::nullopt, "Windows 10 LTSC.", actor).ok());
    ASSERT_TRUE(mailing_responses->reopen(id, kBuyerActor).ok());
    ASSERT_TRUE(mail->deadline_extended(id, kBuyerActor).ok());
    EXPECT_EQ(kinds(id), (std::vector<std::string>{"deadline_extended:" + vendor, "response_reopened:" + vendor,
                                                   "clarification_answered:" + lead, "clarification_requested:" + vendor,
                                                   "vendor_submitted:" + lead, "submission_receipt:" + vendor,
                                                   "invitation:" + vendor}));
    EXPECT_EQ(deliver().sent, 7u);
    auto received = smtp.wait_for(7);
    ASSERT_EQ(received.size(), 7u);
    auto to_vendor = smtp.messages_to(vendor);
    auto to_lead = smtp.messages_to(lead);
    ASSERT_EQ(to_vendor.size(), 5u);
    ASSERT_EQ(to_lead.size(), 2u);
    auto find = [](const std::vector<cyberachat::testing::ReceivedMail>& mails, const std::string& subject_part) {
        for (const auto& m : mails)
            if (m.header("subject").find(subject_part) != std::string::npos) return m;
        return cyberachat::testing::ReceivedMail{};
    };
    // The vendor's messages in its language (English), the team's in French.
    auto receipt = find(to_vendor, "Receipt");
    const std::string sha = security::sha256_hex(kPdfBytes);
    EXPECT_NE(receipt.text.find("schema.pdf — SHA-256 " + sha), std::string::npos) << receipt.text;
    EXPECT_NE(find(to_vendor, "asks for a clarification").text.find("Which operating system?"), std::string::npos);
    EXPECT_FALSE(find(to_vendor, "reopened").text.empty());
    EXPECT_FALSE(find(to_vendor, "Deadline extended").text.empty());
    EXPECT_NE(find(to_lead, "a soumis sa réponse").text.find("https://cyberachat.chu.test/responses/" + std::to_string(id)),
              std::string::npos);
    EXPECT_NE(find(to_lead, "demande de précision").text.find("Windows 10 LTSC."), std::string::npos);
}

TEST_F(MailServiceTest, RemindersAtTheOffsetsOnceEachAndTheTeamToldWhenTheDeadlinePasses) {
    const Invitation invitation = invite_by_mail();
    const Id id = invitation.response.id;
    // A second vendor that submits: never reminded.
    const Id submitted = mailing_acquisitions->invite(invitation.response.acquisition_id, vendor_input("Beta"), kBuyerActor)
                             ->response.id;
    ASSERT_TRUE(mailing_responses->save_answer(submitted, "p.gate", json("non"), std::nullopt, -1, "x").ok());
    ASSERT_TRUE(mailing_responses->submit(submitted, vendor_actor(submitted)).ok());
    auto reminders = [&] {
        std::vector<std::string> out;
        for (const auto& m : *store->outbox.for_acquisition(invitation.response.acquisition_id))
            if (m.kind == "reminder" || m.kind == "deadline_missed") out.push_back(m.kind + ":" + std::to_string(m.response_id));
        return out;
    };
    clock.set(at("2027-03-24T06:59:00Z"));  // 07:59 Paris, 7 days before
    EXPECT_EQ(*mail->queue_deadline_notices(), 0u);
    clock.set(at("2027-03-24T07:00:00Z"));
    EXPECT_EQ(*mail->queue_deadline_notices(), 1u);
    EXPECT_EQ(*mail->queue_deadline_notices(), 0u) << "queued once";
    clock.set(at("2027-03-28T06:00:00Z"));  // 08:00 Paris (CEST), 3 days before
    EXPECT_EQ(*mail->queue_deadline_notices(), 1u);
    clock.set(at("2027-03-31T21:59:59Z"));  // 23:59:59 Paris: still before
    EXPECT_EQ(*mail->queue_deadline_notices(), 1u) << "the 1-day one";
    EXPECT_EQ(reminders(), (std::vector<std::string>{"reminder:" + std::to_string(id), "reminder:" + std::to_string(id),
                                                     "reminder:" + std::to_string(id)}));
    clock.set(at("2027-03-31T22:00:01Z"));  // the deadline passed
    EXPECT_EQ(*mail->queue_deadline_notices(), 1u) << "the team's notice, to its one member";
    EXPECT_EQ(*mail->queue_deadline_notices(), 0u);
    EXPECT_EQ(reminders().front(), "deadline_missed:" + std::to_string(id));
    EXPECT_EQ(deliver().sent, 1u + 2u + 3u + 1u) << "invitation, Beta's receipt and the team's notice, reminders, deadline notice";
    auto to_vendor = smtp.messages_to("jeanne.martin@acme.example");
    size_t reminder_mails = 0;
    for (const auto& m : to_vendor)
        if (m.header("subject").rfind("Rappel", 0) == 0) {
            ++reminder_mails;
            EXPECT_NE(m.text.find("31/03/2027"), std::string::npos);
        }
    EXPECT_EQ(reminder_mails, 3u);
}

TEST_F(MailServiceTest, OnlyTheLatestOfSeveralPassedOffsetsIsSent) {
    const Invitation invitation = invite_by_mail();
    mail->set_reminder_days({7, 3, 1});
    clock.set(at("2027-03-30T12:00:00Z"));  // the server was off: 7, 3 and 1 all passed
    EXPECT_EQ(*mail->queue_deadline_notices(), 1u);
    auto queued = *store->outbox.for_response(invitation.response.id);
    ASSERT_EQ(queued.front().kind, "reminder");
    EXPECT_EQ(queued.front().dedup_key, "reminder:" + std::to_string(invitation.response.id) + ":1:2027-03-31");
    EXPECT_EQ(*mail->queue_deadline_notices(), 0u);
}

TEST_F(MailServiceTest, MessagesComeFromTheHospitalAsItsAdministratorsNamedIt) {
    InstanceSettingsService settings(*store);
    mail->set_identity_source([&] {
        const HospitalIdentity identity = settings.identity();
        return MailIdentity{identity.shown_name(), identity.contact_email,
                            identity.has_logo() ? "https://cyberachat.chu.test" + identity.logo_path() : std::string()};
    });
    IdentityChange change;
    change.name = "CHU de Compiègne";
    change.contact_email = "biomed@chu-compiegne.test";
    change.logo_png = cyberachat::test_images::small_png();
    ASSERT_TRUE(settings.update_identity(change, Actor("user:admin@chu.test", Via::page)).ok());
    const std::string logo_url = "https://cyberachat.chu.test" + settings.identity().logo_path();

    const Invitation invitation = invite_by_mail("en");
    EXPECT_EQ(deliver().sent, 1u);
    auto received = smtp.wait_for(1);
    ASSERT_EQ(received.size(), 1u);
    const std::string from = received[0].header("from");
    EXPECT_NE(from.find("CHU de Compiègne"), std::string::npos) << from;
    EXPECT_NE(from.find("<cyberachat@chu.test>"), std::string::npos) << from;
    EXPECT_EQ(received[0].header("reply-to"), "<biomed@chu-compiegne.test>");
    EXPECT_EQ(received[0].header("subject"), "CHU de Compiègne — AFIB security questionnaire: Achat mini");
    EXPECT_NE(received[0].text.find("CHU de Compiègne invites you"), std::string::npos) << received[0].text;
    EXPECT_NE(received[0].text.find("Contact: biomed@chu-compiegne.test"), std::string::npos);
    EXPECT_NE(received[0].html.find("<img src=\"" + logo_url + "\" alt=\"CHU de Compiègne\""), std::string::npos)
        << received[0].html;
    (void)invitation;
}

// A purchase with an English title: the vendors in English read it in their e-mails (invitation,
// reminders), the vendors in French and the team the French one.
TEST_F(MailServiceTest, AVendorInEnglishGetsThePurchasesEnglishTitleTheOthersTheFrenchOne) {
    Acquisition purchase = mini_purchase();
    purchase.title_en = "Mini purchase";
    ASSERT_TRUE(store->acquisitions.update(purchase, kBuyerActor).ok());
    const User lead = make_user("lead.title@chu.test");
    ASSERT_TRUE(store->members.put(purchase.id, lead.id, PurchaseRole::lead, "system").ok());
    VendorInput english = vendor_input("Acme Medical");
    english.language = "en";
    english.send_invitation = true;
    VendorInput french = vendor_input("Beta Santé");
    french.email = "paul.durand@beta.example";
    french.send_invitation = true;
    auto to_english = mailing_acquisitions->invite(purchase.id, english, kBuyerActor);
    auto to_french = mailing_acquisitions->invite(purchase.id, french, kBuyerActor);
    ASSERT_TRUE(to_english.ok() && to_french.ok());
    EXPECT_EQ(deliver().sent, 2u);
    ASSERT_EQ(smtp.wait_for(2).size(), 2u);
    auto english_mails = smtp.messages_to("jeanne.martin@acme.example");
    auto french_mails = smtp.messages_to("paul.durand@beta.example");
    ASSERT_EQ(english_mails.size(), 1u);
    ASSERT_EQ(french_mails.size(), 1u);
    EXPECT_EQ(english_mails[0].header("subject"), "CHU de Test — AFIB security questionnaire: Mini purchase");
    EXPECT_NE(english_mails[0].text.find("for the purchase \"Mini purchase\""), std::string::npos) << english_mails[0].text;
    EXPECT_NE(english_mails[0].html.find("Mini purchase"), std::string::npos);
    EXPECT_EQ(english_mails[0].text.find("Achat mini"), std::string::npos) << english_mails[0].text;
    EXPECT_EQ(french_mails[0].header("subject"), "CHU de Test — questionnaire de sécurité AFIB : Achat mini");
    EXPECT_EQ(french_mails[0].text.find("Mini purchase"), std::string::npos) << french_mails[0].text;

    // A reminder (7 days before the deadline), each in its reader's title.
    clock.set(at("2027-03-24T07:00:00Z"));
    EXPECT_EQ(*mail->queue_deadline_notices(), 2u);
    const auto reminder_to = [&](Id response_id) {
        for (const auto& m : *store->outbox.for_response(response_id))
            if (m.kind == "reminder") return m;
        return store::OutboxMessage{};
    };
    EXPECT_EQ(reminder_to(to_english->response.id).subject.rfind("Reminder: AFIB questionnaire \"Mini purchase\" due by", 0), 0u)
        << reminder_to(to_english->response.id).subject;
    EXPECT_NE(reminder_to(to_french->response.id).subject.find("« Achat mini »"), std::string::npos)
        << reminder_to(to_french->response.id).subject;

    // The team is told in French, with the French title, of the English vendor's submission.
    const Id id = to_english->response.id;
    ASSERT_TRUE(mailing_responses->save_answer(id, "p.gate", json("non"), std::nullopt, -1, vendor_actor(id)).ok());
    ASSERT_TRUE(mailing_responses->submit(id, vendor_actor(id)).ok());
    bool told = false;
    for (const auto& m : *store->outbox.for_acquisition(purchase.id)) {
        if (m.kind == "vendor_submitted") {
            told = true;
            EXPECT_EQ(m.recipient, "lead.title@chu.test");
            EXPECT_NE(m.subject.find("Achat mini"), std::string::npos) << m.subject;
        }
        if (m.kind == "submission_receipt") EXPECT_NE(m.subject.find("Mini purchase"), std::string::npos) << m.subject;
    }
    EXPECT_TRUE(told);
}

}  // namespace
}  // namespace cyberachat::services::testing
