#include "core/sbom.hpp"

#include <map>
#include <utility>

#include "core/bounded_json.hpp"
#include "core/utf8.hpp"

namespace cyberachat {
namespace {

using json = nlohmann::json;

constexpr size_t kMaxFieldCharacters = 1000;  // a name, a version, a purl: longer is not one

Error refused(const std::string& fr, const std::string& en) {
    return Error::make(ErrorCode::invalid_value, "SBOM refusé : " + fr, "SBOM refused: " + en);
}

// A string member, trimmed; "" when absent, not a string, or absurdly long.
std::string text_of(const json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string()) return {};
    std::string value = it->get<std::string>();
    const auto first = value.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    value = value.substr(first, value.find_last_not_of(" \t\r\n") - first + 1);
    if (longer_than(value, kMaxFieldCharacters)) return {};
    return value;
}

std::string lower(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

class Collector {
public:
    explicit Collector(Sbom& sbom) : sbom_(sbom) {}

    Result<void> add(SbomComponent component) {
        if (++sbom_.declared > kMaxSbomComponents)
            return refused("plus de " + std::to_string(kMaxSbomComponents) + " composants.",
                           "more than " + std::to_string(kMaxSbomComponents) + " components.");
        if (component.name.empty()) {
            ++sbom_.without_name;
            return {};
        }
        const auto key = std::make_pair(lower(component.name), lower(component.version));
        if (auto seen = index_.find(key); seen != index_.end()) {
            SbomComponent& kept = sbom_.components[seen->second];
            if (kept.supplier.empty()) kept.supplier = component.supplier;
            if (kept.identifier.empty()) kept.identifier = component.identifier;
            if (kept.type.empty()) kept.type = component.type;
            ++sbom_.merged_duplicates;
            return {};
        }
        if (component.type == "operating-system")
            sbom_.operating_systems.push_back(component.version.empty() ? component.name
                                                                        : component.name + " " + component.version);
        index_.emplace(key, sbom_.components.size());
        sbom_.components.push_back(std::move(component));
        return {};
    }

private:
    Sbom& sbom_;
    std::map<std::pair<std::string, std::string>, size_t> index_;
};

// CycloneDX: components[] (each possibly with its own components[]), read depth first without
// recursion (the nesting is bounded by the parse anyway).
Result<void> read_cyclonedx(const json& root, Sbom& sbom) {
    sbom.format = "CycloneDX";
    sbom.version = text_of(root, "specVersion");
    static const char* kSupported[] = {"1.2", "1.3", "1.4", "1.5", "1.6"};
    bool supported = false;
    for (const char* version : kSupported) supported = supported || sbom.version == version;
    if (!supported)
        return refused("CycloneDX « " + sbom.version + " » n'est pas pris en charge (versions 1.2 à 1.6, en JSON).",
                       "CycloneDX '" + sbom.version + "' is not supported (versions 1.2 to 1.6, as JSON).");
    if (const auto metadata = root.find("metadata"); metadata != root.end() && metadata->is_object())
        if (const auto subject = metadata->find("component"); subject != metadata->end() && subject->is_object()) {
            sbom.subject = text_of(*subject, "name");
            if (const std::string version = text_of(*subject, "version"); !version.empty() && !sbom.subject.empty())
                sbom.subject += " " + version;
        }
    Collector collector(sbom);
    std::vector<const json*> pending;
    const auto push_list = [&](const json& owner) -> Result<void> {
        const auto list = owner.find("components");
        if (list == owner.end() || list->is_null()) return {};
        if (!list->is_array()) return refused("« components » n'est pas une liste.", "'components' is not a list.");
        for (auto it = list->rbegin(); it != list->rend(); ++it) pending.push_back(&*it);
        return {};
    };
    TRY(push_list(root));
    while (!pending.empty()) {
        const json& item = *pending.back();
        pending.pop_back();
        if (!item.is_object()) return refused("un composant n'est pas un objet JSON.", "a component is not a JSON object.");
        SbomComponent component;
        component.name = text_of(item, "name");
        component.version = text_of(item, "version");
        component.type = lower(text_of(item, "type"));
        if (const auto supplier = item.find("supplier"); supplier != item.end() && supplier->is_object())
            component.supplier = text_of(*supplier, "name");
        if (component.supplier.empty()) component.supplier = text_of(item, "publisher");
        if (component.supplier.empty()) component.supplier = text_of(item, "author");
        component.identifier = text_of(item, "purl");
        if (component.identifier.empty()) component.identifier = text_of(item, "cpe");
        TRY(collector.add(std::move(component)));
        TRY(push_list(item));
    }
    return {};
}

// SPDX: packages[], the supplier as "Organization: X" / "Person: Y", identifiers in externalRefs.
Result<void> read_spdx(const json& root, Sbom& sbom) {
    sbom.format = "SPDX";
    const std::string declared = text_of(root, "spdxVersion");
    sbom.version = declared.rfind("SPDX-", 0) == 0 ? declared.substr(5) : declared;
    if (sbom.version != "2.2" && sbom.version != "2.3")
        return refused("SPDX « " + declared + " » n'est pas pris en charge (SPDX 2.2 et 2.3, en JSON).",
                       "SPDX '" + declared + "' is not supported (SPDX 2.2 and 2.3, as JSON).");
    const auto packages = root.find("packages");
    if (packages == root.end() || packages->is_null()) return {};
    if (!packages->is_array()) return refused("« packages » n'est pas une liste.", "'packages' is not a list.");
    Collector collector(sbom);
    for (const json& item : *packages) {
        if (!item.is_object()) return refused("un paquet n'est pas un objet JSON.", "a package is not a JSON object.");
        SbomComponent component;
        component.name = text_of(item, "name");
        component.version = text_of(item, "versionInfo");
        std::string supplier = text_of(item, "supplier");
        for (const char* prefix : {"Organization:", "Person:", "Tool:"})
            if (supplier.rfind(prefix, 0) == 0) supplier = supplier.substr(std::string_view(prefix).size());
        if (const auto first = supplier.find_first_not_of(' '); first != std::string::npos) supplier = supplier.substr(first);
        component.supplier = supplier == "NOASSERTION" || supplier == "NONE" ? std::string() : supplier;
        std::string purpose = lower(text_of(item, "primaryPackagePurpose"));
        for (char& c : purpose)
            if (c == '_') c = '-';
        component.type = purpose;
        std::string purl, cpe;
        if (const auto refs = item.find("externalRefs"); refs != item.end() && refs->is_array())
            for (const json& ref : *refs) {
                if (!ref.is_object()) continue;
                const std::string type = text_of(ref, "referenceType"), locator = text_of(ref, "referenceLocator");
                if (type == "purl" && purl.empty()) purl = locator;
                if ((type == "cpe23Type" || type == "cpe22Type") && cpe.empty()) cpe = locator;
            }
        component.identifier = !purl.empty() ? purl : cpe;
        TRY(collector.add(std::move(component)));
    }
    return {};
}

}  // namespace

Result<Sbom> parse_sbom(std::string_view text) {
    if (text.size() > kMaxSbomBytes)
        return refused("le fichier dépasse " + std::to_string(kMaxSbomBytes / (1024 * 1024)) + " Mo.",
                       "the file is larger than " + std::to_string(kMaxSbomBytes / (1024 * 1024)) + " MB.");
    auto parsed = parse_bounded_json(text);
    if (!parsed)
        return refused("ce n'est pas un document JSON lisible (" + parsed.error().message.fr + ").",
                       "this is not a readable JSON document (" + parsed.error().message.in(Language::en) + ").");
    const json root = std::move(parsed).value();
    Sbom sbom;
    if (!root.is_object())
        return refused("le document n'est ni un SBOM CycloneDX ni un SBOM SPDX.", "the document is neither a CycloneDX nor an SPDX SBOM.");
    if (text_of(root, "bomFormat") == "CycloneDX") {
        TRY(read_cyclonedx(root, sbom));
    } else if (root.contains("spdxVersion")) {
        TRY(read_spdx(root, sbom));
    } else {
        return refused("le document n'est ni un SBOM CycloneDX (« bomFormat »: « CycloneDX ») ni un SBOM SPDX "
                       "(« spdxVersion »). Un SBOM au format XML ou tag-value : exportez-le en JSON.",
                       "the document is neither a CycloneDX SBOM ('bomFormat': 'CycloneDX') nor an SPDX one "
                       "('spdxVersion'). For an XML or tag-value SBOM, export it as JSON.");
    }
    return sbom;
}

}  // namespace cyberachat
