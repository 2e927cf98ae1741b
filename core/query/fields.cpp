#include "core/query/fields.h"

#include "core/query/lexer.h"
#include "core/query/parser.h"

#include <algorithm>

namespace vigil::query {

QString fieldTypeName(FieldType type)
{
    switch (type) {
    case FieldType::Text: return QStringLiteral("text");
    case FieldType::Integer: return QStringLiteral("integer");
    case FieldType::Real: return QStringLiteral("real");
    case FieldType::Timestamp: return QStringLiteral("timestamp");
    case FieldType::Ip: return QStringLiteral("ip");
    }
    return QStringLiteral("text");
}

void FieldSet::add(Field field)
{
    m_fields.push_back(std::move(field));
}

const Field *FieldSet::find(const QString &name) const
{
    for (const Field &f : m_fields) {
        if (f.name.compare(name, Qt::CaseInsensitive) == 0)
            return &f;
    }
    return nullptr;
}

QStringList FieldSet::names() const
{
    QStringList out;
    for (const Field &f : m_fields)
        out << f.name;
    return out;
}

int editDistance(const QString &a, const QString &b, int cap)
{
    // Optimal string alignment distance: a swapped pair ("stauts") counts as one edit.
    const QString x = a.toLower();
    const QString y = b.toLower();
    if (std::abs(int(x.size()) - int(y.size())) > cap || x.size() > 128 || y.size() > 128)
        return cap + 1;
    const size_t n = size_t(x.size()), m = size_t(y.size());
    std::vector<int> d((n + 1) * (m + 1));
    auto at = [&](size_t i, size_t j) -> int & { return d[i * (m + 1) + j]; };
    for (size_t i = 0; i <= n; ++i)
        at(i, 0) = int(i);
    for (size_t j = 0; j <= m; ++j)
        at(0, j) = int(j);
    for (size_t i = 1; i <= n; ++i) {
        for (size_t j = 1; j <= m; ++j) {
            const int cost = x.at(qsizetype(i - 1)) == y.at(qsizetype(j - 1)) ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && x.at(qsizetype(i - 1)) == y.at(qsizetype(j - 2)) && x.at(qsizetype(i - 2)) == y.at(qsizetype(j - 1)))
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    }
    return std::min(at(n, m), cap + 1);
}

QString FieldSet::suggest(const QString &name) const
{
    QString best;
    int bestDistance = 3;
    for (const Field &f : m_fields) {
        const int d = editDistance(name, f.name, 2);
        if (d < bestDistance) {
            bestDistance = d;
            best = f.name;
        }
    }
    if (best.isEmpty() && name.size() >= 2) {
        for (const Field &f : m_fields) {
            if (f.name.startsWith(name, Qt::CaseInsensitive))
                return f.name;
        }
    }
    return best;
}

QStringList FieldSet::complete(const QString &prefix) const
{
    QStringList out;
    for (const Field &f : m_fields) {
        if (f.name.startsWith(prefix, Qt::CaseInsensitive))
            out << f.name;
    }
    return out;
}

QString FieldSet::sanitizeName(const QString &name)
{
    QString out;
    out.reserve(name.size());
    for (const QChar c : name) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'.';
        out += ok ? c : u'_';
    }
    if (out.isEmpty())
        return QStringLiteral("column");
    if (out.at(0).isDigit() || out.at(0) == u'.')
        out.prepend(u'_');
    return out;
}

Completion completeAt(const QString &text, int cursor, const FieldSet &fields)
{
    Completion c;
    cursor = std::clamp(cursor, 0, int(text.size()));
    int start = cursor;
    auto wordChar = [](QChar ch) { return ch.isLetterOrNumber() || ch == u'_' || ch == u'.'; };
    while (start > 0 && wordChar(text.at(start - 1)))
        --start;
    c.replaceStart = start;
    int end = cursor;
    while (end < text.size() && wordChar(text.at(end)))
        ++end;
    c.replaceLength = end - start;
    c.prefix = text.mid(start, cursor - start);

    // Decide from the tokens before the word what kind of thing comes next.
    auto tokens = tokenize(text.left(start));
    enum class Expect { Field, Operator, Connective } expect = Expect::Field;
    if (tokens) {
        std::vector<Token> t = std::move(*tokens);
        t.pop_back(); // End
        if (!t.empty()) {
            const Token &last = t.back();
            const bool lastIsKeyword = last.type == Token::Type::Word && isKeyword(last.text);
            if (last.type == Token::Type::LParen || last.type == Token::Type::Comma || last.type == Token::Type::Op
                || (lastIsKeyword && (last.text.compare(QLatin1String("and"), Qt::CaseInsensitive) == 0
                                      || last.text.compare(QLatin1String("or"), Qt::CaseInsensitive) == 0
                                      || last.text.compare(QLatin1String("not"), Qt::CaseInsensitive) == 0))) {
                // After an operator or ',' a value follows; values are not completed, but after
                // and/or/not/( a field does.
                expect = (last.type == Token::Type::Op || last.type == Token::Type::Comma) ? Expect::Connective
                                                                                            : Expect::Field;
                if (last.type == Token::Type::Op || last.type == Token::Type::Comma) {
                    c.candidates.clear();
                    return c;
                }
            } else if (last.type == Token::Type::Word && !lastIsKeyword && fields.find(last.text)
                       && (t.size() < 2 || t[t.size() - 2].type != Token::Type::Op)) {
                expect = Expect::Operator;
            } else if (lastIsKeyword) {
                return c; // after in/contains/between a value follows
            } else {
                expect = Expect::Connective;
            }
        }
    }
    QStringList pool;
    switch (expect) {
    case Expect::Field: pool = fields.names(); pool << QStringLiteral("not"); break;
    case Expect::Operator: pool = {QStringLiteral("in"), QStringLiteral("contains"), QStringLiteral("between"), QStringLiteral("not")}; break;
    case Expect::Connective: pool = {QStringLiteral("and"), QStringLiteral("or")}; break;
    }
    for (const QString &p : pool) {
        if (p.startsWith(c.prefix, Qt::CaseInsensitive))
            c.candidates << p;
    }
    return c;
}

} // namespace vigil::query
