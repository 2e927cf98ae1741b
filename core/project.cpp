#include "project.h"

#include "core/io/fileaccess.h"

#include <QFile>
#include <QFileInfo>

#include <array>

namespace vigil {

namespace {

// Forward migrations: entry i takes a file from version i to version i+1. Never edit a shipped
// step; add a new one and bump Project::kSchemaVersion.
constexpr std::array<const char *, Project::kSchemaVersion> kMigrations = {
    // 0 -> 1: the core tables.
    R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE datasets(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    source_path TEXT NOT NULL,
    format TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    table_name TEXT NOT NULL UNIQUE,
    row_count INTEGER NOT NULL DEFAULT 0,
    bad_lines INTEGER NOT NULL DEFAULT 0,
    columns_json TEXT NOT NULL DEFAULT '[]',
    report_json TEXT NOT NULL DEFAULT '{}',
    imported_at TEXT NOT NULL);
CREATE TABLE schemas(
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    schema_json TEXT NOT NULL,
    created_at TEXT NOT NULL);
CREATE TABLE models(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    dataset_id INTEGER REFERENCES datasets(id) ON DELETE SET NULL,
    schema_json TEXT NOT NULL,
    metadata_json TEXT NOT NULL DEFAULT '{}',
    bundle BLOB,
    created_at TEXT NOT NULL);
CREATE TABLE runs(
    id INTEGER PRIMARY KEY,
    model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    threshold REAL,
    target_fpr REAL,
    metrics_json TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL);
CREATE TABLE scores(
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    record_id INTEGER NOT NULL,
    score REAL NOT NULL,
    severity INTEGER NOT NULL DEFAULT 0,
    cluster INTEGER,
    x REAL, y REAL,
    top_features TEXT,
    PRIMARY KEY(run_id, record_id)) WITHOUT ROWID;
CREATE TABLE labels(
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    scope TEXT NOT NULL CHECK(scope IN ('record','session','entity','cluster')),
    key TEXT NOT NULL,
    label TEXT NOT NULL CHECK(label IN ('malicious','benign','review','none')),
    tags TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    UNIQUE(dataset_id, scope, key));
)sql",
    // 1 -> 2: audit trail, and indexes the explorer sorts on.
    R"sql(
CREATE TABLE audit(
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    detail_json TEXT NOT NULL DEFAULT '{}');
CREATE INDEX scores_by_score ON scores(run_id, score DESC);
CREATE INDEX labels_by_label ON labels(dataset_id, label);
)sql",
    // 2 -> 3: triage — suppression rules ("never flag this value"), applied when rows are read.
    R"sql(
CREATE TABLE suppressions(
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE(dataset_id, field, value));
CREATE INDEX scores_by_cluster ON scores(run_id, cluster, score DESC);
)sql",
};

QString nowIso() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); }

Result<void> setMeta(sql::Database &db, const char *key, const QString &value)
{
    auto st = db.prepare("INSERT INTO meta(key, value) VALUES(?1, ?2) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, std::string_view(key)).bind(2, value);
    return st->run();
}

Result<void> migrate(sql::Database &db, int from, int to)
{
    sql::Transaction tx(db);
    if (!tx.ok())
        return tl::unexpected(tx.error());
    for (int v = from; v < to; ++v) {
        if (auto r = db.exec(kMigrations[size_t(v)]); !r) {
            return fail(r.error().code, QStringLiteral("Migrating %1 from schema version %2 to %3 failed: %4")
                                            .arg(db.path()).arg(v).arg(v + 1).arg(r.error().message));
        }
    }
    if (auto r = setMeta(db, "schema_version", QString::number(to)); !r)
        return r;
    if (auto r = db.exec("PRAGMA application_id = " + std::to_string(Project::kApplicationId)); !r)
        return r;
    return tx.commit();
}

Result<void> configureConnection(sql::Database &db)
{
    // WAL: readers never block the writer, and a kill -9 leaves every committed transaction.
    if (auto r = db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"); !r)
        return r;
    return {};
}

/// Reads the header of \a path without SQLite, so a foreign file is refused untouched.
Result<void> checkIsSqliteFile(const QString &path)
{
    QFileInfo fi(path);
    if (fi.isDir())
        return fail(ErrorCode::NotAProject, QStringLiteral("%1 is a folder, not a Vigil project file.").arg(path));
    if (auto ok = io::checkReadableFile(path, QStringLiteral("Project file")); !ok)
        return ok;
    // Through SQLite's file layer, not QFile: see sql::readFileHeader().
    auto header = sql::readFileHeader(path, 16);
    if (!header) {
        // Say why the way file errors are said elsewhere; a failed open holds no descriptor.
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return tl::unexpected(io::openFailure(path, QStringLiteral("Project file"), f));
        return tl::unexpected(header.error());
    }
    if (*header != QByteArray("SQLite format 3\0", 16))
        return fail(ErrorCode::NotAProject,
                    QStringLiteral("%1 is not a Vigil project (it is not an SQLite database). "
                                   "Use File ▸ Import to read logs and data sets.").arg(path));
    return {};
}

} // namespace

Project::Project(QString path, sql::Database db, int version)
    : m_path(std::move(path)), m_db(std::move(db)), m_version(version)
{
}

Project::~Project() = default;

Result<std::unique_ptr<Project>> Project::create(const QString &path)
{
    if (QFileInfo::exists(path))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 already exists; choose another name or open it instead.").arg(path));
    if (auto r = createAtVersion(path, kSchemaVersion); !r)
        return tl::unexpected(r.error());
    return open(path);
}

Result<void> Project::createAtVersion(const QString &path, int version)
{
    if (version < 1 || version > kSchemaVersion)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("No schema version %1.").arg(version));
    auto db = sql::Database::open(path, sql::Database::Mode::Create);
    if (!db)
        return tl::unexpected(db.error());
    // 16 KiB pages: a million-record import writes 4x fewer pages (WAL + checkpoint) than with
    // 4 KiB and costs ~25% less CPU (bench_import); small label writes are still cheap. Only
    // possible before the first table exists and before WAL mode.
    if (auto r = db->exec("PRAGMA page_size = 16384"); !r) {
        db->close();
        QFile::remove(path);
        return r;
    }
    if (auto r = configureConnection(*db); !r) {
        db->close();
        QFile::remove(path);
        return r;
    }
    auto r = migrate(*db, 0, version);
    if (r) {
        r = setMeta(*db, "created_by", QStringLiteral(VIGIL_VERSION))
                .and_then([&] { return setMeta(*db, "created_at", nowIso()); });
    }
    if (!r) {
        db->close();
        QFile::remove(path);
        return r;
    }
    return {};
}

Result<std::unique_ptr<Project>> Project::open(const QString &path)
{
    if (auto r = checkIsSqliteFile(path); !r)
        return tl::unexpected(r.error());

    // Inspect read-only first: nothing may be written to a file we end up refusing.
    int version = 0;
    {
        auto ro = sql::Database::open(path, sql::Database::Mode::ReadOnly);
        if (!ro)
            return tl::unexpected(ro.error());
        auto appId = ro->scalarInt("PRAGMA application_id");
        if (!appId)
            return fail(ErrorCode::Corrupt, QStringLiteral("%1 cannot be read: %2").arg(path, appId.error().message));
        auto hasMeta = ro->scalarInt("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'");
        if (!hasMeta)
            return fail(ErrorCode::Corrupt, QStringLiteral("%1 is damaged and cannot be read: %2").arg(path, hasMeta.error().message));
        if (*appId != kApplicationId || *hasMeta == 0)
            return fail(ErrorCode::NotAProject,
                        QStringLiteral("%1 is an SQLite database but not a Vigil project.").arg(path));
        auto st = ro->prepare("SELECT value FROM meta WHERE key = 'schema_version'");
        if (!st)
            return tl::unexpected(st.error());
        auto row = st->step();
        if (!row || !*row)
            return fail(ErrorCode::Corrupt, QStringLiteral("%1 has no schema version; the project is damaged.").arg(path));
        bool ok = false;
        version = st->text(0).toInt(&ok);
        if (!ok || version < 1)
            return fail(ErrorCode::Corrupt, QStringLiteral("%1 has an invalid schema version '%2'.").arg(path, st->text(0)));
    }
    if (version > kSchemaVersion)
        return fail(ErrorCode::TooNew,
                    QStringLiteral("%1 was written by a newer Vigil (project schema %2; this build reads up to %3). "
                                   "Update Vigil to open it.").arg(path).arg(version).arg(kSchemaVersion));

    auto db = sql::Database::open(path, sql::Database::Mode::ReadWrite);
    if (!db)
        return tl::unexpected(db.error());
    if (auto r = configureConnection(*db); !r)
        return tl::unexpected(r.error());
    if (version < kSchemaVersion) {
        if (auto r = migrate(*db, version, kSchemaVersion); !r)
            return tl::unexpected(r.error());
    }
    return std::unique_ptr<Project>(new Project(path, std::move(*db), kSchemaVersion));
}

Result<ProjectSummary> Project::summary()
{
    ProjectSummary s;
    s.path = m_path;
    s.schemaVersion = m_version;
    auto st = m_db.prepare("SELECT key, value FROM meta");
    if (!st)
        return tl::unexpected(st.error());
    auto walked = st->forEach([&s](sql::Statement &row) {
        const QString key = row.text(0);
        if (key == QLatin1String("created_by"))
            s.createdBy = row.text(1);
        else if (key == QLatin1String("created_at"))
            s.createdAt = QDateTime::fromString(row.text(1), Qt::ISODateWithMs);
    });
    if (!walked)
        return tl::unexpected(walked.error());
    auto count = [&](const char *sqlText) -> std::int64_t {
        auto n = m_db.scalarInt(sqlText);
        return n ? *n : 0;
    };
    s.datasets = count("SELECT count(*) FROM datasets");
    s.models = count("SELECT count(*) FROM models");
    s.runs = count("SELECT count(*) FROM runs");
    s.labels = count("SELECT count(*) FROM labels WHERE label <> 'none'");
    return s;
}

Result<ProjectContents> Project::contents()
{
    ProjectContents c;
    auto sum = summary();
    if (!sum)
        return tl::unexpected(sum.error());
    c.summary = *sum;

    auto forEachRow = [this](const char *sqlText, auto &&fn) -> Result<void> {
        auto st = m_db.prepare(sqlText);
        if (!st)
            return tl::unexpected(st.error());
        return st->forEach(fn);
    };
    auto r = forEachRow("SELECT id, name, format, source_path, row_count, bad_lines FROM datasets ORDER BY id",
                        [&](sql::Statement &st) {
                            c.datasets.push_back({st.int64(0), st.text(1), st.text(2), st.text(3), st.int64(4), st.int64(5)});
                        })
                 .and_then([&] {
                     // How a model of sessions reads them, from its metadata (ml/pipeline.cpp
                     // stores "sequence" or "sessionFeatures" {entity, gapSeconds}).
                     return forEachRow("SELECT id, name, kind, coalesce(dataset_id, 0), "
                                       "coalesce(json_extract(metadata_json, '$.sessionFeatures.entity'), "
                                       "json_extract(metadata_json, '$.sequence.entity'), ''), "
                                       "coalesce(json_extract(metadata_json, '$.sessionFeatures.gapSeconds'), "
                                       "json_extract(metadata_json, '$.sequence.gapSeconds'), 0) FROM models ORDER BY id",
                                       [&](sql::Statement &st) {
                                           c.models.push_back({st.int64(0), st.text(1), st.text(2), st.int64(3), {st.text(4), st.real(5)}});
                                       });
                 })
                 .and_then([&] {
                     return forEachRow("SELECT id, model_id, dataset_id, coalesce(threshold, 0), created_at FROM runs ORDER BY id",
                                       [&](sql::Statement &st) {
                                           c.runs.push_back({st.int64(0), st.int64(1), st.int64(2), st.real(3), st.text(4)});
                                       });
                 });
    if (!r)
        return tl::unexpected(r.error());
    return c;
}

Result<void> Project::audit(const QString &action, const QString &detailJson)
{
    auto st = m_db.prepare("INSERT INTO audit(at, action, detail_json) VALUES(?1, ?2, ?3)");
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, nowIso()).bind(2, action).bind(3, detailJson.isEmpty() ? QStringLiteral("{}") : detailJson);
    return st->run();
}

} // namespace vigil
