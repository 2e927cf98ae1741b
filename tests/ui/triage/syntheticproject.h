#pragma once

// Test and benchmark helper: builds a project that looks like an imported and scored web log,
// written straight to the storage contract (ds_<id> + datasets row + models/runs/scores rows),
// so triage code is exercised without the import and ml helpers. Deterministic for a seed.

#include "core/project.h"
#include "core/sqlite.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <cmath>
#include <cstdint>
#include <memory>

namespace vigil::testing {

struct SyntheticIds {
    std::int64_t datasetId = 0;
    std::int64_t runId = 0;
    double threshold = 0.0;
    std::int64_t rows = 0;
};

/// Small fast generator (splitmix64): same seed, same project.
struct SplitMix {
    std::uint64_t s;
    std::uint64_t next()
    {
        std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    int below(int n) { return int(next() % std::uint64_t(n)); }
};

/// Columns of the synthetic web log, in order (c0…c7).
inline QJsonArray syntheticColumns()
{
    auto col = [](const char *name, const char *sqlName, const char *type) {
        return QJsonObject{{QStringLiteral("name"), QString::fromLatin1(name)}, {QStringLiteral("sql"), QString::fromLatin1(sqlName)},
                           {QStringLiteral("type"), QString::fromLatin1(type)}};
    };
    return QJsonArray{col("ip", "c0", "text"),       col("time", "c1", "timestamp"),   col("method", "c2", "text"),
                      col("path", "c3", "text"),     col("status", "c4", "integer"),   col("bytes", "c5", "integer"),
                      col("ua_browser", "c6", "text"), col("user_agent", "c7", "text")};
}

/// Epoch seconds of 2024-03-04 00:00 UTC, the synthetic log's first day.
inline constexpr double kSyntheticStart = 1709510400.0;
inline constexpr double kSyntheticSpan = 7 * 24 * 3600.0;

/// Fills \a project with one dataset of \a rows records and one run scoring all of them.
/// About 1 % of rows are "attacks" (scanner paths, 404s, sqlmap) with high scores in cluster 0;
/// the rest spread over clusters 1..6. Threshold = 0.95 quantile-ish (score 80).
inline Result<SyntheticIds> fillSyntheticProject(Project &project, std::int64_t rows, std::uint64_t seed = 42)
{
    sql::Database &db = project.db();
    sql::Transaction tx(db);
    if (!tx.ok())
        return tl::unexpected(tx.error());
    SyntheticIds ids;
    ids.rows = rows;
    ids.threshold = 80.0;
    const QString cols = QString::fromUtf8(QJsonDocument(syntheticColumns()).toJson(QJsonDocument::Compact));
    auto ins = db.prepare("INSERT INTO datasets(name, source_path, format, content_hash, table_name, row_count, columns_json, imported_at) "
                          "VALUES('synthetic', '/synthetic/access.log', 'combined', ?1, 'pending', ?2, ?3, ?4)");
    if (!ins)
        return tl::unexpected(ins.error());
    ins->bind(1, QStringLiteral("seed-%1").arg(seed)).bind(2, rows).bind(3, cols)
        .bind(4, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (auto r = ins->run(); !r)
        return tl::unexpected(r.error());
    ids.datasetId = db.lastInsertId();
    const std::string table = "ds_" + std::to_string(ids.datasetId);
    if (auto r = db.exec("UPDATE datasets SET table_name = '" + table + "' WHERE id = " + std::to_string(ids.datasetId)); !r)
        return tl::unexpected(r.error());
    if (auto r = db.exec("CREATE TABLE " + table + "(rid INTEGER PRIMARY KEY, line INTEGER NOT NULL, c0 TEXT, c1 REAL, c2 TEXT, "
                         "c3 TEXT, c4 INTEGER, c5 INTEGER, c6 TEXT, c7 TEXT)"); !r)
        return tl::unexpected(r.error());
    if (auto r = db.exec("INSERT INTO models(name, kind, dataset_id, schema_json, created_at) VALUES('ae', 'autoencoder', "
                         + std::to_string(ids.datasetId) + ", '{}', '2024-03-11T00:00:00Z')"); !r)
        return tl::unexpected(r.error());
    const std::int64_t modelId = db.lastInsertId();
    auto runIns = db.prepare("INSERT INTO runs(model_id, dataset_id, threshold, target_fpr, created_at) VALUES(?1, ?2, ?3, 0.01, '2024-03-11T00:00:00Z')");
    if (!runIns)
        return tl::unexpected(runIns.error());
    runIns->bind(1, modelId).bind(2, ids.datasetId).bind(3, ids.threshold);
    if (auto r = runIns->run(); !r)
        return tl::unexpected(r.error());
    ids.runId = db.lastInsertId();

    auto rowIns = db.prepare("INSERT INTO " + table + " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    auto scoreIns = db.prepare("INSERT INTO scores(run_id, record_id, score, severity, cluster, x, y, top_features) "
                               "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!rowIns || !scoreIns)
        return tl::unexpected(!rowIns ? rowIns.error() : scoreIns.error());

    static const char *const methods[] = {"GET", "GET", "GET", "GET", "POST", "HEAD", "PUT"};
    static const char *const paths[] = {"/", "/index.html", "/static/app.js", "/static/site.css", "/api/items", "/login",
                                        "/products/42", "/search?q=shoes", "/images/logo.png", "/cart"};
    static const char *const attackPaths[] = {"/wp-login.php", "/.env", "/.git/config", "/index.php?id=1%27%20OR%201=1--",
                                              "/../../etc/passwd", "/phpmyadmin/"};
    static const char *const browsers[] = {"Chrome", "Chrome", "Chrome", "Firefox", "Safari", "Edge", "curl"};
    static const char *const agents[] = {"Mozilla/5.0 Chrome/122.0", "Mozilla/5.0 Chrome/122.0", "Mozilla/5.0 Chrome/121.0",
                                         "Mozilla/5.0 Firefox/123.0", "Mozilla/5.0 Safari/605.1", "Mozilla/5.0 Edg/122.0", "curl/8.5.0"};
    SplitMix rng{seed};
    const double step = kSyntheticSpan / double(std::max<std::int64_t>(rows, 1));
    for (std::int64_t rid = 1; rid <= rows; ++rid) {
        const bool attack = rng.uniform() < 0.01;
        const int client = attack ? 1000 + rng.below(8) : rng.below(3000);
        const QString ip = attack ? QStringLiteral("203.0.113.%1").arg(client - 1000 + 10)
                                  : QStringLiteral("10.%1.%2.%3").arg(client / 256 % 4).arg(client % 256).arg(1 + client % 7);
        const double t = kSyntheticStart + double(rid - 1) * step + rng.uniform() * step;
        const int b = rng.below(7);
        const char *method = attack ? "GET" : methods[rng.below(7)];
        const char *path = attack ? attackPaths[rng.below(6)] : paths[rng.below(10)];
        const int status = attack ? (rng.below(2) ? 404 : 200) : (rng.uniform() < 0.05 ? 404 : (rng.uniform() < 0.03 ? 301 : 200));
        const int bytes = attack ? rng.below(600) : 200 + rng.below(50000);
        const char *browser = attack ? "sqlmap" : browsers[b];
        const char *agent = attack ? "sqlmap/1.7.2#stable" : agents[b];
        rowIns->reset();
        rowIns->bind(1, rid).bind(2, rid).bind(3, ip).bind(4, t).bind(5, std::string_view(method)).bind(6, std::string_view(path))
            .bind(7, std::int64_t(status)).bind(8, std::int64_t(bytes)).bind(9, std::string_view(browser)).bind(10, std::string_view(agent));
        if (auto r = rowIns->run(); !r)
            return tl::unexpected(r.error());
        const double score = attack ? 80.0 + 20.0 * rng.uniform() : 79.0 * std::pow(rng.uniform(), 3.0);
        const int severity = score >= 95 ? 3 : score >= 88 ? 2 : score >= 80 ? 1 : 0;
        const int cluster = attack ? 0 : 1 + rng.below(6);
        const double angle = double(cluster) * 1.047 + rng.uniform() * 0.6;
        const double radius = attack ? 6.0 + rng.uniform() : 2.0 + rng.uniform() * 2.0;
        const QString top = QStringLiteral("[{\"feature\":\"path=%1\",\"contribution\":%2},{\"feature\":\"status=%3\",\"contribution\":%4},"
                                           "{\"feature\":\"bytes\",\"contribution\":%5}]")
                                .arg(QString::fromLatin1(path).toHtmlEscaped().replace(u'"', u'\''))
                                .arg(score / 200.0, 0, 'f', 4).arg(status).arg(score / 400.0, 0, 'f', 4).arg(0.01, 0, 'f', 4);
        scoreIns->reset();
        scoreIns->bind(1, ids.runId).bind(2, rid).bind(3, score).bind(4, std::int64_t(severity)).bind(5, std::int64_t(cluster))
            .bind(6, radius * std::cos(angle)).bind(7, radius * std::sin(angle)).bind(8, top);
        if (auto r = scoreIns->run(); !r)
            return tl::unexpected(r.error());
    }
    if (auto r = tx.commit(); !r)
        return tl::unexpected(r.error());
    return ids;
}

/// Creates a new project at \a path and fills it.
inline Result<SyntheticIds> createSyntheticProject(const QString &path, std::int64_t rows, std::uint64_t seed = 42)
{
    auto project = Project::create(path);
    if (!project)
        return tl::unexpected(project.error());
    return fillSyntheticProject(**project, rows, seed);
}

} // namespace vigil::testing
