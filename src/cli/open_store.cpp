#include "cli/open_store.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "core/answer_validation.hpp"
#include "core/utf8.hpp"
#include "security/secrets.hpp"

namespace cyberachat::cli {

std::shared_ptr<store::Store> open_store_or_report(const std::string& data_dir, size_t connections) {
    if (!security::initialize()) {
        std::cerr << "libsodium ne démarre pas.\n";
        return nullptr;
    }
    auto opened = store::Store::open(data_dir, connections);
    if (!opened) {
        std::cerr << "Impossible d'ouvrir la base de données dans « " << data_dir << " » : " << opened.error().message.fr << "\n";
        return nullptr;
    }
    return opened.value();
}

void sweep_document_leftovers(store::Store& store) {
    // An hour: an upload in progress (here or in another process on the same folder) is never touched.
    const auto sweep = store.documents.sweep_orphans(std::chrono::hours(1));
    for (const auto& path : sweep.removed)
        spdlog::info("documents: leftover file removed (no document points to it): {}",
                     std::filesystem::path(path).filename().string());
    for (const auto& path : sweep.failed)
        spdlog::warn("documents: leftover file could not be removed: {}", std::filesystem::path(path).filename().string());
}

bool create_user(store::Store& store, const std::string& email_input, const std::string& role_name_input,
                 std::string password, bool print_generated) {
    auto email = validate_email(email_input);
    if (!email) {
        std::cerr << "Adresse e-mail invalide : « " << email_input << " »\n";
        return false;
    }
    auto role = parse_role(role_name_input);
    if (!role) {
        std::cerr << "Rôle inconnu « " << role_name_input << " » : admin, biomedical, it ou buyer.\n";
        return false;
    }
    const bool generated = password.empty();
    if (generated) password = security::generate_password();
    // Counted in characters (code points), not bytes: "éééééé" is 12 bytes but 6 characters.
    if (!is_valid_utf8(password)) {
        std::cerr << "Mot de passe illisible : il doit être du texte UTF-8. / Unreadable password: it must be UTF-8 text.\n";
        return false;
    }
    if (utf8_character_count(password) < kMinimumPasswordCharacters) {
        std::cerr << "Mot de passe trop court : " << kMinimumPasswordCharacters
                  << " caractères au moins. / Password too short: at least " << kMinimumPasswordCharacters
                  << " characters.\n";
        return false;
    }
    User user;
    user.email = *email;
    for (char& c : user.email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    user.display_name = user.email;
    user.role = *role;
    user.password_hash = security::hash_password(password);
    auto created = store.users.create(user, "system:cli");
    if (!created) {
        std::cerr << (created.error().code == ErrorCode::conflict ? "Un compte existe déjà pour " + user.email
                                                          : created.error().message.fr)
                  << "\n";
        return false;
    }
    std::cout << "Compte créé : " << user.email << " (" << role_label_fr(*role) << ")\n";
    if (generated && print_generated)
        std::cout << "Mot de passe (affiché une seule fois, notez-le) : " << password << "\n";
    return true;
}

}  // namespace cyberachat::cli
