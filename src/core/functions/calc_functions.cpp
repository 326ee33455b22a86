#include "core/functions/calc_functions.hpp"

#include "core/messages/messages.hpp"
#include "core/model/record_kinds.hpp"
#include "core/register/register.hpp"
#include "core/rules/dates.hpp"
#include "core/rules/profile_money.hpp"
#include "core/rules/tax_id.hpp"
#include "core/text/ascii.hpp"
#include "core/text/text_fold.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace clientes::functions
{
namespace
{
using K = TextKey;

constexpr ArgumentInfo kKey{"key", K::AddInKeyName, K::AddInKeyDescription};
constexpr ArgumentInfo kCurrency{"currency", K::AddInCurrencyName, K::AddInCurrencyDescription,
                                 true};
constexpr ArgumentInfo kFrom{"from", K::AddInFromName, K::AddInFromDescription, true};
constexpr ArgumentInfo kTo{"to", K::AddInToName, K::AddInToDescription, true};

constexpr ArgumentInfo kClientFieldArgs[] = {
    kKey, {"field", K::AddInFieldName, K::AddInFieldDescription}};
constexpr ArgumentInfo kMoneyArgs[] = {kKey, kCurrency};
constexpr ArgumentInfo kHoursArgs[] = {kKey, kFrom, kTo};
constexpr ArgumentInfo kInvoicedArgs[] = {kKey, kFrom, kTo, kCurrency};
constexpr ArgumentInfo kTaxIdArgs[] = {
    {"text", K::AddInTaxIdTextName, K::AddInTaxIdTextDescription},
    {"country", K::AddInCountryName, K::AddInCountryDescription, true}};
constexpr ArgumentInfo kFindArgs[] = {
    {"text", K::AddInTaxIdTextName, K::AddInQueryDescription},
    {"maximum", K::AddInMaximumName, K::AddInMaximumDescription, true}};

// In FunctionId's order.
constexpr FunctionInfo kFunctions[] = {
    {FunctionId::ClientField, "clientField", K::AddInClientFieldName,
     K::AddInClientFieldDescription, kClientFieldArgs},
    {FunctionId::Outstanding, "clientOutstanding", K::AddInOutstandingName,
     K::AddInOutstandingDescription, kMoneyArgs},
    {FunctionId::Overdue, "clientOverdue", K::AddInOverdueName, K::AddInOverdueDescription,
     kMoneyArgs},
    {FunctionId::Hours, "clientHours", K::AddInHoursName, K::AddInHoursDescription, kHoursArgs},
    {FunctionId::Invoiced, "clientInvoiced", K::AddInInvoicedName, K::AddInInvoicedDescription,
     kInvoicedArgs},
    {FunctionId::TaxIdValid, "taxIdValid", K::AddInTaxIdValidName, K::AddInTaxIdValidDescription,
     kTaxIdArgs, false},
    {FunctionId::FindClients, "findClients", K::AddInFindClientsName,
     K::AddInFindClientsDescription, kFindArgs},
};

class Checker
{
public:
    Checker(const FunctionInfo& info, const std::vector<Argument>& arguments, Language language)
        : m_info(info), m_arguments(arguments), m_language(language)
    {
        if (arguments.size() != info.arguments.size())
            throw ArgumentError(std::min(arguments.size(), info.arguments.size()),
                                "expected " + std::to_string(info.arguments.size()) +
                                    " arguments, not " + std::to_string(arguments.size()));
    }

    [[noreturn]] void reject(std::size_t position, std::string_view shown) const
    {
        throw ArgumentError(
            position,
            clientes::text(
                K::FunctionBadArgument, m_language,
                {{"argument", clientes::text(m_info.arguments[position].displayName, m_language)},
                 {"value", quoted(shown, m_language)}}));
    }

    bool missing(std::size_t position) const
    {
        const Argument& argument = m_arguments.at(position);
        if (std::holds_alternative<Missing>(argument))
            return true;
        // An empty cell or "" given for an optional argument counts as leaving it out.
        const auto* text = std::get_if<std::string>(&argument);
        return m_info.arguments[position].optional && text && text->empty();
    }

    // Text; a number is taken as the digits Calc would show for it (a tax ID typed as one).
    std::string text(std::size_t position) const
    {
        const Argument& argument = m_arguments.at(position);
        if (const auto* value = std::get_if<std::string>(&argument))
            return *value;
        if (const auto* number = std::get_if<double>(&argument))
        {
            if (std::isfinite(*number) && *number == std::floor(*number) &&
                std::fabs(*number) < 1e15)
                return std::to_string(static_cast<long long>(*number));
            reject(position, std::to_string(*number));
        }
        if (std::holds_alternative<Missing>(argument))
            return {};
        reject(position, "…");
    }

    // An ISO date from a day number (a date cell) or an ISO text; "" when left out.
    std::string date(std::size_t position) const
    {
        if (missing(position))
            return {};
        const Argument& argument = m_arguments.at(position);
        if (const auto* number = std::get_if<double>(&argument))
        {
            if (auto iso = std::isfinite(*number) ? isoDateFromSerial(*number) : std::nullopt)
                return *iso;
            reject(position, std::to_string(*number));
        }
        const std::string given = text(position);
        if (!isIsoDate(given))
            reject(position, given);
        return given;
    }

    std::string currency(std::size_t position) const
    {
        if (missing(position))
            return {};
        const std::string given = text(position);
        const std::string upper = upperAscii(given);
        if (!isCurrencyCode(upper))
            reject(position, given);
        return upper;
    }

    std::string country(std::size_t position) const
    {
        if (missing(position))
            return {};
        const std::string given = text(position);
        const std::string upper = upperAscii(given);
        if (upper.size() != 2 || !std::all_of(upper.begin(), upper.end(), isAsciiAlpha))
            reject(position, given);
        return upper;
    }

    int count(std::size_t position, int fallback, int maximum) const
    {
        if (missing(position))
            return fallback;
        const Argument& argument = m_arguments.at(position);
        const auto* number = std::get_if<double>(&argument);
        if (!number)
            reject(position, text(position));
        if (!std::isfinite(*number) || *number != std::floor(*number) || *number < 1 ||
            *number > maximum)
            reject(position, std::to_string(*number));
        return static_cast<int>(*number);
    }

    // A key or query that is there and not blank.
    std::string required(std::size_t position) const
    {
        std::string given = text(position);
        if (given.find_first_not_of(" \t\r\n") == std::string::npos)
            reject(position, given);
        return given;
    }

private:
    const FunctionInfo& m_info;
    const std::vector<Argument>& m_arguments;
    Language m_language;
};

// The client fields' labels folded for comparison, per catalogue language (made once).
const std::vector<std::vector<std::string>>& foldedLabels()
{
    static const std::vector<std::vector<std::string>> labels = []
    {
        std::vector<std::vector<std::string>> all;
        for (Language language : allLanguages())
        {
            std::vector<std::string> folded;
            for (Field field : allFields())
                folded.push_back(foldForSearch(fieldLabel(field, language)));
            all.push_back(std::move(folded));
        }
        return all;
    }();
    return labels;
}

std::optional<Field> fieldWithLabel(const std::string& folded, Language language)
{
    const auto& labels = foldedLabels().at(static_cast<std::size_t>(language));
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (labels[i] == folded)
            return allFields()[i];
    return std::nullopt;
}

// ---- evaluation

double amountOf(std::int64_t minor, std::string_view currency)
{
    return minorUnitsToDouble(minor, minorUnitDigits(currency).value_or(2));
}

bool inPeriod(std::string_view date, const Call& call)
{
    return (call.from.empty() || date >= call.from) && (call.to.empty() || date <= call.to);
}

// The currency a money function counts in: the call's, else the client's, else that of the
// newest invoice (list order: newest issue date first).
std::string currencyFor(const Call& call, const Client& client,
                        const std::vector<Invoice>& invoices)
{
    if (!call.currency.empty())
        return call.currency;
    if (!client.currency.empty())
        return client.currency;
    return invoices.empty() ? std::string() : invoices.front().currency;
}

Value fieldValue(const Client& client, Field field)
{
    const std::string& value = client.value(field);
    if (field == Field::PaymentTerms)
    {
        if (const std::optional<int> days = client.paymentTermDays())
            return Value::of(static_cast<double>(*days));
    }
    return Value::of(value);
}

Value invoiceFigure(Register& store, const Call& call, const Client& client, std::string_view today)
{
    const std::vector<Invoice> invoices = store.list<Invoice>(client.id);
    const std::string currency = currencyFor(call, client, invoices);
    std::int64_t sum = 0;
    for (const Invoice& invoice : invoices)
    {
        if (invoice.currency != currency)
            continue;
        bool counts = false;
        switch (call.function)
        {
        case FunctionId::Outstanding:
            counts = invoice.status == InvoiceStatus::Authorised;
            break;
        case FunctionId::Overdue:
            counts = isOverdue(invoice, today);
            break;
        case FunctionId::Invoiced:
            counts = invoice.status != InvoiceStatus::Draft && inPeriod(invoice.issueDate, call);
            break;
        default:
            break;
        }
        if (counts)
            sum += invoice.total;
    }
    return Value::of(amountOf(sum, currency));
}

Value hours(Register& store, const Call& call, const Client& client)
{
    double total = 0;
    for (const Project& project : store.list<Project>(client.id))
        for (const TimeEntry& entry : store.list<TimeEntry>(project.id))
            if (inPeriod(entry.date, call))
                total += entry.hours;
    return Value::of(total);
}

Value evaluateFor(Register& store, const Call& call, const std::optional<Client>& client,
                  std::string_view today)
{
    if (!client)
        return Value::notAvailable();
    switch (call.function)
    {
    case FunctionId::ClientField:
        return fieldValue(*client, call.field);
    case FunctionId::Outstanding:
    case FunctionId::Overdue:
    case FunctionId::Invoiced:
        return invoiceFigure(store, call, *client, today);
    case FunctionId::Hours:
        return hours(store, call, *client);
    default:
        return Value::notAvailable();
    }
}
} // namespace

std::span<const FunctionInfo> allFunctions()
{
    return kFunctions;
}

const FunctionInfo& functionInfo(FunctionId id)
{
    return kFunctions[static_cast<std::size_t>(id)];
}

bool Call::operator<(const Call& other) const
{
    const auto tie = [](const Call& c)
    { return std::tie(c.function, c.key, c.field, c.currency, c.from, c.to, c.limit, c.country); };
    return tie(*this) < tie(other);
}

std::optional<Field> fieldByNameOrLabel(std::string_view text, Language language)
{
    const std::string lower = lowerAscii(text);
    for (Field field : allFields())
        if (lowerAscii(fieldName(field)) == lower)
            return field;
    const std::string folded = foldForSearch(text);
    if (folded.empty())
        return std::nullopt;
    if (auto field = fieldWithLabel(folded, language))
        return field;
    for (Language other : allLanguages())
        if (auto field = fieldWithLabel(folded, other))
            return field;
    return std::nullopt;
}

Call makeCall(FunctionId function, const std::vector<Argument>& arguments, Language language)
{
    const Checker check(functionInfo(function), arguments, language);
    Call call;
    call.function = function;
    switch (function)
    {
    case FunctionId::ClientField:
    {
        call.key = check.required(0);
        const std::string field = check.text(1);
        const std::optional<Field> found = fieldByNameOrLabel(field, language);
        if (!found)
            check.reject(1, field);
        call.field = *found;
        break;
    }
    case FunctionId::Outstanding:
    case FunctionId::Overdue:
        call.key = check.required(0);
        call.currency = check.currency(1);
        break;
    case FunctionId::Hours:
    case FunctionId::Invoiced:
        call.key = check.required(0);
        call.from = check.date(1);
        call.to = check.date(2);
        if (!call.from.empty() && !call.to.empty() && call.to < call.from)
            check.reject(2, call.to);
        if (function == FunctionId::Invoiced)
            call.currency = check.currency(3);
        break;
    case FunctionId::TaxIdValid:
        call.key = check.text(0);
        call.country = check.country(1);
        break;
    case FunctionId::FindClients:
        call.key = check.required(0);
        call.limit = check.count(1, kDefaultFound, kMaxFound);
        break;
    }
    return call;
}

Value evaluatePure(const Call& call)
{
    if (call.function != FunctionId::TaxIdValid)
        return Value::notAvailable();
    if (!call.country.empty())
        return Value::of(isValidTaxId(call.key, call.country) ? 1.0 : 0.0);
    // Without a country: the one of a VAT prefix, else Spain's rules.
    const TaxIdCheck prefixed = checkTaxId(call.key, "");
    const bool valid = prefixed.country.empty() ? isValidTaxId(call.key, "ES")
                                                : isValidTaxId(call.key, prefixed.country);
    return Value::of(valid ? 1.0 : 0.0);
}

Value evaluate(Register& store, const Call& call, std::string_view today)
{
    if (!functionInfo(call.function).readsRegister)
        return evaluatePure(call);
    if (call.function == FunctionId::FindClients)
    {
        std::vector<std::string> codes = store.findCodes(call.key, call.limit);
        if (codes.empty())
            return Value::notAvailable();
        return Value::of(std::move(codes));
    }
    return evaluateFor(store, call, store.byKey(call.key), today);
}

std::vector<Value> evaluateAll(Register& store, std::span<const Call> calls, std::string_view today)
{
    std::map<std::string, std::optional<Client>, std::less<>> clients;
    std::vector<Value> values;
    values.reserve(calls.size());
    for (const Call& call : calls)
    {
        if (!functionInfo(call.function).readsRegister || call.function == FunctionId::FindClients)
        {
            values.push_back(evaluate(store, call, today));
            continue;
        }
        auto found = clients.find(call.key);
        if (found == clients.end())
            found = clients.emplace(call.key, store.byKey(call.key)).first;
        values.push_back(evaluateFor(store, call, found->second, today));
    }
    return values;
}

} // namespace clientes::functions
