#include "dialogs/record_tab.hxx"

#include "core/files/safe_files.hpp"
#include "core/messages/messages.hpp"
#include "core/messages/record_labels.hpp"
#include "core/messages/ui_text.hpp"
#include "core/rules/bank_account.hpp"
#include "core/rules/profile_money.hpp"
#include "core/text/ascii.hpp"
#include "dialogs/profile_ui.hxx"
#include "support/record_store.hxx"
#include "support/store_access.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/awt/grid/XGridRowSelection.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;

namespace clientes::uno::record_tab
{
namespace
{
using namespace dialog_ui;

// A right-aligned figure keeps a figure space's distance from the column after it.
std::string figure(const std::string& text)
{
    return text + "\u2007";
}

// "edTaskDueDate": a prefix, the tab's and the field's name with a capital.
std::string controlName(std::string_view kind, const char* prefix, std::string_view field)
{
    std::string name(kind);
    name += prefix;
    name += static_cast<char>(std::toupper(static_cast<unsigned char>(field.front())));
    name.append(field.substr(1));
    return name;
}

int digitsOf(std::string_view currency)
{
    return minorUnitDigits(currency).value_or(2);
}

// The state word of records that can be overdue.
std::string stateOf(const Task& task, std::string_view today, Language language)
{
    return taskStateLabel(task, today, language);
}
std::string stateOf(const Invoice& invoice, std::string_view today, Language language)
{
    return invoiceStateLabel(invoice, today, language);
}
// A bank account's: the verdict of its IBAN's and BIC's checks ("Correcto").
std::string stateOf(const BankAccount& account, std::string_view, Language language)
{
    return bankCheckLabel(account, language);
}

template <typename R> class Tab final : public RecordTab
{
public:
    Tab(TabHost& host, const TabSpec& spec) : m_host(host), m_spec(spec), m_kind(kindOf<R>()) {}

    const TabSpec& spec() const override { return m_spec; }

    const R* selectedRecord(const Dialog& dialog) const
    {
        const Sequence<sal_Int32> rows = grid(dialog)->getSelectedRows();
        if (rows.getLength() == 0 || rows[0] < 0 ||
            static_cast<std::size_t>(rows[0]) >= m_records.size())
            return nullptr;
        return &m_records[static_cast<std::size_t>(rows[0])];
    }

    void prepare(const Dialog& dialog) override
    {
        for (const FieldOf<R>& field : m_kind.fields)
        {
            const std::string name = control(dialog, field);
            if (field.readOnly() || name.empty())
                continue;
            if (field.type == FieldType::Choice)
            {
                std::vector<std::string> words;
                for (std::string_view word : field.choices)
                    words.push_back(choiceLabel(m_kind.info, word, m_host.language()));
                setEntries(dialog, name.c_str(), words);
            }
            else if (field.type == FieldType::Date)
                prepareDateField(dialog, name.c_str());
            else if (field.type == FieldType::Money)
                prepareAmountField(dialog, name.c_str());
            else if (field.maxLength != 0)
                model(dialog, name.c_str())
                    ->setPropertyValue(ascii("MaxTextLen"),
                                       Any(static_cast<sal_Int16>(field.maxLength)));
        }
    }

    std::vector<Column> columns() const override
    {
        std::vector<Column> columns;
        for (const ColumnSpec& spec : m_spec.columns)
        {
            const FieldOf<R>& field = *m_kind.field(spec.field);
            columns.push_back({spec.title ? clientes::text(*spec.title, m_host.language())
                                          : labelText(m_kind.info, field.label, m_host.language()),
                               spec.width, spec.flexibility,
                               field.type == FieldType::Money || field.type == FieldType::Hours ||
                                   field.type == FieldType::WholeNumber});
        }
        return columns;
    }

    void load(Register& store) override
    {
        m_records.clear();
        m_inputs.clear();
        if (m_kind.info.parent == Parent::Project && !m_host.projectId())
            return;
        m_records = store.list<R>(m_kind.info.parent == Parent::Project ? *m_host.projectId()
                                                                        : m_host.client().id);
        for (const R& record : m_records)
            m_inputs.push_back(derivedInputs(store, record, m_host.today()));
    }

    void showList(const Dialog& dialog, std::optional<std::int64_t> select) override
    {
        const Reference<css::awt::grid::XMutableGridDataModel> rows = m_host.rows(m_spec.grid.name);
        const auto selection = grid(dialog);
        const bool filling = m_host.filling();
        m_host.setFilling(true);
        try
        {
            selection->deselectAllRows();
            rows->removeAllRows();
            if (!m_records.empty())
            {
                Sequence<Any> headings(static_cast<sal_Int32>(m_records.size()));
                Sequence<Sequence<Any>> data(static_cast<sal_Int32>(m_records.size()));
                Sequence<Any>* out = data.getArray();
                for (std::size_t i = 0; i < m_records.size(); ++i)
                {
                    Sequence<Any> cells(static_cast<sal_Int32>(m_spec.columns.size()));
                    Any* cell = cells.getArray();
                    for (const ColumnSpec& column : m_spec.columns)
                        *cell++ <<= fromUtf8(cellText(column, m_records[i], m_inputs[i]));
                    *out++ = cells;
                }
                rows->addRows(headings, data);
                if (select)
                    this->select(dialog, *select);
            }
        }
        catch (...)
        {
            m_host.setFilling(filling);
            throw;
        }
        m_host.setFilling(filling);
    }

    std::optional<std::int64_t> selectedId(const Dialog& dialog) const override
    {
        const R* record = selectedRecord(dialog);
        return record ? std::optional<std::int64_t>(record->id) : std::nullopt;
    }

    void select(const Dialog& dialog, std::int64_t id) override
    {
        const auto selection = grid(dialog);
        for (std::size_t i = 0; i < m_records.size(); ++i)
            if (m_records[i].id == id)
            {
                selection->deselectAllRows();
                selection->selectRow(static_cast<sal_Int32>(i));
            }
    }

    std::optional<FieldValue> value(std::int64_t id, std::string_view name) const override
    {
        const FieldOf<R>* field = m_kind.field(name);
        for (std::size_t i = 0; field && i < m_records.size(); ++i)
            if (m_records[i].id == id)
                return field->value(m_records[i], m_inputs[i]);
        return std::nullopt;
    }

    void showSelected(const Dialog& dialog) override { show(dialog, selectedRecord(dialog)); }

    // "New": no row selected, an empty form, the cursor in its first field.
    void startNew(const Dialog& dialog) override
    {
        grid(dialog)->deselectAllRows();
        showMessage(dialog, ascii("lblMessage"), {});
        for (const FieldOf<R>& field : m_kind.fields)
            if (const std::string name = control(dialog, field); !name.empty())
            {
                focus(dialog, name.c_str());
                break;
            }
        show(dialog, nullptr);
    }

    void save(const Dialog& dialog) override
    {
        if constexpr (std::is_same_v<R, FileInfo>)
            return;
        else
        {
            const Language language = m_host.language();
            if (m_kind.info.parent == Parent::Project && !m_host.projectId())
                return m_host.failed(dialog,
                                     clientes::text(TextKey::ProfileSelectProjectFirst, language));
            R record;
            if (const R* selected = selectedRecord(dialog))
                record = *selected;
            else if (m_kind.info.parent == Parent::Project)
                m_kind.withRole(FieldRole::ProjectId)->set(record, FieldValue(*m_host.projectId()));
            else
                record.clientId = m_host.client().id;
            try
            {
                read(dialog, record);
            }
            catch (const RecordValidationError& error)
            {
                const RecordIssue& issue = error.issues.front();
                if (issue.problem == Problem::InvalidDate) // as typed, not ISO
                    return m_host.failed(
                        dialog,
                        clientes::text(
                            TextKey::ProfileDateNotRead, language,
                            {{"label", recordFieldLabel(issue.record, issue.field, language)}}));
                return m_host.failed(dialog, describe(issue, language));
            }
            store(dialog, std::move(record));
        }
    }

    void askRemove(const Dialog& dialog) override
    {
        const R* record = selectedRecord(dialog);
        const Language language = m_host.language();
        if (!record)
            return m_host.failed(dialog,
                                 clientes::text(TextKey::ProfileSelectRecordFirst, language));
        std::string label = m_kind.label(*record);
        if constexpr (std::is_same_v<R, FileInfo>)
            label = neutralisedName(label);
        const std::string what =
            "«" + label + "» (" + recordTypeLabel(*m_kind.info.type, language) + ")";
        m_host.askToRemove(
            dialog, clientes::text(TextKey::ProfileConfirmRemoveRecord, language, {{"what", what}}),
            *m_kind.info.type, record->id);
    }

    void remove(Register& store, std::int64_t id) override { store.remove<R>(id); }

private:
    Reference<css::awt::grid::XGridRowSelection> grid(const Dialog& dialog) const
    {
        return Reference<css::awt::grid::XGridRowSelection>(
            dialog_ui::control(dialog, m_spec.grid.name), UNO_QUERY_THROW);
    }

    // The form's control of the field ("edTaskTitle", "lbTaskStatus"); "" when it has none.
    std::string control(const Dialog& dialog, const FieldInfo& field) const
    {
        std::string name =
            controlName(field.type == FieldType::Choice ? "lb" : "ed", m_spec.prefix, field.name);
        return hasControl(dialog, fromUtf8(name)) ? name : std::string();
    }

    std::string currencyOf(const R* record) const
    {
        if (record)
            for (const FieldOf<R>& field : m_kind.fields)
                if (field.type == FieldType::Currency)
                    return std::get<std::string>(field.get(*record));
        return m_host.client().currency;
    }

    std::string cellText(const ColumnSpec& column, const R& record,
                         const DerivedInputs& inputs) const
    {
        const Language language = m_host.language();
        const Locale& locale = m_host.locale();
        const FieldOf<R>& field = *m_kind.field(column.field);
        const FieldValue value = field.value(record, inputs);
        switch (column.show)
        {
        case Show::State:
            if constexpr (requires { stateOf(record, inputs.today, language); })
                return stateOf(record, inputs.today, language);
            break;
        case Show::Hours:
            return figure(formatHours(std::get<double>(value), locale));
        case Show::FileName:
            return neutralisedName(std::get<std::string>(value));
        case Show::FileSize:
            return figure(formatFileSize(std::get<std::int64_t>(value), locale));
        case Show::Iban:
            return printIban(std::get<std::string>(value));
        case Show::Value:
            break;
        }
        switch (field.type)
        {
        case FieldType::Money:
            return figure(formatAmount(std::get<std::int64_t>(value), currencyOf(&record), locale));
        case FieldType::Hours:
            return figure(formatHoursInput(std::get<double>(value), locale));
        case FieldType::Choice:
            return choiceLabel(m_kind.info, std::get<std::string>(value), language);
        case FieldType::Timestamp:
            return formatTimestamp(std::get<std::string>(value), locale);
        case FieldType::Id:
        case FieldType::WholeNumber:
            return figure(groupDigits(std::get<std::int64_t>(value), locale));
        case FieldType::Date: // "31/05/2024" (es-ES), "05/31/2024" (en-US)
            return formatDate(std::get<std::string>(value), locale);
        case FieldType::Boolean:
            return std::get<bool>(value) ? "✓" : "";
        default:
            return std::get<std::string>(value);
        }
    }

    // The record's values in the form (nullptr: a new record's).
    void show(const Dialog& dialog, const R* record)
    {
        const Language language = m_host.language();
        const std::string currency = currencyOf(record);
        for (const FieldOf<R>& field : m_kind.fields)
        {
            if (field.readOnly())
            {
                // A verdict shown in full under the list, "IBAN check: Correct" (a bank
                // account's checks; the list's column is too narrow for the longer ones).
                if constexpr (requires { stateOf(*record, m_host.today(), language); })
                {
                    const std::string label = controlName("lbl", m_spec.prefix, field.name);
                    if (field.type == FieldType::Choice && hasControl(dialog, fromUtf8(label)))
                        setLabel(dialog, label.c_str(),
                                 record ? labelText(m_kind.info, field.label, language) + ": " +
                                              stateOf(*record, m_host.today(), language)
                                        : std::string());
                }
                continue;
            }
            const std::string name = control(dialog, field);
            const std::optional<FieldValue> value =
                record ? std::optional<FieldValue>(field.get(*record)) : std::nullopt;
            if (name.empty())
            {
                // Shown, not edited: "Total: 1.210,00 EUR".
                const std::string label = controlName("lbl", m_spec.prefix, field.name);
                if (field.type == FieldType::Money && hasControl(dialog, fromUtf8(label)))
                    setLabel(dialog, label.c_str(),
                             value ? labelText(m_kind.info, field.label, language) + ": " +
                                         formatAmount(std::get<std::int64_t>(*value), currency,
                                                      m_host.locale())
                                   : std::string());
                continue;
            }
            const char* ctl = name.c_str();
            switch (field.type)
            {
            case FieldType::Date:
                setDate(dialog, ctl,
                        value ? std::get<std::string>(*value)
                              : (field.defaultToday ? m_host.today() : std::string()));
                break;
            case FieldType::Money:
                setAmount(dialog, ctl,
                          value ? std::optional<double>(minorUnitsToDouble(
                                      std::get<std::int64_t>(*value), digitsOf(currency)))
                                : std::nullopt,
                          digitsOf(currency));
                break;
            case FieldType::Currency:
                setText(dialog, ctl, currency);
                break;
            case FieldType::Hours:
                setText(dialog, ctl,
                        value ? formatHoursInput(std::get<double>(*value), m_host.locale())
                              : std::string());
                break;
            case FieldType::Choice:
            {
                sal_Int16 position = 0;
                for (std::size_t i = 0; value && i < field.choices.size(); ++i)
                    if (field.choices[i] == std::get<std::string>(*value))
                        position = static_cast<sal_Int16>(i);
                dialog_ui::select(dialog, ctl, position);
                break;
            }
            default:
                setText(dialog, ctl, value ? std::get<std::string>(*value) : std::string());
                break;
            }
        }
    }

    // The form's values into `record`. Throws RecordValidationError for a date, an amount
    // or hours that cannot be read.
    void read(const Dialog& dialog, R& record) const
    {
        const RecordType type = *m_kind.info.type;
        const auto problem = [type](const FieldInfo& field, Problem what) {
            return RecordValidationError(
                {RecordIssue{type, std::get<RecordField>(field.label), what}});
        };
        // The currency first: amounts are read in its decimals.
        std::string currency;
        for (const FieldOf<R>& field : m_kind.fields)
            if (field.type == FieldType::Currency && !field.readOnly())
                if (const std::string name = control(dialog, field); !name.empty())
                {
                    currency = upperAscii(text(dialog, name.c_str()));
                    field.set(record, FieldValue(currency));
                }
        const int digits = digitsOf(currency.empty() ? m_host.client().currency : currency);
        std::set<std::string_view> read;
        for (const FieldOf<R>& field : m_kind.fields)
        {
            const std::string name = control(dialog, field);
            if (field.readOnly() || name.empty() || field.type == FieldType::Currency)
                continue;
            const char* ctl = name.c_str();
            read.insert(field.name);
            switch (field.type)
            {
            case FieldType::Date:
            {
                const auto date = dateOf(dialog, ctl);
                if (!date)
                    throw problem(field, Problem::InvalidDate);
                field.set(record, FieldValue(*date));
                break;
            }
            case FieldType::Money:
            {
                const auto amount = amountOf(dialog, ctl);
                const auto minor = amount ? minorUnitsFromDouble(*amount, digits) : std::nullopt;
                // Not more decimals than the currency has.
                if (!minor || std::abs(minorUnitsToDouble(*minor, digits) - *amount) >
                                  1e-9 * std::max(1.0, std::abs(*amount)))
                    throw problem(field, Problem::InvalidNumber);
                field.set(record, FieldValue(*minor));
                break;
            }
            case FieldType::Hours:
            {
                const std::string typed = text(dialog, ctl);
                const auto hours = parseHoursInput(typed);
                if (!hours)
                    throw problem(field,
                                  typed.empty() ? Problem::Required : Problem::InvalidNumber);
                field.set(record, FieldValue(*hours));
                break;
            }
            case FieldType::Choice:
            {
                const sal_Int16 position = dialog_ui::selected(dialog, ctl);
                const bool known =
                    position >= 0 && static_cast<std::size_t>(position) < field.choices.size();
                field.set(record, FieldValue(std::string(
                                      field.choices[known ? std::size_t(position) : 0])));
                break;
            }
            default:
                field.set(record, FieldValue(text(dialog, ctl)));
                break;
            }
        }
        // A sum the form does not edit follows its parts (an invoice's total).
        for (const FieldOf<R>& field : m_kind.fields)
            if (!field.sumOf.empty() && !read.count(field.name))
            {
                std::int64_t sum = 0;
                for (std::string_view part : field.sumOf)
                    sum += std::get<std::int64_t>(m_kind.field(part)->get(record));
                field.set(record, FieldValue(sum));
            }
    }

    // Adds or updates, then shows the record selected in its list (and so in its form).
    void store(const Dialog& dialog, R record)
    {
        if constexpr (!std::is_same_v<R, FileInfo>)
        {
            const Language language = m_host.language();
            R saved;
            try
            {
                saved = storeAccess().with(
                    m_host.context(), [&](Register& store)
                    { return record.id == 0 ? store.add(record) : store.update(record); });
            }
            catch (const RecordValidationError& error)
            {
                std::string message;
                for (const RecordIssue& issue : error.issues)
                    message += (message.empty() ? "" : " ") + describe(issue, language);
                return m_host.failed(dialog, message);
            }
            catch (const RecordConflict<R>& error)
            {
                // The lists and the form show the stored record; saving again updates it.
                m_host.reload(dialog);
                show(dialog, &error.current);
                return m_host.failed(dialog,
                                     clientes::text(TextKey::ProfileRecordConflict, language));
            }
            catch (const StoreError& error)
            {
                // Nothing saved; the form keeps what was typed (a server away: Save again).
                return m_host.failed(dialog, describeUnsaved(error, language));
            }
            catch (const NotFound&)
            {
                m_host.failed(dialog, clientes::text(TextKey::ProfileSelectRecordFirst, language));
                return m_host.reload(dialog);
            }
            m_host.changed(dialog, clientes::text(TextKey::ProfileRecordSaved, language));
            select(dialog, saved.id);
            show(dialog, &saved);
        }
    }

    TabHost& m_host;
    const TabSpec& m_spec;
    const KindOf<R>& m_kind;
    std::vector<R> m_records;
    std::vector<DerivedInputs> m_inputs;
};
} // namespace

std::unique_ptr<RecordTab> makeRecordTab(const TabSpec& spec, TabHost& host)
{
    return withRecordKind(spec.type,
                          [&]<typename R>(const KindOf<R>&) -> std::unique_ptr<RecordTab>
                          { return std::make_unique<Tab<R>>(host, spec); });
}
} // namespace clientes::uno::record_tab
