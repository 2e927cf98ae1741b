#pragma once

#include "core/query/fields.h"

#include <QWidget>

class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QStringListModel;
class QToolButton;

namespace vigil::ui {

/// The filter line of the triage view: live syntax feedback (green when the filter compiles
/// against the dataset's fields, red with the positioned error message otherwise), field and
/// keyword completion at the caret, and saved filters kept in QSettings.
class FilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterBar)

public:
    explicit FilterBar(QWidget *parent = nullptr);
    ~FilterBar() override;

    void setFields(const query::FieldSet &fields);
    QString text() const;
    /// Replaces the text and validates it (does not emit filterAccepted()).
    void setText(const QString &text);
    /// True when the current text compiles.
    bool isValid() const { return m_valid; }
    QString errorMessage() const { return m_error; }
    QLineEdit *lineEdit() const { return m_edit; }
    QCompleter *completer() const { return m_completer; }
    /// Current completion candidates (what the pop-up lists).
    QStringList candidates() const;

    /// Saved filters (name → text), stored under "triage/savedFilters" in QSettings.
    QMap<QString, QString> savedFilters() const;
    void saveFilter(const QString &name, const QString &text);
    void removeSavedFilter(const QString &name);

Q_SIGNALS:
    /// The user pressed Enter (or picked a saved filter) on a filter that compiles.
    void filterAccepted(const QString &text);

private:
    static QString helpToolTip();
    void validate();
    void updateCompletion();
    void insertCompletion(const QString &completion);
    void reloadSaved();
    void onSaveClicked();

    query::FieldSet m_fields;
    QLineEdit *m_edit;
    QLabel *m_status;
    QCompleter *m_completer;
    QStringListModel *m_completions;
    QComboBox *m_saved;
    QToolButton *m_save;
    bool m_valid = true;
    QString m_error;
    int m_replaceStart = 0;
    int m_replaceLength = 0;
};

} // namespace vigil::ui
