#include "ml/anomalymodel.h"
#include "ml/modelbundle.h"
#include "ml/runtime.h"

#include "fixtures.h"
#include "tests/support/asuser.h"

#include <QDir>
#include <QScopeGuard>

#include <unistd.h>

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::ml;

namespace {

TrainOptions quick(ModelKind kind)
{
    TrainOptions o;
    o.kind = kind;
    o.autoencoder.hidden = {8, 4};
    o.vae.hidden = {8};
    o.vae.groups = 2;
    o.vae.categories = 3;
    o.classifier.hidden = {8};
    o.epochs = 3;
    o.batchSize = 32;
    o.learningRate = 1e-2;
    o.seed = 1;
    return o;
}

bool allClose(const std::vector<double> &a, const std::vector<double> &b, double rtol = 1e-5, double atol = 1e-7)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::abs(a[i] - b[i]) > atol + rtol * std::abs(b[i]))
            return false;
    return true;
}

/// A small 6-wide layout matching the TorchScript fixtures (one one-hot block of 3, 3 numerics).
FeatureMatrix sixWide(int rows)
{
    FeatureMatrix m;
    m.cols = 6;
    m.rows = rows;
    m.blocks = {{QStringLiteral("kind"), FeatureBlock::Kind::OneHot, 0, 3, {QStringLiteral("kind=a"), QStringLiteral("kind=b"), QStringLiteral("kind=c")}},
                {QStringLiteral("x"), FeatureBlock::Kind::Numeric, 3, 1, {QStringLiteral("x")}},
                {QStringLiteral("y"), FeatureBlock::Kind::Numeric, 4, 1, {QStringLiteral("y")}},
                {QStringLiteral("z"), FeatureBlock::Kind::Numeric, 5, 1, {QStringLiteral("z")}}};
    for (int r = 0; r < rows; ++r) {
        const float row[6] = {r % 3 == 0 ? 1.f : 0.f, r % 3 == 1 ? 1.f : 0.f, r % 3 == 2 ? 1.f : 0.f, 0.1f * float(r), 0.5f, 0.f};
        m.values.insert(m.values.end(), row, row + 6);
        m.recordIds.push_back(r + 1);
    }
    return m;
}

} // namespace

class TestModelBundle : public QObject
{
    Q_OBJECT
private:
    QByteArray m_bundle; // a trained autoencoder's bundle, shared by the refusal tests
    FeatureMatrix m_data;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(initRuntime(DevicePreference::Cpu, 2));
        m_data = test::syntheticMatrix(200, 3);
        auto model = AnomalyModel::train(m_data, quick(ModelKind::Autoencoder));
        QVERIFY(model);
        auto b = (*model)->toBundle(QJsonObject{{QStringLiteral("profile"), QStringLiteral("test")}});
        QVERIFY(b);
        m_bundle = *b;
    }

    void anomalyRoundTrip_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("normalizeBlocks");
        QTest::addColumn<int>("members");
        QTest::newRow("autoencoder") << int(ModelKind::Autoencoder) << false << 1;
        QTest::newRow("autoencoder, block-normalised") << int(ModelKind::Autoencoder) << true << 1;
        QTest::newRow("autoencoder, 3 members") << int(ModelKind::Autoencoder) << false << 3;
        QTest::newRow("vae") << int(ModelKind::Vae) << false << 1;
    }
    void anomalyRoundTrip()
    {
        QFETCH(int, kind);
        QFETCH(bool, normalizeBlocks);
        QFETCH(int, members);
        auto options = quick(ModelKind(kind));
        options.autoencoder.normalizeBlocks = normalizeBlocks;
        options.autoencoder.members = members;
        auto model = AnomalyModel::train(m_data, options);
        QVERIFY(model);
        const QJsonObject schema{{QStringLiteral("columns"), QJsonArray{QStringLiteral("proto")}}};
        auto bytes = (*model)->toBundle(schema);
        QVERIFY(bytes);
        QVERIFY(bytes->startsWith("VIGILMDL"));
        auto loaded = AnomalyModel::fromBundle(*bytes, m_data.featureNames());
        QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message));
        QCOMPARE(int((*loaded)->kind()), kind);
        QCOMPARE((*loaded)->threshold(), (*model)->threshold());
        QCOMPARE((*loaded)->calibration().size(), (*model)->calibration().size());
        QVERIFY(!(*loaded)->calibration().empty());
        for (size_t i = 0; i < (*model)->calibration().size(); ++i) {
            QCOMPARE((*loaded)->calibration()[i].targetFpr, (*model)->calibration()[i].targetFpr);
            QCOMPARE((*loaded)->calibration()[i].threshold, (*model)->calibration()[i].threshold);
        }
        QCOMPARE((*loaded)->options(), (*model)->options());
        QCOMPARE((*loaded)->schemaJson(), schema);
        QCOMPARE((*loaded)->summary().dataHash, (*model)->summary().dataHash);
        QCOMPARE((*loaded)->summary().history.size(), (*model)->summary().history.size());
        auto a = (*model)->score(m_data);
        auto b = (*loaded)->score(m_data);
        QVERIFY(a && b);
        QVERIFY(allClose(a->scores, b->scores));
        QCOMPARE(a->topBlocks, b->topBlocks);
    }

    void fileExportImport()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("model.vigilmodel"));
        QVERIFY(bundle::writeFile(path, m_bundle));
        auto read = bundle::readFile(path);
        QVERIFY(read);
        QCOMPARE(*read, m_bundle);
        QVERIFY(AnomalyModel::fromBundle(*read));
        auto missing = bundle::readFile(dir.filePath(QStringLiteral("nope")));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
    }

    /// Model files an analyst may pick by mistake: each refused with its code, a message
    /// fragment and the path (issue #7). "no permission" runs as nobody when we are root.
    void fileRefusals_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("missing") << QStringLiteral("missing") << int(ErrorCode::NotFound) << QStringLiteral("does not exist");
        QTest::newRow("folder") << QStringLiteral("dir") << int(ErrorCode::InvalidArgument) << QStringLiteral("is a folder");
        QTest::newRow("device") << QStringLiteral("device") << int(ErrorCode::InvalidArgument) << QStringLiteral("not a regular file");
        QTest::newRow("no permission") << QStringLiteral("noperm") << int(ErrorCode::AccessDenied) << QStringLiteral("permission denied");
        QTest::newRow("non-UTF-8 name") << QStringLiteral("nonutf8") << int(ErrorCode::Unsupported) << QStringLiteral("not valid UTF-8");
        QTest::newRow("truncated bundle") << QStringLiteral("truncated") << int(ErrorCode::Corrupt) << QStringLiteral("truncated");
        QTest::newRow("truncated TorchScript") << QStringLiteral("truncated-pt") << int(ErrorCode::Unsupported)
                                               << QStringLiteral("not a TorchScript model");
    }
    void fileRefusals()
    {
        QFETCH(QString, kind);
        QFETCH(int, code);
        QFETCH(QString, fragment);
        QTemporaryDir dir;
        QVERIFY(test::openUpDirectory(dir.path()));
        QString path = dir.filePath(QStringLiteral("model.vigilmodel"));
        QByteArray raw; // a name Qt cannot spell: QTemporaryDir could not remove it
        const auto cleanup = qScopeGuard([&] {
            if (!raw.isEmpty())
                ::unlink(raw.constData());
        });
        const auto writeBytes = [](const QString &p, const QByteArray &b) {
            QFile f(p);
            return f.open(QIODevice::WriteOnly) && f.write(b) == b.size();
        };
        if (kind == QLatin1String("dir")) {
            QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("model.vigilmodel")));
        } else if (kind == QLatin1String("device")) {
            path = QStringLiteral("/dev/zero");
        } else if (kind == QLatin1String("noperm")) {
            QVERIFY(bundle::writeFile(path, m_bundle));
            QVERIFY(QFile::setPermissions(path, {}));
        } else if (kind == QLatin1String("nonutf8")) {
            raw = QFile::encodeName(dir.path()) + "/model-\xff.vigilmodel";
            QFile f;
            QVERIFY(f.open(::fopen(raw.constData(), "w"), QIODevice::WriteOnly, QFileDevice::AutoCloseHandle));
            f.write(m_bundle);
            f.close();
            path = QFile::decodeName(raw);
        } else if (kind == QLatin1String("truncated")) {
            // What a copy cut short gives: the file reads, its lengths do not add up.
            QVERIFY(writeBytes(path, m_bundle.left(m_bundle.size() * 2 / 3)));
        } else if (kind == QLatin1String("truncated-pt")) {
            QFile pt(QStringLiteral(VIGIL_TEST_DATA_DIR "/ml_recon6.pt"));
            QVERIFY(pt.open(QIODevice::ReadOnly));
            path = dir.filePath(QStringLiteral("recon.pt"));
            QVERIFY(writeBytes(path, pt.readAll().chopped(700)));
        }
        const FeatureMatrix six = sixWide(2);
        const bool torchScript = kind == QLatin1String("truncated-pt");
        const Error e = test::runUnprivileged([&]() -> std::optional<Error> {
            if (torchScript) {
                auto m = AnomalyModel::fromTorchScript(path, six);
                return m ? std::nullopt : std::optional<Error>(m.error());
            }
            auto bytes = bundle::readFile(path);
            if (!bytes)
                return bytes.error();
            auto m = AnomalyModel::fromBundle(*bytes);
            return m ? std::nullopt : std::optional<Error>(m.error());
        });
        QVERIFY2(!e.message.startsWith(QLatin1String("harness:")), qPrintable(e.message));
        QVERIFY2(e.code != ErrorCode::Ok, "the bad model file was loaded");
        QCOMPARE(int(e.code), code);
        QVERIFY2(e.message.contains(fragment), qPrintable(e.message));
        // Loading from bytes cannot know the path; everything that opens a file names it.
        if (kind != QLatin1String("truncated"))
            QVERIFY2(e.message.contains(path), qPrintable(e.message));
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("fragment");
        const QByteArray good = m_bundle;
        QTest::newRow("empty") << QByteArray() << int(ErrorCode::Unsupported) << QStringLiteral("Not a Vigil model");
        QTest::newRow("truncated header") << good.left(12) << int(ErrorCode::Corrupt) << QStringLiteral("truncated");
        QTest::newRow("truncated payload") << good.left(good.size() / 2) << int(ErrorCode::Corrupt) << QStringLiteral("truncated");
        QTest::newRow("truncated hash") << good.left(good.size() - 1) << int(ErrorCode::Corrupt) << QStringLiteral("truncated");
        QTest::newRow("trailing bytes") << good + QByteArray("x") << int(ErrorCode::Corrupt) << QStringLiteral("after its checksum");
        QByteArray foreign = good;
        foreign.replace(0, 8, "PK\x03\x04zipx");
        QTest::newRow("bad magic") << foreign << int(ErrorCode::Unsupported) << QStringLiteral("Not a Vigil model");
        QTest::newRow("text file") << QByteArray("hello world, not a model at all") << int(ErrorCode::Unsupported) << QStringLiteral("Not a Vigil model");
        QByteArray version = good;
        version[8] = char(9);
        QTest::newRow("version") << version << int(ErrorCode::Unsupported) << QStringLiteral("format version 9");
        QByteArray flipped = good;
        flipped[flipped.size() - 40] = char(flipped[flipped.size() - 40] ^ 0x5a);
        QTest::newRow("checksum") << flipped << int(ErrorCode::Corrupt) << QStringLiteral("checksum mismatch");
        QByteArray header = good;
        header[20] = char(header[20] ^ 0x01);
        QTest::newRow("header bit") << header << int(ErrorCode::Corrupt) << QStringLiteral("checksum mismatch");
    }
    void refusals()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        QFETCH(QString, fragment);
        auto r = AnomalyModel::fromBundle(bytes);
        QVERIFY(!r);
        QCOMPARE(int(r.error().code), code);
        QVERIFY2(r.error().message.contains(fragment), qPrintable(r.error().message));
    }

    void schemaMismatch()
    {
        QStringList names = m_data.featureNames();
        auto wider = names;
        wider.append(QStringLiteral("extra"));
        auto w = AnomalyModel::fromBundle(m_bundle, wider);
        QVERIFY(!w);
        QCOMPARE(w.error().code, ErrorCode::Mismatch);
        QVERIFY(w.error().message.contains(QLatin1String("trained on 11 features but the data set's schema has 12")));
        auto renamed = names;
        renamed[4] = QStringLiteral("service=smtp");
        auto r = AnomalyModel::fromBundle(m_bundle, renamed);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Mismatch);
        QVERIFY(r.error().message.contains(QLatin1String("service=smtp")));
        // A classifier loader refuses an autoencoder bundle.
        auto c = ClassifierModel::fromBundle(m_bundle);
        QVERIFY(!c);
        QCOMPARE(c.error().code, ErrorCode::Unsupported);
    }

    void torchScriptReconstruction()
    {
        const auto data = sixWide(10);
        auto model = AnomalyModel::fromTorchScript(QStringLiteral(VIGIL_TEST_DATA_DIR "/ml_recon6.pt"), data);
        QVERIFY2(model, model ? "" : qPrintable(model.error().message));
        QCOMPARE((*model)->kind(), ModelKind::TorchScript);
        auto s = (*model)->score(data);
        QVERIFY2(s, s ? "" : qPrintable(s.error().message));
        QCOMPARE(s->blockNames, (QStringList{QStringLiteral("kind"), QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z")}));
        for (double v : s->scores)
            QVERIFY(std::isfinite(v) && v > 0);
        // Per-block losses as PyTorch computes them from the script's output: cross-entropy of
        // "kind" with a fourth, "none of these" logit of 0 (F.cross_entropy), squared errors of
        // x, y, z (tests/data/ml/make_torchscript.py --expected prints these rows).
        const double expected[3][4] = {{1.130556, 0.009541, 1.079664, 0.174034},
                                       {1.361068, 0.057001, 1.189132, 0.125264},
                                       {1.735007, 0.532259, 1.163007, 0.158740}};
        const int rows[3] = {0, 4, 8};
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 4; ++j) {
                const double got = s->contributions[size_t(rows[i] * 4 + j)];
                QVERIFY2(std::abs(got - expected[i][j]) < 2e-5,
                         qPrintable(QStringLiteral("row %1 block %2: %3 vs %4").arg(rows[i]).arg(j).arg(got).arg(expected[i][j])));
            }
        // Bundled with its script: same scores after a round trip.
        auto bytes = (*model)->toBundle();
        QVERIFY(bytes);
        auto back = AnomalyModel::fromBundle(*bytes, data.featureNames());
        QVERIFY2(back, back ? "" : qPrintable(back.error().message));
        QVERIFY(allClose((*back)->score(data)->scores, s->scores));
    }

    void torchScriptScore()
    {
        auto data = sixWide(2);
        std::fill(data.values.begin(), data.values.end(), 0.0f);
        auto model = AnomalyModel::fromTorchScript(QStringLiteral(VIGIL_TEST_DATA_DIR "/ml_score6.pt"), data);
        QVERIFY2(model, model ? "" : qPrintable(model.error().message));
        auto s = (*model)->score(data);
        QVERIFY2(s, s ? "" : qPrintable(s.error().message));
        // The fixture's score of a zero row is its linear layer's bias (written by make_torchscript.py).
        QVERIFY(std::abs(s->scores[0] - 0.4059) < 1e-3);
        QCOMPARE(s->blockNames, QStringList{QStringLiteral("score")});
    }

    void torchScriptRefusals()
    {
        auto wide = test::syntheticMatrix(4); // 11 features, the script takes 6
        auto r = AnomalyModel::fromTorchScript(QStringLiteral(VIGIL_TEST_DATA_DIR "/ml_recon6.pt"), wide);
        QVERIFY(!r);
        QVERIFY2(r.error().code == ErrorCode::Mismatch, qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(QLatin1String("does not accept [N, 11] input")), qPrintable(r.error().message));

        QTemporaryDir dir;
        const QString junk = dir.filePath(QStringLiteral("junk.pt"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a zip archive");
        f.close();
        auto j = AnomalyModel::fromTorchScript(junk, sixWide(2));
        QVERIFY(!j);
        QCOMPARE(j.error().code, ErrorCode::Unsupported);
        QVERIFY(j.error().message.contains(QLatin1String("not a TorchScript model")));

        auto missing = AnomalyModel::fromTorchScript(dir.filePath(QStringLiteral("none.pt")), sixWide(2));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
    }

    void classifierAndSequenceRoundTrip()
    {
        const auto labels = test::syntheticLabels(200, 3);
        auto o = quick(ModelKind::Classifier);
        o.labels = &labels;
        auto clf = ClassifierModel::train(m_data, o);
        QVERIFY2(clf, clf ? "" : qPrintable(clf.error().message));
        auto cb = (*clf)->toBundle();
        QVERIFY(cb);
        auto clf2 = ClassifierModel::fromBundle(*cb, m_data.featureNames());
        QVERIFY(clf2);
        auto p1 = (*clf)->predict(m_data), p2 = (*clf2)->predict(m_data);
        QVERIFY(p1 && p2);
        QVERIFY(allClose(p1->attackScore, p2->attackScore));
        QCOMPARE(p1->predicted, p2->predicted);

        SequenceData seq;
        seq.vocabularySize = 4;
        for (int i = 0; i < 40; ++i)
            seq.tokens.push_back({0, 1, 2, 3, 0, 1});
        auto so = quick(ModelKind::Sequence);
        auto sm = SequenceModel::train(seq, so);
        QVERIFY2(sm, sm ? "" : qPrintable(sm.error().message));
        auto sb = (*sm)->toBundle();
        QVERIFY(sb);
        auto sm2 = SequenceModel::fromBundle(*sb);
        QVERIFY(sm2);
        QVERIFY(allClose((*sm)->score(seq)->scores, (*sm2)->score(seq)->scores));
        auto wrong = SequenceModel::fromBundle(*cb);
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, ErrorCode::Unsupported);
    }
};

QTEST_MAIN(TestModelBundle)
#include "tst_modelbundle.moc"
