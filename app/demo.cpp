#include "app/demo.h"

#include "core/project.h"
#include "core/store/datasetstore.h"

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
    // The bundled log is compressed inside the executable; the reader wants a file.
    const QString logPath = fi.absolutePath() + QStringLiteral("/demo-access.log.gz");
    if (!QFileInfo::exists(logPath)) {
        QFile::remove(logPath + QStringLiteral(".part"));
        if (!QFile::copy(QStringLiteral(":/demo/demo-access.log.gz"), logPath + QStringLiteral(".part"))
            || !QFile::rename(logPath + QStringLiteral(".part"), logPath))
            return fail(ErrorCode::Io, QStringLiteral("Cannot write the demo log to %1.").arg(logPath));
        QFile(logPath).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    }
    log(QStringLiteral("Creating demo project %1").arg(path));
    const QString partial = path + QStringLiteral(".part");
    QFile::remove(partial);
    {
        auto project = Project::create(partial);
        if (!project)
            return tl::unexpected(project.error());
        log(QStringLiteral("Importing %1").arg(logPath));
        auto imported = importFile(**project, logPath, ReadOptions{});
        if (!imported) {
            project->reset();
            QFile::remove(partial);
            return tl::unexpected(imported.error());
        }
        log(QStringLiteral("  %1 rows, %2 bad lines (%3)").arg(imported->report.rows).arg(imported->report.badLines).arg(imported->report.format));
        (void)(*project)->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    // Only a complete demo project gets the real name, so a crash never leaves half of one.
    QFile::remove(partial + QStringLiteral("-wal"));
    QFile::remove(partial + QStringLiteral("-shm"));
    if (!QFile::rename(partial, path))
        return fail(ErrorCode::Io, QStringLiteral("Cannot move the demo project into place at %1.").arg(path));
    return path;
}

} // namespace vigil
