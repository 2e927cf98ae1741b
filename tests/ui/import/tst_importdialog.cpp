// ImportDialog (background preview, options), ImportReportWidget, startImport.

#include "core/project.h"
#include "ui/import/importdialog.h"
#include "ui/import/importreportwidget.h"
#include "ui/jobs/jobrunner.h"

#include <QAbstractItemModelTester>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::ui;

namespace {
QString fixture(const QString &name) { return QStringLiteral(VIGIL_TEST_DATA_DIR "/") + name; }
}

class TestImportDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void previewRunsInBackground_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("columns");
        QTest::newRow("combined") << QStringLiteral("web/netsparker_100.log") << QStringLiteral("combined") << 20 << 28;
        QTest::newRow("zeek") << QStringLiteral("zeek/conn.log") << QStringLiteral("zeek") << 20 << 26; // + ip_scope, ip_prefix, hour, weekday, orig_conns_1m, orig_failed_1m
        QTest::newRow("nslkdd gz-less") << QStringLiteral("ids/kddtrain_300.txt") << QStringLiteral("nslkdd") << 20 << 43;
    }
    void previewRunsInBackground()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        QFETCH(int, rows);
        QFETCH(int, columns);
        JobRunner runner;
        ImportDialog dlg(&runner);
        QAbstractItemModelTester tester(const_cast<ImportPreviewModel *>(dlg.previewModel()),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy spy(&dlg, &ImportDialog::previewUpdated);
        dlg.setFiles({fixture(file)});
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 10000);
        QVERIFY2(dlg.statusText().contains(QStringLiteral("Format: ") + format), qPrintable(dlg.statusText()));
        QCOMPARE(dlg.previewModel()->rowCount(), rows);
        QCOMPARE(dlg.previewModel()->columnCount(), columns);
        QVERIFY(!dlg.previewModel()->headerData(0, Qt::Horizontal).toString().isEmpty());
        QCOMPARE(dlg.files(), QStringList{fixture(file)});
        QCOMPARE(dlg.options().format, QStringLiteral("auto"));
    }

    void enterImportsOnceFilesAreChosen()
    {
        // After "Add files…" closes its file dialog the focus is back on that button: Enter
        // must import, not open the file dialog again.
        JobRunner runner;
        ImportDialog dlg(&runner);
        dlg.show();
        QSignalSpy spy(&dlg, &ImportDialog::previewUpdated);
        dlg.setFiles({fixture(QStringLiteral("zeek/conn.log"))});
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 10000);
        QPushButton *add = nullptr;
        for (auto *b : dlg.findChildren<QPushButton *>())
            if (b->text().contains(QLatin1String("Add files")))
                add = b;
        QVERIFY(add);
        QVERIFY(!add->autoDefault());
        add->setFocus();
        QSignalSpy accepted(&dlg, &QDialog::accepted);
        QTest::keyClick(add, Qt::Key_Return);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(dlg.result(), int(QDialog::Accepted));
    }

    void unreadableFileShowsError()
    {
        JobRunner runner;
        ImportDialog dlg(&runner);
        QSignalSpy spy(&dlg, &ImportDialog::previewUpdated);
        dlg.setFiles({QStringLiteral("/nonexistent/x.log")});
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 10000);
        QVERIFY(dlg.statusText().contains(QStringLiteral("does not exist")));
        QCOMPARE(dlg.previewModel()->rowCount(), 0);
    }

    void optionsFollowInputs()
    {
        JobRunner runner;
        ImportDialog dlg(&runner);
        dlg.setFiles({fixture(QStringLiteral("web/w3af_100.log"))});
        dlg.setLogFormat(QStringLiteral("$remote_addr $request"));
        QCOMPARE(dlg.options().format, QStringLiteral("nginx"));
        QCOMPARE(dlg.options().logFormat, QStringLiteral("$remote_addr $request"));
        dlg.setFormat(QStringLiteral("zeek"));
        QCOMPARE(dlg.options().format, QStringLiteral("zeek"));
        QVERIFY(dlg.options().logFormat.isEmpty());
        runner.waitForAll();
    }

    void reportWidget()
    {
        ImportReport rep;
        rep.format = QStringLiteral("combined");
        rep.lines = 12;
        rep.rows = 10;
        rep.addBad(3, QStringLiteral("invalid $status"), "1.2.3.4 \x01\x02 bad");
        rep.addBad(7, QStringLiteral("NUL bytes in line"), "x");
        ImportReportWidget w;
        w.setReport(rep, QStringLiteral("access.log"));
        QVERIFY(w.summaryText().contains(QStringLiteral("combined")));
        QVERIFY(w.summaryText().contains(QStringLiteral("2 bad")));
        QCOMPARE(w.reasonCount(), 2);
        w.clear();
        QCOMPARE(w.reasonCount(), 0);
    }

    void startImportStoresDatasets()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.vigil"));
        QVERIFY(Project::create(path));
        JobRunner runner;
        bool called = false;
        std::vector<ImportResult> got;
        startImport(&runner, path, {fixture(QStringLiteral("web/acunetix_100.log")), fixture(QStringLiteral("zeek/conn.log"))},
                    ReadOptions{}, [&](const Result<std::vector<ImportResult>> &r) {
                        called = true;
                        if (r)
                            got = *r;
                    });
        QTRY_VERIFY_WITH_TIMEOUT(called, 20000);
        QCOMPARE(got.size(), size_t(2));
        QCOMPARE(got[0].report.rows, 100);
        QCOMPARE(got[1].report.rows, 360);
        auto p = Project::open(path);
        QVERIFY(p);
        QCOMPARE(*(*p)->db().scalarInt("SELECT count(*) FROM datasets"), 2);
    }
};

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
