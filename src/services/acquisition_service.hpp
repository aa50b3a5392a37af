#pragma once
// Creating and editing purchases, inviting vendors and managing their secret links.
#include <map>
#include <string>

#include "core/result.hpp"
#include "services/questionnaire_provider.hpp"
#include "store/repositories.hpp"

namespace cyberachat::services {

using FieldErrors = std::map<std::string, std::string>;  // field name → French message

struct VendorInput {
    std::string company;
    std::string contact_name;
    std::string email;
    std::string language = "fr";
};

struct Invitation {
    VendorResponse response;
    std::string token;  // the secret, shown once; only its hash is stored
};

class AcquisitionService {
public:
    AcquisitionService(store::Store& store, QuestionnaireProvider& questionnaires)
        : store_(store), questionnaires_(questionnaires) {}

    // A purchase by id: "not_found", or "storage" when it cannot be read.
    Result<Acquisition> find(Id acquisition_id) { return store_.acquisitions.find(acquisition_id); }

    static FieldErrors validate(const Acquisition& input);
    static FieldErrors validate(const VendorInput& input);

    // The current questionnaire version is copied into the purchase. Error "invalid" when validate() fails.
    Result<Acquisition> create(Acquisition input, Id user_id, const Actor& actor);
    Result<Acquisition> update(const Acquisition& input, const Actor& actor);

    Result<Invitation> invite(Id acquisition_id, const VendorInput& input, const Actor& actor);
    Result<std::string> regenerate_link(Id response_id, const Actor& actor);  // new token; old link dies
    Result<void> revoke_link(Id response_id, const Actor& actor);

private:
    store::Store& store_;
    QuestionnaireProvider& questionnaires_;
};

}  // namespace cyberachat::services
