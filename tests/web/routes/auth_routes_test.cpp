// POST /login when the login guard's counters cannot be read or written (the database failed):
// refused with 503 and "try again", never let through to the password check unguarded.
#include "web/routes/auth_routes.hpp"

#include <gtest/gtest.h>

#include "../../store/store_test_support.hpp"
#include "definition/builtin_definition.hpp"
#include "web/web_app.hpp"

namespace cyberachat::web {
namespace auth_routes_test {

class AuthRoutes : public store::testing::StoreTest {
protected:
    httplib::Response log_in(WebApp& app) {
        httplib::Request req;
        req.method = "POST";
        req.remote_addr = "203.0.113.7";
        req.set_header("Cookie", "cyb_login_csrf=jeton-de-test");
        req.params = {{"email", "bio@chu.test"}, {"password", "mauvais-mot-de-passe"}, {"_csrf", "jeton-de-test"}};
        httplib::Response res;
        auth_routes::login(app, req, res);
        return res;
    }
};

TEST_F(AuthRoutes, LoginFailsClosedWhenTheAttemptCountersCannotBeWritten) {
    make_user("bio@chu.test");
    WebApp app(store, ServerConfig{}, builtin_afib_definition());
    EXPECT_EQ(log_in(app).status, 401) << "the database working: the password is checked";

    ASSERT_TRUE(store->db->write([](soci::session& sql) -> Result<void> {
        sql << "DROP TABLE login_counters";
        return {};
    }).ok());
    const httplib::Response refused = log_in(app);
    EXPECT_EQ(refused.status, 503);
    EXPECT_NE(refused.body.find("Connexion impossible pour le moment : réessayez."), std::string::npos);
    EXPECT_NE(refused.body.find("Cannot log in right now: try again."), std::string::npos);
}

}  // namespace auth_routes_test
}  // namespace cyberachat::web
