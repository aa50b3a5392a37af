#include "mail/smtp_transport.hpp"

#include <curl/curl.h>

#include <cstring>
#include <mutex>

namespace cyberachat::mail {

namespace {

void init_curl_once() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct SmtpUpload {
    const std::string* data = nullptr;
    size_t at = 0;
};

size_t read_smtp_upload(char* buffer, size_t size, size_t count, void* user) {
    auto* upload = static_cast<SmtpUpload*>(user);
    const size_t room = size * count;
    const size_t left = upload->data->size() - upload->at;
    const size_t n = std::min(room, left);
    std::memcpy(buffer, upload->data->data() + upload->at, n);
    upload->at += n;
    return n;
}

struct CurlEasyDeleter {
    void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct CurlListDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

Error smtp_send_error(const std::string& what) {
    return Error::make(ErrorCode::output_failed, "Envoi SMTP refusé ou impossible : " + what,
                       "SMTP sending refused or impossible: " + what);
}

}  // namespace

SmtpTransport::SmtpTransport(SmtpSettings settings) : settings_(std::move(settings)) { init_curl_once(); }

Result<void> SmtpTransport::send(const std::string& recipient, const std::string& mime) {
    std::unique_ptr<CURL, CurlEasyDeleter> curl(curl_easy_init());
    if (!curl) return smtp_send_error("libcurl");
    char error_buffer[CURL_ERROR_SIZE] = {0};
    const std::string from = "<" + settings_.from_address + ">";
    std::unique_ptr<curl_slist, CurlListDeleter> recipients(curl_slist_append(nullptr, ("<" + recipient + ">").c_str()));
    SmtpUpload upload{&mime, 0};
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, settings_.url.c_str());
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error_buffer);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM (threads)
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, settings_.connect_timeout_seconds);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, settings_.timeout_seconds);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    if (!settings_.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, settings_.ca_file.c_str());
    // smtp://: STARTTLS when the server offers it; smtps://: TLS from the start, certificate checked.
    if (settings_.url.rfind("smtp://", 0) == 0) curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
    if (!settings_.user.empty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, settings_.user.c_str());
        curl_easy_setopt(c, CURLOPT_PASSWORD, settings_.password.c_str());
    }
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(c, CURLOPT_READFUNCTION, read_smtp_upload);
    curl_easy_setopt(c, CURLOPT_READDATA, &upload);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(mime.size()));
    const CURLcode code = curl_easy_perform(c);
    if (code != CURLE_OK) {
        long response = 0;
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response);
        std::string what = error_buffer[0] ? error_buffer : curl_easy_strerror(code);
        if (response > 0) what += " (SMTP " + std::to_string(response) + ")";
        return smtp_send_error(what);
    }
    return {};
}

}  // namespace cyberachat::mail
