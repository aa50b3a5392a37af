// normalize_answer: every answer kind, its canonical form and its errors (French and English).
#include "core/answer_validation.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace cyberachat;
using json = nlohmann::json;

namespace {

Question make(QuestionKind kind) {
    Question q;
    q.id = "t.q";
    q.kind = kind;
    q.label = {"Question", "Question"};
    return q;
}

Question choice_question(QuestionKind kind) {
    Question q = make(kind);
    q.choices = {
        {"hl7", {"HL7 (norme)", "HL7 (standard)"}},
        {"dicom", {"DICOM", "DICOM"}},
        {"autre", {"Autre", "Other"}},
    };
    return q;
}

json ok(const Question& q, const json& raw) {
    auto result = normalize_answer(q, raw);
    EXPECT_TRUE(result.ok()) << question_kind_name(q.kind) << " " << raw.dump() << " → "
                             << (result.ok() ? "" : result.error().message.fr);
    return result.ok() ? result.value() : json("<error>");
}

// Expects a rejection with a non-empty French and English message; returns the error.
Error rejected(const Question& q, const json& raw) {
    auto result = normalize_answer(q, raw);
    EXPECT_FALSE(result.ok()) << question_kind_name(q.kind) << " " << raw.dump() << " accepted as "
                              << (result.ok() ? result.value().dump() : "");
    if (result.ok()) return Error{};
    const Error& e = result.error();
    EXPECT_EQ(e.code, ErrorCode::invalid_value);
    EXPECT_FALSE(e.message.empty()) << raw.dump();
    EXPECT_FALSE(e.message.in(Language::en).empty()) << raw.dump();
    EXPECT_NE(e.message.fr, e.message.in(Language::en)) << "English message should be translated: " << e.message.fr;
    return e;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

// ---- empty input -------------------------------------------------------------------------------

TEST(AnswerValidation, EmptyInputIsNullForEveryKind) {
    for (QuestionKind kind : {QuestionKind::yes_no, QuestionKind::text, QuestionKind::long_text, QuestionKind::number,
                              QuestionKind::integer, QuestionKind::date, QuestionKind::email, QuestionKind::phone,
                              QuestionKind::single_choice, QuestionKind::multiple_choice, QuestionKind::document,
                              QuestionKind::table, QuestionKind::contact}) {
        Question q = choice_question(kind);
        q.fields = {{"nom", {"Nom", "Name"}, QuestionKind::text}};
        for (const json& raw : {json(), json(""), json("   \t "), json::array(), json::object()}) {
            auto result = normalize_answer(q, raw);
            ASSERT_TRUE(result.ok()) << question_kind_name(kind) << " " << raw.dump();
            EXPECT_TRUE(result.value().is_null()) << question_kind_name(kind) << " " << raw.dump() << " → "
                                                  << result.value().dump();
        }
    }
}

// ---- yes_no --------------------------------------------------------------------------------------

TEST(AnswerValidation, YesNoAcceptsFrenchEnglishAndBooleans) {
    Question q = make(QuestionKind::yes_no);
    for (const json& raw : {json("oui"), json("Oui"), json("OUI"), json(" oui "), json("yes"), json("Yes"),
                            json("true"), json("TRUE"), json(true)})
        EXPECT_EQ(ok(q, raw), "oui") << raw.dump();
    for (const json& raw : {json("non"), json("Non"), json("no"), json("NO"), json("false"), json(false)})
        EXPECT_EQ(ok(q, raw), "non") << raw.dump();
}

TEST(AnswerValidation, YesNoRejectsAnythingElse) {
    Question q = make(QuestionKind::yes_no);
    for (const json& raw : {json("peut-être"), json("ouii"), json("si"), json(1), json(0), json::array({"oui"}),
                            json{{"value", "oui"}}}) {
        Error e = rejected(q, raw);
        EXPECT_TRUE(contains(e.message.fr, "oui")) << e.message.fr;
        EXPECT_TRUE(contains(e.message.in(Language::en), "yes")) << e.message.in(Language::en);
    }
}

// ---- text, long_text -----------------------------------------------------------------------------

TEST(AnswerValidation, TextIsTrimmed) {
    Question q = make(QuestionKind::text);
    EXPECT_EQ(ok(q, "  Échographe  Vivid E95 \n"), "Échographe  Vivid E95");
    EXPECT_EQ(ok(q, "a"), "a");
}

TEST(AnswerValidation, TextFromNumberIsItsText) {
    Question q = make(QuestionKind::text);
    EXPECT_EQ(ok(q, 42), "42");
}

TEST(AnswerValidation, TextLengthLimit) {
    Question q = make(QuestionKind::text);
    EXPECT_EQ(ok(q, std::string(500, 'x')).get<std::string>().size(), 500u);
    EXPECT_EQ(ok(q, "  " + std::string(500, 'x') + "  ").get<std::string>().size(), 500u);  // trimmed first
    Error e = rejected(q, std::string(501, 'x'));
    EXPECT_TRUE(contains(e.message.fr, "500")) << e.message.fr;
    EXPECT_TRUE(contains(e.message.in(Language::en), "500")) << e.message.in(Language::en);
}

TEST(AnswerValidation, LongTextLengthLimit) {
    Question q = make(QuestionKind::long_text);
    std::string paragraph = "Ligne 1\n\nLigne 2";
    EXPECT_EQ(ok(q, paragraph), paragraph);  // inner line breaks are kept
    EXPECT_EQ(ok(q, std::string(20000, 'x')).get<std::string>().size(), 20000u);
    Error e = rejected(q, std::string(20001, 'x'));
    EXPECT_TRUE(contains(e.message.fr, "20000")) << e.message.fr;
    // long_text accepts what text refuses
    EXPECT_TRUE(normalize_answer(q, std::string(501, 'x')).ok());
}

TEST(AnswerValidation, TextRejectsStructures) {
    Question q = make(QuestionKind::text);
    rejected(q, json::array({"a"}));
    rejected(q, json{{"a", "b"}});
}

// ---- number, integer ------------------------------------------------------------------------------

TEST(AnswerValidation, NumberAcceptsFrenchAndEnglishForms) {
    Question q = make(QuestionKind::number);
    EXPECT_DOUBLE_EQ(ok(q, "12,5").get<double>(), 12.5);
    EXPECT_DOUBLE_EQ(ok(q, "12.5").get<double>(), 12.5);
    EXPECT_DOUBLE_EQ(ok(q, "1 234,5").get<double>(), 1234.5);
    EXPECT_DOUBLE_EQ(ok(q, "1\u00a0234,5").get<double>(), 1234.5);  // non-breaking space
    EXPECT_DOUBLE_EQ(ok(q, "1\u202f234").get<double>(), 1234.0);    // narrow non-breaking space
    EXPECT_DOUBLE_EQ(ok(q, " 24 ").get<double>(), 24.0);
    EXPECT_DOUBLE_EQ(ok(q, "-2").get<double>(), -2.0);
    EXPECT_DOUBLE_EQ(ok(q, "+3").get<double>(), 3.0);
    EXPECT_DOUBLE_EQ(ok(q, "0,25").get<double>(), 0.25);
    EXPECT_DOUBLE_EQ(ok(q, 7).get<double>(), 7.0);
    EXPECT_DOUBLE_EQ(ok(q, 2.75).get<double>(), 2.75);
    EXPECT_TRUE(ok(q, "12,5").is_number());
}

TEST(AnswerValidation, NumberRejectsGarbage) {
    Question q = make(QuestionKind::number);
    for (const json& raw : {json("abc"), json("12 Go"), json("12,5,3"), json("1.2.3"), json("--2"), json("inf"),
                            json("nan"), json(true), json::array({1})}) {
        Error e = rejected(q, raw);
        EXPECT_TRUE(contains(e.message.fr, "12,5")) << e.message.fr;     // French example with a comma
        EXPECT_TRUE(contains(e.message.in(Language::en), "12.5")) << e.message.in(Language::en);
    }
}

TEST(AnswerValidation, NumberBoundsAreInclusive) {
    Question q = make(QuestionKind::number);
    q.min = 0.5;
    q.max = 100;
    EXPECT_DOUBLE_EQ(ok(q, "0,5").get<double>(), 0.5);
    EXPECT_DOUBLE_EQ(ok(q, "100").get<double>(), 100.0);
    Error low = rejected(q, "0,4");
    EXPECT_TRUE(contains(low.message.fr, "0,5")) << low.message.fr;
    EXPECT_TRUE(contains(low.message.fr, "au moins")) << low.message.fr;
    EXPECT_TRUE(contains(low.message.in(Language::en), "at least")) << low.message.in(Language::en);
    Error high = rejected(q, 100.01);
    EXPECT_TRUE(contains(high.message.fr, "100")) << high.message.fr;
    EXPECT_TRUE(contains(high.message.fr, "au plus")) << high.message.fr;
    EXPECT_TRUE(contains(high.message.in(Language::en), "at most")) << high.message.in(Language::en);
}

TEST(AnswerValidation, NumberOnlyMin) {
    Question q = make(QuestionKind::number);
    q.min = 0;
    EXPECT_DOUBLE_EQ(ok(q, "1e6").get<double>(), 1e6);
    rejected(q, "-1");
}

TEST(AnswerValidation, IntegerAcceptsWholeNumbers) {
    Question q = make(QuestionKind::integer);
    json three = ok(q, "3");
    EXPECT_TRUE(three.is_number_integer()) << three.dump();
    EXPECT_EQ(three.get<long long>(), 3);
    EXPECT_EQ(ok(q, "1 000").get<long long>(), 1000);
    EXPECT_EQ(ok(q, 12).get<long long>(), 12);
    EXPECT_TRUE(ok(q, "4,0").is_number_integer());
    EXPECT_EQ(ok(q, "-7").get<long long>(), -7);
}

TEST(AnswerValidation, IntegerRejectsDecimals) {
    Question q = make(QuestionKind::integer);
    for (const json& raw : {json("3,5"), json("2.1"), json(0.5)}) {
        Error e = rejected(q, raw);
        EXPECT_TRUE(contains(e.message.fr, "entier")) << e.message.fr;
        EXPECT_TRUE(contains(e.message.in(Language::en), "whole")) << e.message.in(Language::en);
    }
    Error e = rejected(q, "trois");
    EXPECT_TRUE(contains(e.message.fr, "entier")) << e.message.fr;
}

TEST(AnswerValidation, IntegerBounds) {
    Question q = make(QuestionKind::integer);
    q.min = 1;
    q.max = 10;
    EXPECT_EQ(ok(q, "1").get<long long>(), 1);
    EXPECT_EQ(ok(q, "10").get<long long>(), 10);
    rejected(q, "0");
    rejected(q, "11");
}

// ---- date -----------------------------------------------------------------------------------------

TEST(AnswerValidation, DateIsoAndFrenchForms) {
    Question q = make(QuestionKind::date);
    EXPECT_EQ(ok(q, "2026-03-31"), "2026-03-31");
    EXPECT_EQ(ok(q, "31/03/2026"), "2026-03-31");
    EXPECT_EQ(ok(q, "01/12/1999"), "1999-12-01");
    EXPECT_EQ(ok(q, " 2026-01-05 "), "2026-01-05");
}

TEST(AnswerValidation, DateRejectsImpossibleDays) {
    Question q = make(QuestionKind::date);
    for (const char* raw : {"31/02/2026", "2026-02-30", "31/04/2026", "2026-13-01", "00/01/2026", "2026-01-00",
                            "32/01/2026"}) {
        Error e = rejected(q, raw);
        EXPECT_TRUE(contains(e.message.fr, "JJ/MM/AAAA")) << e.message.fr;
        EXPECT_TRUE(contains(e.message.in(Language::en), "YYYY-MM-DD")) << e.message.in(Language::en);
    }
}

TEST(AnswerValidation, DateLeapYears) {
    Question q = make(QuestionKind::date);
    EXPECT_EQ(ok(q, "29/02/2024"), "2024-02-29");
    EXPECT_EQ(ok(q, "2000-02-29"), "2000-02-29");  // divisible by 400
    rejected(q, "29/02/2023");
    rejected(q, "1900-02-29");  // divisible by 100, not by 400
    rejected(q, "2100-02-29");
}

TEST(AnswerValidation, DateRejectsOtherForms) {
    Question q = make(QuestionKind::date);
    for (const json& raw : {json("31-03-2026"), json("2026/03/31"), json("31/03/26"), json("mars 2026"),
                            json("2026-03-31T10:00"), json("2026-03-31x"), json(20260331), json("1/3/2026")})
        rejected(q, raw);
}

// ---- email ----------------------------------------------------------------------------------------

TEST(AnswerValidation, EmailValid) {
    Question q = make(QuestionKind::email);
    EXPECT_EQ(ok(q, "nom@exemple.fr"), "nom@exemple.fr");
    EXPECT_EQ(ok(q, "  Prenom.Nom+achat@chu-exemple.fr "), "Prenom.Nom+achat@chu-exemple.fr");
    EXPECT_EQ(ok(q, "a@b.c.d"), "a@b.c.d");
}

TEST(AnswerValidation, EmailInvalid) {
    Question q = make(QuestionKind::email);
    for (const char* raw : {"nom", "nom@", "@exemple.fr", "nom@exemple", "nom@@exemple.fr", "a@b@c.fr",
                            "nom@exemple.fr.", "nom@.fr", "nom@exemple..fr", "pre nom@exemple.fr",
                            "a@b.fr, c@d.fr", "a@b.fr;c@d.fr", "<a@b.fr>"}) {
        Error e = rejected(q, raw);
        EXPECT_TRUE(contains(e.message.fr, "e-mail")) << raw << ": " << e.message.fr;
    }
    rejected(q, std::string(250, 'a') + "@b.fr");  // longer than 254
}

// ---- phone ----------------------------------------------------------------------------------------

TEST(AnswerValidation, PhoneValid) {
    Question q = make(QuestionKind::phone);
    EXPECT_EQ(ok(q, "01 23 45 67 89"), "01 23 45 67 89");
    EXPECT_EQ(ok(q, "+33 1 23 45 67 89"), "+33 1 23 45 67 89");
    EXPECT_EQ(ok(q, "(01) 23.45-67-89"), "(01) 23.45-67-89");
    EXPECT_EQ(ok(q, " 123456 "), "123456");             // 6 digits
    EXPECT_EQ(ok(q, std::string(20, '1')), std::string(20, '1'));  // 20 digits
    EXPECT_EQ(ok(q, 123456789), "123456789");
}

TEST(AnswerValidation, PhoneInvalid) {
    Question q = make(QuestionKind::phone);
    for (const std::string& raw : std::vector<std::string>{"12345", "01 23 45 67 8a", "01/23/45/67/89", "poste 1234",
                                                          std::string(21, '1'), "+33 (0)"}) {
        Error e = rejected(q, raw);
        EXPECT_TRUE(contains(e.message.fr, "téléphone")) << e.message.fr;
        EXPECT_TRUE(contains(e.message.in(Language::en), "telephone")) << e.message.in(Language::en);
    }
}

// ---- single_choice, multiple_choice ------------------------------------------------------------------

TEST(AnswerValidation, SingleChoiceByIdOrLabel) {
    Question q = choice_question(QuestionKind::single_choice);
    EXPECT_EQ(ok(q, "dicom"), "dicom");
    EXPECT_EQ(ok(q, " dicom "), "dicom");
    EXPECT_EQ(ok(q, "HL7 (norme)"), "hl7");     // French label
    EXPECT_EQ(ok(q, "HL7 (standard)"), "hl7");  // English label
    EXPECT_EQ(ok(q, "Other"), "autre");
}

TEST(AnswerValidation, SingleChoiceUnknown) {
    Question q = choice_question(QuestionKind::single_choice);
    for (const json& raw : {json("fhir"), json("DICOM2"), json("Dicom"), json(1), json::array({"dicom"})}) {
        Error e = rejected(q, raw);
        EXPECT_TRUE(contains(e.message.fr, "hl7, dicom, autre")) << e.message.fr;  // lists what is allowed
        EXPECT_TRUE(contains(e.message.in(Language::en), "hl7, dicom, autre")) << e.message.in(Language::en);
    }
}

TEST(AnswerValidation, MultipleChoiceDedupesKeepingOrder) {
    Question q = choice_question(QuestionKind::multiple_choice);
    EXPECT_EQ(ok(q, json::array({"dicom", "hl7", "dicom", "HL7 (norme)"})), json::array({"dicom", "hl7"}));
    EXPECT_EQ(ok(q, json::array({"autre"})), json::array({"autre"}));
    EXPECT_EQ(ok(q, "dicom"), json::array({"dicom"}));  // a single value is a list of one
}

TEST(AnswerValidation, MultipleChoiceUnknown) {
    Question q = choice_question(QuestionKind::multiple_choice);
    Error e = rejected(q, json::array({"dicom", "fhir"}));
    EXPECT_TRUE(contains(e.message.fr, "hl7, dicom, autre")) << e.message.fr;
    rejected(q, json::array({json::array({"dicom"})}));
    rejected(q, json{{"dicom", true}});
}

// ---- document -------------------------------------------------------------------------------------

TEST(AnswerValidation, Document) {
    Question q = make(QuestionKind::document);
    EXPECT_EQ(ok(q, "doc-1"), json::array({"doc-1"}));
    EXPECT_EQ(ok(q, 12), json::array({12}));
    json object = {{"id", 3}, {"name", "certificat.pdf"}};
    EXPECT_EQ(ok(q, json::array({"a", object})), json::array({"a", object}));
    EXPECT_EQ(ok(q, json::array({nullptr, "a"})), json::array({"a"}));
    EXPECT_TRUE(ok(q, json::array({nullptr})).is_null());
}

TEST(AnswerValidation, DocumentInvalidReference) {
    Question q = make(QuestionKind::document);
    for (const json& raw : {json::array({true}), json::array({"a", 2.5}), json::array({""}),
                            json::array({json::array({"a"})})}) {
        Error e = rejected(q, raw);
        EXPECT_TRUE(contains(e.message.fr, "document")) << e.message.fr;
    }
}

// ---- table ----------------------------------------------------------------------------------------

namespace {

Question table_question() {
    Question q = make(QuestionKind::table);
    q.fields = {
        {"nom", {"Nom", "Name"}, QuestionKind::text},
        {"version", {"Version", "Version"}, QuestionKind::integer},
        {"taille", {"Taille", "Size"}, QuestionKind::number},
        {"archive", {"Archivage", "Archiving"}, QuestionKind::yes_no},
        {"date", {"Date", "Date"}, QuestionKind::date},
    };
    return q;
}

}  // namespace

TEST(AnswerValidation, TableNormalizesEachColumnByItsKind) {
    Question q = table_question();
    json rows = ok(q, json::array({
                          {{"nom", " Windows "}, {"version", "10"}, {"taille", "2,5"}, {"archive", "Oui"},
                           {"date", "31/03/2026"}},
                          {{"nom", "Linux"}, {"archive", false}},
                      }));
    json expected = json::array({
        {{"nom", "Windows"}, {"version", 10}, {"taille", 2.5}, {"archive", "oui"}, {"date", "2026-03-31"}},
        {{"nom", "Linux"}, {"archive", "non"}},
    });
    EXPECT_EQ(rows, expected);
    EXPECT_TRUE(rows[0]["version"].is_number_integer());
}

TEST(AnswerValidation, TableDropsEmptyCellsAndRows) {
    Question q = table_question();
    EXPECT_EQ(ok(q, json::array({{{"nom", "A"}, {"version", ""}}, {{"nom", "  "}}, json::object()})),
              json::array({{{"nom", "A"}}}));
    EXPECT_TRUE(ok(q, json::array({{{"nom", ""}}})).is_null());
}

TEST(AnswerValidation, TableUnknownColumn) {
    Question q = table_question();
    Error e = rejected(q, json::array({{{"nom", "A"}, {"editeur", "X"}}}));
    EXPECT_TRUE(contains(e.message.fr, "editeur")) << e.message.fr;
    EXPECT_TRUE(contains(e.message.fr, "Ligne 1")) << e.message.fr;
    EXPECT_TRUE(contains(e.message.in(Language::en), "editeur")) << e.message.in(Language::en);
    EXPECT_TRUE(contains(e.message.in(Language::en), "Row 1")) << e.message.in(Language::en);
}

TEST(AnswerValidation, TableInvalidCellNamesRowAndColumn) {
    Question q = table_question();
    Error e = rejected(q, json::array({{{"nom", "A"}, {"version", "1"}}, {{"nom", "B"}, {"version", "1,5"}}}));
    EXPECT_TRUE(contains(e.message.fr, "Ligne 2")) << e.message.fr;
    EXPECT_TRUE(contains(e.message.fr, "Version")) << e.message.fr;
    EXPECT_TRUE(contains(e.message.fr, "entier")) << e.message.fr;  // the cell's own message
    EXPECT_TRUE(contains(e.message.in(Language::en), "Row 2")) << e.message.in(Language::en);
    EXPECT_TRUE(contains(e.message.in(Language::en), "whole")) << e.message.in(Language::en);

    Error third = rejected(q, json::array({{{"nom", "A"}}, {{"nom", "B"}}, {{"date", "30/02/2026"}}}));
    EXPECT_TRUE(contains(third.message.fr, "Ligne 3")) << third.message.fr;
    EXPECT_TRUE(contains(third.message.in(Language::en), "Row 3")) << third.message.in(Language::en);
}

TEST(AnswerValidation, TableRequiresAListOfObjects) {
    Question q = table_question();
    rejected(q, json{{"nom", "A"}});
    rejected(q, "A");
    Error e = rejected(q, json::array({"A"}));
    EXPECT_TRUE(contains(e.message.fr, "Ligne 1")) << e.message.fr;
}

TEST(AnswerValidation, TableRowLimit) {
    Question q = table_question();
    json rows = json::array();
    for (int i = 0; i < 500; ++i) rows.push_back({{"nom", "r" + std::to_string(i)}});
    EXPECT_EQ(ok(q, rows).size(), 500u);
    rows.push_back({{"nom", "r500"}});
    Error e = rejected(q, rows);
    EXPECT_TRUE(contains(e.message.fr, "500")) << e.message.fr;
}

// ---- contact --------------------------------------------------------------------------------------

TEST(AnswerValidation, StandardContactFields) {
    const auto& fields = standard_contact_fields();
    std::vector<std::string> ids;
    for (const auto& f : fields) {
        ids.push_back(f.id);
        EXPECT_FALSE(f.label.fr.empty());
        EXPECT_FALSE(f.label.en.empty());
    }
    EXPECT_EQ(ids, (std::vector<std::string>{"nom", "prenom", "fonction", "coordonnees", "telephone", "email"}));
}

TEST(AnswerValidation, ContactWithStandardFields) {
    Question q = make(QuestionKind::contact);  // no fields declared: the six standard ones
    json contact = ok(q, {{"nom", " Dupont "},
                          {"prenom", "Marie"},
                          {"fonction", "Ingénieure biomédicale"},
                          {"coordonnees", "CHU Exemple\n1 rue de l'Hôpital"},
                          {"telephone", "01 23 45 67 89"},
                          {"email", "marie.dupont@chu-exemple.fr"}});
    EXPECT_EQ(contact, (json{{"nom", "Dupont"},
                             {"prenom", "Marie"},
                             {"fonction", "Ingénieure biomédicale"},
                             {"coordonnees", "CHU Exemple\n1 rue de l'Hôpital"},
                             {"telephone", "01 23 45 67 89"},
                             {"email", "marie.dupont@chu-exemple.fr"}}));
    EXPECT_EQ(ok(q, {{"nom", "Dupont"}, {"email", ""}}), (json{{"nom", "Dupont"}}));
    EXPECT_TRUE(ok(q, {{"nom", " "}}).is_null());
}

TEST(AnswerValidation, ContactBadEmail) {
    Question q = make(QuestionKind::contact);
    Error e = rejected(q, {{"nom", "Dupont"}, {"email", "dupont-at-chu.fr"}});
    EXPECT_TRUE(contains(e.message.fr, "Email")) << e.message.fr;
    EXPECT_TRUE(contains(e.message.fr, "e-mail")) << e.message.fr;
    EXPECT_TRUE(contains(e.message.in(Language::en), "E-mail")) << e.message.in(Language::en);
}

TEST(AnswerValidation, ContactBadPhone) {
    Question q = make(QuestionKind::contact);
    Error e = rejected(q, {{"telephone", "12"}});
    EXPECT_TRUE(contains(e.message.fr, "Téléphone")) << e.message.fr;
    EXPECT_TRUE(contains(e.message.in(Language::en), "Telephone")) << e.message.in(Language::en);
}

TEST(AnswerValidation, ContactUnknownFieldAndWrongShape) {
    Question q = make(QuestionKind::contact);
    Error e = rejected(q, {{"nom", "Dupont"}, {"fax", "01 23 45 67 89"}});
    EXPECT_TRUE(contains(e.message.fr, "fax")) << e.message.fr;
    EXPECT_TRUE(contains(e.message.in(Language::en), "fax")) << e.message.in(Language::en);
    rejected(q, "Marie Dupont");
    rejected(q, json::array({{{"nom", "Dupont"}}}));
}

TEST(AnswerValidation, ContactWithDeclaredFields) {
    Question q = make(QuestionKind::contact);
    q.fields = {{"service", {"Service", "Department"}, QuestionKind::text},
                {"email", {"Courriel", "Email"}, QuestionKind::email}};
    EXPECT_EQ(ok(q, {{"service", "Biomédical"}}), (json{{"service", "Biomédical"}}));
    rejected(q, {{"nom", "Dupont"}});  // not one of the declared fields
    Error e = rejected(q, {{"email", "x"}});
    EXPECT_TRUE(contains(e.message.fr, "Courriel")) << e.message.fr;
}

// ---- edge cases found in review ----------------------------------------------------------------

TEST(AnswerValidation, TextLengthCountsCharactersNotBytes) {
    Question q = make(QuestionKind::text);
    std::string accented;
    for (int i = 0; i < 500; ++i) accented += "é";  // 500 characters, 1000 bytes
    EXPECT_EQ(ok(q, accented), accented);
    rejected(q, accented + "é");
}

TEST(AnswerValidation, TextRejectsMalformedUtf8) {
    Question q = make(QuestionKind::text);
    Error e = rejected(q, std::string("abc\xff"));
    EXPECT_TRUE(contains(e.message.fr, "UTF-8")) << e.message.fr;
    rejected(q, std::string("\xc3"));          // truncated sequence
    rejected(q, std::string("\xc0\xaf"));      // overlong '/'
    rejected(q, std::string("\xed\xa0\x80"));  // a surrogate
    EXPECT_EQ(ok(q, "Données de santé 🏥"), "Données de santé 🏥");
}

TEST(AnswerValidation, NumberBoundsAreWrittenInTheReadersLanguage) {
    Question q = make(QuestionKind::number);
    q.min = 0.5;
    Error low = rejected(q, "0,1");
    EXPECT_TRUE(contains(low.message.fr, "0,5")) << low.message.fr;
    EXPECT_TRUE(contains(low.message.in(Language::en), "0.5")) << low.message.in(Language::en);
    EXPECT_FALSE(contains(low.message.in(Language::en), "0,5")) << low.message.in(Language::en);
}

TEST(AnswerValidation, IntegerTooLargeToHoldExactlyIsRefused) {
    Question q = make(QuestionKind::integer);
    EXPECT_EQ(ok(q, "9007199254740992").get<long long>(), 9007199254740992LL);
    Error e = rejected(q, "1e300");
    EXPECT_TRUE(contains(e.message.fr, "trop grand")) << e.message.fr;
    rejected(q, 1e19);
    rejected(q, "-99999999999999999999");
}

TEST(AnswerValidation, DateDigitsOnlyWhereDigitsAreExpected) {
    Question q = make(QuestionKind::date);
    EXPECT_EQ(ok(q, "2026-01-05"), "2026-01-05");
    EXPECT_EQ(ok(q, "05/01/2026"), "2026-01-05");
    rejected(q, "2026- 1-05");
    rejected(q, "2026-+1-05");
    rejected(q, " 5/01/2026x");
    rejected(q, "5/1/2026  ");
    rejected(q, "2026/01/05");
}

TEST(AnswerValidation, ChoiceWithoutEnglishLabelIsNotMatchedByEmptyText) {
    Question q = make(QuestionKind::single_choice);
    q.choices = {{"local", {"Local", ""}}};
    EXPECT_EQ(ok(q, "Local"), "local");
    EXPECT_EQ(q.find_choice(""), nullptr);
}

TEST(AnswerValidation, EmailAndDateCheckedOnTextsThatAreNotAnswers) {
    auto email = validate_email("  Achat@Exemple.fr ");
    ASSERT_TRUE(email.ok());
    EXPECT_EQ(*email, "Achat@Exemple.fr");
    EXPECT_FALSE(validate_email("").ok());
    EXPECT_FALSE(validate_email("achat@exemple").ok());
    const Result<std::string> refused = validate_email("a b@exemple.fr");
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(contains(refused.error().message.fr, "adresse e-mail")) << refused.error().message.fr;

    auto date = validate_date("31/12/2026");
    ASSERT_TRUE(date.ok());
    EXPECT_EQ(*date, "2026-12-31");
    EXPECT_EQ(*validate_date("2028-02-29"), "2028-02-29");
    EXPECT_FALSE(validate_date("2027-02-29").ok());
    EXPECT_FALSE(validate_date("").ok());
}
