#include "ui/schema/schemadelegates.h"
#include "ui/schema/schemacolumnsmodel.h"

#include <QApplication>
#include <QComboBox>
#include <QPainter>

namespace vigil::ui {

void TopValuesDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariantList top = index.data(SchemaColumnsModel::TopValuesRole).toList();
    const qint64 rows = index.data(SchemaColumnsModel::RowsRole).toLongLong();
    if (top.isEmpty() || rows <= 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    // Up to three values, each a bar whose length is its share of all rows, text beside it.
    painter->save();
    const QRect area = option.rect.adjusted(2, 2, -2, -2);
    const int slots = int(std::min<qsizetype>(top.size(), 3));
    const int slotWidth = area.width() / 3;
    const QColor bar = option.palette.color(QPalette::Highlight);
    for (int i = 0; i < slots; ++i) {
        const QVariantList pair = top[i].toList();
        const QString value = pair.value(0).toString();
        const qint64 count = pair.value(1).toLongLong();
        const QRect slot(area.left() + i * slotWidth, area.top(), slotWidth - 4, area.height());
        const int barWidth = std::max(1, int(double(slot.width()) * double(count) / double(rows)));
        QColor fill = bar;
        fill.setAlpha(90);
        painter->fillRect(QRect(slot.left(), slot.top(), barWidth, slot.height()), fill);
        const QString text = QStringLiteral("%1 (%2)").arg(value.isEmpty() ? tr("(empty)") : value).arg(count);
        painter->setPen(option.palette.color(option.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(slot.adjusted(3, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                          option.fontMetrics.elidedText(text, Qt::ElideRight, slot.width() - 3));
    }
    painter->restore();
}

QSize TopValuesDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setWidth(std::max(s.width(), 360));
    return s;
}

QWidget *ChoiceDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QStringList choices = index.data(SchemaColumnsModel::ChoicesRole).toStringList();
    if (choices.isEmpty())
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto *combo = new QComboBox(parent);
    combo->addItems(choices);
    // Commit as soon as a value is picked: the re-fit starts without a second click elsewhere.
    connect(combo, &QComboBox::activated, this, [this, combo] {
        Q_EMIT const_cast<ChoiceDelegate *>(this)->commitData(combo);
    });
    return combo;
}

void ChoiceDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentIndex(std::max(0, combo->findText(index.data(Qt::EditRole).toString())));
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void ChoiceDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentText(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace vigil::ui
