#include "../../ui/triage/syntheticproject.h"

#include "core/labels/labelhistory.h"
#include "core/labels/labelstore.h"
#include "core/labels/suppressions.h"
#include "core/query/datasetsource.h"
#include "core/query/ipaddress.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

class TestLabels : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    struct Fixture {
        QString path;
        testing::SyntheticIds ids;
    };

    Fixture makeProject(int rows = 300)
    {
        Fixture f;
        f.path = m_dir.filePath(QStringLiteral("p%1.vigil").arg(++m_n));
        auto ids = testing::createSyntheticProject(f.path, rows);
        if (ids)
            f.ids = *ids;
        return f;
    }

    static std::unique_ptr<Project> open(const QString &path)
    {
        auto p = Project::open(path);
        return p ? std::move(*p) : nullptr;
    }

    static QString labelOf(Project &p, const QString &key, LabelScope scope = LabelScope::Record)
    {
        auto s = LabelStore(p).get(1, scope, key);
        if (!s || !s->exists)
            return QStringLiteral("-");
        return labelValueName(s->label);
    }

    static std::int64_t auditCount(Project &p, const char *action)
    {
        auto st = p.db().prepare("SELECT count(*) FROM audit WHERE action = ?1");
        st->bind(1, std::string_view(action));
        st->step();
        return st->int64(0);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void names()
    {
        QCOMPARE(labelValueFromName(QStringLiteral("review")), LabelValue::Review);
        QVERIFY(!labelValueFromName(QStringLiteral("evil")));
        QCOMPARE(labelScopeName(LabelScope::Entity), QStringLiteral("entity"));
        QCOMPARE(labelScopeFromName(QStringLiteral("cluster")), LabelScope::Cluster);
    }

    void singleAndAudit()
    {
        Fixture f = makeProject();
        auto p = open(f.path);
        QVERIFY(p);
        LabelStore store(*p);
        auto edit = store.apply(1, LabelScope::Record, {QStringLiteral("7")}, {LabelValue::Malicious, QStringLiteral("sqli,scanner"), QStringLiteral("seen in WAF")});
        QVERIFY2(edit, qPrintable(edit ? QString() : edit.error().message));
        QCOMPARE(edit->items.size(), size_t(1));
        QVERIFY(!edit->items[0].before.exists);
        auto s = store.get(1, LabelScope::Record, QStringLiteral("7"));
        QVERIFY(s && s->exists);
        QCOMPARE(s->label, LabelValue::Malicious);
        QCOMPARE(s->tags, QStringLiteral("sqli,scanner"));
        QCOMPARE(s->note, QStringLiteral("seen in WAF"));

        // Only the note changes; label and tags are kept.
        auto edit2 = store.apply(1, LabelScope::Record, {QStringLiteral("7")}, {std::nullopt, std::nullopt, QStringLiteral("confirmed")});
        QVERIFY(edit2);
        s = store.get(1, LabelScope::Record, QStringLiteral("7"));
        QCOMPARE(s->label, LabelValue::Malicious);
        QCOMPARE(s->note, QStringLiteral("confirmed"));

        // Audit: what, when, old -> new.
        auto st = p->db().prepare("SELECT at, action, detail_json FROM audit WHERE action LIKE 'label.%' ORDER BY id");
        QVERIFY(st);
        QVERIFY(st->step().value());
        QVERIFY(QDateTime::fromString(st->text(0), Qt::ISODateWithMs).isValid());
        QCOMPARE(st->text(1), QStringLiteral("label.set"));
        const QJsonObject d1 = QJsonDocument::fromJson(st->text(2).toUtf8()).object();
        QCOMPARE(d1.value(QStringLiteral("scope")).toString(), QStringLiteral("record"));
        const QJsonObject c1 = d1.value(QStringLiteral("changes")).toArray().at(0).toObject();
        QCOMPARE(c1.value(QStringLiteral("key")).toString(), QStringLiteral("7"));
        QVERIFY(c1.value(QStringLiteral("old")).isNull());
        QCOMPARE(c1.value(QStringLiteral("new")).toObject().value(QStringLiteral("label")).toString(), QStringLiteral("malicious"));
        QVERIFY(st->step().value());
        const QJsonObject c2 = QJsonDocument::fromJson(st->text(2).toUtf8()).object().value(QStringLiteral("changes")).toArray().at(0).toObject();
        QCOMPARE(c2.value(QStringLiteral("old")).toObject().value(QStringLiteral("note")).toString(), QStringLiteral("seen in WAF"));
        QCOMPARE(c2.value(QStringLiteral("new")).toObject().value(QStringLiteral("note")).toString(), QStringLiteral("confirmed"));

        // A no-op edit writes nothing.
        auto noop = store.apply(1, LabelScope::Record, {QStringLiteral("7")}, {LabelValue::Malicious, {}, {}});
        QVERIFY(noop);
        QVERIFY(noop->items.empty());
        QCOMPARE(auditCount(*p, "label.set"), 2);
    }

    void errors()
    {
        Fixture f = makeProject(10);
        auto p = open(f.path);
        LabelStore store(*p);
        auto empty = store.apply(1, LabelScope::Record, {}, {LabelValue::Benign, {}, {}});
        QVERIFY(!empty);
        QCOMPARE(empty.error().code, ErrorCode::InvalidArgument);
        QVERIFY(empty.error().message.contains(QStringLiteral("selection is empty")));
        // A write that fails rolls back whole: a dataset that does not exist violates the FK.
        auto bad = store.apply(99, LabelScope::Record, {QStringLiteral("1"), QStringLiteral("2")}, {LabelValue::Benign, {}, {}});
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::Database);
        QCOMPARE(p->db().scalarInt("SELECT count(*) FROM labels").value(), 0);
        QCOMPARE(p->db().scalarInt("SELECT count(*) FROM audit WHERE action LIKE 'label.%'").value(), 0);
        LabelHistory h;
        auto u = h.undo(store);
        QVERIFY(!u);
        QVERIFY(u.error().message.contains(QStringLiteral("Nothing to undo")));
    }

    void batchClusterUndoRedoPersist()
    {
        Fixture f = makeProject(400);
        QStringList clusterKeys;
        {
            auto p = open(f.path);
            LabelStore store(*p);
            LabelHistory history;
            auto keys = store.clusterRecordKeys(f.ids.runId, 0);
            QVERIFY(keys);
            clusterKeys = *keys;
            QVERIFY(clusterKeys.size() > 0);
            QCOMPARE(std::int64_t(clusterKeys.size()), p->db().scalarInt("SELECT count(*) FROM scores WHERE cluster = 0").value());

            // One record labelled benign first, then the whole cluster malicious in one batch.
            auto first = store.apply(1, LabelScope::Record, {clusterKeys.first()}, {LabelValue::Benign, QStringLiteral("fp"), {}});
            QVERIFY(first);
            history.push(*first);
            auto batch = store.apply(1, LabelScope::Record, clusterKeys, {LabelValue::Malicious, {}, {}});
            QVERIFY(batch);
            QCOMPARE(batch->items.size(), size_t(clusterKeys.size()));
            history.push(*batch);
            QCOMPARE(auditCount(*p, "label.set"), 2); // one audit row per batch
            QCOMPARE(p->db().scalarInt("SELECT count(*) FROM labels WHERE label = 'malicious'").value(), std::int64_t(clusterKeys.size()));

            // Undo the batch: the first record is benign again (tags kept), the others unlabelled.
            QVERIFY(history.canUndo());
            QVERIFY(history.undoText().contains(QStringLiteral("malicious")));
            auto undone = history.undo(store);
            QVERIFY(undone);
            QCOMPARE(labelOf(*p, clusterKeys.first()), QStringLiteral("benign"));
            QCOMPARE(store.get(1, LabelScope::Record, clusterKeys.first())->tags, QStringLiteral("fp"));
            QCOMPARE(labelOf(*p, clusterKeys.last()), QStringLiteral("-"));
            QCOMPARE(p->db().scalarInt("SELECT count(*) FROM labels").value(), 1);
            QCOMPARE(auditCount(*p, "label.undo"), 1);

            // Redo, undo, redo: ends labelled.
            QVERIFY(history.redo(store));
            QVERIFY(history.undo(store));
            QVERIFY(history.redo(store));
            QVERIFY(!history.canRedo());
            QCOMPARE(auditCount(*p, "label.redo"), 2);
            // Undo twice: nothing labelled.
            QVERIFY(history.undo(store));
            QVERIFY(history.undo(store));
            QVERIFY(!history.canUndo());
            QCOMPARE(p->db().scalarInt("SELECT count(*) FROM labels").value(), 0);
            // Redo once (the benign label), then a new edit drops the redo branch.
            QVERIFY(history.redo(store));
            auto other = store.apply(1, LabelScope::Entity, {QStringLiteral("203.0.113.10")}, {LabelValue::Review, {}, QStringLiteral("check")});
            QVERIFY(other);
            history.push(*other);
            QVERIFY(!history.canRedo());
        }
        // Persistence after reopening: exactly the state left behind.
        auto p = open(f.path);
        QVERIFY(p);
        QCOMPARE(labelOf(*p, clusterKeys.first()), QStringLiteral("benign"));
        QCOMPARE(labelOf(*p, clusterKeys.last()), QStringLiteral("-"));
        QCOMPARE(labelOf(*p, QStringLiteral("203.0.113.10"), LabelScope::Entity), QStringLiteral("review"));
        QCOMPARE(p->db().scalarInt("SELECT count(*) FROM labels").value(), 2);
        QCOMPARE(p->db().scalarInt("SELECT count(*) FROM audit WHERE action LIKE 'label.%'").value(), 10);
    }

    void suppressions()
    {
        Fixture f = makeProject(2000);
        auto p = open(f.path);
        QVERIFY(query::registerSqlFunctions(p->db().handle()));
        auto src = query::loadDatasetSource(p->db(), f.ids.datasetId, f.ids.runId);
        QVERIFY(src);
        SuppressionStore rules(*p);

        auto bad = rules.add(1, QStringLiteral("stauts"), QStringLiteral("404"), {}, src->fields);
        QVERIFY(!bad);
        QVERIFY(bad.error().message.contains(QStringLiteral("unknown field 'stauts'")));
        auto badValue = rules.add(1, QStringLiteral("status"), QStringLiteral("four"), {}, src->fields);
        QVERIFY(!badValue);
        QVERIFY(badValue.error().message.contains(QStringLiteral("expected a number")));

        const auto anomaliesBefore = p->db().scalarInt("SELECT count(*) FROM scores WHERE run_id = 1 AND score >= 80").value();
        QVERIFY(anomaliesBefore > 0);
        auto id = rules.add(1, QStringLiteral("ua_browser"), QStringLiteral("sqlmap"), QStringLiteral("our own pentest"), src->fields);
        QVERIFY2(id, qPrintable(id ? QString() : id.error().message));
        auto again = rules.add(1, QStringLiteral("UA_BROWSER"), QStringLiteral("sqlmap"), QStringLiteral("dup"), src->fields);
        QVERIFY(again);
        QCOMPARE(*again, *id);
        auto list = rules.list(1);
        QVERIFY(list);
        QCOMPARE(list->size(), size_t(1));
        QCOMPARE(list->front().field, QStringLiteral("ua_browser"));

        // Applied to already-scored rows: alerts exclude suppressed rows.
        const query::CompiledFilter cond = suppressionCondition(*list, src->fields);
        QVERIFY(!cond.isEmpty());
        const QString sqlText = QStringLiteral("SELECT count(*) FROM ") + src->fromClause(false)
                                + QStringLiteral(" WHERE s.score >= 80 AND NOT coalesce(") + cond.where + QStringLiteral(", 0)");
        auto st = p->db().prepare(sqlText.toStdString());
        QVERIFY(st);
        query::bindParams(*st, cond.params);
        QVERIFY(st->step().value());
        QCOMPARE(st->int64(0), 0); // every synthetic attack is sqlmap
        QCOMPARE(p->db().scalarInt("SELECT count(*) FROM audit WHERE action = 'suppression.add'").value(), 2);

        QVERIFY(rules.remove(*id));
        QCOMPARE(rules.list(1)->size(), size_t(0));
        auto gone = rules.remove(*id);
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, ErrorCode::NotFound);
        QVERIFY(suppressionCondition({}, src->fields).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLabels)
#include "tst_labels.moc"
