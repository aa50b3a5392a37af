#pragma once
// A purchase as the hospital's pages and the API list it: the record, the questionnaire version
// it was created with, and each invited vendor with its progress.
#include <vector>

#include <optional>

#include "core/acquisition.hpp"
#include "core/purchase_list_query.hpp"
#include "core/purchase_role.hpp"
#include "core/result.hpp"
#include "services/response_service.hpp"
#include "store/repositories.hpp"

namespace cyberachat::services {

struct VendorProgress {
    VendorResponse response;
    int progress = 0;             // overall percent of the questions that apply
    size_t missing_required = 0;  // required answers still missing
    bool link_active() const { return !response.invite_token_hash.empty(); }  // not revoked
};

struct AcquisitionOverview {
    Acquisition acquisition;
    QuestionnaireVersion questionnaire;
    std::vector<VendorProgress> vendors;  // in invitation order

    std::string questionnaire_label() const { return questionnaire.questionnaire_id + " " + questionnaire.version; }
};

// Errors: "not_found" (unknown purchase), "storage".
Result<AcquisitionOverview> acquisition_overview(store::Store& store, ResponseService& responses, Acquisition acquisition);
Result<AcquisitionOverview> acquisition_overview(store::Store& store, ResponseService& responses, Id acquisition_id);
// Every purchase, newest first.
Result<std::vector<AcquisitionOverview>> all_acquisition_overviews(store::Store& store, ResponseService& responses);

// The purchases an account sees in its list (newest first by default): those it belongs to, with its role in
// each; for an administrator every purchase, without its vendors (administrators manage teams,
// they do not follow the responses).
struct VisibleAcquisition {
    AcquisitionOverview overview;
    std::optional<PurchaseRole> role;  // nullopt: an administrator's view
};
// Archived purchases are out of the default list: `archived` says whether to leave them out,
// list them alone (the list's "Archives" filter) or list them with the others. A query's status
// filter on "archived" lists them even when `archived` would hide them.
enum class ArchivedPurchases { hidden, only, included };
struct VisibleAcquisitions {
    std::vector<VisibleAcquisition> purchases;  // those that match the query, in its order
    size_t total = 0;  // the purchases of this list (archived or not as asked) before the query's filters
};
// The account's list searched and sorted by `query` (core/purchase_list_query.hpp); only the
// purchases shown are read with their vendors.
Result<VisibleAcquisitions> acquisitions_visible_to(store::Store& store, ResponseService& responses, const User& user,
                                                    ArchivedPurchases archived = ArchivedPurchases::hidden,
                                                    const PurchaseListQuery& query = {});

}  // namespace cyberachat::services
