#pragma once

#include "core/labels/labelhistory.h"
#include "core/labels/suppressions.h"
#include "core/query/datasetsource.h"
#include "core/sessions/sessions.h"

#include <QObject>
#include <QVariant>

#include <atomic>
#include <memory>
#include <vector>

namespace vigil {
class Project;
}

namespace vigil::ui {

/// One row of the triage table as fetched: values by TriageTableModel column.
using TriageRow = std::vector<QVariant>;

/// What the table shows: rows or entities, the filter, the order.
struct TriageQuery {
    enum class Mode { Records, Entities, Sessions };
    Mode mode = Mode::Records;
    QString entityField;            ///< Entities/Sessions: the grouping column; Records: label inheritance
    double sessionGapSeconds = kDefaultSessionGapSeconds; ///< Sessions: an entity's events with no pause longer than this
    query::CompiledFilter filter;   ///< compiled against the source's fields
    int sortColumn = 0;             ///< model column
    bool descending = true;
    bool hideSuppressed = false;
};

/// Undo/redo availability, for the view's actions.
struct TriageHistoryState {
    bool canUndo = false;
    bool canRedo = false;
    QString undoText;
    QString redoText;
};

/// Column layout shared by the worker (which builds SQL for it) and the model.
struct TriageColumns {
    /// Records: Score, Severity, Label, Cluster, then the data columns. Entities: Entity, Events,
    /// Events/min (between first and last seen, over at least a minute: bursts such as a
    /// password guesser sort to the top), Peak failures/min (the most 4xx/5xx answers or failed
    /// connections in a minute, from the import's client_errors_1m / orig_failed_1m; empty for
    /// data without them), Max score, Anomalies, Label, First seen, Last seen.
    static constexpr int kScore = 0, kSeverity = 1, kLabel = 2, kCluster = 3, kFirstData = 4;
    static constexpr int kEntity = 0, kEvents = 1, kRate = 2, kPeakFailures = 3, kMaxScore = 4, kAnomalies = 5,
                         kEntityLabel = 6, kFirstSeen = 7, kLastSeen = 8, kEntityColumns = 9;
    /// Sessions rows carry their first record id after the visible columns.
    static constexpr int kSessionFirstRid = kEntityColumns;
    /// True for the views with one row per group (entity or session) instead of per record.
    static bool grouped(TriageQuery::Mode m) { return m != TriageQuery::Mode::Records; }
};

/// Hidden values carried with every record row after the visible columns.
struct TriageRowExtra {
    static constexpr int kRid = 0, kSuppressed = 1, kTags = 2, kNote = 3, kAnomaly = 4, kCount = 5;
};

/// The undo-history text of labelling `what` (e.g. "record 12", "3 entities") with `value`, as one
/// translatable sentence per verdict so that languages can order the words their own way.
QString labelActionText(const QString &what, LabelValue value);

/// Runs all of the triage table's SQL on its own thread and connection: counting, paging, and
/// label writes (serialised here, so undo/redo apply in order). Requests carry a generation; a
/// request older than the newest query is skipped, so only the latest filter or sort costs time.
class TriageWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TriageWorker)

public:
    static constexpr int kPageSize = 256;

    TriageWorker(QString path, std::int64_t datasetId, std::int64_t runId);
    ~TriageWorker() override;

    /// Newest query generation; set from the GUI thread before posting a query.
    std::atomic<int> latestGeneration{0};

    // The slots below run on the worker thread (invoked with Qt::QueuedConnection).
    void open();
    void runQuery(int generation, const vigil::ui::TriageQuery &query);
    void fetchPage(int generation, int page);
    void findAnomaly(int generation, int fromRow, int direction);
    void applyLabel(vigil::LabelScope scope, const QStringList &keys, const vigil::LabelUpdate &update, const QString &description);
    void labelCluster(std::int64_t cluster, vigil::LabelValue value);
    /// Labels (or tags) every record of the sessions \a keys ("entity|start") in one undo step.
    void labelSessions(const QStringList &keys, const vigil::LabelUpdate &update, const QString &description);
    void undo();
    void redo();
    void addSuppression(const QString &field, const QString &value, const QString &note);
    void removeSuppression(std::int64_t id);

Q_SIGNALS:
    void opened(std::shared_ptr<const vigil::query::DatasetSource> source, const std::vector<vigil::SuppressionRule> &rules);
    void failed(const QString &message);
    void queryReady(int generation, qint64 rowCount, const std::vector<vigil::ui::TriageRow> &firstPage, qint64 elapsedMs);
    void queryFailed(int generation, const QString &message);
    void pageReady(int generation, int page, const std::vector<vigil::ui::TriageRow> &rows);
    void anomalyFound(int generation, int row);
    void labelsChanged(const vigil::ui::TriageHistoryState &history, const QString &message);
    void suppressionsChanged(const std::vector<vigil::SuppressionRule> &rules);

private:
    struct Sql {
        QString text;
        std::vector<QVariant> params;
    };
    /// Which tables a query needs: the dataset rows, the scores, the labels.
    struct Plan {
        bool usesData = false;
        bool usesScore = false;
        bool usesLabel = false;
        bool driveFromData = false; ///< scan the dataset table first (selective data filters)
    };
    enum class Order { Matters, Ignored };
    Plan planOf(const TriageQuery &q, Order order = Order::Matters) const;
    QString idFrom(const Plan &plan) const;
    QString idWhere(const Plan &plan, const TriageQuery &q, std::vector<QVariant> &params) const;
    Sql entitySql(const TriageQuery &q) const;
    /// Builds (once per entity column and gap) the connection's temporary table mapping every
    /// record to its session key "entity|first-event-second" (vigil_sessions(rid, skey)).
    Result<void> ensureSessions(const TriageQuery &q);
    Sql countSql(const TriageQuery &q) const;
    QString orderBy(const TriageQuery &q) const;
    /// Record ids of rows [offset, offset + limit) in the query's order (phase 1: only the
    /// tables the filter and order need), then their full rows (phase 2: by id).
    Result<std::vector<std::int64_t>> fetchIds(const TriageQuery &q, std::int64_t offset, std::int64_t limit);
    Result<std::vector<TriageRow>> fetchRows(const TriageQuery &q, const std::vector<std::int64_t> &ids);
    Result<std::vector<TriageRow>> fetch(const TriageQuery &q, std::int64_t offset, std::int64_t limit);
    std::optional<double> estimateKept(const TriageQuery &q);
    void emitHistory(const QString &message);
    bool stale(int generation) const { return generation != latestGeneration.load(); }

    QString m_path;
    std::int64_t m_datasetId;
    std::int64_t m_runId;
    std::unique_ptr<Project> m_project;
    QString m_sessionsBuiltFor;  ///< entity field + gap of the current temp.vigil_sessions
    std::shared_ptr<const query::DatasetSource> m_source;
    std::vector<SuppressionRule> m_rules;
    query::CompiledFilter m_suppressed;
    TriageQuery m_query;
    int m_queryGeneration = -1;
    qint64 m_rowCount = 0;
    qint64 m_totalRows = 0;
    bool m_runComplete = false; ///< every dataset row has a score in the run
    qint64 m_scoredRows = -1;   ///< rows of the run in `scores` (counted at open)
    /// Phase-1 ids of a window of rows, reused by the next pages of the same query.
    struct IdWindow {
        int generation = -1;
        std::int64_t offset = 0;
        std::vector<std::int64_t> ids;
        bool complete = false; ///< the window reaches the end of the result
    } m_window;
    static constexpr int kIdWindow = 2048;
    LabelHistory m_history;
};

} // namespace vigil::ui

Q_DECLARE_METATYPE(vigil::ui::TriageQuery)
Q_DECLARE_METATYPE(vigil::ui::TriageHistoryState)
