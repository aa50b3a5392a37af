#include "server_process.hpp"

#include "../free_port.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace cyberachat::testing {
namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}


int spawn(const std::vector<std::string>& args, const std::string& in_path, const std::string& out_path,
          const std::string& err_path) {
    std::vector<char*> argv;
    std::string binary = CYB_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copies = args;
    for (auto& arg : copies) argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, in_path.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    pid_t pid = -1;
    if (posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ) != 0) pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    return pid;
}

std::string make_temp_dir() {
    char pattern[] = "/tmp/cyb-http-XXXXXX";
    if (!mkdtemp(pattern)) throw std::runtime_error("mkdtemp failed");
    return pattern;
}

// Runs `sql` on the PostgreSQL database `url` (libpq); the first value of the first row, "" when
// none. Throws with PostgreSQL's message when the connection or the statement fails.
std::string postgres_value(const std::string& url, const std::string& sql) {
    PGconn* connection = PQconnectdb(url.c_str());
    PQsetNoticeProcessor(connection, [](void*, const char*) {}, nullptr);  // "drop cascades to …"
    if (PQstatus(connection) != CONNECTION_OK) {
        const std::string message = PQerrorMessage(connection);
        PQfinish(connection);
        throw std::runtime_error("PostgreSQL connection failed: " + message);
    }
    PGresult* result = PQexec(connection, sql.c_str());
    const ExecStatusType status = PQresultStatus(result);
    std::string value, message;
    if (status == PGRES_TUPLES_OK && PQntuples(result) > 0 && PQnfields(result) > 0) value = PQgetvalue(result, 0, 0);
    else if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) message = PQresultErrorMessage(result);
    PQclear(result);
    PQfinish(connection);
    if (!message.empty()) throw std::runtime_error("PostgreSQL: " + sql + ": " + message);
    return value;
}

}  // namespace

std::string shell_output(const std::string& command) {
    const std::string dir = make_temp_dir();
    const int status = std::system((command + " > " + dir + "/out 2> " + dir + "/err").c_str());
    const std::string out = read_file(dir + "/out"), err = read_file(dir + "/err");
    std::system(("rm -rf " + dir).c_str());
    if (status != 0) throw std::runtime_error(command + " failed: " + err);
    return out;
}

std::string test_postgres_url() {
    const char* url = std::getenv("CYB_TEST_POSTGRES_URL");
    return url ? url : "";
}

CommandResult run_binary(const std::vector<std::string>& args, const std::string& input) {
    const std::string dir = make_temp_dir();
    const std::string in_path = dir + "/in", out_path = dir + "/out", err_path = dir + "/err";
    std::ofstream(in_path) << input;
    CommandResult result;
    int pid = spawn(args, in_path, out_path, err_path);
    int status = 0;
    if (pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    result.out = read_file(out_path);
    result.err = read_file(err_path);
    std::system(("rm -rf " + dir).c_str());
    return result;
}

CommandResult run_binary_on_store(const ServerProcess& server, std::vector<std::string> args, const std::string& input) {
    for (auto& arg : server.store_args()) args.push_back(std::move(arg));
    return run_binary(args, input);
}

ServerProcess::ServerProcess(std::vector<std::string> extra_args) : extra_args_(std::move(extra_args)) {
    data_dir_ = make_temp_dir();
    if (const std::string base = test_postgres_url(); !base.empty()) {
        std::random_device random;
        char name[32];
        std::snprintf(name, sizeof name, "t_http_%08x%08x", random(), random());
        postgres_value(base, std::string("CREATE SCHEMA ") + name);
        schema_ = name;
        database_url_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_;
        const size_t at = database_url_.find('@');  // postgresql://user@… → postgresql://user:password@…
        if (at != std::string::npos) database_url_.insert(at, std::string(":") + kDatabasePassword);
    }
    auto user = run_binary_on_store(*this, {"user", "add", kEmail, "--role", "biomedical", "--password-stdin"},
                                    std::string(kPassword) + "\n");
    if (user.exit_code != 0) throw std::runtime_error("user add failed: " + user.err);
    auto token = run_binary_on_store(*this, {"token", "create", kEmail});
    if (token.exit_code != 0) throw std::runtime_error("token create failed: " + token.err);
    api_token_ = token.out.substr(0, token.out.find('\n'));
    start();
}

std::unique_ptr<ServerProcess> ServerProcess::on_existing_data(std::string dir, std::string api_token,
                                                               std::vector<std::string> extra_args) {
    return std::unique_ptr<ServerProcess>(
        new ServerProcess(ExistingTag{}, std::move(dir), std::move(api_token), std::move(extra_args)));
}

ServerProcess::ServerProcess(ExistingTag, std::string dir, std::string api_token, std::vector<std::string> extra_args)
    : data_dir_(std::move(dir)), api_token_(std::move(api_token)), extra_args_(std::move(extra_args)) {
    start();
}

std::unique_ptr<ServerProcess> ServerProcess::another_instance(const ServerProcess& first,
                                                               std::vector<std::string> extra_args) {
    return std::unique_ptr<ServerProcess>(new ServerProcess(InstanceTag{}, first, std::move(extra_args)));
}

std::unique_ptr<ServerProcess> ServerProcess::on_store(std::vector<std::string> store_args, std::string api_token) {
    std::unique_ptr<ServerProcess> server(new ServerProcess(InstanceTag{}, std::move(store_args), std::move(api_token)));
    return server;
}

ServerProcess::ServerProcess(InstanceTag, std::vector<std::string> store_args, std::string api_token)
    : data_dir_(make_temp_dir()), store_args_override_(std::move(store_args)), api_token_(std::move(api_token)) {
    start();
}

ServerProcess::ServerProcess(InstanceTag, const ServerProcess& first, std::vector<std::string> extra_args)
    : data_dir_(first.data_dir_),
      log_dir_(make_temp_dir()),
      owns_store_(false),
      database_url_(first.database_url_),
      api_token_(first.api_token_),
      extra_args_(std::move(extra_args)) {
    start();
}

ServerProcess::~ServerProcess() {
    stop();
    if (!owns_store_) {
        std::system(("rm -rf " + log_dir_).c_str());
        return;
    }
    if (!schema_.empty()) {
        try {
            postgres_value(test_postgres_url(), "DROP SCHEMA " + schema_ + " CASCADE");
        } catch (const std::exception& e) {
            ADD_FAILURE() << e.what();
        }
    }
    std::system(("rm -rf " + data_dir_).c_str());
}

std::vector<std::string> ServerProcess::store_args() const {
    if (!store_args_override_.empty()) return store_args_override_;
    if (!database_url_.empty()) return {"--database", database_url_};
    return {"--data", data_dir_};
}

std::string ServerProcess::query_value(const std::string& sql) const {
    if (!database_url_.empty()) return postgres_value(database_url_, sql);
    const std::string dir = make_temp_dir();
    std::ofstream(dir + "/query.sql") << sql << ";\n";
    std::string out;
    try {
        out = shell_output("sqlite3 -batch -noheader -separator '\x1f' '" + data_dir_ + "/cyberachat.db' < " + dir +
                           "/query.sql");
    } catch (...) {
        std::system(("rm -rf " + dir).c_str());
        throw;
    }
    std::system(("rm -rf " + dir).c_str());
    return out.substr(0, out.find_first_of("\x1f\n"));
}

std::string ServerProcess::database_contents() const {
    if (!database_url_.empty())
        return shell_output("/usr/lib/postgresql/15/bin/pg_dump --data-only --schema=" + schema_ + " '" +
                            test_postgres_url() + "'");
    return read_file(data_dir_ + "/cyberachat.db") + read_file(data_dir_ + "/cyberachat.db-wal");
}

void ServerProcess::start() {
    port_ = free_local_port();
    std::vector<std::string> args = {"serve", "--port", std::to_string(port_)};
    for (const auto& arg : store_args()) args.push_back(arg);
    args.insert(args.end(), extra_args_.begin(), extra_args_.end());
    pid_ = spawn(args, "/dev/null", log_dir() + "/server.out", log_dir() + "/server.err");
    if (pid_ <= 0) throw std::runtime_error("cannot start the server");
    httplib::Client probe("127.0.0.1", port_);
    probe.set_connection_timeout(0, 200000);
    for (int attempt = 0; attempt < 200; ++attempt) {
        if (auto result = probe.Get("/healthz"); result && result->status == 200) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    throw std::runtime_error("the server did not answer /healthz: " + log());
}

void ServerProcess::stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
}

void ServerProcess::kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
}

httplib::Client ServerProcess::client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(30, 0);
    return client;
}

httplib::Client ServerProcess::api(const std::string& token) const {
    httplib::Client client = this->client();
    client.set_default_headers({{"Authorization", "Bearer " + token}});
    return client;
}

std::string ServerProcess::log() const {
    return read_file(log_dir() + "/server.out") + read_file(log_dir() + "/server.err");
}

nlohmann::json parse_json(const httplib::Result& result) {
    if (!result) return nlohmann::json();
    return nlohmann::json::parse(result->body, nullptr, false);
}

long long create_acquisition(const ServerProcess& server, const std::string& title) {
    auto api = server.api(server.api_token());
    auto result = api.Post("/api/v1/acquisitions",
                           nlohmann::json{{"title", title}, {"equipment", "Échographe"}, {"deadline", "2027-03-31"}}.dump(),
                           "application/json");
    if (!result || result->status != 201) throw std::runtime_error("create acquisition failed");
    return parse_json(result)["id"].get<long long>();
}

Invitation invite_vendor(const ServerProcess& server, long long acquisition_id, const std::string& company) {
    auto api = server.api(server.api_token());
    auto result = api.Post("/api/v1/acquisitions/" + std::to_string(acquisition_id) + "/vendors",
                           nlohmann::json{{"company", company}, {"email", "contact@medica.example"}, {"language", "en"}}.dump(),
                           "application/json");
    if (!result || result->status != 201) throw std::runtime_error("invite failed");
    auto body = parse_json(result);
    return {body["response_id"].get<long long>(), body["invite_token"].get<std::string>(), body["invite_url"].get<std::string>()};
}

nlohmann::json sample_value(const nlohmann::json& question) {
    const std::string kind = question["kind"];
    if (kind == "yes_no") return "oui";
    if (kind == "number" || kind == "integer") return 2;
    if (kind == "date") return "2024-01-31";
    if (kind == "email") return "referent@medica.example";
    if (kind == "phone") return "01 23 45 67 89";
    if (kind == "contact")
        return {{"nom", "Martin"}, {"prenom", "Élise"}, {"fonction", "Chef de projet"},
                {"coordonnees", "1 rue de la Paix, Paris"}, {"telephone", "01 23 45 67 89"}, {"email", "e.martin@medica.example"}};
    return "Réponse détaillée";
}

}  // namespace cyberachat::testing

namespace cyberachat::testing {

std::string minimal_pdf() {
    return "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\n"
           "endobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\nxref\n0 4\n"
           "0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n0000000115 00000 n \n"
           "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n186\n%%EOF\n";
}

void fill_required(const ServerProcess& server, const std::string& token) {
    auto api = server.api(token);
    auto definition = parse_json(api.Get("/api/v1/questionnaire"));
    std::map<std::string, nlohmann::json> questions;
    for (const auto& part : definition["parts"])
        for (const auto& section : part["sections"])
            for (const auto& question : section["questions"]) questions[question["id"]] = question;
    for (int round = 0; round < 20; ++round) {
        auto response = parse_json(api.Get("/api/v1/vendor/response"));
        const auto& missing = response["missing_required"];
        if (missing.empty()) return;
        for (const auto& id_json : missing) {
            const std::string id = id_json;
            const auto& question = questions[id];
            const std::string kind = question["kind"];
            if (kind == "document") {
                httplib::MultipartFormDataItems items = {{"file", minimal_pdf(), "preuve.pdf", "application/pdf"}};
                api.Post(("/api/v1/vendor/documents/" + id).c_str(), items);
                continue;
            }
            nlohmann::json value = sample_value(question);
            if (kind == "single_choice" || kind == "multiple_choice") value = question["choices"][0]["id"];
            if (kind == "table") value = nlohmann::json::array({{{question["fields"][0]["id"].get<std::string>(), "x"}}});
            api.Put(("/api/v1/vendor/answers/" + id).c_str(), nlohmann::json{{"value", value}}.dump(), "application/json");
        }
    }
    throw std::runtime_error("required answers still missing after 20 rounds");
}

// The cookie `name` set by a response ("" when none).
std::string set_cookie(const httplib::Result& result, const std::string& name) {
    for (const auto& [header, value] : result->headers)
        if (header == "Set-Cookie" && value.rfind(name + "=", 0) == 0)
            return value.substr(name.size() + 1, value.find(';') - name.size() - 1);
    return {};
}

// A hospital session cookie, through the login form.
std::string hospital_session(const ServerProcess& server, const std::string& email, const std::string& password) {
    auto client = server.client();
    auto form = client.Get("/login");
    std::smatch match;
    static const std::regex csrf(R"(name="_csrf" value="([^"]+)\")");
    if (!form || !std::regex_search(form->body, match, csrf)) return {};
    const std::string login_cookie = "cyb_login_csrf=" + set_cookie(form, "cyb_login_csrf");
    auto done = client.Post("/login", {{"Cookie", login_cookie}},
                            httplib::Params{{"email", email}, {"password", password},
                                            {"_csrf", match[1].str()}});
    return done ? "cyb_session=" + set_cookie(done, "cyb_session") : "";
}

std::string user_token(const ServerProcess& server, const std::string& email, const std::string& role) {
    auto added = run_binary_on_store(server, {"user", "add", email, "--role", role, "--password-stdin"},
                                     std::string(kUserPassword) + "\n");
    if (added.exit_code != 0) throw std::runtime_error("user add failed: " + added.err);
    auto token = run_binary_on_store(server, {"token", "create", email});
    return token.out.substr(0, token.out.find('\n'));
}

void add_member(const ServerProcess& server, long long acquisition_id, const std::string& email,
                const std::string& purchase_role) {
    auto added = server.api(server.api_token())
                     .Post("/api/v1/acquisitions/" + std::to_string(acquisition_id) + "/members",
                           nlohmann::json{{"email", email}, {"role", purchase_role}}.dump(), "application/json");
    if (!added || added->status != 200)
        throw std::runtime_error("adding a member failed: " + (added ? added->body : std::string("no answer")));
}

}  // namespace cyberachat::testing

namespace cyberachat::testing {

PickedQuestions pick_questions(const ServerProcess& server, const std::string& token, size_t text_count) {
    auto definition = parse_json(server.api(token).Get("/api/v1/questionnaire"));
    PickedQuestions picked;
    for (const auto& part : definition["parts"])
        for (const auto& section : part["sections"])
            for (const auto& question : section["questions"]) {
                const std::string kind = question["kind"];
                if (kind == "text" && picked.text.size() < text_count) picked.text.push_back(question["id"]);
                if (kind == "document" && picked.document.empty()) picked.document = question["id"];
            }
    return picked;
}

InvitedVendors invite_vendors(const ServerProcess& server, const std::string& title, int count, size_t text_count) {
    InvitedVendors invited;
    invited.acquisition = create_acquisition(server, title);
    for (int v = 0; v < count; ++v)
        invited.invitations.push_back(invite_vendor(server, invited.acquisition, "Fournisseur " + std::to_string(v + 1)));
    if (!invited.invitations.empty()) invited.questions = pick_questions(server, invited.invitations[0].token, text_count);
    return invited;
}

std::string command_output(const std::string& command) {
    std::string out;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buffer[256];
        while (fgets(buffer, sizeof buffer, pipe)) out += buffer;
        pclose(pipe);
    }
    return out;
}

std::string sqlite_integrity_check(const std::string& database) {
    return command_output("sqlite3 '" + database + "' 'PRAGMA integrity_check;' 2>&1");
}

}  // namespace cyberachat::testing
