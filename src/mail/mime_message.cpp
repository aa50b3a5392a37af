#include "mail/mime_message.hpp"

#include <array>
#include <random>

#include "core/paris_time.hpp"

namespace cyberachat::mail {

namespace {

constexpr std::string_view kBase64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string mime_base64(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                           static_cast<unsigned char>(bytes[i + 2]);
        out += kBase64Alphabet[(v >> 18) & 63];
        out += kBase64Alphabet[(v >> 12) & 63];
        out += kBase64Alphabet[(v >> 6) & 63];
        out += kBase64Alphabet[v & 63];
    }
    if (i < bytes.size()) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += kBase64Alphabet[(v >> 18) & 63];
        out += kBase64Alphabet[(v >> 12) & 63];
        out += i + 1 < bytes.size() ? kBase64Alphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

bool printable_ascii(std::string_view text) {
    for (char c : text)
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) return false;
    return true;
}

std::string random_hex(size_t bytes) {
    static thread_local std::mt19937_64 generator{std::random_device{}()};
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (size_t i = 0; i < bytes; ++i) {
        const auto byte = static_cast<unsigned>(generator() & 0xff);
        out += kHex[byte >> 4];
        out += kHex[byte & 15];
    }
    return out;
}

// "\n" or "\r\n" line ends → CRLF (the body of a text part).
std::string crlf_lines(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 40);
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') continue;
        if (text[i] == '\n') out += "\r\n";
        else out += text[i];
    }
    return out;
}

// A display name as an RFC 5322 phrase: quoted ASCII, or encoded words.
std::string display_name(std::string_view name) {
    if (!printable_ascii(name)) return encode_header_text(name);
    std::string out = "\"";
    for (char c : name) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

}  // namespace

bool valid_mail_address(std::string_view address) {
    const size_t at = address.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 >= address.size() || address.find('@', at + 1) != std::string_view::npos)
        return false;
    if (address.size() > 254) return false;
    for (char c : address) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f || c == '<' || c == '>' || c == '"' || c == ',' || c == ';' || c == '(' || c == ')' ||
            c == '\\')
            return false;
    }
    return true;
}

std::string encode_header_text(std::string_view text) {
    if (printable_ascii(text) && text.size() <= 70) return std::string(text);
    // 45 bytes of UTF-8 → 60 characters of base64 + 12 of "=?UTF-8?B?" "?=": within 75.
    std::string out;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = std::min(text.size(), start + 45);
        // Do not split a character: back up to the start of a UTF-8 sequence.
        while (end < text.size() && end > start && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        if (end == start) end = std::min(text.size(), start + 45);
        if (!out.empty()) out += "\r\n ";
        out += "=?UTF-8?B?" + mime_base64(text.substr(start, end - start)) + "?=";
        start = end;
    }
    return out;
}

std::string format_mail_date(long long utc_seconds) {
    static constexpr std::array<const char*, 7> kDays = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    long long days = utc_seconds >= 0 ? utc_seconds / 86400 : (utc_seconds - 86399) / 86400;
    const long long seconds = utc_seconds - days * 86400;
    const CivilTime date = civil_from_days(static_cast<long>(days));
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02lld:%02lld:%02lld +0000",
                  kDays[static_cast<size_t>(((days % 7) + 7) % 7)], date.day, kMonths[static_cast<size_t>(date.month - 1)],
                  date.year, seconds / 3600, (seconds / 60) % 60, seconds % 60);
    return buffer;
}

std::string base64_lines(std::string_view bytes) {
    const std::string encoded = mime_base64(bytes);
    std::string out;
    for (size_t at = 0; at < encoded.size(); at += 76) out += encoded.substr(at, 76) + "\r\n";
    return out;
}

std::string make_message_id(std::string_view from_address) {
    const size_t at = from_address.find('@');
    const std::string_view domain = at == std::string_view::npos ? std::string_view("cyberachat.local") : from_address.substr(at + 1);
    return "<" + random_hex(16) + "@" + std::string(domain) + ">";
}

std::string render_mime(const MimeMessage& message) {
    const std::string boundary = "=_cyberachat_" + random_hex(12);
    std::string out;
    out += "Date: " + format_mail_date(message.date_utc_seconds) + "\r\n";
    out += "From: " + display_name(message.from_name) + " <" + message.from_address + ">\r\n";
    out += "To: <" + message.to + ">\r\n";
    if (!message.reply_to.empty() && valid_mail_address(message.reply_to))
        out += "Reply-To: <" + message.reply_to + ">\r\n";
    out += "Subject: " + encode_header_text(message.subject) + "\r\n";
    out += "Message-ID: " + (message.message_id.empty() ? make_message_id(message.from_address) : message.message_id) + "\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Auto-Submitted: auto-generated\r\n";
    out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n";
    out += "\r\n";
    out += "This is a multi-part message in MIME format.\r\n";
    out += "--" + boundary + "\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n\r\n";
    out += base64_lines(crlf_lines(message.text_body));
    out += "--" + boundary + "\r\n";
    out += "Content-Type: text/html; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n\r\n";
    out += base64_lines(crlf_lines(message.html_body));
    out += "--" + boundary + "--\r\n";
    return out;
}

}  // namespace cyberachat::mail
