#include "api/profile_fields.hxx"

#include "core/messages/messages.hpp"
#include "core/messages/profile_text.hpp"
#include "core/rules/profile_money.hpp"
#include "core/rules/profile_validation.hpp"
#include "support/uno_text.hxx"

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/TypeClass.hpp>
#include <com/sun/star/util/Date.hpp>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <set>
#include <span>
#include <vector>

namespace css = ::com::sun::star;
using css::beans::NamedValue;
using css::uno::Any;
using css::uno::Sequence;

namespace clientes::uno::profile_fields
{
namespace
{
// Builds a NamedValue sequence field by field.
class Out
{
public:
    template <typename T> Out& add(const char* name, const T& value)
    {
        m_values.emplace_back(ascii(name), Any(value));
        return *this;
    }
    Out& text(const char* name, const std::string& value) { return add(name, fromUtf8(value)); }
    Out& id(const char* name, std::int64_t value) { return add(name, sal_Int64(value)); }
    Out& count(const std::string& name, std::int64_t value)
    {
        m_values.emplace_back(fromUtf8(name), Any(static_cast<sal_Int32>(value)));
        return *this;
    }
    Out& money(const std::string& name, std::int64_t minor, const std::string& currency)
    {
        m_values.emplace_back(fromUtf8(name), Any(toDouble(Money{minor, currency})));
        return *this;
    }
    Fields done() const
    {
        Fields result(static_cast<sal_Int32>(m_values.size()));
        std::copy(m_values.begin(), m_values.end(), result.getArray());
        return result;
    }

private:
    std::vector<NamedValue> m_values;
};

// Reads the named values of one record; every name must be used by the end (finish()).
class Reader
{
public:
    Reader(const Fields& fields, RecordType type, const ApplyContext& context)
        : m_fields(fields), m_type(type), m_context(context),
          m_used(static_cast<std::size_t>(fields.getLength()), false)
    {
    }

    const Any* take(std::string_view name)
    {
        const Any* found = nullptr;
        for (sal_Int32 i = 0; i < m_fields.getLength(); ++i)
            if (toUtf8(m_fields[i].Name) == name)
            {
                m_used[static_cast<std::size_t>(i)] = true;
                found = &m_fields[i].Value;
                m_position = static_cast<sal_Int16>(i);
            }
        return found;
    }

    [[noreturn]] void reject(std::string_view name, const std::string& reason) const
    {
        std::string message(name);
        message += ": ";
        message += reason;
        throw css::lang::IllegalArgumentException(fromUtf8(message), nullptr, m_position);
    }

    [[noreturn]] void wrongType(std::string_view name, ValueType expected, const Any& value) const
    {
        reject(name,
               wrongTypeMessage(expected, toUtf8(value.getValueTypeName()), m_context.language));
    }

    [[noreturn]] void reject(std::string_view name, RecordField field, Problem problem) const
    {
        reject(name, describe(RecordIssue{m_type, field, problem}, m_context.language));
    }

    // Text; whole numbers too (Basic hands typed-in numbers over as numbers).
    std::optional<std::string> text(std::string_view name)
    {
        const Any* value = take(name);
        if (!value)
            return std::nullopt;
        OUString text;
        if (valueAsText(*value, text))
            return toUtf8(text);
        wrongType(name, ValueType::Text, *value);
    }

    // ISO text, or a com.sun.star.util.Date.
    std::optional<std::string> date(std::string_view name)
    {
        const Any* value = take(name);
        if (!value)
            return std::nullopt;
        css::util::Date date;
        if (*value >>= date)
        {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", int(date.Year), int(date.Month),
                          int(date.Day));
            return std::string(buffer);
        }
        OUString text;
        if (value->getValueTypeClass() == css::uno::TypeClass_VOID)
            return std::string();
        if (*value >>= text)
            return toUtf8(text);
        wrongType(name, ValueType::Date, *value);
    }

    // A number, or decimal text with '.' or ',' as the decimal mark.
    std::optional<double> number(std::string_view name, RecordField field)
    {
        const Any* value = take(name);
        if (!value)
            return std::nullopt;
        if (isNumber(value->getValueTypeClass()))
        {
            const double number = asDouble(*value);
            if (std::isfinite(number))
                return number;
        }
        OUString text;
        if (*value >>= text)
        {
            if (const auto parsed = parseHoursInput(toUtf8(text)))
                return parsed;
        }
        else if (!isNumber(value->getValueTypeClass()))
            wrongType(name, ValueType::Number, *value);
        reject(name, field, Problem::InvalidNumber);
    }

    // An amount in minor units of a currency with `digits` decimals: a number (rounded to the
    // currency's decimals) or decimal text ("1234.56", "-0,07"; not more decimals than it has).
    std::optional<std::int64_t> money(std::string_view name, RecordField field, int digits)
    {
        const Any* value = take(name);
        if (!value)
            return std::nullopt;
        if (isNumber(value->getValueTypeClass()))
            if (const auto minor = minorUnitsFromDouble(asDouble(*value), digits))
                return minor;
        OUString text;
        if (*value >>= text)
        {
            if (const auto minor = parseMinorUnits(toUtf8(text), digits))
                return minor;
        }
        else if (!isNumber(value->getValueTypeClass()))
            wrongType(name, ValueType::Number, *value);
        reject(name, field, Problem::InvalidNumber);
    }

    // One of `words`.
    std::optional<std::string> choice(std::string_view name, RecordField field,
                                      std::span<const std::string_view> words)
    {
        auto word = text(name);
        if (!word || std::find(words.begin(), words.end(), *word) != words.end())
            return word;
        std::string allowed;
        for (std::string_view allowedWord : words)
            allowed += (allowed.empty() ? "" : ", ") + std::string(allowedWord);
        reject(name,
               describe(RecordIssue{m_type, field, Problem::InvalidChoice}, m_context.language) +
                   " (" + allowed + ")");
    }

    // The version an update expects (the one the caller read); nothing when not given.
    std::optional<std::int64_t> version()
    {
        const Any* value = take("version");
        if (!value || value->getValueTypeClass() == css::uno::TypeClass_VOID)
            return std::nullopt;
        sal_Int64 version = 0;
        if (isWholeNumber(value->getValueTypeClass()) && (*value >>= version))
            return version;
        const double number = asDouble(*value);
        if (isNumber(value->getValueTypeClass()) && std::floor(number) == number)
            return static_cast<std::int64_t>(number);
        if (!isNumber(value->getValueTypeClass()))
            wrongType("version", ValueType::WholeNumber, *value);
        reject("version", clientes::text(TextKey::ProfileVersionNotNumber, m_context.language));
    }

    // Every name not used yet must be a read-only field of `current` with the same value, or
    // a derived one (ignored on input).
    void finish(const Fields& current, const std::vector<std::string_view>& derived)
    {
        for (sal_Int32 i = 0; i < m_fields.getLength(); ++i)
        {
            if (m_used[static_cast<std::size_t>(i)])
                continue;
            m_position = static_cast<sal_Int16>(i);
            const std::string name = toUtf8(m_fields[i].Name);
            bool isDerived = false;
            for (std::string_view ignored : derived)
                isDerived = isDerived || name == ignored;
            if (isDerived)
                continue;
            const NamedValue* stored = nullptr;
            for (const NamedValue& entry : current)
                if (entry.Name == m_fields[i].Name)
                    stored = &entry;
            if (!stored)
                reject(
                    quoted(name, m_context.language),
                    describe(FieldIssue{Field::Code, Problem::UnknownField}, m_context.language));
            if (!sameValue(stored->Value, m_fields[i].Value))
                reject(name, clientes::text(TextKey::ProfileReadOnlyField, m_context.language));
        }
    }

    const ApplyContext& context() const { return m_context; }

private:
    // Read-only values given back as read: equal, or "empty" for a record being added.
    bool sameValue(const Any& stored, const Any& given) const
    {
        if (given == stored)
            return true;
        if (given.getValueTypeClass() == css::uno::TypeClass_VOID)
            return true;
        if (isNumber(stored.getValueTypeClass()) && isNumber(given.getValueTypeClass()))
            return asDouble(stored) == asDouble(given);
        return false;
    }

    const Fields& m_fields;
    RecordType m_type;
    ApplyContext m_context;
    std::vector<bool> m_used;
    sal_Int16 m_position = 0;
};

int digitsOf(const std::string& currency)
{
    return minorUnitDigits(currency).value_or(2);
}

// The currency money fields are read in: the given one, else the record's, else the client's.
// When the currency changes and an amount is not given, the amount keeps its value in the new
// currency's decimals.
struct CurrencyChange
{
    int oldDigits = 2;
    int newDigits = 2;
    std::int64_t rescale(std::int64_t minor) const
    {
        if (oldDigits == newDigits)
            return minor;
        return minorUnitsFromDouble(minorUnitsToDouble(minor, oldDigits), newDigits)
            .value_or(minor);
    }
};

template <typename R>
CurrencyChange readCurrency(Reader& reader, const FieldOf<R>& field, R& record)
{
    std::string currency = std::get<std::string>(field.get(record));
    const int before = digitsOf(currency.empty() ? reader.context().defaultCurrency : currency);
    if (auto given = reader.text(field.name))
    {
        for (char& c : *given)
            c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        currency = *given;
        field.set(record, FieldValue(currency));
    }
    const int after = digitsOf(currency.empty() ? reader.context().defaultCurrency : currency);
    return {before, after};
}

template <typename R>
std::int64_t amountOf(const KindOf<R>& kind, const R& record, std::string_view name)
{
    return std::get<std::int64_t>(kind.field(name)->get(record));
}

// A sum (an invoice's total = net + tax) when not all of it was given: the total from its
// parts, or, adding with only the total (and perhaps the other parts), the first part from it.
template <typename R>
void settleSum(const KindOf<R>& kind, const FieldOf<R>& sum, R& record,
               const std::set<std::string_view>& given, bool adding)
{
    const auto isGiven = [&](std::string_view name) { return given.count(name) != 0; };
    bool anyPart = false;
    for (std::string_view part : sum.sumOf)
        anyPart = anyPart || isGiven(part);
    if (isGiven(sum.name))
    {
        const std::string_view first = sum.sumOf.front();
        if (isGiven(first) || !adding)
            return;
        std::int64_t rest = amountOf(kind, record, sum.name);
        for (std::string_view part : sum.sumOf.subspan(1))
            rest -= amountOf(kind, record, part);
        kind.field(first)->set(record, FieldValue(rest));
    }
    else if (anyPart || adding)
    {
        std::int64_t total = 0;
        for (std::string_view part : sum.sumOf)
            total += amountOf(kind, record, part);
        sum.set(record, FieldValue(total));
    }
}

} // namespace

std::string kindNames()
{
    std::string names;
    for (RecordType type : kRecordKinds)
        names += (names.empty() ? "" : ", ") + std::string(recordKindName(type));
    return names + ", " + std::string(kActivity);
}

Fields toNamedValues(const ActivityEntry& r, Language language)
{
    Sequence<Sequence<OUString>> changes(static_cast<sal_Int32>(r.changes.size()));
    Sequence<OUString>* out = changes.getArray();
    for (const FieldChange& change : r.changes)
    {
        Sequence<OUString> triple(3);
        triple.getArray()[0] = fromUtf8(change.field);
        triple.getArray()[1] = fromUtf8(change.oldValue);
        triple.getArray()[2] = fromUtf8(change.newValue);
        *out++ = triple;
    }
    return Out()
        .id("id", r.id)
        .id("clientId", r.clientId)
        .text("at", r.at)
        .text("kind", std::string(activityKindName(r.kind)))
        .text("record", r.record ? std::string(recordTypeName(*r.record)) : std::string())
        .id("recordId", r.recordId)
        .text("label", r.label)
        .text("batchId", r.batchId)
        .text("text", r.text)
        .text("user", r.user)
        .add("changes", changes)
        .text("title", activityKindLabel(r.kind, language))
        .text("detail", activityDetail(r, language))
        .done();
}

Fields summaryToNamedValues(const ProfileSummary& s)
{
    Out out;
    std::set<std::string> currencies;
    const auto perCurrency = [&](const std::string& stem, const std::vector<MoneyTotal>& totals)
    {
        for (const MoneyTotal& total : totals)
        {
            currencies.insert(total.currency);
            out.money(stem + "Amount." + total.currency, total.amount, total.currency);
            out.count(stem + "Count." + total.currency, total.count);
        }
    };
    out.text("today", s.today);
    out.count("projects", s.projects.count)
        .count("projectsOpen", s.projects.open)
        .count("projectsClosed", s.projects.closed)
        .add("projectHours", s.projects.hours);
    out.count("tasksOverdue", s.tasks.overdue)
        .count("tasksPending", s.tasks.pending)
        .count("tasksUpcoming", s.tasks.upcoming)
        .count("tasksDone", s.tasks.done);
    out.count("purchaseOrders", s.purchaseOrders.count)
        .count("purchaseOrdersOpen", s.purchaseOrders.open)
        .count("purchaseOrdersClosed", s.purchaseOrders.closed);
    perCurrency("purchaseOrders", s.purchaseOrders.totals);
    out.count("invoices", s.invoices.count).count("invoicesDraft", s.invoices.draft);
    const std::pair<const char*, const std::vector<MoneyTotal>*> invoiceGroups[] = {
        {"invoicesAuthorised", &s.invoices.authorised},
        {"invoicesPaid", &s.invoices.paid},
        {"invoicesPending", &s.invoices.pending},
        {"invoicesOverdue", &s.invoices.overdue}};
    for (const auto& [stem, totals] : invoiceGroups)
    {
        out.count(stem, totalCount(*totals));
        perCurrency(stem, *totals);
    }
    out.count("deals", s.deals.count)
        .count("dealsOpen", s.deals.open)
        .count("dealsAccepted", s.deals.accepted)
        .count("dealsRejected", s.deals.rejected);
    perCurrency("dealsOpen", s.deals.openAmounts);
    perCurrency("dealsAccepted", s.deals.acceptedAmounts);
    out.count("contacts", s.contacts).count("files", s.files).id("fileBytes", s.fileBytes);
    Sequence<OUString> codes(static_cast<sal_Int32>(currencies.size()));
    OUString* code = codes.getArray();
    for (const std::string& currency : currencies)
        *code++ = fromUtf8(currency);
    out.add("currencies", codes);
    return out.done();
}

// ------------------------------------------------------------------------------ apply

template <typename R> void apply(const Fields& fields, R& record, const ApplyContext& context)
{
    const KindOf<R>& kind = kindOf<R>();
    const Fields current = toNamedValues(record, DerivedInputs{context.today});
    Reader in(fields, *kind.info.type, context);
    // The currency first: amounts are read in its decimals.
    const FieldOf<R>* currency = nullptr;
    for (const FieldOf<R>& field : kind.fields)
        if (field.type == FieldType::Currency && !field.readOnly())
            currency = &field;
    const CurrencyChange change = currency ? readCurrency(in, *currency, record) : CurrencyChange{};
    std::set<std::string_view> given;
    std::vector<std::string_view> derived;
    for (const FieldOf<R>& field : kind.fields)
    {
        if (field.role == FieldRole::Derived)
            derived.push_back(field.name);
        if (field.readOnly() || &field == currency)
            continue;
        const RecordField key = std::get<RecordField>(field.label);
        std::optional<FieldValue> value;
        switch (field.type)
        {
        case FieldType::Date:
            if (auto date = in.date(field.name))
                value = FieldValue(std::move(*date));
            break;
        case FieldType::Hours:
            if (auto hours = in.number(field.name, key))
                value = FieldValue(*hours);
            break;
        case FieldType::Money:
            if (auto minor = in.money(field.name, key, change.newDigits))
                value = FieldValue(*minor);
            else
                field.set(record, FieldValue(change.rescale(amountOf(kind, record, field.name))));
            break;
        case FieldType::Choice:
            if (auto word = in.choice(field.name, key, field.choices))
                value = FieldValue(std::move(*word));
            break;
        default:
            if (auto text = in.text(field.name))
                value = FieldValue(std::move(*text));
            break;
        }
        if (value)
        {
            given.insert(field.name);
            field.set(record, *value);
        }
    }
    for (const FieldOf<R>& field : kind.fields)
        if (!field.sumOf.empty())
            settleSum(kind, field, record, given, context.adding);
    if (const auto version = in.version(); version && !context.adding)
        kind.withRole(FieldRole::Version)->set(record, FieldValue(*version));
    in.finish(current, derived);
}

template void apply(const Fields&, Contact&, const ApplyContext&);
template void apply(const Fields&, Project&, const ApplyContext&);
template void apply(const Fields&, TimeEntry&, const ApplyContext&);
template void apply(const Fields&, Task&, const ApplyContext&);
template void apply(const Fields&, PurchaseOrder&, const ApplyContext&);
template void apply(const Fields&, Invoice&, const ApplyContext&);
template void apply(const Fields&, Deal&, const ApplyContext&);
template void apply(const Fields&, Address&, const ApplyContext&);
template void apply(const Fields&, BankAccount&, const ApplyContext&);
} // namespace clientes::uno::profile_fields
