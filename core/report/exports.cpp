#include "core/report/escape.h"
#include "core/report/render.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <set>

namespace vigil {

QByteArray itemsToCsv(const std::vector<Finding> &items)
{
    // One header for all rows: the union of field names in first-seen order.
    QStringList fieldNames;
    std::set<QString> seen;
    for (const auto &f : items) {
        for (const auto &kv : f.fields) {
            if (seen.insert(kv.first).second)
                fieldNames << kv.first;
        }
    }
    QStringList head{QStringLiteral("record_id"), QStringLiteral("score"), QStringLiteral("severity"), QStringLiteral("cluster"),
                     QStringLiteral("label"), QStringLiteral("tags"), QStringLiteral("note")};
    QString out = csvRow(head + fieldNames) + QStringLiteral("\r\n");
    for (const auto &f : items) {
        QStringList row{QString::number(f.recordId), QString::number(f.score, 'g', 8), QString::number(f.severity),
                        QString::number(f.cluster), f.label, f.tags, f.note};
        for (const QString &name : fieldNames) {
            QString value;
            for (const auto &kv : f.fields) {
                if (kv.first == name) {
                    value = kv.second;
                    break;
                }
            }
            row << value;
        }
        out += csvRow(row) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

QByteArray itemsToJson(const std::vector<Finding> &items)
{
    QJsonArray arr;
    for (const auto &f : items) {
        QJsonObject fields;
        for (const auto &kv : f.fields)
            fields.insert(kv.first, kv.second);
        QJsonArray feats;
        for (const auto &kv : f.topFeatures)
            feats.append(QJsonObject{{QStringLiteral("feature"), kv.first}, {QStringLiteral("contribution"), kv.second}});
        arr.append(QJsonObject{{QStringLiteral("record_id"), qint64(f.recordId)},
                               {QStringLiteral("score"), f.score},
                               {QStringLiteral("severity"), f.severity},
                               {QStringLiteral("cluster"), f.cluster},
                               {QStringLiteral("label"), f.label},
                               {QStringLiteral("tags"), f.tags},
                               {QStringLiteral("note"), f.note},
                               {QStringLiteral("fields"), fields},
                               {QStringLiteral("top_features"), feats}});
    }
    return QJsonDocument(arr).toJson(QJsonDocument::Indented);
}

QByteArray reportToJson(const ReportData &d)
{
    QJsonArray hist;
    for (const auto &b : d.histogram)
        hist.append(QJsonObject{{QStringLiteral("lo"), b.lo}, {QStringLiteral("hi"), b.hi}, {QStringLiteral("count"), qint64(b.count)}});
    QJsonArray timeline;
    for (const auto &b : d.timeline)
        timeline.append(QJsonObject{{QStringLiteral("start"), b.start}, {QStringLiteral("end"), b.end},
                                    {QStringLiteral("events"), qint64(b.events)}, {QStringLiteral("alerts"), qint64(b.alerts)}});
    QJsonArray clusters;
    for (const auto &c : d.clusters)
        clusters.append(QJsonObject{{QStringLiteral("id"), c.id}, {QStringLiteral("size"), qint64(c.size)},
                                    {QStringLiteral("min_score"), c.minScore}, {QStringLiteral("mean_score"), c.meanScore},
                                    {QStringLiteral("max_score"), c.maxScore}});
    QJsonArray labelled;
    for (const auto &x : d.labelled)
        labelled.append(QJsonObject{{QStringLiteral("scope"), x.scope}, {QStringLiteral("key"), x.key}, {QStringLiteral("label"), x.label},
                                    {QStringLiteral("tags"), x.tags}, {QStringLiteral("note"), x.note}, {QStringLiteral("updated_at"), x.updatedAt}});
    const QJsonObject root{
        {QStringLiteral("generated_at"), d.generatedAt},
        {QStringLiteral("vigil_version"), d.vigilVersion},
        {QStringLiteral("dataset"), QJsonObject{{QStringLiteral("id"), qint64(d.datasetId)}, {QStringLiteral("name"), d.datasetName},
                                                {QStringLiteral("source"), d.sourcePath}, {QStringLiteral("format"), d.format},
                                                {QStringLiteral("sha256"), d.contentHash}, {QStringLiteral("rows"), qint64(d.rows)},
                                                {QStringLiteral("bad_lines"), qint64(d.badLines)}}},
        {QStringLiteral("model"), QJsonObject{{QStringLiteral("id"), qint64(d.modelId)}, {QStringLiteral("name"), d.modelName},
                                              {QStringLiteral("kind"), d.modelKind}, {QStringLiteral("metadata"), d.modelMetadata}}},
        {QStringLiteral("run"), QJsonObject{{QStringLiteral("id"), qint64(d.runId)}, {QStringLiteral("threshold"), d.threshold},
                                            {QStringLiteral("target_fpr"), d.targetFpr}, {QStringLiteral("scored"), qint64(d.scored)},
                                            {QStringLiteral("alerts"), qint64(d.alerts)}}},
        {QStringLiteral("metrics"), d.metrics},
        {QStringLiteral("histogram"), hist},
        {QStringLiteral("timeline"), timeline},
        {QStringLiteral("clusters"), clusters},
        {QStringLiteral("top_anomalies"), QJsonDocument::fromJson(itemsToJson(d.topAnomalies)).array()},
        {QStringLiteral("labelled"), labelled},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<void> writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Io, QStringLiteral("Cannot write %1: %2").arg(path, f.errorString()));
    if (f.write(bytes) != bytes.size())
        return fail(ErrorCode::Io, QStringLiteral("Writing %1 failed: %2").arg(path, f.errorString()));
    if (!f.commit())
        return fail(ErrorCode::Io, QStringLiteral("Cannot finish writing %1: %2").arg(path, f.errorString()));
    return {};
}

} // namespace vigil
