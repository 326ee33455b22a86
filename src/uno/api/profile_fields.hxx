// The profile's records as the NamedValue sequences of the scripting API (profile_api.cxx):
// the kinds of record, record → NamedValues, NamedValues → record, the summary's figures. One
// generic reading and writing for every kind, driven by its description
// (core/model/record_kinds.hpp).
#pragma once

#include "api/named_values.hxx"
#include "core/model/activity.hpp"
#include "core/model/profile_records.hpp"
#include "core/model/profile_summary.hpp"
#include "core/model/record_kinds.hpp"
#include "core/text/language.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace clientes::uno::profile_fields
{
// The `kind` argument of getRecords / addRecord / updateRecord / removeRecord: a record kind's
// API name (record_kinds.hpp) or this one, the activity.
inline constexpr std::string_view kActivity = "activity";
// "contacts, projects, timeEntries, …, activity" for messages.
std::string kindNames();

// Record → NamedValues: the fields its description shows in the API, in its order.
// `inputs.today` decides the derived "overdue" of tasks and invoices; `inputs.hours` is a
// project's total.
template <typename R> Fields toNamedValues(const R& record, const DerivedInputs& inputs = {})
{
    return namedValuesOf(kindOf<R>(), record, inputs);
}
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
// For every record kind but files (attached whole).
template <typename R> void apply(const Fields& fields, R& record, const ApplyContext& context);
} // namespace clientes::uno::profile_fields
