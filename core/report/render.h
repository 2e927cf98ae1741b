#pragma once

#include "core/report/reportdata.h"
#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace vigil {

/// SVG charts of a report (plain SVG 1.1 text, no scripts): score histogram with the threshold,
/// timeline of events and alerts, cluster scatter.
QString svgHistogram(const ReportData &data, int width = 720, int height = 240);
QString svgTimeline(const ReportData &data, int width = 720, int height = 240);
QString svgScatter(const ReportData &data, int width = 480, int height = 360);
/// The ROC curve of the run's evaluation (reportEvaluation()'s "roc") on a log false-positive
/// axis, with the run's threshold and the calibrated thresholds marked.
QString svgRoc(const ReportData &data, int width = 560, int height = 320);

/// The run's evaluation against its data set's labels: the latest `evaluate` (metrics'
/// "evaluation") when there is one, else the figures stored at scoring; empty without labels.
QJsonObject reportEvaluation(const ReportData &data);

/// How charts appear in the HTML: inline <svg> for a self-contained file, or <img> tags
/// referring to `chart:histogram`, `chart:timeline`, `chart:scatter`, `chart:roc` for renderers that
/// supply images themselves (the PDF writer).
enum class ChartMode { InlineSvg, ImageReferences };

/// The whole report as one self-contained HTML document. Every string that came from data is
/// escaped.
QString renderHtml(const ReportData &data, ChartMode charts = ChartMode::InlineSvg);

/// Items (a selection, or everything labelled) as CSV: one row per record with record id,
/// score, severity, cluster, label, tags, note, then the record's fields. Formula-looking cells
/// are neutralised (see csvCell).
QByteArray itemsToCsv(const std::vector<Finding> &items);
/// The same items as a JSON array.
QByteArray itemsToJson(const std::vector<Finding> &items);
/// The report's figures (no charts) as JSON, for scripts.
QByteArray reportToJson(const ReportData &data);

/// Writes \a bytes to \a path through a temporary file and an atomic rename: a crash leaves
/// either the old file or the new one, never half of it.
Result<void> writeFileAtomically(const QString &path, const QByteArray &bytes);

} // namespace vigil
