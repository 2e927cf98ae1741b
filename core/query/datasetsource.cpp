#include "core/query/datasetsource.h"

#include "core/sqlite.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace vigil::query {

bool looksLikeAddressColumn(const QString &name)
{
    static const QRegularExpression re(
        QStringLiteral("(^|[^a-z])(ip|ips|ipaddr|ip_address|addr|address|orig_h|resp_h|srcip|dstip|clientip|remote_host)$"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(name).hasMatch() || name.compare(QLatin1String("client"), Qt::CaseInsensitive) == 0;
}

const DatasetColumn *DatasetSource::column(const QString &field) const
{
    for (const DatasetColumn &c : columns) {
        if (c.field.compare(field, Qt::CaseInsensitive) == 0)
            return &c;
    }
    return nullptr;
}

QString DatasetSource::labelExpression(const QString &entity) const
{
    if (!entity.isEmpty() && column(entity))
        return QStringLiteral("coalesce(lr.label, le.label, 'none')");
    return QStringLiteral("coalesce(lr.label, 'none')");
}

QString DatasetSource::sessionKeysSelect(const QString &entityField, double gapSeconds) const
{
    const DatasetColumn *entity = column(entityField);
    const DatasetColumn *time = column(timestampField);
    if (!entity || !time)
        return {};
    const QString e = QStringLiteral("CAST(d.") + sql::quoteIdentifier(entity->sqlName) + QStringLiteral(" AS TEXT)");
    const QString ts = QStringLiteral("d.") + sql::quoteIdentifier(time->sqlName);
    // A session starts at an entity's first event and wherever its previous event is more
    // than the gap earlier; each event's session start is the latest such start so far. Two
    // passes over the same window order (entity, time, rid): the previous event's time, then
    // the running start (the key is entity|start).
    return QStringLiteral("SELECT rid, e || '|' || CAST(CAST(sstart AS INTEGER) AS TEXT) AS skey, sstart FROM ("
                          "SELECT rid, e, max(CASE WHEN prev IS NULL OR t - prev > ")
           + QString::number(gapSeconds, 'g', 17)
           + QStringLiteral(" THEN t END) OVER (PARTITION BY e ORDER BY t, rid ROWS UNBOUNDED PRECEDING) AS sstart FROM ("
                            " SELECT d.rid AS rid, ")
           + e + QStringLiteral(" AS e, ") + ts + QStringLiteral(" AS t, lag(") + ts + QStringLiteral(") OVER (PARTITION BY ") + e
           + QStringLiteral(" ORDER BY ") + ts + QStringLiteral(", d.rid) AS prev FROM ") + table + QStringLiteral(" d WHERE d.")
           + sql::quoteIdentifier(entity->sqlName) + QStringLiteral(" IS NOT NULL AND ") + ts + QStringLiteral(" IS NOT NULL))");
}

QString DatasetSource::fromClause(bool withLabels, const QString &entity) const
{
    QString from;
    if (runId > 0) {
        from = QStringLiteral("scores s JOIN ") + table + QStringLiteral(" d ON d.rid = s.record_id AND s.run_id = ")
               + QString::number(runId);
    } else {
        // No run: a scores alias with no rows keeps every expression valid (NULL scores).
        from = table + QStringLiteral(" d LEFT JOIN scores s ON s.run_id = 0 AND s.record_id = d.rid");
    }
    if (withLabels) {
        // CAST(… AS TEXT) gives the key comparison text affinity so the labels index is used.
        from += QStringLiteral(" LEFT JOIN labels lr ON lr.dataset_id = ") + QString::number(datasetId)
                + QStringLiteral(" AND lr.scope = 'record' AND lr.key = CAST(d.rid AS TEXT)");
        if (const DatasetColumn *c = entity.isEmpty() ? nullptr : column(entity)) {
            from += QStringLiteral(" LEFT JOIN labels le ON le.dataset_id = ") + QString::number(datasetId)
                    + QStringLiteral(" AND le.scope = 'entity' AND le.key = CAST(d.") + sql::quoteIdentifier(c->sqlName)
                    + QStringLiteral(" AS TEXT)");
        }
    }
    return from;
}

QString DatasetSource::scanFromClause(bool withLabels, const QString &entity) const
{
    if (runId <= 0)
        return fromClause(withLabels, entity);
    QString from = table + QStringLiteral(" d CROSS JOIN scores s ON s.run_id = ") + QString::number(runId)
                   + QStringLiteral(" AND s.record_id = d.rid");
    if (withLabels) {
        const QString full = fromClause(true, entity);
        from += full.mid(full.indexOf(QStringLiteral(" LEFT JOIN labels lr")));
    }
    return from;
}

Result<DatasetSource> loadDatasetSource(sql::Database &db, std::int64_t datasetId, std::int64_t runId)
{
    DatasetSource src;
    src.datasetId = datasetId;
    src.runId = runId;
    auto st = db.prepare("SELECT table_name, columns_json FROM datasets WHERE id = ?1");
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, datasetId);
    if (auto found = st->stepOne(QStringLiteral("Dataset %1 does not exist in %2.").arg(datasetId).arg(db.path())); !found)
        return tl::unexpected(found.error());
    const QString tableName = st->text(0);
    // The table name comes from the file: accept only the contract's shape, so nothing from a
    // crafted project ever reaches SQL text.
    static const QRegularExpression tableRe(QStringLiteral("^ds_[0-9]+$"));
    if (!tableRe.match(tableName).hasMatch())
        return fail(ErrorCode::Corrupt, QStringLiteral("Dataset %1 has an invalid table name '%2'.").arg(datasetId).arg(tableName.left(60)));
    src.table = sql::quoteIdentifier(tableName);
    QJsonParseError jerr;
    const QJsonDocument doc = QJsonDocument::fromJson(st->text(1).toUtf8(), &jerr);
    if (jerr.error != QJsonParseError::NoError || !doc.isArray())
        return fail(ErrorCode::Corrupt, QStringLiteral("Dataset %1 has unreadable columns_json: %2").arg(datasetId).arg(jerr.errorString()));

    if (runId > 0) {
        auto rs = db.prepare("SELECT threshold, dataset_id FROM runs WHERE id = ?1");
        if (!rs)
            return tl::unexpected(rs.error());
        rs->bind(1, runId);
        auto rr = rs->step();
        if (!rr)
            return tl::unexpected(rr.error());
        if (!*rr)
            return fail(ErrorCode::NotFound, QStringLiteral("Run %1 does not exist in %2.").arg(runId).arg(db.path()));
        if (rs->int64(1) != datasetId)
            return fail(ErrorCode::Mismatch, QStringLiteral("Run %1 scored dataset %2, not dataset %3.").arg(runId).arg(rs->int64(1)).arg(datasetId));
        if (!rs->isNull(0))
            src.threshold = rs->real(0);
    }

    static const QRegularExpression colRe(QStringLiteral("^c[0-9]+$"));
    static const QStringList reserved{QStringLiteral("score"), QStringLiteral("severity"), QStringLiteral("cluster"),
                                      QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("label"), QStringLiteral("tags"),
                                      QStringLiteral("note"), QStringLiteral("rid"), QStringLiteral("line"), QStringLiteral("time")};
    QStringList taken = reserved;
    const QJsonArray cols = doc.array();
    for (const QJsonValue &v : cols) {
        const QJsonObject o = v.toObject();
        DatasetColumn c;
        c.name = o.value(QLatin1String("name")).toString();
        c.sqlName = o.value(QLatin1String("sql")).toString();
        if (!colRe.match(c.sqlName).hasMatch())
            return fail(ErrorCode::Corrupt, QStringLiteral("Dataset %1: column '%2' has an invalid SQL name '%3'.")
                                                .arg(datasetId).arg(c.name.left(60), c.sqlName.left(60)));
        const QString type = o.value(QLatin1String("type")).toString();
        c.type = type == QLatin1String("integer")     ? FieldType::Integer
                 : type == QLatin1String("real")      ? FieldType::Real
                 : type == QLatin1String("timestamp") ? FieldType::Timestamp
                                                      : FieldType::Text;
        if (c.type == FieldType::Text && looksLikeAddressColumn(c.name))
            c.type = FieldType::Ip;
        QString field = FieldSet::sanitizeName(c.name);
        if (taken.contains(field, Qt::CaseInsensitive))
            field = QStringLiteral("col_") + field;
        for (int n = 2; taken.contains(field, Qt::CaseInsensitive); ++n)
            field = FieldSet::sanitizeName(c.name) + QLatin1Char('_') + QString::number(n);
        taken << field;
        c.field = field;
        if (c.type == FieldType::Timestamp && src.timestampField.isEmpty())
            src.timestampField = field;
        if (c.type == FieldType::Ip && src.entityField.isEmpty())
            src.entityField = field;
        src.columns.push_back(c);
    }

    const QString label = src.labelExpression(src.entityField);
    src.fields.add({QStringLiteral("score"), FieldType::Real, QStringLiteral("s.score"), {}, QStringLiteral("anomaly score")});
    src.fields.add({QStringLiteral("severity"), FieldType::Integer, QStringLiteral("s.severity"), {}, QStringLiteral("severity level")});
    src.fields.add({QStringLiteral("cluster"), FieldType::Integer, QStringLiteral("s.cluster"), {}, QStringLiteral("cluster id")});
    src.fields.add({QStringLiteral("label"), FieldType::Text, label,
                    {QStringLiteral("malicious"), QStringLiteral("benign"), QStringLiteral("review"), QStringLiteral("none")},
                    QStringLiteral("analyst label")});
    src.fields.add({QStringLiteral("tags"), FieldType::Text, QStringLiteral("coalesce(lr.tags, '')"), {}, QStringLiteral("label tags")});
    src.fields.add({QStringLiteral("note"), FieldType::Text, QStringLiteral("coalesce(lr.note, '')"), {}, QStringLiteral("label note")});
    for (const DatasetColumn &c : src.columns) {
        src.fields.add({c.field, c.type, QStringLiteral("d.") + sql::quoteIdentifier(c.sqlName), {},
                        c.name == c.field ? fieldTypeName(c.type) : c.name});
    }
    if (const DatasetColumn *t = src.column(src.timestampField))
        src.fields.add({QStringLiteral("time"), FieldType::Timestamp, QStringLiteral("d.") + sql::quoteIdentifier(t->sqlName), {},
                        QStringLiteral("alias of ") + t->field});
    src.fields.add({QStringLiteral("x"), FieldType::Real, QStringLiteral("s.x"), {}, QStringLiteral("2-D projection x")});
    src.fields.add({QStringLiteral("y"), FieldType::Real, QStringLiteral("s.y"), {}, QStringLiteral("2-D projection y")});
    src.fields.add({QStringLiteral("rid"), FieldType::Integer, QStringLiteral("d.rid"), {}, QStringLiteral("record id")});
    src.fields.add({QStringLiteral("line"), FieldType::Integer, QStringLiteral("d.line"), {}, QStringLiteral("source line")});
    return src;
}


} // namespace vigil::query
