#pragma once
// Delivering the outbox: each round takes the messages due now, puts the secret link into an
// invitation's bodies, renders the MIME text (the hospital's name as sender) and sends it through
// the transport. A failure is retried with exponential backoff (1 min, 2, 4 … at most 1 h) and
// given up after `max_attempts` (status "failed": the hospital may resend). Everything is in the
// database: a restart, or the server down for a while, loses nothing. Times from the Clock.
//
// MailWorker runs the rounds on a background thread (serve), with the planning of reminders.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "mail/smtp_transport.hpp"
#include "services/mail_service.hpp"

namespace cyberachat::services {

struct DeliverySettings {
    int max_attempts = 10;
    long long first_retry_seconds = 60;
    long long max_retry_seconds = 3600;
    size_t batch = 50;  // messages per round at most
};

// Seconds to wait after the `attempts`-th failed attempt (1, 2, …): first × 2^(attempts−1), capped.
long long retry_delay_seconds(const DeliverySettings& settings, int attempts);

class MailDelivery {
public:
    MailDelivery(store::Store& store, MailService& mail, mail::MailTransport& transport, DeliverySettings settings = {})
        : store_(store), mail_(mail), transport_(transport), settings_(settings) {}

    struct Round {
        size_t sent = 0;
        size_t failed = 0;  // attempts that failed (retried later or given up)
    };
    // One round over the messages due at the clock's now. "storage" when the outbox cannot be read.
    Result<Round> deliver_due();

private:
    store::Store& store_;
    MailService& mail_;
    mail::MailTransport& transport_;
    DeliverySettings settings_;
};

// A thread that every `period` queues the deadline notices (MailService::queue_deadline_notices)
// and, when given a delivery, sends what is due. stop() (or the destructor) ends it after the
// round in progress.
class MailWorker {
public:
    // Reminders and "deadline missed" notices are counted in days: the background thread plans
    // them at most this often by default (it reads every open purchase), while it delivers at each round.
    static constexpr std::chrono::seconds kNoticePlanningPeriod{60};

    // `planning_period`: how often reminders and "deadline missed" notices are planned (they are
    // counted in days: every minute is plenty; a test of the whole tender shortens it).
    MailWorker(MailService& mail, MailDelivery* delivery, std::chrono::milliseconds period,
               std::chrono::milliseconds planning_period = kNoticePlanningPeriod);
    ~MailWorker();
    void start();
    void stop();
    void run_once();  // one round now, on the caller's thread: deadline notices, then delivery

private:
    void plan_notices();
    void deliver();

    MailService& mail_;
    MailDelivery* delivery_;
    std::chrono::milliseconds period_;
    std::chrono::milliseconds planning_period_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace cyberachat::services
