#include "ui/triage/triageview.h"

#include "ui/triage/filterbar.h"
#include "ui/triage/triagetablemodel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace vigil::ui {

TriageView::TriageView(JobRunner *jobs, const QString &projectPath, qint64 datasetId, qint64 runId, QWidget *parent)
    : QWidget(parent), m_model(new TriageTableModel(projectPath, datasetId, runId, this)), m_filter(new FilterBar(this)),
      m_mode(new QComboBox(this)), m_entity(new QComboBox(this)), m_hideSuppressed(new QCheckBox(tr("Hide suppressed"), this)),
      m_columns(new QToolButton(this)), m_count(new QLabel(this)), m_table(new QTableView(this)), m_tags(new QLineEdit(this)),
      m_note(new QLineEdit(this)), m_message(new QLabel(this)), m_undo(new QAction(tr("Undo label"), this)),
      m_redo(new QAction(tr("Redo label"), this))
{
    Q_UNUSED(jobs) // the table's SQL runs on the model's own worker; kept for a uniform widget API
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);

    auto *bar = new QHBoxLayout;
    m_mode->setObjectName(QStringLiteral("triageMode"));
    m_mode->addItem(tr("Records"));
    m_mode->addItem(tr("Entities"));
    m_mode->addItem(tr("Sessions"));
    m_mode->setToolTip(tr("Show single records, one row per entity (e.g. client address), or one row per session "
                          "(an entity's events with no pause over 30 minutes); labelling a session labels its records"));
    m_entity->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_entity->setToolTip(tr("Entity column: groups the Entities view; entity labels apply to its records"));
    m_columns->setText(tr("Columns"));
    m_columns->setPopupMode(QToolButton::InstantPopup);
    m_columns->setMenu(new QMenu(m_columns));
    m_hideSuppressed->setToolTip(tr("Hide rows matched by \"never flag this value\" rules"));
    bar->addWidget(new QLabel(tr("View:"), this));
    bar->addWidget(m_mode);
    bar->addWidget(new QLabel(tr("Entity:"), this));
    bar->addWidget(m_entity);
    bar->addWidget(m_hideSuppressed);
    bar->addWidget(m_columns);
    bar->addStretch(1);
    bar->addWidget(m_count);
    layout->addLayout(bar);

    m_table->setModel(m_model);
    m_table->horizontalHeader()->setResizeContentsPrecision(0); // size to the visible rows only
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // no per-row sizing on a million rows
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    layout->addWidget(m_table, 1);

    auto *labels = new QHBoxLayout;
    auto addButton = [&](const QString &text, const QString &tip, auto fn) {
        auto *b = new QPushButton(text, this);
        b->setToolTip(tip);
        b->setFocusPolicy(Qt::NoFocus);
        connect(b, &QPushButton::clicked, this, fn);
        labels->addWidget(b);
        return b;
    };
    addButton(tr("Malicious (1)"), tr("Label the selection malicious"), [this] { labelSelection(LabelValue::Malicious); });
    addButton(tr("Benign (2)"), tr("Label the selection benign"), [this] { labelSelection(LabelValue::Benign); });
    addButton(tr("Review (3)"), tr("Mark the selection for review"), [this] { labelSelection(LabelValue::Review); });
    addButton(tr("Clear (0)"), tr("Remove the verdict of the selection"), [this] { labelSelection(LabelValue::None); });
    addButton(tr("Label cluster…"), tr("Label every record of the current row's cluster malicious"),
              [this] { labelCurrentCluster(LabelValue::Malicious); });
    addButton(tr("Never flag this value"), tr("Suppress rows whose value in the current column equals the current cell's"),
              [this] { suppressCurrentValue(); });
    m_tags->setPlaceholderText(tr("tags, comma-separated"));
    m_note->setPlaceholderText(tr("note"));
    labels->addWidget(m_tags, 1);
    labels->addWidget(m_note, 2);
    addButton(tr("Set tags/note"), tr("Store the tags and note on the selection"), [this] { applyNoteTags(); });
    layout->addLayout(labels);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    // Shortcuts live on the table, so typing digits in the filter or the note never labels.
    auto shortcut = [this](const QKeySequence &keys, auto fn) {
        auto *s = new QShortcut(keys, m_table);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, fn);
    };
    shortcut(QKeySequence(Qt::Key_J), [this] { nextAnomaly(); });
    shortcut(QKeySequence(Qt::Key_N), [this] { nextAnomaly(); });
    shortcut(QKeySequence(Qt::Key_K), [this] { previousAnomaly(); });
    shortcut(QKeySequence(Qt::Key_P), [this] { previousAnomaly(); });
    shortcut(QKeySequence(Qt::Key_1), [this] { labelSelection(LabelValue::Malicious); });
    shortcut(QKeySequence(Qt::Key_2), [this] { labelSelection(LabelValue::Benign); });
    shortcut(QKeySequence(Qt::Key_3), [this] { labelSelection(LabelValue::Review); });
    shortcut(QKeySequence(Qt::Key_0), [this] { labelSelection(LabelValue::None); });
    m_undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    m_redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    for (QAction *a : {m_undo, m_redo}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setEnabled(false);
        m_table->addAction(a);
    }
    connect(m_undo, &QAction::triggered, m_model, &TriageTableModel::undo);
    connect(m_redo, &QAction::triggered, m_model, &TriageTableModel::redo);

    connect(m_filter, &FilterBar::filterAccepted, this, [this](const QString &text) { applyFilter(text); });
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_model->setMode(i == 1 ? TriageQuery::Mode::Entities : i == 2 ? TriageQuery::Mode::Sessions : TriageQuery::Mode::Records);
    });
    connect(m_entity, &QComboBox::activated, this, [this](int) {
        m_model->setEntityField(m_entity->currentText());
        Q_EMIT sessionsChanged(m_model->sessions());
    });
    connect(m_hideSuppressed, &QCheckBox::toggled, m_model, &TriageTableModel::setHideSuppressed);
    connect(m_model, &TriageTableModel::ready, this, &TriageView::onModelReady);
    connect(m_model, &TriageTableModel::modelReset, this, [this] {
        if (TriageColumns::grouped(m_model->mode())) {
            // Few columns: size the key and time columns to what is visible.
            for (int c : {int(TriageColumns::kEntity), int(TriageColumns::kRate), int(TriageColumns::kPeakFailures),
                          int(TriageColumns::kFirstSeen), int(TriageColumns::kLastSeen)})
                m_table->resizeColumnToContents(c);
        }
        buildColumnMenu();
        // Without the blocker the header would ask the model to sort again: a second query.
        const QSignalBlocker blocker(m_table->horizontalHeader());
        m_table->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
        if (m_pendingSelectRow >= 0) {
            selectRow(m_pendingSelectRow);
            m_pendingSelectRow = -1;
        }
    });
    connect(m_model, &TriageTableModel::queryFinished, this, [this](qint64 rows, qint64 ms) {
        m_count->setText(tr("%L1 %2 · %3 ms").arg(rows).arg(m_model->mode() == TriageQuery::Mode::Entities   ? tr("entities")
                                                                   : m_model->mode() == TriageQuery::Mode::Sessions ? tr("sessions")
                                                                                                                    : tr("rows")).arg(ms));
    });
    connect(m_model, &TriageTableModel::failed, this, [this](const QString &message) {
        m_message->setText(message);
        Q_EMIT statusMessage(message);
    });
    connect(m_model, &TriageTableModel::historyChanged, this, [this](const QString &message) {
        const TriageHistoryState &h = m_model->history();
        m_undo->setEnabled(h.canUndo);
        m_redo->setEnabled(h.canRedo);
        m_undo->setText(h.canUndo ? tr("Undo %1").arg(h.undoText) : tr("Undo label"));
        m_redo->setText(h.canRedo ? tr("Redo %1").arg(h.redoText) : tr("Redo label"));
        m_message->setText(message);
        Q_EMIT statusMessage(message);
    });
    connect(m_model, &TriageTableModel::anomalyFound, this, [this](int row) {
        if (row < 0) {
            m_message->setText(tr("No further anomaly in this direction."));
            return;
        }
        selectRow(row);
    });
    connect(m_model, &TriageTableModel::suppressionsChanged, this, [this] {
        m_message->setText(tr("%n suppression rule(s) active.", nullptr, int(m_model->suppressions().size())));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TriageView::onCurrentChanged);
    connect(m_table->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            [this](const QPoint &pos) { m_columns->menu()->popup(m_table->horizontalHeader()->mapToGlobal(pos)); });
}

TriageView::~TriageView() = default;

void TriageView::onModelReady()
{
    const auto src = m_model->source();
    if (!src)
        return;
    m_filter->setFields(src->fields);
    m_entity->clear();
    for (const query::DatasetColumn &c : src->columns) {
        if (c.type == query::FieldType::Text || c.type == query::FieldType::Ip || c.type == query::FieldType::Integer)
            m_entity->addItem(c.field);
    }
    m_entity->setCurrentText(m_model->entityField());
    m_table->setFocus();
    if (std::exchange(m_sessionsWhenReady, false))
        showSessions(m_sessions);
    else
        Q_EMIT sessionsChanged(m_model->sessions());
}

void TriageView::buildColumnMenu()
{
    QMenu *menu = m_columns->menu();
    menu->clear();
    for (int c = 0; c < m_model->columnCount(); ++c) {
        QAction *a = menu->addAction(m_model->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!m_table->isColumnHidden(c));
        connect(a, &QAction::toggled, this, [this, c](bool on) { setColumnVisible(c, on); });
    }
}

void TriageView::setColumnVisible(int column, bool visible)
{
    m_table->setColumnHidden(column, !visible);
}

bool TriageView::applyFilter(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text);
    query::QueryError err;
    auto r = m_model->setFilter(text, &err);
    if (!r) {
        m_message->setText(r.error().message);
        return false;
    }
    Q_EMIT filterChanged(text);
    return true;
}

void TriageView::showSessions(const SessionSpec &sessions)
{
    m_sessions = sessions;
    // Before the first rows have come, the table's first reset would sort by its column 0 (the
    // session key): switch once it is in.
    if (!m_model->isReady()) {
        m_sessionsWhenReady = true;
        return;
    }
    const auto src = m_model->source();
    const bool known = !m_sessions.entityField.isEmpty() && src && src->column(m_sessions.entityField);
    m_model->showSessions({known ? m_sessions.entityField : QString(), m_sessions.gapSeconds});
    if (known)
        m_entity->setCurrentText(m_sessions.entityField);
    m_mode->setCurrentIndex(2); // the model is in Sessions mode already: no second query
    Q_EMIT sessionsChanged(m_model->sessions());
}

void TriageView::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const QModelIndex idx = m_model->index(row, std::max(0, m_table->currentIndex().column()));
    m_table->selectionModel()->setCurrentIndex(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(idx);
}

QList<int> TriageView::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        rows << i.row();
    if (rows.isEmpty() && m_table->currentIndex().isValid())
        rows << m_table->currentIndex().row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

void TriageView::nextAnomaly()
{
    m_model->findAnomaly(m_table->currentIndex().isValid() ? m_table->currentIndex().row() : -1, +1);
}

void TriageView::previousAnomaly()
{
    const int row = m_table->currentIndex().isValid() ? m_table->currentIndex().row() : m_model->rowCount();
    m_model->findAnomaly(row, -1);
}

void TriageView::labelSelection(LabelValue value)
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty()) {
        m_message->setText(tr("Select rows to label."));
        return;
    }
    m_model->labelRows(rows, value);
}

void TriageView::labelCurrentCluster(LabelValue value)
{
    const QModelIndex cur = m_table->currentIndex();
    const QVariant cluster = cur.isValid() ? m_model->data(cur, TriageTableModel::ClusterRole) : QVariant();
    if (!cluster.isValid()) {
        m_message->setText(tr("The current row has no cluster."));
        return;
    }
    m_model->labelCluster(cluster.toLongLong(), value);
}

void TriageView::suppressCurrentValue()
{
    const QModelIndex cur = m_table->currentIndex();
    if (!cur.isValid())
        return;
    const QString field = m_model->fieldForColumn(cur.column());
    const QVariant value = m_model->rawValue(cur.row(), cur.column());
    if (field.isEmpty() || !value.isValid() || field == QLatin1String("score") || field == QLatin1String("label")) {
        m_message->setText(tr("Pick a data cell (e.g. a user agent or path) to suppress its value."));
        return;
    }
    m_model->addSuppression(field, value.toString(), tr("from the triage table"));
}

void TriageView::applyNoteTags()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return;
    m_model->editTagsNote(rows, m_tags->text().trimmed(), m_note->text());
}

void TriageView::onCurrentChanged()
{
    const QModelIndex cur = m_table->currentIndex();
    if (!cur.isValid())
        return;
    m_tags->setText(m_model->data(cur, TriageTableModel::TagsRole).toString());
    m_note->setText(m_model->data(cur, TriageTableModel::NoteRole).toString());
    const QVariant id = m_model->data(cur, TriageTableModel::RecordIdRole);
    if (!id.isValid())
        return;
    if (m_model->mode() == TriageQuery::Mode::Records)
        Q_EMIT recordSelected(id.toLongLong());
    else if (m_model->mode() == TriageQuery::Mode::Sessions)
        Q_EMIT recordSelected(m_model->data(cur, TriageTableModel::FirstRecordRole).toLongLong()); // the inspector shows its events
    else
        Q_EMIT entitySelected(m_model->entityField(), id.toString());
}

} // namespace vigil::ui
