#include "../triage/syntheticproject.h"

#include "core/project.h"
#include "ml/pipeline.h"
#include "ml/runtime.h"
#include "tests/support/labelledrun.h"
#include "ui/explorer/clusterscatterview.h"
#include "ui/explorer/evaluationview.h"
#include "ui/explorer/explorerview.h"
#include "ui/explorer/scorehistogramview.h"
#include "ui/explorer/timelineview.h"
#include "ui/jobs/jobrunner.h"

#include <QJsonArray>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

using namespace vigil;
using namespace vigil::ui;

/// The explorer widgets offscreen: loading through JobRunner, the threshold drag, timeline
/// zoom and brushing, scatter colouring and the filters the selections emit.
class TestExplorerView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_labelled;
    qint64 m_labelledRun = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("explorer.vigil"));
        QVERIFY(testing::createSyntheticProject(m_path, 4000));
        // A real labelled run: 300 NSL-KDD rows imported, an autoencoder trained and scored.
        QVERIFY(ml::initRuntime(ml::DevicePreference::Cpu, 0));
        m_labelled = m_dir.filePath(QStringLiteral("evaluation.vigil"));
        auto trained = testing::createLabelledRun(m_labelled, 2);
        QVERIFY2(trained, qPrintable(trained ? QString() : trained.error().message));
        m_labelledRun = trained->runId;
    }

    void linkedCharts()
    {
        JobRunner jobs;
        ExplorerView view(&jobs, m_path, 1, 1);
        view.resize(1200, 800);
        view.show();
        QSignalSpy loaded(&view, &ExplorerView::loaded);
        QVERIFY(loaded.wait(20000));
        QSignalSpy clusters(&view, &ExplorerView::clustersLoaded);
        QVERIFY(clusters.wait(20000));
        QCOMPARE(view.clusterTable()->rowCount(), 7);
        QCOMPARE(view.histogramView()->histogram().total, 4000);
        QVERIFY(!view.histogramView()->histogram().benignFromDataset); // no model schema, no label column
        QCOMPARE(view.threshold(), 80.0);
        QVERIFY(view.thresholdLabel()->text().contains(QStringLiteral("Threshold 80.000")));

        // Drag the threshold line to the right: fewer records above, label updated live.
        ScoreHistogramView *h = view.histogramView();
        const double aboveBefore = h->histogram().countAbove(80.0);
        QSignalSpy moved(h, &ScoreHistogramView::thresholdMoved);
        QSignalSpy changed(&view, &ExplorerView::thresholdChanged);
        const int y = h->height() / 2;
        const int x0 = h->thresholdPixel();
        QTest::mousePress(h->viewport(), Qt::LeftButton, {}, QPoint(x0, y));
        QMouseEvent move(QEvent::MouseMove, QPointF(x0 + 40, y), h->viewport()->mapToGlobal(QPointF(x0 + 40, y)), Qt::NoButton, Qt::LeftButton, {});
        QApplication::sendEvent(h->viewport(), &move);
        QTest::mouseRelease(h->viewport(), Qt::LeftButton, {}, QPoint(x0 + 40, y));
        QVERIFY(moved.count() >= 1);
        QCOMPARE(changed.count(), 1);
        QVERIFY(view.threshold() > 80.0);
        QVERIFY(h->histogram().countAbove(view.threshold()) < aboveBefore);
        QVERIFY(view.thresholdLabel()->text().contains(QStringLiteral("expected FPR")));

        // Timeline: zoom in re-bins in memory, brushing emits a time filter.
        TimelineView *t = view.timelineView();
        QVERIFY(view.timelineShown());
        QVERIFY(t->isVisible());
        const double span = t->rangeTo() - t->rangeFrom();
        t->zoom(0.1, (t->rangeFrom() + t->rangeTo()) / 2);
        QVERIFY(std::abs((t->rangeTo() - t->rangeFrom()) - span * 0.1) < span * 0.01);
        qint64 shown = 0;
        for (qint64 v : t->bins().volume)
            shown += v;
        QVERIFY(shown > 0 && shown < 4000);
        QSignalSpy filters(&view, &ExplorerView::filterRequested);
        const int ty = t->height() / 2;
        QTest::mousePress(t->viewport(), Qt::LeftButton, Qt::ShiftModifier, QPoint(t->width() / 3, ty));
        QMouseEvent tmove(QEvent::MouseMove, QPointF(t->width() / 2, ty), t->viewport()->mapToGlobal(QPointF(t->width() / 2, ty)), Qt::NoButton,
                          Qt::LeftButton, Qt::ShiftModifier);
        QApplication::sendEvent(t->viewport(), &tmove);
        QTest::mouseRelease(t->viewport(), Qt::LeftButton, Qt::ShiftModifier, QPoint(t->width() / 2, ty));
        QCOMPARE(filters.count(), 1);
        const QString timeFilter = filters.last().at(0).toString();
        QVERIFY2(timeFilter.startsWith(QStringLiteral("time between \"2024-03-")), qPrintable(timeFilter));

        // A timeline that fails to load says why in its title (escaped: chart titles take
        // HTML) and draws nothing; the next load restores it.
        const TimeBuckets buckets = t->buckets();
        const QString title = t->title();
        t->showError(QStringLiteral("database is locked <b>x</b>"));
        QVERIFY(t->bins().volume.empty() || *std::max_element(t->bins().volume.begin(), t->bins().volume.end()) == 0);
        QVERIFY2(t->title().contains(QStringLiteral("database is locked &lt;b&gt;x&lt;/b&gt;")), qPrintable(t->title()));
        t->setBuckets(buckets);
        QCOMPARE(t->title(), title);

        // Scatter: colour groups, a region selection and a cluster click become filters.
        ClusterScatterView *s = view.scatterView();
        QVERIFY(s->groups().contains(QStringLiteral("cluster 0")));
        s->setColorBy(ClusterScatterView::ColorBy::Label);
        QCOMPARE(s->groups(), QStringList{QStringLiteral("none")});
        QTest::mousePress(s, Qt::LeftButton, {}, QPoint(s->width() / 4, s->height() / 4));
        QMouseEvent smove(QEvent::MouseMove, QPointF(s->width() * 3 / 4, s->height() * 3 / 4),
                          s->mapToGlobal(QPointF(s->width() * 3 / 4, s->height() * 3 / 4)), Qt::NoButton, Qt::LeftButton, {});
        QApplication::sendEvent(s, &smove);
        QTest::mouseRelease(s, Qt::LeftButton, {}, QPoint(s->width() * 3 / 4, s->height() * 3 / 4));
        QCOMPARE(filters.count(), 2);
        QVERIFY2(filters.last().at(0).toString().startsWith(QStringLiteral("x between ")), qPrintable(filters.last().at(0).toString()));
        // Click on an attack point (cluster 0, far out): a cluster filter.
        const ScatterPoint *attack = nullptr;
        for (const ScatterPoint &p : s->points())
            if (p.cluster == 0)
                attack = &p;
        QVERIFY(attack);
        QTest::mouseClick(s, Qt::LeftButton, {}, s->toPixel(QPointF(attack->x, attack->y)).toPoint());
        QCOMPARE(filters.count(), 3);
        QCOMPARE(filters.last().at(0).toString(), QStringLiteral("cluster = 0"));
        s->grab(); // paints the sampled points
        Q_EMIT view.clusterTable()->cellDoubleClicked(0, 0);
        QCOMPARE(filters.last().at(0).toString(), QStringLiteral("cluster = 0"));
        jobs.waitForAll();
    }

    void clusterLegendAvoidsThePoints()
    {
        // A crowd in the top-right corner, where a narrow view put its legend over them: the
        // legend goes to the corner that hides the fewest points; beside the plot where wide.
        std::vector<ScatterPoint> points;
        for (int i = 0; i < 400; ++i)
            points.push_back({0.8 + 0.2 * double(i % 20) / 19.0, 0.8 + 0.2 * double(i / 20) / 19.0, i, i % 3, 10, 1.0, {}, false});
        for (const auto &[x, y] : {std::pair{0.0, 0.0}, std::pair{1.0, 0.0}, std::pair{0.0, 1.0}})
            points.push_back({x, y, qint64(points.size()), 0, 10, 1.0, {}, false});
        ClusterScatterView view;
        view.setPoints(points);
        const auto covered = [&view, &points](const QRectF &r) {
            int n = 0;
            for (const ScatterPoint &p : points)
                n += r.contains(view.toPixel(QPointF(p.x, p.y))) ? 1 : 0;
            return n;
        };
        view.resize(260, 260);
        const QRectF narrow = view.legendRect();
        QVERIFY2(narrow.left() < view.width() / 2.0, qPrintable(QStringLiteral("legend at x %1").arg(narrow.left())));
        QRectF topRight = narrow;
        topRight.moveTopRight(QPointF(view.width() - 10.0, narrow.top()));
        QVERIFY2(covered(narrow) <= 1 && covered(topRight) > 20,
                 qPrintable(QStringLiteral("%1 points under the legend, %2 under the top-right corner").arg(covered(narrow)).arg(covered(topRight))));
        view.grab(); // paints it there
        view.resize(900, 400);
        const QRectF wide = view.legendRect();
        QCOMPARE(covered(wide), 0);
        QVERIFY(wide.left() > view.toPixel(QPointF(1.0, 1.0)).x());
    }

    void histogramAxisTitleFitsThePlot()
    {
        // An overflowing last bar is explained on the x axis; in the explorer's narrow strip
        // the long title was cut to "score (last bar also c...". It falls back to shorter ones,
        // and the tooltip keeps the whole sentence.
        ScoreHistogram hist;
        hist.min = 0.0;
        hist.max = 30.0;
        hist.dataMax = 123.456;
        hist.overflow = true;
        hist.binWidth = 1.0;
        hist.counts.assign(30, 5);
        hist.total = 150;
        const QString full = QStringLiteral("score (last bar also counts scores up to 123.456)");
        ScoreHistogramView view;
        view.setHistogram(hist);
        const auto axisTitle = [&view] {
            const auto axes = view.chart()->axes(Qt::Horizontal);
            return axes.isEmpty() ? QString() : axes.first()->titleText();
        };
        view.resize(900, 300);
        view.show();
        QTRY_COMPARE(axisTitle(), full);
        QVERIFY(!view.toolTip().contains(full));
        view.resize(260, 300);
        QTRY_VERIFY2(axisTitle() != full, qPrintable(axisTitle()));
        QVERIFY(QFontMetricsF(view.chart()->axes(Qt::Horizontal).first()->titleFont()).horizontalAdvance(axisTitle()) <= view.chart()->plotArea().width());
        QVERIFY(axisTitle().startsWith(QStringLiteral("score")));
        QVERIFY2(view.toolTip().contains(full), qPrintable(view.toolTip()));
        view.resize(900, 300);
        QTRY_COMPARE(axisTitle(), full);
        hist.overflow = false;
        view.setHistogram(hist);
        QCOMPARE(axisTitle(), QStringLiteral("score"));
    }

    void evaluationOfALabelledRun()
    {
        JobRunner jobs;
        EvaluationView view(&jobs, m_labelled, m_labelledRun);
        view.resize(1100, 800);
        view.show();
        QSignalSpy loaded(&view, &EvaluationView::loaded);
        QVERIFY(loaded.wait(30000));
        const QJsonObject &f = view.figures();
        const QJsonArray fpr = f[QLatin1String("curves")][QLatin1String("roc")][QLatin1String("fpr")].toArray();
        // Every drawn ROC point, the left-edge ones included (FPR 0 cannot sit on a log axis).
        QCOMPARE(view.rocSeries()->count(), int(fpr.size()));
        QVERIFY(view.rocSeries()->count() >= 2);
        QCOMPARE(view.rocSeries()->at(view.rocSeries()->count() - 1), QPointF(1.0, 1.0));
        QVERIFY(view.rocSeries()->at(0).x() > 0.0);
        QVERIFY(view.prSeries()->count() >= 2);
        // The run's threshold and the model's calibrated ones (1 % and 5 %).
        QCOMPARE(view.operatingPoint()->count(), 1);
        QCOMPARE(view.calibratedPoints()->count(), int(f[QLatin1String("calibrated")].toArray().size()));
        QVERIFY(f[QLatin1String("calibrated")].toArray().size() >= 1);
        const QString summary = view.summaryLabel()->text();
        QVERIFY2(summary.contains(QStringLiteral("AUROC %1").arg(f[QLatin1String("auroc")].toDouble(), 0, 'f', 4)), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Calibrated for 1 % FPR")), qPrintable(summary));
        // Families (dos, probe, …; most rows first) in bold, then the normal class, then the attack classes with
        // the most missed rows first.
        QTableWidget *t = view.detectionTable();
        const int families = int(f[QLatin1String("perFamily")].toArray().size()) - 1; // less "normal"
        QCOMPARE(t->rowCount(), families + int(f[QLatin1String("perClass")].toArray().size()));
        QVERIFY(t->item(0, 0)->text().startsWith(QStringLiteral("family: ")));
        QVERIFY(t->item(0, 0)->font().bold());
        for (int r = 1; r < families; ++r)
            QVERIFY(QLocale().toLongLong(t->item(r - 1, 1)->text()) >= QLocale().toLongLong(t->item(r, 1)->text()));
        QVERIFY2(t->item(families, 0)->text().startsWith(QStringLiteral("normal (normal traffic")), qPrintable(t->item(families, 0)->text()));
        auto missed = [t](int row) { return QLocale().toLongLong(t->item(row, 1)->text()) - QLocale().toLongLong(t->item(row, 2)->text()); };
        for (int r = families + 2; r < t->rowCount(); ++r)
            QVERIFY(missed(r - 1) >= missed(r));
        view.grab(); // paints both charts

        // Evaluating stored the figures with the run; a second load gives the same ones.
        view.reload();
        QVERIFY(loaded.wait(30000));
        QCOMPARE(view.figures()[QLatin1String("auroc")].toDouble(), f[QLatin1String("auroc")].toDouble());
        jobs.waitForAll();
    }

    void labelledDataSetGivesTheTrueFpr()
    {
        // The histogram's benign rows are the data set's normal rows (its label column), so the
        // FPR shown while dragging is the real one, not the share of all records.
        JobRunner jobs;
        ExplorerView view(&jobs, m_labelled, 1, m_labelledRun);
        view.resize(1200, 800);
        view.show();
        QSignalSpy loaded(&view, &ExplorerView::loaded);
        QVERIFY(loaded.wait(20000));
        const ScoreHistogram &h = view.histogramView()->histogram();
        QVERIFY(h.benignFromDataset);
        auto evaluated = ml::evaluateRun(m_labelled, m_labelledRun);
        QVERIFY(evaluated);
        const QJsonObject at = (*evaluated)[QLatin1String("atThreshold")].toObject();
        QCOMPARE(h.benignTotal, qint64(at[QLatin1String("fp")].toDouble() + at[QLatin1String("tn")].toDouble()));
        bool fromLabels = false;
        const double fpr = h.expectedFpr(view.threshold(), &fromLabels);
        QVERIFY(fromLabels);
        // Binned: the bin straddling the threshold counts by overlap.
        QVERIFY2(std::abs(fpr - at[QLatin1String("fpr")].toDouble()) < 0.03,
                 qPrintable(QStringLiteral("%1 vs %2").arg(fpr).arg(at[QLatin1String("fpr")].toDouble())));
        QVERIFY2(view.thresholdLabel()->text().contains(QStringLiteral("from the data set's %1 normal rows").arg(h.benignTotal)),
                 qPrintable(view.thresholdLabel()->text()));
        // NSL-KDD has no timestamp column: no timeline (not empty axes), and the status says why.
        QVERIFY(!view.timelineShown());
        QVERIFY(!view.timelineView()->isVisible());
        QVERIFY2(view.statusLabel()->text().contains(QLatin1String("no timestamp column")), qPrintable(view.statusLabel()->text()));
        QVERIFY(view.statusLabel()->text().contains(QLatin1String("scores")));
        jobs.waitForAll();
    }

    void evaluationWithoutLabels()
    {
        // The synthetic run's model has no schema with a label column: a message, no curves.
        JobRunner jobs;
        EvaluationView view(&jobs, m_path, 1);
        QSignalSpy failed(&view, &EvaluationView::failed);
        QVERIFY(failed.wait(20000));
        QVERIFY(!failed.first().at(0).toString().isEmpty());
        QCOMPARE(view.summaryLabel()->text(), failed.first().at(0).toString());
        QCOMPARE(view.rocSeries()->count(), 0);
        QVERIFY(view.figures().isEmpty());
        jobs.waitForAll();
    }

    void missingRun()
    {
        JobRunner jobs;
        ExplorerView view(&jobs, m_path, 1, 42);
        QSignalSpy failed(&view, &ExplorerView::failed);
        QVERIFY(failed.wait(20000));
        QVERIFY(failed.first().at(0).toString().contains(QStringLiteral("Run 42 does not exist")));
        jobs.waitForAll();
    }
};

QTEST_MAIN(TestExplorerView)
#include "tst_explorerview.moc"
