// Documents' bytes as files under data_dir/documents/<response id>/<random>.bin (SQLite): written
// to a temporary file, fsync'ed, renamed, the folder fsync'ed — a returned put() survives a crash.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "security/secrets.hpp"
#include "store/document_bytes.hpp"
#include "store/internal.hpp"

namespace cyberachat::store {

namespace fs = std::filesystem;

namespace {

constexpr size_t kFileReadPiece = 1u << 20;

Error file_errno_error(const std::string& what_fr, const std::string& what_en, int error) {
    const std::string detail = std::strerror(error);
    return detail::storage_error(what_fr + " : " + detail, what_en + ": " + detail);
}

bool fsync_directory(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

Result<void> create_directory_durably(const fs::path& dir) {
    std::error_code ec;
    if (fs::is_directory(dir, ec)) return {};
    if (auto parent = dir.parent_path(); !parent.empty()) TRY(create_directory_durably(parent));
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
        return file_errno_error("Création du dossier impossible", "Cannot create the folder", errno);
    if (!fsync_directory(dir.parent_path()))
        return file_errno_error("Synchronisation du dossier impossible", "Cannot sync the folder", errno);
    return {};
}

// Writes `bytes` to `target` so that, once this returns, the file is there in full after a
// crash: temporary file, fsync, rename, fsync of the folder.
Result<void> write_file_durably(const fs::path& target, const std::string& bytes) {
    const fs::path temporary = target.string() + ".tmp";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return file_errno_error("Écriture du document impossible", "Cannot write the document", errno);
    const auto fail = [&](const char* fr, const char* en) {
        const int error = errno;
        ::close(fd);
        ::unlink(temporary.c_str());
        return file_errno_error(fr, en, error);
    };
    size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail("Écriture du document impossible", "Cannot write the document");
        }
        written += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0) return fail("Synchronisation du document impossible", "Cannot sync the document");
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        return file_errno_error("Écriture du document impossible", "Cannot write the document", error);
    }
    if (::rename(temporary.c_str(), target.c_str()) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        return file_errno_error("Enregistrement du document impossible", "Cannot store the document", error);
    }
    if (!fsync_directory(target.parent_path())) {
        const int error = errno;
        ::unlink(target.c_str());
        return file_errno_error("Synchronisation du dossier impossible", "Cannot sync the folder", error);
    }
    return {};
}

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
        TRY(create_directory_durably(fs::path(data_dir_) / folder));
        TRY(write_file_durably(fs::path(data_dir_) / storage_path, bytes));
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
            return file_errno_error("Le fichier n'a pas pu être effacé", "The file could not be deleted", errno);
        fsync_directory(absolute.parent_path());
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
