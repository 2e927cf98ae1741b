#include "core/query/lexer.h"

namespace vigil::query {

namespace {

bool isOperatorChar(QChar c)
{
    return c == u'=' || c == u'!' || c == u'<' || c == u'>';
}

bool endsWord(QChar c)
{
    return c.isSpace() || c == u'(' || c == u')' || c == u',' || c == u'"' || c == u'\'' || isOperatorChar(c);
}

class Lexer
{
public:
    explicit Lexer(const QString &text) : m_text(text) {}

    Result<std::vector<Token>> run(QueryError *error)
    {
        std::vector<Token> out;
        while (true) {
            skipBlanks();
            Token t;
            t.span = here();
            if (m_pos >= m_text.size()) {
                t.type = Token::Type::End;
                out.push_back(t);
                return out;
            }
            const QChar c = m_text.at(m_pos);
            if (c == u'(' || c == u')' || c == u',') {
                t.type = c == u'(' ? Token::Type::LParen : c == u')' ? Token::Type::RParen : Token::Type::Comma;
                t.text = QString(c);
                advance();
            } else if (c == u'"' || c == u'\'') {
                auto r = readString(t, error);
                if (!r)
                    return tl::unexpected(r.error());
            } else if (isOperatorChar(c)) {
                t.type = Token::Type::Op;
                QString op(c);
                advance();
                if (m_pos < m_text.size() && (m_text.at(m_pos) == u'=' || (c == u'<' && m_text.at(m_pos) == u'>'))) {
                    op += m_text.at(m_pos);
                    advance();
                }
                if (op == QLatin1String("!"))
                    return failAt(error, t.span, QStringLiteral("'!' must be followed by '=' (write != or 'not')"));
                t.text = op;
            } else {
                t.type = Token::Type::Word;
                const int start = m_pos;
                while (m_pos < m_text.size() && !endsWord(m_text.at(m_pos)))
                    advance();
                t.text = m_text.mid(start, m_pos - start);
            }
            t.span.length = m_pos - t.span.offset;
            out.push_back(std::move(t));
        }
    }

private:
    SourceSpan here() const { return SourceSpan{m_pos, 0, m_line, m_column}; }

    void advance()
    {
        if (m_text.at(m_pos) == u'\n') {
            ++m_line;
            m_column = 1;
        } else {
            ++m_column;
        }
        ++m_pos;
    }

    void skipBlanks()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            advance();
    }

    static tl::unexpected<Error> failAt(QueryError *error, SourceSpan span, const QString &message)
    {
        if (span.length == 0)
            span.length = 1;
        const QString full = positioned(span, message);
        if (error)
            *error = QueryError{span, full};
        return fail(ErrorCode::Parse, full);
    }

    Result<void> readString(Token &t, QueryError *error)
    {
        const QChar quote = m_text.at(m_pos);
        advance();
        QString value;
        while (true) {
            if (m_pos >= m_text.size()) {
                t.span.length = m_pos - t.span.offset;
                return failAt(error, t.span, QStringLiteral("unterminated string (missing closing %1)").arg(quote));
            }
            const QChar c = m_text.at(m_pos);
            if (c == quote) {
                advance();
                break;
            }
            if (c != u'\\') {
                value += c;
                advance();
                continue;
            }
            const SourceSpan escapeAt = here();
            advance();
            if (m_pos >= m_text.size())
                return failAt(error, escapeAt, QStringLiteral("unterminated string (backslash at the end)"));
            const QChar e = m_text.at(m_pos);
            advance();
            switch (e.unicode()) {
            case u'"': value += u'"'; break;
            case u'\'': value += u'\''; break;
            case u'\\': value += u'\\'; break;
            case u'n': value += u'\n'; break;
            case u't': value += u'\t'; break;
            case u'u': {
                if (m_pos + 4 > m_text.size())
                    return failAt(error, escapeAt, QStringLiteral("\\u needs four hex digits"));
                bool ok = false;
                const uint code = QStringView(m_text).mid(m_pos, 4).toUInt(&ok, 16);
                if (!ok)
                    return failAt(error, escapeAt, QStringLiteral("\\u needs four hex digits"));
                for (int i = 0; i < 4; ++i)
                    advance();
                value += QChar(char16_t(code));
                break;
            }
            default:
                return failAt(error, escapeAt,
                              QStringLiteral("unknown escape '\\%1' (use \\\" \\' \\\\ \\n \\t or \\uXXXX)").arg(e));
            }
        }
        t.type = Token::Type::String;
        t.text = value;
        return {};
    }

    const QString &m_text;
    int m_pos = 0;
    int m_line = 1;
    int m_column = 1;
};

} // namespace

QString positioned(const SourceSpan &span, const QString &message)
{
    return QStringLiteral("line %1, column %2: %3").arg(span.line).arg(span.column).arg(message);
}

Result<std::vector<Token>> tokenize(const QString &text, QueryError *error)
{
    if (text.size() > kMaxQueryLength) {
        const SourceSpan span{kMaxQueryLength, int(text.size()) - kMaxQueryLength, 1, kMaxQueryLength + 1};
        const QString msg = QStringLiteral("the filter is %1 characters long; at most %2 are accepted")
                                .arg(text.size()).arg(kMaxQueryLength);
        if (error)
            *error = QueryError{span, msg};
        return fail(ErrorCode::Parse, msg);
    }
    return Lexer(text).run(error);
}

} // namespace vigil::query
