#include "core/query/parser.h"

#include <QRegularExpression>

namespace vigil::query {

namespace {

const QStringList &keywords()
{
    static const QStringList k{QStringLiteral("and"), QStringLiteral("or"), QStringLiteral("not"),
                               QStringLiteral("in"), QStringLiteral("contains"), QStringLiteral("between")};
    return k;
}

bool isFieldName(const QString &word)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.]*$"));
    return re.match(word).hasMatch();
}

SourceSpan cover(const SourceSpan &a, const SourceSpan &b)
{
    SourceSpan s = a;
    s.length = b.offset + b.length - a.offset;
    return s;
}

class Parser
{
public:
    Parser(std::vector<Token> tokens, QueryError *error) : m_tokens(std::move(tokens)), m_error(error) {}

    Result<std::unique_ptr<Node>> run()
    {
        if (peek().type == Token::Type::End)
            return std::unique_ptr<Node>();
        auto node = parseOr(0);
        if (!node)
            return node;
        if (peek().type != Token::Type::End) {
            if (peek().type == Token::Type::RParen)
                return failAt(peek().span, QStringLiteral("unmatched ')'"));
            return failAt(peek().span, QStringLiteral("expected 'and', 'or' or the end of the filter, found %1").arg(describe(peek())));
        }
        return node;
    }

private:
    const Token &peek() const { return m_tokens[m_pos]; }
    const Token &take() { return m_tokens[m_pos < m_tokens.size() - 1 ? m_pos++ : m_pos]; }

    bool atKeyword(const char *kw) const
    {
        return peek().type == Token::Type::Word && peek().text.compare(QLatin1String(kw), Qt::CaseInsensitive) == 0;
    }

    static QString describe(const Token &t)
    {
        switch (t.type) {
        case Token::Type::End: return QStringLiteral("the end of the filter");
        case Token::Type::String: return QStringLiteral("a quoted string");
        case Token::Type::LParen: return QStringLiteral("'('");
        case Token::Type::RParen: return QStringLiteral("')'");
        case Token::Type::Comma: return QStringLiteral("','");
        case Token::Type::Op:
        case Token::Type::Word: break;
        }
        const QString shown = t.text.size() > 40 ? t.text.left(40) + QStringLiteral("…") : t.text;
        return QStringLiteral("'%1'").arg(shown);
    }

    tl::unexpected<Error> failAt(SourceSpan span, const QString &message)
    {
        if (span.length == 0)
            span.length = 1;
        const QString full = positioned(span, message);
        if (m_error)
            *m_error = QueryError{span, full};
        return fail(ErrorCode::Parse, full);
    }

    Result<void> enter(int depth)
    {
        if (depth > kMaxDepth)
            return failAt(peek().span, QStringLiteral("the filter nests deeper than %1 levels").arg(kMaxDepth));
        return {};
    }

    Result<std::unique_ptr<Node>> parseOr(int depth)
    {
        return parseChain(depth, "or", Node::Kind::Or);
    }

    Result<std::unique_ptr<Node>> parseChain(int depth, const char *kw, Node::Kind kind)
    {
        auto first = kind == Node::Kind::Or ? parseChain(depth, "and", Node::Kind::And) : parseUnary(depth);
        if (!first || !atKeyword(kw))
            return first;
        auto node = std::make_unique<Node>();
        node->kind = kind;
        node->span = (*first)->span;
        node->children.push_back(std::move(*first));
        while (atKeyword(kw)) {
            take();
            auto next = kind == Node::Kind::Or ? parseChain(depth, "and", Node::Kind::And) : parseUnary(depth);
            if (!next)
                return next;
            node->span = cover(node->span, (*next)->span);
            node->children.push_back(std::move(*next));
        }
        return node;
    }

    Result<std::unique_ptr<Node>> parseUnary(int depth)
    {
        if (auto r = enter(depth); !r)
            return tl::unexpected(r.error());
        if (atKeyword("not")) {
            const Token notTok = take();
            auto inner = parseUnary(depth + 1);
            if (!inner)
                return inner;
            auto node = std::make_unique<Node>();
            node->kind = Node::Kind::Not;
            node->span = cover(notTok.span, (*inner)->span);
            node->children.push_back(std::move(*inner));
            return node;
        }
        if (peek().type == Token::Type::LParen) {
            const Token open = take();
            if (auto r = enter(depth + 1); !r)
                return tl::unexpected(r.error());
            auto inner = parseOr(depth + 1);
            if (!inner)
                return inner;
            if (peek().type != Token::Type::RParen)
                return failAt(peek().span, QStringLiteral("expected ')' to close the '(' at column %1, found %2")
                                               .arg(open.span.column).arg(describe(peek())));
            const Token close = take();
            (*inner)->span = cover(open.span, close.span);
            return inner;
        }
        return parsePredicate();
    }

    Result<Literal> parseValue(const char *what)
    {
        const Token &t = peek();
        if (t.type == Token::Type::String) {
            take();
            return Literal{Literal::Kind::String, t.text, t.span};
        }
        if (t.type == Token::Type::Word && !isKeyword(t.text)) {
            take();
            return Literal{Literal::Kind::Word, t.text, t.span};
        }
        return failAt(t.span, QStringLiteral("expected %1, found %2").arg(QLatin1String(what), describe(t)));
    }

    Result<void> addValue(Node &node, Result<Literal> value)
    {
        if (!value)
            return tl::unexpected(value.error());
        if (++m_values > kMaxValues)
            return failAt(value->span, QStringLiteral("the filter has more than %1 values").arg(kMaxValues));
        node.span = cover(node.span, value->span);
        node.values.push_back(std::move(*value));
        return {};
    }

    Result<std::unique_ptr<Node>> parsePredicate()
    {
        const Token &f = peek();
        if (f.type != Token::Type::Word || isKeyword(f.text)) {
            if (f.type == Token::Type::String)
                return failAt(f.span, QStringLiteral("expected a field name, found a quoted string (field names are not quoted)"));
            return failAt(f.span, QStringLiteral("expected a field name, found %1").arg(describe(f)));
        }
        if (!isFieldName(f.text))
            return failAt(f.span, QStringLiteral("'%1' is not a field name (letters, digits, '_' and '.', not starting with a digit)")
                                      .arg(f.text.left(40)));
        auto node = std::make_unique<Node>();
        node->field = f.text;
        node->fieldSpan = f.span;
        node->span = f.span;
        take();

        if (atKeyword("not")) {
            take();
            node->negated = true;
            if (!atKeyword("in") && !atKeyword("contains") && !atKeyword("between"))
                return failAt(peek().span, QStringLiteral("expected 'in', 'contains' or 'between' after 'not', found %1").arg(describe(peek())));
        }
        const Token &op = peek();
        if (op.type == Token::Type::Op && !node->negated) {
            take();
            static const QHash<QString, CompareOp> ops{
                {QStringLiteral("="), CompareOp::Eq}, {QStringLiteral("=="), CompareOp::Eq},
                {QStringLiteral("!="), CompareOp::Ne}, {QStringLiteral("<>"), CompareOp::Ne},
                {QStringLiteral("<"), CompareOp::Lt}, {QStringLiteral("<="), CompareOp::Le},
                {QStringLiteral(">"), CompareOp::Gt}, {QStringLiteral(">="), CompareOp::Ge}};
            const auto it = ops.find(op.text);
            if (it == ops.end())
                return failAt(op.span, QStringLiteral("unknown operator '%1'").arg(op.text));
            node->kind = Node::Kind::Compare;
            node->op = *it;
            if (auto r = addValue(*node, parseValue("a value")); !r)
                return tl::unexpected(r.error());
            return node;
        }
        if (atKeyword("contains")) {
            take();
            node->kind = Node::Kind::Contains;
            if (auto r = addValue(*node, parseValue("a value")); !r)
                return tl::unexpected(r.error());
            return node;
        }
        if (atKeyword("between")) {
            take();
            node->kind = Node::Kind::Between;
            if (auto r = addValue(*node, parseValue("the lower bound")); !r)
                return tl::unexpected(r.error());
            if (!atKeyword("and"))
                return failAt(peek().span, QStringLiteral("expected 'and' between the two bounds, found %1").arg(describe(peek())));
            take();
            if (auto r = addValue(*node, parseValue("the upper bound")); !r)
                return tl::unexpected(r.error());
            return node;
        }
        if (atKeyword("in")) {
            take();
            node->kind = Node::Kind::In;
            if (peek().type != Token::Type::LParen) {
                if (auto r = addValue(*node, parseValue("a value or a list in parentheses")); !r)
                    return tl::unexpected(r.error());
                return node;
            }
            take();
            while (true) {
                if (auto r = addValue(*node, parseValue("a value")); !r)
                    return tl::unexpected(r.error());
                if (peek().type == Token::Type::Comma) {
                    take();
                    continue;
                }
                if (peek().type == Token::Type::RParen) {
                    node->span = cover(node->span, peek().span);
                    take();
                    return node;
                }
                return failAt(peek().span, QStringLiteral("expected ',' or ')' in the list, found %1").arg(describe(peek())));
            }
        }
        return failAt(op.span, QStringLiteral("expected an operator (=, !=, <, <=, >, >=, in, contains, between) after '%1', found %2")
                                   .arg(node->field, describe(op)));
    }

    std::vector<Token> m_tokens;
    size_t m_pos = 0;
    int m_values = 0;
    QueryError *m_error;
};

} // namespace

bool isKeyword(const QString &word)
{
    for (const QString &k : keywords()) {
        if (word.compare(k, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

Result<std::unique_ptr<Node>> parse(const QString &text, QueryError *error)
{
    auto tokens = tokenize(text, error);
    if (!tokens)
        return tl::unexpected(tokens.error());
    return Parser(std::move(*tokens), error).run();
}

} // namespace vigil::query
