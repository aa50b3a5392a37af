#include "definition/mds2_crosswalk_loader.hpp"

#include <set>
#include <stdexcept>

#include "definition/builtin_questionnaire.hpp"
#include "definition/yaml_reader.hpp"
#include "embedded_files.hpp"

namespace cyberachat {
namespace {

using namespace definition_detail;

constexpr const char* kFileName = "mds2-crosswalk.yaml";
// The built-in file is some 30 KB: a crosswalk is a short list, held well below the loaders' 8 MB.
constexpr size_t kMaxCrosswalkBytes = 1024 * 1024;
constexpr size_t kMaxMappings = 1000;
constexpr size_t kMaxSources = 100;  // in one mapping

class CrosswalkLoader : YamlReader {
public:
    explicit CrosswalkLoader(const Questionnaire& questionnaire) : YamlReader(kFileName), questionnaire_(questionnaire) {}

    Result<Mds2Crosswalk> load(std::string_view text) {
        Mds2Crosswalk crosswalk;
        if (const auto root = parse(text, kMaxCrosswalkBytes)) guarded([&] { read_root(*root, crosswalk); });
        if (errors_.empty()) return crosswalk;
        return refused();
    }

private:
    Error refused() const {
        std::string lines;
        nlohmann::json list = nlohmann::json::array();
        for (const DefinitionError& error : errors_) {
            lines += "\n" + error.to_string();
            list.push_back({{"line", error.line}, {"subject", error.subject}, {"message", error.message}, {"text", error.to_string()}});
        }
        const std::string count = std::to_string(errors_.size());
        return Error::make(ErrorCode::invalid_value,
                           "Table de correspondance MDS2 refusée (" + count + (errors_.size() == 1 ? " erreur" : " erreurs") +
                               ") :" + lines,
                           "MDS2 crosswalk refused (" + count + (errors_.size() == 1 ? " error" : " errors") +
                               ", described in French):" + lines)
            .with_payload({{"errors", std::move(list)}});
    }

    void read_root(const YAML::Node& root, Mds2Crosswalk& crosswalk) {
        if (!expect_map(root, "", "le document")) return;
        check_keys(root, "", {"crosswalk", "mappings"});
        const YAML::Node header = root["crosswalk"];
        if (!header) {
            error(1, "", "section « crosswalk » manquante (version, form)");
        } else if (expect_map(header, "", "« crosswalk »")) {
            check_keys(header, "crosswalk", {"version", "form"});
            crosswalk.version = scalar(header, "crosswalk", "version", true).value_or("");
            crosswalk.form = scalar(header, "crosswalk", "form", true).value_or("");
        }
        const YAML::Node mappings = root["mappings"];
        if (!mappings || !mappings.IsSequence() || mappings.size() == 0) {
            error(mappings ? line_of(mappings) : 1, "", "« mappings » doit être une liste non vide de correspondances");
            return;
        }
        if (mappings.size() > kMaxMappings) {
            error(line_of(mappings), "", "trop de correspondances : " + std::to_string(kMaxMappings) + " au plus");
            return;
        }
        for (const auto& node : mappings)
            if (auto mapping = read_mapping(node)) crosswalk.mappings.push_back(std::move(*mapping));
    }

    std::optional<Mds2Mapping> read_mapping(const YAML::Node& node) {
        if (!expect_map(node, "", "une correspondance")) return std::nullopt;
        const size_t errors_before = errors_.size();
        check_keys(node, "correspondance", {"question", "sources", "transform", "rationale"});
        Mds2Mapping mapping;
        mapping.question_id = scalar(node, "correspondance", "question", true).value_or("");
        const std::string subject = "correspondance '" + mapping.question_id + "'";
        const Question* question = mapping.question_id.empty() ? nullptr : questionnaire_.find_question(mapping.question_id);
        if (!mapping.question_id.empty() && !question)
            error(line_of(node["question"]), subject,
                  "question inconnue « " + mapping.question_id + " » dans le questionnaire « " + questionnaire_.id + " »");
        if (question && !mapped_.insert(question->id).second)
            error(line_of(node["question"]), subject, "deux correspondances pour la même question (une seule par question)");
        read_sources(node, subject, mapping);
        if (auto name = scalar(node, subject, "transform", true)) {
            if (auto transform = parse_mds2_transform(*name)) {
                mapping.transform = *transform;
                if (question && !mds2_transform_fits(*transform, question->kind))
                    error(line_of(node["transform"]), subject,
                          "la transformation « " + *name + " » ne convient pas à une question de type « " +
                              std::string(question_kind_name(question->kind)) + " » (" + fitting_transforms(question->kind) +
                              ")");
            } else {
                error(line_of(node["transform"]), subject,
                      "transformation inconnue « " + *name + " » (yes_no, yes_no_inverted, all_yes, any_yes, text ou notes)");
            }
        }
        mapping.rationale = localized(node, subject, "rationale", true);
        if (errors_.size() != errors_before) return std::nullopt;
        return mapping;
    }

    void read_sources(const YAML::Node& node, const std::string& subject, Mds2Mapping& mapping) {
        const YAML::Node sources = node["sources"];
        if (!sources || sources.IsNull()) {
            error(line_of(node), subject, "clé « sources » manquante (les identifiants MDS2 lus, par exemple [MLDP-2, MLDP-2.1])");
            return;
        }
        std::vector<YAML::Node> items;
        if (sources.IsScalar()) items.push_back(sources);
        else if (sources.IsSequence()) for (const auto& item : sources) items.push_back(item);
        if (items.empty()) {
            error(line_of(sources), subject, "« sources » doit être un identifiant MDS2 ou une liste non vide d'identifiants");
            return;
        }
        if (items.size() > kMaxSources) {
            error(line_of(sources), subject, "trop de sources : " + std::to_string(kMaxSources) + " au plus");
            return;
        }
        std::set<std::string> seen;
        for (const YAML::Node& item : items) {
            if (!item.IsScalar()) {
                error(line_of(item), subject, "« sources » : chaque source doit être un texte");
                continue;
            }
            const std::string source = item.Scalar();
            if (!is_mds2_source(source)) {
                error(line_of(item), subject,
                      "source « " + source +
                          " » invalide : un identifiant MDS2 (« PAUT-4 », « CSUP-2.1 »), une section (« AUDT-* ») ou les "
                          "sous-questions d'une question (« CSUP-2.* »)");
            } else if (!seen.insert(source).second) {
                error(line_of(item), subject, "source « " + source + " » donnée deux fois");
            } else {
                mapping.sources.push_back(source);
            }
        }
    }

    static std::string fitting_transforms(QuestionKind kind) {
        std::string list;
        for (const auto transform : {Mds2Transform::yes_no, Mds2Transform::yes_no_inverted, Mds2Transform::all_yes,
                                     Mds2Transform::any_yes, Mds2Transform::text, Mds2Transform::notes})
            if (mds2_transform_fits(transform, kind)) list += (list.empty() ? "" : ", ") + std::string(mds2_transform_name(transform));
        return list.empty() ? "aucune transformation ne remplit ce type de question" : "possibles : " + list;
    }

    const Questionnaire& questionnaire_;
    std::set<std::string> mapped_;
};

}  // namespace

Result<Mds2Crosswalk> load_mds2_crosswalk(std::string_view yaml, const Questionnaire& questionnaire) {
    return CrosswalkLoader(questionnaire).load(yaml);
}

const Mds2Crosswalk& builtin_mds2_crosswalk() {
    static const Mds2Crosswalk crosswalk = [] {
        auto loaded = load_mds2_crosswalk(embedded::file("questionnaires/mds2-crosswalk.yaml"), *builtin_afib());
        if (!loaded) throw std::runtime_error("the built-in MDS2 crosswalk does not load: " + loaded.error().message.fr);
        return std::move(loaded.value());
    }();
    return crosswalk;
}

}  // namespace cyberachat
