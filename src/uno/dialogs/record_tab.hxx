// One record kind's list and form in a dialog, for every kind alike: driven by the kind's
// description (core/model/record_kinds.hpp), the list's columns and the names of the form's
// controls. The profile dialog (profile_dialog.cxx) has one per record tab.
#pragma once

#include "core/messages/profile_text.hpp"
#include "core/model/record_kinds.hpp"
#include "core/register/register.hpp"
#include "core/text/language.hpp"
#include "core/text/locale.hpp"
#include "core/text/texts.hpp"

#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/grid/XMutableGridDataModel.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clientes::uno::record_tab
{
using Dialog = css::uno::Reference<css::awt::XDialog>;

// A list's column as the grid shows it.
struct Column
{
    std::string title;
    sal_Int32 width;       // AppFont units
    sal_Int32 flexibility; // share of the spare width
    bool numbers = false;  // amounts, hours, sizes: right-aligned
};

// The lists, inserted into the dialog model in code (an .xdl has no grid in 7.4). Positions in
// AppFont units; tab indices are the gaps the .xdl leaves for them.
struct GridPlace
{
    const char* name;
    sal_Int32 x, y, width, height;
    sal_Int32 page;
    sal_Int16 tabIndex;
    bool hscroll = false; // columns wider than the list (a bank account's)
};

// How a list shows a field: by its type (text as it is, dates ISO, amounts with their
// currency, hours as typed, choices as words, timestamps local), or one of these.
enum class Show
{
    Value,
    State,    // the status with "overdue" (tasks, invoices), a bank account's checks
    Hours,    // hours with their unit: "7,5 h"
    FileName, // hidden characters shown ("[U+202E]")
    FileSize, // "3,4 KB"
    Iban,     // in groups of four, as on paper: "ES91 2100 0418 4502 0005 1332"
};

// A list's column: the field it shows, and how.
struct ColumnSpec
{
    std::string_view field;
    sal_Int32 width;
    sal_Int32 flexibility;
    Show show = Show::Value;
    std::optional<TextKey> title = std::nullopt; // instead of the field's label
};

// A record tab: a list of one kind's records and, beside it, the form of the record selected
// in it. The form's controls are named after the kind's fields: ed<Prefix><Field> (a text,
// date or currency field), lb<Prefix><Field> (a list box, for a choice); a field without such a
// control but with a label lbl<Prefix><Field> shows its value there (the invoice's total, a
// bank account's checks).
// Buttons call on<Prefix>New, on<Prefix>Save and on<Prefix>Remove.
struct TabSpec
{
    RecordType type;
    const char* prefix;
    GridPlace grid;
    std::vector<ColumnSpec> columns;
};

// What a tab needs from its dialog.
class TabHost
{
public:
    virtual ~TabHost() = default;
    virtual const css::uno::Reference<css::uno::XComponentContext>& context() const = 0;
    virtual Language language() const = 0;        // the words
    virtual const Locale& locale() const = 0;     // the figures and dates: the office's locale
    virtual const std::string& today() const = 0; // "YYYY-MM-DD"
    virtual const Client& client() const = 0;
    // The project whose time entries show, if any.
    virtual std::optional<std::int64_t> projectId() const = 0;
    // The rows of the list named `grid`.
    virtual css::uno::Reference<css::awt::grid::XMutableGridDataModel> rows(const char* grid) = 0;
    // Lists being refilled: their selection events are the code's, not the user's.
    virtual void setFilling(bool filling) = 0;
    virtual bool filling() const = 0;
    // A message for the user (an error).
    virtual void failed(const Dialog& dialog, const std::string& message) = 0;
    // Something was stored: every list and the deck show it, with a confirmation.
    virtual void changed(const Dialog& dialog, const std::string& message) = 0;
    virtual void reload(const Dialog& dialog) = 0;
    // The question before removing the record; the dialog removes it on "Sí" (remove()).
    virtual void askToRemove(const Dialog& dialog, const std::string& question, RecordType type,
                             std::int64_t id) = 0;
};

// A record tab's list and form, whatever its kind.
class RecordTab
{
public:
    virtual ~RecordTab() = default;
    virtual const TabSpec& spec() const = 0;
    // Entries of the list boxes, lengths and limits of the fields.
    virtual void prepare(const Dialog& dialog) = 0;
    // The list's columns, titled in the user's language.
    virtual std::vector<Column> columns() const = 0;
    // The records of the client (time entries: of the host's project).
    virtual void load(Register& store) = 0;
    virtual void showList(const Dialog& dialog, std::optional<std::int64_t> select) = 0;
    virtual std::optional<std::int64_t> selectedId(const Dialog& dialog) const = 0;
    virtual void select(const Dialog& dialog, std::int64_t id) = 0;
    // A field's value of a listed record (derived ones too); nothing when not listed.
    virtual std::optional<FieldValue> value(std::int64_t id, std::string_view field) const = 0;
    // The form shows the record selected in the list, or a new one.
    virtual void showSelected(const Dialog& dialog) = 0;
    // "New": no row selected, an empty form, the cursor in its first field.
    virtual void startNew(const Dialog& dialog) = 0;
    // Adds or updates the form's record, then shows it selected.
    virtual void save(const Dialog& dialog) = 0;
    virtual void askRemove(const Dialog& dialog) = 0;
    virtual void remove(Register& store, std::int64_t id) = 0;
};

std::unique_ptr<RecordTab> makeRecordTab(const TabSpec& spec, TabHost& host);
} // namespace clientes::uno::record_tab
