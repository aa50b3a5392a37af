#include "services/market_statistics_service.hpp"

#include <map>

#include "core/ascii_text.hpp"
#include "core/response_state.hpp"

namespace cyberachat::services {

namespace {

StatisticsPurchase statistics_purchase(const Acquisition& acquisition) {
    return StatisticsPurchase{acquisition.id, acquisition.title, acquisition.equipment_family};
}

StatisticsObservation observation_of(const StatisticsPurchase& purchase, const VendorResponse& response,
                                     const Questionnaire& questionnaire) {
    StatisticsObservation out;
    out.purchase_id = purchase.id;
    out.purchase_title = purchase.title;
    out.equipment_family = purchase.equipment_family;
    out.submitted_at = response.submitted_at;
    out.company_key = statistics_vendor_key(response);
    out.questionnaire = &questionnaire;
    return out;
}

}  // namespace

std::string statistics_vendor_key(const VendorResponse& response) {
    // The company the hospital linked (its SIREN, or its e-mail's domain), else its name.
    if (!response.company_key.empty()) return response.company_key;
    std::string key = "name:" + search_key(trim(response.company));
    if (key == "name:") key.clear();
    if (key.empty()) key = "email:" + lower_ascii(trim(response.email));
    return key;
}

Result<std::vector<StatisticsPurchase>> MarketStatisticsService::purchases_visible_to(const User& user) {
    TRY_ASSIGN(auto listed, store_.acquisitions.list());
    std::map<Id, PurchaseRole> memberships;
    if (user.role != Role::admin) {
        TRY_ASSIGN(memberships, store_.members.purchases_of(user.id));
    }
    std::vector<StatisticsPurchase> out;
    for (const auto& acquisition : listed)
        if (user.role == Role::admin || memberships.contains(acquisition.id)) out.push_back(statistics_purchase(acquisition));
    return out;
}

Result<MarketStatisticsView> MarketStatisticsService::for_user(const User& user, StatisticsFilter filter) {
    MarketStatisticsView out;
    TRY_ASSIGN(out.purchases, purchases_visible_to(user));
    TRY_ASSIGN(const auto gathered, observations(out.purchases, filter));
    out.statistics = market_statistics(gathered.observations, filter);
    out.filter = std::move(filter);
    return out;
}

Result<std::vector<AnonymisedCell>> MarketStatisticsService::anonymised(const std::string& since) {
    TRY_ASSIGN(auto listed, store_.acquisitions.list());
    std::vector<StatisticsPurchase> purchases;
    for (const auto& acquisition : listed) purchases.push_back(statistics_purchase(acquisition));
    TRY_ASSIGN(const auto gathered, observations(purchases));
    return anonymised_statistics(gathered.observations, since);
}

Result<StatisticsObservations> MarketStatisticsService::observations(const std::vector<StatisticsPurchase>& purchases,
                                                                     const StatisticsFilter& filter) {
    StatisticsObservations out;
    for (const auto& purchase : purchases) {
        if (filter.purchase_id && purchase.id != *filter.purchase_id) continue;
        if (!filter.equipment_family.empty() && purchase.equipment_family != filter.equipment_family) continue;
        TRY(observe_purchase(purchase, out));
    }
    return out;
}

// One purchase's submitted responses, each scored with the purchase's grid and weights. A purchase
// without a grid (an old one on a questionnaire no longer current) still gives its distributions.
Result<void> MarketStatisticsService::observe_purchase(const StatisticsPurchase& purchase, StatisticsObservations& out) {
    auto compared = evaluations_.compare(purchase.id);
    if (compared) {
        out.questionnaires.push_back(compared->questionnaire);
        for (const auto& vendor : compared->vendors) {
            StatisticsObservation observed = observation_of(purchase, vendor.snapshot.response, *compared->questionnaire);
            observe(observed, vendor.snapshot.answer_set, vendor.snapshot.evaluation, vendor.card);
            out.observations.push_back(std::move(observed));
        }
        return {};
    }
    if (compared.error().code != ErrorCode::not_found) return compared.error();
    TRY_ASSIGN(const auto responses, store_.responses.list_for(purchase.id));
    for (const auto& response : responses) {
        if (!is_submitted_state(response_state(response))) continue;
        TRY_ASSIGN(auto snapshot, responses_.load(response));
        out.questionnaires.push_back(snapshot.questionnaire);
        StatisticsObservation observed = observation_of(purchase, snapshot.response, *snapshot.questionnaire);
        observe(observed, snapshot.answer_set, snapshot.evaluation, ScoreCard{});
        out.observations.push_back(std::move(observed));
    }
    return {};
}

}  // namespace cyberachat::services
