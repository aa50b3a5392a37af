#pragma once
// Records, answers and light HTML checks shared by the view tests.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "core/engine.hpp"
#include "definition/builtin_questionnaire.hpp"
#include "web/views/page_context.hpp"
#include "web/views/response_view.hpp"

namespace cyberachat::web::views::testing {

inline size_t count(const std::string& haystack, std::string_view needle) {
    size_t n = 0;
    for (size_t pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + needle.size()))
        ++n;
    return n;
}

// A value that must come out escaped wherever a page shows it.
inline const std::string kPageAttack = "\"><script>alert(1)</script>";

inline bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

// The opening tag of the element with this id (from "<" to ">").
inline std::string tag_with_id(const std::string& html, const std::string& id) {
    size_t pos = html.find("id=\"" + id + "\"");
    if (pos == std::string::npos) return {};
    size_t start = html.rfind('<', pos);
    size_t end = html.find('>', pos);
    return html.substr(start, end - start + 1);
}

// A vendor response in a world of one purchase, with answers evaluated by the engine.
struct Fixture {
    std::shared_ptr<const Questionnaire> questionnaire = builtin_afib();
    Acquisition acquisition;
    VendorResponse response;
    AnswerMap answers;
    DocumentMap documents;
    Evaluation evaluation;
    std::int64_t next_revision = 1;

    Fixture() {
        acquisition.id = 7;
        acquisition.title = "Échographes cardiologie 2027";
        acquisition.equipment = "Échographe";
        acquisition.service = "Cardiologie";
        acquisition.reference = "M-2027-014";
        acquisition.deadline = "2027-03-31";
        response.id = 42;
        response.acquisition_id = 7;
        response.company = "Acme Médical";
        response.contact_name = "Jeanne Martin";
        response.email = "jeanne.martin@acme.example";
        evaluate_answers();
    }

    void answer(const std::string& question_id, nlohmann::json value, std::string comment = {}) {
        StoredAnswer stored;
        stored.response_id = response.id;
        stored.question_id = question_id;
        stored.value = std::move(value);
        stored.comment = std::move(comment);
        stored.revision = next_revision++;
        answers[question_id] = std::move(stored);
        evaluate_answers();
    }

    StoredDocument& add_document(const std::string& question_id, Id id, std::string name) {
        StoredDocument document;
        document.id = id;
        document.response_id = response.id;
        document.question_id = question_id;
        document.file_name = std::move(name);
        document.content_type = "application/pdf";
        document.size = 123456;
        document.sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        documents[question_id].push_back(document);
        return documents[question_id].back();
    }

    AnswerSet answer_set() const {
        AnswerSet set;
        for (const auto& [id, stored] : answers) set[id] = Answer{stored.value, stored.comment};
        return set;
    }

    void evaluate_answers() { evaluation = evaluate(*questionnaire, answer_set()); }

    ResponseView view() const {
        return ResponseView{acquisition, response, *questionnaire, evaluation, answers, documents};
    }

    const Section& section(std::string_view id) const {
        const Section* found = questionnaire->find_section(id);
        if (!found) throw std::runtime_error("unknown section " + std::string(id));
        return *found;
    }

    PageContext vendor_context(Language language = Language::fr) const {
        PageContext context;
        context.language = language;
        context.csrf_token = "csrf-token-123";
        context.vendor = true;
        context.current_path = "/vendor";
        return context;
    }

    PageContext hospital_context() const {
        PageContext context;
        context.csrf_token = "csrf-token-123";
        context.user_email = "ingenieur@chu.example";
        context.user_role_label = "Ingénieur biomédical";
        context.current_path = "/acquisitions";
        return context;
    }
};

// Light structural checks: balanced forms, no nested form, unique ids, labels pointing at ids,
// one <h1>, <html lang>.
inline void expect_well_formed(const std::string& html) {
    EXPECT_EQ(count(html, "<form"), count(html, "</form>"));
    int depth = 0;
    size_t pos = 0;
    while (true) {
        size_t open = html.find("<form", pos);
        size_t close = html.find("</form>", pos);
        if (open == std::string::npos && close == std::string::npos) break;
        if (open != std::string::npos && (close == std::string::npos || open < close)) {
            ++depth;
            EXPECT_LE(depth, 1) << "nested <form> at " << open;
            pos = open + 5;
        } else {
            --depth;
            EXPECT_GE(depth, 0) << "</form> without <form> at " << close;
            pos = close + 7;
        }
    }
    EXPECT_EQ(count(html, "<h1"), 1u);
    EXPECT_TRUE(contains(html, "<html lang=\""));
    EXPECT_TRUE(contains(html, "<main id=\"contenu\""));
    EXPECT_TRUE(contains(html, "href=\"#contenu\""));

    std::set<std::string> ids;
    static const std::regex id_pattern(R"( id="([^"]*)\")");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), id_pattern); it != std::sregex_iterator(); ++it) {
        std::string id = (*it)[1];
        EXPECT_TRUE(ids.insert(id).second) << "duplicate id " << id;
    }
    static const std::regex for_pattern(R"( for="([^"]*)\")");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), for_pattern); it != std::sregex_iterator(); ++it)
        EXPECT_TRUE(ids.count((*it)[1])) << "label for a missing id " << (*it)[1];
    static const std::regex form_attr_pattern(R"( form="([^"]*)\")");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), form_attr_pattern); it != std::sregex_iterator(); ++it)
        EXPECT_TRUE(ids.count((*it)[1])) << "form= pointing at a missing form " << (*it)[1];
    static const std::regex describedby_pattern(R"( aria-describedby="([^"]*)\")");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), describedby_pattern); it != std::sregex_iterator();
         ++it) {
        std::string list = (*it)[1];
        size_t start = 0;
        while (start < list.size()) {
            size_t end = list.find(' ', start);
            if (end == std::string::npos) end = list.size();
            std::string id = list.substr(start, end - start);
            EXPECT_TRUE(ids.count(id)) << "aria-describedby pointing at a missing id " << id;
            start = end + 1;
        }
    }
}

}  // namespace cyberachat::web::views::testing
