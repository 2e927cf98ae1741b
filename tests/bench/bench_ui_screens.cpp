// Renders the analyst views offscreen to PNG files for a visual check (not a test):
//
//   QT_QPA_PLATFORM=offscreen build/dev/bin/bench_ui_screens [--rows N] [--out DIR]
//
// Builds a synthetic scored project, labels a few rows, adds a suppression rule, and grabs the
// triage table (records and entities), the explorer and the inspector. With --project P
// --evaluate R it grabs only the evaluation of run R of P (ROC/PR curves, detection per class).

#include "../ui/triage/syntheticproject.h"

#include "ml/runtime.h"
#include "ui/explorer/evaluationview.h"
#include "ui/explorer/explorerview.h"
#include "ui/jobs/jobrunner.h"
#include "ui/triage/filterbar.h"
#include "ui/triage/recordinspector.h"
#include "ui/triage/triagetablemodel.h"
#include "ui/triage/triageview.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>

#include <cstdio>

using namespace vigil;
using namespace vigil::ui;

namespace {

void settle(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

void save(QWidget *w, const QString &path)
{
    w->grab().save(path);
    std::printf("wrote %s\n", qPrintable(path));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("rows"), QStringLiteral("records"), QStringLiteral("N"), QStringLiteral("20000")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("output folder"), QStringLiteral("DIR"), QStringLiteral("/tmp/vigil-screens")});
    parser.addOption({QStringLiteral("project"), QStringLiteral("use this existing project instead of a synthetic one"), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("filter"), QStringLiteral("filter for the records screenshot"), QStringLiteral("TEXT"),
                      QStringLiteral("score > 50 and ip in 203.0.113.0/24")});
    parser.addOption({QStringLiteral("evaluate"), QStringLiteral("only grab the evaluation of this run of --project"), QStringLiteral("RUN")});
    parser.process(app);
    const QString out = parser.value(QStringLiteral("out"));
    QDir().mkpath(out);
    if (parser.isSet(QStringLiteral("evaluate"))) {
        if (!ml::initRuntime(ml::DevicePreference::Cpu, 0) || !parser.isSet(QStringLiteral("project"))) {
            std::fprintf(stderr, "bench_ui_screens: --evaluate needs --project and a CPU runtime\n");
            return 1;
        }
        JobRunner jobs;
        EvaluationView view(&jobs, parser.value(QStringLiteral("project")), parser.value(QStringLiteral("evaluate")).toLongLong());
        view.resize(1400, 900);
        view.show();
        QSignalSpy loaded(&view, &EvaluationView::loaded);
        if (!loaded.wait(120000)) {
            std::fprintf(stderr, "bench_ui_screens: %s\n", qPrintable(view.summaryLabel()->text()));
            return 1;
        }
        settle(500);
        save(&view, out + QStringLiteral("/evaluation.png"));
        jobs.waitForAll();
        return 0;
    }
    QString path = parser.value(QStringLiteral("project"));
    if (path.isEmpty()) {
        path = out + QStringLiteral("/screens.vigil");
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
        if (auto ids = testing::createSyntheticProject(path, parser.value(QStringLiteral("rows")).toLongLong()); !ids) {
            std::fprintf(stderr, "bench_ui_screens: %s\n", qPrintable(ids.error().message));
            return 1;
        }
    }

    JobRunner jobs;
    TriageView triage(&jobs, path, 1, 1);
    triage.resize(1400, 800);
    triage.show();
    QSignalSpy ready(triage.model(), &TriageTableModel::ready);
    ready.wait(30000);
    QSignalSpy history(triage.model(), &TriageTableModel::historyChanged);
    triage.model()->labelRows({0, 1, 2}, LabelValue::Malicious);
    history.wait(10000);
    triage.model()->labelRows({3}, LabelValue::Review);
    history.wait(10000);
    triage.model()->labelRows({5}, LabelValue::Benign);
    history.wait(10000);
    triage.selectRow(3);
    if (!triage.applyFilter(parser.value(QStringLiteral("filter"))))
        std::fprintf(stderr, "bench_ui_screens: filter rejected: %s\n", qPrintable(triage.filterBar()->errorMessage()));
    settle(1500);
    save(&triage, out + QStringLiteral("/triage-records.png"));
    triage.filterBar()->setText(QStringLiteral("score > 50 and stauts = 404"));
    settle(300);
    save(&triage, out + QStringLiteral("/triage-filter-error.png"));
    triage.applyFilter(QString());
    // Through the view's own chooser, so that the screenshot shows "Entities" beside the table.
    if (auto *mode = triage.findChild<QComboBox *>(QStringLiteral("triageMode")))
        mode->setCurrentIndex(1);
    settle(1500);
    save(&triage, out + QStringLiteral("/triage-entities.png"));

    ExplorerView explorer(&jobs, path, 1, 1);
    explorer.resize(1400, 900);
    explorer.show();
    QSignalSpy clusters(&explorer, &ExplorerView::clustersLoaded);
    clusters.wait(60000);
    settle(500);
    save(&explorer, out + QStringLiteral("/explorer.png"));

    RecordInspector inspector(path, 1, 1);
    inspector.resize(700, 900);
    inspector.show();
    QSignalSpy shown(&inspector, &RecordInspector::detailsShown);
    inspector.showRecord(triage.model()->rowCount() > 0 ? 17 : 1);
    shown.wait(10000);
    settle(300);
    save(&inspector, out + QStringLiteral("/inspector.png"));
    jobs.waitForAll();
    return 0;
}
