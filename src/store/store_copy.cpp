#include "store/store_copy.hpp"

#include <algorithm>
#include <functional>
#include <map>

#include "store/document_bytes.hpp"
#include "store/internal.hpp"

namespace cyberachat::store {

namespace {

long long count_rows(soci::session& sql, const std::string& table) {
    long long count = 0;
    sql << "SELECT COUNT(*) FROM " + table, soci::into(count);
    return count;
}

// Copies every row of `table` from `from` to `to`, each value as text (both engines convert a
// text parameter to the column's type), NULLs kept. `rewrite` may change a row before it is
// written (a document's storage path).
long long copy_table(soci::session& from, soci::session& to, const std::string& table,
                     const std::function<void(const std::vector<std::string>& columns, std::vector<std::string>& values)>&
                         rewrite) {
    const std::vector<std::string> columns = detail::table_columns(from, table);
    std::string select = "SELECT ", insert = "INSERT INTO " + table + " (", placeholders;
    for (size_t i = 0; i < columns.size(); ++i) {
        const std::string comma = i ? ", " : "";
        select += comma + "CAST(" + columns[i] + " AS TEXT)";
        insert += comma + columns[i];
        placeholders += comma + ":v" + std::to_string(i);
    }
    select += " FROM " + table;
    insert += ") VALUES (" + placeholders + ")";

    std::vector<std::string> values(columns.size());
    std::vector<soci::indicator> indicators(columns.size(), soci::i_ok);
    soci::details::prepare_temp_type prepared = to.prepare << insert;
    for (size_t i = 0; i < columns.size(); ++i) prepared, soci::use(values[i], indicators[i]);
    soci::statement write(prepared);

    long long copied = 0;
    soci::rowset<soci::row> rows = (from.prepare << select);
    for (const soci::row& row : rows) {
        for (size_t i = 0; i < columns.size(); ++i) {
            indicators[i] = row.get_indicator(i) == soci::i_null ? soci::i_null : soci::i_ok;
            values[i] = indicators[i] == soci::i_null ? std::string() : row.get<std::string>(i);
        }
        if (rewrite) rewrite(columns, values);
        write.execute(true);
        ++copied;
    }
    return copied;
}

// After rows were written with their ids, the target's id generator continues after the largest.
void continue_ids_after_copy(soci::session& to, const std::string& table, const std::vector<std::string>& columns) {
    if (detail::engine_of(to) != Engine::postgresql) return;
    if (std::find(columns.begin(), columns.end(), "id") == columns.end()) return;
    to << "SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM " + table;
}

Error corrupt(const std::string& fr, const std::string& en) { return Error::make(ErrorCode::corrupt, fr, en); }

// Calls `on_document` for every document of the store (purchase by purchase, vendor by vendor),
// stopping at the first error.
Result<void> for_each_document(Store& store, const std::function<Result<void>(const StoredDocument&)>& on_document) {
    TRY_ASSIGN(auto acquisitions, store.acquisitions.list());
    for (const auto& acquisition : acquisitions) {
        TRY_ASSIGN(auto responses, store.responses.list_for(acquisition.id));
        for (const auto& response : responses) {
            TRY_ASSIGN(auto documents, store.documents.list_for(response.id));
            for (const auto& document : documents) TRY(on_document(document));
        }
    }
    return {};
}

}  // namespace

const std::vector<std::string>& copied_tables() {
    static const std::vector<std::string> tables = {
        "users",     "api_tokens",       "password_resets",        "questionnaire_versions", "questionnaire_library", "scoring_grids", "acquisitions",
        "acquisition_grids", "acquisition_added_questions", "weight_overrides", "responses", "answers", "documents",
        "reviews",   "opinions",         "acquisition_members", "outbox", "instance_settings", "events",
    };
    return tables;
}

const std::vector<std::string>& transient_tables() {
    static const std::vector<std::string> tables = {"sessions", "schema_migrations", "document_chunks", "login_counters",
                                                    "pending_uploads"};
    return tables;
}

Result<StoreCopyReport> copy_store(Store& from, Store& to, const Actor& actor) {
    // The target must be empty: a copy never merges two instances.
    bool target_used = false;
    TRY(to.db->read([&](soci::session& sql) {
        for (const char* table : {"users", "acquisitions", "events", "questionnaire_versions"})
            target_used = target_used || count_rows(sql, table) > 0;
    }));
    if (target_used)
        return Error::make(ErrorCode::conflict,
                           "La base de destination contient déjà des données : la copie se fait vers une base vide.",
                           "The target database already holds data: the copy goes into an empty database.");

    StoreCopyReport report;
    std::map<std::string, std::string> new_paths;  // a document's storage path in the source → in the target
    std::vector<std::string> written;              // erased if the copy fails
    const auto erase_written = [&] {
        for (const auto& path : written) (void)to.document_bytes->erase(path);
    };

    // 1. The documents' bytes, each checked against its SHA-256, where the target keeps them.
    auto moved = for_each_document(from, [&](const StoredDocument& document) -> Result<void> {
        auto bytes = from.documents.read_bytes(document);
        if (!bytes)
            return corrupt("Document n° " + std::to_string(document.id) + " (" + document.file_name +
                               ") illisible dans la source : " + bytes.error().message.fr,
                           "Document #" + std::to_string(document.id) + " (" + document.file_name +
                               ") unreadable in the source: " + bytes.error().message.in(Language::en));
        TRY_ASSIGN(auto stored, to.document_bytes->put(std::to_string(document.response_id), *bytes));
        written.push_back(stored);
        new_paths[document.storage_path] = stored;
        ++report.documents;
        report.document_bytes += static_cast<long long>(bytes->size());
        return {};
    });
    if (!moved) {
        erase_written();
        return moved.error();
    }

    // 2. Every row, in one transaction on the target, from one snapshot of the source.
    std::map<std::string, long long> copied;
    Result<void> wrote;
    auto source_read = from.db->read([&](soci::session& source) {
        // One snapshot of the source for every table: a read transaction (REPEATABLE READ on PostgreSQL).
        source << (detail::engine_of(source) == Engine::sqlite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ");
        struct EndRead {
            soci::session& source;
            ~EndRead() {
                try {
                    source << "ROLLBACK";
                } catch (const std::exception&) {
                }
            }
        } end_read{source};
        wrote = to.db->write([&](soci::session& target) -> Result<void> {
            for (const std::string& table : copied_tables()) {
                auto rewrite_document = [&](const std::vector<std::string>& columns, std::vector<std::string>& values) {
                    for (size_t i = 0; i < columns.size(); ++i)
                        if (columns[i] == "storage_path") {
                            auto it = new_paths.find(values[i]);
                            if (it != new_paths.end()) values[i] = it->second;
                        }
                };
                copied[table] = copy_table(source, target, table,
                                           table == "documents" ? std::function(rewrite_document) : nullptr);
                continue_ids_after_copy(target, table, detail::table_columns(target, table));
            }
            return {};
        });
    });
    if (!source_read || !wrote) {
        erase_written();
        return !source_read ? source_read.error() : wrote.error();
    }

    // 3. Verified in the target: the counts, and every document's bytes against its SHA-256.
    std::map<std::string, long long> found;
    TRY(to.db->read([&](soci::session& sql) {
        for (const std::string& table : copied_tables()) found[table] = count_rows(sql, table);
    }));
    for (const std::string& table : copied_tables()) {
        if (found[table] != copied[table])
            return corrupt("Vérification : " + table + " compte " + std::to_string(found[table]) + " lignes au lieu de " +
                               std::to_string(copied[table]) + ".",
                           "Verification: " + table + " has " + std::to_string(found[table]) + " rows instead of " +
                               std::to_string(copied[table]) + ".");
        report.rows.emplace_back(table, copied[table]);
    }
    long long verified = 0;
    TRY(for_each_document(to, [&](const StoredDocument& document) -> Result<void> {
        auto bytes = to.documents.read_bytes(document);
        if (!bytes)
            return corrupt("Vérification : document n° " + std::to_string(document.id) + " : " + bytes.error().message.fr,
                           "Verification: document #" + std::to_string(document.id) + ": " +
                               bytes.error().message.in(Language::en));
        ++verified;
        return {};
    }));
    if (verified != report.documents)
        return corrupt("Vérification : " + std::to_string(verified) + " documents lisibles sur " +
                           std::to_string(report.documents) + ".",
                       "Verification: " + std::to_string(verified) + " readable documents out of " +
                           std::to_string(report.documents) + ".");

    nlohmann::json summary = {{"from", std::string(engine_name(from.db->engine()))},
                              {"documents", report.documents},
                              {"document_bytes", report.document_bytes}};
    for (const auto& [table, rows] : report.rows) summary["rows"][table] = rows;
    TRY(to.db->write([&](soci::session& sql) -> Result<void> {
        detail::append_event(sql, actor, "store", 0, "migrate", "", {}, summary.dump());
        return {};
    }));
    return report;
}

}  // namespace cyberachat::store
