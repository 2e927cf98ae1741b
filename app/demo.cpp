#include "app/demo.h"

#include "core/project.h"
#include "core/store/datasetstore.h"
#include "ml/pipeline.h"
#include "ml/runtime.h"

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
    {
        // Train the default autoencoder and score the log, so the demo opens on results.
        if (ml::currentRuntime().device.isEmpty())
            (void)ml::initRuntime();
        ml::TrainRequest request;
        request.projectPath = partial;
        request.datasetId = 1;
        request.modelName = QStringLiteral("Demo autoencoder");
        request.options.epochs = 8;
        request.options.targetFpr = 0.01;
        log(QStringLiteral("Training the default autoencoder (%1 epochs) and scoring the log").arg(request.options.epochs));
        auto trained = ml::trainOnDataset(request, {}, [&log](const ml::TrainingEpoch &e) {
            log(QStringLiteral("  epoch %1: training loss %2, validation loss %3").arg(e.epoch).arg(e.trainLoss, 0, 'g', 4).arg(e.valLoss, 0, 'g', 4));
        });
        if (!trained) {
            QFile::remove(partial);
            return tl::unexpected(trained.error());
        }
        log(QStringLiteral("  run %1: threshold %2 flags %3 of %4 records").arg(trained->runId).arg(trained->threshold, 0, 'g', 4)
                .arg(trained->alerts).arg(trained->scored));
        auto project = Project::open(partial);
        if (project)
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
