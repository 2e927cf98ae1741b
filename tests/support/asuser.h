#pragma once

#include "core/result.h"

#include <functional>
#include <optional>

namespace vigil::test {

/// Root reads any file whatever its mode, so a chmod 000 file proves nothing when the tests run
/// as root (as they do in CI). These helpers run the check as user "nobody" instead.
bool runningAsRoot();

/// Drops this process to nobody/nogroup (uid and gid 65534, no supplementary groups) for real,
/// effective and saved ids, so it cannot regain root. For a forked child or
/// QProcess::setChildProcessModifier; returns false when the kernel refused.
bool dropToNobody();

/// Runs \a check with the permissions of an ordinary user: in a forked child that dropped to
/// nobody when this process is root, else directly. Returns what \a check returned (nullopt =
/// it succeeded), or an Internal error whose message starts with "harness:" when the child
/// could not be run. The child only runs \a check and exits: no Qt Test macros inside it.
Error runUnprivileged(const std::function<std::optional<Error>()> &check);

/// Makes \a dir usable by nobody (rwx for everyone), so that only the file under test is denied.
bool openUpDirectory(const QString &dir);

} // namespace vigil::test
