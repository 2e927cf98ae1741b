#include "core/project.h"
#include "core/report/reportdata.h"
#include "core/report/render.h"
#include "core/runs/runstore.h"
#include "core/schema/schema.h"
#include "core/store/datasetstore.h"
#include "ml/pipeline.h"
#include "ml/runtime.h"

#include <QFile>
#include <QTemporaryDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace vigil;

namespace {

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-5 * std::max({1.0, std::abs(a), std::abs(b)});
}

} // namespace

/// The workbench's train-and-score path end to end on a real log cut (Elastic Apache sample +
/// Acunetix scanner lines): import → schema → autoencoder → run with scores → rescoring.
class TestPipeline : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;

    /// A new project \a name holding the 300-row KDDTrain+ cut (flows: labels, no sessions);
    /// empty on failure.
    QString kddCutProject(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        auto project = Project::create(path);
        if (!project || !importFile(**project, QStringLiteral(VIGIL_TEST_DATA_DIR "/ids/kddtrain_300.txt"), ReadOptions{}))
            return {};
        return path;
    }

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
        // 200 rows, a tenth held out: 20 × 5 % = 1 expected above the threshold, too few.
        const ml::CalibrationBasis basis = ml::calibrationBasis(*result);
        QCOMPARE(basis.count, result->summary.validationRows);
        QVERIFY(basis.count > 0 && !basis.sessions);
        QCOMPARE(basis.expectedAbove, 0.05 * double(basis.count));
        QVERIFY(basis.thin());
        QCOMPARE(basis.enough(0.05), std::int64_t(200));
        QCOMPARE(basis.enough(0.01), std::int64_t(1000));
        ml::PipelineResult wide = *result;
        wide.summary.validationRows = 200; // 200 × 5 % = 10: enough
        QVERIFY(!ml::calibrationBasis(wide).thin());
        wide.summary.validationRows = 199;
        QVERIFY(ml::calibrationBasis(wide).thin());
        wide.modelKind = QStringLiteral("classifier"); // a fixed 0.5: nothing calibrated
        QCOMPARE(ml::calibrationBasis(wide).count, std::int64_t(0));
        QVERIFY(!ml::calibrationBasis(wide).thin());

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

    void normalOnlyAsAPreferenceTrainsAnUnlabelledLogOnEveryRow()
    {
        // The workbench remembers "normal rows only"; a log without labels then trains on all rows.
        for (auto kind : {ml::ModelKind::Autoencoder, ml::ModelKind::Sequence}) {
            ml::TrainRequest request;
            request.projectPath = m_project;
            request.datasetId = 1;
            request.options.kind = kind;
            request.options.epochs = 2;
            request.options.normalOnly = true;
            request.normalOnlyWhereLabelled = true;
            request.scoreAfterTraining = false;
            auto trained = ml::trainOnDataset(request);
            QVERIFY2(trained, qPrintable(trained ? QString() : trained.error().message));
            QCOMPARE(trained->modelMetadata.value(QStringLiteral("normal_only")).toBool(true), false);
        }
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
        request.options.kind = ml::ModelKind::Sequence; // the same refusal for every kind
        unlabelled = ml::trainOnDataset(request);
        QVERIFY(!unlabelled);
        QVERIFY(unlabelled.error().message.contains(QLatin1String("label")));

        auto noModel = ml::scoreDataset(m_project, 42, 1);
        QVERIFY(!noModel);
    }

    void alertBudgetSetsTheThresholdFromTheRecordsADay()
    {
        // Dataset 1 (Elastic's Apache sample cut): 200 records over its time span.
        ml::TrainRequest request;
        request.projectPath = m_project;
        request.datasetId = 1;
        request.options.epochs = 2;
        request.alertsPerDay = 5;
        auto budget = ml::trainOnDataset(request);
        QVERIFY2(budget, qPrintable(budget ? QString() : budget.error().message));
        request.scoreAfterTraining = false;
        const QJsonObject b = budget->modelMetadata.value(QStringLiteral("alert_budget")).toObject();
        QCOMPARE(b.value(QStringLiteral("alertsPerDay")).toDouble(), 5.0);
        const double days = b.value(QStringLiteral("days")).toDouble();
        QVERIFY2(days > 1.0 / 24.0, qPrintable(QString::number(days)));
        QVERIFY(near(b.value(QStringLiteral("recordsPerDay")).toDouble(), 200.0 / days));
        QVERIFY(near(budget->targetFpr, 5.0 / (200.0 / days)));
        QVERIFY(near(b.value(QStringLiteral("targetFpr")).toDouble(), budget->targetFpr));
        {
            // The span is the timestamp column's, counted here from the stored records.
            auto project = Project::open(m_project);
            QVERIFY(project);
            auto table = loadTable((*project)->db(), 1);
            QVERIFY(table);
            const Column &t = table->columns[size_t(table->indexOf(QStringLiteral("time_local")))];
            const auto [lo, hi] = std::minmax_element(t.numbers.begin(), t.numbers.end());
            QVERIFY(near(days, (*hi - *lo) / 86400.0));
            // The report says what the threshold came from.
            auto report = collectReport((*project)->db(), budget->runId);
            QVERIFY(report);
            const QString html = renderHtml(*report);
            QVERIFY2(html.contains(QLatin1String("Alert budget</th><td>5 a day")), qPrintable(html.left(2000)));
        }
        // The same as asking for that false-positive rate.
        request.alertsPerDay = 0;
        request.options.targetFpr = budget->targetFpr;
        auto rate = ml::trainOnDataset(request);
        QVERIFY(rate);
        QCOMPARE(rate->threshold, budget->threshold);
        QVERIFY(!rate->modelMetadata.contains(QStringLiteral("alert_budget")));

        // Refusals: more alerts than records, no timestamps, the classifier.
        request.alertsPerDay = 1e9;
        auto tooMany = ml::trainOnDataset(request);
        QVERIFY(!tooMany);
        QVERIFY2(tooMany.error().message.contains(QLatin1String("records a day")), qPrintable(tooMany.error().message));
        const QString kdd = kddCutProject(QStringLiteral("budget.vigil"));
        QVERIFY(!kdd.isEmpty());
        request.projectPath = kdd;
        request.alertsPerDay = 5;
        auto noTime = ml::trainOnDataset(request);
        QVERIFY(!noTime);
        QVERIFY2(noTime.error().message.contains(QLatin1String("no timestamp column")), qPrintable(noTime.error().message));
        request.options.kind = ml::ModelKind::Classifier;
        auto classifier = ml::trainOnDataset(request);
        QVERIFY(!classifier);
        QVERIFY2(classifier.error().message.contains(QLatin1String("classifier")), qPrintable(classifier.error().message));
    }

    void refusesAStoredSchemaThatNoLongerReads()
    {
        // An edited schema that is broken must be reported, not replaced by a new default one.
        const QString path = kddCutProject(QStringLiteral("badschema.vigil"));
        QVERIFY(!path.isEmpty());
        {
            auto project = Project::open(path);
            QVERIFY(project);
            auto st = (*project)->db().prepare("INSERT INTO schemas(dataset_id, name, schema_json, created_at) "
                                               "VALUES (1, 'edited', '{\"columns\": 7}', '2026-01-01T00:00:00Z')");
            QVERIFY(st);
            QVERIFY(st->step());
        }
        ml::TrainRequest request;
        request.projectPath = path;
        request.datasetId = 1;
        request.options.epochs = 1;
        auto trained = ml::trainOnDataset(request);
        QVERIFY(!trained);
        QVERIFY2(trained.error().message.contains(QLatin1String("schema 1 of dataset 1")), qPrintable(trained.error().message));
        auto project = Project::open(path);
        QVERIFY(project);
        QCOMPARE((*project)->db().scalarInt("SELECT count(*) FROM schemas").value(), 1);
        QCOMPARE((*project)->db().scalarInt("SELECT count(*) FROM models").value(), 0);
    }

    void trainsASequenceModelOverSessions()
    {
        // Dataset 1 (Elastic's Apache sample): sessions of remote_addr, events method+path_ext+status.
        ml::TrainRequest request;
        request.projectPath = m_project;
        request.datasetId = 1;
        request.options.kind = ml::ModelKind::Sequence;
        request.options.epochs = 3;
        request.options.batchSize = 16;
        request.options.targetFpr = 0.05;
        int epochs = 0;
        auto trained = ml::trainOnDataset(request, {}, [&](const ml::TrainingEpoch &) { ++epochs; });
        QVERIFY2(trained, qPrintable(trained ? QString() : trained.error().message));
        QCOMPARE(trained->modelKind, QStringLiteral("sequence"));
        QCOMPARE(epochs, 3);
        const QJsonObject seq = trained->modelMetadata.value(QStringLiteral("sequence")).toObject();
        QCOMPARE(seq.value(QStringLiteral("entity")).toString(), QStringLiteral("remote_addr"));
        QCOMPARE(seq.value(QStringLiteral("tokens")).toArray().toVariantList(),
                 (QVariantList{QStringLiteral("method"), QStringLiteral("path_ext"), QStringLiteral("status")}));
        const QJsonObject ses = trained->modelMetadata.value(QStringLiteral("sessions")).toObject();
        // Calibrated on held-out sessions, each once: the basis counts sessions, not records.
        const ml::CalibrationBasis basis = ml::calibrationBasis(*trained);
        QVERIFY(basis.sessions);
        QCOMPARE(basis.count, qint64(ses.value(QStringLiteral("calibration")).toDouble()));
        QVERIFY(basis.count > 0 && basis.thin());
        QVERIFY(ses.value(QStringLiteral("calibration")).toInt() >= 1);
        // The threshold is calibrated on the held-out sessions' records, as a run flags records:
        // this sample's sessions hold several records each.
        QVERIFY2(ses.value(QStringLiteral("calibrationRecords")).toInt() > ses.value(QStringLiteral("calibration")).toInt(),
                 QJsonDocument(ses).toJson(QJsonDocument::Compact).constData());
        QCOMPARE(ses.value(QStringLiteral("trained")).toInt() + ses.value(QStringLiteral("calibration")).toInt(),
                 ses.value(QStringLiteral("all")).toInt()); // no labels: every session is eligible
        QVERIFY(std::isfinite(trained->threshold));
        QVERIFY(trained->runId > 0);
        QCOMPARE(trained->scored, std::int64_t(200));

        // Every record carries its session's score and names its own event with its loss.
        auto project = Project::open(m_project);
        QVERIFY(project);
        auto rows = runs::readScoreValues((*project)->db(), trained->runId);
        QVERIFY(rows);
        QCOMPARE(rows->size(), size_t(200));
        auto st = (*project)->db().prepare("SELECT top_features FROM scores WHERE run_id = ?1 LIMIT 1");
        QVERIFY(st);
        st->bind(1, trained->runId);
        QVERIFY(st->stepOne(QStringLiteral("no score")));
        const QJsonArray top = QJsonDocument::fromJson(st->text(0).toUtf8()).array();
        QVERIFY2(top.at(0).toObject().value(QStringLiteral("feature")).toString().startsWith(QStringLiteral("event: ")), qPrintable(st->text(0)));
        QVERIFY(top.at(0).toObject().value(QStringLiteral("contribution")).toDouble() > 0.0);

        // Another data set is read the same way (stored entity, tokens, vocabulary).
        auto other = ml::scoreDataset(m_project, trained->modelId, 2);
        QVERIFY2(other, qPrintable(other ? QString() : other.error().message));
        QCOMPARE(other->scored, std::int64_t(100));
        QCOMPARE(other->threshold, trained->threshold);

        // Token columns the data set lacks, and data without sessions, are refused.
        request.tokenColumns = {QStringLiteral("no_such_column")};
        auto badColumn = ml::trainOnDataset(request);
        QVERIFY(!badColumn);
        QVERIFY2(badColumn.error().message.contains(QStringLiteral("no_such_column")), qPrintable(badColumn.error().message));
    }

    void trainsASessionAutoencoder()
    {
        // Dataset 1 (Elastic's Apache sample): sessions of remote_addr, summarised as events,
        // duration, rate, distinct paths/methods, error ratio and bytes.
        ml::TrainRequest request;
        request.projectPath = m_project;
        request.datasetId = 1;
        request.options.kind = ml::ModelKind::SessionAutoencoder;
        request.options.epochs = 30;
        request.options.batchSize = 16;
        request.options.patience = 0;
        request.options.targetFpr = 0.05;
        std::vector<double> valLoss;
        auto trained = ml::trainOnDataset(request, {}, [&](const ml::TrainingEpoch &e) { valLoss.push_back(e.valLoss); });
        QVERIFY2(trained, qPrintable(trained ? QString() : trained.error().message));
        QCOMPARE(trained->modelKind, QStringLiteral("session-autoencoder"));
        QCOMPARE(valLoss.size(), size_t(30));
        QVERIFY2(valLoss.back() < 0.5 * valLoss.front(), qPrintable(QStringLiteral("%1 -> %2").arg(valLoss.front()).arg(valLoss.back())));
        const QJsonObject reading = trained->modelMetadata.value(QStringLiteral("sessionFeatures")).toObject();
        QCOMPARE(reading.value(QStringLiteral("entity")).toString(), QStringLiteral("remote_addr"));
        QCOMPARE(reading.value(QStringLiteral("status")).toString(), QStringLiteral("status"));
        auto features = FeatureSchema::fromJson(reading.value(QStringLiteral("schema")).toObject());
        QVERIFY(features);
        QCOMPARE(features->width(), trained->width);
        QStringList inputs;
        for (const auto &b : features->blocks())
            inputs << b.name;
        // What a session did, not who or when it was.
        QVERIFY2(inputs.contains(QStringLiteral("events")) && inputs.contains(QStringLiteral("error_ratio")), qPrintable(inputs.join(u',')));
        QVERIFY(!inputs.contains(QStringLiteral("entity")) && !inputs.contains(QStringLiteral("start")));
        const QJsonObject ses = trained->modelMetadata.value(QStringLiteral("sessions")).toObject();
        QCOMPARE(ses.value(QStringLiteral("trained")).toInt() + ses.value(QStringLiteral("calibration")).toInt(),
                 ses.value(QStringLiteral("all")).toInt()); // no labels: every session is eligible
        QCOMPARE(trained->scored, std::int64_t(200));

        // Every record carries its session's score: as many distinct scores as sessions at most,
        // and the top features are aggregates.
        auto project = Project::open(m_project);
        QVERIFY(project);
        auto distinct = (*project)->db().prepare("SELECT count(DISTINCT score) FROM scores WHERE run_id = ?1");
        QVERIFY(distinct);
        distinct->bind(1, trained->runId);
        QVERIFY(distinct->stepOne(QStringLiteral("no count")));
        QVERIFY(distinct->int64(0) <= ses.value(QStringLiteral("all")).toInt());
        auto st = (*project)->db().prepare("SELECT top_features FROM scores WHERE run_id = ?1 ORDER BY score DESC LIMIT 1");
        QVERIFY(st);
        st->bind(1, trained->runId);
        QVERIFY(st->stepOne(QStringLiteral("no score")));
        const QString top = QJsonDocument::fromJson(st->text(0).toUtf8()).array().at(0).toObject().value(QStringLiteral("feature")).toString();
        QVERIFY2(inputs.contains(top.section(QLatin1Char('='), 0, 0)), qPrintable(st->text(0)));
        // The report shows what the model reads: the session features' schema, with the entity and
        // gap, beside the data set's; the model table keeps how sessions are read, not the schema.
        auto report = collectReport((*project)->db(), trained->runId);
        QVERIFY(report);
        const QString html = renderHtml(*report);
        QVERIFY(html.contains(QLatin1String("<h3>Session features</h3>")));
        QVERIFY(html.contains(QLatin1String("events of one value of remote_addr with no pause over 1800 s")));
        QVERIFY(html.contains(QLatin1String("events_per_minute")));
        QVERIFY(!report->modelMetadata.value(QStringLiteral("sessionFeatures")).toObject().contains(QStringLiteral("schema")));

        // The stored model reads another log the same way: one scanner's burst of 100 requests
        // (Acunetix) is one session, far above the threshold.
        auto other = ml::scoreDataset(m_project, trained->modelId, 2);
        QVERIFY2(other, qPrintable(other ? QString() : other.error().message));
        QCOMPARE(other->scored, std::int64_t(100));
        QCOMPARE(other->alerts, std::int64_t(100));
        QCOMPARE(other->summaryJson.value(QStringLiteral("sessions")).toInt(), 1);
        QCOMPARE(other->threshold, trained->threshold);

        // An alert budget counts sessions: the sample's 71 sessions span about 4 days.
        request.alertsPerDay = 1;
        request.scoreAfterTraining = false;
        auto budget = ml::trainOnDataset(request);
        QVERIFY2(budget, qPrintable(budget ? QString() : budget.error().message));
        const QJsonObject b = budget->modelMetadata.value(QStringLiteral("alert_budget")).toObject();
        QVERIFY(b.contains(QStringLiteral("sessionsPerDay")));
        QVERIFY(near(budget->targetFpr, 1.0 / b.value(QStringLiteral("sessionsPerDay")).toDouble()));
    }

    void modelsOfSessionsTrainAlikeFromAStoredSchema()
    {
        // The first training infers the schema from every column and stores it; with it stored,
        // the next loads only the model's columns. Same seed, same model: the same sessions,
        // aggregates (or tokens) and threshold.
        for (const ml::ModelKind kind : {ml::ModelKind::SessionAutoencoder, ml::ModelKind::Sequence}) {
            const QString path = m_dir.filePath(QStringLiteral("stored-%1.vigil").arg(int(kind)));
            {
                auto project = Project::create(path);
                QVERIFY(project);
                QVERIFY(importFile(**project, QStringLiteral(VIGIL_TEST_DATA_DIR "/web/elastic_200.log"), ReadOptions{}));
            }
            ml::TrainRequest request;
            request.projectPath = path;
            request.datasetId = 1;
            request.options.kind = kind;
            request.options.epochs = 3;
            request.options.batchSize = 16;
            request.sessionGapSeconds = 600.0;
            request.scoreAfterTraining = true;
            auto first = ml::trainOnDataset(request);
            QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
            {
                auto project = Project::open(path);
                QVERIFY(project);
                QVERIFY(loadSchema((*project)->db(), 1)); // stored by the first training
            }
            auto second = ml::trainOnDataset(request);
            QVERIFY2(second, qPrintable(second ? QString() : second.error().message));
            QCOMPARE(second->threshold, first->threshold);
            const QString reading = kind == ml::ModelKind::Sequence ? QStringLiteral("sequence") : QStringLiteral("sessionFeatures");
            QCOMPARE(second->modelMetadata.value(reading).toObject(), first->modelMetadata.value(reading).toObject());
            QVERIFY(!first->modelMetadata.value(reading).toObject().isEmpty());
            QVERIFY(first->summaryJson.value(QStringLiteral("alerts")).isDouble());
            QCOMPARE(second->summaryJson.value(QStringLiteral("alerts")), first->summaryJson.value(QStringLiteral("alerts")));
        }
    }

    void refusesModelsOfSessionsWithoutSessions()
    {
        const QString path = kddCutProject(QStringLiteral("flows.vigil"));
        QVERIFY(!path.isEmpty());
        for (auto kind : {ml::ModelKind::Sequence, ml::ModelKind::SessionAutoencoder}) {
            ml::TrainRequest request;
            request.projectPath = path;
            request.datasetId = 1;
            request.options.kind = kind;
            auto r = ml::trainOnDataset(request);
            QVERIFY(!r);
            QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
            QVERIFY2(r.error().message.contains(QStringLiteral("sessions")), qPrintable(r.error().message));
        }
    }

    void loadsATorchScriptModelAndCalibratesItOnNormalRows()
    {
        // A data set whose schema is six wide (kind one-hot a/b/c, x, y, z), as the fixture
        // module ml_recon6.pt expects; 40 of its 240 rows are labelled attack.
        const QString csv = m_dir.filePath(QStringLiteral("six.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("kind,x,y,z,label\n");
            for (int i = 0; i < 240; ++i) {
                const bool attack = i % 6 == 0;
                f.write(QStringLiteral("%1,%2,%3,%4,%5\n")
                            .arg(QLatin1Char("abc"[i % 3]))
                            .arg(double((i * 37) % 100) / (attack ? 30.0 : 100.0))
                            .arg(double((i * 53) % 100) / 100.0)
                            .arg(double((i * 71) % 100) / 100.0)
                            .arg(attack ? QStringLiteral("attack") : QStringLiteral("normal"))
                            .toUtf8());
            }
        }
        const QString path = m_dir.filePath(QStringLiteral("torchscript.vigil"));
        {
            auto project = Project::create(path);
            QVERIFY(project);
            QVERIFY(importFile(**project, csv, ReadOptions{}));
            QVERIFY(importFile(**project, QStringLiteral(VIGIL_TEST_DATA_DIR "/ids/kddtrain_300.txt"), ReadOptions{}));
        }
        ml::TrainRequest request;
        request.projectPath = path;
        request.datasetId = 1;
        request.options.kind = ml::ModelKind::TorchScript;
        request.options.targetFpr = 0.05;
        auto noFile = ml::trainOnDataset(request);
        QVERIFY(!noFile);
        QCOMPARE(noFile.error().code, ErrorCode::InvalidArgument);

        request.torchScriptPath = QStringLiteral(VIGIL_TEST_DATA_DIR "/ml_recon6.pt");
        auto loaded = ml::trainOnDataset(request);
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
        QCOMPARE(loaded->modelKind, QStringLiteral("torchscript"));
        QCOMPARE(loaded->width, 6);
        const QJsonObject cal = loaded->modelMetadata.value(QStringLiteral("calibration")).toObject();
        QCOMPARE(cal.value(QStringLiteral("rows")).toInt(), 200);
        QVERIFY(cal.value(QStringLiteral("normal_only")).toBool());
        QCOMPARE(loaded->modelMetadata.value(QStringLiteral("torchscript")).toObject().value(QStringLiteral("file")).toString(),
                 QStringLiteral("ml_recon6.pt"));
        QVERIFY(loaded->runId > 0);
        // The threshold flags 5 % of the normal rows: 10 of 200.
        QCOMPARE(loaded->metrics.value(QStringLiteral("atThreshold")).toObject().value(QStringLiteral("fp")).toInt(), 10);
        // Its evaluation says where that calibration came from (not "held-out" rows).
        QCOMPARE(loaded->metrics.value(QStringLiteral("calibratedOn")).toString(), QStringLiteral("datasetRows"));
        auto evaluated = ml::evaluateRun(path, loaded->runId);
        QVERIFY2(evaluated, qPrintable(evaluated ? QString() : evaluated.error().message));
        QCOMPARE(evaluated->value(QStringLiteral("calibratedOn")).toString(), QStringLiteral("datasetRows"));

        // Stored as a bundle with its module: scoring again gives the same run figures.
        auto again = ml::scoreDataset(path, loaded->modelId, 1);
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
        QCOMPARE(again->alerts, loaded->alerts);
        QCOMPARE(again->threshold, loaded->threshold);

        // A data set of another width is refused with the widths named.
        request.datasetId = 2;
        auto wrong = ml::trainOnDataset(request);
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, ErrorCode::Mismatch);
        QVERIFY2(wrong.error().message.contains(QStringLiteral("[N, ")), qPrintable(wrong.error().message));
    }

    void trainsOnASampleAndScoresInChunks_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("rows");
        QTest::addColumn<bool>("labelled");
        QTest::newRow("access log") << QStringLiteral("web/elastic_200.log") << 200 << false;
        QTest::newRow("nsl-kdd with labels") << QStringLiteral("ids/kddtrain_300.txt") << 300 << true;
    }
    void trainsOnASampleAndScoresInChunks()
    {
        // A data set larger than the (lowered) sample bound trains on a sample; one larger than
        // the chunk size is scored chunk by chunk with the same per-row results as whole.
        QFETCH(QString, file);
        QFETCH(int, rows);
        QFETCH(bool, labelled);
        const QString path = m_dir.filePath(QStringLiteral("chunked-%1.vigil").arg(rows));
        {
            auto project = Project::create(path);
            QVERIFY(project);
            auto r = importFile(**project, QStringLiteral(VIGIL_TEST_DATA_DIR "/") + file, ReadOptions{});
            QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        }
        const int sample = rows * 3 / 5;
        ml::TrainRequest request;
        request.projectPath = path;
        request.datasetId = 1;
        request.options.epochs = 2;
        request.options.batchSize = 32;
        request.options.seed = 3;
        request.sampleRows = sample;
        request.run.chunkRows = 70;
        request.run.latentSampleRows = 1000; // every row: the same latent map as unchunked
        auto trained = ml::trainOnDataset(request);
        QVERIFY2(trained, qPrintable(trained ? QString() : trained.error().message));
        QCOMPARE(trained->rows, std::int64_t(rows));
        QCOMPARE(trained->sampleRows, std::int64_t(sample));
        QCOMPARE(trained->summary.trainRows + trained->summary.validationRows, std::int64_t(sample));
        QCOMPARE(trained->scored, std::int64_t(rows));
        QCOMPARE(trained->summaryJson.value(QStringLiteral("chunks")).toInt(), (rows + 69) / 70);
        QCOMPARE(trained->metrics.isEmpty(), !labelled);

        auto project = Project::open(path);
        QVERIFY(project);
        sql::Database &db = (*project)->db();
        auto model = runs::loadModel(db, trained->modelId);
        QVERIFY(model);
        const QJsonObject used = model->metadata.value(QStringLiteral("sample")).toObject();
        QCOMPARE(used.value(QStringLiteral("rows")).toInt(), sample);
        QCOMPARE(used.value(QStringLiteral("of")).toInt(), rows);
        QCOMPARE(used.value(QStringLiteral("seed")).toString(), QStringLiteral("3"));
        QCOMPARE(db.scalarInt("SELECT count(*) FROM scores WHERE run_id = 1").value(), std::int64_t(rows));
        auto schema = FeatureSchema::fromJson(model->schema);
        QVERIFY(schema);
        QCOMPARE(schema->columns.front().rows, std::int64_t(sample)); // fitted on the sample

        ml::RunOptions whole;
        whole.chunkRows = 1000000;
        ml::RunOptions chunked = request.run;
        auto a = ml::scoreDataset(path, trained->modelId, 1, whole);
        auto b = ml::scoreDataset(path, trained->modelId, 1, chunked);
        QVERIFY2(a && b, qPrintable(!a ? a.error().message : !b ? b.error().message : QString()));
        QVERIFY(!a->summaryJson.contains(QStringLiteral("chunks")));
        QCOMPARE(b->summaryJson.value(QStringLiteral("chunks")).toInt(), (rows + 69) / 70);
        QCOMPARE(b->scored, a->scored);
        QCOMPARE(b->alerts, a->alerts);
        QCOMPARE(b->clusters, a->clusters);
        QVERIFY(a->clusters >= 2);
        QCOMPARE(b->metrics.value(QStringLiteral("auroc")).toDouble(), a->metrics.value(QStringLiteral("auroc")).toDouble());
        QCOMPARE(b->metrics.isEmpty(), !labelled);
        auto sa = runs::readScores(db, a->runId);
        auto sb = runs::readScores(db, b->runId);
        QVERIFY(sa && sb);
        QCOMPARE(sb->size(), size_t(rows));
        QCOMPARE(sb->size(), sa->size());
        for (size_t i = 0; i < sa->size(); ++i) {
            const auto &x = (*sa)[i];
            const auto &y = (*sb)[i];
            // Float32 inference in batches of another size rounds differently in the last bits
            // (GEMM blocking), so scores agree to float precision, not bit for bit.
            QCOMPARE(y.recordId, x.recordId);
            QVERIFY2(near(y.score, x.score), qPrintable(QStringLiteral("row %1: %2 vs %3").arg(i).arg(y.score, 0, 'g', 12).arg(x.score, 0, 'g', 12)));
            QVERIFY(std::abs(y.severity - x.severity) <= 1);
            const QJsonArray fx = QJsonDocument::fromJson(x.topFeatures.toUtf8()).array();
            const QJsonArray fy = QJsonDocument::fromJson(y.topFeatures.toUtf8()).array();
            QCOMPARE(fy.size(), fx.size());
            QVERIFY(!fx.isEmpty());
            for (qsizetype j = 0; j < fx.size(); ++j) {
                const double cx = fx[j][QLatin1String("contribution")].toDouble();
                const double cy = fy[j][QLatin1String("contribution")].toDouble();
                QVERIFY2(near(cy, cx), qPrintable(y.topFeatures + QStringLiteral(" vs ") + x.topFeatures));
                // The same block, unless two blocks tie to float precision.
                if (fy[j][QLatin1String("feature")] != fx[j][QLatin1String("feature")])
                    QVERIFY2(j + 1 < fx.size() && near(cx, fx[j + 1][QLatin1String("contribution")].toDouble()),
                             qPrintable(y.topFeatures + QStringLiteral(" vs ") + x.topFeatures));
            }
            QCOMPARE(y.cluster, x.cluster);
            QVERIFY2(std::abs(y.x - x.x) < 1e-4 && std::abs(y.y - x.y) < 1e-4,
                     qPrintable(QStringLiteral("row %1: (%2, %3) vs (%4, %5)").arg(i).arg(y.x).arg(y.y).arg(x.x).arg(x.y)));
        }
        if (labelled) {
            auto evaluated = ml::evaluateRun(path, b->runId);
            QVERIFY2(evaluated, qPrintable(evaluated ? QString() : evaluated.error().message));
            QCOMPARE(evaluated->value(QStringLiteral("auroc")).toDouble(), a->metrics.value(QStringLiteral("auroc")).toDouble());
            QCOMPARE(evaluated->value(QStringLiteral("rows")).toInt(), rows);
            // The drawing curves: the ROC runs from (0, 0) to (1, 1), never backwards, and its
            // thinned area stays within the thinning step of the exact AUROC.
            const QJsonObject roc = evaluated->value(QStringLiteral("curves"))[QLatin1String("roc")].toObject();
            const QJsonArray fpr = roc[QLatin1String("fpr")].toArray(), tpr = roc[QLatin1String("tpr")].toArray();
            QVERIFY(fpr.size() >= 2);
            QCOMPARE(tpr.size(), fpr.size());
            QCOMPARE(roc[QLatin1String("threshold")].toArray().size(), fpr.size());
            QVERIFY(roc[QLatin1String("threshold")].toArray().first().isNull()); // +inf
            QCOMPARE(fpr.first().toDouble(), 0.0);
            QCOMPARE(fpr.last().toDouble(), 1.0);
            QCOMPARE(tpr.last().toDouble(), 1.0);
            double area = 0.0;
            for (qsizetype i = 1; i < fpr.size(); ++i) {
                QVERIFY(fpr[i].toDouble() >= fpr[i - 1].toDouble() && tpr[i].toDouble() >= tpr[i - 1].toDouble());
                area += (fpr[i].toDouble() - fpr[i - 1].toDouble()) * (tpr[i].toDouble() + tpr[i - 1].toDouble()) / 2;
            }
            QVERIFY2(std::abs(area - evaluated->value(QStringLiteral("auroc")).toDouble()) < 0.01, qPrintable(QString::number(area)));
            const QJsonObject pr = evaluated->value(QStringLiteral("curves"))[QLatin1String("pr")].toObject();
            QVERIFY(pr[QLatin1String("recall")].toArray().size() >= 2);
            QCOMPARE(pr[QLatin1String("recall")].toArray().last().toDouble(), 1.0);
            // Curves are returned, not stored with the run's figures.
            auto stored = runs::loadRun(db, b->runId);
            QVERIFY(stored);
            QVERIFY(stored->metrics[QLatin1String("evaluation")].toObject().contains(QStringLiteral("auroc")));
            QVERIFY(!stored->metrics[QLatin1String("evaluation")].toObject().contains(QStringLiteral("curves")));
        }

        // A latent map fitted on a sample still places and clusters every row.
        chunked.latentSampleRows = 40;
        auto c = ml::scoreDataset(path, trained->modelId, 1, chunked);
        QVERIFY(c);
        QCOMPARE(c->summaryJson.value(QStringLiteral("latentSampleRows")).toInt(), 40);
        auto sc = runs::readScores(db, c->runId);
        QVERIFY(sc);
        for (const auto &r : *sc) {
            QVERIFY(std::isfinite(r.x) && std::isfinite(r.y));
            QVERIFY(r.cluster >= 0 && r.cluster < c->clusters);
        }

        // Cancelling half way leaves no partial run behind.
        const std::int64_t runsBefore = db.scalarInt("SELECT count(*) FROM runs").value();
        auto cancelled = ml::scoreDataset(path, trained->modelId, 1, chunked, [](const Progress &p) {
            return !(p.stage == QLatin1String("Scoring") && p.done > 500);
        });
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
        QCOMPARE(db.scalarInt("SELECT count(*) FROM runs").value(), runsBefore);
        QCOMPARE(db.scalarInt("SELECT count(*) FROM scores WHERE run_id > 4").value(), 0);
    }

    void classifierTrainsOnASampleAndScoresInChunks()
    {
        const QString path = kddCutProject(QStringLiteral("chunked-classifier.vigil"));
        QVERIFY(!path.isEmpty());
        ml::TrainRequest request;
        request.projectPath = path;
        request.datasetId = 1;
        request.options.kind = ml::ModelKind::Classifier;
        request.options.classifier.binary = true;
        request.options.epochs = 3;
        request.options.batchSize = 32;
        request.sampleRows = 180;
        request.run.chunkRows = 70;
        auto trained = ml::trainOnDataset(request);
        QVERIFY2(trained, qPrintable(trained ? QString() : trained.error().message));
        QCOMPARE(trained->sampleRows, std::int64_t(180));
        QCOMPARE(trained->scored, std::int64_t(300));
        QCOMPARE(trained->summaryJson.value(QStringLiteral("chunks")).toInt(), 5);
        QVERIFY(!trained->classes.isEmpty());
        QVERIFY(trained->metrics.contains(QStringLiteral("auroc")));

        ml::RunOptions whole;
        whole.chunkRows = 1000000;
        auto a = ml::scoreDataset(path, trained->modelId, 1, whole);
        QVERIFY2(a, qPrintable(a ? QString() : a.error().message));
        QCOMPARE(a->scored, trained->scored);
        QCOMPARE(a->alerts, trained->alerts);
        QVERIFY(std::abs(a->metrics.value(QStringLiteral("auroc")).toDouble()
                         - trained->metrics.value(QStringLiteral("auroc")).toDouble()) < 1e-6);
        auto project = Project::open(path);
        QVERIFY(project);
        auto sa = runs::readScores((*project)->db(), a->runId);
        auto sb = runs::readScores((*project)->db(), trained->runId);
        QVERIFY(sa && sb);
        QCOMPARE(sb->size(), sa->size());
        for (size_t i = 0; i < sa->size(); ++i) {
            QCOMPARE((*sb)[i].recordId, (*sa)[i].recordId);
            QVERIFY(near((*sb)[i].score, (*sa)[i].score));
            QCOMPARE((*sb)[i].topFeatures, (*sa)[i].topFeatures);
        }
    }
};

QTEST_APPLESS_MAIN(TestPipeline)
#include "tst_pipeline.moc"
