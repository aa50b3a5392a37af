#include "core/end_of_support.hpp"

#include <algorithm>

#include "core/ascii_text.hpp"
#include "core/bounded_json.hpp"

namespace cyberachat {
namespace {

using json = nlohmann::json;

constexpr size_t kMaxDataDepth = 8;  // root → products → product → cycles → cycle: 5

Error data_refused(const std::string& fr, const std::string& en) {
    return Error::make(ErrorCode::invalid_value, "Données de fin de support refusées : " + fr,
                       "End-of-support data refused: " + en);
}

// Where a field is, for messages: "windows, cycle 10-22h2, eol".
std::string place(const std::string& product, const std::string& cycle, const char* field) {
    std::string where = product.empty() ? std::string("racine") : product;
    if (!cycle.empty()) where += ", cycle " + cycle;
    return where + ", " + field;
}
std::string place_en(const std::string& product, const std::string& cycle, const char* field) {
    std::string where = product.empty() ? std::string("root") : product;
    if (!cycle.empty()) where += ", cycle " + cycle;
    return where + ", " + field;
}

// An optional text field: a string, a number (written as in the file) or null.
Result<std::string> optional_text(const json& object, const char* key, const std::string& product,
                                  const std::string& cycle) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return std::string();
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number()) return it->dump();
    return data_refused("« " + place(product, cycle, key) + " » n'est pas un texte.",
                   "'" + place_en(product, cycle, key) + "' is not a text.");
}

Result<std::string> required_text(const json& object, const char* key, const std::string& product,
                                  const std::string& cycle) {
    TRY_ASSIGN(std::string value, optional_text(object, key, product, cycle));
    if (value.empty())
        return data_refused("« " + place(product, cycle, key) + " » manque.", "'" + place_en(product, cycle, key) + "' is missing.");
    return value;
}

Result<SupportDate> date_field(const json& cycle, const char* key, const std::string& product, const std::string& id) {
    const auto it = cycle.find(key);
    if (it == cycle.end() || it->is_null()) return SupportDate{};
    if (it->is_boolean()) return SupportDate{it->get<bool>() ? SupportDate::Kind::ended : SupportDate::Kind::open, ""};
    if (it->is_string() && is_iso_day(it->get_ref<const std::string&>()))
        return SupportDate{SupportDate::Kind::day, it->get<std::string>()};
    return data_refused("« " + place(product, id, key) + " » n'est ni une date AAAA-MM-JJ, ni true, ni false, ni null.",
                   "'" + place_en(product, id, key) + "' is neither a YYYY-MM-DD date, true, false nor null.");
}

Result<SupportCycle> read_cycle(const json& item, const std::string& product) {
    if (!item.is_object()) return data_refused("un cycle de « " + product + " » n'est pas un objet.", "a cycle of '" + product + "' is not an object.");
    SupportCycle cycle;
    TRY_ASSIGN(cycle.cycle, required_text(item, "cycle", product, ""));
    TRY_ASSIGN(cycle.label, optional_text(item, "label", product, cycle.cycle));
    TRY_ASSIGN(const SupportDate release, date_field(item, "release", product, cycle.cycle));
    cycle.release = release.day;
    TRY_ASSIGN(cycle.support_end, date_field(item, "support_end", product, cycle.cycle));
    TRY_ASSIGN(cycle.eol, date_field(item, "eol", product, cycle.cycle));
    TRY_ASSIGN(cycle.extended_support_end, date_field(item, "extended_support_end", product, cycle.cycle));
    TRY_ASSIGN(cycle.latest, optional_text(item, "latest", product, cycle.cycle));
    TRY_ASSIGN(cycle.link, optional_text(item, "link", product, cycle.cycle));
    if (const auto lts = item.find("lts"); lts != item.end())
        cycle.lts = (lts->is_boolean() && lts->get<bool>()) || lts->is_string();
    return cycle;
}

Result<SupportProduct> read_product(const std::string& key, const json& item) {
    if (!item.is_object()) return data_refused("le produit « " + key + " » n'est pas un objet.", "product '" + key + "' is not an object.");
    SupportProduct product;
    product.key = key;
    TRY_ASSIGN(product.title, required_text(item, "title", key, ""));
    TRY_ASSIGN(product.page, optional_text(item, "page", key, ""));
    TRY_ASSIGN(product.policy_link, optional_text(item, "policy_link", key, ""));
    if (const auto columns = item.find("columns"); columns != item.end() && columns->is_object()) {
        TRY_ASSIGN(product.columns.support_end, optional_text(*columns, "support_end", key, ""));
        TRY_ASSIGN(product.columns.eol, optional_text(*columns, "eol", key, ""));
        TRY_ASSIGN(product.columns.extended_support_end, optional_text(*columns, "extended_support_end", key, ""));
    }
    const auto cycles = item.find("cycles");
    if (cycles == item.end() || !cycles->is_array())
        return data_refused("« " + key + ", cycles » n'est pas une liste.", "'" + key + ", cycles' is not a list.");
    for (const json& entry : *cycles) {
        TRY_ASSIGN(SupportCycle cycle, read_cycle(entry, key));
        if (product.find_cycle(cycle.cycle))
            return data_refused("le cycle « " + cycle.cycle + " » de « " + key + " » est en double.",
                           "cycle '" + cycle.cycle + "' of '" + key + "' appears twice.");
        product.cycles.push_back(std::move(cycle));
    }
    return product;
}

std::string first_word(std::string_view text) {
    const std::string key = search_key(text);
    const size_t end = key.find_first_of(" ('");
    return key.substr(0, end);
}

}  // namespace

bool is_iso_day(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9') return false;
    return true;
}

const SupportCycle* SupportProduct::find_cycle(std::string_view id) const {
    for (const auto& cycle : cycles)
        if (cycle.cycle == id) return &cycle;
    return nullptr;
}

const SupportProduct* EndOfSupportData::find_product(std::string_view key) const {
    const auto it = std::lower_bound(products.begin(), products.end(), key,
                                     [](const SupportProduct& p, std::string_view k) { return p.key < k; });
    return it != products.end() && it->key == key ? &*it : nullptr;
}

std::string EndOfSupportData::citation() const {
    std::string text = "endoflife.date";
    if (!source_commit.empty()) text += ", commit " + source_commit.substr(0, 7);
    if (source_commit_date.size() >= 10) text += ", " + source_commit_date.substr(0, 10);
    return text;
}

SupportDate end_of_support(const SupportCycle& cycle) { return cycle.eol.known() ? cycle.eol : cycle.support_end; }

std::string cycle_display_name(const SupportProduct& product, const SupportCycle& cycle) {
    if (cycle.label.empty()) return product.title + " " + cycle.cycle;
    // The label names the product itself when its first word is a word of the title ("Windows
    // Server 2019", "macOS 12 (Monterey)", "AlmaLinux OS 8") or an older name of it ("OS X", "Mac OS X").
    const std::string word = first_word(cycle.label);
    const std::string title = " " + search_key(product.title) + " ";
    if (word == "os" || word == "mac" || (!word.empty() && title.find(" " + word + " ") != std::string::npos))
        return cycle.label;
    return product.title + " " + cycle.label;
}

Result<EndOfSupportData> parse_end_of_support(std::string_view text) {
    if (text.size() > kMaxEndOfSupportBytes)
        return Error::make(ErrorCode::too_large,
                           "Données de fin de support refusées : plus de " + std::to_string(kMaxEndOfSupportBytes / (1024 * 1024)) + " Mo.",
                           "End-of-support data refused: over " + std::to_string(kMaxEndOfSupportBytes / (1024 * 1024)) + " MB.");
    auto parsed = parse_bounded_json(text, kMaxDataDepth);
    if (!parsed.ok()) {
        Error error = parsed.error();
        error.message.fr = "Données de fin de support refusées : " + error.message.fr;
        error.message.en = "End-of-support data refused: " + error.message.en;
        return error;
    }
    const json& root = parsed.value();
    if (!root.is_object()) return data_refused("le fichier n'est pas un objet JSON.", "the file is not a JSON object.");
    EndOfSupportData data;
    TRY_ASSIGN(data.source, optional_text(root, "source", "", ""));
    TRY_ASSIGN(data.source_repository, optional_text(root, "source_repository", "", ""));
    TRY_ASSIGN(data.source_commit, optional_text(root, "source_commit", "", ""));
    TRY_ASSIGN(data.source_commit_date, optional_text(root, "source_commit_date", "", ""));
    TRY_ASSIGN(data.licence, optional_text(root, "licence", "", ""));
    const auto products = root.find("products");
    if (products == root.end() || !products->is_object() || products->empty())
        return data_refused("« products » manque ou n'est pas un objet non vide.", "'products' is missing or not a non-empty object.");
    for (const auto& [key, item] : products->items()) {
        TRY_ASSIGN(SupportProduct product, read_product(key, item));
        data.products.push_back(std::move(product));
    }
    std::sort(data.products.begin(), data.products.end(),
              [](const SupportProduct& a, const SupportProduct& b) { return a.key < b.key; });
    return data;
}

}  // namespace cyberachat
