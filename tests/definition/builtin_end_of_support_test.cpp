// The end-of-support data embedded in the binary (definition/builtin_end_of_support.hpp): the
// file of data/end-of-support/ byte for byte, loaded once with its 21 products.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "definition/builtin_end_of_support.hpp"

namespace cyberachat {
namespace {

TEST(BuiltinEndOfSupport, TheEmbeddedFileIsTheRepositorysAndLoads) {
    std::ifstream in(std::string(CYB_SOURCE_DIR) + "/" + kBuiltinEndOfSupportPath, std::ios::binary);
    std::ostringstream disk;
    disk << in.rdbuf();
    ASSERT_FALSE(disk.str().empty());
    EXPECT_EQ(builtin_end_of_support_json(), disk.str());

    const EndOfSupportData& data = builtin_end_of_support();
    EXPECT_EQ(&data, &builtin_end_of_support()) << "parsed once";
    EXPECT_EQ(data.products.size(), 21u);
    EXPECT_EQ(data.source_commit, "a70eca337600e7d721dc48112c271f98661d208b");
    ASSERT_NE(data.find_product("windows"), nullptr);
    ASSERT_NE(data.find_product("windows")->find_cycle("10-22h2"), nullptr);
    EXPECT_EQ(data.find_product("windows")->find_cycle("10-22h2")->eol.day, "2025-10-14");
}

}  // namespace
}  // namespace cyberachat
