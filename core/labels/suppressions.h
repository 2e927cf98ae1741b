#pragma once

#include "core/query/compiler.h"
#include "core/result.h"

#include <vector>

namespace vigil {

class Project;

/// "Never flag this value": rows where `field = value` are suppressed — shown as suppressed and
/// excluded from alerts (anomaly counts, next-anomaly navigation) — including rows scored before
/// the rule existed, because the rule is applied when rows are read, not when they are scored.
struct SuppressionRule {
    std::int64_t id = 0;
    std::int64_t datasetId = 0;
    QString field;     ///< a field of the filter language (query::FieldSet name)
    QString value;
    QString note;
    QString createdAt;
};

/// The `suppressions` table (schema version 3). Writes are audited.
class SuppressionStore
{
public:
    explicit SuppressionStore(Project &project) : m_project(project) {}

    /// Adds a rule after checking \a field exists in \a fields and \a value suits its type.
    /// Adding an existing (field, value) returns the existing rule's id.
    Result<std::int64_t> add(std::int64_t datasetId, const QString &field, const QString &value, const QString &note,
                             const query::FieldSet &fields);
    Result<void> remove(std::int64_t id);
    Result<std::vector<SuppressionRule>> list(std::int64_t datasetId);

private:
    Project &m_project;
};

/// One SQL condition true for rows matched by any rule (OR of `field = ?`), with bound values;
/// empty when there are no usable rules. Rules whose field no longer exists are skipped.
query::CompiledFilter suppressionCondition(const std::vector<SuppressionRule> &rules, const query::FieldSet &fields);

} // namespace vigil
