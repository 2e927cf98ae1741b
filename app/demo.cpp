#include "app/demo.h"

#include "core/project.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace vigil {

QString demoProjectPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/vigil");
    return dir + QStringLiteral("/demo.vigil");
}

Result<QString> prepareDemoProject(const QString &path, const std::function<void(const QString &)> &log)
{
    const QFileInfo fi(path);
    if (!QDir().mkpath(fi.absolutePath()))
        return fail(ErrorCode::Io, QStringLiteral("Cannot create folder %1 for the demo project.").arg(fi.absolutePath()));
    if (fi.exists()) {
        auto existing = Project::open(path);
        if (existing) {
            log(QStringLiteral("Using existing demo project %1").arg(path));
            return path;
        }
        return tl::unexpected(existing.error());
    }
    log(QStringLiteral("Creating demo project %1").arg(path));
    auto project = Project::create(path);
    if (!project)
        return tl::unexpected(project.error());
    return path;
}

} // namespace vigil
