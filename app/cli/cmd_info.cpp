#include "app/cli/cli.h"
#include "ml/runtime.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QThread>

namespace vigil::cli {

int runInfo(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("device"), QStringLiteral("Compute device: auto, cpu or cuda."), QStringLiteral("device"), QStringLiteral("auto")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("Intra-op threads (0 = all cores)."), QStringLiteral("n"), QStringLiteral("0")});
    int code = kExitOk;
    if (!parse(parser, args, QStringLiteral("Print the version, LibTorch version, compute device and threads."), code))
        return code;
    const bool json = parser.isSet(QStringLiteral("json"));
    auto pref = ml::parseDevicePreference(parser.value(QStringLiteral("device")));
    if (!pref)
        return reportError(pref.error(), json);
    auto info = ml::initRuntime(*pref, parser.value(QStringLiteral("threads")).toInt());
    if (!info)
        return reportError(info.error(), json);
    if (json) {
        printJson(QJsonObject{
            {QStringLiteral("version"), QStringLiteral(VIGIL_VERSION)},
            {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
            {QStringLiteral("torch"), info->torchVersion},
            {QStringLiteral("device"), info->device},
            {QStringLiteral("device_name"), info->deviceName},
            {QStringLiteral("cuda_available"), info->cudaAvailable},
            {QStringLiteral("cuda_devices"), info->cudaDeviceCount},
            {QStringLiteral("threads"), info->intraOpThreads},
            {QStringLiteral("cores"), QThread::idealThreadCount()},
            {QStringLiteral("blas"), info->blas},
            {QStringLiteral("blas_threads"), info->blasThreads},
        });
    } else {
        printLine(QStringLiteral("Vigil %1").arg(QStringLiteral(VIGIL_VERSION)));
        printLine(QStringLiteral("Qt        %1").arg(QString::fromLatin1(qVersion())));
        printLine(QStringLiteral("LibTorch  %1").arg(info->torchVersion));
        printLine(QStringLiteral("Device    %1 (%2)%3").arg(info->device, info->deviceName,
                   info->cudaAvailable ? QString() : QStringLiteral(", no CUDA device visible")));
        printLine(QStringLiteral("Threads   %1 intra-op (of %2 cores)").arg(info->intraOpThreads).arg(QThread::idealThreadCount()));
        printLine(QStringLiteral("BLAS      %1").arg(info->blas.isEmpty() ? QStringLiteral("unknown") : info->blas));
        if (info->blasThreads > 0)
            printLine(QStringLiteral("          OpenBLAS with %1 thread(s) of its own (VIGIL_BLAS_THREADS to change)").arg(info->blasThreads));
    }
    return kExitOk;
}

} // namespace vigil::cli
