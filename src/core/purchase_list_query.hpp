#pragma once
// The hospital's list of purchases searched and sorted (the page GET /acquisitions and the API
// GET /api/v1/acquisitions): the query as the request gives it — free text `q`, `sort`, `order`,
// `status` —, which purchases match it, and in which order. Pure: no HTTP, no store.
//
// - The text matches case- and accent-insensitively ("echographe" finds "Échographe"): each of
//   its words must appear in the title, the reference, the equipment or the service.
// - Sorts are stable (ties keep the list's order, newest first). A purchase without a deadline
//   (or without a reference, sorting by reference) comes last in either order; statuses sort in
//   their lifecycle's order: draft, open, closed, archived.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/acquisition.hpp"
#include "core/purchase_lifecycle.hpp"
#include "core/result.hpp"

namespace cyberachat {

enum class PurchaseSortKey { created, title, reference, deadline, status };
enum class SortOrder { ascending, descending };

std::string_view purchase_sort_key_name(PurchaseSortKey key);  // "created", "title", "reference", "deadline", "status"
std::optional<PurchaseSortKey> parse_purchase_sort_key(std::string_view name);
std::string_view sort_order_name(SortOrder order);  // "asc", "desc"
std::optional<SortOrder> parse_sort_order(std::string_view name);
// The order a key sorts in when none is asked for: newest first for the creation (the order the
// purchases were created, or restored from an archive, in this instance); A → Z, soonest
// deadline, lifecycle order for the others.
SortOrder usual_sort_order(PurchaseSortKey key);

inline constexpr size_t kPurchaseSearchMaxCharacters = 200;

struct PurchaseListQuery {
    std::string text = {};                 // trimmed; "" : no text filter
    PurchaseSortKey sort = PurchaseSortKey::created;
    std::optional<SortOrder> order = {};   // nullopt: usual_sort_order(sort)
    std::optional<PurchaseStatus> status = {};  // nullopt: every status

    SortOrder effective_order() const { return order ? *order : usual_sort_order(sort); }
    // Whether it leaves purchases out (a text or a status), not only sorts them.
    bool narrows() const { return !text.empty() || status.has_value(); }
    // The list as it is without any parameter: every purchase, newest first.
    bool is_default() const { return !narrows() && sort == PurchaseSortKey::created && !order; }
};

// The parameters as the request gives them ("" when absent).
struct PurchaseListParameters {
    std::string_view text = {};    // q
    std::string_view sort = {};    // title | reference | deadline | status | created
    std::string_view order = {};   // asc | desc
    std::string_view status = {};  // draft | open | closed | archived
};

// Strict, for the API: an unknown sort, order or status, or a text longer than 200 characters or
// not UTF-8, is refused with `invalid_value`, a French message naming the parameter and what it
// accepts, and the payload {"parameter": "<name>"}.
Result<PurchaseListQuery> parse_purchase_list_query(const PurchaseListParameters& parameters);
// Lenient, for the page: an unknown value is left at its default, a text not UTF-8 is dropped and
// a longer one cut at 200 characters. Never fails.
PurchaseListQuery purchase_list_query_or_defaults(const PurchaseListParameters& parameters);

// Whether the purchase passes the query's text and status filters.
bool purchase_matches(const PurchaseListQuery& query, const Acquisition& purchase);

// The positions in `purchases` of those that match the query, in its order (stable: ties keep
// their order in `purchases`).
std::vector<size_t> select_purchases(const std::vector<Acquisition>& purchases, const PurchaseListQuery& query);

}  // namespace cyberachat
