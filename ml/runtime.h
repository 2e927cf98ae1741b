#pragma once

// Torch-free public header: callers never see LibTorch types.

#include "core/result.h"

#include <QString>

namespace vigil::ml {

/// Which device the user asked for; Auto picks CUDA when a GPU is usable.
enum class DevicePreference { Auto, Cpu, Cuda };

/// What compute Vigil runs its models on, for the status bar and `vigil-cli info`.
struct ComputeInfo {
    QString torchVersion;       ///< LibTorch version string, e.g. "1.13.1"
    QString device;             ///< "cpu" or "cuda:0"
    QString deviceName;         ///< human-readable: "CPU (16 threads)" or the GPU's name
    bool cudaAvailable = false; ///< whether this LibTorch build sees a CUDA device
    int cudaDeviceCount = 0;
    int intraOpThreads = 0;     ///< torch::get_num_threads() after initialisation
    QString blas;               ///< the BLAS shared object mapped into this process
    int blasThreads = 0;        ///< OpenBLAS's own thread count after initialisation (0 = not OpenBLAS)
};

/// Initialises LibTorch once per process: chooses the device and sets the intra-op thread
/// count (\a threads <= 0 means "all cores": Debian's torch starts with one thread). When the
/// BLAS is OpenBLAS, its own thread pool is set to one thread (VIGIL_BLAS_THREADS overrides):
/// torch's OpenMP workers already occupy the cores, and two pools spinning on the same cores
/// made NSL-KDD training 2.8× and scoring 2× slower on a 2-core machine.
/// Asking for CUDA when none is available is an error, not a silent CPU fallback.
Result<ComputeInfo> initRuntime(DevicePreference preference = DevicePreference::Auto, int threads = 0);

/// The ComputeInfo of the last successful initRuntime(), or an uninitialised one.
ComputeInfo currentRuntime();

/// Parses "auto", "cpu", "cuda"/"gpu" (case-insensitive).
Result<DevicePreference> parseDevicePreference(const QString &text);

} // namespace vigil::ml
