// A read that fails is an error ("storage"), never taken for an absent record or an empty list;
// a record that does not exist is "not_found". The document sweep removes nothing when it cannot
// read which files the rows point to.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace read_failure_test {

using StoreReadFailure = StoreTest;

// Makes every read of `table` fail (as a damaged or unreachable database would).
void break_table(Store& store, const std::string& table) {
    auto broken = store.db->write([&](soci::session& sql) -> Result<void> {
        sql << "ALTER TABLE " + table + " RENAME TO broken_" + table;
        return {};
    });
    ASSERT_TRUE(broken.ok()) << broken.error().message.fr;
}

TEST_F(StoreReadFailure, AMissingRecordIsNotFoundAndAFailedReadIsStorage) {
    const Acquisition acquisition = make_acquisition();
    EXPECT_EQ(store->acquisitions.find(acquisition.id + 100).error().code, ErrorCode::not_found);
    EXPECT_TRUE(store->acquisitions.list().value().size() == 1u);

    break_table(*store, "acquisitions");
    constexpr Id kDistinctiveId = 987654321;  // a bound value that no database message would hold by chance
    auto found = store->acquisitions.find(kDistinctiveId);
    ASSERT_FALSE(found.ok());
    EXPECT_EQ(found.error().code, ErrorCode::storage);
    auto listed = store->acquisitions.list();
    ASSERT_FALSE(listed.ok());  // not an empty list
    EXPECT_EQ(listed.error().code, ErrorCode::storage);
    // The message names no bound value (it may be a secret), only the database's complaint.
    EXPECT_EQ(found.error().message.fr.find(std::to_string(kDistinctiveId)), std::string::npos) << found.error().message.fr;
}

TEST_F(StoreReadFailure, TheSweepRemovesNothingWhenItCannotReadTheDocumentRows) {
    const std::string orphan = "documents/7/old.bin";
    put_leftover_bytes(orphan, std::chrono::minutes(5 * 60));

    break_table(*store, "documents");
    auto sweep = store->documents.sweep_orphans(std::chrono::hours(1));
    EXPECT_TRUE(sweep.removed.empty());
    EXPECT_TRUE(stored_bytes_exist(orphan));
}

}  // namespace read_failure_test
}  // namespace cyberachat::store::testing
