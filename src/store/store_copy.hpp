#pragma once
// Copies a whole instance from one store into another, empty one — in practice an existing
// SQLite instance into the PostgreSQL database of a hospital group (`cyberachat migrate-store`).
// Copied as they are (ids, times, authors, revisions): accounts and API tokens, questionnaire
// versions and scoring grids, purchases with their weights, vendors' responses with every answer
// and its revision, documents (bytes moved to where the target keeps them, each checked against
// its SHA-256), reviews, opinions, and the whole journal. Not copied: sessions (everyone logs in
// again on the new store), login counters and pending XLSX previews (short-lived). Then the target
// is verified — the same row count in every copied table, every document readable with its
// SHA-256 — and the journal gets one event ("store", "migrate") saying what was copied.
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "store/repositories.hpp"

namespace cyberachat::store {

struct StoreCopyReport {
    std::vector<std::pair<std::string, long long>> rows;  // table → rows copied (and found in the target)
    long long documents = 0;                               // documents whose bytes were copied and verified
    long long document_bytes = 0;
};

// The tables copied, in an order where every reference points to a row copied before it.
const std::vector<std::string>& copied_tables();
// The tables deliberately not copied (see above) — every table of the schema is in one list.
const std::vector<std::string>& transient_tables();

// "conflict" when the target holds data already (any account, purchase or event); "storage" on
// a failed read or write; "corrupt" when a document's bytes do not match their SHA-256 or the
// verification finds a different count. A failed copy leaves the target as it was (one transaction;
// document bytes written before it are erased).
Result<StoreCopyReport> copy_store(Store& from, Store& to, const Actor& actor);

}  // namespace cyberachat::store
