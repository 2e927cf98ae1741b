#include "core/metrics/metrics.h"

#include <QHash>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace vigil::metrics {

namespace {

/// Scores and labels of the rows with a usable label, sorted by descending score. Stable sort
/// (sklearn uses a mergesort) so that equal scores keep their order; the curves only look at
/// distinct thresholds, so the order within ties never changes a figure.
struct Sorted {
    std::vector<double> score;
    std::vector<int> label;
    std::int64_t positives = 0;
    std::int64_t negatives = 0;
};

Result<Sorted> sortedByScore(const std::vector<double> &scores, const std::vector<int> &labels)
{
    if (scores.size() != labels.size())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("metrics: %1 scores but %2 labels; pass one label per score.")
                        .arg(scores.size()).arg(labels.size()));
    std::vector<size_t> order;
    order.reserve(scores.size());
    for (size_t i = 0; i < scores.size(); ++i) {
        if (labels[i] != 0 && labels[i] != 1)
            continue;
        if (std::isnan(scores[i]))
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("metrics: score %1 is NaN; the model produced an invalid score.").arg(i));
        order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] > scores[b]; });
    Sorted s;
    s.score.reserve(order.size());
    s.label.reserve(order.size());
    for (size_t i : order) {
        s.score.push_back(scores[i]);
        s.label.push_back(labels[i]);
        (labels[i] ? s.positives : s.negatives) += 1;
    }
    return s;
}

/// Cumulative (fps, tps, threshold) at the last row of each run of equal scores.
struct Steps {
    std::vector<double> fps, tps, thresholds;
};

Steps cumulativeSteps(const Sorted &s)
{
    Steps out;
    double tp = 0, fp = 0;
    for (size_t i = 0; i < s.score.size(); ++i) {
        (s.label[i] ? tp : fp) += 1;
        if (i + 1 == s.score.size() || s.score[i + 1] != s.score[i]) {
            out.tps.push_back(tp);
            out.fps.push_back(fp);
            out.thresholds.push_back(s.score[i]);
        }
    }
    return out;
}

Result<void> needBothClasses(const Sorted &s, const char *what)
{
    if (s.positives == 0 || s.negatives == 0)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("metrics: %1 needs both attack and normal rows (got %2 attack, %3 normal).")
                        .arg(QLatin1String(what)).arg(s.positives).arg(s.negatives));
    return {};
}

} // namespace

QJsonObject Rates::toJson() const
{
    return QJsonObject{{QStringLiteral("tp"), double(tp)}, {QStringLiteral("fp"), double(fp)},
                       {QStringLiteral("tn"), double(tn)}, {QStringLiteral("fn"), double(fn)},
                       {QStringLiteral("tpr"), tpr}, {QStringLiteral("fpr"), fpr},
                       {QStringLiteral("precision"), precision}};
}

Result<RocCurve> rocCurve(const std::vector<double> &scores, const std::vector<int> &labels)
{
    auto sorted = sortedByScore(scores, labels);
    if (!sorted)
        return tl::unexpected(sorted.error());
    if (auto ok = needBothClasses(*sorted, "a ROC curve"); !ok)
        return tl::unexpected(ok.error());
    const Steps st = cumulativeSteps(*sorted);
    RocCurve roc;
    roc.fpr.reserve(st.fps.size() + 1);
    roc.tpr.reserve(st.fps.size() + 1);
    roc.thresholds.reserve(st.fps.size() + 1);
    roc.fpr.push_back(0.0);
    roc.tpr.push_back(0.0);
    roc.thresholds.push_back(std::numeric_limits<double>::infinity());
    for (size_t i = 0; i < st.fps.size(); ++i) {
        roc.fpr.push_back(st.fps[i] / double(sorted->negatives));
        roc.tpr.push_back(st.tps[i] / double(sorted->positives));
        roc.thresholds.push_back(st.thresholds[i]);
    }
    return roc;
}

Result<double> auroc(const std::vector<double> &scores, const std::vector<int> &labels)
{
    auto roc = rocCurve(scores, labels);
    if (!roc)
        return tl::unexpected(roc.error());
    double area = 0.0;
    for (size_t i = 1; i < roc->fpr.size(); ++i)
        area += (roc->fpr[i] - roc->fpr[i - 1]) * (roc->tpr[i] + roc->tpr[i - 1]) * 0.5;
    return area;
}

Result<PrCurve> prCurve(const std::vector<double> &scores, const std::vector<int> &labels)
{
    auto sorted = sortedByScore(scores, labels);
    if (!sorted)
        return tl::unexpected(sorted.error());
    if (sorted->positives == 0)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("metrics: a precision-recall curve needs at least one attack row."));
    const Steps st = cumulativeSteps(*sorted);
    PrCurve pr;
    for (size_t i = 0; i < st.tps.size(); ++i) {
        pr.precision.push_back(st.tps[i] / (st.tps[i] + st.fps[i]));
        pr.recall.push_back(st.tps[i] / double(sorted->positives));
        pr.thresholds.push_back(st.thresholds[i]);
    }
    return pr;
}

Result<double> averagePrecision(const std::vector<double> &scores, const std::vector<int> &labels)
{
    auto pr = prCurve(scores, labels);
    if (!pr)
        return tl::unexpected(pr.error());
    double ap = 0.0, previousRecall = 0.0;
    for (size_t i = 0; i < pr->recall.size(); ++i) {
        ap += (pr->recall[i] - previousRecall) * pr->precision[i];
        previousRecall = pr->recall[i];
    }
    return ap;
}

std::vector<size_t> thinCurve(const std::vector<double> &x, const std::vector<double> &y, double step, double relStep)
{
    std::vector<size_t> kept;
    const size_t n = std::min(x.size(), y.size());
    for (size_t i = 0; i < n; ++i) {
        if (kept.empty() || i + 1 == n) {
            kept.push_back(i);
            continue;
        }
        const double x0 = x[kept.back()], y0 = y[kept.back()];
        if (std::abs(x[i] - x0) >= step || std::abs(y[i] - y0) >= step || (relStep > 0.0 && x0 > 0.0 && x[i] >= x0 * (1.0 + relStep))
            || (relStep > 0.0 && x0 == 0.0 && x[i] > 0.0))
            kept.push_back(i);
    }
    return kept;
}

Result<Rates> ratesAtThreshold(const std::vector<double> &scores, const std::vector<int> &labels, double threshold)
{
    if (scores.size() != labels.size())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("metrics: %1 scores but %2 labels.").arg(scores.size()).arg(labels.size()));
    Rates r;
    for (size_t i = 0; i < scores.size(); ++i) {
        const bool flagged = scores[i] > threshold;
        if (labels[i] == 1)
            (flagged ? r.tp : r.fn) += 1;
        else if (labels[i] == 0)
            (flagged ? r.fp : r.tn) += 1;
    }
    r.tpr = r.tp + r.fn ? double(r.tp) / double(r.tp + r.fn) : 0.0;
    r.fpr = r.fp + r.tn ? double(r.fp) / double(r.fp + r.tn) : 0.0;
    r.precision = r.tp + r.fp ? double(r.tp) / double(r.tp + r.fp) : 0.0;
    return r;
}

Result<double> percentile(std::vector<double> values, double pct)
{
    if (values.empty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("metrics: percentile of no values; calibrate on at least one clean row."));
    if (!(pct >= 0.0 && pct <= 100.0))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("metrics: percentile %1 is outside [0, 100].").arg(pct));
    // numpy's default ("linear", type 7): h = (n - 1) p; interpolate between floor and ceil.
    const double h = double(values.size() - 1) * pct / 100.0;
    const auto lo = size_t(std::floor(h));
    const size_t hi = std::min(lo + 1, values.size() - 1);
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(lo), values.end());
    const double a = values[lo];
    double b = a;
    if (hi != lo)
        b = *std::min_element(values.begin() + std::ptrdiff_t(lo) + 1, values.end());
    return a + (h - double(lo)) * (b - a);
}

Result<double> thresholdForFpr(const std::vector<double> &cleanScores, double targetFpr)
{
    if (!(targetFpr > 0.0 && targetFpr < 1.0))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("metrics: target false-positive rate %1 must be in (0, 1), e.g. 0.01.").arg(targetFpr));
    return percentile(cleanScores, 100.0 * (1.0 - targetFpr));
}

double interpolate(double x, const std::vector<double> &xs, const std::vector<double> &ys)
{
    if (xs.empty())
        return std::numeric_limits<double>::quiet_NaN();
    if (x < xs.front())
        return ys.front();
    if (x >= xs.back())
        return ys.back();
    // numpy picks j with xs[j] <= x < xs[j + 1]: the last of repeated xs equal to x.
    const auto it = std::upper_bound(xs.begin(), xs.end(), x);
    const auto j = size_t(it - xs.begin()) - 1;
    const double slope = (ys[j + 1] - ys[j]) / (xs[j + 1] - xs[j]);
    return ys[j] + slope * (x - xs[j]);
}

double tprAtFpr(const RocCurve &roc, double fpr)
{
    return interpolate(fpr, roc.fpr, roc.tpr);
}

std::int64_t countAbove(const std::vector<double> &scores, double threshold)
{
    return std::int64_t(std::count_if(scores.begin(), scores.end(), [threshold](double s) { return s > threshold; }));
}

QJsonObject ConfusionMatrix::toJson() const
{
    QJsonArray rows;
    for (int t = 0; t < classes.size(); ++t) {
        QJsonArray row;
        for (int p = 0; p < classes.size(); ++p)
            row.append(double(at(t, p)));
        rows.append(row);
    }
    return QJsonObject{{QStringLiteral("classes"), QJsonArray::fromStringList(classes)},
                       {QStringLiteral("counts"), rows}};
}

ConfusionMatrix confusionMatrix(const std::vector<int> &trueIds, const std::vector<int> &predictedIds, const QStringList &classes)
{
    ConfusionMatrix m;
    m.classes = classes;
    const auto n = size_t(classes.size());
    m.counts.assign(n * n, 0);
    const size_t rows = std::min(trueIds.size(), predictedIds.size());
    for (size_t i = 0; i < rows; ++i) {
        const int t = trueIds[i], p = predictedIds[i];
        if (t < 0 || p < 0 || size_t(t) >= n || size_t(p) >= n)
            continue;
        m.counts[size_t(t) * n + size_t(p)] += 1;
    }
    return m;
}

std::vector<GroupRate> flaggedRates(const std::vector<int> &groupIds, const QStringList &names, const std::vector<bool> &flagged)
{
    std::vector<GroupRate> out(size_t(names.size()));
    for (int i = 0; i < names.size(); ++i)
        out[size_t(i)].name = names[i];
    const size_t rows = std::min(groupIds.size(), flagged.size());
    for (size_t i = 0; i < rows; ++i) {
        const int g = groupIds[i];
        if (g < 0 || g >= names.size())
            continue;
        out[size_t(g)].total += 1;
        out[size_t(g)].flagged += flagged[i] ? 1 : 0;
    }
    for (auto &g : out)
        g.rate = g.total ? double(g.flagged) / double(g.total) : 0.0;
    return out;
}

int severity(double score, double threshold)
{
    if (std::isnan(score))
        return 0;
    if (!(threshold > 0.0))
        return score > threshold ? 100 : 0;
    const double ratio = score / threshold;
    if (ratio <= 1.0) {
        if (ratio >= 1.0)
            return 50; // exactly at the threshold
        return std::clamp(int(std::floor(50.0 * std::max(0.0, ratio))), 0, 49);
    }
    const double above = std::log2(ratio) / 4.0; // 16x the threshold saturates
    return std::clamp(50 + int(std::ceil(50.0 * std::min(1.0, above))), 51, 100);
}

QString calibrationSourceText(const QString &code)
{
    if (code == QLatin1String("heldOutSessions"))
        return QStringLiteral("the records of held-out sessions");
    if (code == QLatin1String("heldOutSessionsEach"))
        return QStringLiteral("held-out clean sessions, each counted once");
    if (code == QLatin1String("datasetRows"))
        return QStringLiteral("the normal rows of the data set the model was loaded for");
    return QStringLiteral("held-out clean rows");
}

QString severityBand(int s)
{
    if (s < 50)
        return QStringLiteral("none");
    if (s < 65)
        return QStringLiteral("low");
    if (s < 80)
        return QStringLiteral("medium");
    if (s < 95)
        return QStringLiteral("high");
    return QStringLiteral("critical");
}

QString nslKddFamily(const QString &rawLabel)
{
    static const QHash<QString, QString> families = [] {
        QHash<QString, QString> h;
        const auto add = [&h](const char *family, std::initializer_list<const char *> names) {
            for (const char *n : names)
                h.insert(QLatin1String(n), QLatin1String(family));
        };
        add("dos", {"back", "land", "neptune", "pod", "smurf", "teardrop", "apache2", "mailbomb", "processtable", "udpstorm"});
        add("probe", {"ipsweep", "nmap", "portsweep", "satan", "mscan", "saint"});
        add("r2l", {"ftp_write", "guess_passwd", "imap", "multihop", "phf", "spy", "warezclient", "warezmaster",
                    "sendmail", "named", "snmpgetattack", "snmpguess", "xlock", "xsnoop", "worm"});
        add("u2r", {"buffer_overflow", "loadmodule", "perl", "rootkit", "httptunnel", "ps", "sqlattack", "xterm"});
        add("normal", {"normal"});
        return h;
    }();
    QString label = rawLabel.trimmed().toLower();
    if (label.endsWith(QLatin1Char('.'))) // KDD'99 labels end with a dot
        label.chop(1);
    return families.value(label, QStringLiteral("unknown"));
}

} // namespace vigil::metrics
