#include "app/cli/cli.h"
#include "core/project.h"
#include "core/schema/schema.h"

#include "core/store/datasetstore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace vigil::cli {

namespace {

double missingPercent(const ColumnSpec &c)
{
    return c.rows > 0 ? 100.0 * double(c.missing) / double(c.rows) : 0.0;
}

QJsonObject columnJson(const ColumnSpec &c)
{
    QJsonArray top;
    for (const auto &[value, count] : c.topValues)
        top.append(QJsonObject{{QStringLiteral("value"), value}, {QStringLiteral("count"), qint64(count)}});
    QJsonObject o{
        {QStringLiteral("name"), c.name},
        {QStringLiteral("type"), kindName(c.kind)},
        {QStringLiteral("role"), roleName(c.role)},
        {QStringLiteral("encoding"), encodingName(c.encoding)},
        {QStringLiteral("cardinality"), qint64(c.cardinality)},
        {QStringLiteral("width"), c.width()},
        {QStringLiteral("missing"), qint64(c.missing)},
        {QStringLiteral("missing_percent"), missingPercent(c)},
        {QStringLiteral("top_values"), top},
    };
    if (c.encoding == Encoding::Numeric)
        o.insert(QStringLiteral("transform"), transformName(c.transform));
    if (c.encoding == Encoding::OneHot || c.encoding == Encoding::IpParts) {
        o.insert(QStringLiteral("top_k"), c.topK);
        o.insert(QStringLiteral("min_frequency"), qint64(c.minFrequency));
        o.insert(QStringLiteral("other"), c.hasOther);
    }
    if (c.encoding == Encoding::IpParts) {
        o.insert(QStringLiteral("geo"), c.geo);
        if (c.geo)
            o.insert(QStringLiteral("countries"), QJsonArray::fromStringList(c.countries));
        o.insert(QStringLiteral("geo_note"), c.geoNote);
    }
    if (c.nonFinite > 0)
        o.insert(QStringLiteral("non_finite"), qint64(c.nonFinite));
    return o;
}

QString encodingText(const ColumnSpec &c)
{
    switch (c.encoding) {
    case Encoding::Numeric:
        return transformName(c.transform);
    case Encoding::OneHot:
    case Encoding::IpParts:
        return encodingName(c.encoding) + (c.hasOther ? QStringLiteral("+OTHER") : QString());
    default:
        return encodingName(c.encoding);
    }
}

void printText(const FeatureSchema &schema, std::int64_t datasetId, std::int64_t schemaId, std::int64_t datasetRows)
{
    const std::int64_t fitted = schema.columns.empty() ? 0 : schema.columns.front().rows;
    const QString profile = schema.profile.isEmpty() ? QStringLiteral("(inferred)") : schema.profile;
    if (fitted < datasetRows)
        printLine(QStringLiteral("Dataset %1, profile %2, %3 rows; fitted on a uniform sample of %4 of them (what training uses), "
                                 "so counts below are the sample's")
                      .arg(datasetId).arg(profile).arg(datasetRows).arg(fitted));
    else
        printLine(QStringLiteral("Dataset %1, profile %2, %3 rows").arg(datasetId).arg(profile).arg(datasetRows));
    printLine(QStringLiteral("%1 %2 %3 %4 %5 %6 %7  %8")
                  .arg(QStringLiteral("column"), -28)
                  .arg(QStringLiteral("type"), -11)
                  .arg(QStringLiteral("role"), -10)
                  .arg(QStringLiteral("encoding"), -22)
                  .arg(QStringLiteral("distinct"), 8)
                  .arg(QStringLiteral("width"), 5)
                  .arg(QStringLiteral("missing"), 7)
                  .arg(QStringLiteral("top values")));
    for (const auto &c : schema.columns) {
        QStringList top;
        for (const auto &[value, count] : c.topValues) {
            QString v = value.left(24);
            v.replace(QLatin1Char('\n'), QLatin1Char(' '));
            top << QStringLiteral("%1 (%2)").arg(v).arg(count);
            if (top.size() == 5)
                break;
        }
        printLine(QStringLiteral("%1 %2 %3 %4 %5 %6 %7%  %8")
                      .arg(c.name.left(28), -28)
                      .arg(kindName(c.kind), -11)
                      .arg(roleName(c.role), -10)
                      .arg(encodingText(c), -22)
                      .arg(c.cardinality, 8)
                      .arg(c.width(), 5)
                      .arg(missingPercent(c), 6, 'f', 1)
                      .arg(top.join(QStringLiteral(", "))));
        if (c.encoding == Encoding::IpParts && !c.geoNote.isEmpty())
            printLine(QStringLiteral("    %1: %2").arg(c.name, c.geoNote));
    }
    printLine(QStringLiteral("Total width %1 features; stored as schema #%2").arg(schema.width()).arg(schemaId));
}

QJsonObject explanationJson(const RowExplanation &e, std::int64_t row)
{
    QJsonArray blocks, nonZero;
    for (const auto &b : e.blocks) {
        QJsonObject o{{QStringLiteral("block"), b.block}, {QStringLiteral("feature"), b.active}};
        if (b.oneHot)
            o.insert(QStringLiteral("bits"), b.bits);
        else
            o.insert(QStringLiteral("value"), double(b.value));
        blocks.append(o);
    }
    for (const auto &f : e.nonZero)
        nonZero.append(QJsonObject{{QStringLiteral("index"), f.index}, {QStringLiteral("name"), f.name}, {QStringLiteral("value"), double(f.value)}});
    return QJsonObject{{QStringLiteral("row"), qint64(row)}, {QStringLiteral("record_id"), qint64(e.recordId)},
                       {QStringLiteral("blocks"), blocks}, {QStringLiteral("non_zero"), nonZero}};
}

void printExplanation(const RowExplanation &e, std::int64_t row)
{
    printLine(QStringLiteral("Record %1 (id %2): %3 non-zero features").arg(row).arg(e.recordId).arg(e.nonZero.size()));
    for (const auto &b : e.blocks) {
        if (b.oneHot)
            printLine(QStringLiteral("  %1 → %2").arg(b.active.isEmpty() ? b.block + QStringLiteral("=(none)") : b.active, b.bits));
        else
            printLine(QStringLiteral("  %1 = %2").arg(b.active).arg(double(b.value), 0, 'g', 6));
    }
}

} // namespace

int runSchema(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("project"), QStringLiteral("Project file (*.vigil)."), QStringLiteral("path")});
    parser.addOption({QStringLiteral("dataset"), QStringLiteral("Dataset id (see `vigil-cli project info`)."), QStringLiteral("id")});
    parser.addOption({QStringLiteral("profile"), QStringLiteral("Encoding profile: nslkdd, kdd99 (default: inferred from the columns)."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("top-k"), QStringLiteral("Keep at most N categories per one-hot column (default 100; 0 = all)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("record"), QStringLiteral("Also show record N (1-based row) encoded: every block and every non-zero feature."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("min-frequency"), QStringLiteral("Categories seen fewer than N times go to OTHER (default 1)."), QStringLiteral("N")});
    int code = kExitOk;
    if (!parse(parser, args, QStringLiteral("Infer and fit the feature schema of a dataset, print it, and store it in the project."), code))
        return code;
    const bool json = parser.isSet(QStringLiteral("json"));
    bool ok = false;
    const std::int64_t datasetId = parser.value(QStringLiteral("dataset")).toLongLong(&ok);
    if (!parser.isSet(QStringLiteral("project")) || !ok || datasetId <= 0)
        return reportError({ErrorCode::InvalidArgument, QStringLiteral("usage: vigil-cli schema --project P --dataset ID [--profile nslkdd] [--json]")}, json), kExitUsage;
    SchemaOptions options;
    options.profile = parser.value(QStringLiteral("profile"));
    if (!options.profile.isEmpty() && options.profile != QLatin1String("nslkdd") && options.profile != QLatin1String("kdd99"))
        return reportError({ErrorCode::InvalidArgument, QStringLiteral("unknown profile '%1' (known: nslkdd, kdd99)").arg(options.profile)}, json), kExitUsage;
    if (parser.isSet(QStringLiteral("top-k"))) {
        options.topK = parser.value(QStringLiteral("top-k")).toInt(&ok);
        if (!ok || options.topK < 0)
            return reportError({ErrorCode::InvalidArgument, QStringLiteral("--top-k needs a number >= 0")}, json), kExitUsage;
    }
    if (parser.isSet(QStringLiteral("min-frequency"))) {
        options.minFrequency = parser.value(QStringLiteral("min-frequency")).toLongLong(&ok);
        if (!ok || options.minFrequency < 1)
            return reportError({ErrorCode::InvalidArgument, QStringLiteral("--min-frequency needs a number >= 1")}, json), kExitUsage;
    }

    std::int64_t record = 0;
    if (parser.isSet(QStringLiteral("record"))) {
        record = parser.value(QStringLiteral("record")).toLongLong(&ok);
        if (!ok || record < 1)
            return reportError({ErrorCode::InvalidArgument, QStringLiteral("--record needs a row number >= 1")}, json), kExitUsage;
    }

    auto project = Project::open(parser.value(QStringLiteral("project")));
    if (!project)
        return reportError(project.error(), json);
    // A data set of millions of records is fitted on the sample training would use, so the
    // memory this takes does not grow with the data.
    std::int64_t datasetRows = 0;
    auto table = loadSchemaRows((*project)->db(), datasetId, kDefaultSampleRows, 0, {}, &datasetRows);
    if (!table)
        return reportError(table.error(), json);
    auto schema = inferSchema(*table, options);
    if (!schema)
        return reportError(schema.error(), json);
    std::optional<RowExplanation> explained;
    if (record > 0) {
        if (record > datasetRows)
            return reportError({ErrorCode::InvalidArgument, QStringLiteral("--record %1 is past the last row (%2)").arg(record).arg(datasetRows)}, json);
        // Records are numbered 1… in import order, so row N is record id N.
        TableSlice one;
        one.recordIds = {record};
        auto row = loadTableSlice((*project)->db(), datasetId, one);
        if (!row)
            return reportError(row.error(), json);
        if (row->rowCount() != 1)
            return reportError({ErrorCode::Corrupt, QStringLiteral("Dataset %1 has no record %2; the project is damaged.").arg(datasetId).arg(record)}, json);
        auto m = encodeRows(*schema, *row, 0, 1);
        if (!m)
            return reportError(m.error(), json);
        auto e = explain(*schema, *m, 0);
        if (!e)
            return reportError(e.error(), json);
        explained = std::move(*e);
    }
    auto schemaId = saveSchema(**project, datasetId, *schema);
    if (!schemaId)
        return reportError(schemaId.error(), json);
    if (json) {
        QJsonArray cols;
        for (const auto &c : schema->columns)
            cols.append(columnJson(c));
        QJsonObject out{{QStringLiteral("dataset"), qint64(datasetId)},
                        {QStringLiteral("schema_id"), qint64(*schemaId)},
                        {QStringLiteral("profile"), schema->profile},
                        {QStringLiteral("rows"), qint64(datasetRows)},
                        {QStringLiteral("fitted_rows"), qint64(table->rowCount())},
                        {QStringLiteral("width"), schema->width()},
                        {QStringLiteral("columns"), cols}};
        if (explained)
            out.insert(QStringLiteral("record"), explanationJson(*explained, record));
        printJson(out);
    } else {
        printText(*schema, datasetId, *schemaId, datasetRows);
        if (explained)
            printExplanation(*explained, record);
    }
    return kExitOk;
}

} // namespace vigil::cli
