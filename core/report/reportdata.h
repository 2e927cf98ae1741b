#pragma once

#include "core/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <utility>
#include <vector>

namespace vigil {

namespace sql { class Database; }

struct HistogramBin {
    double lo = 0.0, hi = 0.0;
    std::int64_t count = 0;
};

struct TimeBin {
    double start = 0.0, end = 0.0;   ///< epoch seconds
    std::int64_t events = 0;
    std::int64_t alerts = 0;         ///< scored at or above the threshold
};

struct ClusterSummary {
    int id = -1;
    std::int64_t size = 0;
    double minScore = 0.0, maxScore = 0.0, meanScore = 0.0;
};

struct ScatterPoint {
    double x = 0.0, y = 0.0;
    int cluster = -1;
    bool alert = false;
};

/// One record in the report: its score, its analyst label (if any), the fields that identify
/// it and the features that contributed most to its score.
struct Finding {
    std::int64_t recordId = 0;
    double score = 0.0;
    int severity = 0;
    int cluster = -1;
    QString label, tags, note;
    std::vector<std::pair<QString, QString>> fields;          ///< column name → value
    std::vector<std::pair<QString, double>> topFeatures;      ///< feature → contribution
};

struct LabelledItem {
    QString scope, key, label, tags, note, updatedAt;
};

/// Everything a report shows, read from the project in one pass (see collectReport).
struct ReportData {
    QString projectPath;
    QString generatedAt;
    QString vigilVersion;

    std::int64_t datasetId = 0;
    QString datasetName, sourcePath, format, contentHash;
    std::int64_t rows = 0, badLines = 0;

    QJsonObject schema;           ///< the data set's stored FeatureSchema JSON, else the model's (may be empty)
    bool schemaFromModel = false; ///< schema is the model's: the data set was scored, not trained on
    /// A session autoencoder's input: the FeatureSchema of its per-session aggregates (taken out
    /// of modelMetadata's "sessionFeatures", which keeps how sessions are read); empty otherwise.
    QJsonObject sessionSchema;
    std::int64_t modelId = 0;
    QString modelName, modelKind;
    QJsonObject modelMetadata;    ///< training settings and history

    std::int64_t runId = 0;
    double threshold = 0.0;
    double targetFpr = 0.0;
    std::int64_t scored = 0;
    std::int64_t alerts = 0;
    QJsonObject metrics;          ///< evaluation figures when labels exist

    std::vector<HistogramBin> histogram;
    std::vector<TimeBin> timeline;
    std::vector<ClusterSummary> clusters;
    std::vector<ScatterPoint> scatter;   ///< a sample: every alert plus a stride of the rest
    std::vector<Finding> topAnomalies;
    std::vector<LabelledItem> labelled;
};

struct ReportOptions {
    int topAnomalies = 25;
    int histogramBins = 40;
    int timelineBins = 60;
    int scatterSample = 4000;
};

/// Reads what a report of scoring run \a runId shows. Only bound parameters and identifiers
/// Vigil generated (the dataset's `c0…` columns) appear in the SQL.
Result<ReportData> collectReport(sql::Database &db, std::int64_t runId, const ReportOptions &options = {});

/// Records of a dataset to export: \a recordIds exactly (a selection), or when empty every record
/// that carries an analyst label. Returns findings in record-id order.
Result<std::vector<Finding>> collectItems(sql::Database &db, std::int64_t runId, const std::vector<std::int64_t> &recordIds);

} // namespace vigil
