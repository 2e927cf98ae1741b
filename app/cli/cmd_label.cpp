#include "app/cli/cli.h"
#include "core/labels/labelstore.h"
#include "core/project.h"
#include "core/store/datasetstore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

namespace vigil::cli {

namespace {

/// Rows of dataset \a datasetId: importFile numbers records 1…row_count, so a record id outside
/// that range names nothing. An unknown data set is reported with where to look.
Result<std::int64_t> datasetRows(sql::Database &db, std::int64_t datasetId)
{
    auto rows = datasetRowCount(db, datasetId);
    if (!rows && rows.error().code == ErrorCode::NotFound)
        return fail(ErrorCode::NotFound, QStringLiteral("Dataset %1 does not exist in %2 (see `vigil-cli project info`).")
                                             .arg(datasetId).arg(db.path()));
    return rows;
}

} // namespace

int runLabel(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("records"), QStringLiteral("Record ids to label (also --record)."), QStringLiteral("[ID…]"));
    parser.addOption({QStringLiteral("project"), QStringLiteral("Project file (*.vigil)."), QStringLiteral("path")});
    parser.addOption({QStringLiteral("dataset"), QStringLiteral("Dataset id the records belong to."), QStringLiteral("id")});
    parser.addOption({QStringLiteral("record"), QStringLiteral("A record id (repeatable)."), QStringLiteral("id")});
    parser.addOption({QStringLiteral("label"), QStringLiteral("malicious, benign or review."), QStringLiteral("value")});
    parser.addOption({QStringLiteral("tag"), QStringLiteral("A tag (repeatable; replaces the records' tags)."), QStringLiteral("text")});
    parser.addOption({QStringLiteral("note"), QStringLiteral("A note (replaces the records' notes)."), QStringLiteral("text")});
    parser.addOption({QStringLiteral("each"),
                      QStringLiteral("Commit each record in its own transaction and print \"labelled ID\" once it is committed "
                                     "(default: all records in one transaction).")});
    int code = kExitOk;
    if (!parse(parser, args, QStringLiteral("Label records of a dataset (the triage verdicts, from scripts)."), code))
        return code;
    const bool json = parser.isSet(QStringLiteral("json"));
    const QString usage = QStringLiteral("usage: vigil-cli label --project P --dataset D --label malicious|benign|review "
                                         "[--tag T]… [--note N] [--each] (--record ID | ID)…");
    bool ok = false;
    const std::int64_t datasetId = parser.value(QStringLiteral("dataset")).toLongLong(&ok);
    const QStringList records = parser.values(QStringLiteral("record")) + parser.positionalArguments();
    if (!parser.isSet(QStringLiteral("project")) || !ok || datasetId <= 0 || records.isEmpty() || !parser.isSet(QStringLiteral("label")))
        return reportError({ErrorCode::InvalidArgument, usage}, json), kExitUsage;
    const auto value = labelValueFromName(parser.value(QStringLiteral("label")));
    if (!value || *value == LabelValue::None)
        return reportError({ErrorCode::InvalidArgument, QStringLiteral("--label must be malicious, benign or review, not '%1'")
                                                            .arg(parser.value(QStringLiteral("label")))}, json), kExitUsage;

    auto project = Project::open(parser.value(QStringLiteral("project")));
    if (!project)
        return reportError(project.error(), json);
    auto rows = datasetRows((*project)->db(), datasetId);
    if (!rows)
        return reportError(rows.error(), json);
    QStringList keys;
    for (const QString &r : records) {
        const std::int64_t id = r.toLongLong(&ok);
        if (!ok || id < 1 || id > *rows)
            return reportError({ErrorCode::NotFound, QStringLiteral("Record '%1' is not in dataset %2 (its records are 1…%3).")
                                                         .arg(r).arg(datasetId).arg(*rows)}, json);
        keys.append(QString::number(id));
    }

    LabelUpdate update;
    update.label = *value;
    if (parser.isSet(QStringLiteral("tag")))
        update.tags = parser.values(QStringLiteral("tag")).join(QLatin1Char(','));
    if (parser.isSet(QStringLiteral("note")))
        update.note = parser.value(QStringLiteral("note"));

    LabelStore store(**project);
    QJsonArray changed;
    const auto apply = [&](const QStringList &batch) -> Result<void> {
        auto edit = store.apply(datasetId, LabelScope::Record, batch, update);
        if (!edit)
            return tl::unexpected(edit.error());
        for (const auto &item : edit->items)
            changed.append(item.key);
        return {};
    };
    if (parser.isSet(QStringLiteral("each"))) {
        for (const QString &key : keys) {
            if (auto r = apply({key}); !r)
                return reportError(r.error(), json);
            // Printed only after the commit returned, and flushed: a caller that sees the line
            // may rely on the label being stored (the kill -9 test does).
            if (!json) {
                printLine(QStringLiteral("labelled %1").arg(key));
                std::fflush(stdout);
            }
        }
    } else {
        for (qsizetype at = 0; at < keys.size(); at += LabelStore::kMaxBatch) {
            if (auto r = apply(keys.mid(at, LabelStore::kMaxBatch)); !r)
                return reportError(r.error(), json);
        }
    }
    if (json)
        printJson(QJsonObject{{QStringLiteral("dataset"), qint64(datasetId)},
                              {QStringLiteral("label"), labelValueName(*value)},
                              {QStringLiteral("records"), qint64(keys.size())},
                              {QStringLiteral("changed"), changed}});
    else
        printLine(QStringLiteral("%1 record(s) of dataset %2 labelled %3 (%4 changed)")
                      .arg(keys.size()).arg(datasetId).arg(labelValueName(*value)).arg(changed.size()));
    return kExitOk;
}

} // namespace vigil::cli
