#pragma once

// The analyst's pipeline in one place, shared by the workbench, vigil-cli and the demo:
// dataset → schema → matrix → model → run with scores → evaluation. Torch-free header; the
// functions open their own project connection, so they run on any worker thread.

#include "core/progress.h"
#include "core/result.h"
#include "core/schema/schema.h"
#include "core/sessions/sessions.h"
#include "core/store/datasetstore.h"
#include "ml/anomalymodel.h"
#include "ml/scoring/scorerun.h"

#include <QJsonObject>
#include <QString>

namespace vigil::ml {

struct TrainRequest {
    QString projectPath;
    std::int64_t datasetId = 0;
    TrainOptions options;          ///< kind, epochs, …; labels are filled in from the data set
    QString modelName;             ///< empty: "<kind> on <dataset>"
    QString profile;               ///< schema profile used when the data set has no stored schema
    /// Kind TorchScript: the module file to load instead of training (its input width must be the
    /// schema's). Its threshold is calibrated on the data set: flag options.targetFpr of its rows
    /// labelled normal, or of all its rows when it has no labels (the module never saw them).
    QString torchScriptPath;
    /// Kind Sequence: sessions are the events of one value of \a entityColumn (empty: the
    /// schema's entity key) with no pause over \a sessionGapSeconds; each event is the values of
    /// \a tokenColumns joined by spaces (empty: defaultTokenColumns()).
    QString entityColumn;
    QStringList tokenColumns;
    double sessionGapSeconds = kDefaultSessionGapSeconds;
    /// options.normalOnly as a standing preference (the workbench's remembered checkbox): it
    /// applies where the data set has labels and is dropped where it has none, instead of the
    /// refusal an explicit request (vigil-cli train --normal-only) gets.
    bool normalOnlyWhereLabelled = false;
    /// An analyst's alert budget instead of options.targetFpr (0 = none): the threshold flags
    /// alertsPerDay / (the data set's records a day) of the held-out clean rows, the records a
    /// day being its rows over the span of its timestamp column. Refused without timestamps,
    /// for a span under an hour, a budget over the record rate, and for the classifier. The
    /// model's metadata records "alert_budget" {alertsPerDay, recordsPerDay, days, targetFpr}.
    double alertsPerDay = 0.0;
    bool scoreAfterTraining = true;///< score the training data set as a run right away
    RunOptions run;
    /// A data set with more rows trains on a seeded uniform sample of this many (seed:
    /// options.seed), the schema (when none is stored) is fitted on the same sample and the
    /// calibration rows are held out from it: memory stays bounded, and the autoencoder sees at
    /// most maxSteps × batchSize rows anyway. The model's metadata records "sample" {rows, of,
    /// seed}. 0 = always the whole data set. Smaller data sets train exactly as without it.
    std::int64_t sampleRows = kDefaultSampleRows;
};

struct PipelineResult {
    std::int64_t datasetId = 0;
    std::int64_t modelId = 0;
    std::int64_t runId = 0;        ///< 0 when nothing was scored
    QString modelKind;
    TrainingSummary summary;       ///< empty when only scoring
    double threshold = 0.0;
    double targetFpr = 0.0;
    std::int64_t rows = 0;         ///< rows of the data set
    std::int64_t sampleRows = 0;   ///< training: rows of the sample trained on (0 = all rows)
    int width = 0;                 ///< features per row (the schema's width)
    QStringList classes;           ///< classifier: its classes
    QJsonObject modelMetadata;     ///< training: what is stored with the model (runs::StoredModel::metadata)
    std::int64_t scored = 0;
    std::int64_t alerts = 0;
    int clusters = 0;
    QJsonObject metrics;           ///< evaluation against the data set's labels (empty without labels)
    QJsonObject summaryJson;       ///< the run's summary figures
};

/// What an anomaly model's threshold was calibrated on: \a count held-out clean units (rows, or
/// sessions for models of sessions), of which count × target rate lie above the threshold. With
/// fewer than kCalibrationMinAbove above it the estimate is loose (the binomial error of the
/// flagged share passes a third of it), and the share flagged in other data can be far off.
/// Classifiers (threshold 0.5) have count 0 and are never thin.
struct CalibrationBasis {
    static constexpr double kCalibrationMinAbove = 10.0;
    std::int64_t count = 0;
    bool sessions = false;
    double expectedAbove = 0.0;
    bool thin() const { return count > 0 && expectedAbove < kCalibrationMinAbove; }
    /// The held-out units that would put kCalibrationMinAbove above the threshold.
    std::int64_t enough(double targetFpr) const;
};
CalibrationBasis calibrationBasis(const PipelineResult &result);

/// The columns whose values make a sequence model's event tokens when none are chosen: up to
/// three one-hot feature columns of the table with 2–64 categories other than \a entityColumn,
/// the ones an analyst reads an event by first (method, path_ext and status of an access log;
/// proto, service and conn_state of a Zeek conn.log), else the first ones in schema order.
QStringList defaultTokenColumns(const FeatureSchema &schema, const Table &table, const QString &entityColumn);

/// Trains a model on a data set of the project (its stored schema, or an inferred one that is
/// then stored), saves the model bundle in the project and, by default, scores the data set.
/// Kinds: autoencoder, vae (unsupervised; threshold calibrated on held-out clean rows),
/// classifier (supervised on the data set's labels; its run scores P(attack), threshold 0.5) and
/// torchscript (an external module loaded from TrainRequest::torchScriptPath, not trained) and
/// sequence (a GRU/LSTM next-event model over the data set's sessions: a session's score is its
/// mean per-event loss, every record of a session carries it and names its own event's loss as
/// its top feature; the threshold flags targetFpr of the records of held-out sessions, clean ones
/// when the data set has labels and normalOnly is set).
/// Stages are reported through \a progress ("Loading", "Encoding", "Training", "Scoring", "Saving").
Result<PipelineResult> trainOnDataset(const TrainRequest &request, ProgressFn progress = {}, EpochFn onEpoch = {});

/// Scores data set \a datasetId with stored model \a modelId (its frozen schema: nothing is
/// refitted) and stores the run. Evaluates against the data set's labels when it has them.
/// A data set of more than options.chunkRows rows is streamed: chunk by chunk it is loaded,
/// encoded, scored and its scores written, so memory does not grow with its size (clusters and
/// x/y then come from a map fitted on a sample, see RunOptions::latentSampleRows). A failure or
/// cancel removes the partial run.
Result<PipelineResult> scoreDataset(const QString &projectPath, std::int64_t modelId, std::int64_t datasetId,
                                    const RunOptions &options = {}, ProgressFn progress = {});

/// Evaluates stored run \a runId against its data set's label column (read with the model's
/// schema), stores the figures in the run's metrics under "evaluation" and returns them
/// (evaluateScores()' figures with the model's calibrated thresholds, plus "rows" and "runId",
/// and "curves": evaluationCurves(), returned but not stored).
/// A data set without labels is ErrorCode::NotFound.
Result<QJsonObject> evaluateRun(const QString &projectPath, std::int64_t runId, ProgressFn progress = {});

} // namespace vigil::ml
