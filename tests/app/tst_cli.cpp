#include "core/project.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_nsl;          ///< project with the NSL-KDD cuts: 1 = train, 2 = test, 3 = a web log
    qint64 m_modelId = 0;   ///< autoencoder trained on dataset 1's normal rows
    qint64 m_runId = 0;     ///< that model on dataset 2
    QString m_sessionLog;   ///< dataset id of the Apache log with sessions (mlTrainSequenceJson imports it)

    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static QString data(const char *name) { return QStringLiteral(VIGIL_TEST_DATA_DIR "/") + QLatin1String(name); }
    static QJsonObject json(const QByteArray &out) { return QJsonDocument::fromJson(out).object(); }
    static double num(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toDouble(-1.0); }

    static Run cli(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(VIGIL_CLI_PATH), args);
        if (!p.waitForFinished(120000))
            return {};
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

private Q_SLOTS:
    void version()
    {
        const Run r = cli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("vigil-cli " VIGIL_VERSION));
    }

    void helpListsCommands()
    {
        const Run r = cli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("info"));
        QVERIFY(r.out.contains("project"));
    }

    void infoJson()
    {
        const Run r = cli({QStringLiteral("info"), QStringLiteral("--json"), QStringLiteral("--device"), QStringLiteral("cpu")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("version")).toString(), QStringLiteral(VIGIL_VERSION));
        QVERIFY(!o.value(QStringLiteral("torch")).toString().isEmpty());
        QCOMPARE(o.value(QStringLiteral("device")).toString(), QStringLiteral("cpu"));
        QVERIFY(o.value(QStringLiteral("threads")).toInt() >= 1);
        QCOMPARE(o.value(QStringLiteral("threads")).toInt(), o.value(QStringLiteral("cores")).toInt());
    }

    void projectCreateAndInfo()
    {
        const QString path = m_dir.filePath(QStringLiteral("cli.vigil"));
        Run r = cli({QStringLiteral("project"), QStringLiteral("create"), path, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("path")).toString(), path);
        r = cli({QStringLiteral("project"), QStringLiteral("info"), path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Schema"));
    }

    /// Every job opens its own connection; that must not cost the process its file locks. If it
    /// did, another process (vigil-cli beside the workbench) would believe it is the last user,
    /// checkpoint and delete the write-ahead log under the open connections: lost writes and
    /// "disk I/O error" (seen in the workbench before Project::open read the header through
    /// SQLite's file layer).
    void otherProcessLeavesAnOpenProjectsLogAlone()
    {
        const QString path = m_dir.filePath(QStringLiteral("shared.vigil"));
        auto a = vigil::Project::create(path);
        QVERIFY(a);
        QVERIFY((*a)->db().exec("INSERT INTO meta(key, value) VALUES('probe', '1')"));
        QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
        for (int i = 0; i < 3; ++i) {
            auto b = vigil::Project::open(path); // as a job would, then closed
            QVERIFY(b);
        }
        const Run r = cli({QStringLiteral("project"), QStringLiteral("info"), path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(QFile::exists(path + QStringLiteral("-wal")), "another process deleted the log of an open project");
        QVERIFY((*a)->db().exec("INSERT INTO meta(key, value) VALUES('probe2', '2')"));
        a->reset();
        auto c = vigil::Project::open(path);
        QVERIFY(c);
        QCOMPARE((*c)->db().scalarInt("SELECT count(*) FROM meta WHERE key IN ('probe', 'probe2')").value(), 2);
    }

    void errorsAreOneLineAndNonZero_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("fragment");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2 << QByteArray("unknown command");
        QTest::newRow("bad option") << QStringList{QStringLiteral("info"), QStringLiteral("--bogus")} << 2 << QByteArray("bogus");
        QTest::newRow("missing project") << QStringList{QStringLiteral("project"), QStringLiteral("info"), QStringLiteral("/nonexistent/x.vigil")}
                                         << 1 << QByteArray("does not exist");
        QTest::newRow("bad device") << QStringList{QStringLiteral("info"), QStringLiteral("--device"), QStringLiteral("tpu")} << 1 << QByteArray("Unknown device");
    }

    void errorsAreOneLineAndNonZero()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, fragment);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(fragment), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(r.err.startsWith("vigil-cli: error: "));
    }

    void jsonErrorObject()
    {
        const Run r = cli({QStringLiteral("project"), QStringLiteral("info"), QStringLiteral("/nonexistent/x.vigil"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject e = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("error")).toObject();
        QCOMPARE(e.value(QStringLiteral("code")).toString(), QStringLiteral("not-found"));
    }

    // ---- train / score / evaluate on a 300 + 200 row cut of NSL-KDD (tests/data) ------------

    void mlImportCuts()
    {
        m_nsl = m_dir.filePath(QStringLiteral("nsl.vigil"));
        for (const char *f : {"schema_nslkdd_train.csv", "schema_nslkdd_test.csv", "web/acunetix_100.log"}) {
            const Run r = cli({QStringLiteral("import"), data(f), QStringLiteral("--project"), m_nsl, QStringLiteral("--json")});
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
    }

    void mlTrainJson()
    {
        const Run r = cli({QStringLiteral("train"), QStringLiteral("--project"), m_nsl, QStringLiteral("--dataset"), QStringLiteral("1"),
                           QStringLiteral("--normal-only"), QStringLiteral("--epochs"), QStringLiteral("30"), QStringLiteral("--device"),
                           QStringLiteral("cpu"), QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = json(r.out);
        m_modelId = qint64(num(o, "model_id"));
        QCOMPARE(m_modelId, 1);
        QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("autoencoder"));
        QCOMPARE(num(o, "rows"), 300.0);
        QVERIFY(num(o, "width") > 41); // one-hot blocks widen the 41 features
        // --normal-only: the 160 normal rows are split into training and held-out rows.
        QCOMPARE(num(o, "train_rows") + num(o, "validation_rows"), 160.0);
        QVERIFY(num(o, "validation_rows") >= 1);
        // 144 training rows are one batch per epoch: the step budget leaves all 30 epochs (or
        // early stopping ends them sooner).
        QVERIFY(num(o, "epochs") >= 1 && num(o, "epochs") <= 30);
        QVERIFY(num(o, "best_epoch") >= 1 && num(o, "best_epoch") <= num(o, "epochs"));
        QVERIFY(std::isfinite(num(o, "threshold")) && num(o, "threshold") > 0);
        QCOMPARE(num(o, "target_fpr"), 0.01);
        QVERIFY(!o.contains(QStringLiteral("run_id"))); // scoring the training set is opt-in (--score)
        // The held-out rows are far too few for a 1 % threshold, and the JSON says so.
        const QJsonObject basis = o.value(QStringLiteral("calibration_basis")).toObject();
        QCOMPARE(basis.value(QStringLiteral("count")).toDouble(), num(o, "validation_rows"));
        QCOMPARE(basis.value(QStringLiteral("unit")).toString(), QStringLiteral("rows"));
        QCOMPARE(basis.value(QStringLiteral("expected_above")).toDouble(), 0.01 * num(o, "validation_rows"));
        QVERIFY(basis.value(QStringLiteral("thin")).toBool());
    }

    void mlTrainCautionsAThinCalibration()
    {
        const Run r = cli({QStringLiteral("train"), QStringLiteral("--project"), m_nsl, QStringLiteral("--dataset"), QStringLiteral("1"),
                           QStringLiteral("--normal-only"), QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--device"),
                           QStringLiteral("cpu"), QStringLiteral("--threads"), QStringLiteral("1")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("Caution: the threshold rests on 16 calibration rows, of which 0.16 are expected above it at a 0.01 target"),
                 r.out.constData());
        QVERIFY(r.out.contains("1000 or more would give 10."));
        // 144 rows, 2 epochs: one 256-row batch an epoch would be 2 steps.
        QVERIFY2(r.out.contains("Batches of 16 rows instead of 256: the training data is small"), r.out.constData());
    }

    void mlScoreJson()
    {
        QVERIFY(m_modelId > 0);
        const Run r = cli({QStringLiteral("score"), QStringLiteral("--project"), m_nsl, QStringLiteral("--model"), QString::number(m_modelId),
                           QStringLiteral("--dataset"), QStringLiteral("2"), QStringLiteral("--device"), QStringLiteral("cpu"),
                           QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = json(r.out);
        m_runId = qint64(num(o, "run_id"));
        QVERIFY(m_runId > 0);
        QCOMPARE(num(o, "rows"), 200.0);
        QVERIFY(num(o, "alerts") >= 0 && num(o, "alerts") <= 200);
        QVERIFY(o.value(QStringLiteral("evaluation")).isObject()); // the test cut has labels
    }

    void mlEvaluateJson()
    {
        QVERIFY(m_runId > 0);
        const Run r = cli({QStringLiteral("evaluate"), QStringLiteral("--project"), m_nsl, QStringLiteral("--run"), QString::number(m_runId),
                           QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = json(r.out);
        QCOMPARE(num(o, "rows"), 200.0);
        QVERIFY(num(o, "auroc") >= 0.0 && num(o, "auroc") <= 1.0);
        // 30 epochs on 144 normal rows separate neptune's SYN floods from normal traffic.
        QVERIFY2(num(o, "auroc") > 0.6, qPrintable(QString::number(num(o, "auroc"))));
        QVERIFY(num(o, "ap") >= 0.0 && num(o, "ap") <= 1.0);
        QVERIFY(num(o, "oracleTprAt1pctFpr") >= 0.0 && num(o, "oracleTprAt1pctFpr") <= num(o, "oracleTprAt5pctFpr"));
        const QJsonObject at = o.value(QStringLiteral("atThreshold")).toObject();
        const double tp = num(at, "tp"), fp = num(at, "fp"), tn = num(at, "tn"), fn = num(at, "fn");
        QCOMPARE(tp + fn, 115.0); // attacks in the test cut
        QCOMPARE(tn + fp, 85.0);  // normals
        QCOMPARE(num(at, "tpr"), tp / 115.0);
        QCOMPARE(num(at, "fpr"), fp / 85.0);
        // Calibrated thresholds at 1 % and 5 % of the held-out clean rows: lower threshold, more flagged.
        double thr1 = -1, thr5 = -1, tpr1 = -1, tpr5 = -1;
        for (const auto &v : o.value(QStringLiteral("calibrated")).toArray()) {
            const QJsonObject c = v.toObject();
            if (num(c, "targetFpr") == 0.01)
                thr1 = num(c, "threshold"), tpr1 = num(c, "tpr");
            if (num(c, "targetFpr") == 0.05)
                thr5 = num(c, "threshold"), tpr5 = num(c, "tpr");
            QCOMPARE(num(c, "tp") + num(c, "fn"), 115.0);
        }
        QVERIFY(thr1 >= 0 && thr5 >= 0);
        QCOMPARE(thr1, num(o, "threshold")); // the operating threshold is the 1 % one
        QVERIFY(thr5 <= thr1);
        QVERIFY(tpr5 >= tpr1);
        // Confusion matrix and per-family rows add up to the data set.
        const QJsonArray counts = o.value(QStringLiteral("confusion")).toObject().value(QStringLiteral("counts")).toArray();
        double total = 0;
        for (const auto &row : counts)
            for (const auto &v : row.toArray())
                total += v.toDouble();
        QCOMPARE(total, 200.0);
        QCOMPARE(counts.at(1).toArray().at(1).toDouble(), tp);
        double familyRows = 0, attackFlagged = 0;
        for (const auto &v : o.value(QStringLiteral("perFamily")).toArray()) {
            const QJsonObject f = v.toObject();
            familyRows += num(f, "rows");
            QVERIFY(num(f, "flagged") <= num(f, "rows"));
            if (f.value(QStringLiteral("family")).toString() != QLatin1String("normal"))
                attackFlagged += num(f, "flagged");
        }
        QCOMPARE(familyRows, 200.0);
        QCOMPARE(attackFlagged, tp);

        // The figures are stored with the run.
        const Run text = cli({QStringLiteral("evaluate"), QStringLiteral("--project"), m_nsl, QStringLiteral("--run"), QString::number(m_runId)});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("AUROC"));
        QVERIFY(text.out.contains("calibrated for 5 % FPR"));
    }

    void mlRefusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<QByteArray>("fragment");
        const auto args = [](std::initializer_list<const char *> l) {
            QStringList a;
            for (const char *s : l)
                a.append(QLatin1String(s));
            return a;
        };
        QTest::newRow("train: no dataset option") << args({"train", "--project", "PROJECT"}) << 2 << QByteArray("invalid-argument") << QByteArray("usage");
        QTest::newRow("train: unknown dataset") << args({"train", "--project", "PROJECT", "--dataset", "99"}) << 1 << QByteArray("not-found") << QByteArray("Dataset 99 does not exist");
        QTest::newRow("train: unknown kind") << args({"train", "--project", "PROJECT", "--dataset", "1", "--model", "forest"}) << 2 << QByteArray("invalid-argument") << QByteArray("--model");
        QTest::newRow("train: normal-only without labels") << args({"train", "--project", "PROJECT", "--dataset", "3", "--normal-only"}) << 1 << QByteArray("invalid-argument") << QByteArray("label column");
        QTest::newRow("train: classifier without labels") << args({"train", "--project", "PROJECT", "--dataset", "3", "--model", "classifier"}) << 1 << QByteArray("invalid-argument") << QByteArray("no label column");
        QTest::newRow("train: session-autoencoder on flows without sessions") << args({"train", "--project", "PROJECT", "--dataset", "1", "--model", "session-autoencoder"}) << 1 << QByteArray("invalid-argument") << QByteArray("learns from sessions");
        QTest::newRow("train: sequence on flows without sessions") << args({"train", "--project", "PROJECT", "--dataset", "1", "--model", "sequence"}) << 1 << QByteArray("invalid-argument") << QByteArray("learns from sessions");
        QTest::newRow("train: two thresholds") << args({"train", "--project", "PROJECT", "--dataset", "1", "--alerts-per-day", "20", "--target-fpr", "0.01"}) << 2 << QByteArray("invalid-argument") << QByteArray("--alerts-per-day and --target-fpr");
        QTest::newRow("train: no alert budget") << args({"train", "--project", "PROJECT", "--dataset", "1", "--alerts-per-day", "0"}) << 2 << QByteArray("invalid-argument") << QByteArray("--alerts-per-day");
        QTest::newRow("train: negative step budget") << args({"train", "--project", "PROJECT", "--dataset", "1", "--max-steps", "-5"}) << 2 << QByteArray("invalid-argument") << QByteArray("--max-steps");
        QTest::newRow("train: unknown cell") << args({"train", "--project", "PROJECT", "--dataset", "1", "--model", "sequence", "--cell", "rnn"}) << 2 << QByteArray("invalid-argument") << QByteArray("--cell");
        QTest::newRow("train: bad gap") << args({"train", "--project", "PROJECT", "--dataset", "1", "--model", "sequence", "--gap", "-5"}) << 2 << QByteArray("invalid-argument") << QByteArray("--gap");
        QTest::newRow("train: torchscript without a file") << args({"train", "--project", "PROJECT", "--dataset", "1", "--model", "torchscript"}) << 2 << QByteArray("invalid-argument") << QByteArray("needs --torchscript");
        QTest::newRow("train: torchscript with another kind") << args({"train", "--project", "PROJECT", "--dataset", "1", "--model", "vae", "--torchscript", "x.pt"}) << 2 << QByteArray("invalid-argument") << QByteArray("drop --model");
        QTest::newRow("train: torchscript file missing") << args({"train", "--project", "PROJECT", "--dataset", "1", "--torchscript", "/nonexistent/m.pt"}) << 1 << QByteArray("not-found") << QByteArray("/nonexistent/m.pt");
        QTest::newRow("train: torchscript of another width") << args({"train", "--project", "PROJECT", "--dataset", "1", "--torchscript", VIGIL_TEST_DATA_DIR "/ml_recon6.pt"}) << 1 << QByteArray("mismatch") << QByteArray("does not accept [N, ");
        QTest::newRow("score: unknown model") << args({"score", "--project", "PROJECT", "--model", "42", "--dataset", "2"}) << 1 << QByteArray("not-found") << QByteArray("Model 42 does not exist");
        QTest::newRow("score: unknown dataset") << args({"score", "--project", "PROJECT", "--model", "1", "--dataset", "99"}) << 1 << QByteArray("not-found") << QByteArray("Dataset 99 does not exist");
        QTest::newRow("score: model/schema mismatch") << args({"score", "--project", "PROJECT", "--model", "1", "--dataset", "3"}) << 1 << QByteArray("mismatch") << QByteArray("does not match the schema");
        QTest::newRow("evaluate: unknown run") << args({"evaluate", "--project", "PROJECT", "--run", "77"}) << 1 << QByteArray("not-found") << QByteArray("Run 77 does not exist");
        QTest::newRow("evaluate: bad run id") << args({"evaluate", "--project", "PROJECT", "--run", "x"}) << 2 << QByteArray("invalid-argument") << QByteArray("usage");
    }

    void mlRefusals()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, code);
        QFETCH(QByteArray, fragment);
        QVERIFY(!m_nsl.isEmpty());
        args.replaceInStrings(QStringLiteral("PROJECT"), m_nsl);
        const Run r = cli(args + QStringList{QStringLiteral("--json")});
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(fragment), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QCOMPARE(json(r.out).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString().toUtf8(), code);
    }

    void mlEvaluateRefusesAnUnlabelledRun()
    {
        // An autoencoder on the web log (no label column) scores it, but there is nothing to evaluate against.
        Run r = cli({QStringLiteral("train"), QStringLiteral("--project"), m_nsl, QStringLiteral("--dataset"), QStringLiteral("3"),
                     QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--score"), QStringLiteral("--device"), QStringLiteral("cpu"),
                     QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const qint64 run = qint64(num(json(r.out), "run_id"));
        QVERIFY(run > m_runId);
        r = cli({QStringLiteral("evaluate"), QStringLiteral("--project"), m_nsl, QStringLiteral("--run"), QString::number(run)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("cannot be evaluated"), r.err.constData());
    }

    void mlTrainSequenceJson()
    {
        // The GRU over an Apache log's sessions (remote_addr, method+path_ext+status events).
        const Run imported = cli({QStringLiteral("import"), data("web/elastic_200.log"), QStringLiteral("--project"), m_nsl, QStringLiteral("--json")});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        const QString dataset = QString::number(qint64(json(imported.out).value(QStringLiteral("imports")).toArray().at(0).toObject()
                                                           .value(QStringLiteral("dataset_id")).toDouble()));
        m_sessionLog = dataset;
        const Run r = cli({QStringLiteral("train"), QStringLiteral("--project"), m_nsl, QStringLiteral("--dataset"), dataset,
                           QStringLiteral("--model"), QStringLiteral("sequence"), QStringLiteral("--epochs"), QStringLiteral("2"),
                           QStringLiteral("--score"), QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--threads"),
                           QStringLiteral("1"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = json(r.out);
        QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("sequence"));
        QCOMPARE(o.value(QStringLiteral("sequence")).toObject().value(QStringLiteral("entity")).toString(), QStringLiteral("remote_addr"));
        QVERIFY(o.value(QStringLiteral("sessions")).toObject().value(QStringLiteral("all")).toInt() >= 4);
        QCOMPARE(qint64(num(o, "epochs")), qint64(2));
        QVERIFY(num(o, "run_id") > 0);
    }

    void mlTrainSessionAutoencoderJson()
    {
        // An autoencoder over the sessions' aggregates of the same log (imported by the test above).
        QVERIFY(!m_sessionLog.isEmpty());
        const Run r = cli({QStringLiteral("train"), QStringLiteral("--project"), m_nsl, QStringLiteral("--dataset"), m_sessionLog,
                           QStringLiteral("--model"), QStringLiteral("session-autoencoder"), QStringLiteral("--gap"), QStringLiteral("600"),
                           QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--score"), QStringLiteral("--device"),
                           QStringLiteral("cpu"), QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = json(r.out);
        QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("session-autoencoder"));
        const QJsonObject reading = o.value(QStringLiteral("sessionFeatures")).toObject();
        QCOMPARE(reading.value(QStringLiteral("entity")).toString(), QStringLiteral("remote_addr"));
        QCOMPARE(reading.value(QStringLiteral("gapSeconds")).toDouble(), 600.0);
        QCOMPARE(reading.value(QStringLiteral("status")).toString(), QStringLiteral("status"));
        QVERIFY(!reading.contains(QStringLiteral("schema"))); // the aggregate schema stays in the project
        QVERIFY(o.value(QStringLiteral("sessions")).toObject().value(QStringLiteral("all")).toInt() >= 4);
        QVERIFY(num(o, "width") > 0);
        QVERIFY(num(o, "run_id") > 0);
    }
};

QTEST_APPLESS_MAIN(TestCli)
#include "tst_cli.moc"
