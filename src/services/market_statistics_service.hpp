#pragma once
// The market statistics of the purchases an account sees (issue 17, docs/statistics.md): the
// submitted responses of those purchases gathered as observations, scored with each purchase's
// grid and weights (EvaluationService::compare), then computed by the pure core
// (core/market_statistics.hpp, with its small-group rule). The whole instance's, anonymised, for
// `cyberachat stats export`.
#include <memory>
#include <string>
#include <vector>

#include "core/anonymised_statistics.hpp"
#include "core/market_statistics.hpp"
#include "services/evaluation_service.hpp"
#include "services/response_service.hpp"

namespace cyberachat::services {

// Who counts as one vendor in the statistics: the company's name, trimmed, lower case, without
// accents ("" : its e-mail address's). The same company under two spellings counts twice.
std::string statistics_vendor_key(const VendorResponse& response);

// A purchase the statistics can be filtered on.
struct StatisticsPurchase {
    Id id = 0;
    std::string title;
    std::string equipment_family;
};

// The observations and the questionnaires they point into.
struct StatisticsObservations {
    std::vector<std::shared_ptr<const Questionnaire>> questionnaires;
    std::vector<StatisticsObservation> observations;
};

struct MarketStatisticsView {
    std::vector<StatisticsPurchase> purchases;  // those the account sees, newest first
    StatisticsFilter filter;                    // as applied (a purchase it does not see: none)
    MarketStatistics statistics;
};

class MarketStatisticsService {
public:
    MarketStatisticsService(store::Store& store, ResponseService& responses, EvaluationService& evaluations)
        : store_(store), responses_(responses), evaluations_(evaluations) {}

    // The purchases `user` belongs to (an administrator: every purchase), archived ones included.
    Result<std::vector<StatisticsPurchase>> purchases_visible_to(const User& user);

    // The statistics of the purchases `user` sees, filtered. A filter on a purchase it does not
    // see gives the statistics of nothing (hidden), never another purchase's.
    Result<MarketStatisticsView> for_user(const User& user, StatisticsFilter filter);

    // Every submitted response of the instance since `since` ("YYYY-MM-DD"), by family and quarter.
    Result<std::vector<AnonymisedCell>> anonymised(const std::string& since);

    // The observations of these purchases' submitted responses (the filter's family and purchase
    // applied before anything is read).
    Result<StatisticsObservations> observations(const std::vector<StatisticsPurchase>& purchases,
                                                const StatisticsFilter& filter = {});

private:
    Result<void> observe_purchase(const StatisticsPurchase& purchase, StatisticsObservations& out);

    store::Store& store_;
    ResponseService& responses_;
    EvaluationService& evaluations_;
};

}  // namespace cyberachat::services
