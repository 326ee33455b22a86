#pragma once

// The Calc functions of the extension (CLIENTE, CLIENTE.PENDIENTE, NIF.VALIDO, CLIENTES.BUSCAR…):
// their table (names, descriptions and arguments by text key: the catalogues give each its
// words, tools/generate_texts.py writes them into CalcAddIns.xcu), the checking of the arguments
// a cell gives, and their evaluation over the register. The UNO layer (uno/addin) turns a cell's
// call into a Call and a Value back into a cell; everything a function decides is here.
//
// A call whose arguments are wrong throws ArgumentError (Calc shows Err:502). A key that names
// no client gives Value::notAvailable() (#N/A), as does a search without matches.

#include "core/model/client.hpp"
#include "core/text/language.hpp"
#include "core/text/texts.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace clientes
{

class Register;

namespace functions
{

enum class FunctionId : std::uint8_t
{
    ClientField, // CLIENTE(clave; campo)
    Outstanding, // CLIENTE.PENDIENTE(clave; [moneda])
    Overdue,     // CLIENTE.VENCIDO(clave; [moneda])
    Hours,       // CLIENTE.HORAS(clave; [desde]; [hasta])
    Invoiced,    // CLIENTE.FACTURADO(clave; [desde]; [hasta]; [moneda])
    TaxIdValid,  // NIF.VALIDO(texto; [país])
    FindClients, // CLIENTES.BUSCAR(texto; [máximo])
};

struct ArgumentInfo
{
    std::string_view name; // the IDL parameter's name (CalcAddIns.xcu's Parameters/<name>)
    TextKey displayName;
    TextKey description;
    bool optional = false;
};

struct FunctionInfo
{
    FunctionId id;
    std::string_view method; // the IDL method (CalcAddIns.xcu's AddInFunctions/<method>)
    TextKey displayName;     // what a formula calls it in each language
    TextKey description;
    std::span<const ArgumentInfo> arguments;
    bool readsRegister = true; // false: computed from its arguments alone
};

std::span<const FunctionInfo> allFunctions();
const FunctionInfo& functionInfo(FunctionId id);

// One argument as the cell gave it. Other: anything else (a range where one value is wanted).
struct Missing
{
    bool operator==(const Missing&) const = default;
};
struct Other
{
    bool operator==(const Other&) const = default;
};
using Argument = std::variant<Missing, double, std::string, Other>;

// The argument at `position` (0-based) is not valid; what() is a sentence in the language
// the call was checked in.
class ArgumentError : public std::invalid_argument
{
public:
    ArgumentError(std::size_t position, const std::string& message)
        : std::invalid_argument(message), position(position)
    {
    }
    std::size_t position;
};

// A checked call: what a function computes, and all it depends on besides the register.
// Equal calls give equal values, so a result may be shared (the cache key).
struct Call
{
    FunctionId function = FunctionId::ClientField;
    std::string key;      // a client's code or tax ID (any spelling); FindClients: the query
    Field field{};        // ClientField
    std::string currency; // "" = the client's own (see evaluate)
    std::string from;     // "" = no bound; ISO dates, both included
    std::string to;
    int limit = 0;       // FindClients: 1…kMaxFound
    std::string country; // TaxIdValid

    bool operator==(const Call&) const = default;
    bool operator<(const Call& other) const;
};

inline constexpr int kDefaultFound = 10;
inline constexpr int kMaxFound = 1000;

// Checks the arguments of a call of `function` (as many as it declares; a missing optional one
// is Missing) and makes its Call. `language`: the words of the error. Throws ArgumentError.
Call makeCall(FunctionId function, const std::vector<Argument>& arguments, Language language);

// A client field by its API name ("legalName", any case) or its label in any of the
// catalogues' languages ("Nombre legal", "razon social", "Tax ID"…), ignoring case, accents and
// punctuation; the labels of `language` are tried first.
std::optional<Field> fieldByNameOrLabel(std::string_view text, Language language);

// What a cell shows.
struct Value
{
    enum class Kind : std::uint8_t
    {
        NotAvailable, // #N/A
        Number,
        Text,
        Column, // texts, one per row
    };
    Kind kind = Kind::NotAvailable;
    double number = 0;
    std::string text;
    std::vector<std::string> column;

    static Value notAvailable() { return {}; }
    static Value of(double number) { return {Kind::Number, number, {}, {}}; }
    static Value of(std::string text) { return {Kind::Text, 0, std::move(text), {}}; }
    static Value of(std::vector<std::string> column)
    {
        return {Kind::Column, 0, {}, std::move(column)};
    }
    bool operator==(const Value&) const = default;
};

// The value of a call of a function that reads no register (TaxIdValid).
Value evaluatePure(const Call& call);

// The value of `call` as the register holds it now, as of `today` ("YYYY-MM-DD": what is
// overdue). Throws StoreError (the register cannot be read).
//   ClientField: the field's text; paymentTerms as a number of days ("" when not agreed).
//   Outstanding: the totals of the client's authorised (issued, unpaid) invoices in the
//     currency; Overdue: those of them due before today.
//   Hours: the hours of the time entries of the client's projects dated from…to.
//   Invoiced: the totals of the issued (authorised or paid) invoices dated from…to.
//   Amounts are in the currency's units (12.5 for 12,50 €). The currency, when not given, is
//   the client's own; for a client without one, that of its newest invoice.
//   FindClients: the codes of the active clients the text finds, best first (as the deck's
//     search), at most call.limit; #N/A when none.
Value evaluate(Register& store, const Call& call, std::string_view today);

// The values of many calls at once (a recalculation after a change), one per call, in order.
// A client named by several calls is read once.
std::vector<Value> evaluateAll(Register& store, std::span<const Call> calls,
                               std::string_view today);

} // namespace functions
} // namespace clientes
