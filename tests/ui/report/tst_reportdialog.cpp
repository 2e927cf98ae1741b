// ReportDialog: the keyboard reaches every field, and Enter exports.

#include "core/project.h"
#include "ui/report/reportdialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace vigil;
using namespace vigil::ui;

class TestReportDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_reportdialog"));
        QSettings().clear();
    }

    void everyLabelReachesItsField()
    {
        ProjectContents contents;
        contents.runs.push_back(RunEntry{1, 1, 1, 0.5, QString()});
        ReportDialog dlg(contents, 1);
        auto *path = dlg.findChild<QLineEdit *>();
        QVERIFY(path);
        bool pathBuddy = false; // "&Save to:" labels a row of field and button: Alt+S reaches the field
        for (auto *label : dlg.findChildren<QLabel *>()) {
            if (label->text().contains(QLatin1Char('&')))
                QVERIFY2(label->buddy(), qPrintable(label->text() + QStringLiteral(" has no buddy and shows its '&'")));
            pathBuddy = pathBuddy || label->buddy() == path;
        }
        QVERIFY(pathBuddy);
    }

    void enterExportsAfterBrowsing()
    {
        ProjectContents contents;
        contents.runs.push_back(RunEntry{1, 1, 1, 0.5, QString()});
        ReportDialog dlg(contents, 1);
        dlg.show();
        QPushButton *browse = nullptr;
        for (auto *b : dlg.findChildren<QPushButton *>())
            if (b->text().contains(QLatin1String("Browse")))
                browse = b;
        QVERIFY(browse);
        QVERIFY(!browse->autoDefault()); // else Enter after the file dialog opens it again
        browse->setFocus();
        QSignalSpy accepted(&dlg, &QDialog::accepted);
        QTest::keyClick(browse, Qt::Key_Return);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(dlg.runId(), std::int64_t(1));
        QVERIFY(dlg.outputPath().endsWith(QLatin1String(".html")));
    }
};

QTEST_MAIN(TestReportDialog)
#include "tst_reportdialog.moc"
