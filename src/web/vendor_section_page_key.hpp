#pragma once
// The key of a vendor's section page in the RenderedPageCache (web/rendered_page_cache.hpp): every
// input the page is made of, so that the same key means the same bytes.
#include <optional>
#include <string>
#include <string_view>

#include "core/acquisition.hpp"
#include "core/hospital_identity.hpp"
#include "core/response_lock.hpp"
#include "store/repositories.hpp"

namespace cyberachat::web {

struct SectionPageInputs {
    const VendorResponse& response;     // its id and revision (the answers, documents, purchase behind it)
    const store::Session& session;      // its language and CSRF token (in the page's forms)
    std::string_view section_id;
    ResponseLock lock;                  // decided now (a deadline passes without any write)
    const HospitalIdentity& identity;   // the header's name, contact and logo
    bool first_visit = false;           // the section's notes open
    bool prerender = false;             // the browser builds it ahead of the click
};

// "section|{response}|{revision}|…"; the parts are separated by a byte no part can hold.
std::string vendor_section_page_key(const SectionPageInputs& inputs);

}  // namespace cyberachat::web
