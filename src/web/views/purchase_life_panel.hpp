#pragma once
// The pieces of the purchase page (GET /acquisitions/{id}) about the tender's life, for its lead
// (PurchaseRights::edit, ::delete_purchase):
// - the card "Vie de la consultation": the status, what it means, one form per allowed move
//   (POST /acquisitions/{id}/transition with "action", and "reason" when it is required: reopen),
//   and the purchase's deadline extension (POST /acquisitions/{id}/deadline: deadline (date),
//   deadline_time (optional, Paris time), reason);
// - per vendor (in the vendors table): edit its details (POST /responses/{rid}/vendor), extend its
//   own deadline (POST /responses/{rid}/deadline), withdraw it (POST /responses/{rid}/withdraw,
//   reason) or restore it (POST /responses/{rid}/restore), each in a <details>;
// - the card "Supprimer l'achat": POST /acquisitions/{id}/delete with "confirmation" (its
//   reference, or its title when it has none).
#include "core/acquisition.hpp"
#include "web/html/html_writer.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

void write_purchase_life_card(html::HtmlWriter& w, const PageContext& context, const Acquisition& acquisition);
void write_vendor_life_actions(html::HtmlWriter& w, const PageContext& context, const Acquisition& acquisition,
                               const VendorResponse& response);
void write_delete_purchase_card(html::HtmlWriter& w, const PageContext& context, const Acquisition& acquisition);

}  // namespace cyberachat::web::views
