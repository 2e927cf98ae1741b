#include <torch/torch.h>

#include "ml/runtime.h"
#include "ml/device_p.h"

#include <QFile>
#include <QSet>
#include <QThread>

#include <dlfcn.h>

#include <mutex>

namespace vigil::ml {

namespace {

std::mutex g_mutex;
ComputeInfo g_info;
torch::Device g_device(torch::kCPU);

QString mappedBlas()
{
    // Which BLAS the dynamic loader actually mapped matters more than which is installed:
    // Debian's reference BLAS is several times slower than OpenBLAS for the same torch.
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return {};
    QSet<QString> libs;
    for (const QByteArray &line : maps.readAll().split('\n')) {
        const int slash = line.indexOf('/');
        if (slash < 0)
            continue;
        const QString path = QString::fromUtf8(line.mid(slash));
        if (path.contains(QLatin1String("blas")) || path.contains(QLatin1String("mkl")))
            libs.insert(path);
    }
    QStringList list(libs.begin(), libs.end());
    list.sort();
    return list.join(QLatin1String(", "));
}

/// Sets OpenBLAS's thread count when OpenBLAS is the BLAS this process mapped (found by symbol,
/// since Debian's torch links the generic libblas.so.3); returns the count now in force, 0 when
/// the BLAS is not OpenBLAS.
int setBlasThreads(int wanted)
{
    using SetFn = void (*)(int);
    using GetFn = int (*)();
    auto set = reinterpret_cast<SetFn>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
    auto get = reinterpret_cast<GetFn>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
    if (!set || !get)
        return 0;
    set(std::max(1, wanted));
    return get();
}

} // namespace

Result<ComputeInfo> initRuntime(DevicePreference preference, int threads)
{
    try {
        std::lock_guard lock(g_mutex);
        ComputeInfo info;
        info.torchVersion = QStringLiteral(TORCH_VERSION);
        info.cudaAvailable = torch::cuda::is_available();
        info.cudaDeviceCount = info.cudaAvailable ? int(torch::cuda::device_count()) : 0;

        if (preference == DevicePreference::Cuda && !info.cudaAvailable)
            return fail(ErrorCode::Unsupported,
                        QStringLiteral("CUDA was requested but this LibTorch build sees no CUDA device. "
                                       "Use --device cpu, or build against a CUDA LibTorch "
                                       "(-DCMAKE_PREFIX_PATH=/path/to/libtorch)."));
        const bool useCuda = preference != DevicePreference::Cpu && info.cudaAvailable;

        const int cores = QThread::idealThreadCount();
        const int n = threads > 0 ? threads : std::max(1, cores);
        torch::set_num_threads(n);
        info.intraOpThreads = torch::get_num_threads();

        if (useCuda) {
            g_device = torch::Device(torch::kCUDA, 0);
            info.device = QStringLiteral("cuda:0");
            info.deviceName = QStringLiteral("CUDA: %1").arg(cudaDeviceName(0));
        } else {
            g_device = torch::Device(torch::kCPU);
            info.device = QStringLiteral("cpu");
            info.deviceName = QStringLiteral("CPU");
        }
        // Touch BLAS once so the loader has mapped it before we look.
        (void)torch::mm(torch::ones({2, 2}), torch::ones({2, 2}));
        info.blas = mappedBlas();
        bool ok = false;
        const int blasThreads = qEnvironmentVariableIntValue("VIGIL_BLAS_THREADS", &ok);
        info.blasThreads = setBlasThreads(ok && blasThreads > 0 ? blasThreads : 1);
        g_info = info;
        return info;
    } catch (const std::exception &e) {
        return fail(ErrorCode::Internal, QStringLiteral("LibTorch initialisation failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

ComputeInfo currentRuntime()
{
    std::lock_guard lock(g_mutex);
    return g_info;
}

torch::Device currentDevice()
{
    std::lock_guard lock(g_mutex);
    return g_device;
}

Result<DevicePreference> parseDevicePreference(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty() || t == QLatin1String("auto"))
        return DevicePreference::Auto;
    if (t == QLatin1String("cpu"))
        return DevicePreference::Cpu;
    if (t == QLatin1String("cuda") || t == QLatin1String("gpu"))
        return DevicePreference::Cuda;
    return fail(ErrorCode::InvalidArgument,
                QStringLiteral("Unknown device '%1'; use auto, cpu or cuda.").arg(text));
}

} // namespace vigil::ml
