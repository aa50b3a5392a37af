#include "services/mail_delivery.hpp"

#include "core/markup_escape.hpp"

#include <optional>

#include <spdlog/spdlog.h>

#include "core/paris_time.hpp"
#include "mail/mime_message.hpp"

namespace cyberachat::services {

namespace {

// `text` with every placeholder of the secret link replaced by `link`.
std::string with_secret_link(std::string text, std::string_view link) {
    const std::string_view placeholder = mail::kSecretLinkPlaceholder;
    for (size_t at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + link.size()))
        text.replace(at, placeholder.size(), link);
    return text;
}

}  // namespace

long long retry_delay_seconds(const DeliverySettings& settings, int attempts) {
    long long delay = settings.first_retry_seconds;
    for (int i = 1; i < attempts && delay < settings.max_retry_seconds; ++i) delay *= 2;
    return std::min(delay, settings.max_retry_seconds);
}

Result<MailDelivery::Round> MailDelivery::deliver_due() {
    const Clock& clock = mail_.clock();
    TRY_ASSIGN(auto due, store_.outbox.due(iso_from_utc_seconds(clock.now_utc_seconds()), settings_.batch));
    Round round;
    const MailIdentity identity = mail_.identity();
    for (const store::OutboxMessage& message : due) {
        const long long now = clock.now_utc_seconds();
        mail::MimeMessage mime;
        mime.from_name = identity.hospital_name;
        mime.from_address = transport_.from_address();
        mime.to = message.recipient;
        mime.reply_to = identity.contact_email;
        mime.subject = message.subject;
        mime.text_body = with_secret_link(message.text_body, message.secret_link);
        mime.html_body = with_secret_link(message.html_body, markup_escaped(message.secret_link));
        mime.date_utc_seconds = now;
        Result<void> sent = mail::valid_mail_address(message.recipient)
                                ? transport_.send(message.recipient, mail::render_mime(mime))
                                : Result<void>(Error::make(ErrorCode::invalid_value, "Adresse du destinataire invalide.",
                                                           "Invalid recipient address."));
        if (sent) {
            if (auto marked = store_.outbox.mark_sent(message.id, iso_from_utc_seconds(now)); !marked)
                spdlog::error("mail: message {} sent but not marked sent: {}", message.id, marked.error().message.fr);
            spdlog::info("mail: message {} ({}) sent", message.id, message.kind);
            ++round.sent;
            continue;
        }
        ++round.failed;
        const int attempts = message.attempts + 1;
        const bool give_up = attempts >= settings_.max_attempts || sent.error().code == ErrorCode::invalid_value;
        const std::string next = iso_from_utc_seconds(now + retry_delay_seconds(settings_, attempts));
        (void)store_.outbox.mark_attempt_failed(message.id, next, sent.error().message.fr, give_up);
        spdlog::warn("mail: message {} ({}) attempt {} failed{}: {}", message.id, message.kind, attempts,
                     give_up ? ", given up" : "", sent.error().message.fr);
    }
    return round;
}

MailWorker::MailWorker(MailService& mail, MailDelivery* delivery, std::chrono::milliseconds period,
                       std::chrono::milliseconds planning_period)
    : mail_(mail), delivery_(delivery), period_(period), planning_period_(planning_period) {}

MailWorker::~MailWorker() { stop(); }

void MailWorker::plan_notices() {
    if (auto queued = mail_.queue_deadline_notices(); !queued)
        spdlog::error("mail: deadline notices: {}", queued.error().message.fr);
}

void MailWorker::deliver() {
    if (delivery_)
        if (auto round = delivery_->deliver_due(); !round) spdlog::error("mail: delivery: {}", round.error().message.fr);
}

void MailWorker::run_once() {
    plan_notices();
    deliver();
}

void MailWorker::start() {
    if (thread_.joinable()) return;
    stopping_ = false;
    thread_ = std::thread([this] {
        std::unique_lock lock(mutex_);
        std::optional<std::chrono::steady_clock::time_point> planned;
        while (!stopping_) {
            lock.unlock();
            const auto now = std::chrono::steady_clock::now();
            if (!planned || now - *planned >= planning_period_) {
                plan_notices();
                planned = now;
            }
            deliver();
            lock.lock();
            wake_.wait_for(lock, period_, [this] { return stopping_; });
        }
    });
}

void MailWorker::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

}  // namespace cyberachat::services
