#pragma once
// GET /admin/instance (administrators): the hospital's identity — its name, contact e-mail and
// logo, shown on vendor pages, in e-mails and in PDF headers — with its form (POST /admin/instance,
// multipart: name, contact_email, logo (a PNG file), remove_logo=1).
#include <map>
#include <string>

#include "core/hospital_identity.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

struct InstancePageData {
    HospitalIdentity identity;                  // as stored
    std::map<std::string, std::string> values;  // the form as sent back after an error
    std::map<std::string, std::string> errors;  // field → message
};

std::string render_instance_page(const PageContext& context, const InstancePageData& data);

}  // namespace cyberachat::web::views
