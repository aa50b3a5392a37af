// The account of a directory login, on both engines: created at the first login (origin
// "directory", no local password, journalled by system:directory), or the one an administrator
// made beforehand, found by e-mail and brought up to date; a disabled account stays refused, a
// local account is never opened by the directory.
#include <gtest/gtest.h>

#include "security/secrets.hpp"
#include "service_fixture.hpp"
#include "services/directory_accounts.hpp"

namespace cyberachat::services::testing {
namespace directory_accounts_test {

using DirectoryAccounts = ServiceTest;

TEST_F(DirectoryAccounts, TheFirstLoginCreatesTheAccountWithItsRole) {
    auto account = sync_directory_account(*store, {"rssi@chu-test.fr", "Régine Sécurité (RSSI)", Role::it});
    ASSERT_TRUE(account.ok()) << account.error().message.fr;
    EXPECT_EQ(account->origin, "directory");
    EXPECT_EQ(account->role, Role::it);
    EXPECT_TRUE(account->password_hash.empty());  // it can never log in locally
    auto stored = store->users.find_by_email("RSSI@chu-test.fr").value();
    EXPECT_EQ(stored.id, account->id);
    EXPECT_EQ(stored.origin, "directory");
    EXPECT_EQ(stored.display_name, "Régine Sécurité (RSSI)");
    EXPECT_FALSE(security::verify_password_or_dummy(&stored.password_hash, ""));
    auto events = store->events.list("user", account->id).value();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back().action, "create");
    EXPECT_EQ(events.back().actor, "system:directory");
}

TEST_F(DirectoryAccounts, LaterLoginsBringTheNameAndRoleUpToDate) {
    const Id id = sync_directory_account(*store, {"rssi@chu-test.fr", "Régine", Role::it}).value().id;
    const size_t count = store->events.list_all(1000).value().size();
    ASSERT_TRUE(sync_directory_account(*store, {"rssi@chu-test.fr", "Régine", Role::it}).ok());
    EXPECT_EQ(store->events.list_all(1000).value().size(), count);  // unchanged: nothing written
    auto moved = sync_directory_account(*store, {"rssi@chu-test.fr", "Régine Sécurité", Role::admin});
    ASSERT_TRUE(moved.ok());
    EXPECT_EQ(moved->id, id);
    EXPECT_EQ(moved->role, Role::admin);
    auto stored = store->users.find(id).value();
    EXPECT_EQ(stored.role, Role::admin);
    EXPECT_EQ(stored.display_name, "Régine Sécurité");
    auto events = store->events.list("user", id).value();
    size_t updates = 0;
    for (const auto& event : events)
        if (event.action == "update") {
            ++updates;
            EXPECT_EQ(event.actor, "system:directory");
        }
    EXPECT_EQ(updates, 2u);  // display_name and role
}

TEST_F(DirectoryAccounts, AnAccountMadeBeforehandIsFoundByEmail) {
    User made;
    made.email = "rssi@chu-test.fr";
    made.display_name = "rssi@chu-test.fr";
    made.role = Role::biomedical;
    made.origin = "directory";
    const Id id = store->users.create(made, "system:cli").value().id;
    auto account = sync_directory_account(*store, {"rssi@chu-test.fr", "Régine Sécurité", Role::it});
    ASSERT_TRUE(account.ok()) << account.error().message.fr;
    EXPECT_EQ(account->id, id);
    EXPECT_EQ(store->users.find(id)->role, Role::it);
    EXPECT_EQ(store->users.count().value(), 1u);
}

TEST_F(DirectoryAccounts, ADisabledAccountStaysRefused) {
    const Id id = sync_directory_account(*store, {"rssi@chu-test.fr", "Régine", Role::it}).value().id;
    ASSERT_TRUE(store->users.set_active(id, false, "system:cli").ok());
    auto refused = sync_directory_account(*store, {"rssi@chu-test.fr", "Régine", Role::admin});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
    EXPECT_NE(refused.error().message.fr.find("désactivé"), std::string::npos);
    EXPECT_EQ(store->users.find(id)->role, Role::it);  // nothing changed
}

TEST_F(DirectoryAccounts, ALocalAccountIsNeverOpenedByTheDirectory) {
    const User local = make_user("admin@chu-test.fr", Role::admin);
    auto refused = sync_directory_account(*store, {"admin@chu-test.fr", "Quelqu'un", Role::buyer});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::conflict);
    auto stored = store->users.find(local.id).value();
    EXPECT_EQ(stored.role, Role::admin);
    EXPECT_EQ(stored.origin, "local");
}

TEST_F(DirectoryAccounts, AnUnreadableNameFallsBackToTheEmail) {
    auto account = sync_directory_account(*store, {"biomed@chu-test.fr", "\xff\xfe", Role::biomedical});
    ASSERT_TRUE(account.ok());
    EXPECT_EQ(store->users.find(account->id)->display_name, "biomed@chu-test.fr");
}

}  // namespace directory_accounts_test
}  // namespace cyberachat::services::testing
