#pragma once
// How a vendor company is recognised from one purchase to the next (issue 17), so that its earlier
// answers are offered to it: by the company identifier the hospital gives when it invites it — a
// SIREN or SIRET (its first nine digits: the company), a VAT number, a DUNS — else by the domain of
// its contact's e-mail address, unless that is a public mailbox (gmail.com, orange.fr…), which
// says nothing of the company. The hospital confirms the link when it invites; "" means not linked.
#include <optional>
#include <string>
#include <string_view>

namespace cyberachat {

// "siren:123456789" (a SIREN, or a SIRET's first nine digits), "id:FR12345678901" (any other
// identifier: letters and digits, upper case, separators dropped), "domain:medica.fr"; "" when
// neither gives a key (no identifier, and an address of a public mailbox or none).
std::string company_key(std::string_view company_identifier, std::string_view email);

// Whether `identifier` can make a key: 4 to 40 letters and digits once spaces, dots and dashes are
// dropped. An empty identifier is valid (the e-mail's domain is used).
bool valid_company_identifier(std::string_view identifier);

// "SIREN 123 456 789", "domaine medica.fr", for the pages ("" for "").
std::string company_key_label(std::string_view key);

}  // namespace cyberachat
