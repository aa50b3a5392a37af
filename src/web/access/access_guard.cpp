#include "web/access/access_guard.hpp"

#include <stdexcept>

#include "core/access_policy.hpp"
#include "web/access/route_access.hpp"
#include "web/api/api_auth.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"

namespace cyberachat::web {

namespace {

thread_local const GrantedAccess* current_access = nullptr;

// Sets the request's access for the handler's duration.
class GrantedAccessScope {
public:
    explicit GrantedAccessScope(const GrantedAccess& access) : previous_(current_access) { current_access = &access; }
    ~GrantedAccessScope() { current_access = previous_; }
    GrantedAccessScope(const GrantedAccessScope&) = delete;
    GrantedAccessScope& operator=(const GrantedAccessScope&) = delete;

private:
    const GrantedAccess* previous_;
};

std::optional<HospitalCaller> identify(WebApp& app, const httplib::Request& req, httplib::Response& res,
                                       Audience audience) {
    switch (audience) {
        case Audience::hospital_page: return require_hospital_page(app, req, res);
        case Audience::hospital_api: return require_api_user(app, req, res);
        case Audience::hospital_download: return require_hospital(app, req, res);
        default: return std::nullopt;
    }
}

// The purchase the path's first number designates (through its response or document); 0 when
// there is none such (the guard answers 404); an Error when the database failed. A purchase named
// by the path is looked up only when `check_purchase` (for administrators): a member's row in its
// team already says that it exists, and no row answers 404 alike.
Result<Id> purchase_of(WebApp& app, const httplib::Request& req, Scope scope, bool check_purchase) {
    auto id = path_id(req);
    if (!id) return Id{0};
    auto none_if_missing = [](const Error& error) { return error.code == ErrorCode::not_found ? Result<Id>(Id{0}) : Result<Id>(error); };
    switch (scope) {
        case Scope::acquisition: {
            if (!check_purchase) return Id{*id};
            auto found = app.store->acquisitions.find(*id);
            return found ? Result<Id>(found->id) : none_if_missing(found.error());
        }
        case Scope::response: {
            auto found = app.store->responses.find(*id);
            return found ? Result<Id>(found->acquisition_id) : none_if_missing(found.error());
        }
        case Scope::document: {
            auto document = app.store->documents.find(*id);
            if (!document) return none_if_missing(document.error());
            auto response = app.store->responses.find(document->response_id);
            return response ? Result<Id>(response->acquisition_id) : none_if_missing(response.error());
        }
        default: return Id{0};
    }
}

void refuse(const httplib::Request& req, httplib::Response& res, const RouteAccess& route, Verdict verdict,
            const HospitalCaller& caller) {
    const bool api = route.audience != Audience::hospital_page;
    // Says that the access policy refused, not the handler (a wrong form, an unknown session…).
    res.set_header("X-Access-Policy", "refused");
    if (verdict == Verdict::hidden) {
        const std::string fr = "Cet achat n'existe pas, ou vous ne faites pas partie de son équipe.";
        const std::string en = "This purchase does not exist, or you are not a member of its team.";
        if (api) return send_json_error(res, Error::make(ErrorCode::not_found, fr, en));
        return send_error_page(res, 404, fr, hospital_context(caller, "Page introuvable"));
    }
    std::string fr;
    if (caller.user.role == Role::admin)
        fr = "Un compte administrateur gère les comptes et les équipes des achats ; il ne consulte ni n'évalue les "
             "réponses des fournisseurs. Utilisez votre compte d'utilisateur.";
    else if (route.permission == Permission::create_purchase)
        fr = "La création d'un achat est réservée aux ingénieurs biomédicaux.";
    else
        fr = "Votre rôle dans cet achat ne permet pas cette action. Le pilote de l'achat peut changer votre rôle.";
    const std::string en = "Your role does not allow this action.";
    (void)req;
    if (api) return send_json_error(res, Error::make(ErrorCode::forbidden, fr, en));
    send_error_page(res, 403, fr, hospital_context(caller, "Accès refusé"));
}

void guard(WebApp& app, const httplib::Request& req, httplib::Response& res, const RouteAccess& route, Action run) {
    auto caller = identify(app, req, res, route.audience);
    if (!caller) return;  // 401 or the redirect to the login page is sent
    GrantedAccess access{&req, std::move(*caller), 0, std::nullopt};
    const Permission permission = *route.permission;
    if (concerns_a_purchase(permission)) {
        auto acquisition = purchase_of(app, req, route.scope, access.caller.user.role == Role::admin);
        if (!acquisition) {
            if (route.audience == Audience::hospital_page) return send_error_page(res, acquisition.error());
            return send_json_error(res, acquisition.error());
        }
        access.acquisition_id = *acquisition;
        if (access.acquisition_id == 0) return refuse(req, res, route, Verdict::hidden, access.caller);
        if (access.caller.user.role != Role::admin) {
            auto membership = app.store->members.role_of(access.acquisition_id, access.caller.user.id);
            if (!membership) {
                if (route.audience == Audience::hospital_page) return send_error_page(res, membership.error());
                return send_json_error(res, membership.error());
            }
            access.membership = *membership;
        }
    }
    const Verdict verdict =
        route.scope == Scope::account
            ? decide_on_account(access.caller.user.role, path_id(req).value_or(0) == access.caller.user.id, permission)
            : decide(access.caller.user.role, access.membership, permission);
    if (verdict != Verdict::allowed) return refuse(req, res, route, verdict, access.caller);
    if (access.acquisition_id != 0 && route.method != "GET" && !route.allowed_when_archived) {
        auto acquisition = app.store->acquisitions.find(access.acquisition_id);
        if (acquisition && acquisition->status == "archived") {
            const Error archived = Error::make(ErrorCode::archived,
                                               "Cet achat est archivé : il est en lecture seule. Son pilote peut le sortir des archives.",
                                               "This purchase is archived: it is read-only.");
            if (route.audience == Audience::hospital_page) return send_error_page(res, 409, archived.message.fr,
                                                                                  hospital_context(access.caller, "Achat archivé"));
            return send_json_error(res, archived);
        }
    }
    GrantedAccessScope scope(access);
    run(app, req, res);
}

}  // namespace

void add_route(httplib::Server& server, WebApp& app, const char* method, const char* shown, Action run) {
    const RouteAccess* route = find_route_access(method, shown);
    if (!route)
        throw std::logic_error(std::string("route without an access rule in web/access/route_access_table.cpp: ") +
                               method + " " + shown);
    httplib::Server::Handler handler;
    const bool guarded = route->audience == Audience::hospital_page || route->audience == Audience::hospital_api ||
                         route->audience == Audience::hospital_download;
    if (guarded) {
        if (!route->permission)
            throw std::logic_error(std::string("hospital route without a permission: ") + method + " " + shown);
        handler = [&app, route, run](const httplib::Request& req, httplib::Response& res) {
            const RequestGate::Turn turn(app.request_gate);
            guard(app, req, res, *route, run);
        };
    } else {
        handler = [&app, run](const httplib::Request& req, httplib::Response& res) {
            const RequestGate::Turn turn(app.request_gate);
            run(app, req, res);
        };
    }
    const std::string method_name = method;
    if (method_name == "GET") server.Get(route->pattern, std::move(handler));
    else if (method_name == "POST") server.Post(route->pattern, std::move(handler));
    else if (method_name == "PUT") server.Put(route->pattern, std::move(handler));
    else if (method_name == "PATCH") server.Patch(route->pattern, std::move(handler));
    else if (method_name == "DELETE") server.Delete(route->pattern, std::move(handler));
    else throw std::logic_error("unknown method " + method_name);
}

const GrantedAccess* granted_access(const httplib::Request& req) {
    return current_access && current_access->request == &req ? current_access : nullptr;
}

views::PurchaseRights granted_purchase_rights() {
    views::PurchaseRights rights;
    if (!current_access || current_access->acquisition_id == 0) return rights;
    auto may = [](Permission permission) {
        return decide(current_access->caller.user.role, current_access->membership, permission) == Verdict::allowed;
    };
    rights.edit = may(Permission::edit_purchase);
    rights.delete_purchase = may(Permission::delete_purchase);
    rights.invite = may(Permission::invite_vendor);
    rights.manage_links = may(Permission::manage_vendor_link);
    rights.reopen = may(Permission::reopen_response);
    rights.import_for_vendor = may(Permission::import_for_vendor);
    rights.export_data = may(Permission::export_data);
    rights.view_members = may(Permission::view_members);
    rights.manage_members = may(Permission::manage_members);
    return rights;
}

User acting_user(const HospitalCaller& caller, const httplib::Request& req) {
    User user = caller.user;
    const GrantedAccess* access = granted_access(req);
    if (!access || !access->membership) return user;
    switch (*access->membership) {
        case PurchaseRole::lead: user.role = Role::biomedical; break;
        case PurchaseRole::it_reviewer: user.role = Role::it; break;
        case PurchaseRole::buyer:
        case PurchaseRole::observer: user.role = Role::buyer; break;
    }
    return user;
}

}  // namespace cyberachat::web
