#include "core/project.h"
#include "core/report/reportdata.h"
#include "core/store/datasetstore.h"
#include "ml/pipeline.h"
#include "ml/runtime.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

/// The workbench's train-and-score path end to end on a real log cut (Elastic Apache sample +
/// Acunetix scanner lines): import → schema → autoencoder → run with scores → rescoring.
class TestPipeline : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ml::initRuntime(ml::DevicePreference::Cpu, 0));
        m_project = m_dir.filePath(QStringLiteral("pipeline.vigil"));
        auto project = Project::create(m_project);
        QVERIFY(project);
        for (const char *name : {"elastic_200.log", "acunetix_100.log"}) {
            auto r = importFile(**project, QStringLiteral(VIGIL_TEST_DATA_DIR "/web/") + QLatin1String(name), ReadOptions{});
            QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        }
    }

    void trainsScoresAndStoresARun()
    {
        ml::TrainRequest request;
        request.projectPath = m_project;
        request.datasetId = 1;
        request.options.epochs = 3;
        request.options.batchSize = 64;
        request.options.targetFpr = 0.05;
        int epochs = 0;
        QStringList stages;
        auto result = ml::trainOnDataset(request, [&stages](const Progress &p) {
            if (!stages.contains(p.stage))
                stages << p.stage;
            return true;
        }, [&epochs](const ml::TrainingEpoch &) { ++epochs; });
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        QCOMPARE(epochs, 3);
        QVERIFY(stages.contains(QStringLiteral("Training")));
        QVERIFY(result->modelId > 0);
        QVERIFY(result->runId > 0);
        QCOMPARE(result->scored, 200);
        QVERIFY(result->threshold > 0.0);
        QVERIFY(result->alerts >= 0 && result->alerts < 200);

        auto project = Project::open(m_project);
        QVERIFY(project);
        QCOMPARE((*project)->db().scalarInt("SELECT count(*) FROM scores WHERE run_id = 1").value(), 200);
        QCOMPARE((*project)->db().scalarInt("SELECT count(*) FROM schemas WHERE dataset_id = 1").value(), 1);
        auto report = collectReport((*project)->db(), result->runId);
        QVERIFY(report);
        QCOMPARE(report->scored, 200);
        QVERIFY(!report->topAnomalies.front().topFeatures.empty());
    }

    void rescoresAnotherDatasetWithTheFrozenSchema()
    {
        // Scanner traffic scored by a model of benign traffic: its mean score must be higher.
        auto scanner = ml::scoreDataset(m_project, 1, 2);
        QVERIFY2(scanner, qPrintable(scanner ? QString() : scanner.error().message));
        QCOMPARE(scanner->scored, 100);
        auto project = Project::open(m_project);
        QVERIFY(project);
        auto mean = [&](std::int64_t run) {
            auto st = (*project)->db().prepare("SELECT avg(score) FROM scores WHERE run_id = ?1");
            st->bind(1, run);
            (void)st->step();
            return st->real(0);
        };
        QVERIFY2(mean(scanner->runId) > mean(1), qPrintable(QStringLiteral("%1 vs %2").arg(mean(scanner->runId)).arg(mean(1))));
    }

    void refusesWhatCannotWork()
    {
        ml::TrainRequest request;
        request.projectPath = m_project;
        request.datasetId = 99;
        auto missing = ml::trainOnDataset(request);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);

        request.datasetId = 1;
        request.options.normalOnly = true; // access logs carry no labels
        auto unlabelled = ml::trainOnDataset(request);
        QVERIFY(!unlabelled);
        QCOMPARE(unlabelled.error().code, ErrorCode::InvalidArgument);
        QVERIFY(unlabelled.error().message.contains(QLatin1String("label")));

        auto noModel = ml::scoreDataset(m_project, 42, 1);
        QVERIFY(!noModel);
    }
};

QTEST_APPLESS_MAIN(TestPipeline)
#include "tst_pipeline.moc"
