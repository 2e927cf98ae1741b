#include "app/cli/cli.h"
#include "app/cli/mlcommon.h"
#include "ml/pipeline.h"

#include <QCommandLineParser>
#include <QJsonObject>

namespace vigil::cli {

int runEvaluate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("project"), QStringLiteral("Project file (*.vigil)."), QStringLiteral("path")});
    parser.addOption({QStringLiteral("run"), QStringLiteral("Run id (from `vigil-cli score`)."), QStringLiteral("id")});
    int code = kExitOk;
    if (!parse(parser, args, QStringLiteral("Evaluate a run against the dataset's label column: AUROC, AP, rates at the calibrated thresholds and read off the ROC, confusion matrix, per-class and per-family detection; --json adds the ROC and precision/recall curves."), code))
        return code;
    const bool json = parser.isSet(QStringLiteral("json"));
    std::int64_t runId = 0;
    if (!parser.isSet(QStringLiteral("project")) || !mlcli::idOption(parser, QStringLiteral("run"), runId))
        return reportError({ErrorCode::InvalidArgument, QStringLiteral("usage: vigil-cli evaluate --project P --run R [--json]")}, json), kExitUsage;

    auto figures = vigil::ml::evaluateRun(parser.value(QStringLiteral("project")), runId);
    if (!figures)
        return reportError(figures.error(), json);
    if (json) {
        printJson(*figures);
        return kExitOk;
    }
    printLine(QStringLiteral("Run #%1: %2 labelled rows").arg(runId).arg(qint64(figures->value(QStringLiteral("rows")).toDouble())));
    mlcli::printEvaluation(*figures);
    return kExitOk;
}

} // namespace vigil::cli
