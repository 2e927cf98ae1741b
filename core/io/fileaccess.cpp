#include "fileaccess.h"

#include <QFile>
#include <QFileInfo>

namespace vigil::io {

namespace {

Error notFound(const QString &path, const QString &what)
{
    // QFile::decodeName maps bytes that are not UTF-8 to U+FFFD, and encodeName cannot give the
    // original bytes back: such a file exists on disk but no Qt API can open it by name.
    if (path.contains(QChar::ReplacementCharacter))
        return Error{ErrorCode::Unsupported,
                     QStringLiteral("%1 %2 cannot be opened: its name is not valid UTF-8 (the bytes shown as \uFFFD). "
                                    "Rename the file to a UTF-8 name and try again.").arg(what, path)};
    return Error{ErrorCode::NotFound, QStringLiteral("%1 %2 does not exist; check the path.").arg(what, path)};
}

Error denied(const QString &path, const QString &what)
{
    return Error{ErrorCode::AccessDenied,
                 QStringLiteral("%1 %2 cannot be read: permission denied. Check its permissions or run as a user who may read it.")
                     .arg(what, path)};
}

} // namespace

Result<void> checkReadableFile(const QString &path, const QString &what)
{
    const QFileInfo fi(path);
    if (!fi.exists())
        return tl::unexpected(notFound(path, what));
    if (fi.isDir())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("%1 %2 is a folder; choose a file inside it.").arg(what, path));
    if (!fi.isFile())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 %2 is not a regular file (a device, pipe or socket); copy the data to a file first.")
                        .arg(what, path));
    if (!fi.isReadable())
        return tl::unexpected(denied(path, what));
    return {};
}

Error openFailure(const QString &path, const QString &what, const QFileDevice &file)
{
    if (auto ok = checkReadableFile(path, what); !ok)
        return ok.error();
    if (file.error() == QFileDevice::PermissionsError)
        return denied(path, what);
    return Error{ErrorCode::Io, QStringLiteral("%1 %2 cannot be opened: %3").arg(what, path, file.errorString())};
}

} // namespace vigil::io
