#pragma once
// GET /acquisitions/{id}: the purchase's details (with link to edit), the questionnaire version,
// the vendors table (company, contact, e-mail, language, status, submitted time, progress,
// link to /responses/{rid}), per vendor small forms: POST /responses/{rid}/regenerate
// ("Régénérer le lien"), POST /responses/{rid}/revoke ("Révoquer le lien"), and when submitted
// POST /responses/{rid}/reopen ("Rouvrir"). Then the form "Ajouter un fournisseur": POST
// /acquisitions/{id}/vendors with company, contact_name, email, language (select fr/en), _csrf.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/acquisition.hpp"
#include "web/views/page_context.hpp"
#include "web/views/vendor_row.hpp"

namespace cyberachat::web::views {

// A freshly created or regenerated invitation link, shown once.
struct InvitationReveal {
    Id response_id = 0;
    std::string company;
    std::string url;  // absolute URL of the secret link
};

// What the page says of e-mail: whether a server sends them, and the vendors already sent (or
// waiting for) an invitation e-mail — the others with an e-mail get "Envoyer l'invitation".
struct AcquisitionMailState {
    bool delivery_configured = true;
    std::vector<Id> invited_by_mail;
};

// `vendor_errors`/`vendor_values` redisplay the vendor form. When `reveal` is set, a highlighted
// box shows the link in a read-only input with a "Copier le lien" button (data-copy attribute,
// handled by app.js) and says it is shown only once.
std::string render_acquisition_page(const PageContext& context, const Acquisition& acquisition,
                                    const std::string& questionnaire_label, const std::vector<VendorRow>& vendors,
                                    const std::optional<InvitationReveal>& reveal,
                                    const std::map<std::string, std::string>& vendor_errors,
                                    const std::map<std::string, std::string>& vendor_values,
                                    const AcquisitionMailState& mail = {});

}  // namespace cyberachat::web::views
