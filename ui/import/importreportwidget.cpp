#include "importreportwidget.h"

#include "ui/plaintooltip.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

QString printable(const QByteArray &raw)
{
    QString s = QString::fromLatin1(raw);
    for (QChar &c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = QChar(0xB7);
    }
    return s;
}

} // namespace

ImportReportWidget::ImportReportWidget(QWidget *parent)
    : QWidget(parent),
      m_title(new QLabel(this)),
      m_summary(new QLabel(this)),
      m_reasons(new QTreeWidget(this)),
      m_notes(new QLabel(this))
{
    for (QLabel *l : {m_title, m_summary, m_notes}) {
        l->setTextFormat(Qt::PlainText);
        l->setWordWrap(true);
    }
    QFont f = m_title->font();
    f.setBold(true);
    m_title->setFont(f);
    m_reasons->setColumnCount(2);
    m_reasons->setHeaderLabels({tr("Bad lines by reason / example"), tr("Count / line")});
    m_reasons->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_reasons->setRootIsDecorated(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_reasons, 1);
    layout->addWidget(m_notes);
    clear();
}

void ImportReportWidget::clear()
{
    m_title->clear();
    m_summary->setText(tr("No import yet."));
    m_reasons->clear();
    m_notes->clear();
    m_notes->hide();
}

void ImportReportWidget::setReport(const ImportReport &report, const QString &title, bool alreadyImported)
{
    const QLocale loc;
    m_title->setText(alreadyImported ? tr("%1 — already imported (same content); nothing stored again").arg(title) : title);
    m_summary->setText(tr("%1 — %2 lines, %3 rows, %4 bad")
                           .arg(report.format, loc.toString(qlonglong(report.lines)), loc.toString(qlonglong(report.rows)),
                                loc.toString(qlonglong(report.badLines))));
    m_reasons->clear();
    for (auto it = report.badByReason.cbegin(); it != report.badByReason.cend(); ++it) {
        auto *top = new QTreeWidgetItem(m_reasons, {it.key(), loc.toString(qlonglong(it.value()))});
        for (const ImportReport::Bad &b : report.examples) {
            if (b.reason != it.key())
                continue;
            auto *ex = new QTreeWidgetItem(top, {printable(b.excerpt), tr("line %1").arg(b.line)});
            ex->setToolTip(0, plainToolTip(printable(b.excerpt)));
        }
        top->setExpanded(report.badByReason.size() <= 3);
    }
    m_reasons->setVisible(!report.badByReason.isEmpty());
    m_notes->setText(report.notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!report.notes.isEmpty());
}

QString ImportReportWidget::summaryText() const { return m_summary->text(); }
int ImportReportWidget::reasonCount() const { return m_reasons->topLevelItemCount(); }

} // namespace vigil::ui
