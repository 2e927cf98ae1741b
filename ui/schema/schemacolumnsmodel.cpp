#include "ui/schema/schemacolumnsmodel.h"

namespace vigil::ui {

namespace {

Encoding defaultEncoding(ValueKind kind)
{
    switch (kind) {
    case ValueKind::Numeric:
        return Encoding::Numeric;
    case ValueKind::Timestamp:
        return Encoding::TimeParts;
    case ValueKind::Ip:
        return Encoding::IpParts;
    case ValueKind::Categorical:
    case ValueKind::Text:
    case ValueKind::Constant:
        return Encoding::OneHot;
    }
    return Encoding::OneHot;
}

QStringList roleChoices()
{
    return {roleName(Role::Feature), roleName(Role::Label), roleName(Role::Timestamp), roleName(Role::EntityKey), roleName(Role::Ignore)};
}

QStringList encodingChoices()
{
    return {encodingName(Encoding::None), encodingName(Encoding::OneHot), encodingName(Encoding::Numeric),
            encodingName(Encoding::TimeParts), encodingName(Encoding::IpParts)};
}

QStringList transformChoices()
{
    return {transformName(NumericTransform::MinMax), transformName(NumericTransform::Standardize),
            transformName(NumericTransform::Log1pMinMax), transformName(NumericTransform::Log1pStandardize)};
}

bool usesCategories(const ColumnSpec &c)
{
    return c.encoding == Encoding::OneHot || c.encoding == Encoding::IpParts;
}

} // namespace

SchemaColumnsModel::SchemaColumnsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SchemaColumnsModel::setSchema(const FeatureSchema &schema)
{
    bool sameColumns = schema.columns.size() == m_schema.columns.size();
    for (size_t i = 0; sameColumns && i < schema.columns.size(); ++i)
        sameColumns = schema.columns[i].name == m_schema.columns[i].name;
    if (sameColumns) {
        m_schema = schema;
        if (!m_schema.columns.empty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_schema = schema;
    endResetModel();
}

int SchemaColumnsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_schema.columns.size());
}

int SchemaColumnsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SchemaColumnsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ColumnSpec &c = m_schema.columns[size_t(index.row())];
    const double missing = c.rows > 0 ? 100.0 * double(c.missing) / double(c.rows) : 0.0;
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case NameColumn:
            return c.name;
        case TypeColumn:
            return kindName(c.kind);
        case RoleColumn:
            return roleName(c.role);
        case EncodingColumn:
            return encodingName(c.encoding);
        case TransformColumn:
            return c.encoding == Encoding::Numeric ? transformName(c.transform) : QVariant();
        case TopKColumn:
            if (!usesCategories(c))
                return {};
            return role == Qt::EditRole ? QVariant(c.topK) : QVariant(c.topK == 0 ? tr("all") : QString::number(c.topK));
        case CardinalityColumn:
            return qint64(c.cardinality);
        case WidthColumn:
            return c.width();
        case MissingColumn:
            return role == Qt::EditRole ? QVariant(missing) : QVariant(QStringLiteral("%1 %").arg(missing, 0, 'f', 1));
        case TopValuesColumn: {
            QStringList parts;
            for (const auto &[v, n] : c.topValues)
                parts << QStringLiteral("%1 (%2)").arg(v.left(40)).arg(n);
            return parts.join(QStringLiteral(", "));
        }
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case CardinalityColumn:
        case WidthColumn:
        case MissingColumn:
        case TopKColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == TopValuesColumn) {
            QStringList lines;
            for (const auto &[v, n] : c.topValues)
                lines << QStringLiteral("%1\t%2").arg(n).arg(v.left(200).toHtmlEscaped());
            return lines.join(QLatin1Char('\n'));
        }
        if (index.column() == EncodingColumn && usesCategories(c)) {
            QString tip = tr("%1 categories kept%2").arg(c.categories.size()).arg(c.hasOther ? tr(" + OTHER") : QString());
            if (c.encoding == Encoding::IpParts && !c.geoNote.isEmpty())
                tip += QLatin1Char('\n') + (c.geo ? tr("%1 countries kept%2; ").arg(c.countries.size()).arg(c.countriesHaveOther ? tr(" + OTHER") : QString()) : QString()) + c.geoNote;
            return tip;
        }
        return {};
    }
    if (role == TopValuesRole) {
        QVariantList list;
        for (const auto &[v, n] : c.topValues)
            list.append(QVariant(QVariantList{v, qint64(n)}));
        return list;
    }
    if (role == RowsRole)
        return qint64(c.rows);
    if (role == ChoicesRole) {
        switch (index.column()) {
        case RoleColumn:
            return roleChoices();
        case EncodingColumn:
            return encodingChoices();
        case TransformColumn:
            return transformChoices();
        default:
            return {};
        }
    }
    return {};
}

QVariant SchemaColumnsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Column");
    case TypeColumn:
        return tr("Type");
    case RoleColumn:
        return tr("Role");
    case EncodingColumn:
        return tr("Encoding");
    case TransformColumn:
        return tr("Transform");
    case TopKColumn:
        return tr("Top-K");
    case CardinalityColumn:
        return tr("Distinct");
    case WidthColumn:
        return tr("Width");
    case MissingColumn:
        return tr("Missing");
    case TopValuesColumn:
        return tr("Top values");
    default:
        return {};
    }
}

Qt::ItemFlags SchemaColumnsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    const ColumnSpec &c = m_schema.columns[size_t(index.row())];
    switch (index.column()) {
    case RoleColumn:
    case EncodingColumn:
        f |= Qt::ItemIsEditable;
        break;
    case TransformColumn:
        if (c.encoding == Encoding::Numeric)
            f |= Qt::ItemIsEditable;
        break;
    case TopKColumn:
        if (usesCategories(c))
            f |= Qt::ItemIsEditable;
        break;
    default:
        break;
    }
    return f;
}

bool SchemaColumnsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    if (!(flags(index) & Qt::ItemIsEditable))
        return false;
    ColumnSpec &c = m_schema.columns[size_t(index.row())];
    switch (index.column()) {
    case RoleColumn: {
        auto r = roleFromName(value.toString());
        if (!r || *r == c.role)
            return false;
        c.role = *r;
        if (c.role == Role::Label || c.role == Role::Ignore)
            c.encoding = Encoding::None;
        else if (c.encoding == Encoding::None && c.role == Role::Feature)
            c.encoding = defaultEncoding(c.kind);
        break;
    }
    case EncodingColumn: {
        auto e = encodingFromName(value.toString());
        if (!e || *e == c.encoding)
            return false;
        c.encoding = *e;
        if (c.encoding != Encoding::None && (c.role == Role::Label || c.role == Role::Ignore))
            c.role = Role::Feature;
        break;
    }
    case TransformColumn: {
        auto t = transformFromName(value.toString());
        if (!t || *t == c.transform)
            return false;
        c.transform = *t;
        break;
    }
    case TopKColumn: {
        bool ok = false;
        const int k = value.toInt(&ok);
        if (!ok || k < 0 || k == c.topK)
            return false;
        c.topK = k;
        break;
    }
    default:
        return false;
    }
    c.fitted = false;
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    Q_EMIT specsEdited();
    return true;
}

} // namespace vigil::ui
