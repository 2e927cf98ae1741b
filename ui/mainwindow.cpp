#include "ui/mainwindow.h"

#include "ui/jobs/jobrunner.h"
#include "ui/jobs/jobspanel.h"
#include "ui/language.h"
#include "ui/project/projecttreemodel.h"
#include "ui/report/pdfreport.h"
#include "ui/report/reportdialog.h"
#include "ui/import/importdialog.h"
#include "ui/schema/schemapreviewwidget.h"
#include "ui/explorer/evaluationview.h"
#include "ui/explorer/explorerview.h"
#include "ui/triage/recordinspector.h"
#include "ui/triage/triagetablemodel.h"
#include "ui/triage/triageview.h"
#include "ui/training/scoredialog.h"
#include "ui/training/traindialog.h"
#include "ui/training/trainingview.h"

#include "ml/pipeline.h"
#include "ml/training/labelretrain.h"
#include "core/runs/runstore.h"

#include "core/store/datasetstore.h"

#include "core/report/casebundle.h"
#include "core/report/render.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QPointer>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QTimer>
#include <QStandardPaths>
#include <QSplitter>
#include <QTableView>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QDateTime>
#include <QTextBrowser>
#include <QUrl>
#include <QTreeView>

namespace vigil::ui {

namespace {

constexpr int kMaxRecent = 10;
const auto kRecentKey = QStringLiteral("recentProjects");
const auto kRecentScheme = QStringLiteral("vigil-recent");
const auto kSchemaScheme = QStringLiteral("vigil-schema");
const auto kRunScheme = QStringLiteral("vigil-run");

QString projectFilter() { return MainWindow::tr("Vigil projects (*.vigil);;All files (*)"); }

/// What the training view says of a threshold calibrated on too few rows or sessions.
QString calibrationCaution(const ml::CalibrationBasis &b, double targetFpr)
{
    const QLocale locale;
    return (b.sessions ? MainWindow::tr("Caution: the threshold rests on %L1 calibration sessions, of which %2 are expected above it at a "
                                        "%3 % target: too few to set it closely, so other data may be flagged at quite another rate "
                                        "(%L4 or more sessions would put %L5 above it).")
                       : MainWindow::tr("Caution: the threshold rests on %L1 calibration rows, of which %2 are expected above it at a "
                                        "%3 % target: too few to set it closely, so other data may be flagged at quite another rate "
                                        "(%L4 or more rows would put %L5 above it)."))
        .arg(b.count)
        .arg(locale.toString(b.expectedAbove, 'g', 2), locale.toString(100.0 * targetFpr, 'g', 3))
        .arg(b.enough(targetFpr))
        .arg(b.kCalibrationMinAbove);
}

} // namespace

MainWindow::MainWindow(const ml::ComputeInfo &compute, QWidget *parent)
    : QMainWindow(parent), m_compute(compute), m_jobs(new JobRunner(this)), m_projectModel(new ProjectTreeModel(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    QIcon icon(QStringLiteral(":/icons/hicolor/vigil-256.png"));
    icon.addFile(QStringLiteral(":/icons/vigil.svg")); // sharp at any size where the SVG plugin exists
    setWindowIcon(icon);
    setAcceptDrops(true);
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);

    m_workspace = new QTabWidget(this);
    m_workspace->setObjectName(QStringLiteral("workspace"));
    m_workspace->setDocumentMode(true);
    m_workspace->setTabsClosable(true);
    m_overview = new QTextBrowser(m_workspace);
    m_overview->setObjectName(QStringLiteral("overview"));
    m_overview->setOpenLinks(false);
    // The welcome page lists the recent projects as links: vigil-recent:N opens entry N.
    // A project's overview links its data sets to their schema (vigil-schema:ID) and its runs
    // to their explorer (vigil-run:ID).
    connect(m_overview, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        bool ok = false;
        const qint64 n = url.path().toLongLong(&ok);
        if (!ok)
            return;
        if (url.scheme() == kRecentScheme) {
            const QStringList list = recentProjects();
            if (n >= 0 && n < list.size())
                openProject(list.at(int(n)));
        } else if (url.scheme() == kSchemaScheme && m_contents.dataset(n)) {
            openSchema(n);
        } else if (url.scheme() == kRunScheme) {
            openRun(n); // which says so in the status bar where the run is not in the project
        }
    });
    m_workspace->addTab(m_overview, tr("Overview"));
    m_workspace->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    m_workspace->tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    // The overview is the home tab; only later feature tabs can be closed.
    connect(m_workspace, &QTabWidget::tabCloseRequested, this, [this](int i) {
        if (m_workspace->widget(i) != m_overview)
            m_workspace->widget(i)->deleteLater();
    });
    setCentralWidget(m_workspace);

    createDocks();
    createActions();

    m_projectLabel = new QLabel(this);
    m_jobsLabel = new QLabel(this);
    m_deviceLabel = new QLabel(this);
    m_deviceLabel->setObjectName(QStringLiteral("deviceLabel"));
    m_deviceLabel->setText(tr("Device: %1 · %2 threads").arg(m_compute.deviceName).arg(m_compute.intraOpThreads));
    m_deviceLabel->setToolTip(tr("LibTorch %1\nBLAS: %2").arg(m_compute.torchVersion, m_compute.blas));
    statusBar()->addWidget(m_projectLabel, 1);
    statusBar()->addPermanentWidget(m_jobsLabel);
    statusBar()->addPermanentWidget(m_deviceLabel);
    connect(m_jobs, &JobRunner::runningCountChanged, this, [this](int n) {
        m_jobsLabel->setText(n > 0 ? tr("Jobs running: %1").arg(n) : QString());
    });

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // First start: most of the screen (the triage table wants height), at least 1280×800.
        const QRect avail = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
        resize(std::max(1280, avail.width() * 9 / 10), std::max(800, avail.height() * 9 / 10));
    }
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray())) {
        // First start: room for the inspector's raw record and features. Sizes given before the
        // window is laid out are lost, hence once the event loop has shown it.
        QTimer::singleShot(0, this, [this] {
            auto *project = findChild<QDockWidget *>(QStringLiteral("projectDock"));
            auto *inspector = findChild<QDockWidget *>(QStringLiteral("inspectorDock"));
            auto *jobs = findChild<QDockWidget *>(QStringLiteral("jobsDock"));
            if (project && inspector)
                resizeDocks({project, inspector}, {240, std::max(320, width() / 5)}, Qt::Horizontal);
            if (jobs)
                resizeDocks({jobs}, {150}, Qt::Vertical);
        });
    }
    rebuildRecentMenu();
    updateTitle();
    updateOverview();
    updateActions();
}

MainWindow::~MainWindow()
{
    m_jobs->cancelAll();
    m_jobs->waitForAll();
}

void MainWindow::createDocks()
{
    m_projectView = new QTreeView(this);
    m_projectView->setObjectName(QStringLiteral("projectView"));
    m_projectView->setModel(m_projectModel);
    // Names first: the details column takes only what its text needs, so a narrow dock still
    // shows "Datasets" and the file names rather than a squeezed first column.
    m_projectView->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_projectView->header()->setStretchLastSection(true);
    m_projectView->header()->setMinimumSectionSize(60);
    m_projectView->setUniformRowHeights(true);
    m_projectView->setMinimumWidth(220);
    auto *projectDock = new QDockWidget(tr("Project"), this);
    projectDock->setObjectName(QStringLiteral("projectDock"));
    projectDock->setWidget(m_projectView);
    addDockWidget(Qt::LeftDockWidgetArea, projectDock);

    m_inspector = new QTextBrowser(this);
    m_inspector->setObjectName(QStringLiteral("inspector"));
    m_inspector->setPlaceholderText(tr("Select a record, session or model to inspect it here."));
    // Page 0 is the text inspector (project items, import reports); each run tab adds its
    // record inspector and shows it while that tab is current.
    m_inspectorStack = new QStackedWidget(this);
    m_inspectorStack->addWidget(m_inspector);
    auto *inspectorDock = new QDockWidget(tr("Inspector"), this);
    inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    inspectorDock->setWidget(m_inspectorStack);
    connect(m_workspace, &QTabWidget::currentChanged, this, [this](int index) {
        QWidget *tab = m_workspace->widget(index);
        auto *inspector = tab ? tab->property("vigilInspector").value<QWidget *>() : nullptr;
        m_inspectorStack->setCurrentWidget(inspector ? inspector : m_inspector);
    });
    addDockWidget(Qt::RightDockWidgetArea, inspectorDock);

    m_jobsPanel = new JobsPanel(m_jobs, this);
    auto *jobsDock = new QDockWidget(tr("Jobs"), this);
    jobsDock->setObjectName(QStringLiteral("jobsDock"));
    jobsDock->setWidget(m_jobsPanel);
    addDockWidget(Qt::BottomDockWidgetArea, jobsDock);

    connect(m_projectView, &QTreeView::activated, this, &MainWindow::onProjectItemActivated);
    connect(m_projectView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &idx) {
        if (!idx.isValid() || !idx.parent().isValid()) {
            m_inspector->clear();
            return;
        }
        const QModelIndex first = idx.siblingAtColumn(0);
        QString text = first.data(Qt::ToolTipRole).toString();
        if (text.isEmpty())
            text = first.data().toString() + QLatin1Char('\n') + idx.siblingAtColumn(1).data().toString();
        m_inspector->setPlainText(text);
    });
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(QIcon::fromTheme(QStringLiteral("document-new")), tr("&New Project…"), this, &MainWindow::onNewProject);
    newAction->setShortcut(QKeySequence::New);
    newAction->setStatusTip(tr("Create a new investigation file (*.vigil)"));
    QAction *openAction = file->addAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open Project…"), this, &MainWindow::onOpenProject);
    openAction->setShortcut(QKeySequence::Open);
    openAction->setStatusTip(tr("Open an existing investigation file"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    m_importAction = file->addAction(QIcon::fromTheme(QStringLiteral("document-import")), tr("&Import Logs or Data Sets…"), this, &MainWindow::onImport);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setStatusTip(tr("Access logs, Zeek logs, flow CSVs (NSL-KDD, KDD'99, UNSW-NB15, CIC-IDS), gzip-compressed too"));
    m_closeAction = file->addAction(tr("&Close Project"), this, &MainWindow::closeProject);
    m_closeAction->setShortcut(QKeySequence::Close);
    m_closeAction->setEnabled(false);
    file->addSeparator();
    m_exportCaseAction = file->addAction(tr("E&xport Case Bundle…"), this, &MainWindow::onExportCase);
    m_exportCaseAction->setStatusTip(tr("One file with the data, schema, models, thresholds, labels and report, for a colleague"));
    file->addAction(tr("I&mport Case Bundle…"), this, &MainWindow::onImportCase);
    file->addSeparator();
    QAction *quit = file->addAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *model = menuBar()->addMenu(tr("&Model"));
    m_trainAction = model->addAction(tr("&Train Model…"), this, &MainWindow::onTrain);
    m_trainAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_trainAction->setStatusTip(tr("Train an anomaly model on the selected data set (live loss curves, Cancel keeps the best epoch)"));
    m_scoreAction = model->addAction(tr("&Score Data Set…"), this, &MainWindow::onScore);
    m_scoreAction->setStatusTip(tr("Score a data set with a trained model (its schema is reused, never refitted)"));
    m_evaluateAction = model->addAction(tr("&Evaluate Run Against Labels"), this, [this] {
        if (const std::int64_t run = currentRunId(); run > 0)
            openEvaluation(run);
    });
    m_evaluateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_evaluateAction->setStatusTip(tr("ROC and precision/recall curves, AUROC, detection per attack class of the current run, "
                                      "against the label column of its data set"));
    model->addSeparator();
    m_rerankAction = model->addAction(tr("&Re-rank from Labels"), this, &MainWindow::onRerank);
    m_rerankAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_rerankAction->setStatusTip(tr("Train the supervised classifier on your malicious/benign labels of this run and re-score "
                                    "every record, so what is left to triage comes first"));

    QMenu *report = menuBar()->addMenu(tr("&Report"));
    m_reportAction = report->addAction(QIcon::fromTheme(QStringLiteral("document-export")), tr("&Export Report…"), this, &MainWindow::onExportReport);
    m_reportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_reportAction->setStatusTip(tr("HTML or PDF report of a scoring run, or CSV/JSON of the labelled items"));

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addSeparator();
    // The language is read once at start-up (gui_main.cpp installs the translators before any
    // widget exists), so a change is stored and applies on the next start. Names are endonyms.
    QMenu *language = m_viewMenu->addMenu(tr("&Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    auto *languages = new QActionGroup(language);
    const QString current = QSettings().value(QLatin1String(kLanguageSettingKey)).toString();
    const std::pair<QString, QString> choices[] = {{QString(), tr("System default")},
                                                   {QStringLiteral("en"), QStringLiteral("English")},
                                                   {QStringLiteral("de"), QStringLiteral("Deutsch")},
                                                   {QStringLiteral("es"), QStringLiteral("Español")}};
    for (const auto &[code, name] : choices) {
        QAction *a = language->addAction(name);
        a->setCheckable(true);
        a->setChecked(code == current);
        a->setData(code);
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] {
            if (QSettings().value(QLatin1String(kLanguageSettingKey)).toString() == code)
                return;
            QSettings().setValue(QLatin1String(kLanguageSettingKey), code);
            statusBar()->showMessage(tr("The language is applied the next time Vigil starts."), 10000);
        });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Vigil"), this, &MainWindow::onAbout);
    about->setMenuRole(QAction::AboutRole);
}

QStringList MainWindow::recentProjects() const
{
    return QSettings().value(kRecentKey).toStringList();
}

void MainWindow::addRecent(const QString &path)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    QStringList list = recentProjects();
    list.removeAll(abs);
    list.prepend(abs);
    while (list.size() > kMaxRecent)
        list.removeLast();
    QSettings().setValue(kRecentKey, list);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList list = recentProjects();
    int n = 0;
    for (const QString &path : list) {
        ++n;
        QAction *a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(n).arg(QFileInfo(path).fileName()));
        a->setToolTip(path);
        a->setStatusTip(path);
        connect(a, &QAction::triggered, this, [this, path] { openProject(path); });
    }
    if (!list.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear List"), this, [this] {
            QSettings().remove(kRecentKey);
            rebuildRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!list.isEmpty());
    if (m_projectPath.isEmpty())
        updateOverview(); // the welcome page lists them too
}

void MainWindow::onNewProject()
{
    const QString dir = QSettings().value(QStringLiteral("lastDir"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
    QString path = QFileDialog::getSaveFileName(this, tr("New Project"), dir + QStringLiteral("/investigation.vigil"), projectFilter());
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".vigil");
    QSettings().setValue(QStringLiteral("lastDir"), QFileInfo(path).absolutePath());
    // The save dialog already asked whether to overwrite; Project::create never overwrites.
    if (QFileInfo::exists(path) && !QFile::remove(path)) {
        showError(tr("New Project"), tr("Cannot replace %1.").arg(path));
        return;
    }
    createProject(path);
}

void MainWindow::onOpenProject()
{
    const QString dir = QSettings().value(QStringLiteral("lastDir"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), dir, projectFilter());
    if (path.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("lastDir"), QFileInfo(path).absolutePath());
    openProject(path);
}

void MainWindow::openProject(const QString &path) { loadProject(path, false); }
void MainWindow::createProject(const QString &path) { loadProject(path, true); }

void MainWindow::refreshProject()
{
    if (!m_projectPath.isEmpty())
        loadProject(m_projectPath, false);
}

void MainWindow::loadProject(const QString &path, bool create)
{
    const QString title = create ? tr("Creating %1").arg(QFileInfo(path).fileName())
                                 : tr("Opening %1").arg(QFileInfo(path).fileName());
    auto contents = std::make_shared<ProjectContents>();
    m_jobs->start(
        title,
        [path, create, contents](JobContext &ctx) -> Result<QVariant> {
            ctx.progress(0, 0, create ? tr("Creating") : tr("Opening"));
            auto project = create ? Project::create(path) : Project::open(path);
            if (!project)
                return tl::unexpected(project.error());
            auto c = (*project)->contents();
            if (!c)
                return tl::unexpected(c.error());
            *contents = std::move(*c);
            return QVariant();
        },
        [this, path, contents, create](const Result<QVariant> &result) {
            if (!result) {
                showError(create ? tr("New Project") : tr("Open Project"), result.error().message);
                Q_EMIT projectFailed(result.error().message);
                return;
            }
            setContents(path, *contents);
        },
        QStringLiteral("project-load"));
}

void MainWindow::setContents(const QString &path, const ProjectContents &contents)
{
    const bool changed = m_projectPath != path;
    m_projectPath = path;
    m_contents = contents;
    m_projectModel->setContents(contents);
    m_projectView->expandAll();
    m_closeAction->setEnabled(true);
    addRecent(path);
    updateTitle();
    updateOverview();
    updateActions();
    if (changed)
        Q_EMIT projectOpened(path);
}

void MainWindow::closeProject()
{
    if (m_projectPath.isEmpty())
        return;
    m_projectPath.clear();
    m_contents = {};
    m_projectModel->clear();
    m_closeAction->setEnabled(false);
    updateTitle();
    updateOverview();
    updateActions();
    Q_EMIT projectClosed();
}

void MainWindow::updateTitle()
{
    setWindowFilePath(m_projectPath);
    setWindowTitle(m_projectPath.isEmpty() ? tr("Vigil") : tr("%1 — Vigil").arg(QFileInfo(m_projectPath).fileName()));
    m_projectLabel->setText(m_projectPath.isEmpty() ? tr("No project open") : QDir::toNativeSeparators(m_projectPath));
}

void MainWindow::updateOverview()
{
    const QLocale locale;
    QString html;
    if (m_projectPath.isEmpty()) {
        html = QStringLiteral("<h2>%1</h2><p>%2</p><ul><li>%3</li><li>%4</li><li>%5</li></ul>")
                   .arg(tr("Welcome to Vigil").toHtmlEscaped(),
                        tr("Find what is abnormal in web logs, Zeek sensors and IDS data sets.").toHtmlEscaped(),
                        tr("File ▸ New Project (Ctrl+N) starts an investigation file.").toHtmlEscaped(),
                        tr("File ▸ Open Project (Ctrl+O), or drop a .vigil file here, opens one.").toHtmlEscaped(),
                        tr("Long work runs in the Jobs panel; Esc cancels it.").toHtmlEscaped());
        const QStringList recent = recentProjects();
        if (!recent.isEmpty()) {
            html += QStringLiteral("<h3>%1</h3><ul>").arg(tr("Recent projects").toHtmlEscaped());
            for (int i = 0; i < recent.size(); ++i) {
                const QString &path = recent.at(i);
                const QString name = QFileInfo(path).fileName().toHtmlEscaped();
                const QString where = QDir::toNativeSeparators(path).toHtmlEscaped();
                // A project moved or deleted since stays listed, without a link, and says so.
                if (QFileInfo::exists(path))
                    html += QStringLiteral("<li><a href=\"%1:%2\">%3</a> &nbsp;<span style=\"color:gray\">%4</span></li>")
                                .arg(kRecentScheme).arg(i).arg(name, where);
                else
                    html += QStringLiteral("<li>%1 &nbsp;<span style=\"color:gray\">%2</span></li>")
                                .arg(name, tr("%1 (not found)").arg(QDir::toNativeSeparators(path)).toHtmlEscaped());
            }
            html += QStringLiteral("</ul>");
        }
    } else {
        const ProjectSummary &s = m_contents.summary;
        html = QStringLiteral("<h2>%1</h2><table cellpadding=4>").arg(QFileInfo(m_projectPath).fileName().toHtmlEscaped());
        auto row = [&](const QString &k, const QString &v) {
            html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(k.toHtmlEscaped(), v.toHtmlEscaped());
        };
        row(tr("File"), QDir::toNativeSeparators(m_projectPath));
        row(tr("Created"), s.createdAt.isValid() ? locale.toString(s.createdAt.toLocalTime(), QLocale::LongFormat) : tr("unknown"));
        row(tr("Created by"), tr("Vigil %1").arg(s.createdBy));
        row(tr("Project schema"), QString::number(s.schemaVersion));
        row(tr("Datasets"), locale.toString(qlonglong(s.datasets)));
        row(tr("Models"), locale.toString(qlonglong(s.models)));
        row(tr("Scoring runs"), locale.toString(qlonglong(s.runs)));
        row(tr("Labelled items"), locale.toString(qlonglong(s.labels)));
        html += QStringLiteral("</table>");
        if (!m_contents.datasets.empty()) {
            html += QStringLiteral("<h3>%1</h3><table cellpadding=4><tr><th align=left>%2</th><th align=left>%3</th><th align=right>%4</th><th align=right>%5</th></tr>")
                        .arg(tr("Datasets").toHtmlEscaped(), tr("Name").toHtmlEscaped(), tr("Format").toHtmlEscaped(),
                             tr("Rows").toHtmlEscaped(), tr("Bad lines").toHtmlEscaped());
            for (const auto &d : m_contents.datasets) {
                html += QStringLiteral("<tr><td><a href=\"%1:%2\">%3</a></td><td>%4</td><td align=right>%5</td><td align=right>%6</td></tr>")
                            .arg(kSchemaScheme)
                            .arg(d.id)
                            .arg(d.name.toHtmlEscaped(), d.format.toHtmlEscaped(), locale.toString(qlonglong(d.rows)),
                                 locale.toString(qlonglong(d.badLines)));
            }
            html += QStringLiteral("</table>");
        }
        if (!m_contents.runs.empty()) {
            html += QStringLiteral("<h3>%1</h3><table cellpadding=4><tr><th align=left>%2</th><th align=left>%3</th><th align=left>%4</th>"
                                   "<th align=right>%5</th><th align=left>%6</th></tr>")
                        .arg(tr("Scoring runs").toHtmlEscaped(), tr("Run").toHtmlEscaped(), tr("Model").toHtmlEscaped(),
                             tr("Data set").toHtmlEscaped(), tr("Threshold").toHtmlEscaped(), tr("Created").toHtmlEscaped());
            const auto createdText = [&locale](const QString &iso) {
                const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
                return t.isValid() ? locale.toString(t.toLocalTime(), QLocale::ShortFormat) : iso;
            };
            for (const RunEntry &r : m_contents.runs) {
                const ModelEntry *m = m_contents.model(r.modelId);
                const DatasetEntry *d = m_contents.dataset(r.datasetId);
                html += QStringLiteral("<tr><td><a href=\"%1:%2\">%3</a></td><td>%4</td><td>%5</td><td align=right>%6</td><td>%7</td></tr>")
                            .arg(kRunScheme)
                            .arg(r.id)
                            .arg(tr("Run %1").arg(r.id).toHtmlEscaped(), (m ? m->name : tr("model %1").arg(r.modelId)).toHtmlEscaped(),
                                 (d ? d->name : tr("data set %1").arg(r.datasetId)).toHtmlEscaped(), locale.toString(r.threshold, 'g', 6),
                                 createdText(r.createdAt).toHtmlEscaped());
            }
            html += QStringLiteral("</table>");
        }
        if (!m_contents.datasets.empty())
            html += QStringLiteral("<p style=\"color:gray\">%1</p>")
                        .arg(tr("Click a data set for its feature schema, a run for its explorer and triage.").toHtmlEscaped());
    }
    m_overview->setHtml(html);
}

void MainWindow::showError(const QString &title, const QString &message)
{
    // Window-modal and non-blocking: the event loop (and running jobs) keep going.
    auto *box = new QMessageBox(QMessageBox::Critical, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("errorBox"));
    box->open();
    statusBar()->showMessage(message, 10000);
}

void MainWindow::onAbout()
{
    QMessageBox::about(this, tr("About Vigil"),
                       tr("<h3>Vigil %1</h3><p>Anomaly-detection workbench for security analysts.</p>"
                          "<p>LibTorch %2 on %3, %4 threads.<br>Qt %5.</p>")
                           .arg(QStringLiteral(VIGIL_VERSION), m_compute.torchVersion, m_compute.deviceName.toHtmlEscaped())
                           .arg(m_compute.intraOpThreads)
                           .arg(QString::fromLatin1(qVersion())));
}

void MainWindow::updateActions()
{
    m_reportAction->setEnabled(!m_projectPath.isEmpty() && !m_contents.runs.empty());
    m_trainAction->setEnabled(!m_projectPath.isEmpty() && !m_contents.datasets.empty());
    m_scoreAction->setEnabled(!m_projectPath.isEmpty() && !m_contents.models.empty() && !m_contents.datasets.empty());
    m_rerankAction->setEnabled(!m_projectPath.isEmpty() && !m_contents.runs.empty());
    m_evaluateAction->setEnabled(!m_projectPath.isEmpty() && !m_contents.runs.empty());
    m_exportCaseAction->setEnabled(!m_projectPath.isEmpty());
}

void MainWindow::onExportReport()
{
    ReportDialog dialog(m_contents, currentRunId(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString projectPath = m_projectPath;
    const std::int64_t runId = dialog.runId();
    const QString format = dialog.format();
    const QString out = dialog.outputPath();
    const bool open = dialog.openWhenDone();
    m_jobs->start(
        tr("Exporting %1").arg(QFileInfo(out).fileName()),
        [projectPath, runId, format, out](JobContext &ctx) -> Result<QVariant> {
            ctx.progress(0, 0, tr("Collecting"));
            auto project = Project::open(projectPath);
            if (!project)
                return tl::unexpected(project.error());
            if (format == QLatin1String("csv") || format == QLatin1String("json")) {
                auto items = collectItems((*project)->db(), runId, {});
                if (!items)
                    return tl::unexpected(items.error());
                auto r = writeFileAtomically(out, format == QLatin1String("csv") ? itemsToCsv(*items) : itemsToJson(*items));
                if (!r)
                    return tl::unexpected(r.error());
                return QVariant(qlonglong(items->size()));
            }
            auto data = collectReport((*project)->db(), runId);
            if (!data)
                return tl::unexpected(data.error());
            ctx.progress(1, 2, tr("Rendering"));
            // QTextDocument, QSvgRenderer and QPdfWriter paint on images and PDF devices only:
            // safe on a worker thread.
            auto r = format == QLatin1String("pdf") ? writePdfReport(*data, out) : writeFileAtomically(out, renderHtml(*data).toUtf8());
            if (!r)
                return tl::unexpected(r.error());
            return QVariant(qlonglong(data->topAnomalies.size()));
        },
        [this, out, open](const Result<QVariant> &result) {
            if (!result) {
                showError(tr("Export Report"), result.error().message);
                return;
            }
            statusBar()->showMessage(tr("Wrote %1").arg(QDir::toNativeSeparators(out)), 8000);
            if (open)
                QDesktopServices::openUrl(QUrl::fromLocalFile(out));
        });
}

void MainWindow::onExportCase()
{
    if (m_projectPath.isEmpty())
        return;
    const QString suggestion = QFileInfo(m_projectPath).absolutePath() + QLatin1Char('/') + QFileInfo(m_projectPath).completeBaseName()
        + QStringLiteral(".vigilcase");
    QString out = QFileDialog::getSaveFileName(this, tr("Export Case Bundle"), suggestion, tr("Vigil case bundles (*.vigilcase)"));
    if (out.isEmpty())
        return;
    if (QFileInfo::exists(out) && !QFile::remove(out)) {
        showError(tr("Export Case Bundle"), tr("Cannot replace %1.").arg(out));
        return;
    }
    const QString projectPath = m_projectPath;
    m_jobs->start(
        tr("Exporting case %1").arg(QFileInfo(out).fileName()),
        [projectPath, out](JobContext &ctx) -> Result<QVariant> {
            ctx.progress(0, 0, tr("Snapshot"));
            auto project = Project::open(projectPath);
            if (!project)
                return tl::unexpected(project.error());
            QString html;
            if (auto latest = (*project)->db().scalarInt("SELECT coalesce(max(id), 0) FROM runs"); latest && *latest > 0) {
                if (auto data = collectReport((*project)->db(), *latest))
                    html = renderHtml(*data);
            }
            auto r = exportCase(**project, out, html);
            if (!r)
                return tl::unexpected(r.error());
            return QVariant();
        },
        [this, out](const Result<QVariant> &result) {
            if (!result)
                showError(tr("Export Case Bundle"), result.error().message);
            else
                statusBar()->showMessage(tr("Wrote case bundle %1").arg(QDir::toNativeSeparators(out)), 8000);
        });
}

void MainWindow::onImportCase()
{
    const QString bundle = QFileDialog::getOpenFileName(this, tr("Import Case Bundle"), QString(), tr("Vigil case bundles (*.vigilcase);;All files (*)"));
    if (bundle.isEmpty())
        return;
    QString target = QFileDialog::getSaveFileName(this, tr("Save Imported Case As"),
                                                  QFileInfo(bundle).absolutePath() + QLatin1Char('/') + QFileInfo(bundle).completeBaseName()
                                                      + QStringLiteral(".vigil"),
                                                  tr("Vigil projects (*.vigil)"));
    if (target.isEmpty())
        return;
    if (QFileInfo::exists(target) && !QFile::remove(target)) {
        showError(tr("Import Case Bundle"), tr("Cannot replace %1.").arg(target));
        return;
    }
    m_jobs->start(
        tr("Importing case %1").arg(QFileInfo(bundle).fileName()),
        [bundle, target](JobContext &) -> Result<QVariant> {
            auto r = importCase(bundle, target);
            if (!r)
                return tl::unexpected(r.error());
            return QVariant();
        },
        [this, target](const Result<QVariant> &result) {
            if (!result)
                showError(tr("Import Case Bundle"), result.error().message);
            else
                openProject(target);
        });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_jobs->runningCount() > 0) {
        const auto answer = QMessageBox::question(this, tr("Quit Vigil"),
                                                  tr("Jobs still running: %1. Cancel them and quit?").arg(m_jobs->runningCount()));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_jobs->cancelAll();
        m_jobs->waitForAll();
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList logs;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        if (path.endsWith(QStringLiteral(".vigil"), Qt::CaseInsensitive)) {
            openProject(path);
            event->acceptProposedAction();
            return;
        }
        if (QFileInfo(path).isFile())
            logs << path;
    }
    if (logs.isEmpty()) {
        statusBar()->showMessage(tr("Drop log files to import them, or a .vigil project to open it."), 5000);
        return;
    }
    event->acceptProposedAction();
    importFiles(logs);
}

void MainWindow::onImport()
{
    // The dialog previews the first rows of the chosen file (as a job) and lets the analyst fix
    // the format or give an nginx log_format before anything is stored.
    ImportDialog dialog(m_jobs, this);
    if (dialog.exec() != QDialog::Accepted || dialog.files().isEmpty())
        return;
    importFiles(dialog.files(), dialog.options().format, dialog.options().logFormat);
}

void MainWindow::importFiles(const QStringList &files, const QString &format, const QString &logFormat)
{
    QString projectPath = m_projectPath;
    bool create = false;
    if (projectPath.isEmpty()) {
        // Importing needs a project: propose one beside the first file.
        const QFileInfo first(files.first());
        projectPath = QFileDialog::getSaveFileName(this, tr("New Project for the Import"),
                                                   first.absolutePath() + QLatin1Char('/') + first.completeBaseName() + QStringLiteral(".vigil"),
                                                   projectFilter());
        if (projectPath.isEmpty())
            return;
        if (QFileInfo::exists(projectPath) && !QFile::remove(projectPath)) {
            showError(tr("Import"), tr("Cannot replace %1.").arg(projectPath));
            return;
        }
        create = true;
    }
    ReadOptions options;
    options.format = format;
    options.logFormat = logFormat;
    auto summary = std::make_shared<QStringList>();
    const QString title = files.size() == 1 ? tr("Importing %1").arg(QFileInfo(files.first()).fileName())
                                            : tr("Importing %1 files").arg(files.size());
    m_jobs->start(
        title,
        [projectPath, create, files, options, summary](JobContext &ctx) -> Result<QVariant> {
            auto project = create ? Project::create(projectPath) : Project::open(projectPath);
            if (!project)
                return tl::unexpected(project.error());
            int imported = 0;
            for (int i = 0; i < files.size(); ++i) {
                const QString name = QFileInfo(files[i]).fileName();
                auto result = importFile(**project, files[i], options, [&ctx, i, n = files.size(), name](const Progress &p) {
                    const double fraction = p.total > 0 ? double(p.done) / double(p.total) : 0.0;
                    return ctx.progress(std::int64_t((i + fraction) * 1000), std::int64_t(n) * 1000,
                                        tr("%1: %2").arg(name, p.stage.isEmpty() ? tr("reading") : p.stage));
                });
                if (!result)
                    return tl::unexpected(result.error());
                const ImportReport &r = result->report;
                QString line = tr("%1 → dataset #%2: %3 rows (%4), %5 bad lines")
                                   .arg(name)
                                   .arg(result->datasetId)
                                   .arg(r.rows)
                                   .arg(r.format)
                                   .arg(r.badLines);
                if (result->alreadyImported)
                    line += tr(" — already imported, not stored again");
                for (auto it = r.badByReason.begin(); it != r.badByReason.end(); ++it)
                    line += QStringLiteral("\n    %1: %2").arg(it.key()).arg(it.value());
                for (const QString &note : r.notes)
                    line += QStringLiteral("\n    %1").arg(note);
                *summary << line;
                if (!result->alreadyImported)
                    ++imported;
            }
            return QVariant(imported);
        },
        [this, projectPath, summary](const Result<QVariant> &result) {
            if (!result) {
                showError(tr("Import"), result.error().message);
                return;
            }
            m_inspector->setPlainText(tr("Import report\n\n") + summary->join(QLatin1Char('\n')));
            if (projectPath == m_projectPath)
                refreshProject();
            else
                openProject(projectPath);
            Q_EMIT importFinished(result->toInt());
        });
}

QWidget *MainWindow::findTab(const QString &key) const
{
    for (int i = 0; i < m_workspace->count(); ++i) {
        if (m_workspace->widget(i)->property("vigilTabKey").toString() == key)
            return m_workspace->widget(i);
    }
    return nullptr;
}

void MainWindow::addTab(const QString &key, QWidget *widget, const QString &title)
{
    widget->setProperty("vigilTabKey", key);
    m_workspace->setCurrentIndex(m_workspace->addTab(widget, title));
}

void MainWindow::openSchema(std::int64_t datasetId)
{
    const QString key = QStringLiteral("schema:%1").arg(datasetId);
    if (QWidget *w = findTab(key)) {
        m_workspace->setCurrentWidget(w);
        return;
    }
    const DatasetEntry *entry = m_contents.dataset(datasetId);
    const QString name = entry ? entry->name : tr("dataset %1").arg(datasetId);
    auto *widget = new SchemaPreviewWidget(m_jobs, m_workspace);
    connect(widget, &SchemaPreviewWidget::failed, this, [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    connect(widget, &SchemaPreviewWidget::schemaSaved, this, [this] { statusBar()->showMessage(tr("Schema saved"), 5000); });
    addTab(key, widget, tr("Schema — %1").arg(name));
    widget->openDataset(m_projectPath, datasetId);
}

void MainWindow::onProjectItemActivated(const QModelIndex &index)
{
    if (!index.parent().isValid())
        return;
    const std::int64_t id = index.siblingAtColumn(0).data(ProjectTreeModel::ItemIdRole).toLongLong();
    switch (index.data(ProjectTreeModel::GroupRole).toInt()) {
    case ProjectTreeModel::DatasetsGroup: openSchema(id); break;
    case ProjectTreeModel::RunsGroup: openRun(id); break;
    default: break;
    }
}

std::int64_t MainWindow::currentDatasetId() const
{
    const QModelIndex idx = m_projectView->currentIndex();
    if (idx.isValid() && idx.parent().isValid() && idx.data(ProjectTreeModel::GroupRole).toInt() == ProjectTreeModel::DatasetsGroup)
        return idx.siblingAtColumn(0).data(ProjectTreeModel::ItemIdRole).toLongLong();
    return m_contents.datasets.empty() ? 0 : m_contents.datasets.back().id;
}

void MainWindow::onTrain()
{
    if (const std::int64_t id = currentDatasetId())
        trainModel(id);
}

void MainWindow::trainModel(std::int64_t datasetId)
{
    const DatasetEntry *entry = m_contents.dataset(datasetId);
    const QString name = entry ? entry->name : tr("dataset %1").arg(datasetId);
    // Whether the data set carries labels is known once its schema is inferred: offer the
    // option, and the pipeline applies it only where there are labels.
    TrainDialog dialog(name, true, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const TrainSettings s = dialog.settings();
    ml::TrainRequest request;
    request.projectPath = m_projectPath;
    request.datasetId = datasetId;
    auto kind = ml::parseModelKind(s.modelKind);
    request.options.kind = kind ? *kind : ml::ModelKind::Autoencoder;
    request.options.epochs = s.epochs;
    request.options.batchSize = s.batchSize;
    request.options.learningRate = s.learningRate;
    request.options.validationFraction = s.validationFraction;
    request.options.patience = s.patience;
    request.options.normalOnly = s.normalOnly;
    request.normalOnlyWhereLabelled = true; // a log without labels trains on every row
    request.options.targetFpr = s.targetFpr;
    request.alertsPerDay = s.alertsPerDay;
    request.options.seed = std::uint64_t(s.seed);
    request.options.autoencoder.members = s.members;
    request.torchScriptPath = s.torchScriptPath;
    request.entityColumn = s.sessionEntity;
    request.tokenColumns = s.eventTokens;
    request.sessionGapSeconds = 60.0 * s.sessionGapMinutes;
    request.options.sequence.cell = s.lstm ? ml::SequenceOptions::Cell::Lstm : ml::SequenceOptions::Cell::Gru;
    request.options.sequence.bidirectional = s.bidirectional;
    const bool script = request.options.kind == ml::ModelKind::TorchScript;

    auto *view = new TrainingView(tr("%1 on %2").arg(s.modelKind, name), m_workspace);
    addTab(QStringLiteral("train:%1:%2").arg(datasetId).arg(QDateTime::currentMSecsSinceEpoch()), view, tr("Training — %1").arg(name));
    QPointer<TrainingView> guard(view);
    const int epochs = s.epochs;
    const int jobId = m_jobs->start(
        tr("Training %1 on %2").arg(s.modelKind, name),
        [request, guard, epochs](JobContext &ctx) -> Result<QVariant> {
            // Epochs arrive on the worker; the view is updated on the GUI thread, if still open.
            auto onEpoch = [guard, epochs](const ml::TrainingEpoch &e) {
                const EpochPoint point{e.epoch, epochs, e.trainLoss, e.valLoss, e.rowsPerSecond, e.etaSeconds};
                QMetaObject::invokeMethod(qApp, [guard, point] {
                    if (guard)
                        guard->addEpoch(point);
                }, Qt::QueuedConnection);
            };
            auto result = ml::trainOnDataset(request, ctx.progressFn(), onEpoch);
            if (!result)
                return tl::unexpected(result.error());
            const ml::CalibrationBasis basis = ml::calibrationBasis(*result);
            return QVariant::fromValue(QList<QVariant>{qlonglong(result->runId), result->threshold, qlonglong(result->alerts),
                                                       qlonglong(result->scored), result->summary.cancelled,
                                                       result->summary.seconds, result->summary.bestEpoch,
                                                       basis.thin() ? calibrationCaution(basis, result->targetFpr) : QString(),
                                                       qlonglong(result->summary.batchSize)});
        },
        [this, guard, script, askedBatch = qlonglong(s.batchSize)](const Result<QVariant> &result) {
            if (!result) {
                if (guard)
                    guard->setFinished(tr("Training failed: %1").arg(result.error().message), false);
                showError(tr("Train Model"), result.error().message);
                return;
            }
            const QList<QVariant> v = result->toList();
            const qint64 runId = v.value(0).toLongLong();
            const QString caution = v.value(7).toString();
            QString cautionLine = caution.isEmpty() ? QString() : QLatin1Char('\n') + caution;
            if (const qlonglong batch = v.value(8).toLongLong(); batch > 0 && batch < askedBatch)
                cautionLine.prepend(QLatin1Char('\n')
                                    + tr("Batches of %1 rows instead of %2: the training data is small, and %2-row batches would have "
                                         "made too few optimizer steps to learn it.")
                                          .arg(batch)
                                          .arg(askedBatch));
            if (guard && script) {
                guard->setFinished(tr("TorchScript model loaded and calibrated. Threshold %1: %2 of %3 records flagged.")
                                           .arg(v.value(1).toDouble(), 0, 'g', 4)
                                           .arg(v.value(2).toLongLong())
                                           .arg(v.value(3).toLongLong())
                                       + cautionLine,
                                   true);
            } else if (guard) {
                guard->setFinished(tr("%1 in %2 s (best epoch %3). Threshold %4: %5 of %6 records flagged.")
                                           .arg(v.value(4).toBool() ? tr("Cancelled, best epoch kept,") : tr("Trained"))
                                           .arg(v.value(5).toDouble(), 0, 'f', 1)
                                           .arg(v.value(6).toInt())
                                           .arg(v.value(1).toDouble(), 0, 'g', 4)
                                           .arg(v.value(2).toLongLong())
                                           .arg(v.value(3).toLongLong())
                                       + cautionLine,
                                   true);
            }
            if (!caution.isEmpty())
                statusBar()->showMessage(caution, 15000);
            refreshProject();
            if (runId > 0) {
                // The run appears in the snapshot once the refresh lands.
                auto connection = std::make_shared<QMetaObject::Connection>();
                *connection = connect(m_projectModel, &QAbstractItemModel::modelReset, this, [this, runId, connection] {
                    disconnect(*connection);
                    openRun(runId);
                });
                Q_EMIT runCreated(runId);
            }
        },
        QStringLiteral("train:%1").arg(datasetId));
    connect(view, &TrainingView::cancelRequested, this, [this, jobId] { m_jobs->cancel(jobId); });
}

void MainWindow::onScore()
{
    ScoreDialog dialog(m_contents, currentDatasetId(), this); // the data set selected in the tree, else the newest
    if (dialog.exec() != QDialog::Accepted)
        return;
    const std::int64_t modelId = dialog.modelId();
    const std::int64_t datasetId = dialog.datasetId();
    ml::RunOptions runOptions;
    runOptions.clusters = dialog.clusters();
    const ModelEntry *m = m_contents.model(modelId);
    const DatasetEntry *d = m_contents.dataset(datasetId);
    const QString model = m ? tr("#%1 %2").arg(modelId).arg(m->name) : QStringLiteral("#%1").arg(modelId);
    const QString dataset = d ? tr("#%1 %2").arg(datasetId).arg(d->name) : QStringLiteral("#%1").arg(datasetId);
    const QString projectPath = m_projectPath;
    m_jobs->start(
        tr("Scoring %1 with %2").arg(dataset, model),
        [projectPath, modelId, datasetId, runOptions](JobContext &ctx) -> Result<QVariant> {
            auto result = ml::scoreDataset(projectPath, modelId, datasetId, runOptions, ctx.progressFn());
            if (!result)
                return tl::unexpected(result.error());
            return QVariant(qlonglong(result->runId));
        },
        [this](const Result<QVariant> &result) {
            if (!result) {
                showError(tr("Score Data Set"), result.error().message);
                return;
            }
            const qint64 runId = result->toLongLong();
            refreshProject();
            auto connection = std::make_shared<QMetaObject::Connection>();
            *connection = connect(m_projectModel, &QAbstractItemModel::modelReset, this, [this, runId, connection] {
                disconnect(*connection);
                openRun(runId);
            });
            Q_EMIT runCreated(runId);
        });
}

std::int64_t MainWindow::currentRunId() const
{
    if (QWidget *w = m_workspace->currentWidget()) {
        const QString key = w->property("vigilTabKey").toString();
        if (key.startsWith(QLatin1String("run:")) || key.startsWith(QLatin1String("evaluation:")))
            return key.section(QLatin1Char(':'), 1).toLongLong();
    }
    return m_contents.runs.empty() ? 0 : m_contents.runs.back().id;
}

void MainWindow::persistThreshold(std::int64_t runId, double threshold, TriageView *triage)
{
    const QString projectPath = m_projectPath;
    QPointer<TriageView> view(triage);
    // Newest wins: dragging again before the write ends replaces the pending one.
    m_jobs->start(
        tr("Moving the threshold of run %1").arg(runId),
        [projectPath, runId, threshold](JobContext &ctx) -> Result<QVariant> {
            auto project = Project::open(projectPath);
            if (!project)
                return tl::unexpected(project.error());
            auto alerts = runs::setRunThreshold((*project)->db(), runId, threshold, ctx.progressFn());
            if (!alerts)
                return tl::unexpected(alerts.error());
            (void)(*project)->audit(QStringLiteral("threshold-moved"),
                                    QStringLiteral("{\"run\":%1,\"threshold\":%2}").arg(runId).arg(threshold, 0, 'g', 17));
            return QVariant(qlonglong(*alerts));
        },
        [this, view, threshold, runId](const Result<QVariant> &result) {
            if (!result) {
                showError(tr("Threshold"), result.error().message);
                return;
            }
            // An open evaluation of the run follows the new operating point.
            if (auto *evaluation = qobject_cast<EvaluationView *>(findTab(QStringLiteral("evaluation:%1").arg(runId))))
                evaluation->reload();
            statusBar()->showMessage(tr("Threshold %1 saved: %n record(s) flagged", nullptr, int(result->toLongLong()))
                                         .arg(threshold, 0, 'g', 4),
                                     6000);
            if (view)
                view->model()->reopen();
        },
        QStringLiteral("threshold:%1").arg(runId));
}

void MainWindow::onRerank()
{
    const std::int64_t baseRun = currentRunId();
    if (baseRun == 0)
        return;
    const QString projectPath = m_projectPath;
    auto summary = std::make_shared<ml::RetrainResult>();
    m_jobs->start(
        tr("Re-ranking run %1 from labels").arg(baseRun),
        [projectPath, baseRun, summary](JobContext &ctx) -> Result<QVariant> {
            auto result = ml::retrainFromLabels(projectPath, baseRun, {}, ctx.progressFn());
            if (!result)
                return tl::unexpected(result.error());
            *summary = *result;
            return QVariant(qlonglong(result->runId));
        },
        [this, summary, baseRun](const Result<QVariant> &result) {
            if (!result) {
                showError(tr("Re-rank from Labels"), result.error().message);
                return;
            }
            const qint64 runId = result->toLongLong();
            m_inspector->setPlainText(tr("Run %1 re-ranked from labels of run %2\n\n"
                                         "Trained on %3 malicious and %4 benign labelled records, plus %5 unlabelled records "
                                         "below the old threshold as benign examples.\n"
                                         "%6 records have P(malicious) ≥ 0.5, %7 of them not labelled yet: "
                                         "filter with  label = none  and sort by score to triage them first.")
                                          .arg(runId)
                                          .arg(baseRun)
                                          .arg(summary->malicious)
                                          .arg(summary->benign)
                                          .arg(summary->weakNegatives)
                                          .arg(summary->alerts)
                                          .arg(summary->unlabelledAlerts));
            refreshProject();
            auto connection = std::make_shared<QMetaObject::Connection>();
            *connection = connect(m_projectModel, &QAbstractItemModel::modelReset, this, [this, runId, connection] {
                disconnect(*connection);
                openRun(runId);
            });
            Q_EMIT runCreated(runId);
        });
}

void MainWindow::openLatestRun()
{
    if (!m_contents.runs.empty())
        openRun(m_contents.runs.back().id);
    else
        statusBar()->showMessage(tr("This project has no scoring run yet: score a data set with Model ▸ Score Data Set…"), 10000);
}

void MainWindow::openEvaluation(std::int64_t runId)
{
    const QString key = QStringLiteral("evaluation:%1").arg(runId);
    if (auto *w = qobject_cast<EvaluationView *>(findTab(key))) {
        m_workspace->setCurrentWidget(w);
        w->reload(); // labels or the threshold may have changed since
        return;
    }
    auto *view = new EvaluationView(m_jobs, m_projectPath, runId, m_workspace);
    connect(view, &EvaluationView::failed, this, [this](const QString &m) { statusBar()->showMessage(m, 10000); });
    addTab(key, view, tr("Evaluation of run %1").arg(runId));
}

void MainWindow::openRun(std::int64_t runId)
{
    const QString key = QStringLiteral("run:%1").arg(runId);
    if (QWidget *w = findTab(key)) {
        m_workspace->setCurrentWidget(w);
        return;
    }
    const RunEntry *run = m_contents.run(runId);
    const std::int64_t datasetId = run ? run->datasetId : 0;
    const std::int64_t modelId = run ? run->modelId : 0;
    if (datasetId == 0) {
        statusBar()->showMessage(tr("This project has no scoring run %1.").arg(runId), 10000);
        return;
    }
    // A model of sessions scores sessions: its run is read one session a row and its threshold
    // counts sessions (per record, a long session's every line would count as an alert).
    const ModelEntry *model = m_contents.model(modelId);
    const SessionSpec sessions = model ? model->sessions : SessionSpec{};
    auto *splitter = new QSplitter(Qt::Vertical, m_workspace);
    auto *explorer = new ExplorerView(m_jobs, m_projectPath, datasetId, runId, sessions, splitter);
    auto *triage = new TriageView(m_jobs, m_projectPath, datasetId, runId, splitter);
    splitter->addWidget(explorer);
    splitter->addWidget(triage);
    if (!sessions.isEmpty())
        triage->showSessions(sessions);
    // The table is where the analyst works: give it the larger share.
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *inspector = new RecordInspector(m_projectPath, datasetId, runId, m_inspectorStack);
    m_inspectorStack->addWidget(inspector);
    splitter->setProperty("vigilInspector", QVariant::fromValue<QWidget *>(inspector));
    // The inspector lives in the dock, not in the tab: it goes when the tab goes.
    connect(splitter, &QObject::destroyed, inspector, &QObject::deleteLater);
    connect(triage, &TriageView::recordSelected, inspector, &RecordInspector::showRecord);
    connect(triage, &TriageView::sessionsChanged, inspector, &RecordInspector::setSessions);
    connect(explorer, &ExplorerView::filterRequested, triage, [triage](const QString &filter) { triage->applyFilter(filter); });
    connect(triage, &TriageView::statusMessage, this, [this](const QString &m) { statusBar()->showMessage(m, 6000); });
    connect(explorer, &ExplorerView::failed, this, [this](const QString &m) { statusBar()->showMessage(m, 10000); });
    connect(explorer, &ExplorerView::thresholdChanged, this, [this, runId, triage](double t) { persistThreshold(runId, t, triage); });
    addTab(key, splitter, tr("Run %1").arg(runId));
    m_inspectorStack->setCurrentWidget(inspector);
    triage->table()->setFocus();
}

} // namespace vigil::ui
