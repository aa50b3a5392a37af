#include "store/durable_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "security/sha256_stream.hpp"
#include "store/internal.hpp"

namespace cyberachat::store::detail {

namespace fs = std::filesystem;

namespace {

constexpr size_t kCopyChunk = 1 << 20;

std::string errno_cause_fr(int error) {
    switch (error) {
        case ENOSPC:
        case EDQUOT: return "plus de place sur le disque";
        case EACCES:
        case EPERM: return "permission refusée";
        case EROFS: return "système de fichiers en lecture seule";
        case EIO: return "erreur d'entrée-sortie du disque";
        case ENOENT: return "fichier ou dossier absent";
        default: return std::strerror(error);
    }
}

// Closes a descriptor on every path out of a function.
struct OwnedFd {
    int fd = -1;
    ~OwnedFd() {
        if (fd >= 0) ::close(fd);
    }
    int release() {
        const int out = fd;
        fd = -1;
        return out;
    }
};

bool write_all(int fd, const char* data, size_t size) {
    size_t written = 0;
    while (written < size) {
        const ssize_t n = ::write(fd, data + written, size - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        written += static_cast<size_t>(n);
    }
    return true;
}

// Reads `fd` to its end in chunks, giving each to `chunk` (false: stop, errno kept); false on a read error.
template <typename Chunk>
bool read_in_chunks(int fd, Chunk&& chunk) {
    std::vector<char> buffer(kCopyChunk);
    for (;;) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        if (n == 0) return true;
        if (!chunk(buffer.data(), static_cast<size_t>(n))) return false;
    }
}

}  // namespace

Error errno_error(const std::string& what_fr, const std::string& what_en, int error) {
    return storage_error(what_fr + " : " + errno_cause_fr(error), what_en + ": " + std::strerror(error));
}

bool fsync_directory(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

bool fsync_file(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
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
        return errno_error("Création du dossier impossible", "Cannot create the folder", errno);
    if (!fsync_directory(dir.parent_path()))
        return errno_error("Synchronisation du dossier impossible", "Cannot sync the folder", errno);
    return {};
}

Result<void> write_file_durably(const fs::path& target, const std::string& bytes) {
    const fs::path temporary = target.string() + ".tmp";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return errno_error("Écriture du document impossible", "Cannot write the document", errno);
    if (!write_all(fd, bytes.data(), bytes.size())) {
        const int error = errno;
        ::close(fd);
        ::unlink(temporary.c_str());
        return errno_error("Écriture du document impossible", "Cannot write the document", error);
    }
    if (::fsync(fd) != 0) {
        const int error = errno;
        ::close(fd);
        ::unlink(temporary.c_str());
        return errno_error("Synchronisation du document impossible", "Cannot sync the document", error);
    }
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        return errno_error("Écriture du document impossible", "Cannot write the document", error);
    }
    if (::rename(temporary.c_str(), target.c_str()) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        return errno_error("Enregistrement du document impossible", "Cannot store the document", error);
    }
    if (!fsync_directory(target.parent_path())) {
        const int error = errno;
        ::unlink(target.c_str());
        return errno_error("Synchronisation du dossier impossible", "Cannot sync the folder", error);
    }
    return {};
}

Result<FileDigest> copy_file_durably(const fs::path& source, const fs::path& target, ExistingTarget existing) {
    const std::string shown = source.string();
    OwnedFd in{::open(source.c_str(), O_RDONLY | O_CLOEXEC)};
    if (in.fd < 0) {
        if (errno == ENOENT)
            return not_found("Fichier « " + shown + " »", "File \"" + shown + "\"");
        return errno_error("Lecture de « " + shown + " » impossible", "Cannot read \"" + shown + "\"", errno);
    }
    const fs::path temporary = target.string() + ".tmp";
    OwnedFd out{::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)};
    const std::string written = target.string();
    if (out.fd < 0)
        return errno_error("Écriture de « " + written + " » impossible", "Cannot write \"" + written + "\"", errno);
    const auto fail = [&](const std::string& what_fr, const std::string& what_en, int error) -> Error {
        ::close(out.release());
        ::unlink(temporary.c_str());
        return errno_error(what_fr, what_en, error);
    };
    FileDigest digest;
    security::Sha256Stream sha256;
    bool write_failed = false;
    const bool read = read_in_chunks(in.fd, [&](const char* data, size_t size) {
        if (!write_all(out.fd, data, size)) {
            write_failed = true;
            return false;
        }
        sha256.update(std::string_view(data, size));
        digest.size += static_cast<std::int64_t>(size);
        return true;
    });
    if (!read) {
        const int error = errno;
        if (write_failed)
            return fail("Écriture de « " + written + " » impossible", "Cannot write \"" + written + "\"", error);
        return fail("Lecture de « " + shown + " » impossible", "Cannot read \"" + shown + "\"", error);
    }
    if (::fsync(out.fd) != 0)
        return fail("Synchronisation de « " + written + " » impossible", "Cannot sync \"" + written + "\"", errno);
    if (::close(out.release()) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        return errno_error("Écriture de « " + written + " » impossible", "Cannot write \"" + written + "\"", error);
    }
    const bool placed = existing == ExistingTarget::replace ? ::rename(temporary.c_str(), target.c_str()) == 0
                                                            : ::link(temporary.c_str(), target.c_str()) == 0;
    if (!placed) {
        const int error = errno;
        ::unlink(temporary.c_str());
        if (error == EEXIST)
            return conflict("« " + written + " » existe déjà : il n'est pas remplacé.",
                            "\"" + written + "\" already exists: it is not replaced.");
        return errno_error("Enregistrement de « " + written + " » impossible", "Cannot store \"" + written + "\"", error);
    }
    if (existing == ExistingTarget::refuse) ::unlink(temporary.c_str());
    if (!fsync_directory(target.parent_path())) {
        const int error = errno;
        ::unlink(target.c_str());
        return errno_error("Synchronisation du dossier de « " + written + " » impossible",
                           "Cannot sync the folder of \"" + written + "\"", error);
    }
    digest.sha256 = sha256.hex_digest();
    return digest;
}

Result<FileDigest> hash_file(const fs::path& path) {
    const std::string shown = path.string();
    OwnedFd in{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (in.fd < 0) {
        if (errno == ENOENT) return not_found("Fichier « " + shown + " »", "File \"" + shown + "\"");
        return errno_error("Lecture de « " + shown + " » impossible", "Cannot read \"" + shown + "\"", errno);
    }
    FileDigest digest;
    security::Sha256Stream sha256;
    const bool read = read_in_chunks(in.fd, [&](const char* data, size_t size) {
        sha256.update(std::string_view(data, size));
        digest.size += static_cast<std::int64_t>(size);
        return true;
    });
    if (!read) return errno_error("Lecture de « " + shown + " » impossible", "Cannot read \"" + shown + "\"", errno);
    digest.sha256 = sha256.hex_digest();
    return digest;
}

}  // namespace cyberachat::store::detail
