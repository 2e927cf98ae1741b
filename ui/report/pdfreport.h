#pragma once

#include "core/report/reportdata.h"
#include "core/result.h"

namespace vigil {

/// Renders the report of \a data to a PDF at \a path (A4, charts as images), written through a
/// temporary file. Needs a QGuiApplication (the CLI creates an offscreen one).
Result<void> writePdfReport(const ReportData &data, const QString &path);

} // namespace vigil
