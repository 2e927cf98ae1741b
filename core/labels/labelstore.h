#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace vigil {

class Project;

/// What a label is attached to; the key's meaning follows: a record id, a session id, an entity
/// value (e.g. a client address) or a cluster ("<run>/<cluster>").
enum class LabelScope { Record, Session, Entity, Cluster };
/// The analyst's verdict. None keeps tags and notes without a verdict.
enum class LabelValue { None, Malicious, Benign, Review };

QString labelScopeName(LabelScope scope);
std::optional<LabelScope> labelScopeFromName(const QString &name);
QString labelValueName(LabelValue value);
std::optional<LabelValue> labelValueFromName(const QString &name);

/// The stored state of one (scope, key); `exists` is false when no row is stored.
struct LabelState {
    bool exists = false;
    LabelValue label = LabelValue::None;
    QString tags;  ///< comma-separated
    QString note;
    bool operator==(const LabelState &o) const
    {
        return exists == o.exists && (!exists || (label == o.label && tags == o.tags && note == o.note));
    }
};

/// One analyst action: fields left unset keep each item's current value.
struct LabelUpdate {
    std::optional<LabelValue> label;
    std::optional<QString> tags;
    std::optional<QString> note;
};

/// What an action changed, item by item: enough to undo and redo it.
struct LabelEdit {
    std::int64_t datasetId = 0;
    LabelScope scope = LabelScope::Record;
    QString description; ///< "Label 12 records malicious"
    struct Item {
        QString key;
        LabelState before;
        LabelState after;
    };
    std::vector<Item> items;
};

/// Reads and writes the `labels` table of a project. Every write is one transaction with one
/// `audit` row naming each item's old and new state, so a crash never leaves half a batch and
/// the trail says who-what-when. Use from the thread that owns \a project's connection.
class LabelStore
{
public:
    explicit LabelStore(Project &project) : m_project(project) {}

    Result<LabelState> get(std::int64_t datasetId, LabelScope scope, const QString &key);
    /// States of many keys at once (missing keys map to a state with exists == false).
    Result<std::map<QString, LabelState>> getMany(std::int64_t datasetId, LabelScope scope, const QStringList &keys);

    /// Applies \a update to every key in one transaction; items already in the target state are
    /// left out of the returned edit. Fails with InvalidArgument for an empty key list or more
    /// than kMaxBatch keys.
    Result<LabelEdit> apply(std::int64_t datasetId, LabelScope scope, const QStringList &keys, const LabelUpdate &update,
                            const QString &description = {});
    /// Writes every item's `before` state back (deleting rows that did not exist), in one
    /// transaction, audited as "label.undo".
    Result<void> revert(const LabelEdit &edit);
    /// Writes every item's `after` state again, audited as "label.redo".
    Result<void> reapply(const LabelEdit &edit);

    /// Keys (record ids) of every record of \a cluster in \a runId, for "label the whole cluster".
    Result<QStringList> clusterRecordKeys(std::int64_t runId, std::int64_t cluster);

    static constexpr int kMaxBatch = 2'000'000;

private:
    Result<void> write(const LabelEdit &edit, bool forward, const QString &action);

    Project &m_project;
};

} // namespace vigil
