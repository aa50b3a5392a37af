#include "mail/message_templates.hpp"

#include <yaml-cpp/yaml.h>

#include "core/markup_escape.hpp"
#include "embedded_files.hpp"

namespace cyberachat::mail {

namespace {

Error template_error(const std::string& what) {
    return Error::make(ErrorCode::invalid_value, "Modèles de messages : " + what, "Message templates: " + what);
}

// Replaces each {name} of `pattern` by values[name], through `escape`; an unknown name is an error.
Result<std::string> fill_placeholders(const std::string& pattern, const MailValues& values, bool html,
                                      std::string_view kind) {
    std::string out;
    out.reserve(pattern.size() + 256);
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '{') {
            out += pattern[i];
            continue;
        }
        const size_t close = pattern.find('}', i);
        if (close == std::string::npos) return template_error(std::string(kind) + " : « { » sans « } ».");
        const std::string name = pattern.substr(i + 1, close - i - 1);
        auto value = values.find(name);
        if (value == values.end()) return template_error(std::string(kind) + " : pas de valeur pour {" + name + "}.");
        if (!html) {
            out += value->second;
        } else {
            // Escaped, its line breaks kept.
            const std::string escaped = markup_escaped(value->second);
            for (char c : escaped) {
                if (c == '\n') out += "<br>\n";
                else out += c;
            }
        }
        i = close;
    }
    return out;
}

}  // namespace

Result<MessageTemplates> MessageTemplates::parse(std::string_view yaml) {
    MessageTemplates out;
    try {
        const YAML::Node root = YAML::Load(std::string(yaml));
        if (!root.IsMap()) return template_error("une table type → langue → textes est attendue.");
        for (const auto& kind : root) {
            const std::string name = kind.first.as<std::string>();
            if (!kind.second.IsMap() || !kind.second["fr"])
                return template_error(name + " : le français (fr) est obligatoire (ligne " +
                                      std::to_string(kind.first.Mark().line + 1) + ").");
            for (const auto& language : kind.second) {
                const std::string code = language.first.as<std::string>();
                if (code != "fr" && code != "en") return template_error(name + " : langue inconnue « " + code + " ».");
                const YAML::Node& texts = language.second;
                if (!texts.IsMap() || !texts["subject"] || !texts["text"] || !texts["html"])
                    return template_error(name + "/" + code + " : subject, text et html sont obligatoires (ligne " +
                                          std::to_string(language.first.Mark().line + 1) + ").");
                out.kinds_[name][code] = Texts{texts["subject"].as<std::string>(), texts["text"].as<std::string>(),
                                               texts["html"].as<std::string>()};
            }
        }
    } catch (const YAML::Exception& e) {
        return template_error(e.what());
    }
    return out;
}

const MessageTemplates& MessageTemplates::builtin() {
    static const MessageTemplates templates = [] {
        auto parsed = parse(embedded::file("src/mail/templates/messages.yaml"));
        return parsed ? std::move(*parsed) : MessageTemplates{};
    }();
    return templates;
}

std::vector<std::string> MessageTemplates::kinds() const {
    std::vector<std::string> out;
    for (const auto& [kind, languages] : kinds_) out.push_back(kind);
    return out;
}

bool MessageTemplates::has(std::string_view kind) const { return kinds_.find(kind) != kinds_.end(); }

Result<RenderedMail> MessageTemplates::render(std::string_view kind, Language language, const MailValues& values) const {
    auto found = kinds_.find(kind);
    if (found == kinds_.end())
        return Error::make(ErrorCode::not_found, "Type de message inconnu : " + std::string(kind),
                           "Unknown message kind: " + std::string(kind));
    auto texts = found->second.find(std::string(language_code(language)));
    if (texts == found->second.end()) texts = found->second.find("fr");
    RenderedMail out;
    TRY_ASSIGN(out.subject, fill_placeholders(texts->second.subject, values, false, kind));
    TRY_ASSIGN(out.text, fill_placeholders(texts->second.text, values, false, kind));
    TRY_ASSIGN(std::string body, fill_placeholders(texts->second.html, values, true, kind));
    // The subject is one line.
    for (char& c : out.subject)
        if (c == '\n' || c == '\r') c = ' ';
    out.html = "<!DOCTYPE html>\n<html lang=\"" + texts->first + "\">\n<head><meta charset=\"utf-8\"><title>" +
               markup_escaped(out.subject) + "</title></head>\n<body style=\"font-family: sans-serif; line-height: 1.4\">\n" +
               body + "</body>\n</html>\n";
    return out;
}

}  // namespace cyberachat::mail
