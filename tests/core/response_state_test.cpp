#include "core/response_state.hpp"

#include <gtest/gtest.h>

namespace cyberachat {
namespace {

TEST(ResponseState, FollowsTheRecord) {
    VendorResponse response;
    EXPECT_EQ(response_state(response), ResponseState::draft);
    response.reopened_at = "2027-01-10T09:00:00Z";
    EXPECT_EQ(response_state(response), ResponseState::reopened);
    response.status = ResponseStatus::submitted;
    EXPECT_EQ(response_state(response), ResponseState::submitted);
    EXPECT_TRUE(is_submitted_state(response_state(response)));
    response.submitted_late = true;
    EXPECT_EQ(response_state(response), ResponseState::late);
    EXPECT_TRUE(is_submitted_state(response_state(response)));
    response.withdrawn_at = "2027-01-11T09:00:00Z";
    EXPECT_EQ(response_state(response), ResponseState::withdrawn);
    EXPECT_FALSE(is_submitted_state(response_state(response)));
}

TEST(ResponseState, HasANameAndALabelInBothLanguages) {
    EXPECT_EQ(response_state_name(ResponseState::late), "late");
    EXPECT_EQ(response_state_label(ResponseState::late, Language::fr), "Soumise en retard");
    EXPECT_EQ(response_state_label(ResponseState::withdrawn, Language::en), "Withdrawn");
}

}  // namespace
}  // namespace cyberachat
