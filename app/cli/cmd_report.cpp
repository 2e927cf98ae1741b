#include "app/cli/cli.h"
#include "core/project.h"
#include "core/report/casebundle.h"
#include "core/report/render.h"
#include "ui/report/pdfreport.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonObject>

namespace vigil::cli {

namespace {

Result<std::int64_t> latestRun(Project &project)
{
    auto id = project.db().scalarInt("SELECT coalesce(max(id), 0) FROM runs");
    if (!id)
        return tl::unexpected(id.error());
    if (*id == 0)
        return fail(ErrorCode::NotFound, QStringLiteral("%1 has no scoring run yet; run `vigil-cli score` first.").arg(project.path()));
    return *id;
}

Result<std::vector<std::int64_t>> parseIds(const QString &text)
{
    std::vector<std::int64_t> ids;
    if (text.trimmed().isEmpty())
        return ids;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 v = part.trimmed().toLongLong(&ok);
        if (!ok || v <= 0)
            return fail(ErrorCode::InvalidArgument, QStringLiteral("'%1' is not a record id (use --records 12,40,41).").arg(part));
        ids.push_back(v);
    }
    return ids;
}

} // namespace

int runReport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("project"), QStringLiteral("Project file."), QStringLiteral("path")});
    parser.addOption({QStringLiteral("run"), QStringLiteral("Scoring run (default: the latest)."), QStringLiteral("id")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("html | pdf (the report), csv | json (labelled or selected items)."),
                      QStringLiteral("format"), QStringLiteral("html")});
    parser.addOption({QStringLiteral("records"), QStringLiteral("csv/json: export exactly these record ids instead of the labelled ones."),
                      QStringLiteral("ids")});
    parser.addOption({QStringLiteral("top"), QStringLiteral("Number of top anomalies in the report."), QStringLiteral("n"), QStringLiteral("25")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Output file."), QStringLiteral("path")});
    int code = kExitOk;
    if (!parse(parser, args, QStringLiteral("Write a report (HTML/PDF) or export items (CSV/JSON) of a scoring run."), code))
        return code;
    const bool json = parser.isSet(QStringLiteral("json"));
    const QString format = parser.value(QStringLiteral("format")).toLower();
    const QString out = parser.value(QStringLiteral("output"));
    if (!parser.isSet(QStringLiteral("project")) || out.isEmpty())
        return reportError({ErrorCode::InvalidArgument, QStringLiteral("usage: vigil-cli report --project P [--run R] --format html|pdf|csv|json -o OUT")}, json), kExitUsage;
    if (format != QLatin1String("html") && format != QLatin1String("pdf") && format != QLatin1String("csv") && format != QLatin1String("json"))
        return reportError({ErrorCode::InvalidArgument, QStringLiteral("Unknown report format '%1'; use html, pdf, csv or json.").arg(format)}, json), kExitUsage;

    auto project = Project::open(parser.value(QStringLiteral("project")));
    if (!project)
        return reportError(project.error(), json);
    std::int64_t runId = parser.value(QStringLiteral("run")).toLongLong();
    if (runId <= 0) {
        auto latest = latestRun(**project);
        if (!latest)
            return reportError(latest.error(), json);
        runId = *latest;
    }

    std::int64_t items = 0;
    Result<void> written;
    if (format == QLatin1String("csv") || format == QLatin1String("json")) {
        auto ids = parseIds(parser.value(QStringLiteral("records")));
        if (!ids)
            return reportError(ids.error(), json);
        auto found = collectItems((*project)->db(), runId, *ids);
        if (!found)
            return reportError(found.error(), json);
        items = std::int64_t(found->size());
        written = writeFileAtomically(out, format == QLatin1String("csv") ? itemsToCsv(*found) : itemsToJson(*found));
    } else {
        ReportOptions options;
        options.topAnomalies = std::max(1, parser.value(QStringLiteral("top")).toInt());
        auto data = collectReport((*project)->db(), runId, options);
        if (!data)
            return reportError(data.error(), json);
        items = std::int64_t(data->topAnomalies.size());
        written = format == QLatin1String("pdf") ? writePdfReport(*data, out) : writeFileAtomically(out, renderHtml(*data).toUtf8());
    }
    if (!written)
        return reportError(written.error(), json);
    if (json)
        printJson(QJsonObject{{QStringLiteral("output"), out}, {QStringLiteral("format"), format}, {QStringLiteral("run"), qint64(runId)},
                              {QStringLiteral("items"), qint64(items)}, {QStringLiteral("bytes"), QFileInfo(out).size()}});
    else
        printLine(QStringLiteral("Wrote %1 (%2, run %3, %4 items, %5 bytes)").arg(out, format).arg(runId).arg(items).arg(QFileInfo(out).size()));
    return kExitOk;
}

int runCase(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("export | import"));
    parser.addOption({QStringLiteral("project"), QStringLiteral("Project file (source for export, destination for import)."), QStringLiteral("path")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("export: the bundle to write."), QStringLiteral("path")});
    parser.addOption({QStringLiteral("bundle"), QStringLiteral("import: the bundle to read."), QStringLiteral("path")});
    int code = kExitOk;
    if (!parse(parser, args, QStringLiteral("Export or import a case bundle: the project's data, schema, models, thresholds, labels and report in one file."), code))
        return code;
    const bool json = parser.isSet(QStringLiteral("json"));
    const QStringList pos = parser.positionalArguments();
    const QString projectPath = parser.value(QStringLiteral("project"));
    if (pos.size() != 1 || projectPath.isEmpty())
        return reportError({ErrorCode::InvalidArgument, QStringLiteral("usage: vigil-cli case export --project P -o CASE | case import --bundle CASE --project P")}, json), kExitUsage;
    if (pos[0] == QLatin1String("export")) {
        const QString out = parser.value(QStringLiteral("output"));
        if (out.isEmpty())
            return reportError({ErrorCode::InvalidArgument, QStringLiteral("case export needs -o FILE")}, json), kExitUsage;
        auto project = Project::open(projectPath);
        if (!project)
            return reportError(project.error(), json);
        QString html;
        if (auto latest = latestRun(**project)) {
            auto data = collectReport((*project)->db(), *latest);
            if (data)
                html = renderHtml(*data);
        }
        if (auto r = exportCase(**project, out, html); !r)
            return reportError(r.error(), json);
        if (json)
            printJson(QJsonObject{{QStringLiteral("bundle"), out}, {QStringLiteral("bytes"), QFileInfo(out).size()}});
        else
            printLine(QStringLiteral("Wrote case bundle %1 (%2 bytes)").arg(out).arg(QFileInfo(out).size()));
        return kExitOk;
    }
    if (pos[0] == QLatin1String("import")) {
        const QString bundle = parser.value(QStringLiteral("bundle"));
        if (bundle.isEmpty())
            return reportError({ErrorCode::InvalidArgument, QStringLiteral("case import needs --bundle FILE")}, json), kExitUsage;
        if (auto r = importCase(bundle, projectPath); !r)
            return reportError(r.error(), json);
        if (json)
            printJson(QJsonObject{{QStringLiteral("project"), projectPath}});
        else
            printLine(QStringLiteral("Imported case into %1").arg(projectPath));
        return kExitOk;
    }
    return reportError({ErrorCode::InvalidArgument, QStringLiteral("Unknown case action '%1'; use export or import.").arg(pos[0])}, json), kExitUsage;
}

} // namespace vigil::cli
