// `cyberachat backup` while the server serves, then `cyberachat restore` and a server on the
// restored folder. Vendors, each through its own invitation, save answers, upload documents and
// remove some of them in a loop from threads before, during and after the backup. Every write
// acknowledged before the backup started must be in the restored instance (an answer with that
// value or a later one sent after it; an uploaded document unless its removal was sent; a removal
// acknowledged before: the document gone), SQLite's integrity_check must answer "ok", and every
// document row must have its file with the row's SHA-256. SQLite only: the suite is named Sqlite*.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr int kBackupVendors = 4;
constexpr size_t kBackupTextQuestions = 4;
constexpr auto kWritesBeforeBackup = std::chrono::milliseconds(600);
constexpr auto kWritesAfterBackup = std::chrono::milliseconds(100);

// Which writes the server acknowledged before the backup started (`started` set just before the
// backup process is spawned: an acknowledgement read while it is still false came before).
struct AnswerWrite {
    std::string value;
    bool acknowledged_before_backup = false;
};
struct Upload {
    std::string bytes, sha256;
    long long id = 0;
    bool acknowledged_before_backup = false;
    bool removal_sent = false;
    bool removal_acknowledged_before_backup = false;
};
struct VendorWrites {
    Invitation invitation;
    std::map<std::string, std::vector<AnswerWrite>> answers;  // by question, in the order sent
    std::vector<Upload> uploads;                              // acknowledged ones, in order
    std::vector<std::string> unexpected;                      // any answer but success fails the test
    long long during_backup = 0;                              // acknowledged while the backup ran
};

struct Phases {
    std::atomic<bool> backup_started{false}, backup_done{false}, stop{false};
};

std::string pdf_with(const std::string& tag) { return minimal_pdf() + "% " + tag + "\n"; }

void write_in_a_loop(const ServerProcess& server, VendorWrites& writes, const PickedQuestions& questions, int vendor,
                     const Phases& phases) {
    auto client = server.api(writes.invitation.token);
    client.set_read_timeout(30, 0);
    const auto acknowledged = [&]() {
        const bool before = !phases.backup_started.load();
        if (!before && !phases.backup_done.load()) ++writes.during_backup;
        return before;
    };
    size_t next_removal = 0;
    for (int i = 0; !phases.stop.load(); ++i) {
        const std::string tag = "v" + std::to_string(vendor) + "-" + std::to_string(i);
        if (i % 6 == 5) {
            const std::string bytes = pdf_with(tag);
            httplib::MultipartFormDataItems items = {{"file", bytes, tag + ".pdf", "application/pdf"}};
            auto result = client.Post(("/api/v1/vendor/documents/" + questions.document).c_str(), items);
            if (!result || result->status != 201) {
                writes.unexpected.push_back("POST document " + tag + ": " + (result ? std::to_string(result->status) + " " + result->body : "no answer"));
                return;
            }
            const json body = parse_json(result);
            const bool before = acknowledged();
            writes.uploads.push_back({bytes, body.value("sha256", ""), body.value("id", 0LL), before});
            continue;
        }
        if (i % 15 == 14 && next_removal < writes.uploads.size()) {
            Upload& upload = writes.uploads[next_removal++];
            upload.removal_sent = true;
            auto result = client.Delete(("/api/v1/vendor/documents/" + std::to_string(upload.id)).c_str());
            if (!result || result->status >= 300) {
                writes.unexpected.push_back("DELETE document " + std::to_string(upload.id) + ": " +
                                            (result ? std::to_string(result->status) + " " + result->body : "no answer"));
                return;
            }
            upload.removal_acknowledged_before_backup = acknowledged();
            continue;
        }
        const std::string& question = questions.text[static_cast<size_t>(i) % questions.text.size()];
        const std::string value = "valeur " + tag;
        auto& sent = writes.answers[question];
        sent.push_back({value});
        auto result = client.Put(("/api/v1/vendor/answers/" + question).c_str(), json{{"value", value}}.dump(), "application/json");
        if (!result || result->status != 200 || parse_json(result).value("value", json()) != value) {
            writes.unexpected.push_back("PUT " + question + " " + tag + ": " + (result ? std::to_string(result->status) + " " + result->body : "no answer"));
            return;
        }
        sent.back().acknowledged_before_backup = acknowledged();
    }
}

struct Checked {
    long long answers = 0, documents_present = 0, documents_absent = 0;
};

// The restored instance, as this vendor reads it, against what was acknowledged before the backup.
void check_restored(const ServerProcess& restored, const VendorWrites& writes, const PickedQuestions& questions,
                    Checked& checked) {
    auto response = parse_json(restored.api(writes.invitation.token).Get("/api/v1/vendor/response"));
    ASSERT_TRUE(response.is_object()) << "GET /api/v1/vendor/response on the restored server failed";
    std::map<std::string, json> stored;
    for (const auto& section : response.value("sections", json::array()))
        for (const auto& question : section["questions"]) stored[question["id"]] = question["value"];

    for (const auto& [question, sent] : writes.answers) {
        // The last value acknowledged before the backup, or one sent after it.
        size_t first_allowed = sent.size();
        for (size_t k = 0; k < sent.size(); ++k)
            if (sent[k].acknowledged_before_backup) first_allowed = k;
        if (first_allowed == sent.size()) continue;  // nothing acknowledged before: anything sent may be there
        const json value = stored.count(question) ? stored[question] : json();
        bool allowed = false;
        for (size_t k = first_allowed; k < sent.size(); ++k) allowed = allowed || value == sent[k].value;
        ++checked.answers;
        EXPECT_TRUE(allowed) << writes.invitation.response_id << "/" << question << " holds " << value.dump()
                             << ", acknowledged before the backup: " << sent[first_allowed].value;
    }

    std::set<std::string> listed;
    for (const auto& document : stored.count(questions.document) ? stored[questions.document] : json::array())
        listed.insert(document.value("sha256", ""));
    for (const auto& upload : writes.uploads) {
        if (upload.removal_acknowledged_before_backup) {
            ++checked.documents_absent;
            EXPECT_FALSE(listed.count(upload.sha256)) << "document " << upload.id << " removed before the backup is back";
        } else if (upload.acknowledged_before_backup && !upload.removal_sent) {
            ++checked.documents_present;
            EXPECT_TRUE(listed.count(upload.sha256)) << "document " << upload.id << " acknowledged before the backup is missing";
        }
    }
    for (const auto& sha256 : listed) {
        bool uploaded = false;
        for (const auto& upload : writes.uploads) uploaded = uploaded || upload.sha256 == sha256;
        EXPECT_TRUE(uploaded) << "the restored instance lists a document never acknowledged: " << sha256;
    }
}

std::string make_work_dir() {
    char pattern[] = "/tmp/cyb-backup-XXXXXX";
    if (!mkdtemp(pattern)) throw std::runtime_error("mkdtemp failed");
    return pattern;
}

}  // namespace

TEST(SqliteBackupWhileServing, AcknowledgedWritesAreInTheRestoredInstance) {
    ServerProcess server;
    const InvitedVendors invited =
        invite_vendors(server, "Pousse-seringues — sauvegarde à chaud", kBackupVendors, kBackupTextQuestions);
    std::vector<VendorWrites> vendors(kBackupVendors);
    for (int v = 0; v < kBackupVendors; ++v) vendors[v].invitation = invited.invitations[v];
    const PickedQuestions& questions = invited.questions;
    ASSERT_EQ(questions.text.size(), kBackupTextQuestions);
    ASSERT_FALSE(questions.document.empty());

    const std::string work = make_work_dir();
    const std::string backup_dir = work + "/sauvegarde", restored_dir = work + "/restauree";
    Phases phases;
    std::vector<std::thread> threads;
    for (int v = 0; v < kBackupVendors; ++v)
        threads.emplace_back(write_in_a_loop, std::cref(server), std::ref(vendors[v]), std::cref(questions), v, std::cref(phases));
    std::this_thread::sleep_for(kWritesBeforeBackup);
    phases.backup_started = true;
    const auto started = std::chrono::steady_clock::now();
    const CommandResult backup = run_binary({"backup", "--data", server.data_dir(), "--output", backup_dir});
    const auto took = std::chrono::steady_clock::now() - started;
    phases.backup_done = true;
    std::this_thread::sleep_for(kWritesAfterBackup);
    phases.stop = true;
    for (auto& thread : threads) thread.join();
    for (const auto& vendor : vendors)
        for (const auto& message : vendor.unexpected) ADD_FAILURE() << message;

    ASSERT_EQ(backup.exit_code, 0) << backup.err;
    EXPECT_NE(backup.out.find("Sauvegarde terminée"), std::string::npos) << backup.out;
    EXPECT_NE(backup.out.find("answers"), std::string::npos) << backup.out;
    EXPECT_EQ(backup.err, "");

    const CommandResult restore = run_binary({"restore", "--from", backup_dir, "--data", restored_dir});
    ASSERT_EQ(restore.exit_code, 0) << restore.err;
    EXPECT_NE(restore.out.find("Restauration vérifiée et terminée"), std::string::npos) << restore.out;

    Checked checked;
    long long during_backup = 0;
    {
        const auto restored = ServerProcess::on_existing_data(restored_dir, server.api_token());
        for (const auto& vendor : vendors) {
            check_restored(*restored, vendor, questions, checked);
            during_backup += vendor.during_backup;
        }
        const std::string database = restored_dir + "/cyberachat.db";
        EXPECT_EQ(sqlite_integrity_check(database), "ok\n");
        // Every document row has its file, with the row's SHA-256.
        std::istringstream rows(command_output("sqlite3 -separator ' ' '" + database + "' 'SELECT storage_path, sha256 FROM documents;'"));
        std::string path, sha256;
        long long rows_checked = 0;
        while (rows >> path >> sha256) {
            const std::string file = restored_dir + "/" + path;
            const std::string sum = command_output("sha256sum '" + file + "' 2>&1");
            EXPECT_EQ(sum.substr(0, 64), sha256) << path << ": " << sum;
            ++rows_checked;
        }
        EXPECT_GE(rows_checked, checked.documents_present);
        EXPECT_GT(rows_checked, 0);
    }  // the restored server stops; its folder is removed
    EXPECT_GT(checked.answers, 0) << "no answer was acknowledged before the backup: the test checked nothing";
    EXPECT_GT(checked.documents_present, 0) << "no document was acknowledged before the backup";
    std::cout << "backup while serving: the backup took "
              << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms, " << during_backup
              << " writes acknowledged meanwhile; checked in the restored instance: " << checked.answers
              << " answers, " << checked.documents_present << " documents present, " << checked.documents_absent
              << " removed ones absent" << (backup.out.find("copies de la base") != std::string::npos ? " (the backup took a new snapshot)" : "")
              << "\n";
    std::error_code ec;
    fs::remove_all(work, ec);
}
