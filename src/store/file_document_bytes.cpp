// Documents' bytes as files under data_dir/documents/<response id>/<random>.bin (SQLite): written
// to a temporary file, fsync'ed, renamed, the folder fsync'ed (store/durable_files.hpp) — a
// returned put() survives a crash.
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>

#include "security/secrets.hpp"
#include "store/document_bytes.hpp"
#include "store/durable_files.hpp"
#include "store/internal.hpp"

namespace cyberachat::store {

namespace fs = std::filesystem;

namespace {

constexpr size_t kFileReadPiece = 1u << 20;

class FileReader final : public DocumentReader {
public:
    explicit FileReader(std::ifstream in) : in_(std::move(in)) {}
    Result<std::optional<std::string>> next() override {
        std::string piece(kFileReadPiece, '\0');
        in_.read(piece.data(), static_cast<std::streamsize>(piece.size()));
        if (in_.bad()) return detail::storage_error("Lecture du document impossible.", "Cannot read the document.");
        piece.resize(static_cast<size_t>(in_.gcount()));
        if (piece.empty()) return std::optional<std::string>{};
        return std::optional<std::string>{std::move(piece)};
    }

private:
    std::ifstream in_;
};

class FileDocumentBytes final : public DocumentBytes {
public:
    explicit FileDocumentBytes(std::string data_dir) : data_dir_(std::move(data_dir)) {}

    Result<std::string> put(const std::string& folder_name, const std::string& bytes) override {
        const std::string folder = "documents/" + folder_name;
        std::string storage_path = folder + "/" + security::random_token(16) + ".bin";
        TRY(detail::create_directory_durably(fs::path(data_dir_) / folder));
        TRY(detail::write_file_durably(fs::path(data_dir_) / storage_path, bytes));
        return storage_path;
    }

    Result<std::unique_ptr<DocumentReader>> open(const std::string& storage_path) override {
        if (!is_document_storage_path(storage_path))
            return detail::invalid("Chemin de document invalide.", "Invalid document path.");
        std::ifstream in(fs::path(data_dir_) / storage_path, std::ios::binary);
        if (!in) return detail::not_found("Fichier du document", "Document file");
        return std::unique_ptr<DocumentReader>(new FileReader(std::move(in)));
    }

    Result<void> erase(const std::string& storage_path) override {
        if (!is_document_storage_path(storage_path)) return {};
        const fs::path absolute = fs::path(data_dir_) / storage_path;
        if (::unlink(absolute.c_str()) != 0 && errno != ENOENT)
            return detail::errno_error("Le fichier n'a pas pu être effacé", "The file could not be deleted", errno);
        detail::fsync_directory(absolute.parent_path());
        return {};
    }

    Result<std::vector<std::string>> written_before(std::chrono::seconds grace) override {
        std::vector<std::string> paths;
        const fs::path root = fs::path(data_dir_) / "documents";
        std::error_code ec;
        if (!fs::is_directory(root, ec)) return paths;
        const auto cutoff = fs::file_time_type::clock::now() - grace;
        for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
             !ec && it != end; it.increment(ec)) {
            std::error_code entry_ec;
            if (!it->is_regular_file(entry_ec) || it->is_symlink(entry_ec)) continue;
            const auto written = it->last_write_time(entry_ec);
            if (entry_ec || written > cutoff) continue;
            paths.push_back(it->path().lexically_relative(data_dir_).generic_string());
        }
        return paths;
    }

    const char* kind() const override { return "files"; }

private:
    std::string data_dir_;
};

}  // namespace

std::shared_ptr<DocumentBytes> make_file_document_bytes(const std::string& data_dir) {
    return std::make_shared<FileDocumentBytes>(data_dir);
}

bool is_document_storage_path(const std::string& storage_path) {
    return storage_path.rfind("documents/", 0) == 0 && storage_path.find("..") == std::string::npos &&
           storage_path.find('\0') == std::string::npos;
}

}  // namespace cyberachat::store
