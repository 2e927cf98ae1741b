#include "app/cli/cli.h"

#include <QCommandLineParser>
#include <QJsonDocument>

#include <cstdio>

namespace vigil::cli {

bool parse(QCommandLineParser &parser, const QStringList &args, const QString &description, int &exitCode)
{
    parser.setApplicationDescription(description);
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print machine-readable JSON on stdout.")});
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(args)) {
        std::fprintf(stderr, "vigil-cli: error: %s\n", qPrintable(parser.errorText()));
        exitCode = kExitUsage;
        return false;
    }
    if (parser.isSet(help)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        exitCode = kExitOk;
        return false;
    }
    return true;
}

void printJson(const QJsonObject &object)
{
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printLine(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

int reportError(const Error &error, bool json)
{
    QString oneLine = error.message;
    oneLine.replace(QLatin1Char('\n'), QLatin1Char(' '));
    std::fprintf(stderr, "vigil-cli: error: %s\n", oneLine.toUtf8().constData());
    if (json) {
        printJson(QJsonObject{{QStringLiteral("error"),
                               QJsonObject{{QStringLiteral("code"), QString::fromLatin1(errorCodeName(error.code))},
                                           {QStringLiteral("message"), error.message}}}});
    }
    return kExitFailure;
}

} // namespace vigil::cli
