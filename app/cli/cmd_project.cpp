#include "app/cli/cli.h"
#include "core/project.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace vigil::cli {

namespace {

QJsonObject toJson(const ProjectContents &c)
{
    QJsonArray datasets;
    for (const auto &d : c.datasets) {
        datasets.append(QJsonObject{{QStringLiteral("id"), qint64(d.id)}, {QStringLiteral("name"), d.name},
                                    {QStringLiteral("format"), d.format}, {QStringLiteral("source"), d.sourcePath},
                                    {QStringLiteral("rows"), qint64(d.rows)}, {QStringLiteral("bad_lines"), qint64(d.badLines)}});
    }
    QJsonArray models;
    for (const auto &m : c.models)
        models.append(QJsonObject{{QStringLiteral("id"), qint64(m.id)}, {QStringLiteral("name"), m.name}, {QStringLiteral("kind"), m.kind}});
    return QJsonObject{
        {QStringLiteral("path"), c.summary.path},
        {QStringLiteral("schema_version"), c.summary.schemaVersion},
        {QStringLiteral("created_by"), c.summary.createdBy},
        {QStringLiteral("created_at"), c.summary.createdAt.toString(Qt::ISODate)},
        {QStringLiteral("datasets"), datasets},
        {QStringLiteral("models"), models},
        {QStringLiteral("runs"), qint64(c.summary.runs)},
        {QStringLiteral("labels"), qint64(c.summary.labels)},
    };
}

void printText(const ProjectContents &c)
{
    printLine(QStringLiteral("Project   %1").arg(c.summary.path));
    printLine(QStringLiteral("Schema    %1 (created by Vigil %2)").arg(c.summary.schemaVersion).arg(c.summary.createdBy));
    printLine(QStringLiteral("Datasets  %1").arg(c.datasets.size()));
    for (const auto &d : c.datasets)
        printLine(QStringLiteral("  #%1 %2 [%3] %4 rows, %5 bad lines").arg(d.id).arg(d.name, d.format).arg(d.rows).arg(d.badLines));
    printLine(QStringLiteral("Models    %1").arg(c.models.size()));
    for (const auto &m : c.models)
        printLine(QStringLiteral("  #%1 %2 [%3]").arg(m.id).arg(m.name, m.kind));
    printLine(QStringLiteral("Runs      %1").arg(c.summary.runs));
    printLine(QStringLiteral("Labels    %1").arg(c.summary.labels));
}

} // namespace

int runProject(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("create | info"));
    parser.addPositionalArgument(QStringLiteral("path"), QStringLiteral("Project file (*.vigil)."));
    int code = kExitOk;
    if (!parse(parser, args, QStringLiteral("Create a project file or show what it holds."), code))
        return code;
    const bool json = parser.isSet(QStringLiteral("json"));
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2 || (pos[0] != QLatin1String("create") && pos[0] != QLatin1String("info")))
        return reportError({ErrorCode::InvalidArgument, QStringLiteral("usage: vigil-cli project create|info PATH")}, json), kExitUsage;

    auto project = pos[0] == QLatin1String("create") ? Project::create(pos[1]) : Project::open(pos[1]);
    if (!project)
        return reportError(project.error(), json);
    auto contents = (*project)->contents();
    if (!contents)
        return reportError(contents.error(), json);
    if (json)
        printJson(toJson(*contents));
    else
        printText(*contents);
    return kExitOk;
}

} // namespace vigil::cli
