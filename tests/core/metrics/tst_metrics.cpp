#include "core/metrics/metrics.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace vigil;
using namespace vigil::metrics;

namespace {

// Ten rows with ties across classes (0.4 and 0.35 each hold one attack and one normal row).
const std::vector<double> kScores{0.1, 0.4, 0.35, 0.8, 0.4, 0.9, 0.2, 0.35, 0.6, 0.05};
const std::vector<int> kLabels{0, 0, 1, 1, 1, 1, 0, 0, 1, 0};

bool near(double a, double b, double eps = 1e-12)
{
    return std::abs(a - b) <= eps * std::max(1.0, std::abs(b));
}

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aurocCountsTiesAsHalf()
    {
        // By hand: of the 25 (attack, normal) pairs, 22 are ordered right and 2 are ties
        // (0.4/0.4, 0.35/0.35): (22 + 2 × 0.5) / 25 = 0.92, as sklearn's roc_auc_score.
        auto a = auroc(kScores, kLabels);
        QVERIFY(a);
        QVERIFY(near(*a, 0.92));
    }

    void rocCurveMatchesSklearn()
    {
        auto roc = rocCurve(kScores, kLabels);
        QVERIFY(roc);
        // sklearn.metrics.roc_curve(y, s, drop_intermediate=False)
        const std::vector<double> fpr{0.0, 0.0, 0.0, 0.0, 0.2, 0.4, 0.6, 0.8, 1.0};
        const std::vector<double> tpr{0.0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.0, 1.0, 1.0};
        QCOMPARE(roc->fpr.size(), fpr.size());
        for (size_t i = 0; i < fpr.size(); ++i) {
            QVERIFY(near(roc->fpr[i], fpr[i]));
            QVERIFY(near(roc->tpr[i], tpr[i]));
        }
        QVERIFY(std::isinf(roc->thresholds[0]));
        QCOMPARE(roc->thresholds[5], 0.35);
    }

    void averagePrecisionMatchesSklearn()
    {
        // By hand, thresholds descending: 0.9 (P 1, R .2), 0.8 (1, .4), 0.6 (1, .6),
        // 0.4 (3/4, .8), 0.35 (4/6, 1): .2 + .2 + .2 + .2 × .75 + .2 × 2/3 = 0.902857…
        auto ap = averagePrecision(kScores, kLabels);
        QVERIFY(ap);
        QVERIFY(near(*ap, 0.9028571428571428));
    }

    void oracleTprInterpolates_data()
    {
        QTest::addColumn<double>("fpr");
        QTest::addColumn<double>("tpr");
        // numpy.interp(fpr, roc_fpr, roc_tpr): at 0 it takes the last of the repeated zeros.
        QTest::newRow("0") << 0.0 << 0.6;
        QTest::newRow("1%") << 0.01 << 0.61;
        QTest::newRow("20%") << 0.2 << 0.8;
        QTest::newRow("30%") << 0.3 << 0.9;
        QTest::newRow("50%") << 0.5 << 1.0;
    }
    void oracleTprInterpolates()
    {
        QFETCH(double, fpr);
        QFETCH(double, tpr);
        auto roc = rocCurve(kScores, kLabels);
        QVERIFY(roc);
        QVERIFY(near(tprAtFpr(*roc, fpr), tpr, 1e-9));
    }

    void percentileIsNumpyLinear_data()
    {
        QTest::addColumn<double>("pct");
        QTest::addColumn<double>("expected");
        // numpy.percentile([3,1,4,1,5,9,2,6,5,3,5], pct)
        QTest::newRow("99") << 99.0 << 8.7;
        QTest::newRow("95") << 95.0 << 7.5;
        QTest::newRow("50") << 50.0 << 4.0;
        QTest::newRow("0") << 0.0 << 1.0;
        QTest::newRow("100") << 100.0 << 9.0;
        QTest::newRow("37.5") << 37.5 << 3.0;
    }
    void percentileIsNumpyLinear()
    {
        QFETCH(double, pct);
        QFETCH(double, expected);
        auto p = percentile({3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}, pct);
        QVERIFY(p);
        QVERIFY(near(*p, expected, 1e-12));
    }

    void thresholdForFprFlagsTheTargetShare()
    {
        std::vector<double> clean;
        for (int i = 1; i <= 1000; ++i)
            clean.push_back(double(i));
        auto thr = thresholdForFpr(clean, 0.01);
        QVERIFY(thr);
        QVERIFY(near(*thr, 990.01)); // (n-1) × 0.99 = 989.01 → 990 + 0.01
        QCOMPARE(countAbove(clean, *thr), std::int64_t(10));
    }

    void thinCurveKeepsEndsAndSteps()
    {
        // Hand-worked: step 0.1, no relative step.
        const std::vector<double> x{0.0, 0.01, 0.05, 0.12, 0.13, 0.5, 0.55, 1.0};
        const std::vector<double> y{0.0, 0.3, 0.32, 0.35, 0.36, 0.37, 0.9, 1.0};
        // 0 kept; 0.01 (dy 0.3) kept; 0.05 (dx 0.04, dy 0.02) not; 0.12 (dx 0.11) kept; 0.13 not;
        // 0.5 kept; 0.55 (dy 0.53) kept; the last always.
        QCOMPARE(thinCurve(x, y, 0.1), (std::vector<size_t>{0, 1, 3, 5, 6, 7}));
        // Relative step 1 (x doubles): 0.05 ≥ 2 × 0.01 is kept too; 0.13 < 2 × 0.12 is not.
        QCOMPARE(thinCurve(x, y, 0.1, 1.0), (std::vector<size_t>{0, 1, 2, 3, 5, 6, 7}));
        // From x = 0, the first positive x is kept on a log axis.
        QCOMPARE(thinCurve({0.0, 0.001, 0.002}, {0.0, 0.0, 0.0}, 0.5, 1.0), (std::vector<size_t>{0, 1, 2}));
        QCOMPARE(thinCurve({0.0, 0.001, 0.002}, {0.0, 0.0, 0.0}, 0.5), (std::vector<size_t>{0, 2}));
        QCOMPARE(thinCurve({}, {}, 0.1), std::vector<size_t>{});
        QCOMPARE(thinCurve({0.5}, {0.5}, 0.1), std::vector<size_t>{0});
    }

    void ratesAtThresholdAreStrict()
    {
        auto r = ratesAtThreshold(kScores, kLabels, 0.4);
        QVERIFY(r);
        // Flagged: 0.8, 0.9, 0.6 (all attacks); 0.4 is not above 0.4.
        QCOMPARE(r->tp, std::int64_t(3));
        QCOMPARE(r->fp, std::int64_t(0));
        QCOMPARE(r->fn, std::int64_t(2));
        QCOMPARE(r->tn, std::int64_t(5));
        QVERIFY(near(r->tpr, 0.6));
        QVERIFY(near(r->fpr, 0.0));
        QVERIFY(near(r->precision, 1.0));
    }

    void largerCaseMatchesSklearn()
    {
        // 300 rows (2-decimal scores, many ties) written by numpy; constants from sklearn 1.2.1.
        QFile f(QStringLiteral(VIGIL_TEST_DATA_DIR "/metrics_scores300.txt"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        std::vector<double> s;
        std::vector<int> y;
        for (const QByteArray &line : f.readAll().split('\n')) {
            const auto parts = line.simplified().split(' ');
            if (parts.size() != 2)
                continue;
            s.push_back(parts[0].toDouble());
            y.push_back(parts[1].toInt());
        }
        QCOMPARE(s.size(), size_t(300));
        auto a = auroc(s, y);
        auto ap = averagePrecision(s, y);
        auto roc = rocCurve(s, y);
        auto p99 = percentile(s, 99.0);
        QVERIFY(a && ap && roc && p99);
        QVERIFY(near(*a, 0.8744570328243251, 1e-12));
        QVERIFY(near(*ap, 0.8540318726442306, 1e-12));
        QVERIFY(near(tprAtFpr(*roc, 0.05), 0.45985401459854014, 1e-12));
        QVERIFY(near(*p99, 2.1437999999999966, 1e-12));
    }

    void refusesBadInput_data()
    {
        QTest::addColumn<std::vector<double>>("scores");
        QTest::addColumn<std::vector<int>>("labels");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("length") << std::vector<double>{1, 2} << std::vector<int>{1} << QStringLiteral("2 scores but 1 labels");
        QTest::newRow("one class") << std::vector<double>{1, 2} << std::vector<int>{1, 1} << QStringLiteral("both attack and normal");
        QTest::newRow("nan") << std::vector<double>{1, std::nan("")} << std::vector<int>{1, 0} << QStringLiteral("NaN");
    }
    void refusesBadInput()
    {
        QFETCH(std::vector<double>, scores);
        QFETCH(std::vector<int>, labels);
        QFETCH(QString, fragment);
        auto a = auroc(scores, labels);
        QVERIFY(!a);
        QCOMPARE(a.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(a.error().message.contains(fragment), qPrintable(a.error().message));
    }

    void unknownLabelsAreSkipped()
    {
        auto a = auroc({0.9, 0.1, 0.5}, {1, 0, -1});
        QVERIFY(a);
        QCOMPARE(*a, 1.0);
    }

    void confusionAndGroupRates()
    {
        auto m = confusionMatrix({0, 0, 1, 1, 2, -1}, {0, 1, 1, 1, 0, 0}, {QStringLiteral("normal"), QStringLiteral("dos"), QStringLiteral("probe")});
        QCOMPARE(m.at(0, 0), std::int64_t(1));
        QCOMPARE(m.at(0, 1), std::int64_t(1));
        QCOMPARE(m.at(1, 1), std::int64_t(2));
        QCOMPARE(m.at(2, 0), std::int64_t(1));
        std::int64_t total = 0;
        for (auto c : m.counts)
            total += c;
        QCOMPARE(total, std::int64_t(5)); // the -1 row is skipped

        auto rates = flaggedRates({0, 0, 1, 1, 1, -1}, {QStringLiteral("a"), QStringLiteral("b")}, {true, false, true, true, false, true});
        QCOMPARE(rates.size(), size_t(2));
        QCOMPARE(rates[0].total, std::int64_t(2));
        QCOMPARE(rates[0].rate, 0.5);
        QVERIFY(near(rates[1].rate, 2.0 / 3.0));
    }

    void severityBands_data()
    {
        QTest::addColumn<double>("score");
        QTest::addColumn<int>("severity");
        QTest::addColumn<QString>("band");
        // threshold 2: half of it → 25; at it → 50; 2× → 50 + 50/4 → 63 (ceil 62.5); 16× → 100.
        QTest::newRow("zero") << 0.0 << 0 << QStringLiteral("none");
        QTest::newRow("half") << 1.0 << 25 << QStringLiteral("none");
        QTest::newRow("at") << 2.0 << 50 << QStringLiteral("low");
        QTest::newRow("2x") << 4.0 << 63 << QStringLiteral("low");
        QTest::newRow("4x") << 8.0 << 75 << QStringLiteral("medium");
        QTest::newRow("8x") << 16.0 << 88 << QStringLiteral("high");
        QTest::newRow("16x") << 32.0 << 100 << QStringLiteral("critical");
        QTest::newRow("1000x") << 2000.0 << 100 << QStringLiteral("critical");
    }
    void severityBands()
    {
        QFETCH(double, score);
        QFETCH(int, severity);
        QFETCH(QString, band);
        QCOMPARE(metrics::severity(score, 2.0), severity);
        QCOMPARE(severityBand(metrics::severity(score, 2.0)), band);
    }

    void attackFamilies_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("family");
        QTest::newRow("normal") << QStringLiteral("normal") << QStringLiteral("normal");
        QTest::newRow("neptune") << QStringLiteral("neptune") << QStringLiteral("dos");
        QTest::newRow("kdd99 dot") << QStringLiteral("smurf.") << QStringLiteral("dos");
        QTest::newRow("mscan") << QStringLiteral("mscan") << QStringLiteral("probe");
        QTest::newRow("guess_passwd") << QStringLiteral("guess_passwd") << QStringLiteral("r2l");
        QTest::newRow("httptunnel") << QStringLiteral("httptunnel") << QStringLiteral("u2r");
        QTest::newRow("other") << QStringLiteral("zzz") << QStringLiteral("unknown");
    }
    void attackFamilies()
    {
        QFETCH(QString, label);
        QFETCH(QString, family);
        QCOMPARE(nslKddFamily(label), family);
    }
};

QTEST_APPLESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
