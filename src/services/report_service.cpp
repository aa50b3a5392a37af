#include "services/report_service.hpp"

#include <cctype>
#include <ctime>

#include "core/answer.hpp"
#include "core/ascii_text.hpp"
#include "core/kind_traits.hpp"
#include "core/purchase_title.hpp"
#include "core/text_format.hpp"
#include "outputs/flowchart/response_flowchart.hpp"

namespace cyberachat::services {
namespace {

using report::Audience;
using report::ReportDocument;


std::string now_iso() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

std::vector<std::pair<std::string, std::string>> acquisition_facts(const Acquisition& acquisition, Language language) {
    return {{in_language(language, "Équipement", "Equipment"), acquisition.equipment},
            {in_language(language, "Service", "Department"), acquisition.service},
            {in_language(language, "Référence du marché", "Procurement reference"), acquisition.reference},
            {in_language(language, "Date limite", "Deadline"), format_date(acquisition.deadline, language)}};
}

// What the blank questionnaire shows under a question: the kind of answer expected.
std::string expected_answer(const Question& question, Language language) {
    switch (kind_traits(question.kind).shape) {
        case ValueShape::yes_no: return in_language(language, "☐ Oui   ☐ Non", "☐ Yes   ☐ No");
        case ValueShape::choice:
        case ValueShape::choices: {
            std::string out;
            for (const auto& choice : question.choices) out += (out.empty() ? "☐ " : "   ☐ ") + choice.label.in(language);
            return out;
        }
        case ValueShape::rows:
        case ValueShape::record: {
            std::string out;
            for (const auto& field : question.fields) out += (out.empty() ? "" : " | ") + field.label.in(language);
            return out;
        }
        case ValueShape::documents: return in_language(language, "Document à joindre", "Document to attach");
        case ValueShape::text:
        case ValueShape::number:
        case ValueShape::date: break;
    }
    return question.unit.empty() ? std::string() : std::string(in_language(language, "Unité : ", "Unit: ")) + question.unit;
}

}  // namespace

std::string file_slug(std::string_view text) {
    // Latin letters without their accents (core/ascii_text); other non-ASCII bytes are separators.
    const std::string folded = search_key(text);
    std::string out;
    for (size_t i = 0; i < folded.size() && out.size() < 60; ++i) {
        const auto c = static_cast<unsigned char>(folded[i]);
        if (c < 0x80 && std::isalnum(c)) out.push_back(static_cast<char>(c));
        else if (!out.empty() && out.back() != '-') out.push_back('-');
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "achat" : out;
}

Result<report::ReportDocument> ReportService::questionnaire_report(const std::shared_ptr<const Questionnaire>& questionnaire,
                                                                   Language language) {
    ReportDocument document;
    document.kind = report::ReportKind::questionnaire;
    document.language = language;
    document.title = questionnaire->title.in(language);
    document.subtitle = std::string(in_language(language, "Questionnaire vierge — version ", "Blank questionnaire — version ")) +
                        questionnaire->version;
    document.generated_at = format_datetime(now_iso(), language);
    add_letterhead(document);
    for (const auto& part : questionnaire->parts) {
        report::PartBlock block;
        block.title = part.title.in(language);
        if (auto chart = flowcharts_.part(questionnaire, part.index, language))
            block.flowchart_svg = flowchart::render_plain_svg(**chart, flowchart::ChartLinks{}, true);
        for (const auto& section : part.sections) {
            report::SectionBlock section_block{section.title.in(language), section.note.in(language), {}};
            for (const auto& question : section.questions)
                section_block.answers.push_back(report::AnswerLine{question.id, question.label.in(language),
                                                                   expected_answer(question, language), {}, {}});
            block.sections.push_back(std::move(section_block));
        }
        document.questionnaire_parts.push_back(std::move(block));
    }
    return document;
}

Result<report::VendorBlock> ReportService::vendor_block(const ResponseSnapshot& snapshot, Language language) {
    const Questionnaire& questionnaire = *snapshot.questionnaire;
    report::VendorBlock vendor;
    vendor.company = snapshot.response.company;
    vendor.facts = {{in_language(language, "Contact", "Contact"), snapshot.response.contact_name},
                    {in_language(language, "Courriel", "Email"), snapshot.response.email},
                    {in_language(language, "Statut", "Status"), response_status_label(snapshot.response, language)},
                    {in_language(language, "Avancement", "Progress"), std::to_string(snapshot.evaluation.overall.percent()) + " %"}};
    const flowchart::ResponseState state{snapshot.evaluation, snapshot.answer_set, {}};
    for (const auto& part : questionnaire.parts) {
        report::PartBlock block;
        block.title = part.title.in(language);
        if (auto chart = flowcharts_.part(snapshot.questionnaire, part.index, language)) {
            block.flowchart_svg = flowchart::render_response_svg(**chart, state, flowchart::ChartLinks{}, true);
            for (const auto& item : flowchart::render_response_view(**chart, state, flowchart::ChartLinks{}).items)
                block.path.push_back(item.status.empty() ? item.label : item.label + " — " + item.status);
        }
        for (const auto& section : part.sections) {
            if (!snapshot.evaluation.is_visible(section)) continue;
            report::SectionBlock section_block{section.title.in(language), {}, {}};
            for (const auto& question : section.questions) {
                if (!snapshot.evaluation.is_visible(question)) continue;
                report::AnswerLine line{question.id, question.label.in(language), {}, {}, {}};
                auto answer = snapshot.answers.find(question.id);
                if (answer != snapshot.answers.end()) {
                    line.answer = answer_text(question, answer->second.value, language);
                    line.comment = answer->second.comment;
                }
                if (auto documents = snapshot.documents.find(question.id); documents != snapshot.documents.end())
                    for (const auto& stored : documents->second)
                        line.documents.push_back(report::DocumentLine{stored.file_name,
                                                                      format_size(stored.size, language),
                                                                      stored.sha256});
                if (line.answer.empty() && line.documents.empty())
                    line.answer = in_language(language, "Non renseigné", "Not answered");
                section_block.answers.push_back(std::move(line));
            }
            block.sections.push_back(std::move(section_block));
        }
        vendor.parts.push_back(std::move(block));
    }
    return vendor;
}

Result<report::ReportDocument> ReportService::response_report(Id response_id, Language language, Audience audience,
                                                              const report::Evaluation& evaluation) {
    TRY_ASSIGN(auto snapshot, responses_.load(response_id));
    ReportDocument document;
    document.kind = report::ReportKind::response;
    document.audience = audience;
    document.language = language;
    // A vendor's own copy carries the purchase's title in the report's language; the hospital's, the French one.
    document.title = audience == Audience::vendor ? title_for(snapshot.acquisition, language) : snapshot.acquisition.title;
    document.subtitle = std::string(in_language(language, "Réponse de ", "Response of ")) + snapshot.response.company;
    document.facts = acquisition_facts(snapshot.acquisition, language);
    document.generated_at = format_datetime(now_iso(), language);
    add_letterhead(document);
    TRY_ASSIGN(auto vendor, vendor_block(snapshot, language));
    if (audience == Audience::hospital) vendor.evaluation = evaluation;
    document.vendors.push_back(std::move(vendor));
    return document;
}

Result<report::ReportDocument> ReportService::acquisition_report(Id acquisition_id, Language language,
                                                                 const Evaluations& evaluations) {
    TRY_ASSIGN(auto acquisition, store_.acquisitions.find(acquisition_id));
    ReportDocument document;
    document.kind = report::ReportKind::acquisition;
    document.language = language;
    document.title = acquisition.title;
    document.subtitle = in_language(language, "Rapport d'achat — synthèse des réponses", "Purchase report — summary of the responses");
    document.facts = acquisition_facts(acquisition, language);
    document.generated_at = format_datetime(now_iso(), language);
    add_letterhead(document);
    TRY_ASSIGN(const auto responses, store_.responses.list_for(acquisition_id));
    for (const auto& response : responses) {
        if (!response.withdrawn_at.empty()) continue;  // withdrawn: out of the report (the journal and archive keep it)
        TRY_ASSIGN(auto snapshot, responses_.load(response.id));
        TRY_ASSIGN(auto vendor, vendor_block(snapshot, language));
        if (auto it = evaluations.find(response.id); it != evaluations.end()) vendor.evaluation = it->second;
        report::ComparisonRow row;
        row.company = vendor.company;
        row.status = response_status_label(response, language);
        row.progress = std::to_string(snapshot.evaluation.overall.percent()) + " %";
        row.score = vendor.evaluation.score;
        row.score_ratio = vendor.evaluation.score_ratio;
        row.vigilance_count = vendor.evaluation.vigilance.size();
        document.comparison.push_back(std::move(row));
        document.vendors.push_back(std::move(vendor));
    }
    return document;
}

void ReportService::add_letterhead(report::ReportDocument& document) {
    if (!instance_) return;
    const HospitalIdentity identity = instance_->identity();
    document.hospital_name = identity.name;
    if (identity.has_logo()) document.logo_png = *instance_->logo_png();
}

}  // namespace cyberachat::services
