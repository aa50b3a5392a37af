#pragma once
// Hospital pages about purchases: the list, the form, one purchase with its vendors.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/acquisition.hpp"
#include "core/questionnaire.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

struct VendorRow {
    VendorResponse response;
    int progress = 0;          // overall percent
    bool link_active = false;  // an invitation link exists (not revoked)
    size_t missing_required = 0;
};

struct AcquisitionRow {
    Acquisition acquisition;
    std::vector<VendorRow> vendors;
};

// GET /acquisitions: table of purchases (title → /acquisitions/{id}, equipment, service, reference,
// deadline, status) with each vendor's company, status (Brouillon / Soumis le …) and a progress bar
// (<progress> with text). Button "Nouvel achat" → /acquisitions/new.
std::string render_acquisitions_page(const PageContext& context, const std::vector<AcquisitionRow>& rows);

// GET /acquisitions/new and /acquisitions/{id}/edit: form POST to /acquisitions (new) or
// /acquisitions/{id} (edit) with fields title, equipment, service, reference, deadline (type=date),
// notes (textarea), _csrf. `errors` maps a field name to its message (shown next to the field,
// aria-describedby), values are redisplayed.
std::string render_acquisition_form_page(const PageContext& context, const Acquisition& values,
                                         const std::map<std::string, std::string>& errors, bool is_new);

// A freshly created or regenerated invitation link, shown once.
struct InvitationReveal {
    Id response_id = 0;
    std::string company;
    std::string url;  // absolute URL of the secret link
};

// GET /acquisitions/{id}: the purchase's details (with link to edit), the questionnaire version,
// the vendors table (company, contact, e-mail, language, status, submitted time, progress,
// link to /responses/{rid}), per vendor small forms: POST /responses/{rid}/regenerate
// ("Régénérer le lien"), POST /responses/{rid}/revoke ("Révoquer le lien"), and when submitted
// POST /responses/{rid}/reopen ("Rouvrir"). Then the form "Ajouter un fournisseur": POST
// /acquisitions/{id}/vendors with company, contact_name, email, language (select fr/en), _csrf;
// `vendor_errors`/`vendor_values` redisplay it. When `reveal` is set, a highlighted box shows the
// link in a read-only input with a "Copier le lien" button (data-copy attribute, handled by
// app.js) and says it is shown only once.
std::string render_acquisition_page(const PageContext& context, const Acquisition& acquisition,
                                    const std::string& questionnaire_label, const std::vector<VendorRow>& vendors,
                                    const std::optional<InvitationReveal>& reveal,
                                    const std::map<std::string, std::string>& vendor_errors,
                                    const std::map<std::string, std::string>& vendor_values);

}  // namespace cyberachat::web::views
