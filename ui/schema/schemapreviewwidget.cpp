#include "ui/schema/schemapreviewwidget.h"

#include "core/project.h"
#include "ui/jobs/jobrunner.h"
#include "ui/schema/encodedrowmodel.h"
#include "ui/schema/schemacolumnsmodel.h"
#include "ui/schema/schemadelegates.h"

#include "core/store/datasetstore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace vigil::ui {

namespace {

/// What the background jobs hand back to the GUI thread.
struct Loaded {
    std::shared_ptr<const Table> table;
    FeatureSchema schema;
    std::int64_t datasetRows = 0;
};

} // namespace

} // namespace vigil::ui

Q_DECLARE_METATYPE(vigil::ui::Loaded)
Q_DECLARE_METATYPE(vigil::FeatureSchema)
Q_DECLARE_METATYPE(vigil::RowExplanation)

namespace vigil::ui {

SchemaPreviewWidget::SchemaPreviewWidget(JobRunner *jobs, QWidget *parent)
    : QWidget(parent)
    , m_jobs(jobs)
    , m_columns(new SchemaColumnsModel(this))
    , m_row(new EncodedRowModel(this))
    , m_columnsView(new QTableView(this))
    , m_rowView(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_status(new QLabel(this))
    , m_record(new QSpinBox(this))
    , m_nonZero(new QPlainTextEdit(this))
    , m_save(new QPushButton(tr("Save schema"), this))
{
    m_columnsView->setModel(m_columns);
    m_columnsView->setObjectName(QStringLiteral("schemaColumns"));
    m_columnsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_columnsView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked | QAbstractItemView::EditKeyPressed);
    auto *choices = new ChoiceDelegate(this);
    m_columnsView->setItemDelegateForColumn(SchemaColumnsModel::RoleColumn, choices);
    m_columnsView->setItemDelegateForColumn(SchemaColumnsModel::EncodingColumn, choices);
    m_columnsView->setItemDelegateForColumn(SchemaColumnsModel::TransformColumn, choices);
    m_columnsView->setItemDelegateForColumn(SchemaColumnsModel::TopValuesColumn, new TopValuesDelegate(this));
    m_columnsView->horizontalHeader()->setStretchLastSection(true);
    m_columnsView->verticalHeader()->hide();

    m_rowView->setModel(m_row);
    m_rowView->setObjectName(QStringLiteral("encodedRecord"));
    m_rowView->horizontalHeader()->setStretchLastSection(true);
    m_rowView->verticalHeader()->hide();

    m_record->setRange(1, 1);
    m_record->setPrefix(tr("record "));
    m_record->setEnabled(false);
    m_nonZero->setReadOnly(true);
    m_nonZero->setMaximumBlockCount(2000);
    m_nonZero->setPlaceholderText(tr("Non-zero features of the chosen record"));
    m_save->setEnabled(false);
    m_status->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_save);
    auto *recordBar = new QHBoxLayout;
    recordBar->addWidget(new QLabel(tr("Encoded vector of"), this));
    recordBar->addWidget(m_record);
    recordBar->addStretch(1);

    auto *recordPane = new QWidget(this);
    auto *recordLayout = new QVBoxLayout(recordPane);
    recordLayout->setContentsMargins(0, 0, 0, 0);
    recordLayout->addLayout(recordBar);
    auto *recordSplit = new QSplitter(Qt::Horizontal, recordPane);
    recordSplit->addWidget(m_rowView);
    recordSplit->addWidget(m_nonZero);
    recordLayout->addWidget(recordSplit);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_columnsView);
    split->addWidget(recordPane);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    connect(m_columns, &SchemaColumnsModel::specsEdited, this, &SchemaPreviewWidget::refit);
    connect(m_record, &QSpinBox::valueChanged, this, [this] { encodeCurrentRecord(); });
    connect(m_save, &QPushButton::clicked, this, &SchemaPreviewWidget::saveSchema);
}

SchemaPreviewWidget::~SchemaPreviewWidget() = default;

QString SchemaPreviewWidget::jobKey(const char *what) const
{
    return QStringLiteral("schema-preview/%1/%2").arg(quintptr(this), 0, 16).arg(QLatin1String(what));
}

const FeatureSchema &SchemaPreviewWidget::schema() const
{
    return m_columns->schema();
}

std::int64_t SchemaPreviewWidget::currentRecordRow() const
{
    return m_record->value() - 1;
}

void SchemaPreviewWidget::setCurrentRecordRow(std::int64_t row)
{
    m_record->setValue(int(row + 1));
}

void SchemaPreviewWidget::showError(const QString &message)
{
    m_status->setText(message);
    Q_EMIT failed(message);
}

void SchemaPreviewWidget::setTable(std::shared_ptr<const Table> table, const FeatureSchema &schema)
{
    m_table = std::move(table);
    m_row->clear();
    m_nonZero->clear();
    const std::int64_t rows = m_table ? m_table->rowCount() : 0;
    {
        const QSignalBlocker block(m_record);
        m_record->setRange(1, int(std::clamp<std::int64_t>(rows, 1, std::numeric_limits<int>::max())));
        m_record->setValue(1);
        m_record->setEnabled(rows > 0);
    }
    if (!m_table)
        return;
    if (!schema.columns.empty()) {
        const bool fitted = std::all_of(schema.columns.begin(), schema.columns.end(),
                                        [](const ColumnSpec &c) { return c.encoding == Encoding::None || c.fitted; });
        applySchema(schema);
        if (!fitted)
            refit(); // specs edited elsewhere (or built by hand): fit them on this table
        return;
    }
    m_status->setText(tr("Inferring the schema…"));
    QPointer<SchemaPreviewWidget> self(this);
    auto tablePtr = m_table;
    m_jobs->start(
        tr("Infer schema"),
        [tablePtr](JobContext &ctx) -> Result<QVariant> {
            auto s = inferSchema(*tablePtr, {}, ctx.progressFn());
            if (!s)
                return tl::unexpected(s.error());
            return QVariant::fromValue(*s);
        },
        [self](const Result<QVariant> &r) {
            if (!self)
                return;
            if (!r)
                return self->showError(r.error().message);
            self->applySchema(r->value<FeatureSchema>());
        },
        jobKey("fit"));
}

void SchemaPreviewWidget::openDataset(const QString &projectPath, std::int64_t datasetId)
{
    m_projectPath = projectPath;
    m_datasetId = datasetId;
    m_status->setText(tr("Loading dataset %1…").arg(datasetId));
    QPointer<SchemaPreviewWidget> self(this);
    m_jobs->start(
        tr("Load dataset %1 for the schema").arg(datasetId),
        [projectPath, datasetId](JobContext &ctx) -> Result<QVariant> {
            // One connection per thread: the worker opens its own.
            auto project = Project::open(projectPath);
            if (!project)
                return tl::unexpected(project.error());
            // Millions of records: the sample training fits its schema on, not the whole table.
            Loaded loaded;
            auto table = loadSchemaRows((*project)->db(), datasetId, kDefaultSampleRows, 0, ctx.progressFn(), &loaded.datasetRows);
            if (!table)
                return tl::unexpected(table.error());
            loaded.table = std::make_shared<const Table>(std::move(*table));
            auto stored = loadSchema((*project)->db(), datasetId);
            if (stored) {
                loaded.schema = std::move(*stored);
            } else if (stored.error().code == ErrorCode::NotFound) {
                auto inferred = inferSchema(*loaded.table, {}, ctx.progressFn());
                if (!inferred)
                    return tl::unexpected(inferred.error());
                loaded.schema = std::move(*inferred);
            } else {
                return tl::unexpected(stored.error());
            }
            return QVariant::fromValue(loaded);
        },
        [self](const Result<QVariant> &r) {
            if (!self)
                return;
            if (!r)
                return self->showError(r.error().message);
            const auto loaded = r->value<Loaded>();
            self->m_datasetRows = loaded.datasetRows;
            self->setTable(loaded.table, loaded.schema);
            self->m_save->setEnabled(true);
        },
        jobKey("fit"));
}

void SchemaPreviewWidget::applySchema(const FeatureSchema &schema)
{
    m_columns->setSchema(schema);
    int features = 0, oneHot = 0;
    for (const auto &c : schema.columns) {
        if (c.encoding != Encoding::None)
            ++features;
        if (c.encoding != Encoding::None && c.encoding != Encoding::Numeric)
            oneHot += c.width();
    }
    m_summary->setText(tr("<b>Total width %1</b> — %2 one-hot + %3 numeric features from %4 of %5 columns%6")
                           .arg(schema.width())
                           .arg(oneHot)
                           .arg(schema.width() - oneHot)
                           .arg(features)
                           .arg(schema.columns.size())
                           .arg(schema.profile.isEmpty() ? QString() : tr(", profile %1").arg(schema.profile)));
    const std::int64_t rows = m_table ? m_table->rowCount() : 0;
    const bool sampled = m_datasetRows > rows;
    if (sampled)
        m_summary->setText(m_summary->text()
                           + tr("<br>Fitted on a uniform sample of %L1 of the %L2 records, as training does; counts are the sample's.")
                                 .arg(rows)
                                 .arg(m_datasetRows));
    m_record->setPrefix(sampled ? tr("sample record ") : tr("record "));
    m_status->clear();
    m_save->setEnabled(!m_projectPath.isEmpty() && m_datasetId > 0);
    Q_EMIT schemaFitted(schema.width());
    encodeCurrentRecord();
}

void SchemaPreviewWidget::refit()
{
    if (!m_table)
        return;
    m_status->setText(tr("Re-fitting the schema…"));
    QPointer<SchemaPreviewWidget> self(this);
    auto tablePtr = m_table;
    const FeatureSchema edited = m_columns->schema();
    m_jobs->start(
        tr("Re-fit schema"),
        [tablePtr, edited](JobContext &ctx) -> Result<QVariant> {
            auto s = fitSchema(*tablePtr, edited.columns, edited.profile, ctx.progressFn());
            if (!s)
                return tl::unexpected(s.error());
            return QVariant::fromValue(*s);
        },
        [self](const Result<QVariant> &r) {
            if (!self)
                return;
            if (!r)
                return self->showError(r.error().message);
            self->applySchema(r->value<FeatureSchema>());
        },
        jobKey("fit"));
}

void SchemaPreviewWidget::encodeCurrentRecord()
{
    const FeatureSchema &s = m_columns->schema();
    if (!m_table || m_table->rowCount() == 0 || s.columns.empty())
        return;
    for (const auto &c : s.columns) {
        if (c.encoding != Encoding::None && !c.fitted)
            return; // a re-fit is on its way and will call back
    }
    const std::int64_t row = currentRecordRow();
    QPointer<SchemaPreviewWidget> self(this);
    auto tablePtr = m_table;
    const FeatureSchema schemaCopy = s;
    m_jobs->start(
        tr("Encode record %1").arg(row + 1),
        [tablePtr, schemaCopy, row](JobContext &) -> Result<QVariant> {
            auto m = encodeRows(schemaCopy, *tablePtr, row, 1);
            if (!m)
                return tl::unexpected(m.error());
            auto e = explain(schemaCopy, *m, 0);
            if (!e)
                return tl::unexpected(e.error());
            return QVariant::fromValue(*e);
        },
        [self, row](const Result<QVariant> &r) {
            if (!self)
                return;
            if (!r)
                return self->showError(r.error().message);
            const auto e = r->value<RowExplanation>();
            self->m_row->setExplanation(e);
            QStringList lines;
            lines << tr("Record %1 (id %2): %3 non-zero features").arg(row + 1).arg(e.recordId).arg(e.nonZero.size());
            for (const auto &f : e.nonZero)
                lines << QStringLiteral("[%1] %2 = %3").arg(f.index).arg(f.name).arg(double(f.value), 0, 'g', 6);
            self->m_nonZero->setPlainText(lines.join(QLatin1Char('\n')));
            Q_EMIT self->recordEncoded(row);
        },
        jobKey("row"));
}

void SchemaPreviewWidget::saveSchema()
{
    if (m_projectPath.isEmpty() || m_datasetId <= 0)
        return;
    QPointer<SchemaPreviewWidget> self(this);
    const FeatureSchema s = m_columns->schema();
    const QString path = m_projectPath;
    const std::int64_t id = m_datasetId;
    m_jobs->start(
        tr("Save schema of dataset %1").arg(id),
        [s, path, id](JobContext &) -> Result<QVariant> {
            auto project = Project::open(path);
            if (!project)
                return tl::unexpected(project.error());
            auto saved = vigil::saveSchema(**project, id, s);
            if (!saved)
                return tl::unexpected(saved.error());
            return QVariant::fromValue(qint64(*saved));
        },
        [self](const Result<QVariant> &r) {
            if (!self)
                return;
            if (!r)
                return self->showError(r.error().message);
            self->m_status->setText(tr("Schema saved (#%1).").arg(r->toLongLong()));
            Q_EMIT self->schemaSaved(r->toLongLong());
        },
        jobKey("save"));
}

} // namespace vigil::ui
