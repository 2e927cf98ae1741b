#include "core/report/casebundle.h"

#include "core/project.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

namespace vigil {

namespace {

Result<void> putMeta(sql::Database &db, const char *key, const QString &value)
{
    auto st = db.prepare("INSERT INTO meta(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, std::string_view(key)).bind(2, value);
    return st->run();
}

} // namespace

Result<void> exportCase(Project &project, const QString &path, const QString &reportHtml)
{
    if (QFileInfo::exists(path))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("%1 already exists; choose another name.").arg(path));
    const QString tmp = path + QStringLiteral(".part");
    QFile::remove(tmp);
    // VACUUM INTO writes a consistent, compact snapshot even while other connections write.
    auto st = project.db().prepare("VACUUM INTO ?1");
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, tmp);
    if (auto r = st->run(); !r) {
        QFile::remove(tmp);
        return fail(r.error().code, QStringLiteral("Cannot write the case bundle %1: %2").arg(path, r.error().message));
    }
    {
        auto db = sql::Database::open(tmp, sql::Database::Mode::ReadWrite);
        if (!db) {
            QFile::remove(tmp);
            return tl::unexpected(db.error());
        }
        auto r = putMeta(*db, "case_exported_at", QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
                     .and_then([&] { return putMeta(*db, "case_source", project.path()); })
                     .and_then([&] { return putMeta(*db, "case_report_html", reportHtml); });
        if (!r) {
            db->close();
            QFile::remove(tmp);
            return r;
        }
    }
    if (!QFile::rename(tmp, path)) {
        QFile::remove(tmp);
        return fail(ErrorCode::Io, QStringLiteral("Cannot move the case bundle into place at %1.").arg(path));
    }
    return {};
}

Result<void> importCase(const QString &bundlePath, const QString &projectPath)
{
    if (QFileInfo::exists(projectPath))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("%1 already exists; choose another name.").arg(projectPath));
    {
        // Validates (not a project, too new, corrupt…) without writing to the bundle.
        auto probe = sql::Database::open(bundlePath, sql::Database::Mode::ReadOnly);
        if (!probe)
            return tl::unexpected(probe.error());
    }
    const QString tmp = projectPath + QStringLiteral(".part");
    QFile::remove(tmp);
    if (!QFile::copy(bundlePath, tmp))
        return fail(ErrorCode::Io, QStringLiteral("Cannot copy %1 to %2.").arg(bundlePath, projectPath));
    QFile(tmp).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup);
    {
        auto project = Project::open(tmp);
        if (!project) {
            QFile::remove(tmp);
            return fail(project.error().code, QStringLiteral("%1 is not a usable case bundle: %2").arg(bundlePath, project.error().message));
        }
        if (auto r = (*project)->audit(QStringLiteral("case-imported"), QStringLiteral("{}")); !r) {
            project->reset();
            QFile::remove(tmp);
            return r;
        }
        // Fold the WAL back so the renamed file is complete on its own.
        (void)(*project)->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    QFile::remove(tmp + QStringLiteral("-wal"));
    QFile::remove(tmp + QStringLiteral("-shm"));
    if (!QFile::rename(tmp, projectPath)) {
        QFile::remove(tmp);
        return fail(ErrorCode::Io, QStringLiteral("Cannot move the imported case into place at %1.").arg(projectPath));
    }
    return {};
}

Result<QString> caseReportHtml(Project &project)
{
    auto st = project.db().prepare("SELECT value FROM meta WHERE key = 'case_report_html'");
    if (!st)
        return tl::unexpected(st.error());
    auto row = st->step();
    if (!row)
        return tl::unexpected(row.error());
    return *row ? st->text(0) : QString();
}

} // namespace vigil
