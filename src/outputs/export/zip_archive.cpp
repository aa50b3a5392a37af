#include "outputs/export/zip_archive.hpp"

#include <zip.h>

#include <cstdio>

namespace cyberachat::exports {
namespace {

Error zip_error(const char* what) {
    return Error::make(ErrorCode::output_failed, std::string("Archive zip impossible à écrire (") + what + ").",
                       std::string("Could not write the zip archive (") + what + ").");
}

Error invalid_archive(const std::string& detail_fr, const std::string& detail_en) {
    return Error::make(ErrorCode::invalid_archive, "Ce fichier n'est pas une archive zip lisible : " + detail_fr + ".",
                       "This file is not a readable zip archive: " + detail_en + ".");
}

}  // namespace

Result<std::string> write_zip(const std::vector<ZipEntry>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer) return zip_error("buffer");
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (!archive) {
        zip_source_free(buffer);
        return zip_error("open");
    }
    zip_source_keep(buffer);
    for (const auto& entry : entries) {
        zip_source_t* source = zip_source_buffer(archive, entry.bytes.data(), entry.bytes.size(), 0);
        if (!source || zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
            if (source) zip_source_free(source);
            zip_discard(archive);
            zip_source_free(buffer);
            return zip_error(entry.name.c_str());
        }
    }
    if (zip_close(archive) < 0) {
        zip_discard(archive);
        zip_source_free(buffer);
        return zip_error("close");
    }
    std::string out;
    if (zip_source_open(buffer) == 0) {
        zip_source_seek(buffer, 0, SEEK_END);
        const zip_int64_t size = zip_source_tell(buffer);
        zip_source_seek(buffer, 0, SEEK_SET);
        if (size > 0) {
            out.resize(static_cast<size_t>(size));
            zip_source_read(buffer, out.data(), static_cast<zip_uint64_t>(size));
        }
        zip_source_close(buffer);
    }
    zip_source_free(buffer);
    if (out.empty()) return zip_error("read back");
    return out;
}

Result<std::map<std::string, std::string>> read_zip(const std::string& bytes, size_t max_entry_bytes,
                                                    size_t max_total_bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) return invalid_archive("mémoire", "memory");
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!archive) {
        zip_source_free(source);
        std::string detail = zip_error_strerror(&error);
        zip_error_fini(&error);
        return invalid_archive(detail, detail);
    }
    std::map<std::string, std::string> out;
    const zip_int64_t count = zip_get_num_entries(archive, 0);
    // The sizes the entries declare, added up before any is inflated (zip_fread never gives more).
    zip_uint64_t declared_total = 0;
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t stat;
        if (zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE)) {
            zip_discard(archive);
            return invalid_archive("entrée illisible", "unreadable entry");
        }
        declared_total += stat.size;
        if (declared_total > max_total_bytes) {
            zip_discard(archive);
            const std::string limit = std::to_string(max_total_bytes >> 20);
            return invalid_archive("contenu décompressé trop grand (plus de " + limit + " Mo)",
                                   "inflated content too large (over " + limit + " MB)");
        }
    }
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t stat;
        if (zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE)) {
            zip_discard(archive);
            return invalid_archive("entrée illisible", "unreadable entry");
        }
        // The name belongs to the archive: copied before any zip_discard() frees it.
        const std::string name = (stat.valid & ZIP_STAT_NAME) && stat.name ? stat.name : "";
        if (stat.size > max_entry_bytes) {
            zip_discard(archive);
            return invalid_archive("entrée trop grande : " + name, "entry too large: " + name);
        }
        zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
        if (!file) {
            zip_discard(archive);
            return invalid_archive("entrée illisible : " + name, "unreadable entry: " + name);
        }
        std::string content(static_cast<size_t>(stat.size), '\0');
        const zip_int64_t read = stat.size ? zip_fread(file, content.data(), stat.size) : 0;
        zip_fclose(file);
        if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) {
            zip_discard(archive);
            return invalid_archive("entrée corrompue : " + name, "corrupted entry: " + name);
        }
        out[name] = std::move(content);
    }
    zip_discard(archive);
    return out;
}

}  // namespace cyberachat::exports
