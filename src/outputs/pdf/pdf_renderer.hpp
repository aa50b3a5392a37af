#pragma once
// Draws a ReportDocument as an A4 PDF with cairo + pango: title page with a table of contents (page
// numbers), a header on every page (the purchase and the vendor of that page), "Page N / M" at the
// foot, flowcharts drawn from their SVG (librsvg) as vectors. Fonts (DejaVu Sans) are embedded as
// subsets by cairo. For the vendor audience the evaluation is never drawn, whatever the model holds.
#include <string>

#include "core/result.hpp"
#include "outputs/pdf/report_model.hpp"

namespace cyberachat::report {

// The PDF bytes; error "pdf" when cairo fails.
Result<std::string> render_pdf(const ReportDocument& document);

}  // namespace cyberachat::report
