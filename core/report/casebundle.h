#pragma once

#include "core/result.h"

#include <QString>

namespace vigil {

class Project;

/// A case bundle is one file a colleague can open to reproduce the findings: a consistent
/// snapshot of the project (records, schemas, models with weights, runs with thresholds and
/// scores, labels, audit trail) plus the rendered HTML report of its latest run, stored in the
/// snapshot's meta table. It is itself a valid Vigil project file.
///
/// Writes the bundle of \a project to \a path (temp file + rename; refuses to overwrite).
Result<void> exportCase(Project &project, const QString &path, const QString &reportHtml = {});

/// Checks that \a bundlePath is a Vigil case (or project) this build can read and copies it to
/// \a projectPath (refuses to overwrite), migrating it to the current schema.
Result<void> importCase(const QString &bundlePath, const QString &projectPath);

/// The HTML report stored in a bundle (empty when none was stored).
Result<QString> caseReportHtml(Project &project);

} // namespace vigil
