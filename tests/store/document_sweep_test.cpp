// The sweep at start: what interrupted uploads leave (".tmp" files, stored bytes no row points to)
// goes once older than the grace period; bytes a row points to, or recent ones, stay. On both
// engines: files (SQLite) or chunks (PostgreSQL).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>

#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace document_sweep_test {

using StoreDocumentSweep = StoreTest;

const std::string& kPdf = kMinimalPdf;

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

TEST_F(StoreDocumentSweep, RemovesOnlyOldFilesNoRowPointsTo) {
    const VendorResponse response = make_response(make_acquisition().id);
    auto kept = store->documents.add(response.id, "q", "certificat.pdf", kPdf, "vendor:1");
    ASSERT_TRUE(kept.ok()) << kept.error().message.in(Language::en);
    // The referenced content is old too: its age must not matter.
    if (testing_on_postgresql())
        run_sql("UPDATE document_chunks SET created_at = '2020-01-01T00:00:00Z' WHERE storage_path = '" +
                kept->storage_path + "'");
    else
        fs::last_write_time(fs::path(data_dir()) / kept->storage_path,
                            fs::file_time_type::clock::now() - std::chrono::hours(5));

    const std::string tmp = "documents/" + std::to_string(response.id) + "/interrupted.bin.tmp";
    const std::string orphan = "documents/" + std::to_string(response.id) + "/orphan.bin";
    const std::string recent_orphan = "documents/" + std::to_string(response.id) + "/in-progress.bin";
    const std::string recent_tmp = "documents/" + std::to_string(response.id) + "/in-progress.bin.tmp";
    const std::string other_folder_orphan = "documents/999/lost.bin";
    put_leftover_bytes(tmp, std::chrono::minutes(120));
    put_leftover_bytes(orphan, std::chrono::minutes(61));
    put_leftover_bytes(recent_orphan, std::chrono::minutes(5));
    put_leftover_bytes(recent_tmp, std::chrono::minutes(0));
    put_leftover_bytes(other_folder_orphan, std::chrono::minutes(24 * 60));

    auto sweep = store->documents.sweep_orphans(std::chrono::hours(1));
    EXPECT_TRUE(sweep.failed.empty());
    EXPECT_EQ(sweep.removed.size(), 3u);
    EXPECT_TRUE(contains(sweep.removed, tmp));
    EXPECT_TRUE(contains(sweep.removed, orphan));
    EXPECT_TRUE(contains(sweep.removed, other_folder_orphan));
    EXPECT_FALSE(stored_bytes_exist(tmp));
    EXPECT_FALSE(stored_bytes_exist(orphan));
    EXPECT_FALSE(stored_bytes_exist(other_folder_orphan));
    EXPECT_TRUE(stored_bytes_exist(recent_orphan));
    EXPECT_TRUE(stored_bytes_exist(recent_tmp));
    ASSERT_TRUE(stored_bytes_exist(kept->storage_path));
    auto bytes = store->documents.read_bytes(*kept);
    ASSERT_TRUE(bytes.ok());
    EXPECT_EQ(*bytes, kPdf);

    // Nothing left to sweep: a second pass removes nothing.
    EXPECT_TRUE(store->documents.sweep_orphans(std::chrono::hours(1)).removed.empty());
}

TEST_F(StoreDocumentSweep, NoDocumentsFolderIsNothingToDo) {
    auto sweep = store->documents.sweep_orphans(std::chrono::hours(1));
    EXPECT_TRUE(sweep.removed.empty());
    EXPECT_TRUE(sweep.failed.empty());
}

}  // namespace document_sweep_test
}  // namespace cyberachat::store::testing
