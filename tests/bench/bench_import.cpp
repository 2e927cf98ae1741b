// bench_import: import throughput and memory (issue 3). Prints figures; never a test.
//
//   bench_import [--log FILE] [--lines N] [--no-goaccess] [--keep]
//
// 1. Generates the nginx benchmark log with ../shared/bench/gen_nginx.py when FILE is missing.
// 2. read: parse + derive only (the streaming reader, nothing stored).
// 3. import: parse + derive + store into a fresh project (importFile), and the peak RSS.
// 4. GoAccess 1.7 on the same file, when `goaccess` is installed (the anchor).
// 5. NSL-KDD: readTable of KDDTrain+ and KDDTest+ (rows/s).

#include "core/io/reader.h"
#include "core/project.h"
#include "core/store/datasetstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <cstdio>

using namespace vigil;

namespace {

double peakRssMb()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_maxrss) / 1024.0; // Linux: kilobytes
}

/// User + system CPU seconds of this process so far: under a loaded machine wall time says
/// little, CPU time says what the work costs.
double cpuSeconds()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

double childCpuSeconds()
{
    rusage ru{};
    getrusage(RUSAGE_CHILDREN, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

void line(const char *fmt, auto... args)
{
    std::printf(fmt, args...);
    std::printf("\n");
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    QString log = QStringLiteral("/tmp/nginx1m.log");
    qint64 lines = 1000000;
    bool goaccess = true, keep = false;
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--log") && i + 1 < args.size())
            log = args[++i];
        else if (args[i] == QLatin1String("--lines") && i + 1 < args.size())
            lines = args[++i].toLongLong();
        else if (args[i] == QLatin1String("--no-goaccess"))
            goaccess = false;
        else if (args[i] == QLatin1String("--keep"))
            keep = true;
    }
    const QString shared = QStringLiteral(VIGIL_SHARED_DIR);
    if (!QFileInfo::exists(log)) {
        line("generating %s (%lld lines) with gen_nginx.py …", qPrintable(log), lines);
        const int rc = QProcess::execute(QStringLiteral("/usr/bin/python3"),
                                         {shared + QStringLiteral("/bench/gen_nginx.py"), QStringLiteral("-n"),
                                          QString::number(lines), QStringLiteral("-o"), log});
        if (rc != 0) {
            line("error: gen_nginx.py failed (%d)", rc);
            return 1;
        }
    }
    const double mb = double(QFileInfo(log).size()) / 1e6;
    line("file: %s (%.1f MB)", qPrintable(log), mb);

    qint64 fileLines = lines;
    // --- read: parse + derive ---
    {
        QElapsedTimer t;
        t.start();
        const double cpu0 = cpuSeconds();
        auto reader = io::openReader(log, ReadOptions{});
        if (!reader) {
            line("error: %s", qPrintable(reader.error().message));
            return 1;
        }
        io::RowBuffer row;
        row.resize((*reader)->fields().size());
        qint64 n = 0;
        while (true) {
            auto more = (*reader)->next(row);
            if (!more || !*more)
                break;
            ++n;
        }
        const double s = double(t.nsecsElapsed()) / 1e9;
        const auto &rep = (*reader)->report();
        fileLines = rep.lines;
        const double cpu = cpuSeconds() - cpu0;
        line("read   (parse+derive, no store): %lld lines, %lld rows, %lld bad in %.2f s = %.0f lines/s (%.0f MB/s); "
             "CPU %.2f s = %.0f lines per CPU-second; peak RSS %.0f MB",
             qlonglong(rep.lines), qlonglong(n), qlonglong(rep.badLines), s, double(rep.lines) / s, mb / s, cpu,
             double(rep.lines) / cpu, peakRssMb());
    }

    // --- import: parse + derive + store ---
    QTemporaryDir dir;
    const QString projectPath = dir.filePath(QStringLiteral("bench.vigil"));
    {
        auto project = Project::create(projectPath);
        if (!project) {
            line("error: %s", qPrintable(project.error().message));
            return 1;
        }
        QElapsedTimer t;
        t.start();
        const double cpu0 = cpuSeconds();
        auto r = importFile(**project, log, ReadOptions{});
        const double s = double(t.nsecsElapsed()) / 1e9;
        const double cpu = cpuSeconds() - cpu0;
        if (!r) {
            line("error: %s", qPrintable(r.error().message));
            return 1;
        }
        line("import (parse+derive+store):     %lld lines, %lld rows, %lld bad in %.2f s = %.0f lines/s; "
             "CPU %.2f s = %.0f lines per CPU-second; peak RSS %.0f MB; project %.0f MB",
             qlonglong(r->report.lines), qlonglong(r->report.rows), qlonglong(r->report.badLines), s,
             double(r->report.lines) / s, cpu, double(r->report.lines) / cpu, peakRssMb(),
             double(QFileInfo(projectPath).size()) / 1e6);
        if (keep) {
            dir.setAutoRemove(false);
            line("project kept at %s", qPrintable(projectPath));
        }
    }

    // --- GoAccess anchor ---
    const QString ga = QStandardPaths::findExecutable(QStringLiteral("goaccess"));
    if (goaccess && !ga.isEmpty()) {
        QProcess p;
        p.setProgram(ga);
        p.setArguments({log, QStringLiteral("--log-format=COMBINED"), QStringLiteral("--no-global-config"),
                        QStringLiteral("-o"), dir.filePath(QStringLiteral("goaccess.json"))});
        p.setStandardOutputFile(QProcess::nullDevice());
        p.setStandardErrorFile(QProcess::nullDevice()); // its progress meter
        QElapsedTimer t;
        t.start();
        const double cpu0 = childCpuSeconds();
        p.start();
        p.waitForFinished(-1);
        const double s = double(t.nsecsElapsed()) / 1e9;
        const double cpu = childCpuSeconds() - cpu0;
        line("goaccess (%s --log-format=COMBINED --no-global-config -o out.json): exit %d in %.2f s = %.0f lines/s; "
             "CPU %.2f s = %.0f lines per CPU-second",
             qPrintable(ga), p.exitCode(), s, double(fileLines) / s, cpu, double(fileLines) / cpu);
    } else if (goaccess) {
        line("goaccess: not installed (apt-get install goaccess) — anchor from the issue: 77k lines/s");
    }

    // --- NSL-KDD ---
    for (const char *f : {"KDDTrain+.txt.gz", "KDDTest+.txt.gz"}) {
        const QString path = shared + QStringLiteral("/data/nsl-kdd/") + QString::fromLatin1(f);
        if (!QFileInfo::exists(path)) {
            line("nsl-kdd: %s absent, skipped", f);
            continue;
        }
        QElapsedTimer t;
        t.start();
        ImportReport rep;
        auto table = readTable(path, ReadOptions{}, {}, &rep);
        const double s = double(t.nsecsElapsed()) / 1e9;
        if (!table) {
            line("error: %s", qPrintable(table.error().message));
            return 1;
        }
        line("nsl-kdd readTable %s [%s]: %lld rows x %zu cols in %.3f s = %.0f rows/s",
             f, qPrintable(rep.format), qlonglong(table->rowCount()), table->columns.size(), s, double(table->rowCount()) / s);
    }
    return 0;
}
