#include "core/labels/suppressions.h"

#include "core/project.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigil {

namespace {

/// Compiles `field = "value"` through the query compiler, so typing rules are the filter's.
Result<query::CompiledFilter> compileRule(const QString &field, const QString &value, const query::FieldSet &fields)
{
    query::Node node;
    node.kind = query::Node::Kind::Compare;
    node.op = query::CompareOp::Eq;
    node.field = field;
    node.values.push_back(query::Literal{query::Literal::Kind::String, value, {}});
    return query::compile(&node, fields);
}

} // namespace

Result<std::int64_t> SuppressionStore::add(std::int64_t datasetId, const QString &field, const QString &value, const QString &note,
                                           const query::FieldSet &fields)
{
    const query::Field *f = fields.find(field);
    if (!f)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("Cannot suppress on unknown field '%1'.").arg(field));
    if (auto c = compileRule(f->name, value, fields); !c)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("Cannot suppress %1 = '%2': %3").arg(f->name, value.left(80), c.error().message));
    sql::Database &db = m_project.db();
    sql::Transaction tx(db);
    if (!tx.ok())
        return tl::unexpected(tx.error());
    auto st = db.prepare("INSERT INTO suppressions(dataset_id, field, value, note, created_at) VALUES(?1, ?2, ?3, ?4, ?5) "
                         "ON CONFLICT(dataset_id, field, value) DO UPDATE SET note = excluded.note RETURNING id");
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, datasetId).bind(2, f->name).bind(3, value).bind(4, note)
        .bind(5, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    auto row = st->step();
    if (!row)
        return tl::unexpected(row.error());
    const std::int64_t id = st->int64(0);
    st = sql::Statement();
    const QJsonObject detail{{QStringLiteral("dataset"), double(datasetId)}, {QStringLiteral("id"), double(id)},
                             {QStringLiteral("field"), f->name}, {QStringLiteral("value"), value}, {QStringLiteral("note"), note}};
    if (auto r = m_project.audit(QStringLiteral("suppression.add"), QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact))); !r)
        return tl::unexpected(r.error());
    if (auto r = tx.commit(); !r)
        return tl::unexpected(r.error());
    return id;
}

Result<void> SuppressionStore::remove(std::int64_t id)
{
    sql::Database &db = m_project.db();
    sql::Transaction tx(db);
    if (!tx.ok())
        return tl::unexpected(tx.error());
    auto st = db.prepare("DELETE FROM suppressions WHERE id = ?1 RETURNING dataset_id, field, value");
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, id);
    auto row = st->step();
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, QStringLiteral("Suppression rule %1 does not exist.").arg(id));
    const QJsonObject detail{{QStringLiteral("dataset"), double(st->int64(0))}, {QStringLiteral("id"), double(id)},
                             {QStringLiteral("field"), st->text(1)}, {QStringLiteral("value"), st->text(2)}};
    st = sql::Statement();
    if (auto r = m_project.audit(QStringLiteral("suppression.remove"), QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact))); !r)
        return r;
    return tx.commit();
}

Result<std::vector<SuppressionRule>> SuppressionStore::list(std::int64_t datasetId)
{
    auto st = m_project.db().prepare("SELECT id, dataset_id, field, value, note, created_at FROM suppressions WHERE dataset_id = ?1 ORDER BY id");
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, datasetId);
    std::vector<SuppressionRule> out;
    auto walked = st->forEach([&out](sql::Statement &row) {
        out.push_back({row.int64(0), row.int64(1), row.text(2), row.text(3), row.text(4), row.text(5)});
    });
    if (!walked)
        return tl::unexpected(walked.error());
    return out;
}

query::CompiledFilter suppressionCondition(const std::vector<SuppressionRule> &rules, const query::FieldSet &fields)
{
    query::CompiledFilter out;
    QStringList parts;
    for (const SuppressionRule &rule : rules) {
        auto c = compileRule(rule.field, rule.value, fields);
        if (!c)
            continue;
        parts << c->where;
        for (QVariant &v : c->params)
            out.params.push_back(std::move(v));
        for (const QString &f : c->fieldsUsed) {
            if (!out.fieldsUsed.contains(f))
                out.fieldsUsed << f;
        }
    }
    if (!parts.isEmpty())
        out.where = QStringLiteral("(") + parts.join(QStringLiteral(" OR ")) + QStringLiteral(")");
    return out;
}

} // namespace vigil
