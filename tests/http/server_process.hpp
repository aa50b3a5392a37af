#pragma once
// Runs the real cyberachat binary on a free port with a temporary data directory, for HTTP tests:
// on a SQLite database in that directory, or — when CYB_TEST_POSTGRES_URL names a PostgreSQL
// database (CTest's "pg." copies of the suites) — on a fresh schema of its own in that database.
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cyberachat::testing {

struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// The PostgreSQL database the tests run on (CYB_TEST_POSTGRES_URL), or "" for SQLite.
std::string test_postgres_url();
inline bool testing_on_postgresql() { return !test_postgres_url().empty(); }

// Runs a shell command; its standard output, or throws with its error output.
std::string shell_output(const std::string& command);

// Runs the binary with arguments, optional standard input; captures stdout and stderr.
CommandResult run_binary(const std::vector<std::string>& args, const std::string& input = "");

class ServerProcess {
public:
    // Creates the data directory (and, on PostgreSQL, the schema), a biomedical user with a known
    // password and an API token, then starts. The destructor stops the server, drops the schema
    // and removes the data directory.
    explicit ServerProcess(std::vector<std::string> extra_args = {});
    // Starts on a data directory made elsewhere (a restored backup), adding nothing to it;
    // `api_token` is one its database knows. The directory is removed at the end too.
    static std::unique_ptr<ServerProcess> on_existing_data(std::string dir, std::string api_token,
                                                           std::vector<std::string> extra_args = {});
    // A second instance of the server on `first`'s store (its own port and log folder): what a
    // hospital group runs behind its load balancer. It leaves the store to `first`.
    static std::unique_ptr<ServerProcess> another_instance(const ServerProcess& first,
                                                           std::vector<std::string> extra_args = {});
    // Starts on a store made elsewhere, given as the binary's options ({"--database", url}: a
    // restored dump), adding nothing to it; its logs go to a folder of its own, removed at the end.
    static std::unique_ptr<ServerProcess> on_store(std::vector<std::string> store_args, std::string api_token);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    void start();
    void stop();  // SIGTERM, then wait
    void kill();  // SIGKILL, then wait: the server has no chance to flush or close anything
    void restart() { stop(); start(); }

    httplib::Client client() const;
    // A client with "Authorization: Bearer <token>".
    httplib::Client api(const std::string& token) const;
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    int port() const { return port_; }
    int pid() const { return pid_; }
    std::string log() const;  // what the server printed so far

    // The server's own folder: its output (server.out, server.err) and, on SQLite, its database.
    const std::string& data_dir() const { return data_dir_; }
    // The options that give another run of the binary this server's store: {"--data", dir} or
    // {"--database", url of its schema}.
    std::vector<std::string> store_args() const;
    // The first column of the first row of `sql` run on the server's database ("" when no row),
    // by the sqlite3 client or libpq; throws when the query fails.
    std::string query_value(const std::string& sql) const;
    // Everything the database holds, as bytes to search: the SQLite file and its WAL, or a
    // pg_dump of the schema (data only).
    std::string database_contents() const;
    const std::string& api_token() const { return api_token_; }
    static constexpr const char* kEmail = "bio@chu.test";
    static constexpr const char* kPassword = "Mot-de-passe-de-test-1";
    // PostgreSQL: the password in the URL given to the binary. The test cluster trusts its socket
    // and never asks for it: it is there to check that no message or log line shows it.
    static constexpr const char* kDatabasePassword = "Mot-de-passe-de-la-base-7";

private:
    struct ExistingTag {};
    ServerProcess(ExistingTag, std::string dir, std::string api_token, std::vector<std::string> extra_args);
    struct InstanceTag {};
    ServerProcess(InstanceTag, const ServerProcess& first, std::vector<std::string> extra_args);
    ServerProcess(InstanceTag, std::vector<std::string> store_args, std::string api_token);
    const std::string& log_dir() const { return log_dir_.empty() ? data_dir_ : log_dir_; }

    std::string data_dir_;
    std::string log_dir_;       // server.out / server.err: data_dir_, or a folder of its own (another_instance)
    bool owns_store_ = true;    // drops the schema / removes data_dir_ at the end
    std::vector<std::string> store_args_override_;  // on_store()
    std::string schema_;        // PostgreSQL only: "t_…"
    std::string database_url_;  // PostgreSQL only: the test database with schema_ as search path
    std::string api_token_;
    std::vector<std::string> extra_args_;
    int port_ = 0;
    int pid_ = -1;
};

// Runs the binary with `args` then the server's store_args() (a command on the server's store).
CommandResult run_binary_on_store(const ServerProcess& server, std::vector<std::string> args,
                                  const std::string& input = "");

// Helpers over the API.
nlohmann::json parse_json(const httplib::Result& result);
long long create_acquisition(const ServerProcess& server, const std::string& title = "Échographes 2027");
struct Invitation {
    long long response_id = 0;
    std::string token;
    std::string url;
};
Invitation invite_vendor(const ServerProcess& server, long long acquisition_id, const std::string& company = "Medica SA");
// A value of the right shape for a question of this JSON description (from GET /vendor/response).
nlohmann::json sample_value(const nlohmann::json& question);
// A small valid PDF (libmagic: application/pdf).
std::string minimal_pdf();
// The cookie `name` set by a response ("" when none).
std::string set_cookie(const httplib::Result& result, const std::string& name);
// A hospital session cookie ("cyb_session=…"), through the login form ("cyb_session=" when refused).
std::string hospital_session(const ServerProcess& server, const std::string& email = ServerProcess::kEmail,
                             const std::string& password = ServerProcess::kPassword);
inline constexpr const char* kUserPassword = "Mot-de-passe-de-test-2";  // user_token's accounts
// Adds a user of this role on the server's store and returns a new API token of theirs.
std::string user_token(const ServerProcess& server, const std::string& email, const std::string& role);
// Puts the account `email` in the purchase's team with `purchase_role` (lead, it_reviewer, buyer,
// observer), through the API as the server's own user (the purchases' creator, their lead).
void add_member(const ServerProcess& server, long long acquisition_id, const std::string& email,
                const std::string& purchase_role);
// Answers every visible required question (branches included) until nothing required is missing.
void fill_required(const ServerProcess& server, const std::string& token);

// Questions of the questionnaire (as a vendor with `token` reads it), in its order: the first
// `text_count` free-text ones and the first document one.
struct PickedQuestions {
    std::vector<std::string> text;
    std::string document;
};
PickedQuestions pick_questions(const ServerProcess& server, const std::string& token, size_t text_count);

// A purchase titled `title` with `count` vendors invited to it ("Fournisseur 1"…), each its own
// invitation, and the questions picked for them (pick_questions).
struct InvitedVendors {
    long long acquisition = 0;
    std::vector<Invitation> invitations;
    PickedQuestions questions;
};
InvitedVendors invite_vendors(const ServerProcess& server, const std::string& title, int count, size_t text_count);

// What a shell command prints on its standard output (and error, with 2>&1 in it).
std::string command_output(const std::string& command);
// `sqlite3 DATABASE "PRAGMA integrity_check;"` (the CLI, as an operator would run it): "ok\n" when sound.
std::string sqlite_integrity_check(const std::string& database);

}  // namespace cyberachat::testing
