#pragma once
// One file per resource's routes; each registers its handlers on the server.
#include <httplib.h>

#include "web/web_app.hpp"

namespace cyberachat::web {

void register_asset_routes(httplib::Server& server, WebApp& app);
void register_auth_routes(httplib::Server& server, WebApp& app);
void register_acquisition_routes(httplib::Server& server, WebApp& app);
void register_response_routes(httplib::Server& server, WebApp& app);
void register_purchase_life_routes(httplib::Server& server, WebApp& app);
void register_purchase_life_api(httplib::Server& server, WebApp& app);
void register_vendor_routes(httplib::Server& server, WebApp& app);
void register_acquisition_api(httplib::Server& server, WebApp& app);
void register_vendor_api(httplib::Server& server, WebApp& app);
void register_flowchart_routes(httplib::Server& server, WebApp& app);
void register_flowchart_api(httplib::Server& server, WebApp& app);
void register_xlsx_routes(httplib::Server& server, WebApp& app);
void register_xlsx_api(httplib::Server& server, WebApp& app);
void register_manufacturer_import_routes(httplib::Server& server, WebApp& app);
void register_manufacturer_import_api(httplib::Server& server, WebApp& app);
void register_reuse_routes(httplib::Server& server, WebApp& app);
void register_reuse_api(httplib::Server& server, WebApp& app);
void register_vendor_history_routes(httplib::Server& server, WebApp& app);
void register_vendor_history_api(httplib::Server& server, WebApp& app);
void register_export_api(httplib::Server& server, WebApp& app);
void register_evaluation_routes(httplib::Server& server, WebApp& app);
void register_evaluation_api(httplib::Server& server, WebApp& app);
void register_member_routes(httplib::Server& server, WebApp& app);
void register_member_api(httplib::Server& server, WebApp& app);
void register_account_routes(httplib::Server& server, WebApp& app);
void register_user_admin_routes(httplib::Server& server, WebApp& app);
void register_user_api(httplib::Server& server, WebApp& app);
void register_token_api(httplib::Server& server, WebApp& app);
void register_journal_routes(httplib::Server& server, WebApp& app);
void register_journal_api(httplib::Server& server, WebApp& app);
void register_message_routes(httplib::Server& server, WebApp& app);
void register_message_api(httplib::Server& server, WebApp& app);
void register_instance_routes(httplib::Server& server, WebApp& app);
void register_instance_api(httplib::Server& server, WebApp& app);
void register_questionnaire_library_routes(httplib::Server& server, WebApp& app);
void register_purchase_question_routes(httplib::Server& server, WebApp& app);
void register_questionnaire_library_api(httplib::Server& server, WebApp& app);
void register_statistics_routes(httplib::Server& server, WebApp& app);
void register_archive_restore_routes(httplib::Server& server, WebApp& app);
void register_archive_restore_api(httplib::Server& server, WebApp& app);

}  // namespace cyberachat::web
