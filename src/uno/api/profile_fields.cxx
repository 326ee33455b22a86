#include "api/profile_fields.hxx"

#include "core/messages/messages.hpp"
#include "core/messages/profile_text.hpp"
#include "core/rules/profile_money.hpp"
#include "core/rules/profile_validation.hpp"
#include "support/uno_text.hxx"

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/TypeClass.hpp>
#include <com/sun/star/util/Date.hpp>

#include <array>
#include <cmath>
#include <ctime>
#include <set>
#include <vector>

namespace css = ::com::sun::star;
using css::beans::NamedValue;
using css::uno::Any;
using css::uno::Sequence;

namespace clientes::uno::profile_fields
{
namespace
{
constexpr std::array<std::pair<Kind, std::string_view>, 9> kKinds = {{
    {Kind::Contacts, "contacts"},
    {Kind::Projects, "projects"},
    {Kind::TimeEntries, "timeEntries"},
    {Kind::Tasks, "tasks"},
    {Kind::PurchaseOrders, "purchaseOrders"},
    {Kind::Invoices, "invoices"},
    {Kind::Deals, "deals"},
    {Kind::Files, "files"},
    {Kind::Activity, "activity"},
}};

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
    Out& stamps(std::int64_t version, const std::string& createdAt, const std::string& updatedAt)
    {
        text("createdAt", createdAt);
        text("updatedAt", updatedAt);
        return id("version", version);
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

bool isWholeNumber(css::uno::TypeClass type)
{
    switch (type)
    {
    case css::uno::TypeClass_BYTE:
    case css::uno::TypeClass_SHORT:
    case css::uno::TypeClass_UNSIGNED_SHORT:
    case css::uno::TypeClass_LONG:
    case css::uno::TypeClass_UNSIGNED_LONG:
    case css::uno::TypeClass_HYPER:
        return true;
    default:
        return false;
    }
}

bool isNumber(css::uno::TypeClass type)
{
    return isWholeNumber(type) || type == css::uno::TypeClass_DOUBLE ||
           type == css::uno::TypeClass_FLOAT;
}

// Any number as a double (UNO does not extract a hyper into a double by itself).
double asDouble(const Any& value)
{
    if (isWholeNumber(value.getValueTypeClass()))
    {
        sal_Int64 whole = 0;
        value >>= whole;
        return static_cast<double>(whole);
    }
    double number = 0;
    value >>= number;
    return number;
}

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
    std::optional<std::string> text(const char* name, RecordField field)
    {
        const Any* value = take(name);
        if (!value)
            return std::nullopt;
        const auto type = value->getValueTypeClass();
        if (type == css::uno::TypeClass_VOID)
            return std::string();
        OUString text;
        if (*value >>= text)
            return toUtf8(text);
        if (isWholeNumber(type))
        {
            sal_Int64 number = 0;
            *value >>= number;
            return std::to_string(number);
        }
        (void)field;
        wrongType(name, ValueType::Text, *value);
    }

    // ISO text, or a com.sun.star.util.Date.
    std::optional<std::string> date(const char* name, RecordField field)
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
        (void)field;
        wrongType(name, ValueType::Date, *value);
    }

    // A number, or decimal text with '.' or ',' as the decimal mark.
    std::optional<double> number(const char* name, RecordField field)
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
    std::optional<std::int64_t> money(const char* name, RecordField field, int digits)
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

    template <typename Enum>
    std::optional<Enum> choice(const char* name, RecordField field,
                               std::optional<Enum> (*fromName)(std::string_view),
                               std::initializer_list<Enum> values)
    {
        const auto raw = text(name, field);
        if (!raw)
            return std::nullopt;
        if (const auto found = fromName(*raw))
            return found;
        std::string allowed;
        for (Enum value : values)
            allowed += (allowed.empty() ? "" : ", ") + std::string(statusName(value));
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
        reject("version", profileText(ProfileText::VersionNotNumber, m_context.language));
    }

    // Every name not used yet must be a read-only field of `current` with the same value, or
    // a derived one (ignored on input).
    void finish(const Fields& current, std::initializer_list<const char*> derived)
    {
        for (sal_Int32 i = 0; i < m_fields.getLength(); ++i)
        {
            if (m_used[static_cast<std::size_t>(i)])
                continue;
            m_position = static_cast<sal_Int16>(i);
            const std::string name = toUtf8(m_fields[i].Name);
            bool isDerived = false;
            for (const char* ignored : derived)
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
                reject(name, profileText(ProfileText::ReadOnlyField, m_context.language));
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

template <typename T> void set(T& target, const std::optional<T>& value)
{
    if (value)
        target = *value;
}

int digitsOf(const std::string& currency)
{
    return minorUnitDigits(currency).value_or(2);
}

// The currency money fields are read in: the given one, else the record's, else the client's.
// When the currency changes and an amount is not given, the amount keeps its value in the new
// currency's decimals.
struct CurrencyChange
{
    int oldDigits;
    int newDigits;
    std::int64_t rescale(std::int64_t minor) const
    {
        if (oldDigits == newDigits)
            return minor;
        return minorUnitsFromDouble(minorUnitsToDouble(minor, oldDigits), newDigits)
            .value_or(minor);
    }
};

CurrencyChange readCurrency(Reader& reader, std::string& currency)
{
    const int before = digitsOf(currency.empty() ? reader.context().defaultCurrency : currency);
    if (auto given = reader.text("currency", RecordField::Currency))
    {
        for (char& c : *given)
            c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        currency = *given;
    }
    const int after = digitsOf(currency.empty() ? reader.context().defaultCurrency : currency);
    return {before, after};
}

} // namespace

std::optional<Kind> kindFromName(std::string_view name)
{
    for (const auto& [kind, kindText] : kKinds)
        if (kindText == name)
            return kind;
    return std::nullopt;
}

std::string_view kindName(Kind kind)
{
    for (const auto& [known, kindText] : kKinds)
        if (known == kind)
            return kindText;
    return {};
}

std::string kindNames()
{
    std::string names;
    for (const auto& entry : kKinds)
        names += (names.empty() ? "" : ", ") + std::string(entry.second);
    return names;
}

RecordType recordTypeOf(Kind kind)
{
    switch (kind)
    {
    case Kind::Contacts:
        return RecordType::Contact;
    case Kind::Projects:
        return RecordType::Project;
    case Kind::TimeEntries:
        return RecordType::TimeEntry;
    case Kind::Tasks:
        return RecordType::Task;
    case Kind::PurchaseOrders:
        return RecordType::PurchaseOrder;
    case Kind::Invoices:
        return RecordType::Invoice;
    case Kind::Deals:
        return RecordType::Deal;
    case Kind::Files:
        return RecordType::File;
    case Kind::Activity:
        break;
    }
    return RecordType::Note;
}

std::string todayIso()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &local);
    return buffer;
}

Fields toNamedValues(const Contact& r)
{
    return Out()
        .id("id", r.id)
        .id("clientId", r.clientId)
        .text("name", r.name)
        .text("role", r.role)
        .text("email", r.email)
        .text("phone", r.phone)
        .stamps(r.version, r.createdAt, r.updatedAt)
        .done();
}

Fields toNamedValues(const Project& r, double hours)
{
    return Out()
        .id("id", r.id)
        .id("clientId", r.clientId)
        .text("name", r.name)
        .text("status", std::string(statusName(r.status)))
        .add("hours", hours)
        .stamps(r.version, r.createdAt, r.updatedAt)
        .done();
}

Fields toNamedValues(const TimeEntry& r)
{
    return Out()
        .id("id", r.id)
        .id("projectId", r.projectId)
        .id("clientId", r.clientId)
        .text("date", r.date)
        .add("hours", r.hours)
        .text("note", r.note)
        .stamps(r.version, r.createdAt, r.updatedAt)
        .done();
}

Fields toNamedValues(const Task& r, std::string_view today)
{
    return Out()
        .id("id", r.id)
        .id("clientId", r.clientId)
        .text("title", r.title)
        .text("dueDate", r.dueDate)
        .text("status", std::string(statusName(r.status)))
        .add("overdue", isOverdue(r, today))
        .stamps(r.version, r.createdAt, r.updatedAt)
        .done();
}

Fields toNamedValues(const PurchaseOrder& r)
{
    return Out()
        .id("id", r.id)
        .id("clientId", r.clientId)
        .text("number", r.number)
        .text("date", r.date)
        .money("amount", r.amount, r.currency)
        .text("currency", r.currency)
        .text("status", std::string(statusName(r.status)))
        .stamps(r.version, r.createdAt, r.updatedAt)
        .done();
}

Fields toNamedValues(const Invoice& r, std::string_view today)
{
    return Out()
        .id("id", r.id)
        .id("clientId", r.clientId)
        .text("number", r.number)
        .text("issueDate", r.issueDate)
        .text("dueDate", r.dueDate)
        .money("net", r.net, r.currency)
        .money("tax", r.tax, r.currency)
        .money("total", r.total, r.currency)
        .text("currency", r.currency)
        .text("status", std::string(statusName(r.status)))
        .add("overdue", isOverdue(r, today))
        .stamps(r.version, r.createdAt, r.updatedAt)
        .done();
}

Fields toNamedValues(const Deal& r)
{
    return Out()
        .id("id", r.id)
        .id("clientId", r.clientId)
        .text("title", r.title)
        .text("number", r.number)
        .text("date", r.date)
        .money("amount", r.amount, r.currency)
        .text("currency", r.currency)
        .text("stage", std::string(statusName(r.stage)))
        .text("validUntil", r.validUntil)
        .stamps(r.version, r.createdAt, r.updatedAt)
        .done();
}

Fields toNamedValues(const FileInfo& r)
{
    return Out()
        .id("id", r.id)
        .id("clientId", r.clientId)
        .text("name", r.name)
        .text("mimeType", r.mimeType)
        .id("size", r.size)
        .text("sha256", r.sha256)
        .text("addedAt", r.addedAt)
        .done();
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

void apply(const Fields& fields, Contact& r, const ApplyContext& context)
{
    const Fields current = toNamedValues(r);
    Reader in(fields, RecordType::Contact, context);
    set(r.name, in.text("name", RecordField::Name));
    set(r.role, in.text("role", RecordField::Role));
    set(r.email, in.text("email", RecordField::Email));
    set(r.phone, in.text("phone", RecordField::Phone));
    if (const auto version = in.version(); version && !context.adding)
        r.version = *version;
    in.finish(current, {});
}

void apply(const Fields& fields, Project& r, const ApplyContext& context)
{
    const Fields current = toNamedValues(r, 0);
    Reader in(fields, RecordType::Project, context);
    set(r.name, in.text("name", RecordField::Name));
    set(r.status, in.choice("status", RecordField::Status, &projectStatusFromName,
                            {ProjectStatus::Open, ProjectStatus::Closed}));
    if (const auto version = in.version(); version && !context.adding)
        r.version = *version;
    in.finish(current, {"hours"});
}

void apply(const Fields& fields, TimeEntry& r, const ApplyContext& context)
{
    const Fields current = toNamedValues(r);
    Reader in(fields, RecordType::TimeEntry, context);
    set(r.date, in.date("date", RecordField::Date));
    set(r.hours, in.number("hours", RecordField::Hours));
    set(r.note, in.text("note", RecordField::Note));
    if (const auto version = in.version(); version && !context.adding)
        r.version = *version;
    in.finish(current, {});
}

void apply(const Fields& fields, Task& r, const ApplyContext& context)
{
    const Fields current = toNamedValues(r, context.today);
    Reader in(fields, RecordType::Task, context);
    set(r.title, in.text("title", RecordField::Title));
    set(r.dueDate, in.date("dueDate", RecordField::DueDate));
    set(r.status, in.choice("status", RecordField::Status, &taskStatusFromName,
                            {TaskStatus::Pending, TaskStatus::Done}));
    if (const auto version = in.version(); version && !context.adding)
        r.version = *version;
    in.finish(current, {"overdue"});
}

void apply(const Fields& fields, PurchaseOrder& r, const ApplyContext& context)
{
    const Fields current = toNamedValues(r);
    Reader in(fields, RecordType::PurchaseOrder, context);
    const CurrencyChange change = readCurrency(in, r.currency);
    set(r.number, in.text("number", RecordField::Number));
    set(r.date, in.date("date", RecordField::Date));
    if (const auto amount = in.money("amount", RecordField::Amount, change.newDigits))
        r.amount = *amount;
    else
        r.amount = change.rescale(r.amount);
    set(r.status, in.choice("status", RecordField::Status, &orderStatusFromName,
                            {OrderStatus::Open, OrderStatus::Closed}));
    if (const auto version = in.version(); version && !context.adding)
        r.version = *version;
    in.finish(current, {});
}

void apply(const Fields& fields, Invoice& r, const ApplyContext& context)
{
    const Fields current = toNamedValues(r, context.today);
    Reader in(fields, RecordType::Invoice, context);
    const CurrencyChange change = readCurrency(in, r.currency);
    set(r.number, in.text("number", RecordField::Number));
    set(r.issueDate, in.date("issueDate", RecordField::IssueDate));
    set(r.dueDate, in.date("dueDate", RecordField::DueDate));
    const auto net = in.money("net", RecordField::Net, change.newDigits);
    const auto tax = in.money("tax", RecordField::Tax, change.newDigits);
    const auto total = in.money("total", RecordField::Total, change.newDigits);
    r.net = net ? *net : change.rescale(r.net);
    r.tax = tax ? *tax : change.rescale(r.tax);
    if (total)
    {
        r.total = *total;
        if (!net && context.adding) // only the total and perhaps the tax: net is the rest
            r.net = r.total - r.tax;
    }
    else if (net || tax || context.adding)
        r.total = r.net + r.tax;
    else
        r.total = change.rescale(r.total);
    set(r.status,
        in.choice("status", RecordField::Status, &invoiceStatusFromName,
                  {InvoiceStatus::Draft, InvoiceStatus::Authorised, InvoiceStatus::Paid}));
    if (const auto version = in.version(); version && !context.adding)
        r.version = *version;
    in.finish(current, {"overdue"});
}

void apply(const Fields& fields, Deal& r, const ApplyContext& context)
{
    const Fields current = toNamedValues(r);
    Reader in(fields, RecordType::Deal, context);
    const CurrencyChange change = readCurrency(in, r.currency);
    set(r.title, in.text("title", RecordField::Title));
    set(r.number, in.text("number", RecordField::Number));
    set(r.date, in.date("date", RecordField::Date));
    if (const auto amount = in.money("amount", RecordField::Amount, change.newDigits))
        r.amount = *amount;
    else
        r.amount = change.rescale(r.amount);
    set(r.stage,
        in.choice("stage", RecordField::Stage, &dealStageFromName,
                  {DealStage::Draft, DealStage::Sent, DealStage::Accepted, DealStage::Rejected}));
    set(r.validUntil, in.date("validUntil", RecordField::ValidUntil));
    if (const auto version = in.version(); version && !context.adding)
        r.version = *version;
    in.finish(current, {});
}
} // namespace clientes::uno::profile_fields
