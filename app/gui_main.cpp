// vigil: the analyst's workbench.

#include "app/demo.h"
#include "ml/runtime.h"
#include "ui/jobs/jobrunner.h"
#include "ui/language.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QSettings>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Vigil"));
    QApplication::setApplicationName(QStringLiteral("Vigil"));
    QApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.vigil.Vigil"));
    vigil::ui::installTranslations(app, vigil::ui::uiLocale());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Anomaly-detection workbench for security analysts."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("demo"), QApplication::translate("main", "Open the demo project built from the bundled web-server log.")});
    parser.addOption({QStringLiteral("run"), QApplication::translate("main", "With a project: open its scoring run <id> (0 = the newest)."),
                      QStringLiteral("id"), QString()});
    parser.addOption({QStringLiteral("device"), QApplication::translate("main", "Compute device: auto, cpu or cuda."), QStringLiteral("device"), QString()});
    parser.addOption({QStringLiteral("threads"), QApplication::translate("main", "Intra-op threads (0 = all cores)."), QStringLiteral("n"), QString()});
    parser.addPositionalArgument(QStringLiteral("project"), QApplication::translate("main", "Project file to open (*.vigil)."), QStringLiteral("[project]"));
    parser.process(app);

    QSettings settings;
    const QString deviceText = parser.isSet(QStringLiteral("device")) ? parser.value(QStringLiteral("device"))
                                                                       : settings.value(QStringLiteral("compute/device"), QStringLiteral("auto")).toString();
    const int threads = parser.isSet(QStringLiteral("threads")) ? parser.value(QStringLiteral("threads")).toInt()
                                                                : settings.value(QStringLiteral("compute/threads"), 0).toInt();
    auto pref = vigil::ml::parseDevicePreference(deviceText);
    auto compute = vigil::ml::initRuntime(pref ? *pref : vigil::ml::DevicePreference::Auto, threads);
    if (!compute) {
        QMessageBox::warning(nullptr, QApplication::translate("main", "Vigil"),
                             QApplication::translate("main", "%1\nVigil will use the CPU.").arg(compute.error().message));
        compute = vigil::ml::initRuntime(vigil::ml::DevicePreference::Cpu, threads);
    }

    vigil::ui::MainWindow window(compute ? *compute : vigil::ml::ComputeInfo{});
    window.show();

    if (parser.isSet(QStringLiteral("demo"))) {
        // Building the demo reads and writes files: a job, not the GUI thread.
        window.jobs()->start(
            QApplication::translate("main", "Preparing the demo project"),
            [](vigil::ui::JobContext &ctx) -> vigil::Result<QVariant> {
                auto path = vigil::prepareDemoProject(vigil::demoProjectPath(), [&ctx](const QString &line) { ctx.progress(0, 0, line); });
                if (!path)
                    return tl::unexpected(path.error());
                return QVariant(*path);
            },
            [&window](const vigil::Result<QVariant> &result) {
                if (result) {
                    window.openProject(result->toString());
                    // Open the demo's scoring run as soon as the project snapshot is in.
                    QObject::connect(&window, &vigil::ui::MainWindow::projectOpened, &window, [&window] {
                        window.openLatestRun();
                    }, Qt::SingleShotConnection);
                }
                else
                    QMessageBox::critical(&window, QApplication::translate("main", "Demo"), result.error().message);
            });
    } else if (!parser.positionalArguments().isEmpty()) {
        if (parser.isSet(QStringLiteral("run"))) {
            const qint64 runId = parser.value(QStringLiteral("run")).toLongLong();
            QObject::connect(&window, &vigil::ui::MainWindow::projectOpened, &window, [&window, runId] {
                if (runId > 0)
                    window.openRun(runId);
                else
                    window.openLatestRun();
            }, Qt::SingleShotConnection);
        }
        window.openProject(parser.positionalArguments().constFirst());
    }
    return QApplication::exec();
}
