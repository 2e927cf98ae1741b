#pragma once

// Hooks for tests only: nothing in the workbench or the CLI calls them. Torch-free.

namespace vigil::ml {

/// With \a on, scoring on the CPU computes its per-block losses with the tensor operators it
/// runs on a GPU instead of the CPU's plain loops, so that a machine without a GPU can check
/// that the two agree. Process-wide; off by default.
void setDeviceLossOnCpu(bool on);

} // namespace vigil::ml
