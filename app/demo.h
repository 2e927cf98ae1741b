#pragma once

#include "core/result.h"

#include <QString>

#include <functional>

namespace vigil {

/// Default location of the demo project (in the user's data folder).
QString demoProjectPath();

/// Creates (or reuses) the demo project at \a path from the data bundled in the executable
/// (`:/demo`), and returns its path. \a log receives one line per step.
Result<QString> prepareDemoProject(const QString &path, const std::function<void(const QString &)> &log);

} // namespace vigil
