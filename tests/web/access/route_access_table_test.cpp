// The route table (web/access/route_access) against docs/security.md's rights matrix: every
// hospital route is in the matrix and nothing else is, and each cell says what the access policy
// decides. On a difference the test prints the matrix as it should read.
#include "web/access/route_access.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "../../access_matrix.hpp"

namespace cyberachat::web {
namespace {

using cyberachat::testing::matrix_accounts;

bool is_hospital(Audience audience) {
    return audience == Audience::hospital_page || audience == Audience::hospital_api ||
           audience == Audience::hospital_download;
}

std::string cell_for(const RouteAccess& route, const cyberachat::testing::MatrixAccount& account) {
    const Role role = *parse_role(account.account_role);
    std::optional<PurchaseRole> membership;
    if (*account.purchase_role) membership = parse_purchase_role(account.purchase_role);
    const Verdict verdict = route.scope == Scope::account ? decide_on_account(role, /*is_self=*/false, *route.permission)
                                                          : decide(role, membership, *route.permission);
    switch (verdict) {
        case Verdict::allowed: return "oui";
        case Verdict::forbidden: return "403";
        case Verdict::hidden: return "404";
    }
    return "?";
}

std::string expected_matrix() {
    std::string out = "| Méthode | Chemin | Permission |";
    for (const auto& account : matrix_accounts()) out += std::string(" ") + account.column + " |";
    out += "\n|---|---|---|";
    for (size_t i = 0; i < matrix_accounts().size(); ++i) out += "---|";
    out += "\n";
    for (const RouteAccess& route : route_access_table()) {
        if (!is_hospital(route.audience)) continue;
        out += "| " + route.method + " | `" + route.shown + "` | " + std::string(permission_name(*route.permission)) + " |";
        for (const auto& account : matrix_accounts()) out += " " + cell_for(route, account) + " |";
        out += "\n";
    }
    return out;
}

TEST(RouteAccessTable, TheRightsMatrixOfTheDocsIsTheOneEnforced) {
    const std::string block = cyberachat::testing::matrix_block(cyberachat::testing::read_security_doc());
    const auto rows = cyberachat::testing::parse_matrix(block);
    std::set<std::pair<std::string, std::string>> documented;
    for (const auto& row : rows) {
        documented.insert({row.method, row.path});
        const RouteAccess* route = find_route_access(row.method, row.path);
        ASSERT_NE(route, nullptr) << row.method << " " << row.path << " is in docs/security.md but not a route\n"
                                  << expected_matrix();
        ASSERT_TRUE(is_hospital(route->audience)) << row.path;
        EXPECT_EQ(row.permission, permission_name(*route->permission)) << row.path << "\n" << expected_matrix();
        for (size_t i = 0; i < matrix_accounts().size(); ++i)
            EXPECT_EQ(row.cells[i], cell_for(*route, matrix_accounts()[i]))
                << row.method << " " << row.path << ", " << matrix_accounts()[i].column << "\n" << expected_matrix();
    }
    for (const RouteAccess& route : route_access_table())
        if (is_hospital(route.audience))
            EXPECT_TRUE(documented.count({route.method, route.shown}))
                << route.method << " " << route.shown << " is missing from docs/security.md\n" << expected_matrix();
}

TEST(RouteAccessTable, EveryHospitalRouteHasAPermissionAndEveryPathItsPattern) {
    std::set<std::pair<std::string, std::string>> seen;
    for (const RouteAccess& route : route_access_table()) {
        EXPECT_TRUE(seen.insert({route.method, route.shown}).second) << "twice: " << route.method << " " << route.shown;
        if (is_hospital(route.audience)) {
            ASSERT_TRUE(route.permission.has_value()) << route.shown;
            // A permission about one purchase needs a path that names it.
            if (concerns_a_purchase(*route.permission)) EXPECT_NE(route.scope, Scope::instance) << route.shown;
        }
        // The pattern matches the path with its placeholders filled in, and nothing longer.
        std::string sample = std::regex_replace(route.shown, std::regex(R"(\{(acquisition|response|document|user|token|message|version|other)\})"), "12");
        sample = std::regex_replace(sample, std::regex(R"(\{(question|section|chart|part)\})"), "dispositif.marque");
        sample = std::regex_replace(sample, std::regex(R"(\{(invitation|reset)\})"), std::string(30, 'a'));
        sample = std::regex_replace(sample, std::regex(R"(\{anything\})"), "x");
        EXPECT_TRUE(std::regex_match(sample, std::regex(route.pattern))) << route.shown << " vs " << route.pattern;
        EXPECT_FALSE(std::regex_match(sample + "/x", std::regex(route.pattern)) && route.shown.find("{anything}") == std::string::npos)
            << route.pattern;
    }
    EXPECT_EQ(route_pattern("/api/v1/acquisitions/{acquisition}/report.pdf"), R"(/api/v1/acquisitions/(\d+)/report\.pdf)");
}

TEST(RouteAccessTable, AnUnknownRouteIsNotFound) {
    EXPECT_EQ(find_route_access("GET", "/nulle-part"), nullptr);
    EXPECT_EQ(find_route_access("DELETE", "/acquisitions/{acquisition}"), nullptr);
}

}  // namespace
}  // namespace cyberachat::web
