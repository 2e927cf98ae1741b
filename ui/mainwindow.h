#pragma once

#include "core/project.h"
#include "ml/runtime.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QMenu;
class QStackedWidget;
class QTabWidget;
class QTextBrowser;
class QTreeView;

namespace vigil::ui {

class JobRunner;
class JobsPanel;
class ProjectTreeModel;
class TriageView;

/// The workbench window: project tree (left), workspace tabs (centre), inspector (right), jobs
/// (bottom), and a status bar with the project and the compute device.
///
/// The window holds no database connection: every read or write of the project runs as a job
/// on a worker with its own connection, and the window keeps the latest ProjectContents snapshot.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const ml::ComputeInfo &compute, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens (or, with \a create, creates) a project in the background.
    void openProject(const QString &path);
    void createProject(const QString &path);
    void closeProject();
    /// Reloads the project snapshot (after an import, a training run…).
    void refreshProject();
    /// Imports \a files into the open project (or a new one the user names) as one job.
    void importFiles(const QStringList &files, const QString &format = QStringLiteral("auto"), const QString &logFormat = {});
    /// Opens (or focuses) the schema preview tab of a dataset.
    void openSchema(std::int64_t datasetId);
    /// Opens (or focuses) the explorer + triage tab of a scoring run.
    void openRun(std::int64_t runId);
    /// Opens (or focuses and refreshes) the evaluation tab of a scoring run: ROC and PR curves
    /// and detection per class against the data set's labels.
    void openEvaluation(std::int64_t runId);
    /// Opens the newest scoring run of the project, if any.
    void openLatestRun();
    /// Asks for training settings and trains a model on \a datasetId with a live loss curve.
    void trainModel(std::int64_t datasetId);

    QString projectPath() const { return m_projectPath; }
    JobRunner *jobs() const { return m_jobs; }
    ProjectTreeModel *projectModel() const { return m_projectModel; }
    QStringList recentProjects() const;

Q_SIGNALS:
    void projectOpened(const QString &path);
    void projectClosed();
    void projectFailed(const QString &message);
    void importFinished(int datasets);
    void runCreated(qint64 runId);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createDocks();
    void onNewProject();
    void onOpenProject();
    void onAbout();
    void onImport();
    void onTrain();
    void onScore();
    /// Trains the supervised classifier on the analyst's labels of the current run and opens
    /// the re-ranked run.
    void onRerank();
    /// Stores a threshold the analyst dragged in a run's histogram (severities follow).
    void persistThreshold(std::int64_t runId, double threshold, TriageView *triage);
    /// The run of the current workspace tab (a run or its evaluation), else the newest run, else 0.
    std::int64_t currentRunId() const;
    std::int64_t currentDatasetId() const;
    void onProjectItemActivated(const QModelIndex &index);
    void onExportReport();
    void onExportCase();
    void onImportCase();
    void updateActions();
    void loadProject(const QString &path, bool create);
    void setContents(const QString &path, const ProjectContents &contents);
    void showError(const QString &title, const QString &message);
    void addRecent(const QString &path);
    void rebuildRecentMenu();
    void updateTitle();
    void updateOverview();
    /// The workspace tab registered under \a key, or nullptr; tabs are keyed like "schema:3".
    QWidget *findTab(const QString &key) const;
    void addTab(const QString &key, QWidget *widget, const QString &title);

    ml::ComputeInfo m_compute;
    JobRunner *m_jobs;
    ProjectTreeModel *m_projectModel;
    QString m_projectPath;
    ProjectContents m_contents;

    QTabWidget *m_workspace = nullptr;
    QTextBrowser *m_overview = nullptr;
    QTextBrowser *m_inspector = nullptr;
    QStackedWidget *m_inspectorStack = nullptr;
    QTreeView *m_projectView = nullptr;
    JobsPanel *m_jobsPanel = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_trainAction = nullptr;
    QAction *m_scoreAction = nullptr;
    QAction *m_rerankAction = nullptr;
    QAction *m_evaluateAction = nullptr;
    QAction *m_reportAction = nullptr;
    QAction *m_exportCaseAction = nullptr;
    QLabel *m_projectLabel = nullptr;
    QLabel *m_deviceLabel = nullptr;
    QLabel *m_jobsLabel = nullptr;
};

} // namespace vigil::ui
