#pragma once

// Shared steps of `vigil-cli train`, `score` and `evaluate`: open the project, load a dataset
// and encode it with a schema. Header-only and private to the CLI.

#include "app/cli/cli.h"
#include "core/project.h"
#include "core/schema/schema.h"
#include "core/store/datasetstore.h"
#include "core/table.h"

#include <QCommandLineParser>

#include <cstdio>
#include <optional>

namespace vigil::cli::mlcli {

/// The dataset, its schema (the stored one, else inferred, fitted and stored) and its matrix.
struct Encoded {
    Table table;
    FeatureSchema schema;
    FeatureMatrix matrix;
    std::optional<LabelVector> labels;
};

inline Result<QString> datasetName(sql::Database &db, std::int64_t datasetId)
{
    auto st = db.prepare("SELECT name FROM datasets WHERE id = ?1");
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, datasetId);
    auto row = st->step();
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, QStringLiteral("Dataset %1 does not exist in this project (see `vigil-cli project info`).").arg(datasetId));
    return st->text(0);
}

/// Loads dataset \a datasetId and encodes it with \a schema, or with the dataset's own schema
/// when \a schema is null (fitting and saving one when the dataset has none yet).
inline Result<Encoded> loadEncoded(Project &project, std::int64_t datasetId, const FeatureSchema *schema)
{
    if (auto name = datasetName(project.db(), datasetId); !name)
        return tl::unexpected(name.error());
    auto table = loadTable(project.db(), datasetId);
    if (!table)
        return tl::unexpected(table.error());
    Encoded e;
    e.table = std::move(*table);
    if (schema) {
        e.schema = *schema;
    } else {
        auto stored = loadSchema(project.db(), datasetId);
        if (stored) {
            e.schema = std::move(*stored);
        } else if (stored.error().code == ErrorCode::NotFound) {
            auto inferred = inferSchema(e.table);
            if (!inferred)
                return tl::unexpected(inferred.error());
            if (auto id = saveSchema(project, datasetId, *inferred); !id)
                return tl::unexpected(id.error());
            e.schema = std::move(*inferred);
        } else {
            return tl::unexpected(stored.error());
        }
    }
    auto matrix = encodeTable(e.schema, e.table);
    if (!matrix)
        return tl::unexpected(matrix.error());
    e.matrix = std::move(*matrix);
    if (!e.schema.columnWithRole(Role::Label).isEmpty()) {
        auto labels = extractLabels(e.schema, e.table);
        if (labels)
            e.labels = std::move(*labels);
        else if (labels.error().code != ErrorCode::NotFound)
            return tl::unexpected(labels.error());
    }
    return e;
}

/// Parses a positive id option; false when missing or malformed.
inline bool idOption(const QCommandLineParser &parser, const QString &name, std::int64_t &id)
{
    bool ok = false;
    id = parser.value(name).toLongLong(&ok);
    return ok && id > 0;
}

} // namespace vigil::cli::mlcli
