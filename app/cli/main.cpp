// vigil-cli: the headless face of Vigil; the same core and ml libraries as the workbench.

#include "app/cli/cli.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>

#include <array>
#include <cstdio>
#include <cstring>

namespace {

using vigil::cli::Command;

const std::array kCommands = {
    Command{"info", "Version, LibTorch, compute device and threads", &vigil::cli::runInfo},
    Command{"project", "Create a project file or show what it holds", &vigil::cli::runProject},
    Command{"demo", "Run the bundled demo end to end", &vigil::cli::runDemo},
    Command{"import", "Import logs and data sets into a project", &vigil::cli::runImport},
    Command{"schema", "Infer, print and store a dataset's feature schema", &vigil::cli::runSchema},
    Command{"report", "Write a report (HTML/PDF) or export items (CSV/JSON)", &vigil::cli::runReport},
    Command{"train", "Train an anomaly model or classifier on a dataset", &vigil::cli::runTrain},
    Command{"score", "Score a dataset with a model (writes a run)", &vigil::cli::runScore},
    Command{"rerank", "Re-rank a run from the analyst's labels (supervised classifier)", &vigil::cli::runRerank},
    Command{"evaluate", "Evaluate a run against the dataset labels", &vigil::cli::runEvaluate},
    Command{"label", "Label records (malicious, benign, review)", &vigil::cli::runLabel},
    Command{"case", "Export or import a case bundle", &vigil::cli::runCase},
};

void printUsage(FILE *out)
{
    std::fprintf(out,
                 "Usage: vigil-cli COMMAND [options]\n\n"
                 "Headless Vigil: import logs, train anomaly models, score and report.\n\n"
                 "Commands:\n");
    for (const Command &c : kCommands)
        std::fprintf(out, "  %-10s %s\n", c.name, c.summary);
    std::fprintf(out,
                 "\nOptions:\n"
                 "  -h, --help     Show this help; COMMAND --help shows a command's options.\n"
                 "  -v, --version  Show the version.\n"
                 "\nEvery command accepts --json for machine-readable output. Exit status: 0 success,\n"
                 "1 failure (one line on stderr), 2 usage error.\n");
}

} // namespace

int main(int argc, char **argv)
{
    // PDF reports lay out text, which needs a QGuiApplication; headless it runs offscreen.
    std::unique_ptr<QCoreApplication> app;
    if (argc > 1 && std::strcmp(argv[1], "report") == 0) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setOrganizationName(QStringLiteral("Vigil"));
    QCoreApplication::setApplicationName(QStringLiteral("vigil-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));

    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        printUsage(stderr);
        return vigil::cli::kExitUsage;
    }
    const QString first = args.at(1);
    if (first == QLatin1String("-h") || first == QLatin1String("--help") || first == QLatin1String("help")) {
        printUsage(stdout);
        return vigil::cli::kExitOk;
    }
    if (first == QLatin1String("-v") || first == QLatin1String("--version")) {
        std::printf("vigil-cli %s\n", VIGIL_VERSION);
        return vigil::cli::kExitOk;
    }
    for (const Command &c : kCommands) {
        if (first == QLatin1String(c.name)) {
            QStringList sub = args.mid(2);
            sub.prepend(QStringLiteral("vigil-cli ") + first);
            return c.run(sub);
        }
    }
    std::fprintf(stderr, "vigil-cli: error: unknown command '%s' (see vigil-cli --help)\n", first.toUtf8().constData());
    return vigil::cli::kExitUsage;
}
