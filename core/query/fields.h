#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace vigil::query {

/// What a field holds; decides which operators and literals are valid.
enum class FieldType { Text, Integer, Real, Timestamp, Ip };

QString fieldTypeName(FieldType type);

/// A name the user may type, and the SQL expression Vigil generated for it (a quoted column of
/// a table alias such as `d."c3"`). The expression never contains user text.
struct Field {
    QString name;
    FieldType type = FieldType::Text;
    QString sql;
    QStringList allowedValues; ///< when not empty, equality values must be one of these (e.g. label)
    QString description;       ///< shown in completion pop-ups and the column chooser
};

/// The fields a filter may use, looked up case-insensitively.
class FieldSet
{
public:
    void add(Field field);
    const Field *find(const QString &name) const;
    const std::vector<Field> &fields() const { return m_fields; }
    QStringList names() const;

    /// The closest known name when \a name is a likely typo (edit distance ≤ 2, or a prefix).
    QString suggest(const QString &name) const;
    /// Field names starting with \a prefix (case-insensitive), in declaration order.
    QStringList complete(const QString &prefix) const;

    /// Turns an arbitrary column name from a data set into a field name the grammar accepts:
    /// other characters become '_', a leading digit gets '_' in front, empty becomes "column".
    static QString sanitizeName(const QString &name);

private:
    std::vector<Field> m_fields;
};

/// Edit distance (Levenshtein), case-insensitive, capped at \a cap + 1 for speed.
int editDistance(const QString &a, const QString &b, int cap = 3);

/// Where the user's caret sits in a filter and what could be typed there.
struct Completion {
    int replaceStart = 0;   ///< offset of the word being typed
    int replaceLength = 0;  ///< its length
    QString prefix;         ///< the word typed so far
    QStringList candidates; ///< field names (or keywords) that complete it
};

/// Completion at \a cursor: field names where a field is expected, operators/keywords after
/// a field, `and`/`or` after a value.
Completion completeAt(const QString &text, int cursor, const FieldSet &fields);

} // namespace vigil::query
