#include "core/metrics/metrics.h"
#include "core/report/escape.h"
#include "core/report/render.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <vector>

namespace vigil {

namespace {

QString e(const QString &s) { return htmlEscape(s); }

QString clip(const QString &s, int n = 140) { return s.size() > n ? s.left(n) + QStringLiteral("…") : s; }

QString jsonScalar(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Double: return QString::number(v.toDouble(), 'g', 6);
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    case QJsonValue::String: return v.toString();
    case QJsonValue::Array: {
        const QJsonArray a = v.toArray();
        if (a.size() <= 8) {
            bool scalars = true;
            for (const auto &x : a)
                scalars = scalars && !x.isArray() && !x.isObject();
            if (scalars) {
                QStringList parts;
                for (const auto &x : a)
                    parts << jsonScalar(x);
                return parts.join(QStringLiteral(", "));
            }
        }
        return QStringLiteral("[%1 items]").arg(a.size());
    }
    case QJsonValue::Object: return clip(QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)), 200);
    default: return QString();
    }
}

QString keyValueTable(const QJsonObject &o)
{
    QString s = QStringLiteral("<table class=\"kv\">");
    for (auto it = o.begin(); it != o.end(); ++it)
        s += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>").arg(e(it.key()), e(clip(jsonScalar(it.value()), 300)));
    return s + QStringLiteral("</table>");
}

/// "one-hot", or for a numeric column its transform as well ("numeric, log1p-minmax").
QString encodingText(const QJsonObject &column)
{
    const QString encoding = jsonScalar(column.value(QStringLiteral("encoding")));
    const QString transform = column.value(QStringLiteral("transform")).toString();
    return encoding == QLatin1String("numeric") && !transform.isEmpty() ? encoding + QStringLiteral(", ") + transform : encoding;
}

QString schemaSection(const QJsonObject &schema)
{
    if (schema.isEmpty())
        return QStringLiteral("<p class=\"muted\">No schema stored for this data set.</p>");
    const QJsonArray cols = schema.value(QStringLiteral("columns")).toArray();
    if (cols.isEmpty())
        return keyValueTable(schema);
    QString s;
    if (schema.contains(QStringLiteral("width")))
        s += QStringLiteral("<p>Encoded width: <b>%1</b> features.</p>").arg(schema.value(QStringLiteral("width")).toInt());
    // FeatureSchema::toJson() names a column's value type "kind".
    s += QStringLiteral("<table><tr><th>column</th><th>type</th><th>role</th><th>encoding</th><th>width</th></tr>");
    for (const QJsonValue &v : cols) {
        const QJsonObject c = v.toObject();
        s += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td class=\"n\">%5</td></tr>")
                 .arg(e(c.value(QStringLiteral("name")).toString()), e(jsonScalar(c.value(c.contains(QStringLiteral("kind")) ? QStringLiteral("kind") : QStringLiteral("type")))),
                      e(jsonScalar(c.value(QStringLiteral("role")))), e(encodingText(c)),
                      e(jsonScalar(c.value(QStringLiteral("width")))));
    }
    return s + QStringLiteral("</table>");
}

QString chart(ChartMode mode, const QString &svg, const char *name)
{
    if (mode == ChartMode::InlineSvg)
        return QStringLiteral("<div class=\"chart\">") + svg + QStringLiteral("</div>");
    return QStringLiteral("<p><img src=\"chart:%1\"></p>").arg(QLatin1String(name));
}

/// The evaluation keys of a run's figures: shown in their own section, not as key/values.
bool isEvaluationKey(const QString &key)
{
    static const QStringList keys{QStringLiteral("auroc"), QStringLiteral("ap"), QStringLiteral("atThreshold"),
                                  QStringLiteral("oracleTprAt1pctFpr"), QStringLiteral("oracleTprAt5pctFpr"), QStringLiteral("calibrated"),
                                  QStringLiteral("confusion"), QStringLiteral("perClass"), QStringLiteral("perFamily"),
                                  QStringLiteral("roc"), QStringLiteral("evaluation")};
    return keys.contains(key);
}

QString pct(double share)
{
    return QStringLiteral("%1 %").arg(100.0 * share, 0, 'f', share < 0.1 ? 2 : 1);
}

/// Headline figures, the ROC chart, and detection per family and class (most missed first).
QString evaluationSection(const ReportData &d, const QJsonObject &ev, ChartMode mode)
{
    const QLocale l = QLocale::c();
    const auto n = [](const QJsonObject &o, const char *k) { return o.value(QLatin1String(k)).toDouble(); };
    const QJsonObject at = ev.value(QStringLiteral("atThreshold")).toObject();
    const double attacks = n(at, "tp") + n(at, "fn"), normals = n(at, "fp") + n(at, "tn");
    QString h = QStringLiteral("<h2>Evaluation against the data set's labels</h2>");
    h += QStringLiteral("<table><tr><th>threshold</th><th>TPR (attacks flagged)</th><th>FPR (false alarms)</th><th>precision</th></tr>");
    const auto rateRow = [&](const QString &name, const QJsonObject &r) {
        h += QStringLiteral("<tr><td>%1</td><td class=\"n\">%2 (%3 of %4)</td><td class=\"n\">%5 (%6 of %7)</td><td class=\"n\">%8</td></tr>")
                 .arg(e(name), pct(n(r, "tpr")), l.toString(qlonglong(n(r, "tp"))), l.toString(qlonglong(attacks)), pct(n(r, "fpr")),
                      l.toString(qlonglong(n(r, "fp"))), l.toString(qlonglong(normals)), pct(n(r, "precision")));
    };
    rateRow(QStringLiteral("the run's, %1").arg(QString::number(d.threshold, 'g', 6)), at);
    const QString on = metrics::calibrationSourceText(ev.value(QStringLiteral("calibratedOn")).toString());
    for (const QJsonValue &v : ev.value(QStringLiteral("calibrated")).toArray()) {
        const QJsonObject c = v.toObject();
        rateRow(QStringLiteral("calibrated for %1 % FPR on %2, %3")
                    .arg(QString::number(100.0 * n(c, "targetFpr"), 'g', 3), on, QString::number(n(c, "threshold"), 'g', 6)),
                c);
    }
    h += QStringLiteral("</table><p>AUROC <b>%1</b> · average precision <b>%2</b> · read off the ROC (uses these labels): TPR %3 at 1 % FPR, "
                        "%4 at 5 % FPR</p>")
             .arg(QString::number(n(ev, "auroc"), 'f', 4), QString::number(n(ev, "ap"), 'f', 4), pct(n(ev, "oracleTprAt1pctFpr")),
                  pct(n(ev, "oracleTprAt5pctFpr")));
    h += chart(mode, svgRoc(d), "roc");
    struct Row {
        QString name;
        double rows, flagged;
        bool bold;
    };
    std::vector<Row> rows, classes;
    for (const QJsonValue &v : ev.value(QStringLiteral("perFamily")).toArray()) {
        const QJsonObject g = v.toObject();
        if (g.value(QStringLiteral("family")).toString() != QLatin1String("normal"))
            rows.push_back({QStringLiteral("family: ") + g.value(QStringLiteral("family")).toString(), n(g, "rows"), n(g, "flagged"), true});
    }
    if (rows.size() == 1) // one family holding every attack says nothing the classes do not
        rows.clear();
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.rows > b.rows; });
    for (const QJsonValue &v : ev.value(QStringLiteral("perClass")).toArray()) {
        const QJsonObject g = v.toObject();
        const QString name = g.value(QStringLiteral("class")).toString();
        if (g.value(QStringLiteral("normal")).toBool())
            rows.push_back({name + QStringLiteral(" (normal traffic: flagged rows are false alarms)"), n(g, "rows"), n(g, "flagged"), false});
        else
            classes.push_back({name, n(g, "rows"), n(g, "flagged"), false});
    }
    std::stable_sort(classes.begin(), classes.end(), [](const Row &a, const Row &b) { return a.rows - a.flagged > b.rows - b.flagged; });
    rows.insert(rows.end(), classes.begin(), classes.end());
    if (!rows.empty()) {
        h += QStringLiteral("<p class=\"muted\">Detection at the run's threshold: families, then the classes with the most missed rows first.</p>"
                            "<table><tr><th>attack family / class</th><th>rows</th><th>flagged</th><th>detected</th></tr>");
        for (const Row &r : rows)
            h += QStringLiteral("<tr><td>%1%2%3</td><td class=\"n\">%4</td><td class=\"n\">%5</td><td class=\"n\">%6</td></tr>")
                     .arg(r.bold ? QStringLiteral("<b>") : QString(), e(r.name), r.bold ? QStringLiteral("</b>") : QString(),
                          l.toString(qlonglong(r.rows)), l.toString(qlonglong(r.flagged)), pct(r.rows > 0 ? r.flagged / r.rows : 0.0));
        h += QStringLiteral("</table>");
    }
    return h;
}

} // namespace

QJsonObject reportEvaluation(const ReportData &d)
{
    const QJsonObject latest = d.metrics.value(QStringLiteral("evaluation")).toObject();
    if (latest.contains(QStringLiteral("auroc")))
        return latest;
    return d.metrics.contains(QStringLiteral("auroc")) ? d.metrics : QJsonObject();
}

QString renderHtml(const ReportData &d, ChartMode mode)
{
    const QLocale l = QLocale::c();
    QString h;
    h.reserve(256 * 1024);
    h += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
                        "<title>Vigil report — %1</title><style>"
                        "body{font-family:sans-serif;margin:24px;color:#222;max-width:1100px}"
                        "h1{font-size:22px;margin-bottom:2px}h2{font-size:17px;border-bottom:1px solid #ccc;padding-bottom:3px;margin-top:26px}"
                        "table{border-collapse:collapse;font-size:12px;margin:6px 0}td,th{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}"
                        "th{background:#f2f4f7}table.kv th{width:220px}.n{text-align:right}.muted{color:#777}"
                        ".sev{font-weight:bold}.malicious{color:#b00020}.benign{color:#2e7d32}.review{color:#a66300}"
                        "code{font-size:11px;word-break:break-all}.chart{margin:8px 0}"
                        "</style></head><body>\n")
             .arg(e(d.datasetName));
    // One multi-argument arg(): a chained .arg() would substitute a "%2" inside the data set's name.
    h += QStringLiteral("<h1>Vigil report — %1</h1><p class=\"muted\">Run %2 · generated %3 UTC by Vigil %4 · project %5</p>")
             .arg(e(d.datasetName), QString::number(d.runId), e(d.generatedAt), e(d.vigilVersion), e(d.projectPath));

    h += QStringLiteral("<h2>Summary</h2><table class=\"kv\">");
    auto kv = [&](const QString &k, const QString &v) { h += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>").arg(e(k), e(v)); };
    kv(QStringLiteral("Records scored"), l.toString(qlonglong(d.scored)));
    kv(QStringLiteral("Alerts (score ≥ threshold)"),
       QStringLiteral("%1 (%2 %)").arg(l.toString(qlonglong(d.alerts))).arg(d.scored ? 100.0 * double(d.alerts) / double(d.scored) : 0.0, 0, 'f', 2));
    kv(QStringLiteral("Threshold"), QString::number(d.threshold, 'g', 6));
    kv(QStringLiteral("Target false-positive rate"), QStringLiteral("%1 %").arg(100.0 * d.targetFpr, 0, 'g', 4));
    if (const QJsonObject b = d.modelMetadata.value(QStringLiteral("alert_budget")).toObject(); !b.isEmpty()) {
        // A session autoencoder's budget counts sessions, the other models' records.
        const bool sessions = b.contains(QStringLiteral("sessionsPerDay"));
        kv(QStringLiteral("Alert budget"), (sessions ? QStringLiteral("%1 a day, at the training data's %2 sessions a day")
                                                     : QStringLiteral("%1 a day, at the training data's %2 records a day"))
                                               .arg(l.toString(b.value(QStringLiteral("alertsPerDay")).toDouble(), 'g', 6),
                                                    l.toString(qlonglong(std::llround(
                                                        b.value(sessions ? QStringLiteral("sessionsPerDay") : QStringLiteral("recordsPerDay")).toDouble())))));
    }
    kv(QStringLiteral("Analyst-labelled items"), l.toString(qlonglong(d.labelled.size())));
    h += QStringLiteral("</table>");

    h += QStringLiteral("<h2>Data source</h2><table class=\"kv\">");
    kv(QStringLiteral("Name"), d.datasetName);
    kv(QStringLiteral("File"), d.sourcePath);
    kv(QStringLiteral("Format"), d.format);
    kv(QStringLiteral("SHA-256"), d.contentHash);
    kv(QStringLiteral("Records"), l.toString(qlonglong(d.rows)));
    kv(QStringLiteral("Bad lines (skipped)"), l.toString(qlonglong(d.badLines)));
    h += QStringLiteral("</table>");

    h += QStringLiteral("<h2>Feature schema</h2>");
    if (d.schemaFromModel)
        h += QStringLiteral("<p class=\"muted\">The model's schema (model %1), which encoded this data set for scoring.</p>").arg(d.modelId);
    h += schemaSection(d.schema);
    if (!d.sessionSchema.isEmpty()) {
        const QJsonObject reading = d.modelMetadata.value(QStringLiteral("sessionFeatures")).toObject();
        h += QStringLiteral("<h3>Session features</h3><p class=\"muted\">The model's input: one row per session, the events of one "
                            "value of %1 with no pause over %2 s, summarised as below; every record carries its session's score.</p>")
                 .arg(e(reading.value(QStringLiteral("entity")).toString()), l.toString(reading.value(QStringLiteral("gapSeconds")).toDouble(), 'g', 6));
        h += schemaSection(d.sessionSchema);
    }
    h += QStringLiteral("<h2>Model</h2><p><b>%1</b> (%2, model %3)</p>").arg(e(d.modelName), e(d.modelKind)).arg(d.modelId);
    if (!d.modelMetadata.isEmpty())
        h += keyValueTable(d.modelMetadata);
    // The run's figures are its scoring summary; evaluation keys (AUROC…) join them only when the
    // data set carries labels, and only then may the heading claim an evaluation.
    const QJsonObject evaluation = reportEvaluation(d);
    if (!d.metrics.isEmpty()) {
        QJsonObject figures;
        for (auto it = d.metrics.begin(); it != d.metrics.end(); ++it)
            if (!isEvaluationKey(it.key()))
                figures.insert(it.key(), it.value());
        h += QStringLiteral("<h2>Run figures</h2>");
        if (evaluation.isEmpty())
            h += QStringLiteral("<p class=\"muted\">The data set has no labels: no evaluation.</p>");
        h += keyValueTable(figures);
    }
    if (!evaluation.isEmpty())
        h += evaluationSection(d, evaluation, mode);

    h += QStringLiteral("<h2>Scores</h2>") + chart(mode, svgHistogram(d), "histogram");
    h += QStringLiteral("<h2>Timeline</h2>") + chart(mode, svgTimeline(d), "timeline");
    h += QStringLiteral("<h2>Clusters</h2>") + chart(mode, svgScatter(d), "scatter");
    if (!d.clusters.empty()) {
        h += QStringLiteral("<table><tr><th>cluster</th><th>records</th><th>min score</th><th>mean score</th><th>max score</th></tr>");
        for (const auto &c : d.clusters) {
            h += QStringLiteral("<tr><td class=\"n\">%1</td><td class=\"n\">%2</td><td class=\"n\">%3</td><td class=\"n\">%4</td><td class=\"n\">%5</td></tr>")
                     .arg(c.id)
                     .arg(l.toString(qlonglong(c.size)))
                     .arg(QString::number(c.minScore, 'g', 4), QString::number(c.meanScore, 'g', 4), QString::number(c.maxScore, 'g', 4));
        }
        h += QStringLiteral("</table>");
    }

    h += QStringLiteral("<h2>Top anomalies</h2>");
    if (d.topAnomalies.empty()) {
        h += QStringLiteral("<p class=\"muted\">No scores.</p>");
    } else {
        h += QStringLiteral("<table><tr><th>#</th><th>record</th><th>score</th><th>sev.</th><th>cluster</th><th>label</th>"
                            "<th>record fields</th><th>top contributing features</th></tr>");
        int rank = 0;
        for (const auto &f : d.topAnomalies) {
            QStringList fields;
            for (const auto &[k, v] : f.fields) {
                if (!v.isEmpty())
                    fields << QStringLiteral("<b>%1</b>=<code>%2</code>").arg(e(k), e(clip(v)));
            }
            QStringList feats;
            for (size_t i = 0; i < f.topFeatures.size() && i < 5; ++i)
                feats << QStringLiteral("%1 (%2)").arg(e(f.topFeatures[i].first), QString::number(f.topFeatures[i].second, 'g', 3));
            h += QStringLiteral("<tr><td class=\"n\">%1</td><td class=\"n\">%2</td><td class=\"n\">%3</td><td class=\"n sev\">%4</td>"
                                "<td class=\"n\">%5</td><td class=\"%6\">%7</td><td>%8</td><td>%9</td></tr>")
                     .arg(++rank)
                     .arg(f.recordId)
                     .arg(QString::number(f.score, 'g', 5))
                     .arg(f.severity)
                     .arg(f.cluster)
                     .arg(e(f.label), e(f.label + (f.tags.isEmpty() ? QString() : QStringLiteral(" [") + f.tags + QStringLiteral("]"))),
                          fields.join(QStringLiteral(" · ")), feats.join(QStringLiteral("<br>")));
        }
        h += QStringLiteral("</table>");
    }

    h += QStringLiteral("<h2>Labelled items</h2>");
    if (d.labelled.empty()) {
        h += QStringLiteral("<p class=\"muted\">Nothing labelled yet.</p>");
    } else {
        h += QStringLiteral("<table><tr><th>scope</th><th>key</th><th>label</th><th>tags</th><th>note</th><th>updated</th></tr>");
        for (const auto &x : d.labelled) {
            h += QStringLiteral("<tr><td>%1</td><td><code>%2</code></td><td class=\"%3\">%3</td><td>%4</td><td>%5</td><td>%6</td></tr>")
                     .arg(e(x.scope), e(x.key), e(x.label), e(x.tags), e(x.note), e(x.updatedAt));
        }
        h += QStringLiteral("</table>");
    }
    h += QStringLiteral("</body></html>\n");
    return h;
}

} // namespace vigil
