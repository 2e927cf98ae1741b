#include "app/cli/cli.h"
#include "app/demo.h"
#include "core/project.h"

#include <QCommandLineParser>
#include <QJsonObject>

namespace vigil::cli {

int runDemo(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("project"), QStringLiteral("Where to write the demo project (default: %1).").arg(demoProjectPath()),
                      QStringLiteral("path"), demoProjectPath()});
    int code = kExitOk;
    if (!parse(parser, args, QStringLiteral("Build the demo project from the bundled web-server log."), code))
        return code;
    const bool json = parser.isSet(QStringLiteral("json"));
    auto result = prepareDemoProject(parser.value(QStringLiteral("project")), [](const QString &line) { printLine(line); });
    if (!result)
        return reportError(result.error(), json);
    auto project = Project::open(*result);
    if (!project)
        return reportError(project.error(), json);
    auto contents = (*project)->contents();
    if (!contents)
        return reportError(contents.error(), json);
    if (json) {
        printJson(QJsonObject{{QStringLiteral("project"), *result},
                              {QStringLiteral("datasets"), qint64(contents->datasets.size())},
                              {QStringLiteral("models"), qint64(contents->models.size())}});
    } else {
        printLine(QStringLiteral("Demo project ready: %1").arg(*result));
        if (!contents->runs.empty()) {
            const qint64 run = contents->runs.front().id;
            printLine(QStringLiteral("Next: vigil %1 --run %2   (the workbench at that run)").arg(*result).arg(run));
            printLine(QStringLiteral("      vigil-cli report --project %1 --run %2 --format pdf -o demo-report.pdf   (the top anomalies as a report)")
                          .arg(*result)
                          .arg(run));
        }
    }
    return kExitOk;
}

} // namespace vigil::cli
