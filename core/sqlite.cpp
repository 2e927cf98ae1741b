#include "sqlite.h"

#include <QFile>

#include <sqlite3.h>

#include <utility>
#include <vector>

namespace vigil::sql {

namespace {

Error dbError(sqlite3 *db, const QString &what)
{
    const int code = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
    const QString msg = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("no connection");
    ErrorCode ec = ErrorCode::Database;
    switch (code & 0xff) {
    case SQLITE_NOTADB: ec = ErrorCode::NotAProject; break;
    case SQLITE_CORRUPT: ec = ErrorCode::Corrupt; break;
    case SQLITE_CANTOPEN: ec = ErrorCode::Io; break;
    case SQLITE_PERM:
    case SQLITE_READONLY: ec = ErrorCode::AccessDenied; break;
    case SQLITE_INTERRUPT: ec = ErrorCode::Cancelled; break;
    default: break;
    }
    return Error{ec, QStringLiteral("%1: %2 (SQLite %3)").arg(what, msg).arg(code)};
}

} // namespace

// ---- Statement --------------------------------------------------------------------------

Statement::Statement(Statement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_stmt(std::exchange(other.m_stmt, nullptr))
{
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

Statement &Statement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bind(int index, std::string_view utf8)
{
    sqlite3_bind_text(m_stmt, index, utf8.data(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindBlob(int index, const QByteArray &value)
{
    sqlite3_bind_blob64(m_stmt, index, value.constData(), sqlite3_uint64(value.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Result<bool> Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return tl::unexpected(dbError(m_db, QStringLiteral("SQL step failed")));
}

Result<void> Statement::stepOne(const QString &notFound)
{
    auto row = step();
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, notFound);
    return {};
}

Result<void> Statement::run()
{
    auto r = step();
    sqlite3_reset(m_stmt);
    if (!r)
        return tl::unexpected(r.error());
    return {};
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const { return sqlite3_column_count(m_stmt); }
bool Statement::isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(m_stmt, column); }
double Statement::real(int column) const { return sqlite3_column_double(m_stmt, column); }

QString Statement::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column)) : QString();
}

std::string_view Statement::textView(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return p ? std::string_view(p, size_t(sqlite3_column_bytes(m_stmt, column))) : std::string_view();
}

QByteArray Statement::blob(int column) const
{
    const void *p = sqlite3_column_blob(m_stmt, column);
    return p ? QByteArray(static_cast<const char *>(p), sqlite3_column_bytes(m_stmt, column)) : QByteArray();
}

// ---- Database ---------------------------------------------------------------------------

Result<Database> Database::open(const QString &path, Mode mode)
{
    int flags = SQLITE_OPEN_NOMUTEX; // one connection per thread, never shared
    switch (mode) {
    case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
    case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
    case Mode::Create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    }
    sqlite3 *raw = nullptr;
    const QByteArray native = QFile::encodeName(path);
    const int rc = sqlite3_open_v2(native.constData(), &raw, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error e = dbError(raw, QStringLiteral("Cannot open %1").arg(path));
        sqlite3_close_v2(raw);
        return tl::unexpected(e);
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);
    Database db;
    db.m_db = raw;
    db.m_path = path;
    return db;
}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path))
{
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

Database::~Database() { close(); }

void Database::close()
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

Result<void> Database::exec(std::string_view sqlText)
{
    const std::string s(sqlText);
    char *err = nullptr;
    if (sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        sqlite3_free(err);
        return tl::unexpected(dbError(m_db, QStringLiteral("SQL failed")));
    }
    return {};
}

Result<Statement> Database::prepare(std::string_view sqlText)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sqlText.data(), int(sqlText.size()), &stmt, nullptr) != SQLITE_OK)
        return tl::unexpected(dbError(m_db, QStringLiteral("Cannot prepare SQL")));
    return Statement(m_db, stmt);
}

Result<std::int64_t> Database::scalarInt(std::string_view sqlText)
{
    auto st = prepare(sqlText);
    if (!st)
        return tl::unexpected(st.error());
    auto row = st->step();
    if (!row)
        return tl::unexpected(row.error());
    return *row ? st->int64(0) : 0;
}

bool Database::tableExists(const QString &name)
{
    auto st = prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?1");
    if (!st)
        return false;
    st->bind(1, name);
    auto row = st->step();
    return row && *row;
}

std::int64_t Database::lastInsertId() const { return sqlite3_last_insert_rowid(m_db); }
QString Database::lastError() const { return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString(); }

// ---- Transaction ------------------------------------------------------------------------

Transaction::Transaction(Database &db) : m_db(db)
{
    auto r = m_db.exec("BEGIN IMMEDIATE");
    m_began = bool(r);
    if (!r)
        m_error = r.error();
}

Transaction::~Transaction()
{
    if (m_began && !m_done)
        (void)m_db.exec("ROLLBACK");
}

Result<void> Transaction::commit()
{
    if (!m_began)
        return tl::unexpected(m_error);
    auto r = m_db.exec("COMMIT");
    if (r)
        m_done = true;
    return r;
}

QString quoteIdentifier(const QString &name)
{
    QString q = name;
    q.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

Result<QByteArray> readFileHeader(const QString &path, int bytes)
{
    sqlite3_vfs *vfs = sqlite3_vfs_find(nullptr);
    if (!vfs)
        return fail(ErrorCode::Internal, QStringLiteral("SQLite has no file layer."));
    std::vector<char> storage(size_t(vfs->szOsFile), 0);
    auto *file = reinterpret_cast<sqlite3_file *>(storage.data());
    const QByteArray name = QFile::encodeName(path);
    int outFlags = 0;
    if (vfs->xOpen(vfs, name.constData(), file, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &outFlags) != SQLITE_OK)
        return fail(ErrorCode::AccessDenied, QStringLiteral("Cannot read %1.").arg(path));
    QByteArray header(bytes, '\0');
    const int rc = file->pMethods ? file->pMethods->xRead(file, header.data(), bytes, 0) : SQLITE_IOERR;
    if (file->pMethods)
        file->pMethods->xClose(file);
    if (rc == SQLITE_IOERR_SHORT_READ)
        return QByteArray(); // shorter than the header: SQLite zero-fills, report "nothing"
    if (rc != SQLITE_OK)
        return fail(ErrorCode::Io, QStringLiteral("Cannot read %1 (SQLite I/O error %2).").arg(path).arg(rc));
    return header;
}

} // namespace vigil::sql
