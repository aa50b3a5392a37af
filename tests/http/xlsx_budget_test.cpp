// A hostile workbook against the real server: some tens of KB whose sharedStrings.xml unfolds
// into millions of empty <si/> elements. Both import endpoints answer 422 "Classeur trop
// volumineux : … / Workbook too large: …" without building the XML tree (memory stays low).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace xlsx_budget_http_test {

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// Written by Python's zipfile (Debian's /usr/bin/python3, not a pyenv one first on PATH).
std::string hostile_workbook() {
    char pattern[] = "/tmp/cyb-xlsx-budget-XXXXXX";
    const std::string dir = mkdtemp(pattern);
    const std::string script = dir + "/make.py", out = dir + "/bomb.xlsx";
    std::ofstream(script) << R"(import sys, zipfile
main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
pkg = 'http://schemas.openxmlformats.org/package/2006/relationships'
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr('_rels/.rels', f'<?xml version="1.0"?><Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr('xl/workbook.xml', f'<?xml version="1.0"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="Feuille1" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', f'<?xml version="1.0"?><Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    z.writestr('xl/worksheets/sheet1.xml', f'<?xml version="1.0"?><worksheet xmlns="{main}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>')
    z.writestr('xl/sharedStrings.xml', f'<?xml version="1.0"?><sst xmlns="{main}">' + '<si/>' * 6000000 + '</sst>')
)";
    const int status = std::system(("/usr/bin/python3 " + script + " " + out).c_str());
    std::string bytes = status == 0 ? read_all(out) : "";
    std::system(("rm -rf " + dir).c_str());
    return bytes;
}

long peak_rss_mib(int pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6)) / 1024;
    return -1;
}

TEST(XlsxBudgetHttp, AWorkbookOfMillionsOfEmptySharedStringsGets422OnBothImports) {
    const std::string bomb = hostile_workbook();
    ASSERT_FALSE(bomb.empty()) << "python3 zipfile failed";
    EXPECT_LT(bomb.size(), 100u * 1024) << "small on the wire";
    std::cout << "[ figures  ] hostile workbook: " << bomb.size() << " bytes, 30 MB of <si/> once inflated\n";

    ServerProcess server;
    const Invitation invitation = invite_vendor(server, create_acquisition(server));
    const httplib::MultipartFormDataItems form = {
        {"file", bomb, "reponses.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};

    auto hospital = server.api(server.api_token())
                        .Post("/api/v1/responses/" + std::to_string(invitation.response_id) + "/import", form);
    ASSERT_TRUE(hospital);
    EXPECT_EQ(hospital->status, 422) << hospital->body;
    const json refused = parse_json(hospital);
    EXPECT_EQ(refused["error"]["code"], "invalid_value") << hospital->body;
    EXPECT_EQ(refused["error"]["message"].get<std::string>().rfind("Classeur trop volumineux : ", 0), 0u) << hospital->body;
    EXPECT_NE(refused["error"]["message"].get<std::string>().find("sharedStrings.xml"), std::string::npos);

    auto vendor = server.api(invitation.token).Post("/api/v1/vendor/import?apply=1", form);  // an English-speaking vendor
    ASSERT_TRUE(vendor);
    EXPECT_EQ(vendor->status, 422) << vendor->body;
    EXPECT_EQ(parse_json(vendor)["error"]["message"].get<std::string>().rfind("Workbook too large: ", 0), 0u) << vendor->body;

    const long peak = peak_rss_mib(server.pid());
    std::cout << "[ figures  ] server peak RSS after two hostile imports: " << peak << " MiB\n";
    EXPECT_GT(peak, 0);
    EXPECT_LT(peak, 300) << "MiB: the 6 million elements were never built";
}

}  // namespace xlsx_budget_http_test
