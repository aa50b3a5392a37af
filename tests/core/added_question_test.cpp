// Which questions added to a purchase are new to a vendor: those added after it first opened its link.
#include <gtest/gtest.h>

#include "core/added_question.hpp"

namespace cyberachat {
namespace {

TEST(AddedQuestion, NewToAVendorAreThoseAddedAfterItFirstOpenedItsLink) {
    const std::vector<AddedQuestion> added = {{"achat1.q1", "2026-12-02T10:00:00.100Z", "user:a@chu.test"},
                                              {"achat1.q2", "2026-12-02T10:00:05.000Z", "user:a@chu.test"},
                                              {"achat1.q3", "2026-12-03T08:00:00.000Z", "user:a@chu.test"}};
    VendorResponse response;
    EXPECT_TRUE(questions_new_to(response, added).empty()) << "never opened: nothing is marked";
    response.opened_at = "2026-12-02T10:00:00.200Z";
    EXPECT_EQ(questions_new_to(response, added), (std::set<std::string>{"achat1.q2", "achat1.q3"}));
    response.opened_at = "2026-12-02T10:00:05Z";  // a time without milliseconds (responses opened before they were kept)
    EXPECT_EQ(questions_new_to(response, added), (std::set<std::string>{"achat1.q3"}));
    response.opened_at = "2027-01-01T00:00:00.000Z";
    EXPECT_TRUE(questions_new_to(response, added).empty());
    EXPECT_TRUE(questions_new_to(response, {}).empty());
}

}  // namespace
}  // namespace cyberachat
