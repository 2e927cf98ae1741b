// Kept apart so that only this file needs CUDA headers when building against a CUDA LibTorch.
#include <torch/torch.h>

#include "ml/device_p.h"

#if __has_include(<c10/cuda/CUDAFunctions.h>) && defined(VIGIL_TORCH_HAS_CUDA)
#include <cuda_runtime_api.h>
#define VIGIL_HAVE_CUDA_RUNTIME 1
#endif

namespace vigil::ml {

QString cudaDeviceName(int index)
{
#ifdef VIGIL_HAVE_CUDA_RUNTIME
    cudaDeviceProp prop{};
    if (cudaGetDeviceProperties(&prop, index) == cudaSuccess)
        return QString::fromUtf8(prop.name);
#endif
    return QStringLiteral("GPU %1").arg(index);
}

} // namespace vigil::ml
