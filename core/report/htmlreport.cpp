#include "core/report/escape.h"
#include "core/report/render.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

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
                      e(jsonScalar(c.value(QStringLiteral("role")))), e(jsonScalar(c.value(QStringLiteral("encoding")))),
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

} // namespace

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

    h += QStringLiteral("<h2>Feature schema</h2>") + schemaSection(d.schema);
    h += QStringLiteral("<h2>Model</h2><p><b>%1</b> (%2, model %3)</p>").arg(e(d.modelName), e(d.modelKind)).arg(d.modelId);
    if (!d.modelMetadata.isEmpty())
        h += keyValueTable(d.modelMetadata);
    // The run's figures are its scoring summary; evaluation keys (AUROC…) join them only when the
    // data set carries labels, and only then may the heading claim an evaluation.
    if (!d.metrics.isEmpty()) {
        h += d.metrics.contains(QStringLiteral("auroc")) ? QStringLiteral("<h2>Run figures and evaluation against the data set's labels</h2>")
                                                         : QStringLiteral("<h2>Run figures</h2><p class=\"muted\">The data set has no labels: no evaluation.</p>");
        h += keyValueTable(d.metrics);
    }

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
