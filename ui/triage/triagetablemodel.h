#pragma once

#include "core/sessions/sessionspec.h"
#include "ui/triage/triageworker.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>

#include <list>
#include <memory>

class QThread;

namespace vigil::ui {

/// The triage table over a project file, virtualised: rowCount() comes from an SQL COUNT and
/// rows are fetched in pages of TriageWorker::kPageSize on a worker thread with its own
/// connection, then cached (a bounded LRU of pages), so a million-row dataset never sits in
/// memory. Sorting and filtering re-run the query (ORDER BY / WHERE with bound parameters);
/// the old rows stay visible until the new count and first page arrive, then the model resets
/// once. Rows not yet fetched show placeholders and are filled in with dataChanged().
class TriageTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TriageTableModel)

public:
    enum Role {
        RecordIdRole = Qt::UserRole + 1, ///< qint64 record id (Records) or the entity value (Entities)
        AnomalyRole,                     ///< bool: score ≥ threshold and not suppressed
        SuppressedRole,                  ///< bool
        LabelRole,                       ///< "malicious" / "benign" / "review" / "none"
        TagsRole,
        NoteRole,
        ScoreRole,
        ClusterRole,
        LoadedRole,                      ///< bool: the row's page is in memory
        FirstRecordRole,                 ///< qint64: Records: the record id; Sessions: its first record
    };

    TriageTableModel(const QString &projectPath, qint64 datasetId, qint64 runId, QObject *parent = nullptr);
    ~TriageTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /// Reads the run's description again (e.g. after its threshold moved) and re-runs the
    /// current query, keeping filter, order and mode.
    void reopen();

    /// True once the dataset's description was read and the first query answered.
    bool isReady() const { return m_ready; }
    /// The dataset's fields (for the filter bar); null until opened().
    std::shared_ptr<const query::DatasetSource> source() const { return m_source; }

    /// Compiles and applies \a text; returns the error (with position) when it does not parse,
    /// leaving the current filter in place.
    Result<void> setFilter(const QString &text, query::QueryError *error = nullptr);
    QString filterText() const { return m_filterText; }
    void setMode(TriageQuery::Mode mode);
    TriageQuery::Mode mode() const { return m_query.mode; }
    /// The entity column (field name) for the Entities view and label inheritance.
    void setEntityField(const QString &field);
    QString entityField() const { return m_query.entityField; }
    /// The Sessions view of \a entity's events with no pause longer than \a gapSeconds (one
    /// query, most anomalous session first; an empty entity or a gap <= 0 keeps the current one).
    void showSessions(const SessionSpec &sessions);
    /// The sessions the Sessions view lists: the entity column and the gap.
    SessionSpec sessions() const { return {m_query.entityField, m_query.sessionGapSeconds}; }
    void setHideSuppressed(bool hide);
    int sortColumn() const { return m_query.sortColumn; }
    Qt::SortOrder sortOrder() const { return m_query.descending ? Qt::DescendingOrder : Qt::AscendingOrder; }
    /// Field name shown in \a column (for "never flag this value"), empty when none.
    QString fieldForColumn(int column) const;
    /// Raw value of a cell (not the display text).
    QVariant rawValue(int row, int column) const;
    /// Wall time of the last completed query (count + first page), in ms.
    qint64 lastQueryMs() const { return m_lastQueryMs; }
    const std::vector<SuppressionRule> &suppressions() const { return m_rules; }

    // Labelling; the writes run on the worker in order, then the visible rows are refreshed.
    void labelRows(const QList<int> &rows, LabelValue value);
    void editTagsNote(const QList<int> &rows, const std::optional<QString> &tags, const std::optional<QString> &note);
    void labelCluster(qint64 cluster, LabelValue value);
    void undo();
    void redo();
    const TriageHistoryState &history() const { return m_history; }
    void addSuppression(const QString &field, const QString &value, const QString &note = {});
    void removeSuppression(qint64 id);
    /// Asks for the next (direction > 0) or previous anomaly after \a fromRow; answered by
    /// anomalyFound().
    void findAnomaly(int fromRow, int direction);
    /// Re-runs the current query (after an import, scoring…).
    void refresh();

Q_SIGNALS:
    void ready();
    void queryFinished(qint64 rowCount, qint64 elapsedMs);
    void failed(const QString &message);
    void anomalyFound(int row);
    void historyChanged(const QString &message);
    void suppressionsChanged();

private:
    struct Page {
        std::vector<TriageRow> rows;
    };
    void post(std::function<void(TriageWorker *)> call);
    void startQuery();
    void onOpened(std::shared_ptr<const query::DatasetSource> source, const std::vector<SuppressionRule> &rules);
    void onQueryReady(int generation, qint64 count, const std::vector<TriageRow> &firstPage, qint64 elapsedMs);
    void onPageReady(int generation, int page, const std::vector<TriageRow> &rows);
    void onLabelsChanged(const TriageHistoryState &state, const QString &message);
    const TriageRow *row(int r) const;
    void touch(int page) const;
    void requestPage(int page) const;
    void refreshCachedPages();
    QStringList keysOf(const QList<int> &rows) const;
    int visibleColumns() const;

    QThread *m_thread;
    TriageWorker *m_worker;
    std::shared_ptr<const query::DatasetSource> m_source;
    std::vector<SuppressionRule> m_rules;
    TriageQuery m_query;
    QString m_filterText;
    int m_generation = 0;
    int m_shownGeneration = -1;
    qint64 m_rowCount = 0;
    bool m_ready = false;
    qint64 m_lastQueryMs = 0;
    TriageHistoryState m_history;
    mutable QHash<int, Page> m_pages;
    mutable std::list<int> m_lru;
    mutable QSet<int> m_pending;

    static constexpr int kMaxPages = 64;
};

} // namespace vigil::ui
