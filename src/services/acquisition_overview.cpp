#include "services/acquisition_overview.hpp"

#include <map>

namespace cyberachat::services {

Result<AcquisitionOverview> acquisition_overview(store::Store& store, ResponseService& responses, Acquisition acquisition) {
    AcquisitionOverview out;
    TRY_ASSIGN(out.questionnaire, store.questionnaires.find(acquisition.questionnaire_version_id));
    TRY_ASSIGN(auto invited, store.responses.list_for(acquisition.id));
    for (auto& response : invited) {
        TRY_ASSIGN(auto snapshot, responses.load(response));
        out.vendors.push_back(VendorProgress{std::move(snapshot.response), snapshot.evaluation.overall.percent(),
                                             snapshot.evaluation.missing_required.size()});
    }
    out.acquisition = std::move(acquisition);
    return out;
}

Result<AcquisitionOverview> acquisition_overview(store::Store& store, ResponseService& responses, Id acquisition_id) {
    TRY_ASSIGN(auto acquisition, store.acquisitions.find(acquisition_id));
    return acquisition_overview(store, responses, std::move(acquisition));
}

Result<std::vector<AcquisitionOverview>> all_acquisition_overviews(store::Store& store, ResponseService& responses) {
    TRY_ASSIGN(auto acquisitions, store.acquisitions.list());
    std::vector<AcquisitionOverview> out;
    for (auto& acquisition : acquisitions) {
        TRY_ASSIGN(auto overview, acquisition_overview(store, responses, std::move(acquisition)));
        out.push_back(std::move(overview));
    }
    return out;
}

Result<VisibleAcquisitions> acquisitions_visible_to(store::Store& store, ResponseService& responses, const User& user,
                                                    ArchivedPurchases archived, const PurchaseListQuery& query) {
    if (query.status == PurchaseStatus::archived && archived == ArchivedPurchases::hidden) archived = ArchivedPurchases::only;
    TRY_ASSIGN(auto listed, store.acquisitions.list());
    std::map<Id, PurchaseRole> memberships;
    if (user.role != Role::admin) {
        TRY_ASSIGN(memberships, store.members.purchases_of(user.id));
    }
    std::vector<Acquisition> acquisitions;
    for (auto& acquisition : listed) {
        const bool is_archived = acquisition.status == "archived";
        if (archived != ArchivedPurchases::included && is_archived != (archived == ArchivedPurchases::only)) continue;
        if (user.role != Role::admin && !memberships.contains(acquisition.id)) continue;
        acquisitions.push_back(std::move(acquisition));
    }
    VisibleAcquisitions out;
    out.total = acquisitions.size();
    for (const size_t index : select_purchases(acquisitions, query)) {
        Acquisition& acquisition = acquisitions[index];
        if (user.role == Role::admin) {
            TRY_ASSIGN(auto version, store.questionnaires.find(acquisition.questionnaire_version_id));
            out.purchases.push_back(
                VisibleAcquisition{AcquisitionOverview{std::move(acquisition), std::move(version), {}}, std::nullopt});
            continue;
        }
        const PurchaseRole role = memberships.at(acquisition.id);
        TRY_ASSIGN(auto overview, acquisition_overview(store, responses, std::move(acquisition)));
        out.purchases.push_back(VisibleAcquisition{std::move(overview), role});
    }
    return out;
}

}  // namespace cyberachat::services
