#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QStringList>

class QCommandLineParser;

namespace vigil::cli {

/// Exit codes of vigil-cli: scripts branch on them.
enum ExitCode { kExitOk = 0, kExitFailure = 1, kExitUsage = 2 };

/// One subcommand: `vigil-cli NAME …`. \a args starts with "vigil-cli NAME".
struct Command {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &args);
};

/// Adds the options every subcommand shares (--json, --help) and parses; on a usage error it
/// prints one line to stderr and returns false with \a exitCode set.
bool parse(QCommandLineParser &parser, const QStringList &args, const QString &description, int &exitCode);

/// Prints \a object as indented JSON on stdout.
void printJson(const QJsonObject &object);
/// Prints one line on stdout.
void printLine(const QString &line);
/// Reports \a error: one line "vigil-cli: error: …" on stderr, and with --json also a
/// {"error": {"code", "message"}} object on stdout. Returns kExitFailure.
int reportError(const Error &error, bool json);

int runInfo(const QStringList &args);
int runProject(const QStringList &args);
int runDemo(const QStringList &args);
int runSchema(const QStringList &args);
int runImport(const QStringList &args);
int runReport(const QStringList &args);
int runTrain(const QStringList &args);
int runScore(const QStringList &args);
int runRerank(const QStringList &args);
int runEvaluate(const QStringList &args);
int runCase(const QStringList &args);
int runLabel(const QStringList &args);

} // namespace vigil::cli
