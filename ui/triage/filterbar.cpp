#include "ui/triage/filterbar.h"

#include "core/query/compiler.h"
#include "ui/plaintooltip.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QStringListModel>
#include <QToolButton>

namespace vigil::ui {

namespace {
constexpr const char *kSettingsKey = "triage/savedFilters";
}

QString FilterBar::helpToolTip()
{
    return tr("Fields with = != < <= > >=, in (a, b) or in 10.0.0.0/8, contains \"text\", between a and b; "
              "combine with and, or, not and parentheses. Press Enter to apply.");
}

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent), m_edit(new QLineEdit(this)), m_status(new QLabel(this)), m_completer(new QCompleter(this)),
      m_completions(new QStringListModel(this)), m_saved(new QComboBox(this)), m_save(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_edit->setPlaceholderText(tr("Filter, e.g. score > 80 and status = 404 and ip in 10.0.0.0/8"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setToolTip(helpToolTip());
    m_status->setMinimumWidth(160);
    // The message quotes the filter, which may hold text pasted from a log ("<script>…").
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_saved->setToolTip(tr("Saved filters"));
    m_saved->setMinimumContentsLength(12);
    m_save->setText(tr("Save…"));
    m_save->setToolTip(tr("Save the current filter under a name"));
    layout->addWidget(m_edit, 3);
    layout->addWidget(m_status, 2);
    layout->addWidget(m_saved);
    layout->addWidget(m_save);

    m_completer->setModel(m_completions);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setWidget(m_edit);

    connect(m_edit, &QLineEdit::textChanged, this, [this] { validate(); });
    connect(m_edit, &QLineEdit::textEdited, this, [this] { updateCompletion(); });
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        if (m_completer->popup()->isVisible())
            return;
        validate();
        if (m_valid)
            Q_EMIT filterAccepted(m_edit->text());
    });
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &FilterBar::insertCompletion);
    connect(m_saved, &QComboBox::activated, this, [this](int index) {
        if (index <= 0)
            return;
        setText(m_saved->itemData(index).toString());
        if (m_valid)
            Q_EMIT filterAccepted(m_edit->text());
    });
    connect(m_save, &QToolButton::clicked, this, &FilterBar::onSaveClicked);
    reloadSaved();
    validate();
}

FilterBar::~FilterBar() = default;

void FilterBar::setFields(const query::FieldSet &fields)
{
    m_fields = fields;
    validate();
}

QString FilterBar::text() const
{
    return m_edit->text();
}

void FilterBar::setText(const QString &text)
{
    m_edit->setText(text);
    validate();
}

QStringList FilterBar::candidates() const
{
    return m_completions->stringList();
}

void FilterBar::validate()
{
    query::QueryError err;
    auto c = query::compileFilter(m_edit->text(), m_fields, &err);
    m_valid = bool(c);
    m_error = c ? QString() : c.error().message;
    // Green when it compiles, red with the positioned message when it does not.
    const QString colour = m_valid ? QStringLiteral("#2e7d32") : QStringLiteral("#c62828");
    m_edit->setStyleSheet(m_edit->text().trimmed().isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 2px solid %1; }").arg(colour));
    m_status->setStyleSheet(QStringLiteral("color: %1;").arg(colour));
    m_status->setText(m_valid ? (m_edit->text().trimmed().isEmpty() ? QString() : tr("✓ valid filter")) : m_error);
    m_status->setToolTip(m_valid ? QString() : plainToolTip(m_error));
    m_edit->setToolTip(m_valid ? helpToolTip() : plainToolTip(m_error));
}

void FilterBar::updateCompletion()
{
    const query::Completion c = query::completeAt(m_edit->text(), m_edit->cursorPosition(), m_fields);
    m_replaceStart = c.replaceStart;
    m_replaceLength = c.replaceLength;
    m_completions->setStringList(c.candidates);
    if (c.prefix.isEmpty() || c.candidates.isEmpty() || (c.candidates.size() == 1 && c.candidates.first() == c.prefix)) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(c.prefix);
    m_completer->complete();
}

void FilterBar::insertCompletion(const QString &completion)
{
    QString t = m_edit->text();
    t.replace(m_replaceStart, m_replaceLength, completion + QLatin1Char(' '));
    m_edit->setText(t);
    m_edit->setCursorPosition(m_replaceStart + int(completion.size()) + 1);
}

QMap<QString, QString> FilterBar::savedFilters() const
{
    QMap<QString, QString> out;
    const QVariantMap m = QSettings().value(QLatin1String(kSettingsKey)).toMap();
    for (auto it = m.cbegin(); it != m.cend(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

void FilterBar::saveFilter(const QString &name, const QString &text)
{
    if (name.trimmed().isEmpty())
        return;
    QSettings s;
    QVariantMap m = s.value(QLatin1String(kSettingsKey)).toMap();
    m.insert(name.trimmed(), text);
    s.setValue(QLatin1String(kSettingsKey), m);
    reloadSaved();
}

void FilterBar::removeSavedFilter(const QString &name)
{
    QSettings s;
    QVariantMap m = s.value(QLatin1String(kSettingsKey)).toMap();
    m.remove(name);
    s.setValue(QLatin1String(kSettingsKey), m);
    reloadSaved();
}

void FilterBar::reloadSaved()
{
    m_saved->clear();
    m_saved->addItem(tr("Saved filters…"));
    const auto saved = savedFilters();
    for (auto it = saved.cbegin(); it != saved.cend(); ++it) {
        m_saved->addItem(it.key(), it.value());
        m_saved->setItemData(m_saved->count() - 1, it.value(), Qt::ToolTipRole);
    }
}

void FilterBar::onSaveClicked()
{
    if (!m_valid || m_edit->text().trimmed().isEmpty())
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save filter"), tr("Name:"), QLineEdit::Normal, {}, &ok);
    if (ok)
        saveFilter(name, m_edit->text());
}

} // namespace vigil::ui
