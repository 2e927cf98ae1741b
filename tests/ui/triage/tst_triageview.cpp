#include "syntheticproject.h"

#include "ui/jobs/jobrunner.h"
#include "ui/plaintooltip.h"
#include "ui/triage/filterbar.h"
#include "ui/triage/recordinspector.h"
#include "ui/triage/triagetablemodel.h"
#include "ui/triage/triageview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace vigil;
using namespace vigil::ui;

/// The triage widgets offscreen, driven with keys as an analyst would.
class TestTriageView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

    std::int64_t scalar(const char *sqlText)
    {
        auto p = Project::open(m_path);
        return (*p)->db().scalarInt(sqlText).value_or(-1);
    }

private Q_SLOTS:
    void toolTipsShowLogContentLiterally()
    {
        // A tooltip string that looks like HTML is rendered as HTML by QToolTip; log content
        // must show as its literal characters.
        const QString hostile = QStringLiteral("/a?q=<img src=x onerror=alert(1)><b>bold</b> & \"x\"");
        QVERIFY(Qt::mightBeRichText(hostile));
        QTextDocument doc;
        doc.setHtml(plainToolTip(hostile));
        QCOMPARE(doc.toPlainText(), hostile);
    }

    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_triageview"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("view.vigil"));
        QVERIFY(testing::createSyntheticProject(m_path, 3000));
    }

    void filterBarFeedbackAndCompletion()
    {
        FilterBar bar;
        query::FieldSet fields;
        fields.add({QStringLiteral("status"), query::FieldType::Integer, QStringLiteral("d.\"c4\""), {}, {}});
        fields.add({QStringLiteral("score"), query::FieldType::Real, QStringLiteral("s.score"), {}, {}});
        bar.setFields(fields);
        bar.show();
        QSignalSpy accepted(&bar, &FilterBar::filterAccepted);
        bar.setText(QStringLiteral("stauts = 1"));
        QVERIFY(!bar.isValid());
        QCOMPARE(bar.errorMessage(), QStringLiteral("line 1, column 1: unknown field 'stauts' — did you mean 'status'?"));
        QVERIFY(bar.lineEdit()->styleSheet().contains(QStringLiteral("#c62828")));
        QTest::keyClick(bar.lineEdit(), Qt::Key_Return);
        QCOMPARE(accepted.count(), 0); // an invalid filter is never applied
        bar.setText(QStringLiteral("status = 404"));
        QVERIFY(bar.isValid());
        QVERIFY(bar.lineEdit()->styleSheet().contains(QStringLiteral("#2e7d32")));
        QTest::keyClick(bar.lineEdit(), Qt::Key_Return);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(accepted.first().at(0).toString(), QStringLiteral("status = 404"));

        // Completion at the caret: typing "status = 1 and sc" offers "score".
        bar.setText(QString());
        bar.lineEdit()->setFocus();
        QTest::keyClicks(bar.lineEdit(), QStringLiteral("status = 1 and sc"));
        QCOMPARE(bar.candidates(), QStringList{QStringLiteral("score")});
        Q_EMIT bar.completer()->activated(QStringLiteral("score"));
        QCOMPARE(bar.text(), QStringLiteral("status = 1 and score "));

        // Field names come from the data (a CSV header): one that looks like HTML shows
        // literally in the message's "did you mean" and in its tooltips. Once the filter is
        // valid again, the line edit's tooltip is the help again, not the old error.
        const QString helpTip = FilterBar().lineEdit()->toolTip();
        query::FieldSet hostile = fields;
        hostile.add({QStringLiteral("<b>x"), query::FieldType::Integer, QStringLiteral("d.\"c5\""), {}, {}});
        bar.setFields(hostile);
        bar.setText(QStringLiteral("bx = 1"));
        QVERIFY(!bar.isValid());
        QVERIFY2(bar.errorMessage().contains(QStringLiteral("'<b>x'")), qPrintable(bar.errorMessage()));
        QLabel *status = bar.findChild<QLabel *>();
        QVERIFY(status);
        QCOMPARE(status->text(), bar.errorMessage());
        QCOMPARE(status->textFormat(), Qt::PlainText);
        for (const QString &tip : {status->toolTip(), bar.lineEdit()->toolTip()}) {
            QTextDocument doc;
            doc.setHtml(tip);
            QCOMPARE(doc.toPlainText(), bar.errorMessage());
        }
        bar.setText(QStringLiteral("status = 404"));
        QCOMPARE(bar.lineEdit()->toolTip(), helpTip);
        QVERIFY(status->toolTip().isEmpty());
        bar.setFields(fields);

        // Saved filters persist in QSettings.
        bar.saveFilter(QStringLiteral("404s"), QStringLiteral("status = 404"));
        FilterBar other;
        QCOMPARE(other.savedFilters().value(QStringLiteral("404s")), QStringLiteral("status = 404"));
        other.removeSavedFilter(QStringLiteral("404s"));
        QVERIFY(bar.savedFilters().isEmpty());
    }

    void keyboardTriage()
    {
        JobRunner jobs;
        TriageView view(&jobs, m_path, 1, 1);
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1200, 700);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view)); // shortcuts need an active window
        QSignalSpy ready(view.model(), &TriageTableModel::ready);
        QVERIFY(ready.wait(10000));
        QTableView *table = view.table();
        table->setFocus();
        QSignalSpy selected(&view, &TriageView::recordSelected);

        // Sort by bytes so anomalies are spread out, then J jumps to the first one.
        QSignalSpy query(view.model(), &TriageTableModel::queryFinished);
        view.model()->sort(TriageColumns::kFirstData + 5, Qt::AscendingOrder);
        QVERIFY(query.wait(10000));
        QTest::keyClick(table, Qt::Key_J);
        QTRY_VERIFY_WITH_TIMEOUT(table->currentIndex().isValid(), 10000);
        const int first = table->currentIndex().row();
        QVERIFY(view.model()->data(view.model()->index(first, 0), TriageTableModel::AnomalyRole).toBool());
        QVERIFY(selected.count() >= 1);
        const qint64 rid = selected.last().at(0).toLongLong();
        QTest::keyClick(table, Qt::Key_N);
        QTRY_VERIFY_WITH_TIMEOUT(table->currentIndex().row() > first, 10000);
        QTest::keyClick(table, Qt::Key_K);
        QTRY_COMPARE_WITH_TIMEOUT(table->currentIndex().row(), first, 10000);

        // 1 labels malicious; Ctrl+Z undoes; Ctrl+Shift+Z redoes; 3 marks for review.
        QSignalSpy history(view.model(), &TriageTableModel::historyChanged);
        QTest::keyClick(table, Qt::Key_1);
        QVERIFY(history.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->data(view.model()->index(first, TriageColumns::kLabel)).toString(), QStringLiteral("malicious"), 10000);
        QVERIFY(view.undoAction()->isEnabled());
        QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(history.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->data(view.model()->index(first, TriageColumns::kLabel)).toString(), QString(), 10000);
        QVERIFY(view.redoAction()->isEnabled());
        QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(history.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->data(view.model()->index(first, TriageColumns::kLabel)).toString(), QStringLiteral("malicious"), 10000);
        QCOMPARE(scalar("SELECT count(*) FROM labels WHERE label = 'malicious'"), 1);
        {
            auto p = Project::open(m_path);
            auto st = (*p)->db().prepare("SELECT key FROM labels");
            QVERIFY(st->step().value());
            QCOMPARE(st->text(0).toLongLong(), rid);
        }

        // Digits typed into the filter never label.
        view.filterBar()->lineEdit()->setFocus();
        QTest::keyClicks(view.filterBar()->lineEdit(), QStringLiteral("status = 2"));
        QTest::qWait(200);
        QCOMPARE(scalar("SELECT count(*) FROM labels"), 1);

        // Applying a filter from another view; an invalid one is refused.
        QSignalSpy filterChanged(&view, &TriageView::filterChanged);
        QVERIFY(view.applyFilter(QStringLiteral("label = malicious")));
        QVERIFY(query.wait(10000));
        QCOMPARE(view.model()->rowCount(), 1);
        QCOMPARE(filterChanged.count(), 1);
        QVERIFY(!view.applyFilter(QStringLiteral("label = evil")));
        QVERIFY(!view.filterBar()->isValid());

        // Column chooser.
        view.setColumnVisible(TriageColumns::kCluster, false);
        QVERIFY(table->isColumnHidden(TriageColumns::kCluster));
        view.setColumnVisible(TriageColumns::kCluster, true);
        QVERIFY(!table->isColumnHidden(TriageColumns::kCluster));
        QVERIFY(view.applyFilter(QString()));
        QVERIFY(query.wait(10000));
    }

    void inspector()
    {
        RecordInspector inspector(m_path, 1, 1);
        inspector.show();
        QSignalSpy shown(&inspector, &RecordInspector::detailsShown);
        // Ask for two records quickly: only the newest is shown.
        inspector.showRecord(5);
        inspector.showRecord(7);
        QVERIFY(shown.wait(10000));
        QTest::qWait(100);
        QCOMPARE(shown.count(), 1);
        QCOMPARE(shown.first().at(0).toLongLong(), 7);
        QTableWidget *rec = inspector.recordTable();
        QStringList fields;
        for (int r = 0; r < rec->rowCount(); ++r)
            fields << rec->item(r, 0)->text();
        for (const char *f : {"record", "line", "ip", "time", "method", "path", "status", "bytes", "ua_browser", "user_agent", "score", "label"})
            QVERIFY2(fields.contains(QString::fromLatin1(f)), f);
        // Top features: the three from scores.top_features, largest first.
        QTableWidget *features = inspector.featuresTable();
        QCOMPARE(features->rowCount(), 3);
        const auto value = [&](int r) { return QLocale().toDouble(features->item(r, 1)->text()); };
        QVERIFY(value(0) >= value(1) && value(1) >= value(2));
        QCOMPARE(features->item(0, 1)->data(Qt::UserRole + 1).toDouble(), 1.0); // the longest bar
        QVERIFY(features->item(2, 1)->data(Qt::UserRole + 1).toDouble() <= 1.0);
        QVERIFY(!features->item(0, 0)->text().isEmpty());
        // The fixture's top contribution is score / 200: half a percent of the score.
        QCOMPARE(features->item(0, 2)->text(), QStringLiteral("%1 %").arg(QLocale().toString(0.5, 'f', 1)));
        // The record's session (same entity, no pause over 30 minutes), in time order, with this
        // record among them; counted here independently.
        QTableWidget *ev = inspector.eventsTable();
        const QString ip = [&] {
            for (int r = 0; r < rec->rowCount(); ++r)
                if (rec->item(r, 0)->text() == QLatin1String("ip"))
                    return rec->item(r, 1)->text();
            return QString();
        }();
        auto p = Project::open(m_path);
        auto st = (*p)->db().prepare("SELECT rid, c1 FROM ds_1 WHERE c0 = ?1 ORDER BY c1, rid");
        st->bind(1, ip);
        std::vector<std::pair<qint64, double>> all;
        while (st->step().value())
            all.emplace_back(st->int64(0), st->real(1));
        size_t at = 0;
        while (at < all.size() && all[at].first != 7)
            ++at;
        QVERIFY(at < all.size());
        size_t first = at, last = at;
        while (first > 0 && all[first].second - all[first - 1].second <= 1800.0)
            --first;
        while (last + 1 < all.size() && all[last + 1].second - all[last].second <= 1800.0)
            ++last;
        QCOMPARE(qint64(ev->rowCount()), qint64(std::min<size_t>(last - first + 1, 500)));
        bool found = false;
        QString prevTime;
        const int timeCol = 2; // record, score, then the data columns without ip: time first
        QCOMPARE(ev->horizontalHeaderItem(timeCol)->text(), QStringLiteral("time"));
        for (int r = 0; r < ev->rowCount(); ++r) {
            found = found || ev->item(r, 0)->text() == QLatin1String("7");
            QVERIFY(ev->item(r, timeCol)->text() >= prevTime);
            prevTime = ev->item(r, timeCol)->text();
        }
        QVERIFY(found);

        QSignalSpy failed(&inspector, &RecordInspector::failed);
        inspector.showRecord(999999);
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.first().at(0).toString().contains(QStringLiteral("Record 999999 is not in dataset 1")));
    }
};

QTEST_MAIN(TestTriageView)
#include "tst_triageview.moc"
