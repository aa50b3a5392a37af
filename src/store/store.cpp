#include <sys/stat.h>

#include <filesystem>

#include "store/internal.hpp"
#include "store/repositories.hpp"

namespace cyberachat::store {

namespace fs = std::filesystem;

Result<std::shared_ptr<Store>> Store::open(const std::string& data_dir, size_t connections) {
    if (data_dir.empty()) return detail::invalid("Dossier de données non précisé.", "No data folder given.");
    std::error_code ec;
    if (!fs::is_directory(data_dir, ec)) {
        fs::create_directories(data_dir, ec);
        if (ec)
            return detail::storage_error("Création du dossier de données impossible : " + ec.message(),
                                         "Cannot create the data folder: " + ec.message());
        // Accounts, vendors' answers and documents: readable by the service's user only.
        fs::permissions(data_dir, fs::perms::owner_all, fs::perm_options::replace, ec);
    }
    TRY_ASSIGN(auto db, Database::open_sqlite((fs::path(data_dir) / "cyberachat.db").string(), connections));
    return std::shared_ptr<Store>(new Store{db, data_dir});
}

Result<std::shared_ptr<Store>> Store::open_postgresql(const std::string& url, size_t connections) {
    TRY(engine_of_url(url));
    TRY_ASSIGN(auto db, Database::open_postgresql(url, connections));
    return std::shared_ptr<Store>(new Store{db, {}});
}

}  // namespace cyberachat::store
