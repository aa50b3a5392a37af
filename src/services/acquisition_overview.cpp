#include "services/acquisition_overview.hpp"

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

Result<std::vector<VisibleAcquisition>> acquisitions_visible_to(store::Store& store, ResponseService& responses,
                                                                const User& user, ArchivedPurchases archived) {
    std::vector<VisibleAcquisition> out;
    TRY_ASSIGN(auto listed, store.acquisitions.list());
    std::vector<Acquisition> acquisitions;
    for (auto& acquisition : listed) {
        const bool is_archived = acquisition.status == "archived";
        if (archived == ArchivedPurchases::included || is_archived == (archived == ArchivedPurchases::only))
            acquisitions.push_back(std::move(acquisition));
    }
    if (user.role == Role::admin) {
        for (auto& acquisition : acquisitions) {
            TRY_ASSIGN(auto version, store.questionnaires.find(acquisition.questionnaire_version_id));
            out.push_back(VisibleAcquisition{AcquisitionOverview{std::move(acquisition), std::move(version), {}}, std::nullopt});
        }
        return out;
    }
    TRY_ASSIGN(auto memberships, store.members.purchases_of(user.id));
    for (auto& acquisition : acquisitions) {
        auto role = memberships.find(acquisition.id);
        if (role == memberships.end()) continue;
        TRY_ASSIGN(auto overview, acquisition_overview(store, responses, std::move(acquisition)));
        out.push_back(VisibleAcquisition{std::move(overview), role->second});
    }
    return out;
}

}  // namespace cyberachat::services
