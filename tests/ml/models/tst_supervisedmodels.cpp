#include "ml/anomalymodel.h"
#include "ml/runtime.h"

#include "fixtures.h"

#include <QTest>

#include <algorithm>
#include <cmath>

#include <numeric>
#include <random>

using namespace vigil;
using namespace vigil::ml;

namespace {

/// Three classes that the service block and the byte count separate.
LabelVector threeClasses(const FeatureMatrix &m)
{
    LabelVector l;
    l.names = {QStringLiteral("normal"), QStringLiteral("dos"), QStringLiteral("probe")};
    l.normalId = 0;
    for (std::int64_t r = 0; r < m.rows; ++r) {
        const float *row = m.row(r);
        l.ids.push_back(row[3] > 0.5f || row[4] > 0.5f ? 0 : (row[5] > 0.5f || row[6] > 0.5f ? 1 : 2));
    }
    return l;
}

} // namespace

class TestSupervisedModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(initRuntime(DevicePreference::Cpu, 2)); }

    void classifierLearnsClasses_data()
    {
        QTest::addColumn<bool>("binary");
        QTest::addColumn<bool>("weights");
        QTest::newRow("multi-class") << false << false;
        QTest::newRow("binary weighted") << true << true;
    }
    void classifierLearnsClasses()
    {
        QFETCH(bool, binary);
        QFETCH(bool, weights);
        const auto data = test::syntheticMatrix(400);
        const auto labels = threeClasses(data);
        TrainOptions o;
        o.kind = ModelKind::Classifier;
        o.classifier.hidden = {16};
        o.classifier.binary = binary;
        o.classifier.classWeights = weights;
        o.labels = &labels;
        o.epochs = 30;
        o.batchSize = 32;
        o.learningRate = 1e-2;
        o.patience = 0;
        std::vector<TrainingEpoch> curve;
        auto model = ClassifierModel::train(data, o, {}, [&](const TrainingEpoch &e) { curve.push_back(e); });
        QVERIFY2(model, model ? "" : qPrintable(model.error().message));
        // Loss drops at least 5x within 30 epochs.
        QVERIFY2(curve.back().trainLoss * 5 < curve.front().trainLoss,
                 qPrintable(QStringLiteral("%1 -> %2").arg(curve.front().trainLoss).arg(curve.back().trainLoss)));
        auto p = (*model)->predict(data);
        QVERIFY(p);
        QCOMPARE(p->classes.size(), binary ? 2 : 3);
        int correct = 0;
        for (std::int64_t r = 0; r < data.rows; ++r) {
            const int truth = binary ? labels.isAttack(r) : labels.ids[size_t(r)];
            correct += p->predicted[size_t(r)] == truth;
            const float *pr = p->probabilities.data() + r * p->classes.size();
            QVERIFY(std::abs(std::accumulate(pr, pr + p->classes.size(), 0.0f) - 1.0f) < 1e-4f);
            QVERIFY(std::abs(p->attackScore[size_t(r)] - (1.0 - pr[0])) < 1e-6);
        }
        QVERIFY2(correct >= 0.97 * double(data.rows), qPrintable(QString::number(correct)));
    }

    void classifierNeedsLabels()
    {
        const auto data = test::syntheticMatrix(20);
        TrainOptions o;
        o.kind = ModelKind::Classifier;
        auto r = ClassifierModel::train(data, o);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        QVERIFY(r.error().message.contains(QLatin1String("one label per row")));
    }

    void sequenceModelLearnsSessions_data()
    {
        QTest::addColumn<bool>("lstm");
        QTest::addColumn<bool>("bidirectional");
        QTest::newRow("gru") << false << false;
        QTest::newRow("bi-lstm") << true << true;
    }
    void sequenceModelLearnsSessions()
    {
        QFETCH(bool, lstm);
        QFETCH(bool, bidirectional);
        // Normal sessions walk a fixed cycle 0→1→2→3→4 from a random start, with random length.
        std::mt19937 rng(3);
        SequenceData train;
        train.vocabularySize = 6;
        for (int s = 0; s < 120; ++s) {
            std::vector<std::int32_t> seq;
            const int start = int(rng() % 5), len = 4 + int(rng() % 8);
            for (int i = 0; i < len; ++i)
                seq.push_back((start + i) % 5);
            train.tokens.push_back(seq);
        }
        TrainOptions o;
        o.kind = ModelKind::Sequence;
        o.sequence.cell = lstm ? SequenceOptions::Cell::Lstm : SequenceOptions::Cell::Gru;
        o.sequence.bidirectional = bidirectional;
        o.sequence.embedding = 8;
        o.sequence.hidden = 16;
        o.epochs = 25;
        o.batchSize = 16;
        o.learningRate = 2e-2;
        o.patience = 0;
        std::vector<TrainingEpoch> curve;
        auto model = SequenceModel::train(train, o, {}, [&](const TrainingEpoch &e) { curve.push_back(e); });
        QVERIFY2(model, model ? "" : qPrintable(model.error().message));
        // Loss drops at least 3x within 25 epochs (from ~log 6).
        QVERIFY2(curve.back().trainLoss * 3 < curve.front().trainLoss,
                 qPrintable(QStringLiteral("%1 -> %2").arg(curve.front().trainLoss).arg(curve.back().trainLoss)));

        SequenceData probe;
        probe.vocabularySize = 6;
        probe.tokens = {{1, 2, 3, 4, 0, 1}, {4, 2, 5, 0, 3, 1}};
        auto s = (*model)->score(probe);
        QVERIFY(s);
        QCOMPARE(s->eventLosses[0].size(), size_t(6));
        QVERIFY2(s->scores[1] > 3 * s->scores[0], qPrintable(QStringLiteral("%1 vs %2").arg(s->scores[1]).arg(s->scores[0])));

        // Scored in length order, each session's results land at its own index: the same
        // sessions in reverse order get the same scores and per-event losses.
        SequenceData mixed;
        mixed.vocabularySize = 6;
        mixed.tokens = {{1, 2}, {4, 2, 5, 0, 3, 1, 2, 3}, {3}, {0, 1, 2, 3, 4, 0, 1}, {2, 2, 2}};
        auto forward = (*model)->score(mixed);
        std::reverse(mixed.tokens.begin(), mixed.tokens.end());
        auto backward = (*model)->score(mixed);
        QVERIFY(forward && backward);
        for (size_t i = 0; i < 5; ++i) {
            QCOMPARE(forward->eventLosses[i].size(), mixed.tokens[4 - i].size());
            QVERIFY(std::abs(forward->scores[i] - backward->scores[4 - i]) < 1e-5);
            QCOMPARE(forward->eventLosses[i].size(), backward->eventLosses[4 - i].size());
        }

        probe.tokens = {{1, 7}};
        auto bad = (*model)->score(probe);
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
        QVERIFY(bad.error().message.contains(QLatin1String("outside the vocabulary")));
    }

    void sequenceModelKeepsItsStepBudget()
    {
        // 120 sessions in batches of 16: 8 steps an epoch; a budget of 20 steps runs 2 epochs.
        SequenceData train;
        train.vocabularySize = 4;
        for (int s = 0; s < 120; ++s)
            train.tokens.push_back(std::vector<std::int32_t>(size_t(1 + s % 9), std::int32_t(s % 4)));
        TrainOptions o;
        o.kind = ModelKind::Sequence;
        o.sequence.embedding = 4;
        o.sequence.hidden = 8;
        o.sequence.maxSteps = 20;
        o.epochs = 10;
        o.batchSize = 16;
        o.validationFraction = 0.0;
        o.patience = 0;
        auto model = SequenceModel::train(train, o);
        QVERIFY2(model, model ? "" : qPrintable(model.error().message));
        QCOMPARE(int((*model)->summary().history.size()), 2);
        o.sequence.maxSteps = 0; // no budget: every epoch
        auto all = SequenceModel::train(train, o);
        QVERIFY(all);
        QCOMPARE(int((*all)->summary().history.size()), 10);
    }
};

QTEST_MAIN(TestSupervisedModels)
#include "tst_supervisedmodels.moc"
