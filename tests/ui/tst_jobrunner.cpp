#include "ui/jobs/jobrunner.h"
#include "ui/jobs/jobsmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace vigil;
using namespace vigil::ui;

class TestJobRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsOnWorkerAndDeliversResult()
    {
        JobRunner runner;
        JobsModel model(&runner);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QThread *gui = QThread::currentThread();
        QThread *worker = nullptr;
        int delivered = -1;
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        runner.start(QStringLiteral("sum"), [&worker](JobContext &ctx) -> Result<QVariant> {
            worker = QThread::currentThread();
            int sum = 0;
            for (int i = 1; i <= 100; ++i) {
                sum += i;
                if (!ctx.progress(i, 100, QStringLiteral("Adding")))
                    return fail(ErrorCode::Cancelled, QStringLiteral("cancelled"));
            }
            return QVariant(sum);
        }, [&delivered](const Result<QVariant> &r) { delivered = r ? r->toInt() : -2; });
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(delivered, 5050);
        QVERIFY(worker != nullptr && worker != gui);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, JobsModel::StatusColumn).data().toString(), QStringLiteral("Done"));
        QCOMPARE(runner.runningCount(), 0);
    }

    void cancelStopsWork()
    {
        JobRunner runner;
        QSignalSpy cancelled(&runner, &JobRunner::jobCancelled);
        std::atomic<bool> started{false};
        bool delivered = false;
        const int id = runner.start(QStringLiteral("forever"), [&started](JobContext &ctx) -> Result<QVariant> {
            started = true;
            while (ctx.progress(0, 0))
                QThread::msleep(5);
            return fail(ErrorCode::Cancelled, QStringLiteral("cancelled"));
        }, [&delivered](const Result<QVariant> &) { delivered = true; });
        QTRY_VERIFY_WITH_TIMEOUT(started.load(), 5000);
        runner.cancel(id);
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 5000);
        QVERIFY(!delivered);
        QCOMPARE(runner.jobs().front().state, JobInfo::State::Cancelled);
    }

    void newestRequestWins()
    {
        JobRunner runner;
        QList<int> results;
        QSignalSpy ended(&runner, &JobRunner::runningCountChanged);
        std::atomic<bool> firstStarted{false};
        runner.start(QStringLiteral("old"), [&firstStarted](JobContext &ctx) -> Result<QVariant> {
            firstStarted = true;
            for (int i = 0; i < 1000 && ctx.progress(i, 1000); ++i)
                QThread::msleep(5);
            return QVariant(1);
        }, [&results](const Result<QVariant> &r) { results << r->toInt(); }, QStringLiteral("query"));
        QTRY_VERIFY_WITH_TIMEOUT(firstStarted.load(), 5000);
        runner.start(QStringLiteral("new"), [](JobContext &) -> Result<QVariant> { return QVariant(2); },
                     [&results](const Result<QVariant> &r) { results << r->toInt(); }, QStringLiteral("query"));
        QTRY_COMPARE_WITH_TIMEOUT(runner.runningCount(), 0, 10000);
        QCOMPARE(results, QList<int>{2}); // the superseded job's result is dropped
    }

    void failureCarriesMessage()
    {
        JobRunner runner;
        QSignalSpy failed(&runner, &JobRunner::jobFailed);
        runner.start(QStringLiteral("bad"), [](JobContext &) -> Result<QVariant> {
            return fail(ErrorCode::Io, QStringLiteral("disk on fire"));
        });
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5000);
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("disk on fire"));
    }

    void exceptionsDoNotEscapeWorker()
    {
        JobRunner runner;
        QSignalSpy failed(&runner, &JobRunner::jobFailed);
        runner.start(QStringLiteral("throws"), [](JobContext &) -> Result<QVariant> { throw std::runtime_error("boom"); });
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5000);
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("boom"));
    }

    void progressIsThrottled()
    {
        JobRunner runner;
        QSignalSpy changed(&runner, &JobRunner::jobChanged);
        runner.start(QStringLiteral("chatty"), [](JobContext &ctx) -> Result<QVariant> {
            for (int i = 0; i < 300000; ++i)
                ctx.progress(i, 300000);
            QThread::msleep(250);
            return QVariant();
        });
        QTRY_COMPARE_WITH_TIMEOUT(runner.runningCount(), 0, 10000);
        // 300k reports become a handful of view updates (timer at 10 Hz + the final one).
        QVERIFY2(changed.count() < 20, qPrintable(QString::number(changed.count())));
    }
};

QTEST_MAIN(TestJobRunner)
#include "tst_jobrunner.moc"
