#pragma once
// One e-mail as it goes on the wire (RFC 5322 + MIME): multipart/alternative with a plain-text and
// an HTML part, both UTF-8 in base64; the subject and the sender's name RFC 2047-encoded when they
// are not plain ASCII; Date, Message-ID, MIME-Version. Lines end with CRLF. Pure text, no I/O.
#include <string>
#include <string_view>

namespace cyberachat::mail {

struct MimeMessage {
    std::string from_name;     // "CHU Exemple" (shown by the mail reader)
    std::string from_address;  // "cyberachat@chu-exemple.fr"
    std::string to;            // one recipient's address
    std::string reply_to;      // where answers go (the hospital's contact e-mail); "" : none
    std::string subject;
    std::string text_body;     // UTF-8, lines separated by "\n"
    std::string html_body;     // UTF-8, a whole HTML document
    long long date_utc_seconds = 0;
    std::string message_id;    // "<…@…>"; empty: a random one at the sender's domain
};

// An address the message may carry: one '@', something on both sides, no space, control
// character, quote, comma or angle bracket (nothing that could add a header or a recipient).
bool valid_mail_address(std::string_view address);

// A header's text: as is when it is printable ASCII, else RFC 2047 encoded words
// ("=?UTF-8?B?…?=", each at most 75 characters, split between whole UTF-8 characters, folded).
std::string encode_header_text(std::string_view text);
// "Wed, 02 Dec 2026 08:05:00 +0000" (RFC 5322 date, in UTC).
std::string format_mail_date(long long utc_seconds);
// Base64 in lines of at most 76 characters, each ended by CRLF.
std::string base64_lines(std::string_view bytes);
// "<random hex@domain of from_address>".
std::string make_message_id(std::string_view from_address);

// The whole message, headers and body (CRLF line ends). The addresses must be valid_mail_address
// (a reply_to that is not is left out).
std::string render_mime(const MimeMessage& message);

}  // namespace cyberachat::mail
