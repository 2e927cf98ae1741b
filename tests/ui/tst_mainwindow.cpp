#include "core/store/datasetstore.h"
#include "core/project.h"
#include "ml/runtime.h"
#include "tests/support/labelledrun.h"
#include "ui/explorer/evaluationview.h"
#include "ui/explorer/explorerview.h"
#include "ui/explorer/scorehistogramview.h"
#include "ui/explorer/timelineview.h"
#include "ui/jobs/jobrunner.h"
#include "ui/mainwindow.h"
#include "ui/training/scoredialog.h"
#include "ui/triage/recordinspector.h"
#include "ui/triage/triagetablemodel.h"
#include "ui/triage/triageview.h"
#include "ui/project/projecttreemodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QInputDialog>
#include <QTimer>
#include <QTreeView>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QRegularExpression>
#include <QDialog>
#include <QUrl>
#include <QTextBrowser>

#include <numeric>

#include <tuple>

using namespace vigil;
using namespace vigil::ui;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ml::ComputeInfo m_compute;

    /// Creates project \a name in the test folder with a labelled run (300 NSL-KDD rows, a small
    /// autoencoder), opens it in \a w and returns what trained it; a failure fails the test
    /// (the caller checks QTest::currentTestFailed()).
    ml::PipelineResult openLabelledRun(MainWindow &w, const QString &name)
    {
        const QString path = m_dir.filePath(name);
        auto trained = testing::createLabelledRun(path, 1);
        if (!trained) {
            QTest::qFail(qPrintable(trained.error().message), __FILE__, __LINE__);
            return {};
        }
        QSignalSpy opened(&w, &MainWindow::projectOpened);
        w.openProject(path);
        if (!QTest::qWaitFor([&opened] { return opened.count() == 1; }, 10000))
            QTest::qFail("the project did not open", __FILE__, __LINE__);
        return *trained;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // keep QSettings away from the user's
        QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
        auto info = ml::initRuntime(ml::DevicePreference::Cpu, 2);
        QVERIFY(info);
        m_compute = *info;
    }

    void shellHasDocksMenusAndDevice()
    {
        MainWindow w(m_compute);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.findChild<QWidget *>(QStringLiteral("projectDock")));
        QVERIFY(w.findChild<QWidget *>(QStringLiteral("inspectorDock")));
        QVERIFY(w.findChild<QWidget *>(QStringLiteral("jobsDock")));
        QVERIFY(w.findChild<QWidget *>(QStringLiteral("workspace")));
        auto *device = w.findChild<QLabel *>(QStringLiteral("deviceLabel"));
        QVERIFY(device);
        QVERIFY2(device->text().contains(QLatin1String("CPU")), qPrintable(device->text()));
        QVERIFY2(device->text().contains(QLatin1String("2 threads")), qPrintable(device->text()));
        QStringList menus;
        for (QAction *a : w.menuBar()->actions())
            menus << a->text();
        QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&Model"), QStringLiteral("&Report"), QStringLiteral("&View"), QStringLiteral("&Help")}));
    }

    void createOpenCloseAndRecent()
    {
        const QString path = m_dir.filePath(QStringLiteral("ui.vigil"));
        MainWindow w(m_compute);
        QAbstractItemModelTester tester(w.projectModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy opened(&w, &MainWindow::projectOpened);
        w.createProject(path);
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 10000);
        QCOMPARE(w.projectPath(), path);
        QVERIFY(QFile::exists(path));
        QCOMPARE(w.projectModel()->rowCount(), int(ProjectTreeModel::GroupCount));
        QVERIFY(w.windowTitle().contains(QLatin1String("ui.vigil")));
        QCOMPARE(w.recentProjects().value(0), QFileInfo(path).absoluteFilePath());

        QSignalSpy closed(&w, &MainWindow::projectClosed);
        w.closeProject();
        QCOMPARE(closed.count(), 1);
        QCOMPARE(w.projectModel()->rowCount(), 0);

        w.openProject(path);
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 2, 10000);
        QCOMPARE(w.projectModel()->rowCount(), int(ProjectTreeModel::GroupCount));
    }

    void evaluateActionOpensTheRunsEvaluation()
    {
        MainWindow w(m_compute);
        const ml::PipelineResult trained = openLabelledRun(w, QStringLiteral("evaluate.vigil"));
        if (QTest::currentTestFailed())
            return;
        QAction *evaluate = nullptr;
        for (QAction *a : w.findChildren<QAction *>())
            if (a->text() == QLatin1String("&Evaluate Run Against Labels"))
                evaluate = a;
        QVERIFY(evaluate);
        QCOMPARE(evaluate->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
        QTRY_VERIFY_WITH_TIMEOUT(evaluate->isEnabled(), 10000);
        evaluate->trigger();
        auto *workspace = w.findChild<QTabWidget *>(QStringLiteral("workspace"));
        QVERIFY(workspace);
        auto *view = qobject_cast<EvaluationView *>(workspace->currentWidget());
        QVERIFY(view);
        QCOMPARE(workspace->tabText(workspace->currentIndex()), QStringLiteral("Evaluation of run %1").arg(trained.runId));
        QSignalSpy loaded(view, &EvaluationView::loaded);
        QVERIFY(loaded.wait(30000));
        QVERIFY(view->figures().contains(QStringLiteral("auroc")));
        // Again, from the evaluation tab: the same tab, evaluated afresh.
        const int tabs = workspace->count();
        evaluate->trigger();
        QCOMPARE(workspace->count(), tabs);
        QCOMPARE(workspace->currentWidget(), view);
        QVERIFY(loaded.wait(30000));

        // Moving the threshold in the run's explorer re-evaluates the open evaluation at it.
        w.openRun(trained.runId);
        auto *explorer = workspace->currentWidget()->findChild<ExplorerView *>();
        QVERIFY(explorer);
        const double moved = view->figures()[QLatin1String("threshold")].toDouble() * 1.5;
        Q_EMIT explorer->thresholdChanged(moved);
        QVERIFY(loaded.wait(30000));
        QCOMPARE(view->figures()[QLatin1String("threshold")].toDouble(), moved);
        w.jobs()->waitForAll();
    }

    void trainingViewCautionsAThinCalibration()
    {
        // 300 NSL-KDD rows: at the default 1 % target well under one of the held-out rows is
        // expected above the threshold, and the training view says what that means.
        QSettings().clear();
        MainWindow w(m_compute);
        const ml::PipelineResult trained = openLabelledRun(w, QStringLiteral("thin.vigil"));
        if (QTest::currentTestFailed())
            return;
        QSignalSpy created(&w, &MainWindow::runCreated);
        QTimer::singleShot(0, &w, [] {
            if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget()))
                dialog->accept();
        });
        w.trainModel(trained.datasetId);
        QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, 60000);
        auto *status = w.findChild<QLabel *>(QStringLiteral("trainingStatus"));
        QVERIFY(status);
        // Normal rows only (the data set has labels): some 150 rows, a tenth of them held out.
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("Caution: the threshold rests on (\\d+) calibration rows, of which ([0-9.]+) "
                                                                            "are expected above it at a 1 % target"))
                                              .match(status->text());
        QVERIFY2(m.hasMatch(), qPrintable(status->text()));
        QVERIFY(m.captured(1).toInt() > 5 && m.captured(1).toInt() < 50);
        QCOMPARE(m.captured(2).toDouble(), m.captured(1).toDouble() / 100.0);
        QVERIFY(status->text().contains(QLatin1String("1,000 or more rows would put 10 above it")));
        // Some 135 training rows in 256-row batches would make 20 steps in 20 epochs.
        QVERIFY2(status->text().contains(QLatin1String("Batches of 16 rows instead of 256: the training data is small")), qPrintable(status->text()));
        w.jobs()->waitForAll();
    }

    void overviewLinksOpenTheSchemaAndTheRun()
    {
        MainWindow w(m_compute);
        const ml::PipelineResult trained = openLabelledRun(w, QStringLiteral("overview.vigil"));
        if (QTest::currentTestFailed())
            return;
        auto *overview = w.findChild<QTextBrowser *>(QStringLiteral("overview"));
        auto *workspace = w.findChild<QTabWidget *>(QStringLiteral("workspace"));
        QVERIFY(overview && workspace);
        const QString html = overview->toHtml();
        const QString runLink = QStringLiteral("vigil-run:%1").arg(trained.runId);
        QVERIFY2(html.contains(runLink), qPrintable(html));
        QVERIFY(html.contains(QLatin1String("Scoring runs")));
        QVERIFY(html.contains(QLatin1String("vigil-schema:")));
        const int tabs = workspace->count();
        Q_EMIT overview->anchorClicked(QUrl(QStringLiteral("vigil-run:999"))); // no such run: nothing
        QCOMPARE(workspace->count(), tabs);
        Q_EMIT overview->anchorClicked(QUrl(runLink));
        QCOMPARE(workspace->count(), tabs + 1);
        QCOMPARE(workspace->tabText(workspace->currentIndex()), QStringLiteral("Run %1").arg(trained.runId));
        QVERIFY(workspace->currentWidget()->findChild<ExplorerView *>());
        const qsizetype at = html.indexOf(QLatin1String("vigil-schema:"));
        const QString schemaLink = html.mid(at, html.indexOf(QLatin1Char('"'), at) - at);
        Q_EMIT overview->anchorClicked(QUrl(schemaLink));
        QCOMPARE(workspace->count(), tabs + 2);
        w.jobs()->waitForAll();
    }

    void runsOfSessionModelsOpenInTheSessionsView()
    {
        // A session autoencoder's run gives every record its session's score: the analyst reads
        // it one session a row, the model's sessions (here split at pauses over an hour, not the
        // triage's default 30 minutes). An autoencoder's run opens on records.
        const QString path = m_dir.filePath(QStringLiteral("sessions.vigil"));
        auto trained = testing::createSessionRun(path, 3, 3600.0);
        QVERIFY2(trained, qPrintable(trained ? QString() : trained.error().message));
        const QString records = m_dir.filePath(QStringLiteral("records.vigil"));
        auto plain = testing::createLabelledRun(records, 1);
        QVERIFY2(plain, qPrintable(plain ? QString() : plain.error().message));
        const qint64 sessions = qint64(trained->summaryJson.value(QStringLiteral("sessions")).toDouble());
        QVERIFY(sessions > 1 && sessions < 200);
        const qint64 flagged = qint64(trained->summaryJson.value(QStringLiteral("sessionAlerts")).toDouble());
        QVERIFY(flagged > 0);
        for (const auto &[project, runId, mode, rows] : {std::tuple{path, trained->runId, TriageQuery::Mode::Sessions, sessions},
                                                         std::tuple{records, plain->runId, TriageQuery::Mode::Records, qint64(300)}}) {
            MainWindow w(m_compute);
            QSignalSpy opened(&w, &MainWindow::projectOpened);
            w.openProject(project);
            QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 10000);
            w.openRun(runId);
            auto *workspace = w.findChild<QTabWidget *>(QStringLiteral("workspace"));
            QVERIFY(workspace);
            auto *triage = workspace->currentWidget()->findChild<TriageView *>();
            QVERIFY(triage);
            QTRY_COMPARE_WITH_TIMEOUT(triage->model()->mode(), mode, 10000);
            // Most anomalous first, once the rows have come.
            QTRY_COMPARE_WITH_TIMEOUT(qint64(triage->model()->rowCount()), rows, 10000);
            QCOMPARE(triage->model()->sortColumn(), mode == TriageQuery::Mode::Sessions ? int(TriageColumns::kMaxScore) : int(TriageColumns::kScore));
            QCOMPARE(triage->model()->sortOrder(), Qt::DescendingOrder);
            // The explorer's histogram and threshold line count the model's units.
            auto *explorer = workspace->currentWidget()->findChild<ExplorerView *>();
            QVERIFY(explorer);
            QTRY_VERIFY_WITH_TIMEOUT(explorer->isLoaded(), 10000);
            const ScoreHistogram &histogram = explorer->histogramView()->histogram();
            QCOMPARE(histogram.sessions, mode == TriageQuery::Mode::Sessions);
            QCOMPARE(histogram.total, rows);
            QVERIFY2(explorer->thresholdLabel()->text().contains(mode == TriageQuery::Mode::Sessions ? QLatin1String("sessions above")
                                                                                                      : QLatin1String("records above")),
                     qPrintable(explorer->thresholdLabel()->text()));
            if (mode == TriageQuery::Mode::Sessions) // counted exactly: the run's flagged sessions
                QVERIFY2(explorer->thresholdLabel()->text().contains(QStringLiteral(" %1 sessions above").arg(flagged)),
                         qPrintable(explorer->thresholdLabel()->text()));
            // So does the timeline: the flagged sessions, each at its first event (the records
            // run's data set has no time column, hence no timeline).
            const TimeBuckets &timeline = explorer->timelineView()->buckets();
            QCOMPARE(timeline.sessions, mode == TriageQuery::Mode::Sessions);
            QCOMPARE(timeline.volume.empty(), mode == TriageQuery::Mode::Records);
            QCOMPARE(std::accumulate(timeline.anomalies.begin(), timeline.anomalies.end(), qint64(0)),
                     mode == TriageQuery::Mode::Sessions ? flagged : 0);
            // The cluster summary too: its clusters' sessions add up to all sessions, their
            // flagged ones to the run's (records: the cluster sizes add up to the records).
            QTableWidget *clusters = explorer->clusterTable();
            QTRY_VERIFY_WITH_TIMEOUT(clusters->rowCount() > 0, 10000);
            qint64 members = 0, flaggedMembers = 0;
            for (int row = 0; row < clusters->rowCount(); ++row) {
                members += clusters->item(row, 1)->text().toLongLong();
                flaggedMembers += clusters->item(row, 2)->text().toLongLong();
            }
            QCOMPARE(members, rows);
            QCOMPARE(clusters->horizontalHeaderItem(1)->text(), mode == TriageQuery::Mode::Sessions ? QStringLiteral("Sessions") : QStringLiteral("Size"));
            if (mode == TriageQuery::Mode::Sessions)
                QCOMPARE(flaggedMembers, flagged);
            if (mode == TriageQuery::Mode::Sessions) {
                // A threshold dragged lower recounts them at once (in memory): as many as the
                // Sessions view's rows whose highest score reaches it.
                const double lower = 0.5 * explorer->histogramView()->threshold();
                qint64 reaching = 0;
                for (int row = 0; row < triage->model()->rowCount(); ++row)
                    reaching += triage->model()->data(triage->model()->index(row, TriageColumns::kMaxScore), Qt::EditRole).toDouble() >= lower;
                QVERIFY(reaching > flagged);
                Q_EMIT explorer->histogramView()->thresholdChanged(lower);
                const TimeBuckets &recounted = explorer->timelineView()->buckets();
                QCOMPARE(std::accumulate(recounted.anomalies.begin(), recounted.anomalies.end(), qint64(0)), reaching);
            }
            if (mode == TriageQuery::Mode::Sessions) {
                QCOMPARE(triage->model()->sessions(), (SessionSpec{QStringLiteral("remote_addr"), 3600.0}));
                // The inspector lists the events of the model's session, not of a 30-minute one:
                // as many as the session's row counts, for every row.
                auto *inspector = w.findChild<RecordInspector *>();
                QVERIFY(inspector);
                int shorterAtDefaultGap = 0;
                for (int row = 0; row < triage->model()->rowCount(); ++row) {
                    QSignalSpy shown(inspector, &RecordInspector::detailsShown);
                    triage->selectRow(row);
                    const qint64 rid = triage->model()->data(triage->model()->index(row, 0), TriageTableModel::FirstRecordRole).toLongLong();
                    QTRY_VERIFY_WITH_TIMEOUT(inspector->currentRecord() == rid && !shown.isEmpty() && shown.last().at(0).toLongLong() == rid, 10000);
                    const qint64 events = triage->model()->data(triage->model()->index(row, TriageColumns::kEvents), Qt::EditRole).toLongLong();
                    QCOMPARE(qint64(inspector->eventsTable()->rowCount()), events);
                    auto atDefault = loadRecordDetails(project, trained->datasetId, runId, rid);
                    QVERIFY(atDefault);
                    shorterAtDefaultGap += atDefault->sessionEvents < events;
                }
                QVERIFY(shorterAtDefaultGap > 0); // the fixture has pauses between 30 and 60 minutes
            }
            w.jobs()->waitForAll();
        }
    }

    void scoreDataSetOffersTheSelectedDataSet()
    {
        // Two data sets; the first is selected in the project tree: Model ▸ Score Data Set… offers it.
        const QString path = m_dir.filePath(QStringLiteral("score.vigil"));
        auto trained = testing::createLabelledRun(path, 1);
        QVERIFY2(trained, qPrintable(trained ? QString() : trained.error().message));
        {
            auto project = Project::open(path);
            QVERIFY(project);
            QVERIFY(importFile(**project, QStringLiteral(VIGIL_TEST_DATA_DIR "/web/w3af_100.log"), ReadOptions{}));
        }
        MainWindow w(m_compute);
        QSignalSpy opened(&w, &MainWindow::projectOpened);
        w.openProject(path);
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 10000);
        auto *tree = w.findChild<QTreeView *>(QStringLiteral("projectView"));
        QVERIFY(tree);
        QTRY_VERIFY_WITH_TIMEOUT(tree->model()->rowCount(tree->model()->index(ProjectTreeModel::DatasetsGroup, 0)) == 2, 10000);
        tree->setCurrentIndex(tree->model()->index(0, 0, tree->model()->index(ProjectTreeModel::DatasetsGroup, 0)));
        QAction *score = nullptr;
        for (QAction *a : w.findChildren<QAction *>())
            if (a->text() == QStringLiteral("&Score Data Set…"))
                score = a;
        QVERIFY(score);
        QTRY_VERIFY_WITH_TIMEOUT(score->isEnabled(), 10000);
        std::int64_t offeredModel = -1, offeredDataset = -1; // what the dialog preselects
        QTimer driver;
        driver.setInterval(20);
        connect(&driver, &QTimer::timeout, &w, [&] {
            if (auto *dialog = qobject_cast<ScoreDialog *>(QApplication::activeModalWidget())) {
                offeredModel = dialog->modelId();
                offeredDataset = dialog->datasetId();
                dialog->reject(); // seen, nothing scored
            }
        });
        driver.start();
        score->trigger();
        driver.stop();
        QCOMPARE(offeredModel, std::int64_t(1));
        QCOMPARE(offeredDataset, std::int64_t(1));
        w.jobs()->waitForAll();
    }

    void projectTreeShowsContents()
    {
        ProjectTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ProjectContents c;
        c.datasets.push_back({1, QStringLiteral("access.log"), QStringLiteral("combined"), QStringLiteral("/tmp/access.log"), 10, 1});
        c.datasets.push_back({2, QStringLiteral("conn.log"), QStringLiteral("zeek"), QStringLiteral("/tmp/conn.log"), 360, 0});
        c.models.push_back({1, QStringLiteral("ae"), QStringLiteral("autoencoder"), 1, {}});
        model.setContents(c);
        const QModelIndex datasets = model.index(ProjectTreeModel::DatasetsGroup, 0);
        QCOMPARE(model.rowCount(datasets), 2);
        QCOMPARE(model.index(1, 0, datasets).data().toString(), QStringLiteral("conn.log"));
        QCOMPARE(model.index(1, 0, datasets).data(ProjectTreeModel::ItemIdRole).toLongLong(), 2);
        QCOMPARE(model.rowCount(model.index(ProjectTreeModel::ModelsGroup, 0)), 1);
        QCOMPARE(model.rowCount(model.index(ProjectTreeModel::RunsGroup, 0)), 0);
        QCOMPARE(model.index(ProjectTreeModel::DatasetsGroup, 1).data().toString(), QStringLiteral("2"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void openingForeignFileFailsCleanly()
    {
        const QString path = m_dir.filePath(QStringLiteral("not-a-project.vigil"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("just text\n");
        }
        MainWindow w(m_compute);
        QSignalSpy failed(&w, &MainWindow::projectFailed);
        QSignalSpy opened(&w, &MainWindow::projectOpened);
        w.openProject(path);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QVERIFY(failed.at(0).at(0).toString().contains(QLatin1String("not a Vigil project")));
        QCOMPARE(opened.count(), 0);
        QVERIFY(w.projectPath().isEmpty());
        QVERIFY(w.findChild<QWidget *>(QStringLiteral("errorBox")));
    }

    void welcomePageOpensRecentProjects()
    {
        QSettings().clear();
        {
            MainWindow fresh(m_compute);
            QVERIFY(!fresh.findChild<QTextBrowser *>(QStringLiteral("overview"))->toHtml().contains(QLatin1String("Recent projects")));
        }
        // A project that has gone since is listed without a link.
        QSettings().setValue(QStringLiteral("recentProjects"), QStringList{m_dir.filePath(QStringLiteral("gone <b>.vigil"))});
        MainWindow w(m_compute);
        auto *overview = w.findChild<QTextBrowser *>(QStringLiteral("overview"));
        QVERIFY(overview);
        QSignalSpy opened(&w, &MainWindow::projectOpened);
        const QString path = m_dir.filePath(QStringLiteral("welcome.vigil"));
        w.createProject(path);
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 10000);
        w.closeProject();
        QTRY_VERIFY(w.projectPath().isEmpty());
        const QString html = overview->toHtml();
        QVERIFY2(html.contains(QLatin1String("Recent projects")), qPrintable(html));
        QVERIFY(html.contains(QLatin1String("welcome.vigil")));
        QVERIFY(html.contains(QLatin1String("vigil-recent:0")));
        QVERIFY(!html.contains(QLatin1String("vigil-recent:1")));
        QVERIFY(html.contains(QLatin1String("gone &lt;b&gt;.vigil (not found)")));
        Q_EMIT overview->anchorClicked(QUrl(QStringLiteral("vigil-recent:7"))); // out of range: nothing
        Q_EMIT overview->anchorClicked(QUrl(QStringLiteral("https://example.invalid/"))); // foreign: nothing
        QCOMPARE(opened.count(), 1);
        Q_EMIT overview->anchorClicked(QUrl(QStringLiteral("vigil-recent:0")));
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 2, 10000);
        QCOMPARE(w.projectPath(), QFileInfo(path).absoluteFilePath());
    }

    void recentListIsBoundedAndDeduplicated()
    {
        QSettings().clear();
        MainWindow w(m_compute);
        QSignalSpy opened(&w, &MainWindow::projectOpened);
        for (int i = 0; i < 12; ++i) {
            const QString p = m_dir.filePath(QStringLiteral("r%1.vigil").arg(i));
            w.createProject(p);
            QTRY_COMPARE_WITH_TIMEOUT(opened.count(), i + 1, 10000);
        }
        w.openProject(m_dir.filePath(QStringLiteral("r3.vigil")));
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 13, 10000);
        const QStringList recent = w.recentProjects();
        QCOMPARE(recent.size(), 10);
        QVERIFY(recent.first().endsWith(QLatin1String("r3.vigil")));
        QCOMPARE(recent.count(recent.first()), 1);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
