#include "core/metrics/metrics.h"
#include "ml/anomalymodel.h"
#include "ml/runtime.h"
#include "ml/testing.h"

#include "fixtures.h"

#include <QTest>

#include <algorithm>
#include <numeric>
#include <random>

using namespace vigil;
using namespace vigil::ml;

namespace {

TrainOptions smallOptions(ModelKind kind = ModelKind::Autoencoder)
{
    TrainOptions o;
    o.kind = kind;
    // The default autoencoder layout (64-32-16): the tests check the model users get.
    o.vae.hidden = {16};
    o.vae.groups = 4;
    o.vae.categories = 4;
    o.epochs = 40;
    o.batchSize = 32;
    o.learningRate = 1e-2;
    o.patience = 0;
    o.seed = 3;
    return o;
}

} // namespace

/// How deviceLossPathMatchesCpuLoops lays out syntheticMatrix's numerics: bytes and rate as
/// one block of two columns (as an IP's coordinates are); that, with count (the last
/// column) moved first, so that the numerics are not one run; or one block per column.
enum class Numerics { SizeBlock, CountFirst, OneEach };

class TestAnomalyModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        auto rt = initRuntime(DevicePreference::Cpu, 2);
        QVERIFY2(rt, rt ? "" : qPrintable(rt.error().message));
    }

    void convergesAndSeparatesOutliers_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<double>("dropFactor");
        QTest::addColumn<int>("members");
        QTest::newRow("autoencoder") << int(ModelKind::Autoencoder) << 4.0 << 1;
        QTest::newRow("autoencoder, 3 members") << int(ModelKind::Autoencoder) << 4.0 << 3;
        QTest::newRow("vae") << int(ModelKind::Vae) << 1.5 << 1;
    }
    void convergesAndSeparatesOutliers()
    {
        QFETCH(int, kind);
        QFETCH(double, dropFactor);
        QFETCH(int, members);
        const auto train = test::syntheticMatrix(400);
        std::vector<TrainingEpoch> curve;
        auto options = smallOptions(ModelKind(kind));
        options.autoencoder.members = members;
        auto model = AnomalyModel::train(train, options, {}, [&](const TrainingEpoch &e) { curve.push_back(e); });
        QVERIFY2(model, model ? "" : qPrintable(model.error().message));
        QCOMPARE(int(curve.size()), 40);
        // The loss drops by the stated factor within 40 epochs.
        QVERIFY2(curve.back().trainLoss * dropFactor < curve.front().trainLoss,
                 qPrintable(QStringLiteral("%1 -> %2").arg(curve.front().trainLoss).arg(curve.back().trainLoss)));
        QVERIFY(std::isfinite(curve.back().valLoss));
        QVERIFY(curve.back().rowsPerSecond > 0);

        const auto test = test::syntheticMatrix(200, 5, 99);
        auto scored = (*model)->score(test);
        QVERIFY2(scored, scored ? "" : qPrintable(scored.error().message));
        QCOMPARE(scored->rows(), std::int64_t(205));
        const double maxNormal = *std::max_element(scored->scores.begin(), scored->scores.begin() + 200);
        for (int i = 200; i < 205; ++i)
            QVERIFY2(scored->scores[size_t(i)] > maxNormal,
                     qPrintable(QStringLiteral("outlier %1 scored %2 <= max normal %3").arg(i).arg(scored->scores[size_t(i)]).arg(maxNormal)));
        // Every outlier is above the calibrated threshold.
        for (int i = 200; i < 205; ++i)
            QVERIFY(scored->scores[size_t(i)] > (*model)->threshold());
        // Scores decompose: the contributions of a row add up to its score.
        const auto b = size_t(scored->blockNames.size());
        for (size_t r : {size_t(0), size_t(202)}) {
            double sum = 0;
            for (size_t j = 0; j < b; ++j)
                sum += scored->contributions[r * b + j];
            QVERIFY(std::abs(sum - scored->scores[r]) < 1e-4 * std::max(1.0, scored->scores[r]));
        }
        QCOMPARE(scored->topK, 3);
        QVERIFY(scored->topValues[202 * 3] >= scored->topValues[202 * 3 + 1]);
        QVERIFY(scored->topFeaturesJson(202).contains(QLatin1String("\"feature\"")));
        QCOMPARE(scored->latentDim, (*model)->latentDim());
        if (kind == int(ModelKind::Autoencoder)) // an ensemble keeps one member's code, not all of them
            QCOMPARE(scored->latentDim, options.autoencoder.hidden.back());
        QCOMPARE(scored->latent.size(), size_t(205) * size_t(scored->latentDim));
    }

    void batchingDoesNotChangeScores_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("autoencoder") << int(ModelKind::Autoencoder);
        QTest::newRow("vae") << int(ModelKind::Vae);
    }
    /// Scoring 10 000 rows runs several concurrent batches per round on the CPU, the last one
    /// partial; every row must get what scoring it in a small matrix of its own gives, and its
    /// top-k must be its largest contributions, largest first.
    void batchingDoesNotChangeScores()
    {
        QFETCH(int, kind);
        auto options = smallOptions(ModelKind(kind));
        options.epochs = 5;
        auto model = AnomalyModel::train(test::syntheticMatrix(400), options);
        QVERIFY2(model, model ? "" : qPrintable(model.error().message));
        const auto all = test::syntheticMatrix(9990, 10, 7);
        std::vector<std::int64_t> progress;
        auto whole = (*model)->score(all, {}, [&](const Progress &p) {
            progress.push_back(p.done);
            return true;
        });
        QVERIFY2(whole, whole ? "" : qPrintable(whole.error().message));
        QCOMPARE(whole->rows(), std::int64_t(10000));
        QVERIFY(!progress.empty());
        QVERIFY(std::is_sorted(progress.begin(), progress.end()));
        QCOMPARE(progress.back(), std::int64_t(10000));
        const auto b = size_t(whole->blockNames.size());
        for (std::int64_t start : {std::int64_t(0), std::int64_t(4095), std::int64_t(8191), std::int64_t(9900)}) {
            const std::int64_t n = std::min<std::int64_t>(100, 10000 - start);
            FeatureMatrix part;
            part.cols = all.cols;
            part.blocks = all.blocks;
            part.rows = n;
            part.values.assign(all.values.begin() + std::ptrdiff_t(start * all.cols),
                               all.values.begin() + std::ptrdiff_t((start + n) * all.cols));
            part.recordIds.assign(all.recordIds.begin() + start, all.recordIds.begin() + start + n);
            ScoreOptions one;
            one.batchSize = 7; // many tiny batches
            auto sliced = (*model)->score(part, one);
            QVERIFY(sliced);
            for (std::int64_t i = 0; i < n; ++i) {
                const auto row = size_t(start + i);
                QVERIFY2(std::abs(sliced->scores[size_t(i)] - whole->scores[row]) <= 1e-5 * std::max(1.0, whole->scores[row]),
                         qPrintable(QStringLiteral("row %1: %2 vs %3").arg(row).arg(sliced->scores[size_t(i)]).arg(whole->scores[row])));
                QCOMPARE(sliced->recordIds[size_t(i)], whole->recordIds[row]);
                // Top-k: the blocks a stable sort by falling contribution puts first.
                const float *c = whole->contributions.data() + row * b;
                std::vector<std::int32_t> order(b);
                std::iota(order.begin(), order.end(), 0);
                std::stable_sort(order.begin(), order.end(), [c](std::int32_t x, std::int32_t y) { return c[x] > c[y]; });
                for (size_t j = 0; j < 3; ++j) {
                    QCOMPARE(whole->topBlocks[row * 3 + j], order[j]);
                    QCOMPARE(whole->topValues[row * 3 + j], c[size_t(order[j])]);
                }
                for (int l = 0; l < whole->latentDim; ++l)
                    QVERIFY(std::abs(sliced->latent[size_t(i * whole->latentDim + l)] - whole->latent[row * size_t(whole->latentDim) + size_t(l)]) < 1e-5f);
            }
        }
        // Cancel from the progress callback stops the run with a Cancelled error.
        auto cancelled = (*model)->score(all, {}, [](const Progress &) { return false; });
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
    }

    void deviceLossPathMatchesCpuLoops_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("members");
        QTest::addColumn<int>("numerics");
        QTest::newRow("autoencoder") << int(ModelKind::Autoencoder) << 1 << int(Numerics::SizeBlock);
        QTest::newRow("autoencoder, numerics apart") << int(ModelKind::Autoencoder) << 1 << int(Numerics::CountFirst);
        QTest::newRow("autoencoder, numerics one each") << int(ModelKind::Autoencoder) << 1 << int(Numerics::OneEach);
        QTest::newRow("ensemble of 2") << int(ModelKind::Autoencoder) << 2 << int(Numerics::SizeBlock);
        QTest::newRow("vae") << int(ModelKind::Vae) << 1 << int(Numerics::SizeBlock);
    }
    /// On a GPU the per-block losses are computed with tensor operators, on the CPU with plain
    /// loops (blockLossCpu), and a single autoencoder's first layer adds the weights of the
    /// one-hot features that are set instead of multiplying every column (firstLayerCpu).
    /// With setDeviceLossOnCpu(true) the CPU runs the GPU's dense layer and operators: both
    /// must give the same contributions, including for a category unseen in training (an
    /// all-zero one-hot block), with each layout of the numerics (Numerics).
    void deviceLossPathMatchesCpuLoops()
    {
        QFETCH(int, kind);
        QFETCH(int, members);
        QFETCH(int, numerics);
        const bool countFirst = Numerics(numerics) == Numerics::CountFirst;
        auto train = test::syntheticMatrix(400, 8);
        const auto mergeNumerics = [numerics, countFirst](FeatureMatrix &m) {
            if (Numerics(numerics) == Numerics::OneEach)
                return;
            m.blocks[2] = {QStringLiteral("size"), FeatureBlock::Kind::Numeric, 8, 2, {QStringLiteral("bytes"), QStringLiteral("rate")}};
            m.blocks.erase(m.blocks.begin() + 3);
            if (!countFirst)
                return;
            for (std::int64_t r = 0; r < m.rows; ++r) {
                float *row = m.values.data() + r * m.cols;
                std::rotate(row, row + m.cols - 1, row + m.cols);
            }
            auto count = m.blocks.back();
            m.blocks.pop_back();
            for (auto &b : m.blocks)
                ++b.offset;
            count.offset = 0;
            m.blocks.insert(m.blocks.begin(), count);
        };
        mergeNumerics(train);
        auto options = smallOptions(ModelKind(kind));
        options.epochs = 5;
        options.autoencoder.members = members;
        auto model = AnomalyModel::train(train, options);
        QVERIFY2(model, model ? "" : qPrintable(model.error().message));
        auto probe = test::syntheticMatrix(300, 20, 11);
        mergeNumerics(probe);
        for (int r = 0; r < 5; ++r)
            std::fill_n(probe.values.begin() + r * probe.cols + (countFirst ? 4 : 3), 5, 0.0f); // service unseen
        auto loops = (*model)->score(probe);
        setDeviceLossOnCpu(true);
        auto operators = (*model)->score(probe);
        setDeviceLossOnCpu(false);
        QVERIFY(loops && operators);
        QCOMPARE(operators->blockNames, loops->blockNames);
        QCOMPARE(operators->contributions.size(), loops->contributions.size());
        // proto, service, size (bytes, rate), count; + KL for the VAE
        const int numericBlocks = Numerics(numerics) == Numerics::OneEach ? 3 : 2;
        QCOMPARE(loops->blockNames.size(), 2 + numericBlocks + (kind == int(ModelKind::Vae) ? 1 : 0));
        for (size_t i = 0; i < loops->contributions.size(); ++i) {
            const float a = loops->contributions[i], b = operators->contributions[i];
            QVERIFY2(std::abs(a - b) <= 1e-4f * std::max(1.0f, std::abs(a)),
                     qPrintable(QStringLiteral("contribution %1 (row %2): loops %3, operators %4").arg(i).arg(i / loops->blockNames.size()).arg(a).arg(b)));
        }
        for (size_t r = 0; r < loops->scores.size(); ++r)
            QVERIFY(std::abs(loops->scores[r] - operators->scores[r]) <= 1e-4 * std::max(1.0, loops->scores[r]));
        // The unseen service is scored, not ignored: it costs more than a seen one.
        QVERIFY(loops->contributions[1] > loops->contributions[5 * loops->blockNames.size() + 1]);
    }

    void autoencoderNamesTheBrokenColumn()
    {
        auto train = test::syntheticMatrix(400);
        auto model = AnomalyModel::train(train, smallOptions());
        QVERIFY(model);
        auto probe = test::syntheticMatrix(1, 0, 5);
        // "count" at 0.6, twice the largest seen (0.3). Not far more: a far out-of-range input
        // also throws the network's other outputs off, and beyond about 3× the service block's
        // cross-entropy outgrows count's error (how far depends on the training schedule and
        // on the CPU's kernels).
        probe.values[10] = 0.6f;
        auto scored = (*model)->score(probe);
        QVERIFY(scored);
        QCOMPARE(scored->blockNames[scored->topBlocks[0]], QStringLiteral("count"));
    }

    void trainingIsReproducible()
    {
        const auto train = test::syntheticMatrix(300);
        auto o = smallOptions();
        o.epochs = 5;
        auto a = AnomalyModel::train(train, o);
        auto b = AnomalyModel::train(train, o);
        QVERIFY(a && b);
        auto sa = (*a)->score(train), sb = (*b)->score(train);
        QVERIFY(sa && sb);
        QCOMPARE(sa->scores, sb->scores);
        QCOMPARE((*a)->threshold(), (*b)->threshold());
        QCOMPARE((*a)->summary().dataHash, (*b)->summary().dataHash);
        QCOMPARE((*a)->summary().dataHash.size(), 64);
        o.seed = 4;
        auto c = AnomalyModel::train(train, o);
        QVERIFY(c);
        QVERIFY((*c)->score(train)->scores != sa->scores);
    }

    void thresholdIsCalibratedOnValidationRows()
    {
        const auto train = test::syntheticMatrix(500);
        auto o = smallOptions();
        o.epochs = 5;
        o.targetFpr = 0.05;
        auto model = AnomalyModel::train(train, o);
        QVERIFY(model);
        const auto &val = (*model)->validationRows();
        QCOMPARE(val.size(), size_t(50));
        auto all = (*model)->score(train);
        QVERIFY(all);
        std::vector<double> valScores;
        for (auto r : val)
            valScores.push_back(all->scores[size_t(r)]);
        auto expected = metrics::thresholdForFpr(valScores, 0.05);
        QVERIFY(expected);
        // Float32 GEMMs of different batch shapes differ in the last bits: compare relatively.
        QVERIFY2(std::abs((*model)->threshold() - *expected) < 1e-5 * std::max(1e-3, *expected),
                 qPrintable(QStringLiteral("%1 vs %2").arg((*model)->threshold(), 0, 'g', 12).arg(*expected, 0, 'g', 12)));
        QCOMPARE((*model)->targetFpr(), 0.05);
        // The calibration table: standard rates by increasing FPR, thresholds not increasing, the
        // operating point among them.
        const auto &table = (*model)->calibration();
        QCOMPARE(table.size(), size_t(5));
        const double rates[] = {0.005, 0.01, 0.02, 0.05, 0.1};
        for (size_t i = 0; i < table.size(); ++i) {
            QCOMPARE(table[i].targetFpr, rates[i]);
            if (i > 0)
                QVERIFY(table[i].threshold <= table[i - 1].threshold);
            auto t = metrics::thresholdForFpr(valScores, rates[i]);
            QVERIFY(t);
            QVERIFY(std::abs(table[i].threshold - *t) < 1e-5 * std::max(1e-3, *t));
        }
        QCOMPARE(table[3].threshold, (*model)->threshold());
        // Explicit validation rows are honoured.
        o.validationRows = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        auto explicitSplit = AnomalyModel::train(train, o);
        QVERIFY(explicitSplit);
        QCOMPARE((*explicitSplit)->validationRows(), o.validationRows);
        QCOMPARE((*explicitSplit)->summary().trainRows, std::int64_t(490));
    }

    void blockNormalisationIsInUnitsOfTypicalError()
    {
        const auto train = test::syntheticMatrix(500);
        auto o = smallOptions();
        o.epochs = 5;
        o.autoencoder.normalizeBlocks = true;
        o.autoencoder.blockScaleFloor = 0.0;
        auto model = AnomalyModel::train(train, o);
        QVERIFY(model);
        auto all = (*model)->score(train);
        QVERIFY(all);
        // On the validation rows the scale was fitted on, every block's mean contribution is 1.
        const auto &val = (*model)->validationRows();
        const auto blocks = all->blockNames.size();
        std::vector<double> mean(size_t(blocks), 0.0);
        for (auto r : val)
            for (qsizetype b = 0; b < blocks; ++b)
                mean[size_t(b)] += all->contributions[size_t(r) * size_t(blocks) + size_t(b)] / double(val.size());
        for (qsizetype b = 0; b < blocks; ++b)
            QVERIFY2(std::abs(mean[size_t(b)] - 1.0) < 1e-3, qPrintable(QStringLiteral("%1: %2").arg(all->blockNames[b]).arg(mean[size_t(b)])));
    }

    void normalOnlyUsesLabels()
    {
        const auto data = test::syntheticMatrix(300, 30);
        const auto labels = test::syntheticLabels(300, 30);
        auto o = smallOptions();
        o.epochs = 3;
        o.normalOnly = true;
        o.labels = &labels;
        auto model = AnomalyModel::train(data, o);
        QVERIFY(model);
        QCOMPARE((*model)->summary().trainRows + (*model)->summary().validationRows, std::int64_t(300));
        for (auto r : (*model)->validationRows())
            QVERIFY(r < 300);

        o.labels = nullptr;
        auto refused = AnomalyModel::train(data, o);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QVERIFY(refused.error().message.contains(QLatin1String("Normal only")));
    }

    void cancelKeepsBestCheckpoint()
    {
        const auto train = test::syntheticMatrix(320);
        auto o = smallOptions();
        o.epochs = 20;
        // 288 training rows / 32 = 9 batches per epoch: cancel in the middle of epoch 4.
        std::vector<TrainingEpoch> curve;
        auto model = AnomalyModel::train(train, o, [](const Progress &p) { return p.done < 9 * 3 + 4; },
                                         [&](const TrainingEpoch &e) { curve.push_back(e); });
        QVERIFY2(model, model ? "" : qPrintable(model.error().message));
        QVERIFY((*model)->summary().cancelled);
        QCOMPARE(int((*model)->summary().history.size()), 3);
        const int best = (*model)->summary().bestEpoch;
        QVERIFY(best >= 1 && best <= 3);
        // The kept weights are those of the best epoch: their validation loss is that epoch's.
        std::vector<double> valScores;
        auto scored = (*model)->score(train);
        QVERIFY(scored);
        double sum = 0;
        for (auto r : (*model)->validationRows())
            sum += scored->scores[size_t(r)];
        const double valLoss = sum / double((*model)->validationRows().size());
        QVERIFY2(std::abs(valLoss - curve[size_t(best - 1)].valLoss) < 1e-4 * std::max(1.0, valLoss),
                 qPrintable(QStringLiteral("%1 vs %2").arg(valLoss).arg(curve[size_t(best - 1)].valLoss)));

        auto early = AnomalyModel::train(train, o, [](const Progress &p) { return p.done < 3; });
        QVERIFY(!early);
        QCOMPARE(early.error().code, ErrorCode::Cancelled);
    }

    void earlyStoppingStops()
    {
        const auto train = test::syntheticMatrix(200);
        auto o = smallOptions();
        o.epochs = 200;
        o.patience = 2;
        o.learningRate = 0.05;
        auto model = AnomalyModel::train(train, o);
        QVERIFY(model);
        QVERIFY((*model)->summary().stoppedEarly);
        QVERIFY(int((*model)->summary().history.size()) < 200);
        QCOMPARE(int((*model)->summary().history.size()), (*model)->summary().bestEpoch + 2);
    }

    void stepBudgetCapsEpochs()
    {
        const auto train = test::syntheticMatrix(500); // 450 training rows: 15 batches of 32
        auto o = smallOptions();
        o.epochs = 40;
        o.autoencoder.maxSteps = 45;
        auto model = AnomalyModel::train(train, o);
        QVERIFY(model);
        QCOMPARE(int((*model)->summary().history.size()), 3);
        QVERIFY(!(*model)->summary().stoppedEarly);
        // Without a budget the epochs asked for run; a budget below one epoch still runs one.
        o.epochs = 5;
        o.autoencoder.maxSteps = 0;
        auto unbounded = AnomalyModel::train(train, o);
        QVERIFY(unbounded);
        QCOMPARE(int((*unbounded)->summary().history.size()), 5);
        o.autoencoder.maxSteps = 1;
        auto tiny = AnomalyModel::train(train, o);
        QVERIFY(tiny);
        QCOMPARE(int((*tiny)->summary().history.size()), 1);
    }

    void smallDataTrainsInSmallerBatches()
    {
        // 90 training rows, 10 epochs of 256-row batches: 10 steps. The batch shrinks so that
        // training takes about 200 steps, to no fewer than 16 rows: 6 batches an epoch.
        const auto small = test::syntheticMatrix(100);
        const auto larger = test::syntheticMatrix(500); // 450 training rows
        auto o = smallOptions();
        const auto trained = [&o](const FeatureMatrix &m, int epochs, int batch) {
            o.epochs = epochs;
            o.batchSize = batch;
            auto model = AnomalyModel::train(m, o);
            return model ? std::move(*model) : nullptr;
        };
        const auto shrunk = trained(small, 10, 256);
        QVERIFY(shrunk);
        QCOMPARE(shrunk->summary().batchSize, std::int64_t(16));
        // The same as asking for 16-row batches: same seed, same batches, same losses.
        const auto asked = trained(small, 10, 16);
        QVERIFY(asked);
        QCOMPARE(asked->summary().batchSize, std::int64_t(16));
        QCOMPARE(shrunk->summary().history.size(), asked->summary().history.size());
        for (size_t i = 0; i < asked->summary().history.size(); ++i)
            QCOMPARE(shrunk->summary().history[i].valLoss, asked->summary().history[i].valLoss);
        // Where the batches asked for make enough steps they stay: 40 epochs of 15 batches.
        const auto kept = trained(larger, 40, 32);
        QVERIFY(kept);
        QCOMPARE(kept->summary().batchSize, std::int64_t(32));
        // 5 epochs of 15 batches are 75 steps: ceil(5 × 450 / 200) = 12 rows, floored at 16;
        // one 1,000-row batch an epoch for 2 epochs: ceil(2 × 450 / 200) = 5, floored at 16.
        for (const auto &[epochs, batch] : {std::pair{5, 32}, std::pair{2, 1000}}) {
            const auto m = trained(larger, epochs, batch);
            QVERIFY(m);
            QCOMPARE(m->summary().batchSize, std::int64_t(16));
        }
        // The bundle keeps it.
        QCOMPARE(TrainingSummary::fromJson(shrunk->summary().toJson()).batchSize, std::int64_t(16));
    }

    void refusesBadInput()
    {
        auto m = test::syntheticMatrix(50);
        auto o = smallOptions();
        o.epochs = 0;
        auto r = AnomalyModel::train(m, o);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        o = smallOptions();
        o.kind = ModelKind::Classifier;
        QCOMPARE(AnomalyModel::train(m, o).error().code, ErrorCode::InvalidArgument);
        for (int members : {0, 65}) {
            o = smallOptions();
            o.autoencoder.members = members;
            auto e = AnomalyModel::train(m, o);
            QVERIFY(!e);
            QCOMPARE(e.error().code, ErrorCode::InvalidArgument);
            QVERIFY2(e.error().message.contains(QLatin1String("1 to 64 members")), qPrintable(e.error().message));
        }
        auto gap = m;
        gap.blocks.pop_back();
        auto g = AnomalyModel::train(gap, smallOptions());
        QVERIFY(!g);
        QVERIFY(g.error().message.contains(QLatin1String("every column needs a block")));

        o = smallOptions();
        o.epochs = 1;
        auto model = AnomalyModel::train(m, o);
        QVERIFY(model);
        auto narrow = m;
        narrow.cols = 10;
        narrow.values.resize(size_t(narrow.rows) * 10);
        narrow.blocks.pop_back();
        auto s = (*model)->score(narrow);
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Mismatch);
        auto renamed = m;
        renamed.blocks[0].featureNames[1] = QStringLiteral("proto=sctp");
        auto s2 = (*model)->score(renamed);
        QVERIFY(!s2);
        QCOMPARE(s2.error().code, ErrorCode::Mismatch);
        QVERIFY(s2.error().message.contains(QLatin1String("proto=sctp")));
    }

    void kmeansFindsBlobs()
    {
        std::mt19937 rng(5);
        std::normal_distribution<float> n(0.0f, 0.1f);
        std::vector<float> pts;
        const float centers[3][2] = {{0, 0}, {5, 5}, {-5, 5}};
        for (int i = 0; i < 300; ++i) {
            pts.push_back(centers[i % 3][0] + n(rng));
            pts.push_back(centers[i % 3][1] + n(rng));
        }
        auto c = kmeans(pts, 300, 2, 0, 1, 6, 300);
        QVERIFY2(c, c ? "" : qPrintable(c.error().message));
        QCOMPARE(c->k, 3);
        QCOMPARE(c->candidateSilhouettes.size(), size_t(5));
        for (int i = 3; i < 300; ++i)
            QCOMPARE(c->assignment[size_t(i)], c->assignment[size_t(i % 3)]);
        QVERIFY(c->inertia < 300 * 0.05);
        auto fixed = kmeans(pts, 300, 2, 2, 1);
        QVERIFY(fixed);
        QCOMPARE(fixed->k, 2);
        QVERIFY(!kmeans(pts, 300, 2, 301));
    }

    void pcaFindsTheMainAxis()
    {
        std::vector<float> pts;
        for (int i = 0; i < 100; ++i) {
            const float t = float(i) / 10.0f;
            pts.insert(pts.end(), {t, 2 * t, -t + (i % 2 ? 0.01f : -0.01f)});
        }
        auto p = pca2d(pts, 100, 3);
        QVERIFY2(p, p ? "" : qPrintable(p.error().message));
        QVERIFY(p->explainedVariance[0] > 0.999);
        QCOMPARE(p->xy.size(), size_t(200));
        // The first axis is ordered like t (sign fixed to a positive dominant loading).
        QVERIFY(p->xy[2 * 99] > p->xy[0]);
    }
};

QTEST_MAIN(TestAnomalyModel)
#include "tst_anomalymodel.moc"
