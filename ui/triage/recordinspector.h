#pragma once

#include "core/result.h"
#include "core/sessions/sessions.h"
#include "core/sessions/sessionspec.h"

#include <QWidget>

#include <limits>
#include <memory>
#include <vector>

class QLabel;
class QTableWidget;


namespace vigil::ui {

/// Everything the inspector shows about one record, loaded on a worker.
struct RecordDetails {
    qint64 rid = 0;
    std::vector<std::pair<QString, QString>> fields; ///< (column, value), the raw record first
    std::vector<std::pair<QString, double>> contributions; ///< top features, largest first
    SessionSpec sessions;            ///< the entity column the events are of (empty: none) and the gap
    QString entityValue;
    QStringList eventHeaders;
    std::vector<QStringList> events; ///< the record's session's events in time order (bounded)
    int currentEvent = -1;           ///< index of this record in events
    qint64 sessionEvents = 0;        ///< events in the whole session (events may show fewer)
    qint64 entityEvents = 0;         ///< events of the entity in the data set
    double sessionStart = 0.0, sessionEnd = 0.0; ///< seconds since the epoch (0 without a timestamp)
    double score = std::numeric_limits<double>::quiet_NaN(); ///< the record's score in the run
};

/// Loads the details of \a rid from the project at \a path (own connection): all columns, the
/// run's score fields, scores.top_features (a JSON list of {"feature", "contribution"}) and the
/// events of its session in time order: the same value of \a sessions' entity column (empty or
/// unknown: the schema's entity key) with no pause over its gap (none: the default), up to
/// \a maxEvents of them, centred on the record.
Result<RecordDetails> loadRecordDetails(const QString &path, qint64 datasetId, qint64 runId, qint64 rid, int maxEvents = 500,
                                        const SessionSpec &sessions = {});

/// The inspector: the raw record, the top contributing features (a table with a bar per feature:
/// its loss and its share of the record's score; full names, readable in a narrow dock), and
/// the other events of the same entity in time order. Loading runs off the GUI thread; the
/// newest request wins.
class RecordInspector final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordInspector)

public:
    RecordInspector(const QString &projectPath, qint64 datasetId, qint64 runId, QWidget *parent = nullptr);
    ~RecordInspector() override;

    /// Shows \a rid (asynchronously); detailsShown() follows.
    void showRecord(qint64 rid);
    /// A record's session is one of \a sessions (the triage's, e.g. a session model's own; see
    /// loadRecordDetails for empty parts). Reloads the record shown.
    void setSessions(const SessionSpec &sessions);
    qint64 currentRecord() const { return m_rid; }
    QTableWidget *recordTable() const { return m_record; }
    QTableWidget *eventsTable() const { return m_events; }
    /// Feature | Contribution | Share of score, largest first.
    QTableWidget *featuresTable() const { return m_features; }

Q_SIGNALS:
    void detailsShown(qint64 rid);
    void failed(const QString &message);
    /// The user double-clicked another event of the entity.
    void recordActivated(qint64 rid);

private:
    void showDetails(const RecordDetails &d);

    QString m_path;
    qint64 m_datasetId;
    qint64 m_runId;
    qint64 m_rid = 0;
    int m_generation = 0;
    SessionSpec m_sessions;
    QLabel *m_title;
    QTableWidget *m_record;
    QTableWidget *m_features;
    QTableWidget *m_events;
    QLabel *m_sessionTitle;
    std::shared_ptr<int> m_alive;
};

} // namespace vigil::ui
