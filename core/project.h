#pragma once

#include "result.h"
#include "sessions/sessionspec.h"
#include "sqlite.h"

#include <QDateTime>
#include <QString>

#include <memory>
#include <vector>

namespace vigil {

/// Headline figures of a project, for the project tree, `vigil-cli project info` and reports.
struct ProjectSummary {
    QString path;
    int schemaVersion = 0;
    QString createdBy;        ///< Vigil version that created the file
    QDateTime createdAt;
    std::int64_t datasets = 0;
    std::int64_t models = 0;
    std::int64_t runs = 0;
    std::int64_t labels = 0;
};

struct DatasetEntry {
    std::int64_t id = 0;
    QString name;
    QString format;
    QString sourcePath;
    std::int64_t rows = 0;
    std::int64_t badLines = 0;
};

struct ModelEntry {
    std::int64_t id = 0;
    QString name;
    QString kind;
    std::int64_t datasetId = 0;
    /// Models of sessions (sequence, session autoencoder): the entity column and the gap their
    /// sessions are read with; empty for the others.
    SessionSpec sessions;
};

struct RunEntry {
    std::int64_t id = 0;
    std::int64_t modelId = 0;
    std::int64_t datasetId = 0;
    double threshold = 0.0;
    QString createdAt;
};

/// Immutable snapshot of what a project holds, loaded on a worker and handed to the UI.
struct ProjectContents {
    ProjectSummary summary;
    std::vector<DatasetEntry> datasets;
    std::vector<ModelEntry> models;
    std::vector<RunEntry> runs;

    /// The entry with \a id, or nullptr.
    const DatasetEntry *dataset(std::int64_t id) const { return find(datasets, id); }
    const ModelEntry *model(std::int64_t id) const { return find(models, id); }
    const RunEntry *run(std::int64_t id) const { return find(runs, id); }

private:
    template <typename Entry>
    static const Entry *find(const std::vector<Entry> &entries, std::int64_t id)
    {
        for (const Entry &e : entries)
            if (e.id == id)
                return &e;
        return nullptr;
    }
};

/// One investigation = one SQLite file (`*.vigil`) in WAL mode with a versioned schema.
///
/// The object owns the connection of the thread that opened it. Workers that need the project
/// open their own connection with Project::open() on the same path (one connection per thread).
class Project
{
public:
    /// Schema version this build writes. Files with a smaller version are migrated forward on
    /// open; files with a larger one are refused untouched.
    static constexpr int kSchemaVersion = 3;
    /// SQLite `PRAGMA application_id` of every Vigil project ('VGIL').
    static constexpr std::int32_t kApplicationId = 0x5647494C;
    static constexpr const char *kFileSuffix = "vigil";

    /// Creates a new, empty project. Refuses to overwrite an existing file.
    static Result<std::unique_ptr<Project>> create(const QString &path);
    /// Opens an existing project, migrating it to kSchemaVersion. A file that is not a Vigil
    /// project, or that is newer than this build, is refused and left byte-for-byte unchanged.
    static Result<std::unique_ptr<Project>> open(const QString &path);

    /// For migration tests: creates a project at an older schema \a version.
    static Result<void> createAtVersion(const QString &path, int version);

    ~Project();
    Project(const Project &) = delete;
    Project &operator=(const Project &) = delete;

    QString path() const { return m_path; }
    int schemaVersion() const { return m_version; }
    sql::Database &db() { return m_db; }

    Result<ProjectSummary> summary();
    Result<ProjectContents> contents();

    /// Appends an audit-trail entry (`action`, JSON `detail`); part of the caller's transaction
    /// when one is open.
    Result<void> audit(const QString &action, const QString &detailJson = {});

private:
    Project(QString path, sql::Database db, int version);

    QString m_path;
    sql::Database m_db;
    int m_version = 0;
};

} // namespace vigil
