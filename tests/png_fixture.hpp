#pragma once
// A real PNG for the tests of the hospital's logo: 3 × 2 pixels, RGB (made with zlib; cairo and
// Chromium decode it).
#include <string>

namespace cyberachat::test_images {

inline std::string small_png() {
    static const char bytes[] =
        "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x03\x00\x00\x00\x02\x08\x02"
        "\x00\x00\x00\x12\x16\xf1\x4d\x00\x00\x00\x10\x49\x44\x41\x54\x78\x9c\x63\x38\x20\xa0\x00\x41\x0c\x70\x16"
        "\x00\x3c\x14\x05\xa1\x77\x0b\x2d\x0c\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";
    return std::string(bytes, sizeof bytes - 1);
}

// The same header claiming `width` × `height` pixels (for the size checks; not decodable).
inline std::string png_claiming(unsigned width, unsigned height) {
    std::string png = small_png();
    for (int i = 0; i < 4; ++i) {
        png[16 + i] = static_cast<char>((width >> (24 - 8 * i)) & 0xff);
        png[20 + i] = static_cast<char>((height >> (24 - 8 * i)) & 0xff);
    }
    return png;
}

}  // namespace cyberachat::test_images
