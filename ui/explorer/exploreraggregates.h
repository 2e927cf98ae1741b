#pragma once

#include "core/query/compiler.h"
#include "core/query/datasetsource.h"
#include "core/result.h"
#include "core/sessions/sessionspec.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace vigil::sql {
class Database;
}

namespace vigil::ui {

/// Score distribution of a run in equal-width bins, with the benign-labelled records' own
/// distribution for the expected false positive rate. Computed in SQL (GROUP BY bin), so a
/// million scores become a few hundred numbers.
struct ScoreHistogram {
    double min = 0.0;
    double max = 0.0;      ///< upper end of the binned range (may be below dataMax: see overflow)
    double dataMax = 0.0;  ///< the largest score
    /// The range stops near the 99.9th percentile (or above the threshold) so that a few huge
    /// outliers do not squash every other record into the first bin; the last bin then also
    /// counts every record above max.
    bool overflow = false;
    double binWidth = 1.0;
    std::vector<qint64> counts;
    std::vector<qint64> benign;
    qint64 total = 0;
    qint64 benignTotal = 0;
    /// The benign rows are the data set's own normal rows (its label column, as the model's
    /// schema names it: NSL-KDD, CIC-IDS…), not the analyst's benign labels.
    bool benignFromDataset = false;
    /// The units are sessions (sessionScoreHistogram), not records.
    bool sessions = false;

    /// Records whose bin lies at or above \a threshold (bins straddling it count by overlap).
    double countAbove(double threshold) const;
    /// Expected false positive rate at \a threshold: the share of benign rows above it when
    /// there are at least 20 (the data set's normal rows, else the analyst's benign labels),
    /// otherwise the share of all records above it (which assumes attacks are rare).
    /// \a fromLabels tells which estimate was used.
    double expectedFpr(double threshold, bool *fromLabels = nullptr) const;
};

Result<ScoreHistogram> scoreHistogram(sql::Database &db, const query::DatasetSource &src, int bins = 100,
                                      const query::CompiledFilter &filter = {});
/// The run's score distribution over \a sessions (a session scores its highest record, and a
/// session model gives each record its
/// session's score): what the threshold of a model of sessions flags. Benign sessions are
/// those whose every record is normal (the data set's label column) or, failing that, labelled
/// benign by the analyst. Builds temp.vigil_session_scores on \a db.
Result<ScoreHistogram> sessionScoreHistogram(sql::Database &db, const query::DatasetSource &src, const SessionSpec &sessions, int bins = 100);

/// Event volume and anomalies over time in fine buckets (at most a fixed number over the whole
/// span), computed once in SQL; zooming re-bins these in memory, so a redraw never queries.
struct TimeBuckets {
    double start = 0.0;  ///< epoch seconds of bucket 0
    double width = 1.0;  ///< seconds per bucket
    std::vector<qint64> volume;
    std::vector<qint64> anomalies;
    /// anomalies counts a model of sessions' flagged sessions, each in the bucket of its first
    /// event (countSessionAnomalies), instead of records.
    bool sessions = false;
    double end() const { return start + width * double(volume.size()); }
};

Result<TimeBuckets> timeBuckets(sql::Database &db, const query::DatasetSource &src, double threshold, int maxBuckets = 20000,
                                const query::CompiledFilter &filter = {});

/// One session of a run as sessionScoreHistogram() grouped them: its first event and its score.
struct SessionPoint {
    double start = 0.0;
    double score = 0.0;
    qint64 cluster = -1; ///< its records' cluster (-1: none)
};
/// The sessions of the last sessionScoreHistogram() on \a db (same connection).
Result<std::vector<SessionPoint>> sessionPoints(sql::Database &db);
/// Recounts \a buckets' anomalies as the \a sessions scoring at least \a threshold, each in the
/// bucket of its first event, and marks them so (TimeBuckets::sessions). In memory: a new
/// threshold needs no query.
void countSessionAnomalies(TimeBuckets &buckets, const std::vector<SessionPoint> &sessions, double threshold);

/// Display bins over [from, to).
struct TimelineBins {
    double from = 0.0;
    double width = 1.0;
    std::vector<qint64> volume;
    std::vector<qint64> anomalies;
};

/// Sums fine buckets into \a bins display bins over [from, to); a fine bucket goes to the bin
/// containing its start. The display width never drops below the fine width.
TimelineBins rebin(const TimeBuckets &buckets, double from, double to, int bins);

/// One point of the cluster scatter.
struct ScatterPoint {
    double x = 0.0;
    double y = 0.0;
    qint64 rid = 0;
    int cluster = -1;
    int severity = 0;
    double score = 0.0;
    QString label;
    bool anomaly = false;
};

/// A sample of the 2-D projection of at most \a maxPoints points: every anomaly (score ≥
/// threshold; the highest ones if they alone exceed the budget) plus an even sample of the
/// rest (record_id modulo a stride).
Result<std::vector<ScatterPoint>> scatterSample(sql::Database &db, const query::DatasetSource &src, double threshold,
                                                int maxPoints = 20000);

/// Per-cluster summary: size, score range, anomalies and the dominant value of a few columns.
struct ClusterSummary {
    qint64 cluster = 0;
    qint64 size = 0;
    qint64 anomalies = 0;
    double minScore = 0.0;
    double maxScore = 0.0;
    double meanScore = 0.0;
    QStringList dominant; ///< "column=value (87%)" (of the cluster's records)
    /// size, anomalies and the scores are a model of sessions' sessions (countSessionClusters).
    bool sessions = false;
};

Result<std::vector<ClusterSummary>> clusterSummaries(sql::Database &db, const query::DatasetSource &src, double threshold,
                                                     int maxColumns = 3);
/// Recounts \a clusters in \a sessions (a model of sessions' run, whose records carry their
/// session's score and cluster): each cluster's size, flagged sessions at \a threshold and
/// score range and mean become its sessions'; the dominant values stay the records'.
void countSessionClusters(std::vector<ClusterSummary> &clusters, const std::vector<SessionPoint> &sessions, double threshold);

} // namespace vigil::ui
