#pragma once

// Persistence of models (bundles), runs (model × dataset) and per-record scores in the project
// file. Torch-free: bundles are opaque bytes here (ml/ makes and reads them).

#include "core/progress.h"
#include "core/result.h"
#include "core/sqlite.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <limits>
#include <vector>

namespace vigil::runs {

/// A row of the `models` table.
struct StoredModel {
    std::int64_t id = 0;
    QString name;
    QString kind;                 ///< "autoencoder", "vae", "classifier", "sequence", "torchscript"
    std::int64_t datasetId = 0;   ///< the data set it was trained on (0 = none / deleted)
    QJsonObject schema;           ///< the FeatureSchema JSON it was trained with
    QJsonObject metadata;         ///< training metadata (history, seed, data hash, threshold…)
    QByteArray bundle;            ///< the model bundle (ml/modelbundle.h)
    QString createdAt;
};

/// Inserts a model; returns its id.
Result<std::int64_t> saveModel(sql::Database &db, const StoredModel &model);
Result<StoredModel> loadModel(sql::Database &db, std::int64_t modelId);
/// Models of the project, newest first, without their bundles.
Result<std::vector<StoredModel>> listModels(sql::Database &db);

/// A row of the `runs` table: one scoring of a data set by a model.
struct RunInfo {
    std::int64_t id = 0;
    std::int64_t modelId = 0;
    std::int64_t datasetId = 0;
    double threshold = 0.0;
    double targetFpr = 0.0;
    QJsonObject metrics;
    QString createdAt;
};

Result<std::int64_t> createRun(sql::Database &db, const RunInfo &run);
Result<RunInfo> loadRun(sql::Database &db, std::int64_t runId);
Result<void> updateRunMetrics(sql::Database &db, std::int64_t runId, const QJsonObject &metrics);

/// Moves run \a runId's threshold (the analyst dragged it): stores it, recomputes every score's
/// severity band against it in one transaction, and records the change in the run's metrics
/// (threshold, alerts, previous threshold). Returns the number of records at or above it.
Result<std::int64_t> setRunThreshold(sql::Database &db, std::int64_t runId, double threshold, ProgressFn progress = {});

/// One row of the `scores` table.
struct ScoreRow {
    std::int64_t recordId = 0;
    double score = 0.0;
    int severity = 0;             ///< 0–100 (core/metrics severity())
    int cluster = -1;             ///< -1 = none (stored as NULL)
    double x = 0.0, y = 0.0;      ///< 2-D projection (NaN = none, stored as NULL)
    QString topFeatures;          ///< JSON text: [{"feature": …, "contribution": …}, …]
};

/// Writes \a rows for \a runId in one transaction (a failure or Cancel writes none of them).
/// Progress counts rows, reported every \a batchRows; cancelling returns Cancelled.
Result<void> writeScores(sql::Database &db, std::int64_t runId, const std::vector<ScoreRow> &rows,
                         ProgressFn progress = {}, int batchRows = 20000);
/// Records first..last (inclusive) of a run; the default is every record.
struct RecordRange {
    std::int64_t first = std::numeric_limits<std::int64_t>::min();
    std::int64_t last = std::numeric_limits<std::int64_t>::max();
};
/// Reads the scores of a run in record order (only those in \a range: a chunk of a large run).
Result<std::vector<ScoreRow>> readScores(sql::Database &db, std::int64_t runId, ProgressFn progress = {}, RecordRange range = {});

/// A record's score alone (16 bytes a row: what evaluation needs of a run of millions of rows).
struct ScoreValue {
    std::int64_t recordId = 0;
    double score = 0.0;
};
/// Reads record ids and scores of a run in record order, without the other columns.
Result<std::vector<ScoreValue>> readScoreValues(sql::Database &db, std::int64_t runId, ProgressFn progress = {});

} // namespace vigil::runs
