// The rights matrix of docs/security.md, tried on a running server: every row (a hospital route),
// as each kind of account (its role in the purchase concerned), gets what the matrix says —
// allowed (an answer that is neither 401, 403, 404 nor 5xx), 403 or 404. Each account works on a
// purchase of its own (so that what one allowed row changes, a revoked link, a removed member,
// does not decide another's answer). A vendor's session gets nothing from any of these routes.
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "../access_matrix.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace {

struct AccountUnderTest {
    MatrixAccount matrix;
    std::string email, token, session, csrf;
    long long acquisition = 0, response = 0, document = 0;
};

std::string csrf_of(const ServerProcess& server, const std::string& session) {
    auto page = server.client().Get("/acquisitions", {{"Cookie", session}});
    std::smatch match;
    static const std::regex meta(R"(<meta name="csrf-token" content="([^"]+)\")");
    if (!page || !std::regex_search(page->body, match, meta)) throw std::runtime_error("no CSRF token on /acquisitions");
    return match[1].str();
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
    return text;
}

bool is_page(const std::string& path) { return path.rfind("/api/", 0) != 0; }
bool is_download(const std::string& path) {
    for (const char* end : {".pdf", ".csv", ".json", ".zip", ".svg"})
        if (path.size() > 4 && path.find(end, path.size() - std::string(end).size()) != std::string::npos) return true;
    return false;
}

}  // namespace

class AccessMatrix : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        server = new ServerProcess();
        rows = parse_matrix(matrix_block(read_security_doc()));
        int n = 0;
        for (const MatrixAccount& account : matrix_accounts()) {
            AccountUnderTest a{account};
            const bool is_lead_itself = std::string(account.purchase_role) == "lead";
            if (is_lead_itself) {
                a.email = ServerProcess::kEmail;
                a.token = server->api_token();
                a.session = hospital_session(*server);
            } else {
                a.email = "compte" + std::to_string(++n) + "@chu.test";
                a.token = user_token(*server, a.email, account.account_role);
                a.session = hospital_session(*server, a.email, kUserPassword);
            }
            ASSERT_FALSE(a.session.empty()) << a.email;
            a.csrf = csrf_of(*server, a.session);
            // Its own purchase, led by the server's biomedical engineer, with one vendor and a document.
            a.acquisition = create_acquisition(*server, std::string("Achat de ") + account.column);
            if (*account.purchase_role && !is_lead_itself) add_member(*server, a.acquisition, a.email, account.purchase_role);
            Invitation vendor = invite_vendor(*server, a.acquisition, "Fournisseur de " + a.email);
            a.response = vendor.response_id;
            httplib::MultipartFormDataItems items = {{"file", minimal_pdf(), "Certificat.pdf", "application/pdf"}};
            auto uploaded = server->api(vendor.token).Post("/api/v1/vendor/documents/dispositif.certificat_ce_93_42", items);
            ASSERT_TRUE(uploaded);
            ASSERT_EQ(uploaded->status, 201) << uploaded->body;
            a.document = json::parse(uploaded->body)["id"].get<long long>();
            if (vendor_session.empty()) {
                auto opened = server->client().Get("/invitation/" + vendor.token);
                ASSERT_TRUE(opened);
                vendor_session = "cyb_vendor=" + set_cookie(opened, "cyb_vendor");
            }
            accounts.push_back(a);
        }
    }
    static void TearDownTestSuite() { delete server; }

    // A team member to remove, new for each row that removes one (in the purchase of `a`).
    static long long spare_member(const AccountUnderTest& a) {
        const std::string email = "renfort" + std::to_string(++spares) + "@chu.test";
        user_token(*server, email, "buyer");
        add_member(*server, a.acquisition, email, "observer");
        return std::stoll(server->query_value("SELECT id FROM users WHERE email = '" + email + "'"));
    }

    // A new API token of the account's own, for the rows that revoke one.
    static long long own_token(const AccountUnderTest& a) {
        auto created = run_binary_on_store(*server, {"token", "create", a.email});
        if (created.exit_code != 0) throw std::runtime_error("token create: " + created.err);
        return std::stoll(server->query_value("SELECT MAX(t.id) FROM api_tokens t JOIN users u ON u.id = t.user_id "
                                              "WHERE u.email = '" + a.email + "'"));
    }

    static std::string concrete(const std::string& path, const AccountUnderTest& a) {
        std::string out = replace_all(path, "{acquisition}", std::to_string(a.acquisition));
        out = replace_all(out, "{response}", std::to_string(a.response));
        out = replace_all(out, "{document}", std::to_string(a.document));
        out = replace_all(out, "{question}", "dispositif.poste_standard");
        out = replace_all(out, "{section}", "dispositif.poste_informatique");
        out = replace_all(out, "{chart}", "1");
        out = replace_all(out, "{part}", "1");
        out = replace_all(out, "{other}", std::to_string(a.response));  // a response compared with itself
        out = replace_all(out, "{message}", "999999");  // none: an allowed caller gets the handler's 404
        out = replace_all(out, "{version}", "1");  // the built-in questionnaire version, stored first
        if (out.find("{user}") != std::string::npos) out = replace_all(out, "{user}", std::to_string(spare_member(a)));
        if (out.find("{token}") != std::string::npos) out = replace_all(out, "{token}", std::to_string(own_token(a)));
        return out;
    }

    // Sends the row as the account: pages with its session cookie (and CSRF token), the API with
    // its token; downloads linked from pages with the token too.
    static httplib::Result send(const MatrixRow& row, const std::string& path, const httplib::Headers& headers,
                                bool as_page) {
        auto client = server->client();
        const std::string body = as_page ? "x=1" : "{}";
        const char* type = as_page ? "application/x-www-form-urlencoded" : "application/json";
        if (row.method == "GET") return client.Get(path, headers);
        if (row.method == "POST") return client.Post(path, headers, body, type);
        if (row.method == "PUT") return client.Put(path, headers, body, type);
        if (row.method == "PATCH") return client.Patch(path, headers, body, type);
        return client.Delete(path, headers);
    }

    static ServerProcess* server;
    static std::vector<MatrixRow> rows;
    static std::vector<AccountUnderTest> accounts;
    static std::string vendor_session;
    static int spares;
};
ServerProcess* AccessMatrix::server = nullptr;
std::vector<MatrixRow> AccessMatrix::rows;
std::vector<AccountUnderTest> AccessMatrix::accounts;
std::string AccessMatrix::vendor_session;
int AccessMatrix::spares = 0;

TEST_F(AccessMatrix, EveryRouteAnswersEachAccountAsTheMatrixSays) {
    ASSERT_GT(rows.size(), 40u);
    size_t tried = 0;
    for (const MatrixRow& row : rows) {
        for (size_t i = 0; i < accounts.size(); ++i) {
            const AccountUnderTest& a = accounts[i];
            const std::string path = concrete(row.path, a);
            const bool as_page = is_page(row.path);
            httplib::Headers headers;
            if (as_page) headers = {{"Cookie", a.session}, {"X-CSRF-Token", a.csrf}};
            else headers = {{"Authorization", "Bearer " + a.token}};
            auto result = send(row, path, headers, as_page);
            ASSERT_TRUE(result) << row.method << " " << path;
            const std::string expected = row.cells[i];
            const std::string where = row.method + " " + path + " as " + a.matrix.column + " (" + a.email + "): " +
                                      std::to_string(result->status) + " " + result->body.substr(0, 300);
            // The guard marks its refusals: an allowed request may still be refused by its handler
            // (a form left empty, an unknown session), never by the access policy.
            const bool refused_by_policy = result->get_header_value("X-Access-Policy") == "refused";
            if (expected == "oui") {
                EXPECT_TRUE(!refused_by_policy && result->status != 401 && result->status < 500) << where;
            } else {
                EXPECT_TRUE(refused_by_policy) << where;
                EXPECT_EQ(std::to_string(result->status), expected) << where;
            }
            ++tried;
        }
    }
    EXPECT_EQ(tried, rows.size() * accounts.size());
}

TEST_F(AccessMatrix, AVendorsSessionOpensNoHospitalRoute) {
    ASSERT_FALSE(vendor_session.empty());
    const AccountUnderTest& a = accounts.front();
    for (const MatrixRow& row : rows) {
        if (row.path.find("{user}") != std::string::npos) continue;  // (the purchase's team: same answer as its neighbours)
        const std::string path = concrete(row.path, a);
        auto result = send(row, path, {{"Cookie", vendor_session}}, is_page(row.path));
        ASSERT_TRUE(result);
        if (is_page(row.path)) {
            EXPECT_TRUE(result->status == 302 || result->status == 303) << row.method << " " << path << ": " << result->status;
            EXPECT_EQ(result->get_header_value("Location"), "/login") << path;
        } else {
            EXPECT_EQ(result->status, 401) << row.method << " " << path;
        }
    }
}

TEST_F(AccessMatrix, DownloadsLinkedFromPagesFollowTheSameRulesWithTheSessionCookie) {
    for (const MatrixRow& row : rows) {
        if (!is_download(row.path) || row.method != "GET") continue;
        for (size_t i = 0; i < accounts.size(); ++i) {
            const AccountUnderTest& a = accounts[i];
            const std::string path = concrete(row.path, a);
            auto result = server->client().Get(path, {{"Cookie", a.session}});
            ASSERT_TRUE(result);
            if (row.cells[i] == "oui") EXPECT_EQ(result->status, 200) << path << " as " << a.matrix.column << ": " << result->body;
            else EXPECT_EQ(std::to_string(result->status), row.cells[i]) << path << " as " << a.matrix.column;
        }
    }
}
