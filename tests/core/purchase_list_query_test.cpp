// core/purchase_list_query: the list of purchases searched (case and accents ignored, every word
// in title, reference, equipment or service) and sorted (stable; no deadline or reference last;
// statuses in lifecycle order); the query read strictly (API) or leniently (page).
#include "core/purchase_list_query.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace cyberachat {
namespace {

Acquisition purchase(Id id, std::string title, std::string reference = {}, std::string deadline = {},
                     std::string status = "open") {
    Acquisition a;
    a.id = id;
    a.title = std::move(title);
    a.reference = std::move(reference);
    a.deadline = std::move(deadline);
    a.status = std::move(status);
    a.equipment = "Équipement " + std::to_string(id);
    a.service = "Service " + std::to_string(id);
    a.created_at = "2026-01-0" + std::to_string(id) + "T10:00:00Z";
    return a;
}

// The ids of the purchases selected, in order.
std::vector<Id> ids(const std::vector<Acquisition>& purchases, const PurchaseListQuery& query) {
    std::vector<Id> out;
    for (size_t index : select_purchases(purchases, query)) out.push_back(purchases[index].id);
    return out;
}

PurchaseListQuery parsed(PurchaseListParameters parameters) {
    auto query = parse_purchase_list_query(parameters);
    EXPECT_TRUE(query.ok()) << query.error().message.fr;
    return query.ok() ? *query : PurchaseListQuery{};
}

// The list as the store gives it: newest first.
std::vector<Acquisition> newest_first(std::vector<Acquisition> purchases) {
    std::sort(purchases.begin(), purchases.end(), [](const auto& a, const auto& b) { return a.id > b.id; });
    return purchases;
}

TEST(PurchaseListQuery, WithoutParametersEveryPurchaseNewestFirst) {
    const PurchaseListQuery query = parsed({});
    EXPECT_TRUE(query.is_default());
    EXPECT_FALSE(query.narrows());
    EXPECT_EQ(query.effective_order(), SortOrder::descending);
    // The order they were created in here (the id), not the order the list came in, nor
    // created_at: a purchase restored from an archive (3) keeps its old date but is new here.
    std::vector<Acquisition> purchases = {purchase(1, "A"), purchase(3, "C"), purchase(2, "B")};
    purchases[1].created_at = "2019-05-01T08:00:00Z";
    EXPECT_EQ(ids(purchases, query), (std::vector<Id>{3, 2, 1}));
    EXPECT_EQ(ids(purchases, parsed({.order = "asc"})), (std::vector<Id>{1, 2, 3}));
}

TEST(PurchaseListQuery, TextMatchesWithoutCaseOrAccentsInTheFourFields) {
    std::vector<Acquisition> purchases = newest_first({purchase(1, "Échographes cardiologie", "MARCHÉ-2027-04"),
                                                       purchase(2, "Pousse-seringues", "PS-2027"),
                                                       purchase(3, "ECHOGRAPHE portable")});
    purchases[1].service = "Réanimation";   // id 2
    purchases[1].equipment = "Pompe à perfusion";
    EXPECT_EQ(ids(purchases, parsed({.text = "echographe"})), (std::vector<Id>{3, 1}));
    EXPECT_EQ(ids(purchases, parsed({.text = "Échographe"})), (std::vector<Id>{3, 1}));
    EXPECT_EQ(ids(purchases, parsed({.text = "marche-2027"})), (std::vector<Id>{1}));  // the reference
    EXPECT_EQ(ids(purchases, parsed({.text = "REANIMATION"})), (std::vector<Id>{2}));  // the service
    EXPECT_EQ(ids(purchases, parsed({.text = "pompe"})), (std::vector<Id>{2}));        // the equipment
    // Every word, each anywhere among the fields; extra spaces do not count.
    EXPECT_EQ(ids(purchases, parsed({.text = "  écho   cardio "})), (std::vector<Id>{1}));
    EXPECT_EQ(ids(purchases, parsed({.text = "écho seringue"})), (std::vector<Id>{}));
    EXPECT_EQ(ids(purchases, parsed({.text = "scanner"})), (std::vector<Id>{}));
    // A word does not run from one field into the next.
    EXPECT_EQ(ids(purchases, parsed({.text = "2027-04\xC3\xA9quipement"})), (std::vector<Id>{}));
    EXPECT_TRUE(purchase_matches(parsed({.text = "cardiologie"}), purchases[2]));
    EXPECT_FALSE(purchase_matches(parsed({.text = "cardiologie"}), purchases[0]));
}

TEST(PurchaseListQuery, StatusFilter) {
    const std::vector<Acquisition> purchases = newest_first(
        {purchase(1, "A", "", "", "draft"), purchase(2, "B", "", "", "open"), purchase(3, "C", "", "", "closed"),
         purchase(4, "D", "", "", "open"), purchase(5, "E", "", "", "archived")});
    EXPECT_EQ(ids(purchases, parsed({.status = "open"})), (std::vector<Id>{4, 2}));
    EXPECT_EQ(ids(purchases, parsed({.status = "archived"})), (std::vector<Id>{5}));
    EXPECT_EQ(ids(purchases, parsed({.text = "d", .status = "open"})), (std::vector<Id>{4}));
    EXPECT_TRUE(parsed({.status = "draft"}).narrows());
}

TEST(PurchaseListQuery, TitlesSortIgnoringCaseAndAccentsAndTiesKeepTheListOrder) {
    const std::vector<Acquisition> purchases =
        newest_first({purchase(1, "scanner"), purchase(2, "Échographe"), purchase(3, "IRM"), purchase(4, "echographe"),
                      purchase(5, "Défibrillateur")});
    // "Échographe" (2) and "echographe" (4) are equal: in the list's order, newest first, both ways.
    EXPECT_EQ(ids(purchases, parsed({.sort = "title"})), (std::vector<Id>{5, 4, 2, 3, 1}));
    EXPECT_EQ(ids(purchases, parsed({.sort = "title", .order = "desc"})), (std::vector<Id>{1, 3, 4, 2, 5}));
}

TEST(PurchaseListQuery, PurchasesWithoutADeadlineComeLastInEitherOrder) {
    const std::vector<Acquisition> purchases = newest_first({
        purchase(1, "Sans date A"),
        purchase(2, "Midi", "", "2027-03-31T12:00"),
        purchase(3, "Fin de journée", "", "2027-03-31"),  // 23:59:59 Paris time: after noon the same day
        purchase(4, "Sans date B"),
        purchase(5, "Janvier", "", "2027-01-15"),
        purchase(6, "Illisible", "", "bientôt"),          // not a deadline: as if none
    });
    EXPECT_EQ(ids(purchases, parsed({.sort = "deadline"})), (std::vector<Id>{5, 2, 3, 6, 4, 1}));
    EXPECT_EQ(ids(purchases, parsed({.sort = "deadline", .order = "desc"})), (std::vector<Id>{3, 2, 5, 6, 4, 1}));
}

TEST(PurchaseListQuery, ReferencesSortWithTheEmptyOnesLast) {
    const std::vector<Acquisition> purchases = newest_first(
        {purchase(1, "A", "b-2"), purchase(2, "B"), purchase(3, "C", "A-9"), purchase(4, "D", "B-2")});
    EXPECT_EQ(ids(purchases, parsed({.sort = "reference"})), (std::vector<Id>{3, 4, 1, 2}));
    EXPECT_EQ(ids(purchases, parsed({.sort = "reference", .order = "desc"})), (std::vector<Id>{4, 1, 3, 2}));
}

TEST(PurchaseListQuery, StatusesSortInLifecycleOrder) {
    const std::vector<Acquisition> purchases = newest_first(
        {purchase(1, "A", "", "", "archived"), purchase(2, "B", "", "", "open"), purchase(3, "C", "", "", "draft"),
         purchase(4, "D", "", "", "closed"), purchase(5, "E", "", "", "open"), purchase(6, "F", "", "", "inconnu")});
    EXPECT_EQ(ids(purchases, parsed({.sort = "status"})), (std::vector<Id>{3, 5, 2, 4, 1, 6}));
    EXPECT_EQ(ids(purchases, parsed({.sort = "status", .order = "desc"})), (std::vector<Id>{1, 4, 5, 2, 3, 6}));
}

TEST(PurchaseListQuery, EveryKeyAndOrderIsReadByItsName) {
    for (PurchaseSortKey key : {PurchaseSortKey::created, PurchaseSortKey::title, PurchaseSortKey::reference,
                                PurchaseSortKey::deadline, PurchaseSortKey::status}) {
        EXPECT_EQ(parse_purchase_sort_key(purchase_sort_key_name(key)), key);
        EXPECT_EQ(parsed({.sort = purchase_sort_key_name(key)}).sort, key);
    }
    EXPECT_EQ(parsed({.sort = "deadline"}).effective_order(), SortOrder::ascending);
    EXPECT_EQ(parsed({.sort = "deadline", .order = "desc"}).effective_order(), SortOrder::descending);
    EXPECT_EQ(parsed({.order = "asc"}).effective_order(), SortOrder::ascending);
    EXPECT_FALSE(parsed({.sort = "title"}).is_default());
    EXPECT_EQ(parsed({.text = "  IRM \t"}).text, "IRM");
}

TEST(PurchaseListQuery, TheApiRefusesUnknownValuesNamingTheParameter) {
    const auto refused = [](PurchaseListParameters parameters, const char* parameter) {
        auto query = parse_purchase_list_query(parameters);
        ASSERT_FALSE(query.ok()) << parameter;
        EXPECT_EQ(query.error().code, ErrorCode::invalid_value);
        EXPECT_EQ(query.error().payload["parameter"], parameter);
        EXPECT_NE(query.error().message.fr.find(std::string("(") + parameter + ")"), std::string::npos)
            << query.error().message.fr;
    };
    refused({.sort = "price"}, "sort");
    refused({.sort = "Title"}, "sort");  // names are exact
    refused({.order = "up"}, "order");
    refused({.status = "deleted"}, "status");
    refused({.status = "Open"}, "status");
    refused({.text = std::string(201, 'a')}, "q");
    refused({.text = "\xC3("}, "q");
    EXPECT_EQ(parse_purchase_list_query({.sort = "price"}).error().message.fr,
              "Tri (sort) inconnu : title, reference, deadline, status ou created.");
    // 200 characters, not bytes: 200 "é" (400 bytes) pass.
    std::string accents;
    for (int i = 0; i < 200; ++i) accents += "é";
    EXPECT_EQ(parsed({.text = accents}).text, accents);
    EXPECT_TRUE(parse_purchase_list_query({.text = std::string(200, 'a')}).ok());
}

TEST(PurchaseListQuery, ThePageFallsBackToDefaultsForUnknownValues) {
    const PurchaseListQuery query =
        purchase_list_query_or_defaults({.text = " IRM ", .sort = "price", .order = "up", .status = "deleted"});
    EXPECT_EQ(query.text, "IRM");
    EXPECT_EQ(query.sort, PurchaseSortKey::created);
    EXPECT_FALSE(query.order);
    EXPECT_FALSE(query.status);
    const PurchaseListQuery known =
        purchase_list_query_or_defaults({.text = "", .sort = "deadline", .order = "desc", .status = "closed"});
    EXPECT_EQ(known.sort, PurchaseSortKey::deadline);
    EXPECT_EQ(known.order, SortOrder::descending);
    EXPECT_EQ(known.status, PurchaseStatus::closed);
    // Too long: cut at 200 characters, never inside one; not UTF-8: dropped.
    std::string accents;
    for (int i = 0; i < 250; ++i) accents += "é";
    const std::string cut = purchase_list_query_or_defaults({.text = accents}).text;
    EXPECT_EQ(cut.size(), 400u);
    EXPECT_EQ(cut, accents.substr(0, 400));
    EXPECT_EQ(purchase_list_query_or_defaults({.text = std::string(300, 'a')}).text, std::string(200, 'a'));
    EXPECT_EQ(purchase_list_query_or_defaults({.text = "\xFF\xFE"}).text, "");
}

}  // namespace
}  // namespace cyberachat
