// PendingUploadRepository: XLSX import previews waiting for "apply" in the database — the bytes
// come back exactly (up to the import limit of 10 MB), a preview kept through one instance is
// applied through another, capacity and total size drop the oldest first, expired previews are
// neither found nor kept. On both engines (suite Store…).
#include <thread>

#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace {

class StorePendingUploads : public StoreTest {
protected:
    static constexpr std::chrono::milliseconds kHour = std::chrono::hours(1);

    void put(Store& on, const std::string& token_hash, const std::string& bytes, PendingUploadLimits limits = {}) {
        auto kept = on.pending_uploads.put(token_hash, PendingUpload{7, token_hash + ".xlsx", bytes}, limits);
        EXPECT_TRUE(kept.ok()) << kept.error().message.in(Language::en);
    }
    bool found(const std::string& token_hash) { return store->pending_uploads.find(token_hash, 7, kHour).ok(); }
};

TEST_F(StorePendingUploads, TheBytesComeBackExactlyWithTheNameAndResponse) {
    std::string every_byte;
    for (int c = 0; c < 256; ++c) every_byte += static_cast<char>(c);
    put(*store, "h1", every_byte);
    auto upload = store->pending_uploads.find("h1", 7, kHour);
    ASSERT_TRUE(upload.ok()) << upload.error().message.in(Language::en);
    EXPECT_EQ(upload->bytes, every_byte);
    EXPECT_EQ(upload->file_name, "h1.xlsx");
    EXPECT_EQ(upload->response_id, 7);
    EXPECT_EQ(store->pending_uploads.find("h1", 8, kHour).error().code, ErrorCode::not_found) << "another response's";
    EXPECT_EQ(store->pending_uploads.find("h2", 7, kHour).error().code, ErrorCode::not_found);

    // The import's limit: 10 MB.
    std::string big(10u * 1024 * 1024, '\0');
    for (size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>((i * 7919) % 251);
    put(*store, "h3", big);
    auto big_upload = store->pending_uploads.find("h3", 7, kHour);
    ASSERT_TRUE(big_upload.ok());
    EXPECT_TRUE(big_upload->bytes == big);
}

TEST_F(StorePendingUploads, APreviewKeptThroughOneInstanceIsAppliedThroughAnother) {
    auto other = open_another_instance();
    ASSERT_TRUE(other);
    put(*store, "preview", "classeur");
    auto upload = other->pending_uploads.find("preview", 7, kHour);
    ASSERT_TRUE(upload.ok()) << upload.error().message.in(Language::en);
    EXPECT_EQ(upload->bytes, "classeur");
    ASSERT_TRUE(other->pending_uploads.remove("preview", kHour).ok());
    EXPECT_FALSE(found("preview"));
    EXPECT_EQ(count_rows("pending_uploads"), 0);
}

TEST_F(StorePendingUploads, BeyondTheCapacityOrTheTotalSizeTheOldestGoFirst) {
    const PendingUploadLimits limits{3, 100};
    for (const char* hash : {"a", "b", "c", "d"}) put(*store, hash, std::string(10, 'x'), limits);
    EXPECT_FALSE(found("a"));
    EXPECT_TRUE(found("b") && found("c") && found("d"));
    put(*store, "e", std::string(75, 'x'), limits);  // 3 at most: b goes; c + d + e = 95 bytes fit
    EXPECT_FALSE(found("b"));
    EXPECT_TRUE(found("c") && found("d") && found("e"));
    put(*store, "f", std::string(90, 'x'), limits);  // with e alone already 165 bytes: all go
    EXPECT_EQ(count_rows("pending_uploads"), 1);
    EXPECT_TRUE(found("f"));
    put(*store, "g", std::string(200, 'x'), limits);  // over the total alone: kept, alone
    EXPECT_EQ(count_rows("pending_uploads"), 1);
    EXPECT_TRUE(found("g"));
}

TEST_F(StorePendingUploads, ExpiredPreviewsAreNotFoundAndDeleted) {
    const PendingUploadLimits brief{64, 1000, std::chrono::milliseconds(0)};
    put(*store, "old", "a", brief);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    EXPECT_EQ(store->pending_uploads.find("old", 7, brief.lifetime).error().code, ErrorCode::not_found);
    EXPECT_TRUE(found("old")) << "(with a longer lifetime it is still there)";
    put(*store, "new", "b", brief);  // deletes the expired one
    EXPECT_EQ(count_rows("pending_uploads"), 1);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    ASSERT_TRUE(store->pending_uploads.remove("unknown", brief.lifetime).ok());  // so does a removal
    EXPECT_EQ(count_rows("pending_uploads"), 0);
}

TEST_F(StorePendingUploads, ATokenHashIsKeptOnce) {
    put(*store, "same", "a");
    auto again = store->pending_uploads.put("same", PendingUpload{7, "b.xlsx", "b"}, {});
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::conflict);
    EXPECT_EQ(store->pending_uploads.find("same", 7, kHour)->bytes, "a");
}

}  // namespace
}  // namespace cyberachat::store::testing
