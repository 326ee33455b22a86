// The profile's records as the NamedValue sequences of the scripting API (profile_api.cxx):
// the kinds of record, record → NamedValues, NamedValues → record, the summary's figures.
#pragma once

#include "core/model/activity.hpp"
#include "core/model/profile_records.hpp"
#include "core/model/profile_summary.hpp"
#include "core/text/language.hpp"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/uno/Sequence.hxx>

#include <optional>
#include <string>
#include <string_view>

namespace clientes::uno::profile_fields
{
using Fields = css::uno::Sequence<css::beans::NamedValue>;

// The `kind` argument of getRecords / addRecord / updateRecord / removeRecord.
enum class Kind
{
    Contacts,
    Projects,
    TimeEntries,
    Tasks,
    PurchaseOrders,
    Invoices,
    Deals,
    Files,
    Activity
};

std::optional<Kind> kindFromName(std::string_view name);
std::string_view kindName(Kind kind);
// "contacts, projects, timeEntries, …" for messages.
std::string kindNames();
RecordType recordTypeOf(Kind kind);

// Today's date on this machine, "YYYY-MM-DD".
std::string todayIso();

// Records → NamedValues. `today` decides the derived "overdue" of tasks and invoices;
// `hours` is a project's total.
Fields toNamedValues(const Contact& contact);
Fields toNamedValues(const Project& project, double hours);
Fields toNamedValues(const TimeEntry& entry);
Fields toNamedValues(const Task& task, std::string_view today);
Fields toNamedValues(const PurchaseOrder& order);
Fields toNamedValues(const Invoice& invoice, std::string_view today);
Fields toNamedValues(const Deal& deal);
Fields toNamedValues(const FileInfo& file);
Fields toNamedValues(const ActivityEntry& entry, Language language);
Fields summaryToNamedValues(const ProfileSummary& summary);

// NamedValues → record: copies the given fields into `record` (the others keep their value).
// Throws IllegalArgumentException ("amount: reason", localized) for an unknown name, a value
// of the wrong type or that does not parse, a read-only field with another value than the
// record's; "version" sets the version an update expects. `adding`: a new record (read-only
// fields may only carry their empty value). `defaultCurrency`: the client's, used for the
// decimals of amounts when neither the fields nor the record name a currency.
struct ApplyContext
{
    Language language;
    bool adding;
    std::string defaultCurrency;
    std::string today;
};
void apply(const Fields& fields, Contact& record, const ApplyContext& context);
void apply(const Fields& fields, Project& record, const ApplyContext& context);
void apply(const Fields& fields, TimeEntry& record, const ApplyContext& context);
void apply(const Fields& fields, Task& record, const ApplyContext& context);
void apply(const Fields& fields, PurchaseOrder& record, const ApplyContext& context);
void apply(const Fields& fields, Invoice& record, const ApplyContext& context);
void apply(const Fields& fields, Deal& record, const ApplyContext& context);
} // namespace clientes::uno::profile_fields
