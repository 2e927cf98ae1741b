#include "core/query/compiler.h"

#include "core/query/ipaddress.h"
#include "core/query/parser.h"
#include "core/sqlite.h"

#include <QDateTime>
#include <QTimeZone>

#include <cmath>

namespace vigil::query {

namespace {

QString opSql(CompareOp op)
{
    switch (op) {
    case CompareOp::Eq: return QStringLiteral("=");
    case CompareOp::Ne: return QStringLiteral("IS NOT");
    case CompareOp::Lt: return QStringLiteral("<");
    case CompareOp::Le: return QStringLiteral("<=");
    case CompareOp::Gt: return QStringLiteral(">");
    case CompareOp::Ge: return QStringLiteral(">=");
    }
    return QStringLiteral("=");
}

std::optional<double> parseNumber(const QString &text)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

class Compiler
{
public:
    Compiler(const FieldSet &fields, QueryError *error) : m_fields(fields), m_error(error) {}

    Result<CompiledFilter> run(const Node *root)
    {
        CompiledFilter out;
        if (!root)
            return out;
        auto sqlText = node(*root);
        if (!sqlText)
            return tl::unexpected(sqlText.error());
        out.where = *sqlText;
        out.params = std::move(m_params);
        out.fieldsUsed = m_used;
        return out;
    }

private:
    tl::unexpected<Error> failAt(SourceSpan span, const QString &message)
    {
        if (span.length == 0)
            span.length = 1;
        const QString full = positioned(span, message);
        if (m_error)
            *m_error = QueryError{span, full};
        return fail(ErrorCode::Parse, full);
    }

    QString placeholder(QVariant v)
    {
        m_params.push_back(std::move(v));
        return QStringLiteral("?");
    }

    Result<QString> node(const Node &n)
    {
        switch (n.kind) {
        case Node::Kind::And:
        case Node::Kind::Or: {
            QStringList parts;
            for (const auto &c : n.children) {
                auto s = node(*c);
                if (!s)
                    return s;
                parts << *s;
            }
            return QStringLiteral("(") + parts.join(n.kind == Node::Kind::And ? QStringLiteral(" AND ") : QStringLiteral(" OR "))
                   + QStringLiteral(")");
        }
        case Node::Kind::Not: {
            auto s = node(*n.children.front());
            if (!s)
                return s;
            // coalesce: a missing value (NULL) makes the inner test false, so `not` is true.
            return QStringLiteral("(NOT coalesce(") + *s + QStringLiteral(", 0))");
        }
        case Node::Kind::Compare:
        case Node::Kind::In:
        case Node::Kind::Contains:
        case Node::Kind::Between:
            break;
        }
        const Field *field = m_fields.find(n.field);
        if (!field) {
            const QString hint = m_fields.suggest(n.field);
            QString msg = QStringLiteral("unknown field '%1'").arg(n.field);
            if (!hint.isEmpty())
                msg += QStringLiteral(" — did you mean '%1'?").arg(hint);
            else
                msg += QStringLiteral(" (known fields: %1)").arg(m_fields.names().mid(0, 12).join(QStringLiteral(", ")));
            return failAt(n.fieldSpan, msg);
        }
        if (!m_used.contains(field->name))
            m_used << field->name;
        auto s = predicate(n, *field);
        if (!s)
            return s;
        return n.negated ? QStringLiteral("(NOT coalesce(") + *s + QStringLiteral(", 0))") : *s;
    }

    /// The bound value for one literal compared with \a field.
    Result<QVariant> scalar(const Literal &lit, const Field &field)
    {
        switch (field.type) {
        case FieldType::Integer:
        case FieldType::Real: {
            const auto v = parseNumber(lit.text);
            if (!v)
                return failAt(lit.span, QStringLiteral("'%1' is %2; expected a number").arg(field.name, fieldTypeName(field.type)));
            if (field.type == FieldType::Integer && *v == std::floor(*v) && std::abs(*v) < 9.0e15)
                return QVariant(qint64(*v));
            return QVariant(*v);
        }
        case FieldType::Timestamp: {
            if (const auto v = parseNumber(lit.text))
                return QVariant(*v);
            if (const auto t = parseTimestamp(lit.text))
                return QVariant(*t);
            return failAt(lit.span, QStringLiteral("'%1' is a time; expected a date like \"2024-03-04 10:00\" or epoch seconds")
                                        .arg(field.name));
        }
        case FieldType::Ip:
            if (!parseIp(lit.text))
                return failAt(lit.span, QStringLiteral("'%1' is not an IP address (field '%2')").arg(lit.text.left(60), field.name));
            return QVariant(lit.text);
        case FieldType::Text:
            if (!field.allowedValues.isEmpty()) {
                for (const QString &a : field.allowedValues) {
                    if (a.compare(lit.text, Qt::CaseInsensitive) == 0)
                        return QVariant(a);
                }
                return failAt(lit.span, QStringLiteral("'%1' must be one of %2").arg(field.name, field.allowedValues.join(QStringLiteral(", "))));
            }
            return QVariant(lit.text);
        }
        return QVariant(lit.text);
    }

    QString ipRange(const Field &field, const IpRange &range)
    {
        const QByteArray low(reinterpret_cast<const char *>(range.low.data()), 16);
        const QByteArray high(reinterpret_cast<const char *>(range.high.data()), 16);
        // Placeholders are taken in separate statements: operand order inside one expression
        // is unspecified, and parameter order must follow the text.
        const QString lowMark = placeholder(low);
        const QString highMark = placeholder(high);
        return QStringLiteral("vigil_ip_in(") + field.sql + QStringLiteral(", ") + lowMark + QStringLiteral(", ") + highMark
               + QStringLiteral(")");
    }

    Result<QString> predicate(const Node &n, const Field &field)
    {
        const bool numeric = field.type == FieldType::Integer || field.type == FieldType::Real || field.type == FieldType::Timestamp;
        switch (n.kind) {
        case Node::Kind::Compare: {
            const Literal &lit = n.values.front();
            if (field.type == FieldType::Ip && n.op != CompareOp::Eq && n.op != CompareOp::Ne)
                return failAt(n.span, QStringLiteral("'%1' is an address; use =, != or 'in 10.0.0.0/8'").arg(field.name));
            if (field.type == FieldType::Ip && lit.text.contains(u'/'))
                return failAt(lit.span, QStringLiteral("a CIDR block needs 'in': %1 in %2").arg(field.name, lit.text.left(60)));
            auto v = scalar(lit, field);
            if (!v)
                return tl::unexpected(v.error());
            return QStringLiteral("(") + field.sql + QLatin1Char(' ') + opSql(n.op) + QLatin1Char(' ') + placeholder(*v)
                   + QStringLiteral(")");
        }
        case Node::Kind::Contains: {
            if (numeric)
                return failAt(n.span, QStringLiteral("'contains' needs a text field; '%1' is %2").arg(field.name, fieldTypeName(field.type)));
            // instr() is a plain substring test: no LIKE wildcards for the user's text to trip.
            return QStringLiteral("(instr(") + field.sql + QStringLiteral(", ") + placeholder(n.values.front().text)
                   + QStringLiteral(") > 0)");
        }
        case Node::Kind::Between: {
            if (!numeric && field.type != FieldType::Text)
                return failAt(n.span, QStringLiteral("'between' needs a number, time or text field; '%1' is %2")
                                          .arg(field.name, fieldTypeName(field.type)));
            auto lo = scalar(n.values[0], field);
            if (!lo)
                return tl::unexpected(lo.error());
            auto hi = scalar(n.values[1], field);
            if (!hi)
                return tl::unexpected(hi.error());
            const QString loMark = placeholder(*lo);
            const QString hiMark = placeholder(*hi);
            return QStringLiteral("(") + field.sql + QStringLiteral(" BETWEEN ") + loMark + QStringLiteral(" AND ") + hiMark
                   + QStringLiteral(")");
        }
        case Node::Kind::In: {
            // Literal order and placeholder order must agree, so the two kinds of member are
            // gathered first and their parameters appended in the order the SQL uses them.
            std::vector<QVariant> equal;
            std::vector<IpRange> ranges;
            for (const Literal &lit : n.values) {
                const bool looksCidr = lit.text.contains(u'/') && !numeric;
                if (looksCidr || (field.type == FieldType::Ip && lit.kind == Literal::Kind::Word)) {
                    const auto range = parseCidr(lit.text);
                    if (range) {
                        ranges.push_back(*range);
                        continue;
                    }
                    if (field.type == FieldType::Ip)
                        return failAt(lit.span, QStringLiteral("'%1' is not an IP address or CIDR block").arg(lit.text.left(60)));
                }
                auto v = scalar(lit, field);
                if (!v)
                    return tl::unexpected(v.error());
                equal.push_back(*v);
            }
            QStringList parts;
            if (!equal.empty()) {
                QStringList marks;
                for (QVariant &v : equal)
                    marks << placeholder(std::move(v));
                parts << field.sql + QStringLiteral(" IN (") + marks.join(QStringLiteral(", ")) + QStringLiteral(")");
            }
            for (const IpRange &r : ranges)
                parts << ipRange(field, r);
            return QStringLiteral("(") + parts.join(QStringLiteral(" OR ")) + QStringLiteral(")");
        }
        case Node::Kind::And:
        case Node::Kind::Or:
        case Node::Kind::Not:
            break;
        }
        return failAt(n.span, QStringLiteral("internal: unexpected node"));
    }

    const FieldSet &m_fields;
    QueryError *m_error;
    std::vector<QVariant> m_params;
    QStringList m_used;
};

} // namespace

std::optional<double> parseTimestamp(const QString &input)
{
    const QString text = input.trimmed();
    static const char *const formats[] = {"yyyy-MM-dd HH:mm:ss.zzz", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm",
                                          "yyyy-MM-ddTHH:mm:ss.zzz", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm",
                                          "yyyy-MM-dd"};
    QString t = text;
    if (t.endsWith(u'Z'))
        t.chop(1);
    for (const char *f : formats) {
        QDateTime dt = QDateTime::fromString(t, QLatin1String(f));
        if (dt.isValid()) {
            dt.setTimeZone(QTimeZone::utc());
            return double(dt.toMSecsSinceEpoch()) / 1000.0;
        }
    }
    const QDateTime iso = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (iso.isValid())
        return double(iso.toMSecsSinceEpoch()) / 1000.0;
    return std::nullopt;
}

Result<CompiledFilter> compile(const Node *root, const FieldSet &fields, QueryError *error)
{
    return Compiler(fields, error).run(root);
}

Result<CompiledFilter> compileFilter(const QString &text, const FieldSet &fields, QueryError *error)
{
    auto ast = parse(text, error);
    if (!ast)
        return tl::unexpected(ast.error());
    return compile(ast->get(), fields, error);
}

int bindParams(sql::Statement &st, const std::vector<QVariant> &params, int first)
{
    int i = first;
    for (const QVariant &v : params) {
        switch (v.typeId()) {
        case QMetaType::LongLong:
        case QMetaType::Int: st.bind(i, std::int64_t(v.toLongLong())); break;
        case QMetaType::Double: st.bind(i, v.toDouble()); break;
        case QMetaType::QByteArray: st.bindBlob(i, v.toByteArray()); break;
        default: st.bind(i, v.toString()); break;
        }
        ++i;
    }
    return i;
}

} // namespace vigil::query
