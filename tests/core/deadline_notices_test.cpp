#include "core/deadline_notices.hpp"

#include <gtest/gtest.h>

#include "core/paris_time.hpp"

namespace cyberachat {
namespace {

long long at(const char* iso) { return *utc_seconds_from_iso(iso); }

struct DeadlineNoticesTest : ::testing::Test {
    Acquisition acquisition;
    VendorResponse vendor;
    void SetUp() override {
        acquisition.id = 1;
        acquisition.deadline = "2027-03-31";  // 23:59:59 Paris (CEST from 28 March)
        vendor.id = 7;
        vendor.acquisition_id = 1;
        vendor.email = "v@x.test";
        vendor.created_at = "2027-01-10T09:00:00Z";
    }
    std::vector<DeadlineNotice> plan(long long now, std::vector<VendorResponse> responses = {}) {
        if (responses.empty()) responses = {vendor};
        return plan_deadline_notices(acquisition, responses, {7, 3, 1}, now);
    }
};

TEST_F(DeadlineNoticesTest, RemindersAreDueAtEightParisTimeOnEachOffsetDay) {
    // 24 March 08:00 Paris is 07:00 UTC (CET, before the change of 28 March).
    EXPECT_EQ(*reminder_due_at("2027-03-31", 7), at("2027-03-24T07:00:00Z"));
    // 30 March 08:00 Paris is 06:00 UTC (CEST).
    EXPECT_EQ(*reminder_due_at("2027-03-31", 1), at("2027-03-30T06:00:00Z"));
    EXPECT_TRUE(plan(at("2027-03-24T06:59:59Z")).empty());
    auto seven = plan(at("2027-03-24T07:00:00Z"));
    ASSERT_EQ(seven.size(), 1u);
    EXPECT_EQ(seven[0].kind, DeadlineNotice::Kind::reminder);
    EXPECT_EQ(seven[0].days, 7);
    EXPECT_EQ(seven[0].dedup_key, "reminder:7:7:2027-03-31");
    auto three = plan(at("2027-03-28T07:00:00Z"));
    ASSERT_EQ(three.size(), 1u);
    EXPECT_EQ(three[0].days, 3);
    auto one = plan(at("2027-03-31T20:00:00Z"));
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].days, 1);
}

TEST_F(DeadlineNoticesTest, OnlyTheLatestOfSeveralPassedOffsets) {
    auto notices = plan(at("2027-03-30T12:00:00Z"));  // 7, 3 and 1 all passed
    ASSERT_EQ(notices.size(), 1u);
    EXPECT_EQ(notices[0].days, 1);
}

TEST_F(DeadlineNoticesTest, NoneForSubmittedWithdrawnWithoutEmailOrClosedPurchases) {
    const long long now = at("2027-03-29T12:00:00Z");
    VendorResponse submitted = vendor;
    submitted.status = ResponseStatus::submitted;
    VendorResponse withdrawn = vendor;
    withdrawn.withdrawn_at = "2027-02-01T10:00:00Z";
    VendorResponse no_email = vendor;
    no_email.email.clear();
    EXPECT_TRUE(plan(now, {submitted, withdrawn, no_email}).empty());
    acquisition.status = "closed";
    EXPECT_TRUE(plan(now).empty());
    acquisition.status = "open";
    acquisition.deadline.clear();
    EXPECT_TRUE(plan(now).empty());
}

TEST_F(DeadlineNoticesTest, NoReminderForAnOffsetThatCameBeforeTheInvitation) {
    vendor.created_at = "2027-03-29T10:00:00Z";  // invited after the 7- and 3-day reminders' times
    EXPECT_TRUE(plan(at("2027-03-29T12:00:00Z")).empty());
    auto one = plan(at("2027-03-30T06:00:00Z"));
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].days, 1);
}

TEST_F(DeadlineNoticesTest, AfterTheDeadlineTheTeamIsToldOnceAndNoReminder) {
    auto notices = plan(at("2027-03-31T22:00:00Z"));  // 00:00 Paris on 1 April
    ASSERT_EQ(notices.size(), 1u);
    EXPECT_EQ(notices[0].kind, DeadlineNotice::Kind::deadline_missed);
    EXPECT_EQ(notices[0].dedup_key, "deadline_missed:7:2027-03-31");
    VendorResponse submitted = vendor;
    submitted.status = ResponseStatus::submitted;
    EXPECT_TRUE(plan(at("2027-04-02T00:00:00Z"), {submitted}).empty());
}

TEST_F(DeadlineNoticesTest, TheVendorsOwnExtendedDeadlineHolds) {
    vendor.deadline = "2027-04-15T12:00";
    EXPECT_TRUE(plan(at("2027-04-01T10:00:00Z")).empty()) << "the purchase's deadline passed, not the vendor's";
    auto notices = plan(at("2027-04-12T06:00:00Z"));  // 08:00 Paris on 12 April: 3 days before
    ASSERT_EQ(notices.size(), 1u);
    EXPECT_EQ(notices[0].days, 3);
    EXPECT_EQ(notices[0].deadline, "2027-04-15T12:00");
    EXPECT_EQ(notices[0].dedup_key, "reminder:7:3:2027-04-15T12:00");
}

}  // namespace
}  // namespace cyberachat
