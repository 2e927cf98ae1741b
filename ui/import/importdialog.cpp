#include "importdialog.h"

#include "ui/jobs/jobrunner.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

Q_DECLARE_METATYPE(std::shared_ptr<const vigil::ui::ImportPreview>)
Q_DECLARE_METATYPE(std::shared_ptr<std::vector<vigil::ImportResult>>)

namespace vigil::ui {

// ---- ImportPreviewModel -------------------------------------------------------------------

ImportPreviewModel::ImportPreviewModel(QObject *parent) : QAbstractTableModel(parent) {}

void ImportPreviewModel::setPreview(std::shared_ptr<const ImportPreview> preview)
{
    beginResetModel();
    m_preview = std::move(preview);
    endResetModel();
}

int ImportPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_preview ? 0 : int(m_preview->table.rowCount());
}

int ImportPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_preview ? 0 : int(m_preview->table.columns.size());
}

QVariant ImportPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!m_preview || !index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const Column &c = m_preview->table.columns[size_t(index.column())];
    switch (role) {
    case Qt::DisplayRole:
        if (c.isMissing(index.row()))
            return {};
        if (c.type == ColumnType::Timestamp)
            return QDateTime::fromMSecsSinceEpoch(qint64(c.number(index.row()) * 1000.0), QTimeZone::utc()).toString(Qt::ISODate);
        return c.text(index.row());
    case Qt::ToolTipRole:
        return c.isMissing(index.row()) ? tr("missing") : c.text(index.row());
    case Qt::TextAlignmentRole:
        return c.isText() ? QVariant(int(Qt::AlignLeft | Qt::AlignVCenter)) : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (!m_preview || section < 0 || section >= columnCount())
        return {};
    const Column &c = m_preview->table.columns[size_t(section)];
    return role == Qt::DisplayRole ? c.name : tr("%1 (%2)").arg(c.name, columnTypeName(c.type));
}

// ---- ImportDialog -------------------------------------------------------------------------

ImportDialog::ImportDialog(JobRunner *runner, QWidget *parent)
    : QDialog(parent),
      m_runner(runner),
      m_fileList(new QListWidget(this)),
      m_addButton(new QPushButton(tr("&Add files…"), this)),
      m_removeButton(new QPushButton(tr("&Remove"), this)),
      m_formatCombo(new QComboBox(this)),
      m_logFormatEdit(new QLineEdit(this)),
      m_nameEdit(new QLineEdit(this)),
      m_previewView(new QTableView(this)),
      m_model(new ImportPreviewModel(this)),
      m_status(new QLabel(this)),
      m_okButton(nullptr),
      m_debounce(new QTimer(this))
{
    setWindowTitle(tr("Import"));
    // Enter imports once the files are chosen: focus returns to "Add files…" after its file
    // dialog, and an auto-default button there would take Enter and open the dialog again.
    m_addButton->setAutoDefault(false);
    m_removeButton->setAutoDefault(false);
    m_fileList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_fileList->setMaximumHeight(110);
    for (const QString &f : formatNames())
        m_formatCombo->addItem(f == QLatin1String("auto") ? tr("Detect from content") : f, f);
    m_logFormatEdit->setPlaceholderText(
        QStringLiteral("$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent …"));
    m_logFormatEdit->setToolTip(tr("The log_format line of the nginx configuration that wrote the log."));
    m_nameEdit->setPlaceholderText(tr("the file name"));
    m_previewView->setModel(m_model);
    m_previewView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_previewView->horizontalHeader()->setDefaultSectionSize(110);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    auto *fileButtons = new QVBoxLayout;
    fileButtons->addWidget(m_addButton);
    fileButtons->addWidget(m_removeButton);
    fileButtons->addStretch();
    auto *filesRow = new QHBoxLayout;
    filesRow->addWidget(m_fileList, 1);
    filesRow->addLayout(fileButtons);

    auto *form = new QFormLayout;
    auto *filesLabel = new QLabel(tr("File&s:"), this);
    filesLabel->setBuddy(m_fileList);
    form->addRow(filesLabel, filesRow);
    form->addRow(tr("&Format:"), m_formatCombo);
    form->addRow(tr("nginx &log_format:"), m_logFormatEdit);
    form->addRow(tr("Dataset &name:"), m_nameEdit);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_okButton = buttons->button(QDialogButtonBox::Ok);
    m_okButton->setText(tr("&Import"));
    m_okButton->setDefault(true);
    m_okButton->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Preview (first %1 records of the first file)").arg(kPreviewRows), this));
    layout->addWidget(m_previewView, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(900, 600);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &ImportDialog::startPreview);
    connect(m_addButton, &QPushButton::clicked, this, &ImportDialog::onAddFiles);
    connect(m_removeButton, &QPushButton::clicked, this, &ImportDialog::onRemoveFiles);
    connect(m_formatCombo, &QComboBox::currentIndexChanged, this, &ImportDialog::onInputsChanged);
    connect(m_logFormatEdit, &QLineEdit::textChanged, this, &ImportDialog::onInputsChanged);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    onInputsChanged();
}

ImportDialog::~ImportDialog() = default;

QStringList ImportDialog::files() const
{
    QStringList out;
    for (int i = 0; i < m_fileList->count(); ++i)
        out << m_fileList->item(i)->data(Qt::UserRole).toString();
    return out;
}

void ImportDialog::setFiles(const QStringList &files)
{
    m_fileList->clear();
    for (const QString &f : files) {
        auto *item = new QListWidgetItem(QFileInfo(f).fileName(), m_fileList);
        item->setData(Qt::UserRole, f);
        item->setToolTip(f);
    }
    onInputsChanged();
}

ReadOptions ImportDialog::options() const
{
    ReadOptions o;
    o.format = m_formatCombo->currentData().toString();
    o.logFormat = m_logFormatEdit->text().trimmed();
    if (o.format == QLatin1String("auto") && !o.logFormat.isEmpty())
        o.format = QStringLiteral("nginx");
    if (o.format != QLatin1String("nginx"))
        o.logFormat.clear();
    if (m_fileList->count() == 1)
        o.datasetName = m_nameEdit->text().trimmed();
    return o;
}

void ImportDialog::setFormat(const QString &format)
{
    const int i = m_formatCombo->findData(format);
    if (i >= 0)
        m_formatCombo->setCurrentIndex(i);
}

void ImportDialog::setLogFormat(const QString &logFormat) { m_logFormatEdit->setText(logFormat); }

QString ImportDialog::statusText() const { return m_status->text(); }

void ImportDialog::onAddFiles()
{
    const QStringList chosen = QFileDialog::getOpenFileNames(this, tr("Import logs or data sets"), QString(),
                                                             tr("Logs and data sets (*.log *.txt *.csv *.json *.gz);;All files (*)"));
    if (chosen.isEmpty())
        return;
    QStringList all = files();
    for (const QString &f : chosen) {
        if (!all.contains(f))
            all << f;
    }
    setFiles(all);
}

void ImportDialog::onRemoveFiles()
{
    qDeleteAll(m_fileList->selectedItems());
    onInputsChanged();
}

void ImportDialog::onInputsChanged()
{
    const QString format = m_formatCombo->currentData().toString();
    m_logFormatEdit->setEnabled(format == QLatin1String("auto") || format == QLatin1String("nginx"));
    m_nameEdit->setEnabled(m_fileList->count() == 1);
    m_removeButton->setEnabled(m_fileList->count() > 0);
    m_okButton->setEnabled(false);
    if (m_fileList->count() == 0) {
        m_model->setPreview(nullptr);
        m_status->setText(tr("Add a log or data-set file (plain or gzip)."));
        return;
    }
    m_status->setText(tr("Reading the first records…"));
    m_debounce->start();
}

void ImportDialog::startPreview()
{
    const QStringList fs = files();
    if (fs.isEmpty())
        return;
    const QString file = fs.front();
    ReadOptions o = options();
    o.maxRows = kPreviewRows;
    // The file is read on a worker: the GUI thread never touches it.
    QPointer<ImportDialog> self(this);
    m_runner->start(
        tr("Preview %1").arg(QFileInfo(file).fileName()),
        [file, o](JobContext &ctx) -> Result<QVariant> {
            auto preview = std::make_shared<ImportPreview>();
            preview->file = file;
            auto table = readTable(file, o, ctx.progressFn(), &preview->report);
            if (!table)
                return tl::unexpected(table.error());
            preview->table = std::move(*table);
            return QVariant::fromValue(std::shared_ptr<const ImportPreview>(std::move(preview)));
        },
        [self](const Result<QVariant> &result) {
            if (!self)
                return;
            if (!result) {
                self->m_model->setPreview(nullptr);
                self->m_status->setText(tr("Cannot read this file: %1").arg(result.error().message));
                self->m_okButton->setEnabled(false);
            } else {
                auto preview = result->value<std::shared_ptr<const ImportPreview>>();
                self->m_model->setPreview(preview);
                const ImportReport &rep = preview->report;
                QString text = tr("Format: %1 — %2 columns; %3 of the first %4 lines are bad.")
                                   .arg(rep.format)
                                   .arg(preview->table.columns.size())
                                   .arg(rep.badLines)
                                   .arg(rep.lines);
                if (!rep.badByReason.isEmpty())
                    text += QLatin1Char(' ') + tr("Most common: %1.").arg(rep.badByReason.firstKey());
                self->m_status->setText(text);
                self->m_okButton->setEnabled(true);
            }
            Q_EMIT self->previewUpdated();
        },
        QStringLiteral("import-preview"));
}

int startImport(JobRunner *runner, const QString &projectPath, const QStringList &files, const ReadOptions &options,
                std::function<void(const Result<std::vector<ImportResult>> &)> done)
{
    const QString title = files.size() == 1 ? QObject::tr("Import %1").arg(QFileInfo(files.front()).fileName())
                                            : QObject::tr("Import %1 files").arg(files.size());
    return runner->start(
        title,
        [projectPath, files, options](JobContext &ctx) -> Result<QVariant> {
            // One connection per thread: the worker opens its own.
            auto project = Project::open(projectPath);
            if (!project)
                return tl::unexpected(project.error());
            auto results = std::make_shared<std::vector<ImportResult>>();
            for (const QString &f : files) {
                auto r = importFile(**project, f, options, ctx.progressFn());
                if (!r)
                    return tl::unexpected(Error{r.error().code, QStringLiteral("%1: %2").arg(f, r.error().message)});
                results->push_back(std::move(*r));
            }
            return QVariant::fromValue(results);
        },
        [done](const Result<QVariant> &result) {
            if (!done)
                return;
            if (!result)
                done(tl::unexpected(result.error()));
            else
                done(*result->value<std::shared_ptr<std::vector<ImportResult>>>());
        });
}

} // namespace vigil::ui
