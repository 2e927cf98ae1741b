#include "ml/runtime.h"

#include <QTest>
#include <QThread>

using namespace vigil;

class TestRuntime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setsThreadsToCores()
    {
        auto info = ml::initRuntime(ml::DevicePreference::Cpu, 0);
        QVERIFY2(info, qPrintable(info ? QString() : info.error().message));
        QCOMPARE(info->device, QStringLiteral("cpu"));
        QCOMPARE(info->intraOpThreads, std::max(1, QThread::idealThreadCount()));
        QVERIFY(!info->torchVersion.isEmpty());
        QCOMPARE(ml::currentRuntime().device, QStringLiteral("cpu"));
    }

    void explicitThreads()
    {
        auto info = ml::initRuntime(ml::DevicePreference::Cpu, 1);
        QVERIFY(info);
        QCOMPARE(info->intraOpThreads, 1);
    }

    /// With OpenBLAS (what install-deps.sh installs), its own pool runs one thread unless
    /// VIGIL_BLAS_THREADS says otherwise; another BLAS reports 0.
    void blasThreadsAreSetDeliberately()
    {
        qunsetenv("VIGIL_BLAS_THREADS");
        auto info = ml::initRuntime(ml::DevicePreference::Cpu, 0);
        QVERIFY(info);
        if (!info->blas.contains(QLatin1String("openblas")))
            QSKIP("the BLAS mapped here is not OpenBLAS");
        QCOMPARE(info->blasThreads, 1);
        qputenv("VIGIL_BLAS_THREADS", "2");
        info = ml::initRuntime(ml::DevicePreference::Cpu, 0);
        qunsetenv("VIGIL_BLAS_THREADS");
        QVERIFY(info);
        QCOMPARE(info->blasThreads, 2);
        QCOMPARE(ml::initRuntime(ml::DevicePreference::Cpu, 0)->blasThreads, 1);
    }

    void autoPicksCudaOnlyWhenAvailable()
    {
        auto info = ml::initRuntime(ml::DevicePreference::Auto, 0);
        QVERIFY(info);
        QCOMPARE(info->device, info->cudaAvailable ? QStringLiteral("cuda:0") : QStringLiteral("cpu"));
    }

    void cudaRequestWithoutGpuIsAnError()
    {
        auto probe = ml::initRuntime(ml::DevicePreference::Cpu, 0);
        QVERIFY(probe);
        if (probe->cudaAvailable)
            QSKIP("a CUDA device is present; the refusal path cannot be exercised here");
        auto info = ml::initRuntime(ml::DevicePreference::Cuda, 0);
        QVERIFY(!info);
        QCOMPARE(info.error().code, ErrorCode::Unsupported);
        QVERIFY(info.error().message.contains(QLatin1String("CUDA")));
    }

    void parsesDevicePreference_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("pref");
        QTest::newRow("auto") << QStringLiteral("auto") << true << int(ml::DevicePreference::Auto);
        QTest::newRow("empty") << QString() << true << int(ml::DevicePreference::Auto);
        QTest::newRow("CPU") << QStringLiteral("CPU") << true << int(ml::DevicePreference::Cpu);
        QTest::newRow("gpu") << QStringLiteral("gpu") << true << int(ml::DevicePreference::Cuda);
        QTest::newRow("bogus") << QStringLiteral("tpu") << false << 0;
    }

    void parsesDevicePreference()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(int, pref);
        auto r = ml::parseDevicePreference(text);
        QCOMPARE(bool(r), ok);
        if (ok)
            QCOMPARE(int(*r), pref);
        else
            QVERIFY(r.error().message.contains(QLatin1String("tpu")));
    }
};

QTEST_APPLESS_MAIN(TestRuntime)
#include "tst_runtime.moc"
