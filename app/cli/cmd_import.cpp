#include "app/cli/cli.h"
#include "core/project.h"
#include "core/store/datasetstore.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

namespace vigil::cli {

namespace {

QString printable(const QByteArray &raw)
{
    // Log excerpts are attacker-controlled: never send control bytes to the terminal.
    QString s = QString::fromLatin1(raw);
    for (QChar &c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = QChar(0xB7);
    }
    return s;
}

QJsonObject toJson(const QString &path, const ImportResult &r)
{
    QJsonObject o = r.report.toJson();
    o.insert(QStringLiteral("file"), path);
    o.insert(QStringLiteral("dataset_id"), qint64(r.datasetId));
    o.insert(QStringLiteral("name"), r.name);
    o.insert(QStringLiteral("table"), r.tableName);
    o.insert(QStringLiteral("content_hash"), r.contentHash);
    o.insert(QStringLiteral("already_imported"), r.alreadyImported);
    return o;
}

void printText(const QString &path, const ImportResult &r)
{
    const ImportReport &rep = r.report;
    printLine(QStringLiteral("%1").arg(path));
    if (r.alreadyImported)
        printLine(QStringLiteral("  already imported as dataset #%1 \"%2\" (same content, same options); nothing stored")
                      .arg(r.datasetId).arg(r.name));
    else
        printLine(QStringLiteral("  dataset #%1 \"%2\" (%3)").arg(r.datasetId).arg(r.name, r.tableName));
    printLine(QStringLiteral("  format       %1").arg(rep.format));
    printLine(QStringLiteral("  lines read   %1").arg(rep.lines));
    printLine(QStringLiteral("  rows stored  %1").arg(rep.rows));
    printLine(QStringLiteral("  bad lines    %1").arg(rep.badLines));
    for (auto it = rep.badByReason.cbegin(); it != rep.badByReason.cend(); ++it) {
        printLine(QStringLiteral("    %1 × %2").arg(it.value()).arg(it.key()));
        int shown = 0;
        for (const ImportReport::Bad &b : rep.examples) {
            if (b.reason != it.key() || ++shown > 3)
                continue;
            printLine(QStringLiteral("      line %1: %2").arg(b.line).arg(printable(b.excerpt.left(120))));
        }
    }
    for (const QString &n : rep.notes)
        printLine(QStringLiteral("  note: %1").arg(n));
}

} // namespace

int runImport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Log or data files (plain or gzip)."), QStringLiteral("FILE…"));
    parser.addOption({QStringLiteral("project"), QStringLiteral("Project file; created when missing."), QStringLiteral("P")});
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("One of: %1 (default auto).").arg(formatNames().join(QStringLiteral(", "))),
                      QStringLiteral("F"), QStringLiteral("auto")});
    parser.addOption({QStringLiteral("log-format"), QStringLiteral("nginx log_format string (implies --format nginx)."), QStringLiteral("STR")});
    parser.addOption({QStringLiteral("name"), QStringLiteral("Dataset name (default: the file name)."), QStringLiteral("N")});
    int code = kExitOk;
    if (!parse(parser, args, QStringLiteral("Import logs and data sets into a project."), code))
        return code;
    const bool json = parser.isSet(QStringLiteral("json"));
    const QStringList files = parser.positionalArguments();
    const QString projectPath = parser.value(QStringLiteral("project"));
    if (files.isEmpty() || projectPath.isEmpty())
        return reportError({ErrorCode::InvalidArgument, QStringLiteral("usage: vigil-cli import FILE… --project P [--format F]")}, json),
               kExitUsage;

    ReadOptions options;
    options.format = parser.value(QStringLiteral("format"));
    options.logFormat = parser.value(QStringLiteral("log-format"));
    if (!options.logFormat.isEmpty() && (options.format == QLatin1String("auto")))
        options.format = QStringLiteral("nginx");
    if (!formatNames().contains(options.format))
        return reportError({ErrorCode::InvalidArgument, QStringLiteral("unknown --format '%1'; use one of: %2")
                                                            .arg(options.format, formatNames().join(QStringLiteral(", ")))}, json),
               kExitUsage;
    if (files.size() > 1 && parser.isSet(QStringLiteral("name")))
        return reportError({ErrorCode::InvalidArgument, QStringLiteral("--name needs exactly one FILE")}, json), kExitUsage;
    options.datasetName = parser.value(QStringLiteral("name"));

    auto project = QFileInfo::exists(projectPath) ? Project::open(projectPath) : Project::create(projectPath);
    if (!project)
        return reportError(project.error(), json);

    QJsonArray results;
    for (const QString &file : files) {
        auto r = importFile(**project, file, options);
        if (!r) {
            Error e = r.error();
            e.message = QStringLiteral("importing %1: %2").arg(file, e.message);
            return reportError(e, json);
        }
        if (json)
            results.append(toJson(file, *r));
        else
            printText(file, *r);
    }
    if (json)
        printJson(QJsonObject{{QStringLiteral("project"), projectPath}, {QStringLiteral("imports"), results}});
    return kExitOk;
}

} // namespace vigil::cli
