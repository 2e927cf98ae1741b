#include "core/report/reportdata.h"
#include "tests/support/syntheticproject.h"
#include "ui/report/pdfreport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

class TestPdfReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void writesPdf()
    {
        auto p = test::makeSyntheticProject(m_dir.filePath(QStringLiteral("pdf.vigil")));
        QVERIFY(p);
        auto d = collectReport(p->db(), 1);
        QVERIFY(d);
        const QString out = m_dir.filePath(QStringLiteral("report.pdf"));
        auto r = writePdfReport(*d, out);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.size() > 20000); // text, tables and three chart images
        QVERIFY(!QFile::exists(out + QStringLiteral(".part")));
    }

    void unwritablePathFails()
    {
        auto p = test::makeSyntheticProject(m_dir.filePath(QStringLiteral("pdf2.vigil")));
        QVERIFY(p);
        auto d = collectReport(p->db(), 1);
        QVERIFY(d);
        auto r = writePdfReport(*d, m_dir.filePath(QStringLiteral("missing/dir/report.pdf")));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Io);
    }
};

QTEST_MAIN(TestPdfReport)
#include "tst_pdfreport.moc"
