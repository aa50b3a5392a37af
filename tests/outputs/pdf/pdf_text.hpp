#pragma once
// Runs poppler's pdftotext / pdffonts on PDF bytes (written to a temporary file), for the tests.
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace cyberachat::testing {

// command: "pdftotext -layout" (its text) or "pdffonts" (its table).
inline std::string pdf_tool_output(const std::string& pdf, const std::string& command) {
    std::string path = (std::filesystem::temp_directory_path() / "cyb-pdf-XXXXXX").string();
    const int fd = mkstemp(path.data());
    if (fd < 0) return {};
    close(fd);
    std::ofstream(path, std::ios::binary) << pdf;
    const bool to_stdout = command.rfind("pdftotext", 0) == 0;
    FILE* pipe = popen((command + " '" + path + "'" + (to_stdout ? " -" : "") + " 2>&1").c_str(), "r");
    std::string out;
    if (pipe) {
        std::array<char, 4096> buffer{};
        size_t n = 0;
        while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
        pclose(pipe);
    }
    std::filesystem::remove(path);
    return out;
}

inline std::string pdf_text(const std::string& pdf) { return pdf_tool_output(pdf, "pdftotext -layout"); }

}  // namespace cyberachat::testing
