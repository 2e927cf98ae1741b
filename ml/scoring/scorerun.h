#pragma once

// Torch-free orchestration of a scoring run: scores, severities, top features, clusters of the
// latent codes and a 2-D projection, as rows for core/runs and figures for the run's metrics.

#include "core/features.h"
#include "core/progress.h"
#include "core/result.h"
#include "core/runs/runstore.h"
#include "ml/anomalymodel.h"

#include <QJsonObject>

namespace vigil::ml {

struct RunOptions {
    int topK = 3;
    int clusters = 0;              ///< 0 = suggest k (silhouette on a sample), < 0 = no clustering
    int maxClusters = 8;
    bool projection = true;
    std::uint64_t seed = 0;
};

struct ScoredRun {
    std::vector<runs::ScoreRow> rows;
    ScoreResult result;            ///< the raw scores and contributions
    int clusters = 0;
    std::int64_t alerts = 0;       ///< rows above the model's threshold
    QJsonObject summary;           ///< threshold, alerts, clusters, explained variance…
};

/// Scores \a data with \a model and derives everything a run stores.
Result<ScoredRun> scoreRun(const AnomalyModel &model, const FeatureMatrix &data, const RunOptions &options = {},
                           ProgressFn progress = {});

/// Detection figures of a run against labels (AUROC, AP, rates at the threshold, oracle TPR at
/// 1%/5% FPR, confusion matrix, per-class and per-NSL-KDD-family detection rates). With
/// \a calibration (the model's thresholds for other clean-row rates), "calibrated" lists the
/// realized TPR/FPR at each of them. \a labels rows align with \a scores.
Result<QJsonObject> evaluateScores(const std::vector<double> &scores, const LabelVector &labels, double threshold,
                                   const std::vector<CalibrationPoint> &calibration = {});

} // namespace vigil::ml
