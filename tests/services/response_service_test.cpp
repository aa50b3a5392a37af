// ResponseService: loading a response, saving answers (normalized, revisioned, refused once
// submitted), documents, clarifications, submitting and reopening — read back through the store.
#include "services/response_service.hpp"

#include "core/document_answer.hpp"

#include "service_fixture.hpp"

namespace cyberachat::services::testing {
namespace {

using ResponseServiceTest = ServiceTest;

TEST_F(ResponseServiceTest, LoadGathersTheResponseItsAnswersAndDocuments) {
    const Id id = new_response();
    save(id, "p.gate", "oui", "Voir la notice");
    const StoredDocument document = attach(id, "p.doc");

    auto snapshot = responses().load(id);
    ASSERT_TRUE(snapshot.ok()) << snapshot.error().message.in(Language::en);
    EXPECT_EQ(snapshot->response.company, "Acme Medical");
    EXPECT_EQ(snapshot->acquisition.title, "Achat mini");
    EXPECT_EQ(snapshot->questionnaire->id, "mini");
    EXPECT_FALSE(snapshot->submitted());
    ASSERT_EQ(snapshot->answers.count("p.gate"), 1u);
    EXPECT_EQ(snapshot->answers.at("p.gate").comment, "Voir la notice");
    ASSERT_EQ(snapshot->documents.at("p.doc").size(), 1u);
    EXPECT_EQ(snapshot->answer_set.at("p.doc").value, json::array({document.id}));
    // The gate opened p.detail, which is required and unanswered.
    const Question* detail = snapshot->questionnaire->find_question("p.detail");
    EXPECT_TRUE(snapshot->evaluation.is_visible(*detail));
    EXPECT_FALSE(snapshot->evaluation.is_complete());

    EXPECT_ERROR_CODE(responses().load(id + 100), "not_found");
}

TEST_F(ResponseServiceTest, SaveAnswerNormalizesPersistsAndReevaluates) {
    const Id id = new_response();
    auto saved = responses().save_answer(id, "p.gate", " Oui ", std::string("Un commentaire"), 0, vendor_actor(id));
    ASSERT_TRUE(saved.ok()) << saved.error().message.in(Language::en);
    EXPECT_TRUE(saved->changed);
    EXPECT_EQ(saved->answer.value, "oui");
    EXPECT_EQ(saved->answer.revision, 1);
    EXPECT_TRUE(saved->snapshot.evaluation.is_visible(*saved->snapshot.questionnaire->find_question("p.detail")));

    auto stored = store->responses.answer(id, "p.gate");
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->value, "oui");
    EXPECT_EQ(stored->comment, "Un commentaire");
    EXPECT_EQ(stored->updated_by, vendor_actor(id));

    // The same value again: nothing changes; no comment given: the stored one is kept.
    auto again = responses().save_answer(id, "p.gate", "yes", std::nullopt, 1, vendor_actor(id));
    ASSERT_TRUE(again.ok()) << again.error().message.in(Language::en);
    EXPECT_FALSE(again->changed);
    EXPECT_EQ(store->responses.answer(id, "p.gate")->revision, 1);
    EXPECT_EQ(store->responses.answer(id, "p.gate")->comment, "Un commentaire");

    // A new value closes the branch; the evaluation follows at once.
    auto closed = responses().save_answer(id, "p.gate", "non", std::string(), 1, vendor_actor(id));
    ASSERT_TRUE(closed.ok()) << closed.error().message.in(Language::en);
    EXPECT_EQ(closed->answer.revision, 2);
    EXPECT_EQ(closed->answer.comment, "");
    EXPECT_TRUE(closed->snapshot.evaluation.is_complete());
}

TEST_F(ResponseServiceTest, SaveAnswerErrorsWriteNothing) {
    const Id id = new_response();
    EXPECT_ERROR_CODE(responses().save_answer(id, "p.unknown", "x", std::nullopt, -1, vendor_actor(id)), "not_found");
    EXPECT_ERROR_CODE(responses().save_answer(id, "p.gate", "peut-être", std::nullopt, -1, vendor_actor(id)),
                      "invalid_value");
    EXPECT_ERROR_CODE(responses().save_answer(id, "p.doc", "certificat.pdf", std::nullopt, -1, vendor_actor(id)),
                      "invalid_value");
    EXPECT_ERROR_CODE(responses().save_answer(id, "p.detail", "x", std::string(5001, 'c'), -1, vendor_actor(id)),
                      "invalid_value");
    EXPECT_ERROR_CODE(responses().save_answer(id + 100, "p.gate", "oui", std::nullopt, -1, "vendor:0"), "not_found");
    EXPECT_TRUE(store->responses.answers(id).value().empty());

    // A document question takes a comment (no value).
    auto comment_only = responses().save_answer(id, "p.doc", nullptr, std::string("Envoyé par courrier"), -1, vendor_actor(id));
    ASSERT_TRUE(comment_only.ok()) << comment_only.error().message.in(Language::en);
    EXPECT_EQ(store->responses.answer(id, "p.doc")->comment, "Envoyé par courrier");
}

// A document the vendor does not have: the statement {"unavailable": reason} is its answer until
// a file comes; a comment alone keeps it, null withdraws it, and files refuse it.
TEST_F(ResponseServiceTest, ADocumentStatedNotAvailableIsAnsweredUntilAFileReplacesIt) {
    const Id id = new_response();
    const json statement = {{"unavailable", " Dispositif de classe I : pas de certificat "}};
    EXPECT_ERROR_CODE(responses().save_answer(id, "p.doc", json{{"unavailable", "  "}}, std::nullopt, -1, vendor_actor(id)),
                      "invalid_value");
    auto stated = responses().save_answer(id, "p.doc", statement, std::nullopt, -1, vendor_actor(id));
    ASSERT_TRUE(stated.ok()) << stated.error().message.fr;
    EXPECT_EQ(store->responses.answer(id, "p.doc")->value, json({{"unavailable", "Dispositif de classe I : pas de certificat"}}));
    const Question* doc = stated->snapshot.questionnaire->find_question("p.doc");
    EXPECT_TRUE(stated->snapshot.evaluation.question_answered[doc->index]) << "it counts as answered";

    // A comment alone (no value sent) keeps the statement.
    auto commented = responses().save_answer(id, "p.doc", std::nullopt, std::string("Voir la déclaration UE"), -1, vendor_actor(id));
    ASSERT_TRUE(commented.ok());
    EXPECT_TRUE(is_unavailable_document(store->responses.answer(id, "p.doc")->value));
    EXPECT_EQ(responses().load(id)->answer_set.at("p.doc").value, store->responses.answer(id, "p.doc")->value);

    // A file replaces it (and the comment stays); with a file, the statement is refused.
    attach(id, "p.doc");
    EXPECT_TRUE(store->responses.answer(id, "p.doc")->value.is_null());
    EXPECT_EQ(store->responses.answer(id, "p.doc")->comment, "Voir la déclaration UE");
    auto refused = responses().save_answer(id, "p.doc", statement, std::nullopt, -1, vendor_actor(id));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::invalid_value);
    EXPECT_NE(refused.error().message.fr.find("retirez-les"), std::string::npos);
    EXPECT_TRUE(responses().load(id)->answer_set.at("p.doc").value.is_array()) << "the file answers it";

    // Without the file, stated again, then withdrawn by null.
    const Id other = new_response();
    ASSERT_TRUE(responses().save_answer(other, "p.doc", statement, std::nullopt, -1, vendor_actor(other)).ok());
    ASSERT_TRUE(responses().save_answer(other, "p.doc", json(), std::nullopt, -1, vendor_actor(other)).ok());
    EXPECT_FALSE(has_value(store->responses.answer(other, "p.doc")->value));

    // Through the section form: ticked with its reason, then ticked without one (refused, typed kept).
    std::map<std::string, PostedAnswer> posted;
    posted["p.doc"] = PostedAnswer{json{{"unavailable", "Pas encore rédigé"}}, std::nullopt, -1, true};
    auto section = responses().save_section(other, "p.s", posted, vendor_actor(other));
    ASSERT_TRUE(section.ok());
    EXPECT_EQ(section->saved, 1u);
    EXPECT_EQ(unavailable_document_reason(store->responses.answer(other, "p.doc")->value), "Pas encore rédigé");
    posted["p.doc"] = PostedAnswer{json{{"unavailable", ""}}, std::nullopt, -1, true};
    section = responses().save_section(other, "p.s", posted, vendor_actor(other));
    ASSERT_TRUE(section.ok());
    EXPECT_EQ(section->refused.at("p.doc").code, ErrorCode::invalid_value);
    EXPECT_EQ(section->typed.at("p.doc"), json({{"unavailable", ""}}));
    EXPECT_EQ(unavailable_document_reason(store->responses.answer(other, "p.doc")->value), "Pas encore rédigé") << "kept";
}

TEST_F(ResponseServiceTest, SaveAnswerOnAStaleRevisionIsAConflict) {
    const Id id = new_response();
    save(id, "p.detail", "Première version");
    save(id, "p.detail", "Deuxième version");  // revision 2
    auto stale = responses().save_answer(id, "p.detail", "Ma version", std::nullopt, 1, vendor_actor(id));
    EXPECT_ERROR_CODE(stale, "conflict");
    EXPECT_EQ(store->responses.answer(id, "p.detail")->value, "Deuxième version");
}

// A section form: the valid changed answers are saved in one transaction; an invalid value and an
// answer changed by someone else since the page was shown are refused one by one, the others kept.
TEST_F(ResponseServiceTest, SaveSectionSavesTheValidAnswersAndRefusesTheOthersOneByOne) {
    const Id id = new_response();
    save(id, "p.detail", "première version");  // revision 1, as the vendor's page showed it
    save(id, "p.detail", "changée entre-temps");  // revision 2, by someone else
    const size_t events_before = store->events.list("answer", id).value().size();

    std::map<std::string, PostedAnswer> posted;
    posted["p.gate"] = PostedAnswer{json("Oui"), std::string("vu"), -1, true};
    posted["p.detail"] = PostedAnswer{json("ma version"), std::nullopt, 1, true};
    auto saved = responses().save_section(id, "p.s", posted, vendor_actor(id));
    ASSERT_TRUE(saved.ok()) << saved.error().message.fr;
    EXPECT_EQ(saved->saved, 1u);
    ASSERT_EQ(saved->refused.count("p.detail"), 1u);
    EXPECT_EQ(saved->refused.at("p.detail").code, ErrorCode::conflict);
    EXPECT_EQ(store->responses.answer(id, "p.gate")->value, "oui");  // normalized
    EXPECT_EQ(store->responses.answer(id, "p.gate")->comment, "vu");
    EXPECT_EQ(store->responses.answer(id, "p.detail")->value, "changée entre-temps");  // kept
    EXPECT_EQ(saved->snapshot.answers.at("p.gate").value, "oui");  // the snapshot after the save
    // The gate's value and comment: two events, no event of the batch itself.
    EXPECT_EQ(store->events.list("answer", id).value().size(), events_before + 2);

    posted.clear();
    posted["p.gate"] = PostedAnswer{json("peut-être"), std::nullopt, -1, true};
    auto refused = responses().save_section(id, "p.s", posted, vendor_actor(id));
    ASSERT_TRUE(refused.ok());
    EXPECT_EQ(refused->saved, 0u);
    EXPECT_EQ(refused->refused.at("p.gate").code, ErrorCode::invalid_value);
    EXPECT_EQ(refused->typed.at("p.gate"), "peut-être");  // shown back as typed
    EXPECT_EQ(store->responses.answer(id, "p.gate")->value, "oui");

    EXPECT_ERROR_CODE(responses().save_section(id, "p.nope", posted, vendor_actor(id)), "not_found");
    EXPECT_ERROR_CODE(responses().save_section(submitted_response(), "p.s", posted, vendor_actor(id)), "submitted");
}

// Length limits count characters, as their messages say: 2,600 "é" (5,200 bytes) is a comment of
// 2,600 characters, under the 5,000 allowed.
TEST_F(ResponseServiceTest, CommentLimitsCountCharactersNotBytes) {
    const Id id = new_response();
    std::string accented;
    for (int i = 0; i < 2600; ++i) accented += "é";
    auto saved = responses().save_answer(id, "p.gate", "oui", accented, -1, vendor_actor(id));
    ASSERT_TRUE(saved.ok()) << saved.error().message.fr;
    EXPECT_EQ(store->responses.answer(id, "p.gate")->comment, accented);
    EXPECT_ERROR_CODE(responses().save_answer(id, "p.gate", "oui", std::string(5001, 'a'), -1, vendor_actor(id)),
                      "invalid_value");
}

// The secret link opens its response; a replaced link opens nothing.
TEST_F(ResponseServiceTest, AnInvitationTokenFindsItsResponse) {
    const Invitation invitation = invite(mini_purchase().id);
    auto found = responses().find_by_invitation_token(invitation.token);
    ASSERT_TRUE(found.ok()) << found.error().message.fr;
    EXPECT_EQ(found->id, invitation.response.id);
    auto replacement = acquisitions().regenerate_link(invitation.response.id, kBuyerActor);
    ASSERT_TRUE(replacement.ok());
    EXPECT_ERROR_CODE(responses().find_by_invitation_token(invitation.token), "not_found");
    EXPECT_EQ(responses().find_by_invitation_token(*replacement)->id, invitation.response.id);
    EXPECT_ERROR_CODE(responses().find_by_invitation_token(""), "not_found");
}

// A stale save through save_answer carries the stored answer, so that the API can show it.
TEST_F(ResponseServiceTest, AConflictCarriesTheStoredAnswer) {
    const Id id = new_response();
    save(id, "p.detail", "v1");
    save(id, "p.detail", "v2");
    auto stale = responses().save_answer(id, "p.detail", "v3", std::nullopt, 1, vendor_actor(id));
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().code, ErrorCode::conflict);
    EXPECT_EQ(stale.error().payload["current"]["value"], "v2");
    EXPECT_EQ(stale.error().payload["current"]["revision"], 2);
}

TEST_F(ResponseServiceTest, ASubmittedResponseIsReadOnly) {
    const Id id = submitted_response();
    auto document = store->documents.add(id, "p.doc", "avant.pdf", kPdfBytes, "system");  // written behind the service
    ASSERT_TRUE(document.ok()) << document.error().message.in(Language::en);

    EXPECT_ERROR_CODE(responses().save_answer(id, "p.gate", "oui", std::nullopt, -1, vendor_actor(id)), "submitted");
    EXPECT_ERROR_CODE(responses().add_document(id, "p.doc", "x.pdf", kPdfBytes, vendor_actor(id)), "submitted");
    EXPECT_ERROR_CODE(responses().delete_document(id, document->id, vendor_actor(id)), "submitted");
    EXPECT_ERROR_CODE(responses().submit(id, vendor_actor(id)), "submitted");
    EXPECT_EQ(store->responses.answer(id, "p.gate")->value, "non");
    EXPECT_EQ(store->documents.list_for(id).value().size(), 1u);
}

TEST_F(ResponseServiceTest, AddDocumentStoresTheFile) {
    const Id id = new_response();
    auto added = responses().add_document(id, "p.doc", "Schéma réseau.pdf", kPdfBytes, vendor_actor(id));
    ASSERT_TRUE(added.ok()) << added.error().message.in(Language::en);
    EXPECT_EQ(added->content_type, "application/pdf");
    auto listed = store->documents.list_for(id).value();
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].question_id, "p.doc");
    EXPECT_EQ(listed[0].file_name, "Schéma réseau.pdf");
    auto bytes = store->documents.read_bytes(listed[0]);
    ASSERT_TRUE(bytes.ok());
    EXPECT_EQ(*bytes, kPdfBytes);
}

TEST_F(ResponseServiceTest, AddDocumentErrors) {
    wire(ServiceLimits{100});
    const Id id = new_response();
    EXPECT_ERROR_CODE(responses().add_document(id, "p.nope", "a.pdf", kPdfBytes, vendor_actor(id)), "not_found");
    EXPECT_ERROR_CODE(responses().add_document(id, "p.gate", "a.pdf", kPdfBytes, vendor_actor(id)), "invalid_value");
    EXPECT_ERROR_CODE(responses().add_document(id, "p.doc", "vide.pdf", "", vendor_actor(id)), "invalid_value");
    EXPECT_ERROR_CODE(responses().add_document(id, "p.doc", "gros.pdf", kPdfBytes + std::string(100, ' '), vendor_actor(id)),
                      "too_large");
    const std::string executable("\x7f" "ELF\x02\x01\x01\x00\x00\x00\x00", 11);
    EXPECT_ERROR_CODE(responses().add_document(id, "p.doc", "a.exe", executable, vendor_actor(id)),
                      "invalid_value");
    EXPECT_ERROR_CODE(responses().add_document(id + 100, "p.doc", "a.pdf", kPdfBytes, "vendor:0"), "not_found");
    EXPECT_TRUE(store->documents.list_for(id).value().empty());
    EXPECT_EQ(responses().limits().max_document_bytes, 100u);
}

// A vendor's documents together stay within the response's quota; what is refused says how much is
// used, in French and in English; removing a document frees its room.
TEST_F(ResponseServiceTest, DocumentsStayWithinTheResponsesQuota) {
    wire(ServiceLimits{1024 * 1024, 2 * kPdfBytes.size() + 10});
    const Id id = new_response();
    const Id other = invite(store->responses.find(id)->acquisition_id, "Autre").response.id;
    ASSERT_TRUE(responses().add_document(id, "p.doc", "a.pdf", kPdfBytes, vendor_actor(id)).ok());
    auto second = responses().add_document(id, "p.doc", "b.pdf", kPdfBytes, vendor_actor(id));
    ASSERT_TRUE(second.ok()) << second.error().message.fr;
    auto refused = responses().add_document(id, "p.doc", "c.pdf", kPdfBytes, vendor_actor(id));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::too_large);
    EXPECT_NE(refused.error().message.fr.find("Espace de stockage de cette réponse épuisé"), std::string::npos);
    EXPECT_NE(refused.error().message.in(Language::en).find("This response's storage is full"), std::string::npos);
    EXPECT_EQ(store->documents.list_for(id).value().size(), 2u);
    // Another vendor's quota is its own.
    EXPECT_TRUE(responses().add_document(other, "p.doc", "a.pdf", kPdfBytes, vendor_actor(other)).ok());
    // Room comes back when a document goes.
    ASSERT_TRUE(responses().delete_document(id, second->id, vendor_actor(id)).ok());
    EXPECT_TRUE(responses().add_document(id, "p.doc", "c.pdf", kPdfBytes, vendor_actor(id)).ok());
}

TEST_F(ResponseServiceTest, DeleteDocumentOnlyFromItsOwnResponse) {
    const Id id = new_response();
    const Id other = invite(store->responses.find(id)->acquisition_id, "Autre").response.id;
    const StoredDocument document = attach(id, "p.doc");
    EXPECT_ERROR_CODE(responses().delete_document(other, document.id, vendor_actor(other)), "not_found");
    EXPECT_ERROR_CODE(responses().delete_document(id, document.id + 100, vendor_actor(id)), "not_found");
    ASSERT_TRUE(store->documents.find(document.id));

    ASSERT_TRUE(responses().delete_document(id, document.id, vendor_actor(id)).ok());
    EXPECT_FALSE(store->documents.find(document.id));
    EXPECT_TRUE(store->documents.list_for(id).value().empty());
}

TEST_F(ResponseServiceTest, SubmitNeedsEveryRequiredAnswer) {
    const Id id = new_response();
    auto incomplete = responses().submit(id, vendor_actor(id));
    EXPECT_ERROR_CODE(incomplete, "incomplete");
    EXPECT_NE(incomplete.error().message.fr.find("1 réponse obligatoire manquante."), std::string::npos) << incomplete.error().message.fr;
    save(id, "p.gate", "oui");  // opens p.detail, required
    EXPECT_ERROR_CODE(responses().submit(id, vendor_actor(id)), "incomplete");
    EXPECT_EQ(store->responses.find(id)->status, ResponseStatus::draft);

    save(id, "p.detail", "Détails");
    ASSERT_TRUE(responses().submit(id, vendor_actor(id)).ok());
    auto stored = store->responses.find(id);
    EXPECT_EQ(stored->status, ResponseStatus::submitted);
    EXPECT_FALSE(stored->submitted_at.empty());
    EXPECT_ERROR_CODE(responses().submit(id + 100, "vendor:0"), "not_found");
}

TEST_F(ResponseServiceTest, ReopenOnlyASubmittedResponse) {
    const Id draft = new_response();
    EXPECT_ERROR_CODE(responses().reopen(draft, kBuyerActor), "conflict");
    EXPECT_ERROR_CODE(responses().reopen(draft + 100, kBuyerActor), "not_found");

    const Id id = submitted_response();
    ASSERT_TRUE(responses().reopen(id, kBuyerActor).ok());
    EXPECT_EQ(store->responses.find(id)->status, ResponseStatus::draft);
    save(id, "p.gate", "oui");  // editable again
    EXPECT_EQ(store->responses.answer(id, "p.gate")->value, "oui");
}

TEST_F(ResponseServiceTest, AnsweringAClarificationAfterSubmission) {
    const Id id = submitted_response();
    EXPECT_TRUE(responses().open_clarifications(id).value().empty());
    review(id, ReviewInput{"p.gate", "clarification", "À vérifier", "Le poste est-il vraiment dédié ?"}, it_reviewer());
    auto open = responses().open_clarifications(id).value();
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].question_id, "p.gate");
    EXPECT_EQ(open[0].vendor_question, "Le poste est-il vraiment dédié ?");

    ASSERT_TRUE(responses().answer_clarification(id, "p.gate", json("oui"), "Oui, poste dédié.", vendor_actor(id)).ok());
    auto answer = store->responses.answer(id, "p.gate");
    EXPECT_EQ(answer->value, "oui");
    EXPECT_EQ(answer->comment, "Oui, poste dédié.");
    auto reviews = store->reviews.list_for(id).value();
    ASSERT_EQ(reviews.size(), 2u);
    EXPECT_EQ(reviews.back().status, "answered");
    EXPECT_EQ(reviews.back().author_role, "vendor");
    EXPECT_TRUE(responses().open_clarifications(id).value().empty());
    EXPECT_EQ(store->responses.find(id)->status, ResponseStatus::submitted);
    // Every other answer stays locked, and the clarification cannot be answered twice.
    EXPECT_ERROR_CODE(responses().save_answer(id, "p.detail", "x", std::nullopt, -1, vendor_actor(id)), "submitted");
    EXPECT_ERROR_CODE(responses().answer_clarification(id, "p.gate", std::nullopt, "Encore", vendor_actor(id)),
                      "not_found");
}

TEST_F(ResponseServiceTest, AnswerClarificationErrors) {
    const Id id = submitted_response();
    EXPECT_ERROR_CODE(responses().answer_clarification(id, "p.gate", std::nullopt, "Sans demande", vendor_actor(id)),
                      "not_found");
    review(id, ReviewInput{"p.gate", "clarification", "", "Précisez."}, biomedical_reviewer());
    EXPECT_ERROR_CODE(responses().answer_clarification(id, "p.gate", std::nullopt, "", vendor_actor(id)), "invalid_value");
    EXPECT_ERROR_CODE(responses().answer_clarification(id, "p.gate", std::nullopt, std::string(5001, 'x'), vendor_actor(id)),
                      "invalid_value");
    EXPECT_ERROR_CODE(responses().answer_clarification(id, "p.gate", json("peut-être"), "Voilà", vendor_actor(id)),
                      "invalid_value");
    EXPECT_EQ(responses().open_clarifications(id).value().size(), 1u);
    EXPECT_EQ(store->responses.answer(id, "p.gate")->comment, "");

    // Without a value, the stored value is kept and the explanation becomes the comment.
    ASSERT_TRUE(responses().answer_clarification(id, "p.gate", std::nullopt, "Confirmé", vendor_actor(id)).ok());
    EXPECT_EQ(store->responses.answer(id, "p.gate")->value, "non");
    EXPECT_EQ(store->responses.answer(id, "p.gate")->comment, "Confirmé");
}

}  // namespace
}  // namespace cyberachat::services::testing
