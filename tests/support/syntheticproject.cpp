#include "tests/support/syntheticproject.h"

namespace vigil::test {

const QString kScript = QStringLiteral("<script>alert('x')</script>");
const QString kFormula = QStringLiteral("=cmd|' /C calc'!A0");

std::unique_ptr<Project> makeSyntheticProject(const QString &path)
{
    auto p = Project::create(path);
    if (!p)
        return nullptr;
    sql::Database &db = (*p)->db();
    const QString cols = QStringLiteral(R"([{"name":"remote_addr","sql":"c0","type":"text"},)"
                                        R"({"name":"path","sql":"c1","type":"text"},)"
                                        R"({"name":"status","sql":"c2","type":"integer"},)"
                                        R"({"name":"time","sql":"c3","type":"timestamp"}])");
    bool ok = bool(db.exec("CREATE TABLE ds_1(rid INTEGER PRIMARY KEY, line INTEGER NOT NULL, c0 TEXT, c1 TEXT, c2 INTEGER, c3 REAL)"));
    auto ds = db.prepare("INSERT INTO datasets(id, name, source_path, format, content_hash, table_name, row_count, bad_lines, columns_json, imported_at) "
                         "VALUES(1, 'access.log', '/logs/access.log', 'combined', 'abc123', 'ds_1', 100, 2, ?1, '2024-03-04T00:00:00Z')");
    ok = ok && ds && ds->bind(1, cols).run();
    auto ins = db.prepare("INSERT INTO ds_1(rid, line, c0, c1, c2, c3) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    auto sc = db.prepare("INSERT INTO scores(run_id, record_id, score, severity, cluster, x, y, top_features) VALUES(1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    ok = ok && ins && sc && db.exec("INSERT INTO models(id, name, kind, dataset_id, schema_json, metadata_json, created_at) "
                                    "VALUES(1, 'ae-1', 'autoencoder', 1, '{}', '{\"epochs\":20}', 'now')")
        && db.exec("INSERT INTO runs(id, model_id, dataset_id, threshold, target_fpr, metrics_json, created_at) "
                   "VALUES(1, 1, 1, 0.9, 0.01, '{\"auroc\":0.97}', 'now')");
    for (int i = 1; i <= 100 && ok; ++i) {
        QString path = QStringLiteral("/page/%1").arg(i);
        if (i == 7)
            path = kScript;
        if (i == 9)
            path = kFormula;
        ins->reset();
        ins->bind(1, std::int64_t(i)).bind(2, std::int64_t(i + 1)).bind(3, QStringLiteral("10.0.0.%1").arg(i % 5)).bind(4, path)
            .bind(5, std::int64_t(i % 10 == 0 ? 404 : 200)).bind(6, 1709510400.0 + i * 60.0);
        ok = ok && ins->run();
        const double score = i / 100.0;
        sc->reset();
        sc->bind(1, std::int64_t(i)).bind(2, score).bind(3, std::int64_t(i)).bind(4, std::int64_t(i % 3)).bind(5, double(i % 10))
            .bind(6, double(i / 10)).bind(7, QStringLiteral(R"([{"feature":"path","contribution":0.7},{"feature":"status","contribution":0.2}])"));
        ok = ok && sc->run();
    }
    ok = ok && db.exec("INSERT INTO labels(dataset_id, scope, key, label, tags, note, updated_at) VALUES "
                       "(1, 'record', '7', 'malicious', 'xss', '<b>payload</b> in path', 't1'),"
                       "(1, 'record', '9', 'malicious', '', '=HYPERLINK(\"http://evil\")', 't2'),"
                       "(1, 'record', '50', 'benign', '', '', 't3'),"
                       "(1, 'record', '60', 'none', '', '', 't4'),"
                       "(1, 'entity', '10.0.0.3', 'review', 'scanner', '', 't5')");
    return ok ? std::move(*p) : nullptr;
}


} // namespace vigil::test
