#include "ui/report/reportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>

namespace vigil::ui {

ReportDialog::ReportDialog(const ProjectContents &contents, std::int64_t preferredRun, QWidget *parent)
    : QDialog(parent), m_run(new QComboBox(this)), m_format(new QComboBox(this)), m_path(new QLineEdit(this)),
      m_open(new QCheckBox(tr("&Open the file when it is written"), this))
{
    setWindowTitle(tr("Export Report"));
    for (auto it = contents.runs.rbegin(); it != contents.runs.rend(); ++it) {
        const ModelEntry *m = contents.model(it->modelId);
        const DatasetEntry *d = contents.dataset(it->datasetId);
        const QString model = m ? m->name : QString();
        const QString dataset = d ? d->name : QString();
        m_run->addItem(tr("Run %1 — %2 on %3").arg(it->id).arg(model, dataset), qlonglong(it->id));
    }
    const int preferred = m_run->findData(qlonglong(preferredRun));
    if (preferred >= 0)
        m_run->setCurrentIndex(preferred);

    m_format->addItem(tr("HTML report (one self-contained file)"), QStringLiteral("html"));
    m_format->addItem(tr("PDF report"), QStringLiteral("pdf"));
    m_format->addItem(tr("CSV of labelled items"), QStringLiteral("csv"));
    m_format->addItem(tr("JSON of labelled items"), QStringLiteral("json"));
    QSettings s;
    const int fmt = m_format->findData(s.value(QStringLiteral("report/format"), QStringLiteral("html")));
    m_format->setCurrentIndex(std::max(0, fmt));
    m_open->setChecked(s.value(QStringLiteral("report/open"), true).toBool());

    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setAutoDefault(false); // focus is back here after the file dialog: Enter exports
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Run:"), m_run);
    form->addRow(tr("&Format:"), m_format);
    auto *pathLabel = new QLabel(tr("&Save to:"), this);
    pathLabel->setBuddy(m_path); // the row is a layout: without a buddy the label shows "&Save to:"
    form->addRow(pathLabel, pathRow);
    form->addRow(QString(), m_open);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(m_run->count() > 0);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ReportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ReportDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ReportDialog::onBrowse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ReportDialog::onFormatChanged);
    onFormatChanged();
}

std::int64_t ReportDialog::runId() const { return m_run->currentData().toLongLong(); }
QString ReportDialog::format() const { return m_format->currentData().toString(); }
QString ReportDialog::outputPath() const { return m_path->text().trimmed(); }
bool ReportDialog::openWhenDone() const { return m_open->isChecked(); }

void ReportDialog::onFormatChanged()
{
    const QString dir = QSettings().value(QStringLiteral("report/dir"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
    const QString base = m_path->text().isEmpty() ? QDir(dir).filePath(QStringLiteral("vigil-report")) : m_path->text().section(QLatin1Char('.'), 0, -2);
    m_path->setText(base + QLatin1Char('.') + format());
}

void ReportDialog::onBrowse()
{
    const QString f = format();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Report"), m_path->text(),
                                                      tr("%1 files (*.%2)").arg(f.toUpper(), f));
    if (!path.isEmpty())
        m_path->setText(path);
}

void ReportDialog::accept()
{
    if (outputPath().isEmpty() || m_run->count() == 0) {
        QMessageBox::warning(this, windowTitle(), tr("Choose a run and a file to write."));
        return;
    }
    QSettings s;
    s.setValue(QStringLiteral("report/format"), format());
    s.setValue(QStringLiteral("report/open"), openWhenDone());
    s.setValue(QStringLiteral("report/dir"), QFileInfo(outputPath()).absolutePath());
    QDialog::accept();
}

} // namespace vigil::ui
