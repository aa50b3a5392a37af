#pragma once
// The journal as the hospital reads it (pages, API, CSV): the events of a purchase, of one vendor
// response or of one account, filtered and a page at a time, each made readable — who (an
// account's e-mail, the vendor's company), from where (page, API, Excel import…), what, about
// which question (its French label beside its id) and the values old → new as text.
// Hospital only: the callers never show it to vendors. Events hold no secret (see
// store/repositories.hpp); object values are shown without any member named like one.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/acquisition.hpp"
#include "core/questionnaire.hpp"
#include "core/result.hpp"
#include "services/questionnaire_provider.hpp"
#include "store/repositories.hpp"

namespace cyberachat::services {

struct JournalEntry {
    Event event;                 // as stored
    std::string when;            // "29/11/2026 à 11 h 15" (Paris time)
    std::string who;             // "bio@chu.test", "Fournisseur Acme Medical", "Système", "Ligne de commande"
    Id who_user_id = 0;          // the hospital account who acted, when known (for a link to its journal)
    std::string via;             // "Page web", "API", "Import Excel", "Restauration d'archive", …, "—"
    std::string what;            // "Réponse modifiée", "Document ajouté", …
    std::string subject;         // what it is about: "Achat", "Réponse de Acme Medical", "Document preuve.pdf", …
    std::string question_id;     // for answers, documents, reviews, weights
    std::string question_label;  // its French label ("" when the questionnaire does not have it)
    std::string old_text, new_text;  // the values as text ("" when none)
};

struct JournalPage {
    std::string title;           // "Achat « Pompes »", "Réponse de Acme Medical", "Compte bio@chu.test"
    Id acquisition_id = 0, response_id = 0, user_id = 0;  // the page's subject
    store::EventFilter filter;   // as applied
    std::vector<JournalEntry> entries;  // newest first
    Id next_before = 0;          // the `before` of the next (older) page; 0 when this one is the last
};

class JournalService {
public:
    JournalService(store::Store& store, QuestionnaireProvider& questionnaires)
        : store_(store), questionnaires_(questionnaires) {}

    // "not_found" for an unknown purchase, response or account; "invalid" for a malformed date.
    Result<JournalPage> for_acquisition(Id acquisition_id, const store::EventFilter& filter);
    Result<JournalPage> for_response(Id response_id, const store::EventFilter& filter);
    Result<JournalPage> for_user(Id user_id, const store::EventFilter& filter);

    // The page as CSV (UTF-8 with BOM, ';', formula injection neutralised: outputs/export/csv_writer).
    static std::string csv(const JournalPage& page);

    // The actions a filter may name, with their French labels, in display order.
    static const std::vector<std::pair<std::string, std::string>>& action_labels();

private:
    store::Store& store_;
    QuestionnaireProvider& questionnaires_;
};

}  // namespace cyberachat::services
