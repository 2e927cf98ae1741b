#pragma once

// Private to ml: includes LibTorch. Only ml/*.cpp may include this header.

#include <torch/torch.h>

#include <QString>

namespace vigil::ml {

/// The device chosen by initRuntime(); every model and tensor is created on it.
torch::Device currentDevice();

/// Name of CUDA device \a index (empty on CPU-only builds).
QString cudaDeviceName(int index);

} // namespace vigil::ml
