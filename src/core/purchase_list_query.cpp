#include "core/purchase_list_query.hpp"

#include <algorithm>

#include "core/ascii_text.hpp"
#include "core/deadline.hpp"
#include "core/utf8.hpp"

namespace cyberachat {
namespace {

constexpr std::string_view kSearchSpace = " \t\n\v\f\r";

// The words of a search text, each as search_key gives it.
std::vector<std::string> search_words(std::string_view text) {
    std::vector<std::string> words;
    size_t at = 0;
    while ((at = text.find_first_not_of(kSearchSpace, at)) != std::string_view::npos) {
        const size_t end = std::min(text.find_first_of(kSearchSpace, at), text.size());
        words.push_back(search_key(text.substr(at, end - at)));
        at = end;
    }
    return words;
}

// The four fields a search looks in, folded, one per line (a word never spans two of them).
std::string searched_text(const Acquisition& purchase) {
    return search_key(purchase.title) + '\n' + search_key(purchase.reference) + '\n' + search_key(purchase.equipment) +
           '\n' + search_key(purchase.service);
}

bool has_every_word(const std::string& haystack, const std::vector<std::string>& words) {
    return std::all_of(words.begin(), words.end(),
                       [&](const std::string& word) { return haystack.find(word) != std::string::npos; });
}

bool status_passes(const PurchaseListQuery& query, const Acquisition& purchase) {
    return !query.status || purchase.status == purchase_status_name(*query.status);
}

// What one purchase sorts by: `text`, then `number`; a missing one comes last in either order.
struct PurchaseSortValue {
    bool missing = false;
    std::string text;
    long long number = 0;
};

PurchaseSortValue sort_value(PurchaseSortKey key, const Acquisition& purchase) {
    switch (key) {
        // The order they were created in here, as the store numbers them: a purchase restored from
        // an archive keeps its created_at but is new to this instance.
        case PurchaseSortKey::created: return {false, {}, purchase.id};
        case PurchaseSortKey::title: return {purchase.title.empty(), search_key(purchase.title), 0};
        case PurchaseSortKey::reference: return {purchase.reference.empty(), search_key(purchase.reference), 0};
        case PurchaseSortKey::deadline: {
            const auto seconds = deadline_utc_seconds(purchase.deadline);
            return {!seconds, {}, seconds.value_or(0)};
        }
        case PurchaseSortKey::status: {
            const auto status = parse_purchase_status(purchase.status);
            return {!status, {}, status ? static_cast<long long>(*status) : 0};
        }
    }
    return {true, {}, 0};
}

int compare_sort_values(const PurchaseSortValue& a, const PurchaseSortValue& b) {
    if (const int by_text = a.text.compare(b.text); by_text != 0) return by_text < 0 ? -1 : 1;
    return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
}

Error parameter_error(std::string_view parameter, std::string fr, std::string en) {
    return Error::make(ErrorCode::invalid_value, std::move(fr), std::move(en))
        .with_payload({{"parameter", std::string(parameter)}});
}

}  // namespace

std::string_view purchase_sort_key_name(PurchaseSortKey key) {
    switch (key) {
        case PurchaseSortKey::created: return "created";
        case PurchaseSortKey::title: return "title";
        case PurchaseSortKey::reference: return "reference";
        case PurchaseSortKey::deadline: return "deadline";
        case PurchaseSortKey::status: return "status";
    }
    return "created";
}

std::optional<PurchaseSortKey> parse_purchase_sort_key(std::string_view name) {
    for (PurchaseSortKey key : {PurchaseSortKey::created, PurchaseSortKey::title, PurchaseSortKey::reference,
                                PurchaseSortKey::deadline, PurchaseSortKey::status})
        if (purchase_sort_key_name(key) == name) return key;
    return std::nullopt;
}

std::string_view sort_order_name(SortOrder order) { return order == SortOrder::ascending ? "asc" : "desc"; }

std::optional<SortOrder> parse_sort_order(std::string_view name) {
    if (name == "asc") return SortOrder::ascending;
    if (name == "desc") return SortOrder::descending;
    return std::nullopt;
}

SortOrder usual_sort_order(PurchaseSortKey key) {
    return key == PurchaseSortKey::created ? SortOrder::descending : SortOrder::ascending;
}

Result<PurchaseListQuery> parse_purchase_list_query(const PurchaseListParameters& parameters) {
    PurchaseListQuery query;
    const std::string_view text = trim(parameters.text);
    if (!is_valid_utf8(text))
        return parameter_error("q", "Recherche (q) illisible : texte UTF-8 attendu.", "Unreadable search (q): UTF-8 text expected.");
    if (longer_than(text, kPurchaseSearchMaxCharacters))
        return parameter_error("q", "Recherche (q) trop longue : 200 caractères au plus.",
                               "Search (q) too long: 200 characters at most.");
    query.text = std::string(text);
    if (!parameters.sort.empty()) {
        const auto sort = parse_purchase_sort_key(parameters.sort);
        if (!sort)
            return parameter_error("sort", "Tri (sort) inconnu : title, reference, deadline, status ou created.",
                                   "Unknown sort: title, reference, deadline, status or created.");
        query.sort = *sort;
    }
    if (!parameters.order.empty()) {
        query.order = parse_sort_order(parameters.order);
        if (!query.order)
            return parameter_error("order", "Ordre (order) inconnu : asc ou desc.", "Unknown order: asc or desc.");
    }
    if (!parameters.status.empty()) {
        query.status = parse_purchase_status(parameters.status);
        if (!query.status)
            return parameter_error("status", "Statut (status) inconnu : draft, open, closed ou archived.",
                                   "Unknown status: draft, open, closed or archived.");
    }
    return query;
}

PurchaseListQuery purchase_list_query_or_defaults(const PurchaseListParameters& parameters) {
    PurchaseListQuery query;
    std::string_view text = trim(parameters.text);
    if (is_valid_utf8(text)) {
        // Cut after 200 characters: at the first byte that starts the 201st.
        size_t characters = 0, end = 0;
        for (; end < text.size(); ++end)
            if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80 && ++characters > kPurchaseSearchMaxCharacters) break;
        query.text = std::string(trim(text.substr(0, end)));
    }
    query.sort = parse_purchase_sort_key(parameters.sort).value_or(PurchaseSortKey::created);
    query.order = parse_sort_order(parameters.order);
    query.status = parse_purchase_status(parameters.status);
    return query;
}

bool purchase_matches(const PurchaseListQuery& query, const Acquisition& purchase) {
    return status_passes(query, purchase) &&
           (query.text.empty() || has_every_word(searched_text(purchase), search_words(query.text)));
}

std::vector<size_t> select_purchases(const std::vector<Acquisition>& purchases, const PurchaseListQuery& query) {
    const std::vector<std::string> words = search_words(query.text);
    std::vector<size_t> selected;
    std::vector<PurchaseSortValue> values(purchases.size());
    for (size_t i = 0; i < purchases.size(); ++i) {
        if (!status_passes(query, purchases[i])) continue;
        if (!words.empty() && !has_every_word(searched_text(purchases[i]), words)) continue;
        selected.push_back(i);
        values[i] = sort_value(query.sort, purchases[i]);
    }
    const bool descending = query.effective_order() == SortOrder::descending;
    std::stable_sort(selected.begin(), selected.end(), [&](size_t a, size_t b) {
        const PurchaseSortValue& x = values[a];
        const PurchaseSortValue& y = values[b];
        if (x.missing != y.missing) return !x.missing;
        if (x.missing) return false;
        const int order = compare_sort_values(x, y);
        return descending ? order > 0 : order < 0;
    });
    return selected;
}

}  // namespace cyberachat
