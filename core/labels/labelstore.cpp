#include "core/labels/labelstore.h"

#include "core/project.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigil {

namespace {

QJsonValue stateJson(const LabelState &s)
{
    if (!s.exists)
        return QJsonValue::Null;
    QJsonObject o{{QStringLiteral("label"), labelValueName(s.label)}};
    if (!s.tags.isEmpty())
        o.insert(QStringLiteral("tags"), s.tags);
    if (!s.note.isEmpty())
        o.insert(QStringLiteral("note"), s.note);
    return o;
}

} // namespace

QString labelScopeName(LabelScope scope)
{
    switch (scope) {
    case LabelScope::Record: return QStringLiteral("record");
    case LabelScope::Session: return QStringLiteral("session");
    case LabelScope::Entity: return QStringLiteral("entity");
    case LabelScope::Cluster: return QStringLiteral("cluster");
    }
    return QStringLiteral("record");
}

std::optional<LabelScope> labelScopeFromName(const QString &name)
{
    for (LabelScope s : {LabelScope::Record, LabelScope::Session, LabelScope::Entity, LabelScope::Cluster}) {
        if (labelScopeName(s) == name)
            return s;
    }
    return std::nullopt;
}

QString labelValueName(LabelValue value)
{
    switch (value) {
    case LabelValue::None: return QStringLiteral("none");
    case LabelValue::Malicious: return QStringLiteral("malicious");
    case LabelValue::Benign: return QStringLiteral("benign");
    case LabelValue::Review: return QStringLiteral("review");
    }
    return QStringLiteral("none");
}

std::optional<LabelValue> labelValueFromName(const QString &name)
{
    for (LabelValue v : {LabelValue::None, LabelValue::Malicious, LabelValue::Benign, LabelValue::Review}) {
        if (labelValueName(v) == name)
            return v;
    }
    return std::nullopt;
}

Result<LabelState> LabelStore::get(std::int64_t datasetId, LabelScope scope, const QString &key)
{
    auto m = getMany(datasetId, scope, {key});
    if (!m)
        return tl::unexpected(m.error());
    return m->at(key);
}

Result<std::map<QString, LabelState>> LabelStore::getMany(std::int64_t datasetId, LabelScope scope, const QStringList &keys)
{
    auto st = m_project.db().prepare("SELECT label, tags, note FROM labels WHERE dataset_id = ?1 AND scope = ?2 AND key = ?3");
    if (!st)
        return tl::unexpected(st.error());
    std::map<QString, LabelState> out;
    const QString scopeText = labelScopeName(scope);
    for (const QString &key : keys) {
        st->reset();
        st->bind(1, datasetId).bind(2, scopeText).bind(3, key);
        auto row = st->step();
        if (!row)
            return tl::unexpected(row.error());
        LabelState s;
        if (*row) {
            s.exists = true;
            s.label = labelValueFromName(st->text(0)).value_or(LabelValue::None);
            s.tags = st->text(1);
            s.note = st->text(2);
        }
        out[key] = s;
    }
    return out;
}

Result<LabelEdit> LabelStore::apply(std::int64_t datasetId, LabelScope scope, const QStringList &keys, const LabelUpdate &update,
                                    const QString &description)
{
    if (keys.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("Nothing to label: the selection is empty."));
    if (keys.size() > kMaxBatch)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Cannot label %1 items at once (at most %2); narrow the filter.").arg(keys.size()).arg(kMaxBatch));
    auto current = getMany(datasetId, scope, keys);
    if (!current)
        return tl::unexpected(current.error());
    LabelEdit edit;
    edit.datasetId = datasetId;
    edit.scope = scope;
    edit.description = description;
    if (edit.description.isEmpty()) {
        edit.description = update.label ? QStringLiteral("Label %1 %2 %3").arg(keys.size()).arg(labelScopeName(scope), labelValueName(*update.label))
                                        : QStringLiteral("Edit %1 %2 label(s)").arg(keys.size()).arg(labelScopeName(scope));
    }
    for (const auto &[key, before] : *current) {
        LabelState after = before;
        after.exists = true;
        if (update.label)
            after.label = *update.label;
        if (update.tags)
            after.tags = *update.tags;
        if (update.note)
            after.note = *update.note;
        if (after == before)
            continue;
        edit.items.push_back({key, before, after});
    }
    if (edit.items.empty())
        return edit;
    if (auto r = write(edit, true, QStringLiteral("label.set")); !r)
        return tl::unexpected(r.error());
    return edit;
}

Result<void> LabelStore::revert(const LabelEdit &edit)
{
    return write(edit, false, QStringLiteral("label.undo"));
}

Result<void> LabelStore::reapply(const LabelEdit &edit)
{
    return write(edit, true, QStringLiteral("label.redo"));
}

Result<void> LabelStore::write(const LabelEdit &edit, bool forward, const QString &action)
{
    if (edit.items.empty())
        return {};
    sql::Database &db = m_project.db();
    sql::Transaction tx(db);
    if (!tx.ok())
        return tl::unexpected(tx.error());
    auto upsert = db.prepare("INSERT INTO labels(dataset_id, scope, key, label, tags, note, updated_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                             "ON CONFLICT(dataset_id, scope, key) DO UPDATE SET label = excluded.label, tags = excluded.tags, "
                             "note = excluded.note, updated_at = excluded.updated_at");
    if (!upsert)
        return tl::unexpected(upsert.error());
    auto remove = db.prepare("DELETE FROM labels WHERE dataset_id = ?1 AND scope = ?2 AND key = ?3");
    if (!remove)
        return tl::unexpected(remove.error());
    const QString scope = labelScopeName(edit.scope);
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QJsonArray changes;
    for (const LabelEdit::Item &item : edit.items) {
        const LabelState &from = forward ? item.before : item.after;
        const LabelState &to = forward ? item.after : item.before;
        if (to.exists) {
            upsert->reset();
            upsert->bind(1, edit.datasetId).bind(2, scope).bind(3, item.key).bind(4, labelValueName(to.label))
                .bind(5, to.tags).bind(6, to.note).bind(7, now);
            if (auto r = upsert->run(); !r)
                return r;
        } else {
            remove->reset();
            remove->bind(1, edit.datasetId).bind(2, scope).bind(3, item.key);
            if (auto r = remove->run(); !r)
                return r;
        }
        changes.append(QJsonObject{{QStringLiteral("key"), item.key}, {QStringLiteral("old"), stateJson(from)},
                                   {QStringLiteral("new"), stateJson(to)}});
    }
    const QJsonObject detail{{QStringLiteral("dataset"), double(edit.datasetId)},
                             {QStringLiteral("scope"), scope},
                             {QStringLiteral("description"), edit.description},
                             {QStringLiteral("count"), double(edit.items.size())},
                             {QStringLiteral("changes"), changes}};
    if (auto r = m_project.audit(action, QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact))); !r)
        return r;
    return tx.commit();
}

Result<QStringList> LabelStore::clusterRecordKeys(std::int64_t runId, std::int64_t cluster)
{
    auto st = m_project.db().prepare("SELECT record_id FROM scores WHERE run_id = ?1 AND cluster = ?2 ORDER BY record_id");
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, runId).bind(2, cluster);
    QStringList keys;
    if (auto walked = st->forEach([&keys](sql::Statement &row) { keys << QString::number(row.int64(0)); }); !walked)
        return tl::unexpected(walked.error());
    return keys;
}

} // namespace vigil
