#pragma once
// What an MDS2 statement proposes for a response (issue 16), computed without saving anything: per
// AFIB question the crosswalk reaches, the proposed value, the MDS2 lines it comes from, and its
// status against what is saved. Proposals are only proposals: nothing already answered is
// replaced unless the vendor chooses it (`conflict` rows, the `replace` set of the service).
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/answer.hpp"
#include "core/mds2_crosswalk.hpp"
#include "core/mds2_statement.hpp"
#include "core/questionnaire.hpp"

namespace cyberachat {

enum class Mds2ProposalStatus {
    imported,          // not answered yet: saved when the import is applied
    already_answered,  // the saved answer already says the same: nothing to do
    conflict,          // the saved answer differs: replaced only if the vendor chooses it
    ignored_branch,    // the question does not apply on the response's branch (with the proposals)
    no_answer,         // the mapping's MDS2 lines are missing from the file or give no usable answer
};

// "imported", "already_answered", "conflict", "ignored_branch", "no_answer" (the API's names).
std::string_view mds2_proposal_status_name(Mds2ProposalStatus status);

struct Mds2Proposal {
    std::string question_id;
    nlohmann::json value;                 // canonical (core/answer_validation.hpp); null for no_answer
    nlohmann::json current;               // the saved value (null when none)
    std::vector<std::string> source_ids;  // the MDS2 lines the value comes from ("MLDP-2", "MLDP-2.1")
    LocalizedText rationale;              // the mapping's
    Mds2ProposalStatus status = Mds2ProposalStatus::no_answer;
};

struct Mds2ImportPlan {
    std::vector<Mds2Proposal> proposals;    // questionnaire order, one per AFIB question
    std::vector<std::string> unmapped_ids;  // the file's MDS2 IDs no mapping reads ("no mapping"), file order
    size_t lines = 0;                       // MDS2 lines read from the file

    size_t count(Mds2ProposalStatus status) const;
};

// Mappings whose question is not in `questionnaire` (another version, a hospital's own) are left
// out. A yes/no proposal that opens a branch (dispositif.protection_propre = oui) lets the
// proposals behind it apply. Pure: the same inputs give the same plan.
Mds2ImportPlan plan_mds2_import(const Questionnaire& questionnaire, const Mds2Crosswalk& crosswalk,
                                const Mds2Statement& statement, const AnswerSet& current);

}  // namespace cyberachat
