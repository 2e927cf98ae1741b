#include "asuser.h"

#include <QFile>

#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>

namespace vigil::test {

namespace {

constexpr uid_t kNobody = 65534;

bool writeAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n <= 0)
            return false;
        data += n;
        size -= size_t(n);
    }
    return true;
}

} // namespace

bool runningAsRoot() { return ::geteuid() == 0; }

bool dropToNobody()
{
    // Order matters: groups and gid while still root, the uid last.
    return ::setgroups(0, nullptr) == 0 && ::setresgid(kNobody, kNobody, kNobody) == 0
        && ::setresuid(kNobody, kNobody, kNobody) == 0 && ::geteuid() == kNobody;
}

Error runUnprivileged(const std::function<std::optional<Error>()> &check)
{
    const auto encode = [](const std::optional<Error> &e) {
        return e ? Error{e->code, e->message} : Error{ErrorCode::Ok, QString()};
    };
    if (!runningAsRoot())
        return encode(check());

    int fds[2];
    if (::pipe(fds) != 0)
        return {ErrorCode::Internal, QStringLiteral("harness: pipe failed")};
    const pid_t pid = ::fork();
    if (pid < 0)
        return {ErrorCode::Internal, QStringLiteral("harness: fork failed")};
    if (pid == 0) {
        ::close(fds[0]);
        if (!dropToNobody())
            ::_exit(3);
        const Error e = encode(check());
        const QByteArray msg = e.message.toUtf8();
        const int code = int(e.code);
        const bool ok = writeAll(fds[1], reinterpret_cast<const char *>(&code), sizeof code)
            && writeAll(fds[1], msg.constData(), size_t(msg.size()));
        ::_exit(ok ? 0 : 4);
    }
    ::close(fds[1]);
    QByteArray bytes;
    char buf[4096];
    while (true) {
        const ssize_t n = ::read(fds[0], buf, sizeof buf);
        if (n <= 0)
            break;
        bytes.append(buf, n);
    }
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || bytes.size() < qsizetype(sizeof(int)))
        return {ErrorCode::Internal, QStringLiteral("harness: the unprivileged child failed (status %1)").arg(status)};
    int code = 0;
    std::memcpy(&code, bytes.constData(), sizeof code);
    return {ErrorCode(code), QString::fromUtf8(bytes.mid(sizeof code))};
}

bool openUpDirectory(const QString &dir)
{
    return QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                          | QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                                          | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther);
}

} // namespace vigil::test
