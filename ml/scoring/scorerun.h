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
    /// Data sets with more rows are scored in chunks of this many rows (load, encode, score,
    /// store, free), so memory does not grow with the data set. Smaller ones are scored whole,
    /// exactly as before chunking existed.
    std::int64_t chunkRows = 200000;
    /// Chunked scoring: k-means centroids and the PCA axes are fitted on the latent codes of a
    /// seeded uniform sample of this many rows, then every row is assigned chunk by chunk.
    std::int64_t latentSampleRows = 100000;
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

/// Clusters and 2-D projection fitted on the latent codes of a sample, applicable to any row.
struct LatentMap {
    int dim = 0;
    int k = 0;                          ///< 0 = no clustering
    std::vector<float> centroids;       ///< k × dim
    std::vector<double> silhouettes;    ///< when k was suggested
    bool projection = false;
    std::vector<double> mean;           ///< dim
    std::vector<double> axes;           ///< dim × 2
    double explainedVariance[2] = {0.0, 0.0};
    std::int64_t sampleRows = 0;        ///< rows the map was fitted on

    /// The nearest centroid of \a z (dim values); -1 without clustering.
    int cluster(const float *z) const;
    /// (z - mean) · axes as the float x/y a whole-data-set projection stores; NaN without projection.
    void project(const float *z, double &x, double &y) const;
};

/// Fits k-means (per \a options.clusters / maxClusters / seed) and the PCA axes on rows × dim
/// latent codes.
Result<LatentMap> fitLatentMap(const std::vector<float> &latent, std::int64_t rows, int dim, const RunOptions &options);

/// Scores one chunk of a data set: like scoreRun(), but clusters and x/y come from \a map
/// (fitted on a sample beforehand; null = none) instead of being fitted on the chunk itself.
Result<ScoredRun> scoreChunk(const AnomalyModel &model, const FeatureMatrix &data, const RunOptions &options,
                             const LatentMap *map, ProgressFn progress = {});

/// Detection figures of a run against labels (AUROC, AP, rates at the threshold, oracle TPR at
/// 1%/5% FPR, confusion matrix, per-class (the normal class marked "normal": true) and
/// per-NSL-KDD-family detection rates). With
/// \a calibration (the model's thresholds for other clean-row rates), "calibrated" lists the
/// realized TPR/FPR at each of them; "roc" is a coarse thinned ROC ({"fpr", "tpr"}) for the
/// run's report. \a labels rows align with \a scores.
Result<QJsonObject> evaluateScores(const std::vector<double> &scores, const LabelVector &labels, double threshold,
                                   const std::vector<CalibrationPoint> &calibration = {});

/// ROC and precision/recall curves of \a scores against \a labels, thinned for drawing
/// (metrics::thinCurve: steps of 0.002, and 2 % relative steps of the FPR for a log axis):
/// {"roc": {"fpr", "tpr", "threshold"}, "pr": {"recall", "precision", "threshold"}}, arrays in
/// threshold-descending order; the ROC's first threshold (+inf) is null.
Result<QJsonObject> evaluationCurves(const std::vector<double> &scores, const LabelVector &labels);

} // namespace vigil::ml
