#pragma once

#include "core/result.h"

#include <QString>

class QFileDevice;

namespace vigil::io {

/// Checks that \a path names a regular file this process may read, before anything opens it.
/// \a what names the file in the message ("Log file", "Model file"). The refusals, each naming
/// the path and what to do:
///  - NotFound: nothing there;
///  - Unsupported: nothing there by that name because the name held bytes that are not UTF-8
///    (Qt decodes them to U+FFFD, so no such file can be opened through Qt: rename it);
///  - InvalidArgument: a folder, or not a regular file (a FIFO or a device such as /dev/zero
///    would block or never end);
///  - AccessDenied: the process may not read it.
Result<void> checkReadableFile(const QString &path, const QString &what);

/// Explains a failed QFile::open of \a path (after checkReadableFile passed, or without it).
Error openFailure(const QString &path, const QString &what, const QFileDevice &file);

} // namespace vigil::io
