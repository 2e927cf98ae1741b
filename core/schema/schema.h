#pragma once

#include "core/features.h"
#include "core/progress.h"
#include "core/result.h"
#include "core/table.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <utility>
#include <vector>

namespace vigil {

class Project;
namespace sql {
class Database;
}

/// What a column is for. Only Feature, Timestamp and EntityKey columns may carry an encoding;
/// Label and Ignore columns never become model input.
enum class Role { Feature, Label, Timestamp, EntityKey, Ignore };

/// What the values of a column look like (inferred from the data, shown in the preview).
enum class ValueKind {
    Numeric,      ///< numbers with an order (bytes, counts, rates)
    Categorical,  ///< few distinct values (method, service, status)
    Timestamp,    ///< seconds since the epoch
    Ip,           ///< IPv4/IPv6 addresses
    Text,         ///< free text with many distinct values (paths, user agents)
    Constant,     ///< a single value (or none): carries no information
};

/// How a column becomes features.
enum class Encoding {
    None,     ///< no features
    OneHot,   ///< top-K categories (+ OTHER when some were cut), one feature each
    Numeric,  ///< one feature: transform(x), scaled with parameters fitted on the training table
    TimeParts,///< a timestamp as two one-hot blocks: hour of day (24, UTC) and weekday (7)
    IpParts,  ///< an address as scope (private/public/…) one-hot + network prefix one-hot (top-K),
              ///< and country (top-K) + continent one-hots where the GeoIP country database is installed
};

/// Numeric transforms. log1p is sign-preserving (sign(x)·log1p(|x|)), which equals log1p for the
/// non-negative counts it is meant for and stays finite on negative CIC-IDS values.
enum class NumericTransform { MinMax, Standardize, Log1pMinMax, Log1pStandardize };

/// One column of a schema: inferred kind, user-editable role and encoding settings, statistics
/// of the training table, and the fitted encoder parameters.
struct ColumnSpec {
    QString name;
    ValueKind kind = ValueKind::Text;
    Role role = Role::Ignore;
    Encoding encoding = Encoding::None;
    int topK = 100;                       ///< OneHot/IpParts prefix: keep at most K categories; 0 = all
    std::int64_t minFrequency = 1;        ///< categories seen fewer times go to OTHER
    NumericTransform transform = NumericTransform::MinMax;
    bool sortCategoriesByName = false;    ///< profiles: lexicographic order (nslkdd_ref.py's sorted())

    // Statistics of the table the schema was fitted on (for the preview and the CLI).
    std::int64_t rows = 0;
    std::int64_t missing = 0;             ///< missing values (empty text, NaN)
    std::int64_t nonFinite = 0;           ///< ±Inf values (clipped to the fitted range)
    std::int64_t cardinality = 0;         ///< distinct non-missing values
    std::vector<std::pair<QString, std::int64_t>> topValues; ///< up to 10, most frequent first

    // Fitted parameters (fitSchema); encodeTable uses only these.
    bool fitted = false;
    QStringList categories;               ///< OneHot / IpParts prefix: feature order
    bool hasOther = false;                ///< a trailing `name=OTHER` feature exists
    double shift = 0.0;                   ///< Numeric: (t(x) - shift) / scale
    double scale = 1.0;
    double low = 0.0, high = 0.0;         ///< Numeric: finite range of t(x) on the training table
    /// IpParts: country and region blocks exist (the GeoIP country database was there at fit
    /// time). Addresses without a country (private, reserved, unknown) encode as all zeros.
    bool geo = false;
    QStringList countries;                ///< IpParts country block: ISO codes in feature order
    bool countriesHaveOther = false;      ///< a trailing `name.country=OTHER` feature exists
    QString geoNote;                      ///< IpParts: the database used, or why there is no country/region

    /// Number of features this column contributes (after fitting).
    int width() const;
};

/// A fitted feature schema: one ColumnSpec per table column, in table order. Blocks are laid out
/// one-hot first, then numeric, each group in column order (that is nslkdd_ref.py's layout).
struct FeatureSchema {
    static constexpr int kVersion = 1;
    QString profile;                      ///< "", "nslkdd", "kdd99", …
    std::vector<ColumnSpec> columns;

    int width() const;
    /// The feature blocks (offset, width, names) this schema produces.
    std::vector<FeatureBlock> blocks() const;
    const ColumnSpec *column(const QString &name) const;
    /// First column with \a role, or an empty string.
    QString columnWithRole(Role role) const;

    QJsonObject toJson() const;
    static Result<FeatureSchema> fromJson(const QJsonObject &object);
};

/// Inference settings.
struct SchemaOptions {
    QString profile;                      ///< "", "nslkdd", "kdd99"; empty = detect from column names
    int topK = 100;                       ///< default K for one-hot columns
    std::int64_t minFrequency = 1;        ///< default minimum category count
    int maxCategories = 256;              ///< more distinct text values → free text (unless top-K covers 80 %)
};

/// Infers kind, role and encoding of every column of \a table (no fitting): the list the UI edits.
Result<std::vector<ColumnSpec>> inferColumns(const Table &table, const SchemaOptions &options = {},
                                             ProgressFn progress = {});

/// Fits \a specs (as inferred, possibly edited) on \a table: statistics, categories, scaling.
/// Fails with ErrorCode::Mismatch when a spec names a column \a table lacks or whose data cannot
/// carry the encoding, and with InvalidArgument on an empty table.
Result<FeatureSchema> fitSchema(const Table &table, std::vector<ColumnSpec> specs, const QString &profile = {},
                                ProgressFn progress = {});

/// inferColumns + fitSchema: the default schema of \a table, fitted on it.
Result<FeatureSchema> inferSchema(const Table &table, const SchemaOptions &options = {}, ProgressFn progress = {});

/// Encodes \a table with the fitted \a schema; never refits: categories unseen in training go to
/// OTHER (when the column has it) or to all zeros, numbers are scaled with the training
/// parameters. Fails with Mismatch (naming the column) when \a table lacks a column the schema
/// encodes, Cancelled when \a progress says so.
Result<FeatureMatrix> encodeTable(const FeatureSchema &schema, const Table &table, ProgressFn progress = {});
/// The columns \a schema encodes: all that encoding a chunk of a data set needs to load. Free-text
/// columns the schema ignores (user agents, referrers) are the costliest to load.
QStringList encodedColumns(const FeatureSchema &schema);

/// encodeTable for rows [\a first, \a first + \a count) only (clamped to the table): the
/// preview encodes the one record it shows without materialising the whole matrix.
Result<FeatureMatrix> encodeRows(const FeatureSchema &schema, const Table &table, std::int64_t first, std::int64_t count,
                                 ProgressFn progress = {});

/// The schema's label column of \a table as class ids; names are sorted, the benign class
/// ("normal", "benign", "0", case-insensitive) is normalId. NotFound when there is no label role.
Result<LabelVector> extractLabels(const FeatureSchema &schema, const Table &table);

/// One encoded feature of a row, for explanations.
struct NamedFeature {
    int index = 0;
    QString name;
    float value = 0.0f;
};

/// One block of a row: `service=http → 0100…` for one-hot, the scaled value for numeric blocks.
struct BlockView {
    QString block;         ///< block name ("service", "remote_addr.scope", "log1p(src_bytes)")
    bool oneHot = false;
    QString active;        ///< one-hot: the feature set to 1 ("service=http"), empty when all zero
    QString bits;          ///< one-hot: "0100…", one character per feature
    float value = 0.0f;    ///< numeric: the encoded value
};

struct RowExplanation {
    std::int64_t recordId = 0;
    std::vector<NamedFeature> nonZero;   ///< every non-zero feature, in matrix order
    std::vector<BlockView> blocks;       ///< every block, in matrix order
};

/// Names the non-zero features of \a row of \a matrix and shows each block as bits/value.
Result<RowExplanation> explain(const FeatureSchema &schema, const FeatureMatrix &matrix, std::int64_t row);

/// Stores \a schema for \a datasetId in the `schemas` table (a new row; the newest wins).
Result<std::int64_t> saveSchema(Project &project, std::int64_t datasetId, const FeatureSchema &schema);
/// The newest schema stored for \a datasetId; NotFound when there is none.
Result<FeatureSchema> loadSchema(sql::Database &db, std::int64_t datasetId);

/// Stable lower-case names for UI, JSON and CLI ("feature", "one-hot", "log1p-minmax", …).
QString roleName(Role role);
QString kindName(ValueKind kind);
QString encodingName(Encoding encoding);
QString transformName(NumericTransform transform);
Result<Role> roleFromName(const QString &name);
Result<ValueKind> kindFromName(const QString &name);
Result<Encoding> encodingFromName(const QString &name);
Result<NumericTransform> transformFromName(const QString &name);

/// The NSL-KDD / KDD'99 column names (41 features, then label and, for NSL-KDD, difficulty).
const QStringList &nslKddColumnNames();

} // namespace vigil
