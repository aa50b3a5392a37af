#pragma once
// The records of the hospital's evaluation of responses, as the domain sees them: the scoring
// grid copied into a purchase and the purchase's own weights. Plain data, filled by the store.
// Never shown to vendors.
#include <string>
#include <string_view>
#include <vector>

#include "core/acquisition.hpp"

namespace cyberachat {

// A stored copy of one scoring grid text: a purchase keeps the grid it was created with.
struct StoredGrid {
    Id id = 0;
    std::string grid_id;   // "afib-grid"
    std::string version;   // "2024.1-1"
    std::string sha256;    // of yaml
    std::string yaml;
    std::string created_at;
};

// A weight the hospital changed for one purchase (replaces the grid's weight for that question).
struct WeightOverride {
    Id acquisition_id = 0;
    std::string question_id;
    double weight = 0;
    std::string updated_at;
    std::string updated_by;  // "user:<email>"
};

// A reviewer's action on one answer: a status, an internal comment, or both. "clarification"
// also carries the question put to the vendor (the only text of a review the vendor ever sees).
struct Review {
    Id id = 0;
    Id response_id = 0;
    std::string question_id;
    std::string status;           // "" (comment only) | "accepted" | "clarification" | "unsatisfactory"
    std::string comment;          // internal to the hospital
    std::string vendor_question;  // for "clarification": what the vendor is asked
    std::string author;           // "user:<email>"
    std::string author_role;      // "it", "biomedical", "admin"
    std::string created_at;
};
bool valid_review_status(std::string_view status);  // what a reviewer may set ("answered" is the vendor's)
std::string_view review_status_label_fr(std::string_view status);  // "Accepté", "Précision demandée", …

// A clarification the hospital asked about one answer and the vendor has not given yet: opened by
// a review "clarification", closed by the vendor's "answered" or a later accepted/unsatisfactory.
struct OpenClarification {
    std::string question_id;
    std::string vendor_question;  // the only text of the review the vendor sees
    std::string asked_at;
};
std::vector<OpenClarification> open_clarifications(const std::vector<Review>& reviews);  // oldest first

// An advisory opinion on one response, one per reviewing role ("it" or "biomedical").
struct Opinion {
    Id response_id = 0;
    std::string role;      // "it" | "biomedical"
    std::string verdict;   // "favourable" | "favourable_with_reservations" | "unfavourable"
    std::string text;
    std::string author;    // "user:<email>"
    std::string updated_at;
};
bool valid_opinion_verdict(std::string_view verdict);
std::string_view opinion_verdict_label_fr(std::string_view verdict);  // "Favorable", …
std::string_view opinion_role_label_fr(std::string_view role);         // "DSI / RSSI", "Ingénieur biomédical"

}  // namespace cyberachat
