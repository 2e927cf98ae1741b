#pragma once

// Detection metrics for anomaly scores, defined exactly like the reference tools (scikit-learn
// 1.2 and numpy) so that Vigil's figures can be compared with published ones number for number.

#include "core/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace vigil::metrics {

/// Receiver operating characteristic as sklearn.metrics.roc_curve computes it: one point per
/// distinct score (descending), starting at (0, 0) with threshold +inf. Ties share a point, so
/// the trapezoid area equals the Mann–Whitney AUROC with ties counted as one half.
struct RocCurve {
    std::vector<double> fpr;
    std::vector<double> tpr;
    std::vector<double> thresholds;
};

/// Precision/recall per distinct threshold (descending scores), as
/// sklearn.metrics.precision_recall_curve but in threshold-descending order.
struct PrCurve {
    std::vector<double> precision;
    std::vector<double> recall;
    std::vector<double> thresholds;
};

/// Counts and rates of the rule "score > threshold means attack".
struct Rates {
    std::int64_t tp = 0, fp = 0, tn = 0, fn = 0;
    double tpr = 0.0;       ///< tp / positives (0 when there are none)
    double fpr = 0.0;       ///< fp / negatives (0 when there are none)
    double precision = 0.0; ///< tp / (tp + fp) (0 when nothing is flagged)
    QJsonObject toJson() const;
};

/// Labels are 1 (attack / positive), 0 (normal / negative); any other value (e.g. -1 =
/// unknown) is skipped. Scores: higher = more anomalous. Both vectors have the same length.
Result<RocCurve> rocCurve(const std::vector<double> &scores, const std::vector<int> &labels);
/// Area under rocCurve() by the trapezoid rule (sklearn.metrics.roc_auc_score).
Result<double> auroc(const std::vector<double> &scores, const std::vector<int> &labels);
Result<PrCurve> prCurve(const std::vector<double> &scores, const std::vector<int> &labels);
/// sklearn.metrics.average_precision_score: sum over thresholds of (R_n - R_{n-1}) * P_n.
Result<double> averagePrecision(const std::vector<double> &scores, const std::vector<int> &labels);
/// Rates at a fixed threshold (strictly greater = flagged, as in the reference).
Result<Rates> ratesAtThreshold(const std::vector<double> &scores, const std::vector<int> &labels, double threshold);

/// numpy.percentile(values, pct) with the default linear interpolation; pct in [0, 100].
Result<double> percentile(std::vector<double> values, double pct);
/// The threshold that flags a fraction \a targetFpr of clean (normal, held-out) scores:
/// percentile(clean, 100 * (1 - targetFpr)). The reference's 99th percentile is targetFpr 0.01.
Result<double> thresholdForFpr(const std::vector<double> &cleanScores, double targetFpr);
/// numpy.interp(x, xs, ys) for non-decreasing xs (repeated xs allowed, as on a ROC curve).
double interpolate(double x, const std::vector<double> &xs, const std::vector<double> &ys);
/// "Oracle" TPR at a false-positive rate read off a ROC curve with numpy.interp.
double tprAtFpr(const RocCurve &roc, double fpr);

/// Indices of the points of a curve worth drawing: the first, the last, and each point that
/// moves at least \a step from the last kept one in x or in y, or (with \a relStep > 0) grows x
/// by a factor 1 + \a relStep, which keeps the low-FPR end of a ROC sharp on a log axis.
/// \a x and \a y have the same length.
std::vector<size_t> thinCurve(const std::vector<double> &x, const std::vector<double> &y, double step, double relStep = 0.0);

/// Number of scores strictly above \a threshold (the expected alert count).
std::int64_t countAbove(const std::vector<double> &scores, double threshold);

/// Row-major square matrix counts[true * n + predicted] over \a classes.
struct ConfusionMatrix {
    QStringList classes;
    std::vector<std::int64_t> counts;
    std::int64_t at(int trueClass, int predicted) const { return counts[size_t(trueClass) * size_t(classes.size()) + size_t(predicted)]; }
    QJsonObject toJson() const;
};
/// Ids outside [0, classes.size()) are skipped.
ConfusionMatrix confusionMatrix(const std::vector<int> &trueIds, const std::vector<int> &predictedIds, const QStringList &classes);

/// Share of the rows of each group that were flagged (detection rate per class or family).
struct GroupRate {
    QString name;
    std::int64_t total = 0;
    std::int64_t flagged = 0;
    double rate = 0.0;
};
/// \a groupIds index \a names (-1 = skip); \a flagged is per row.
std::vector<GroupRate> flaggedRates(const std::vector<int> &groupIds, const QStringList &names, const std::vector<bool> &flagged);

/// Severity 0–100 from a score and the calibrated threshold: below the threshold 0–49 in
/// proportion to score/threshold; above it 50–100 growing with log2(score/threshold), saturating
/// at 16× the threshold. Monotone in the score.
int severity(double score, double threshold);
/// "none" (<50), "low" (50–64), "medium" (65–79), "high" (80–94), "critical" (95–100).
QString severityBand(int severity);

/// What an evaluation's "calibratedOn" code says in English: "the records of held-out sessions"
/// (heldOutSessions), "held-out clean sessions, each counted once" (heldOutSessionsEach), "the
/// normal rows of the data set the model was loaded for" (datasetRows), else "held-out clean rows".
QString calibrationSourceText(const QString &code);

/// NSL-KDD / KDD'99 attack family of a label ("normal", "dos", "probe", "r2l", "u2r", or
/// "unknown" for names not in the published mapping).
QString nslKddFamily(const QString &label);

} // namespace vigil::metrics
