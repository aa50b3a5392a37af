// MDS2 workbooks (outputs/xlsx/mds2_workbook.hpp): the official HN 1-2019 layout and others in
// its spirit, written here with libxlsxwriter as Excel would, read into the statement's lines;
// a workbook without MDS2 rows refused; an upload dispatched to the workbook or the text reader.
#include "outputs/xlsx/mds2_workbook.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

using namespace cyberachat;
using namespace cyberachat::xlsx;

// Its own namespace: the unit tests are built in unity batches.
namespace mds2_workbook_test {

namespace {

// A sheet: rows of cells, each row from column A; "" leaves a cell empty; "#12" writes the number 12.
struct SheetSpec {
    std::string name;
    std::vector<std::vector<std::string>> rows;
    bool hidden = false;
};

std::string write_workbook(const std::vector<SheetSpec>& sheets) {
    char path[] = "/tmp/cyberachat-mds2-test-XXXXXX";
    const int fd = mkstemp(path);
    if (fd < 0) throw std::runtime_error("mkstemp");
    close(fd);
    lxw_workbook* workbook = workbook_new(path);
    for (const SheetSpec& spec : sheets) {
        lxw_worksheet* sheet = workbook_add_worksheet(workbook, spec.name.c_str());
        for (size_t r = 0; r < spec.rows.size(); ++r)
            for (size_t c = 0; c < spec.rows[r].size(); ++c) {
                const std::string& text = spec.rows[r][c];
                if (text.empty()) continue;
                if (text[0] == '#') worksheet_write_number(sheet, r, c, std::atof(text.c_str() + 1), nullptr);
                else worksheet_write_string(sheet, r, c, text.c_str(), nullptr);
            }
        if (spec.hidden) worksheet_hide(sheet);
    }
    if (workbook_close(workbook) != LXW_NO_ERROR) throw std::runtime_error("workbook_close");
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    std::remove(path);
    return bytes.str();
}

Mds2Statement read(const std::vector<SheetSpec>& sheets) {
    auto statement = read_mds2_file(write_workbook(sheets));
    if (!statement) throw std::runtime_error(statement.error().message.fr);
    return std::move(statement).value();
}

const Mds2Line* line_of(const Mds2Statement& statement, std::string_view id) {
    for (const Mds2Line& line : statement.lines)
        if (line.id == id) return &line;
    return nullptr;
}

// The official form: a title sheet, then the form with its headings, the ID in column B, the
// answer in D, a "Note #" column, the note, then the reference standards' columns.
const SheetSpec kTitleSheet{"Title Page",
                            {{"Manufacturer Disclosure Statement for Medical Device Security -- MDS2"},
                             {"", "DOC-1 to DOC-11 are on the next sheet"},  // no ID at the start of a cell: not a line
                             {"Document ID", "#1234"}}};

const SheetSpec kOfficialForm{
    "MDS2",
    {{"", "Manufacturer Disclosure Statement for Medical Device Security -- MDS2"},
     {"", "Question ID", "Question", "See note", "Note #", "Note", "IEC TR 80001-2-2:2012", "NIST SP 800-53 Rev. 4",
      "ISO 27002:2013"},
     {"", "DOCUMENTATION (DOC)"},
     {"", "DOC-1", "Manufacturer Name", "Acme Medical"},
     {"", "DOC-3", "Device Model", "X-200 (firmware 4.2)"},
     {"", "DOC-11", "Is the device Software as a Medical Device (i.e. software-only, no hardware)?", "No", "", "",
      "", "", ""},
     {"", "MALWARE DETECTION/PROTECTION (MLDP)"},
     {"", "MLDP-2",
      "Does the device support the use of anti-malware software (or other anti-malware mechanism)? Provide details or "
      "reference in notes.",
      "Yes", "#1", "Microsoft Defender, updated monthly", "MLDP", "SI-3", "A.12.2.1"},
     {"", "MLDP-2.1", "Does the device include anti-malware software by default?", "yes", "", "", "MLDP", "CM-5", "A.9.2.3"},
     {"", "MLDP-2.3", "Does the device documentation allow the owner/operator to install or update anti-malware software?",
      "N/A"},
     {"", "MLDP-2.4", "Can the device owner/operator independently (re-)configure anti-malware settings?"},
     {"", "PERSON AUTHENTICATION (PAUT)"},
     {"", "PAUT-4", "Are all default accounts (e.g., technician service accounts, administrator accounts) listed in the documentation?",
      "See note", "#2", "Service account documented in the service manual"},
     {"", "PAUT-5", "Can all passwords be changed?", "No"},
     {"", "PAUT-5", "Repeated further down", "Yes"}}};

}  // namespace

TEST(Mds2Workbook, TheOfficialLayoutGivesEachQuestionWithItsAnswerAndNote) {
    const Mds2Statement statement = read({kTitleSheet, kOfficialForm});
    std::vector<std::string> ids;
    for (const Mds2Line& line : statement.lines) ids.push_back(line.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"DOC-1", "DOC-3", "DOC-11", "MLDP-2", "MLDP-2.1", "MLDP-2.3", "MLDP-2.4", "PAUT-4",
                                             "PAUT-5"}));
    EXPECT_EQ(statement.duplicated, std::vector<std::string>{"PAUT-5"});

    // A text answer: the question, then what the manufacturer wrote.
    const Mds2Line* manufacturer = line_of(statement, "DOC-1");
    EXPECT_EQ(manufacturer->question, "Manufacturer Name");
    EXPECT_EQ(manufacturer->answer_text, "Acme Medical");
    EXPECT_EQ(manufacturer->answer, std::nullopt);
    EXPECT_EQ(manufacturer->line, 4);  // the row, as Excel numbers it
    EXPECT_EQ(line_of(statement, "DOC-3")->answer_text, "X-200 (firmware 4.2)");

    // Yes / No / N/A: the note is the text after the answer, without the "Note #" nor the references.
    const Mds2Line* malware = line_of(statement, "MLDP-2");
    EXPECT_EQ(malware->answer, Mds2Answer::yes);
    EXPECT_EQ(malware->answer_text, "Yes");
    EXPECT_EQ(malware->note, "Microsoft Defender, updated monthly");
    EXPECT_EQ(malware->question.rfind("Does the device support the use of anti-malware", 0), 0u);
    EXPECT_EQ(line_of(statement, "MLDP-2.1")->answer, Mds2Answer::yes);
    EXPECT_EQ(line_of(statement, "MLDP-2.1")->note, "");
    EXPECT_EQ(line_of(statement, "DOC-11")->answer, Mds2Answer::no);
    EXPECT_EQ(line_of(statement, "MLDP-2.3")->answer, Mds2Answer::not_applicable);
    EXPECT_EQ(line_of(statement, "MLDP-2.4")->answer, std::nullopt);  // left blank
    EXPECT_EQ(line_of(statement, "MLDP-2.4")->answer_text, "");

    const Mds2Line* accounts = line_of(statement, "PAUT-4");
    EXPECT_EQ(accounts->answer, std::nullopt);
    EXPECT_EQ(accounts->answer_text, "See note");
    EXPECT_EQ(accounts->note, "Service account documented in the service manual");  // without its "Note #"
    EXPECT_EQ(line_of(statement, "PAUT-5")->answer, Mds2Answer::no);  // the first of the two rows
}

TEST(Mds2Workbook, ASimplerLayoutWithTheIdInAAndTheAnswerInC) {
    const Mds2Statement statement = read({{"Feuil1",
                                           {{"ID", "Question", "Réponse", "Commentaire"},
                                            {"AUTH-1.1", "Federated credentials (LDAP, OAuth)?", "Oui", "Active Directory"},
                                            {"  RMOT-1.3 ", "Can patient data be viewed during the remote session?", "Non"},
                                            {"Section TXCF"},
                                            {"TXCF-2", "Is PII encrypted prior to transmission?", "YES", "TLS 1.2", "and 1.3"}}},
                                          {"Hidden", {{"SBOM-1", "Is the SBOM for this product available?", "Yes"}}, true}});
    ASSERT_EQ(statement.lines.size(), 4u);
    EXPECT_EQ(statement.lines[0].id, "AUTH-1.1");
    EXPECT_EQ(statement.lines[0].answer, Mds2Answer::yes);
    EXPECT_EQ(statement.lines[0].note, "Active Directory");
    EXPECT_EQ(statement.lines[1].id, "RMOT-1.3");
    EXPECT_EQ(statement.lines[1].answer, Mds2Answer::no);
    EXPECT_EQ(statement.lines[2].note, "TLS 1.2 and 1.3");
    EXPECT_EQ(statement.lines[2].line, 5);
    EXPECT_EQ(statement.lines[3].id, "SBOM-1");  // a hidden sheet is read too
}

TEST(Mds2Workbook, AWorkbookWithoutAnMds2RowIsRefused) {
    auto refused = read_mds2_file(write_workbook({{"Feuil1", {{"Question", "Answer"}, {"DOC 1", "Acme"}, {"doc-1", "Acme"}}}}));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::invalid_value);
    EXPECT_NE(refused.error().message.fr.find("aucune ligne du classeur"), std::string::npos);
    EXPECT_NE(refused.error().message.en.find("no row of the workbook"), std::string::npos);

    EXPECT_FALSE(read_mds2_workbook(WorkbookData{}).ok());
}

TEST(Mds2Workbook, AnUploadIsReadAsAWorkbookOrAsText) {
    auto text = read_mds2_file("MLDP-2;Anti-malware?;Yes;Defender\n");
    ASSERT_TRUE(text.ok()) << text.error().message.fr;
    ASSERT_EQ(text->lines.size(), 1u);
    EXPECT_EQ(text->lines[0].note, "Defender");

    auto not_mds2 = read_mds2_file("Bonjour");
    ASSERT_FALSE(not_mds2.ok());
    EXPECT_EQ(not_mds2.error().code, ErrorCode::invalid_value);

    // "PK" but not a workbook: the workbook reader's error passes through.
    auto broken = read_mds2_file(std::string("PK\x03\x04") + std::string(64, '\0'));
    ASSERT_FALSE(broken.ok());
    EXPECT_TRUE(broken.error().code == ErrorCode::not_xlsx || broken.error().code == ErrorCode::corrupt) << broken.error().code;

    // The limits reach the workbook reader.
    ReadLimits limits;
    limits.max_rows = 3;
    auto too_many = read_mds2_file(write_workbook({kOfficialForm}), limits);
    ASSERT_FALSE(too_many.ok());
    EXPECT_NE(too_many.error().message.fr.find("Classeur trop volumineux"), std::string::npos) << too_many.error().message.fr;
}

}  // namespace mds2_workbook_test
