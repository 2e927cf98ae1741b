#pragma once

// Re-ranking from the analyst's labels: a supervised classifier trained on what the analyst
// has said so far, scoring every record of a run's data set again. Torch-free header.

#include "core/progress.h"
#include "core/result.h"
#include "ml/anomalymodel.h"

#include <QString>

namespace vigil::ml {

struct RetrainOptions {
    int epochs = 15;
    std::uint64_t seed = 0;
    /// Unlabelled records scored below the base run's threshold that are added as weak
    /// "benign" examples: at most this many times the number of labelled records (0 = none).
    /// Analysts label a handful of rows; the quiet bulk of the data is what benign looks like.
    int weakNegativesPerLabel = 20;
    int minWeakNegatives = 2000;
    /// Records are scored this many at a time (memory stays bounded on data sets of millions).
    std::int64_t chunkRows = 200000;
};

struct RetrainResult {
    std::int64_t modelId = 0;
    std::int64_t runId = 0;
    std::int64_t malicious = 0;      ///< records labelled malicious (directly or through their entity)
    std::int64_t benign = 0;         ///< records labelled benign
    std::int64_t weakNegatives = 0;  ///< unlabelled below-threshold records used as benign
    std::int64_t scored = 0;
    std::int64_t alerts = 0;         ///< records with P(malicious) ≥ 0.5
    std::int64_t unlabelledAlerts = 0; ///< of those, records nobody has labelled yet
};

/// Trains a binary MLP classifier on the effective labels of run \a baseRunId's data set
/// (record labels, else entity labels; "review" and "none" are not used) plus weak negatives,
/// with the base run's model schema (nothing is refitted), stores it as a "classifier" model and
/// scores every record into a new run whose score is P(malicious) (threshold 0.5). Clusters,
/// projection and contributing features are carried over from the base run, so the explorer
/// shows the same map re-ranked. Fails with InvalidArgument when there is not at least one
/// malicious and one benign example.
Result<RetrainResult> retrainFromLabels(const QString &projectPath, std::int64_t baseRunId, const RetrainOptions &options = {},
                                        ProgressFn progress = {}, EpochFn onEpoch = {});

} // namespace vigil::ml
