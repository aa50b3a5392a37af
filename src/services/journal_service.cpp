#include "services/journal_service.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/actor.hpp"
#include "core/ascii_text.hpp"
#include "core/evaluation_records.hpp"
#include "core/text_format.hpp"
#include "outputs/export/csv_writer.hpp"

namespace cyberachat::services {

namespace {

using nlohmann::json;

// What each action is called, per entity when it reads differently.
std::string journal_action_label(const Event& event) {
    const std::string& a = event.action;
    const std::string& e = event.entity;
    if (e == "answer") {
        if (a == "create") return "Réponse saisie";
        if (a == "update") return "Réponse modifiée";
        if (a == "comment") return "Commentaire modifié";
    }
    if (e == "document") {
        if (a == "create") return "Document ajouté";
        if (a == "delete") return "Document retiré";
    }
    if (e == "session") {
        if (a == "login") return "Connexion";
        if (a == "logout") return "Déconnexion";
        if (a == "expire") return "Session expirée";
        if (a == "revoke") return "Sessions fermées";
        if (a == "update") return "Langue changée";
    }
    if (e == "message") {  // e-mail (the outbox): field = its kind
        if (a == "enqueue") return "E-mail mis dans la boîte d'envoi";
        if (a == "sent") return "E-mail envoyé";
        if (a == "failed") return "E-mail en échec";
        if (a == "resend") return "E-mail renvoyé";
    }
    if (e == "token") {
        if (a == "create") return "Jeton d'API créé";
        if (a == "revoke") return "Jeton d'API révoqué";
    }
    for (const auto& [name, label] : JournalService::action_labels())
        if (name == a) return label;
    return a;
}

std::string journal_entity_label(const std::string& entity) {
    if (entity == "acquisition") return "Achat";
    if (entity == "response") return "Réponse fournisseur";
    if (entity == "answer") return "Question";
    if (entity == "document") return "Document";
    if (entity == "review") return "Relecture";
    if (entity == "opinion") return "Avis";
    if (entity == "session") return "Session";
    if (entity == "token") return "Jeton d'API";
    if (entity == "message") return "E-mail";
    if (entity == "user") return "Compte";
    if (entity == "scoring_grid") return "Grille de notation";
    if (entity == "questionnaire") return "Questionnaire";
    return entity;
}

// Never shown, whatever an event holds: members named like a secret.
bool journal_secret_member(const std::string& key) {
    const std::string k = lower_ascii(key);
    for (const char* word : {"hash", "password", "secret", "token", "csrf"})
        if (k.find(word) != std::string::npos) return true;
    return false;
}

// A stored value (JSON text) as text: strings as they are, Oui/Non, numbers in French, objects as
// "clé : valeur ; …" without secret members, lists joined with ", ".
std::string journal_json_text(const json& value) {
    switch (value.type()) {
        case json::value_t::null: return "";
        case json::value_t::string: return yes_no_label(value.get<std::string>(), Language::fr);
        case json::value_t::boolean: return value.get<bool>() ? "Oui" : "Non";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float: return format_number(value.get<double>(), Language::fr);
        case json::value_t::array: {
            std::string out;
            for (const json& item : value) {
                if (!out.empty()) out += ", ";
                out += journal_json_text(item);
            }
            return out;
        }
        case json::value_t::object: {
            std::string out;
            for (const auto& [key, item] : value.items()) {
                if (journal_secret_member(key)) continue;
                if (!out.empty()) out += " ; ";
                out += key + " : " + journal_json_text(item);
            }
            return out;
        }
        case json::value_t::binary:
        case json::value_t::discarded: return "";
    }
    return "";
}

std::optional<json> journal_parse(const std::string& text) {
    if (text.empty()) return std::nullopt;
    json parsed = json::parse(text, nullptr, false);
    if (parsed.is_discarded()) return std::nullopt;
    return parsed;
}

std::string journal_actor_label_fallback(const std::string& actor) {
    if (actor == "system") return "Système";
    if (actor.rfind("system:", 0) == 0) return "Ligne de commande (" + actor.substr(7) + ")";
    return actor;
}

// Turns events into entries, looking up (once each) the accounts, vendors and questionnaires they name.
class JournalEntryReader {
public:
    JournalEntryReader(store::Store& store, QuestionnaireProvider& questionnaires, Id default_acquisition)
        : store_(store), questionnaires_(questionnaires), default_acquisition_(default_acquisition) {}

    JournalEntry entry(const Event& event) {
        JournalEntry out;
        out.event = event;
        out.when = format_datetime(event.at, Language::fr);
        out.via = std::string(via_label_fr(parse_via(event.via).value_or(Via::unknown)));
        if (out.via == "—" && !event.via.empty()) out.via = event.via;
        out.what = journal_action_label(event);
        describe_actor(event.actor, out);
        const Question* question = nullptr;
        if (event.entity == "answer" || event.entity == "review" || event.entity == "document" ||
            (event.entity == "acquisition" && event.action == "weight")) {
            out.question_id = event.field;
            if (const Questionnaire* q = questionnaire_of(event)) question = q->find_question(event.field);
            if (question) out.question_label = question->label.fr;
        }
        out.subject = subject_of(event);
        out.old_text = value_text(event, event.old_value, question);
        out.new_text = value_text(event, event.new_value, question);
        return out;
    }

private:
    void describe_actor(const std::string& actor, JournalEntry& out) {
        if (actor.rfind("user:#", 0) == 0) {  // the journal names accounts by id (schema 9 on)
            const Id id = std::strtoll(actor.c_str() + 6, nullptr, 10);
            auto [it, inserted] = emails_by_id_.try_emplace(id);
            if (inserted) {
                auto user = store_.users.find(id);
                it->second = user && !store::is_deleted_account(*user) ? user->email : std::string();
            }
            out.who = it->second.empty() ? "Compte supprimé n° " + std::to_string(id) : it->second;
            out.who_user_id = it->second.empty() ? 0 : id;
            return;
        }
        if (actor.rfind("user:", 0) == 0) {
            const std::string email = actor.substr(5);
            out.who = email;
            auto [it, inserted] = user_ids_.try_emplace(email, 0);
            if (inserted) {
                if (auto user = store_.users.find_by_email(email)) it->second = user->id;
            }
            out.who_user_id = it->second;
            return;
        }
        if (actor.rfind("vendor:", 0) == 0) {
            const std::string company = company_of(std::strtoll(actor.c_str() + 7, nullptr, 10));
            out.who = company.empty() ? "Fournisseur (" + actor.substr(7) + ")" : "Fournisseur " + company;
            return;
        }
        out.who = journal_actor_label_fallback(actor);
    }

    std::string company_of(Id response_id) {
        auto [it, inserted] = companies_.try_emplace(response_id);
        if (inserted && response_id > 0) {
            if (auto response = store_.responses.find(response_id)) it->second = response->company;
        }
        return it->second;
    }

    const Questionnaire* questionnaire_of(const Event& event) {
        const Id acquisition_id = event.acquisition_id ? event.acquisition_id : default_acquisition_;
        auto [it, inserted] = questionnaires_by_acquisition_.try_emplace(acquisition_id);
        if (inserted && acquisition_id > 0) {
            if (auto acquisition = store_.acquisitions.find(acquisition_id)) {
                if (auto loaded = questionnaires_.get(acquisition->questionnaire_version_id)) it->second = *loaded;
            }
        }
        return it->second.get();
    }

    std::string subject_of(const Event& event) {
        const Id response_id = event.response_id ? event.response_id
                               : (event.entity == "response" || event.entity == "answer" || event.entity == "review" ||
                                  event.entity == "opinion")
                                   ? event.entity_id
                                   : 0;
        std::string vendor = response_id ? company_of(response_id) : "";
        std::string base = journal_entity_label(event.entity);
        if (event.entity == "document") {
            const auto value = journal_parse(event.new_value.empty() ? event.old_value : event.new_value);
            if (value && value->is_object() && value->contains("file_name") && (*value)["file_name"].is_string())
                base += " « " + (*value)["file_name"].get<std::string>() + " »";
        } else if (event.entity == "opinion") {
            base += " " + std::string(opinion_role_label_fr(event.field));
        } else if (event.entity == "acquisition" && event.action == "update") {
            base += " : " + event.field;
        } else if (event.entity == "user" || event.entity == "token" || (event.entity == "session" && event.field == "user")) {
            base += " n° " + std::to_string(event.entity_id);
        }
        if (!vendor.empty() && event.entity != "acquisition") base += " — " + vendor;
        return base;
    }

    std::string value_text(const Event& event, const std::string& stored, const Question* question) {
        if (stored.empty()) return "";
        const auto value = journal_parse(stored);
        if (!value) return stored;
        if (question && event.entity == "answer" && event.action != "comment") {
            const std::string text = answer_text(*question, *value, Language::fr);
            return text.empty() ? "(vide)" : text;
        }
        if (event.entity == "review" && value->is_object() && value->contains("status") && (*value)["status"].is_string()) {
            json shown = *value;
            shown["status"] = std::string(review_status_label_fr(shown["status"].get<std::string>()));
            return journal_json_text(shown);
        }
        return journal_json_text(*value);
    }

    store::Store& store_;
    QuestionnaireProvider& questionnaires_;
    Id default_acquisition_;
    std::map<std::string, Id> user_ids_;
    std::map<Id, std::string> emails_by_id_;  // "" for a deleted account
    std::map<Id, std::string> companies_;
    std::map<Id, std::shared_ptr<const Questionnaire>> questionnaires_by_acquisition_;
};

// The page of `events` (as many as the filter's limit asked: then there may be older ones).
JournalPage journal_page(JournalEntryReader& reader, const std::vector<Event>& events, const store::EventFilter& filter) {
    JournalPage page;
    page.filter = filter;
    page.entries.reserve(events.size());
    for (const Event& event : events) page.entries.push_back(reader.entry(event));
    const size_t limit = std::clamp<size_t>(filter.limit, 1, store::EventFilter::kMaxLimit);
    if (!events.empty() && events.size() >= limit) page.next_before = events.back().id;
    return page;
}

}  // namespace

Result<JournalPage> JournalService::for_acquisition(Id acquisition_id, const store::EventFilter& filter) {
    TRY_ASSIGN(const Acquisition acquisition, store_.acquisitions.find(acquisition_id));
    TRY_ASSIGN(const auto events, store_.events.for_acquisition(acquisition.id, filter));
    JournalEntryReader reader(store_, questionnaires_, acquisition.id);
    JournalPage page = journal_page(reader, events, filter);
    page.title = "Achat « " + acquisition.title + " »";
    page.acquisition_id = acquisition.id;
    return page;
}

Result<JournalPage> JournalService::for_response(Id response_id, const store::EventFilter& filter) {
    TRY_ASSIGN(const VendorResponse response, store_.responses.find(response_id));
    TRY_ASSIGN(const auto events, store_.events.for_response(response.id, filter));
    JournalEntryReader reader(store_, questionnaires_, response.acquisition_id);
    JournalPage page = journal_page(reader, events, filter);
    page.title = "Réponse de " + response.company;
    page.acquisition_id = response.acquisition_id;
    page.response_id = response.id;
    return page;
}

Result<JournalPage> JournalService::for_user(Id user_id, const store::EventFilter& filter) {
    TRY_ASSIGN(const User user, store_.users.find(user_id));
    TRY_ASSIGN(const auto events, store_.events.for_user(user, filter));
    JournalEntryReader reader(store_, questionnaires_, 0);
    JournalPage page = journal_page(reader, events, filter);
    page.title = "Compte " + user.email;
    page.user_id = user.id;
    return page;
}

std::string JournalService::csv(const JournalPage& page) {
    std::vector<exports::CsvRow> rows;
    rows.reserve(page.entries.size() + 1);
    rows.push_back({"N°", "Date (UTC)", "Qui", "Source", "Action", "Objet", "Question", "Libellé de la question",
                    "Ancienne valeur", "Nouvelle valeur"});
    for (const JournalEntry& entry : page.entries)
        rows.push_back({std::to_string(entry.event.id), entry.event.at, entry.who, entry.via, entry.what, entry.subject,
                        entry.question_id, entry.question_label, entry.old_text, entry.new_text});
    return exports::csv_document(rows);
}

const std::vector<std::pair<std::string, std::string>>& JournalService::action_labels() {
    static const std::vector<std::pair<std::string, std::string>> labels = {
        {"create", "Création"},
        {"update", "Modification"},
        {"comment", "Commentaire modifié"},
        {"delete", "Suppression"},
        {"submit", "Soumission"},
        {"reopen", "Réouverture"},
        {"review", "Relecture"},
        {"weight", "Pondération"},
        {"attach_grid", "Grille attachée"},
        {"import_xlsx", "Import Excel"},
        {"import", "Import d'archive"},
        {"regenerate_link", "Nouveau lien"},
        {"revoke_link", "Lien révoqué"},
        {"login", "Connexion"},
        {"logout", "Déconnexion"},
        {"expire", "Session expirée"},
        {"revoke", "Révocation"},
        {"enable", "Compte réactivé"},
        {"disable", "Compte désactivé"},
        {"set_password", "Mot de passe changé"},
        {"migrate", "Copie vers une autre base"},
    };
    return labels;
}

}  // namespace cyberachat::services
