// `cyberachat instance show` and `instance set [--name N] [--contact-email E] [--logo FILE.png |
// --no-logo]`: the hospital's identity (services/instance_settings_service), as an administrator
// sets it on the page Établissement — for a deployment script. Checked the same way; journalled
// as "system:cli".
#include <fstream>
#include <iostream>
#include <iterator>

#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "services/instance_settings_service.hpp"

namespace cyberachat::cli {

namespace {

void print_identity(const HospitalIdentity& identity) {
    std::cout << "Nom : " << identity.shown_name() << (identity.name.empty() ? " (non renseigné)" : "") << "\n"
              << "Contact : " << (identity.contact_email.empty() ? "aucun" : identity.contact_email) << "\n"
              << "Logo : " << (identity.has_logo() ? "PNG, SHA-256 " + identity.logo_sha256 : std::string("aucun")) << "\n";
}

}  // namespace

void register_instance_command(CLI::App& app) {
    struct Options {
        std::optional<std::string> name, contact_email, logo;
        bool no_logo = false;
        StoreLocation store;
    };
    auto options = std::make_shared<Options>();
    CLI::App* instance = app.add_subcommand("instance", "Identité de l'établissement : nom, e-mail de contact, logo");
    instance->require_subcommand(1);

    CLI::App* show = instance->add_subcommand("show", "Afficher l'identité de l'établissement");
    add_store_options(show, options->store);
    show->callback([options] {
        auto store = open_store_or_report(options->store);
        if (!store) throw CLI::RuntimeError(1);
        print_identity(services::InstanceSettingsService(*store).identity());
    });

    CLI::App* set = instance->add_subcommand("set", "Changer l'identité de l'établissement (ce qui n'est pas donné reste)");
    set->add_option("--name", options->name, "Nom de l'établissement (vide : « Cyberachat »)");
    set->add_option("--contact-email", options->contact_email, "E-mail de contact des fournisseurs (vide : aucun)");
    auto* logo = set->add_option("--logo", options->logo, "Logo : un fichier PNG (512 Kio, 4096 × 4096 pixels au plus)");
    set->add_flag("--no-logo", options->no_logo, "Retirer le logo")->excludes(logo);
    add_store_options(set, options->store);
    set->callback([options] {
        services::IdentityChange change;
        change.name = options->name;
        change.contact_email = options->contact_email;
        change.remove_logo = options->no_logo;
        if (options->logo) {
            std::ifstream in(*options->logo, std::ios::binary);
            if (!in) {
                std::cerr << "Impossible de lire le logo « " << *options->logo << " ».\n";
                throw CLI::RuntimeError(1);
            }
            change.logo_png = std::string(std::istreambuf_iterator<char>(in), {});
        }
        auto store = open_store_or_report(options->store);
        if (!store) throw CLI::RuntimeError(1);
        auto updated = services::InstanceSettingsService(*store).update_identity(std::move(change), Actor("system:cli", Via::cli));
        if (!updated) {
            std::cerr << updated.error().message.fr << "\n";
            throw CLI::RuntimeError(1);
        }
        print_identity(*updated);
    });
}

}  // namespace cyberachat::cli
