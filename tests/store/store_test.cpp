#include "store/repositories.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace {

TEST(SqliteStoreOpen, CreatesTheDataFolderAndTheDatabase) {
    TempDir dir;
    const auto data = dir.path() / "a" / "b" / "data";
    auto opened = Store::open(data.string());
    ASSERT_TRUE(opened.ok()) << opened.error().message.in(Language::en);
    EXPECT_TRUE(std::filesystem::exists(data / "cyberachat.db"));
    EXPECT_EQ((*opened)->data_dir, data.string());
    EXPECT_EQ((*opened)->db->schema_version(), Database::latest_schema_version());
    struct stat st {};
    ASSERT_EQ(::stat(data.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 077, 0u);  // private to the service's user
}

TEST(SqliteStoreOpen, RejectsAnEmptyFolderName) {
    auto opened = Store::open("");
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::invalid_value);
}

TEST(SqliteStoreOpen, FailsWhenTheFolderCannotBeCreated) {
    TempDir dir;
    const auto file = dir.path() / "file";
    { std::ofstream(file) << "x"; }
    auto opened = Store::open((file / "data").string());
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::storage);
}

}  // namespace
}  // namespace cyberachat::store::testing
