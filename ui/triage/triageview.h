#pragma once

#include "core/labels/labelstore.h"
#include "core/sessions/sessionspec.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QToolButton;

namespace vigil::ui {

class FilterBar;
class JobRunner;
class TriageTableModel;

/// The analyst's triage table: filter bar, records / entities view, column chooser, labelling
/// with one hand (J/K or N/P next/previous anomaly, 1/2/3 malicious/benign/review, 0 clears,
/// Ctrl+Z / Ctrl+Shift+Z undo/redo), a tags/note editor, "never flag this value" and labelling
/// a whole cluster. All SQL runs on the model's worker thread.
///
/// Plug-in: `new TriageView(jobs, projectPath, datasetId, runId)` in a workspace tab; connect
/// recordSelected() to RecordInspector::showRecord() and ExplorerView::filterRequested() to
/// applyFilter().
class TriageView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TriageView)

public:
    TriageView(JobRunner *jobs, const QString &projectPath, qint64 datasetId, qint64 runId, QWidget *parent = nullptr);
    ~TriageView() override;

    TriageTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    FilterBar *filterBar() const { return m_filter; }
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }

    /// Sets the filter text and applies it when it compiles; returns false (and shows the
    /// error in the filter bar) otherwise.
    bool applyFilter(const QString &text);
    /// Switches to the Sessions view (one row per session), where a run of a model of sessions
    /// is read: each of its records carries its session's score. \a sessions' entity (when the
    /// data set has that field) and gap (when > 0) make the sessions the model's own.
    void showSessions(const SessionSpec &sessions = {});
    /// Selects \a row and scrolls to it.
    void selectRow(int row);
    /// Shows or hides a column (the column chooser's action).
    void setColumnVisible(int column, bool visible);
    void nextAnomaly();
    void previousAnomaly();
    /// Labels the selected rows (records or entities).
    void labelSelection(vigil::LabelValue value);
    /// Labels every record of the current row's cluster.
    void labelCurrentCluster(vigil::LabelValue value);
    /// Adds a "never flag this value" rule from the current cell (field = value).
    void suppressCurrentValue();
    QList<int> selectedRows() const;

Q_SIGNALS:
    /// The current record changed (Records view); rid is the record id.
    void recordSelected(qint64 rid);
    /// The current entity changed (Entities view).
    void entitySelected(const QString &field, const QString &value);
    /// The applied filter changed (so linked views can follow).
    void filterChanged(const QString &text);
    /// Sessions are now \a sessions (the table's entity column and gap: a session model's own
    /// once showSessions() ran).
    void sessionsChanged(const vigil::SessionSpec &sessions);
    /// A status line for the main window's status bar.
    void statusMessage(const QString &message);

private:
    void buildColumnMenu();
    void onCurrentChanged();
    void onModelReady();
    void applyNoteTags();

    TriageTableModel *m_model;
    FilterBar *m_filter;
    QComboBox *m_mode;
    QComboBox *m_entity;
    QCheckBox *m_hideSuppressed;
    QToolButton *m_columns;
    QLabel *m_count;
    QTableView *m_table;
    QLineEdit *m_tags;
    QLineEdit *m_note;
    QLabel *m_message;
    QAction *m_undo;
    QAction *m_redo;
    int m_pendingSelectRow = -1;
    bool m_sessionsWhenReady = false; ///< showSessions() before the first rows came
    SessionSpec m_sessions;           ///< …these
};

} // namespace vigil::ui
