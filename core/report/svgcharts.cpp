#include "core/report/escape.h"
#include "core/report/render.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <array>
#include <cmath>

namespace vigil {

namespace {

constexpr std::array kPalette = {"#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2",
                                 "#edc948", "#ff9da7", "#9c755f", "#bab0ac", "#e15759"};
constexpr const char *kAlert = "#d62728";

QString num(double v) { return QString::number(v, 'f', 1); }

QString header(int w, int h)
{
    return QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" viewBox=\"0 0 %1 %2\" "
                          "font-family=\"sans-serif\" font-size=\"11\">")
        .arg(w)
        .arg(h);
}

QString text(double x, double y, const QString &s, const char *anchor = "start", const char *extra = "")
{
    return QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"%3\" %4>%5</text>")
        .arg(num(x), num(y), QLatin1String(anchor), QLatin1String(extra), htmlEscape(s));
}

QString emptyChart(int w, int h, const QString &message)
{
    return header(w, h) + QStringLiteral("<rect width=\"100%\" height=\"100%\" fill=\"#fafafa\" stroke=\"#ccc\"/>")
        + text(w / 2.0, h / 2.0, message, "middle", "fill=\"#777\"") + QStringLiteral("</svg>");
}

} // namespace

QString svgHistogram(const ReportData &d, int w, int h)
{
    if (d.histogram.empty() || d.scored == 0)
        return emptyChart(w, h, QStringLiteral("No scores"));
    const double left = 56, right = 12, top = 24, bottom = 34;
    const double pw = w - left - right, ph = h - top - bottom;
    std::int64_t maxCount = 1;
    for (const auto &b : d.histogram)
        maxCount = std::max(maxCount, b.count);
    // Counts span orders of magnitude (a few anomalies beside millions of normal rows): log scale.
    const double logMax = std::log10(double(maxCount) + 1.0);
    const double lo = d.histogram.front().lo, hi = d.histogram.back().hi;
    const double span = hi > lo ? hi - lo : 1.0;
    QString s = header(w, h);
    s += text(left, 14, QStringLiteral("Score distribution (log count) — threshold %1").arg(QString::number(d.threshold, 'g', 4)),
              "start", "font-weight=\"bold\"");
    const double bw = pw / double(d.histogram.size());
    for (size_t i = 0; i < d.histogram.size(); ++i) {
        const auto &b = d.histogram[i];
        if (b.count == 0)
            continue;
        const double bh = ph * std::log10(double(b.count) + 1.0) / logMax;
        const bool above = b.lo >= d.threshold;
        s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"><title>%6–%7: %8</title></rect>")
                 .arg(num(left + i * bw), num(top + ph - bh), num(std::max(1.0, bw - 1)), num(bh),
                      QLatin1String(above ? kAlert : kPalette[0]), QString::number(b.lo, 'g', 4), QString::number(b.hi, 'g', 4))
                 .arg(b.count);
    }
    s += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#333\"/>").arg(num(left), num(top + ph), num(left + pw));
    const double tx = left + pw * std::clamp((d.threshold - lo) / span, 0.0, 1.0);
    s += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"%4\" stroke-width=\"2\" stroke-dasharray=\"5,3\"/>")
             .arg(num(tx), num(top), num(top + ph), QLatin1String(kAlert));
    for (int i = 0; i <= 4; ++i) {
        const double v = lo + span * i / 4.0;
        s += text(left + pw * i / 4.0, h - bottom + 14, QString::number(v, 'g', 3), "middle");
    }
    s += text(left - 6, top + 8, QLocale::c().toString(qlonglong(maxCount)), "end");
    s += text(left - 6, top + ph, QStringLiteral("0"), "end");
    s += text(left + pw / 2, h - 4, QStringLiteral("anomaly score"), "middle");
    return s + QStringLiteral("</svg>");
}

QString svgTimeline(const ReportData &d, int w, int h)
{
    if (d.timeline.empty())
        return emptyChart(w, h, QStringLiteral("No timestamps in this data set"));
    const double left = 56, right = 44, top = 24, bottom = 34;
    const double pw = w - left - right, ph = h - top - bottom;
    std::int64_t maxEvents = 1, maxAlerts = 0;
    for (const auto &b : d.timeline) {
        maxEvents = std::max(maxEvents, b.events);
        maxAlerts = std::max(maxAlerts, b.alerts);
    }
    // Alerts are usually a fraction of a percent of the events: on the events' scale they would be
    // an invisible sliver, so they get their own (right-hand) scale and are drawn as a line.
    QString s = header(w, h);
    s += text(left, 14, QStringLiteral("Events (blue bars, left scale) and alerts (red line, right scale) over time"), "start", "font-weight=\"bold\"");
    const double bw = pw / double(d.timeline.size());
    QStringList alertPoints;
    QString alertMarks;
    for (size_t i = 0; i < d.timeline.size(); ++i) {
        const auto &b = d.timeline[i];
        const double eh = ph * double(b.events) / double(maxEvents);
        const QString when = QDateTime::fromSecsSinceEpoch(qint64(b.start), Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\" opacity=\"0.75\"><title>%6: %7 events, %8 alerts</title></rect>")
                 .arg(num(left + i * bw), num(top + ph - eh), num(std::max(1.0, bw - 1)), num(eh), QLatin1String(kPalette[0]), when,
                      QString::number(b.events), QString::number(b.alerts));
        if (maxAlerts > 0) {
            const double cx = left + (double(i) + 0.5) * bw;
            const double cy = top + ph - ph * double(b.alerts) / double(maxAlerts);
            alertPoints << num(cx) + QLatin1Char(',') + num(cy);
            if (b.alerts > 0)
                alertMarks += QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"2\" fill=\"%3\"/>").arg(num(cx), num(cy), QLatin1String(kAlert));
        }
    }
    if (maxAlerts > 0) {
        s += QStringLiteral("<polyline points=\"%1\" fill=\"none\" stroke=\"%2\" stroke-width=\"1.5\"/>")
                 .arg(alertPoints.join(QLatin1Char(' ')), QLatin1String(kAlert));
        s += alertMarks;
        s += text(left + pw + 6, top + 8, QLocale::c().toString(qlonglong(maxAlerts)), "start", "fill=\"#d62728\"");
        s += text(left + pw + 6, top + ph, QStringLiteral("0"), "start", "fill=\"#d62728\"");
    } else {
        s += text(left + pw, top + 8, QStringLiteral("no alerts"), "end", "fill=\"#d62728\"");
    }
    s += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#333\"/>").arg(num(left), num(top + ph), num(left + pw));
    const double t0 = d.timeline.front().start, t1 = d.timeline.back().end;
    for (int i = 0; i <= 3; ++i) {
        const double t = t0 + (t1 - t0) * i / 3.0;
        s += text(left + pw * i / 3.0, h - bottom + 14,
                  QDateTime::fromSecsSinceEpoch(qint64(t), Qt::UTC).toString(QStringLiteral("MM-dd HH:mm")), i == 0 ? "start" : (i == 3 ? "end" : "middle"));
    }
    s += text(left - 6, top + 8, QLocale::c().toString(qlonglong(maxEvents)), "end");
    s += text(left + pw / 2, h - 4, QStringLiteral("time (UTC)"), "middle");
    return s + QStringLiteral("</svg>");
}

QString svgScatter(const ReportData &d, int w, int h)
{
    if (d.scatter.empty())
        return emptyChart(w, h, QStringLiteral("No 2-D projection in this run"));
    const double pad = 24, top = 24;
    double x0 = d.scatter.front().x, x1 = x0, y0 = d.scatter.front().y, y1 = y0;
    for (const auto &p : d.scatter) {
        x0 = std::min(x0, p.x);
        x1 = std::max(x1, p.x);
        y0 = std::min(y0, p.y);
        y1 = std::max(y1, p.y);
    }
    const double sx = x1 > x0 ? (w - 2 * pad) / (x1 - x0) : 1.0;
    const double sy = y1 > y0 ? (h - pad - top) / (y1 - y0) : 1.0;
    QString s = header(w, h);
    s += text(pad, 14, QStringLiteral("Latent space (PCA), coloured by cluster; alerts ringed red"), "start", "font-weight=\"bold\"");
    s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"none\" stroke=\"#ccc\"/>")
             .arg(num(pad / 2), num(top - 4), num(w - pad), num(h - top - pad / 2 + 8));
    // Normal points first so alerts are drawn on top.
    for (int pass = 0; pass < 2; ++pass) {
        for (const auto &p : d.scatter) {
            if (p.alert != (pass == 1))
                continue;
            const double cx = pad + (p.x - x0) * sx, cy = h - pad - (p.y - y0) * sy;
            const char *fill = p.cluster >= 0 ? kPalette[size_t(p.cluster) % kPalette.size()] : "#999";
            if (p.alert)
                s += QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"3.2\" fill=\"%3\" stroke=\"%4\" stroke-width=\"1.2\"/>")
                         .arg(num(cx), num(cy), QLatin1String(fill), QLatin1String(kAlert));
            else
                s += QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"1.8\" fill=\"%3\" opacity=\"0.6\"/>").arg(num(cx), num(cy), QLatin1String(fill));
        }
    }
    return s + QStringLiteral("</svg>");
}

QString svgRoc(const ReportData &d, int w, int h)
{
    const QJsonObject ev = reportEvaluation(d);
    const QJsonObject roc = ev.value(QStringLiteral("roc")).toObject();
    const QJsonArray fprs = roc.value(QStringLiteral("fpr")).toArray(), tprs = roc.value(QStringLiteral("tpr")).toArray();
    if (fprs.size() < 2 || tprs.size() != fprs.size())
        return emptyChart(w, h, QStringLiteral("No ROC curve stored with this run"));
    const QJsonObject at = ev.value(QStringLiteral("atThreshold")).toObject();
    const double normals = at.value(QStringLiteral("fp")).toDouble() + at.value(QStringLiteral("tn")).toDouble();
    // Log FPR axis from the decade of one false alarm (an FPR of 0 sits at its left edge).
    const double lo = std::log10(normals > 0 ? std::pow(10.0, std::floor(std::log10(1.0 / normals))) : 1e-4);
    const double left = 48, right = 14, top = 24, bottom = 38;
    const double pw = w - left - right, ph = h - top - bottom;
    const auto px = [&](double fpr) { return left + pw * (std::max(std::log10(std::max(fpr, 1e-12)), lo) - lo) / -lo; };
    const auto py = [&](double tpr) { return top + ph * (1.0 - std::clamp(tpr, 0.0, 1.0)); };
    QString s = header(w, h);
    s += text(left, 14, QStringLiteral("ROC — AUROC %1 (false-positive rate on a log scale)").arg(ev.value(QStringLiteral("auroc")).toDouble(), 0, 'f', 4),
              "start", "font-weight=\"bold\"");
    s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"none\" stroke=\"#ccc\"/>").arg(num(left), num(top), num(pw), num(ph));
    for (int k = int(lo); k <= 0; ++k) {
        const double x = px(std::pow(10.0, k));
        s += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"#eee\"/>").arg(num(x), num(top), num(top + ph));
        s += text(x, top + ph + 14, QString::number(std::pow(10.0, k), 'g', 3), "middle");
    }
    for (int i = 0; i <= 4; ++i) {
        const double y = py(i / 4.0);
        s += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#eee\"/>").arg(num(left), num(y), num(left + pw));
        s += text(left - 6, y + 4, QString::number(i / 4.0, 'f', 2), "end");
    }
    QStringList chance, curve;
    for (double e10 = lo; e10 <= 0.0; e10 += 0.05)
        chance << num(px(std::pow(10.0, e10))) + QLatin1Char(',') + num(py(std::pow(10.0, e10)));
    s += QStringLiteral("<polyline points=\"%1\" fill=\"none\" stroke=\"#999\" stroke-dasharray=\"4,3\"/>").arg(chance.join(QLatin1Char(' ')));
    for (qsizetype i = 0; i < fprs.size(); ++i)
        curve << num(px(fprs[i].toDouble())) + QLatin1Char(',') + num(py(tprs[i].toDouble()));
    s += QStringLiteral("<polyline points=\"%1\" fill=\"none\" stroke=\"%2\" stroke-width=\"2\"/>").arg(curve.join(QLatin1Char(' ')), QLatin1String(kPalette[0]));
    for (const QJsonValue &v : ev.value(QStringLiteral("calibrated")).toArray()) {
        const QJsonObject c = v.toObject();
        s += QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"3.5\" fill=\"%3\"><title>calibrated %4 %: TPR %5, FPR %6</title></circle>")
                 .arg(num(px(c.value(QStringLiteral("fpr")).toDouble())), num(py(c.value(QStringLiteral("tpr")).toDouble())), QLatin1String(kPalette[1]),
                      QString::number(100.0 * c.value(QStringLiteral("targetFpr")).toDouble(), 'g', 3),
                      QString::number(c.value(QStringLiteral("tpr")).toDouble(), 'f', 3), QString::number(c.value(QStringLiteral("fpr")).toDouble(), 'f', 4));
    }
    s += QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"5\" fill=\"%3\"/>")
             .arg(num(px(at.value(QStringLiteral("fpr")).toDouble())), num(py(at.value(QStringLiteral("tpr")).toDouble())), QLatin1String(kAlert));
    s += text(left + pw / 2, h - 4, QStringLiteral("false-positive rate (red: the run's threshold; orange: calibrated thresholds)"), "middle");
    const QByteArray rotate = QStringLiteral("transform=\"rotate(-90 12 %1)\"").arg(num(top + ph / 2)).toLatin1();
    s += text(12, top + ph / 2, QStringLiteral("TPR"), "middle", rotate.constData());
    return s + QStringLiteral("</svg>");
}

} // namespace vigil
