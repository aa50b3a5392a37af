// Replays inputs through a fuzz target without libFuzzer (g++, the normal build): every regular
// file of the directories given (the seed corpus, then the regressions: inputs that once crashed)
// is fed to LLVMFuzzerTestOneInput. A crash, a sanitizer report (in the sanitizer build) or an
// uncaught exception fails the CTest test; a missing directory fails too (a typo would test nothing).
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_input.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: " << argv[0] << " DIRECTORY...\n";
        return 2;
    }
    size_t replayed = 0;
    for (int index = 1; index < argc; ++index) {
        const fs::path directory = argv[index];
        if (!fs::is_directory(directory)) {
            std::cerr << "not a directory: " << directory << "\n";
            return 2;
        }
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(directory))
            if (entry.is_regular_file() && entry.path().filename().string().front() != '.') files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            std::ifstream in(file, std::ios::binary);
            const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            std::cout << "replay " << file.string() << " (" << bytes.size() << " bytes)" << std::endl;
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
            ++replayed;
        }
    }
    std::cout << replayed << " input(s) replayed without a crash\n";
    return 0;
}
