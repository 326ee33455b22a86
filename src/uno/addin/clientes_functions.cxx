#include "addin/clientes_functions.hxx"

#include "addin/live_results.hxx"
#include "api/store_errors.hxx"
#include "core/functions/calc_functions.hpp"
#include "support/entry_guard.hxx"
#include "support/office_settings.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <org/clientes/XClientesFunctions.hpp>

#include <mutex>
#include <optional>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::XComponentContext;

namespace clientes::uno::clientes_functions
{
namespace
{
using functions::Argument;
using functions::FunctionId;

// A cell's argument for the core: void = left out; numbers (and booleans) as doubles; text;
// anything else (a range where one value is wanted) is Other.
Argument argumentOf(const Any& value)
{
    switch (value.getValueTypeClass())
    {
    case css::uno::TypeClass_VOID:
        return functions::Missing{};
    case css::uno::TypeClass_STRING:
        return toUtf8(value.get<OUString>());
    case css::uno::TypeClass_DOUBLE:
    case css::uno::TypeClass_FLOAT:
    case css::uno::TypeClass_LONG:
    case css::uno::TypeClass_SHORT:
    case css::uno::TypeClass_HYPER:
    case css::uno::TypeClass_BOOLEAN:
    {
        double number = 0;
        if (value.getValueTypeClass() == css::uno::TypeClass_BOOLEAN)
            number = value.get<bool>() ? 1 : 0;
        else
            value >>= number;
        return number;
    }
    default:
        return functions::Other{};
    }
}

class Functions : public ComponentBase<kComponent, org::clientes::XClientesFunctions>
{
public:
    explicit Functions(const Reference<XComponentContext>& context) : m_context(context) {}

    Any SAL_CALL clientField(const OUString& key, const OUString& field) override
    {
        return call("clientField", FunctionId::ClientField, {Any(key), Any(field)});
    }
    Any SAL_CALL clientOutstanding(const OUString& key, const Any& currency) override
    {
        return call("clientOutstanding", FunctionId::Outstanding, {Any(key), currency});
    }
    Any SAL_CALL clientOverdue(const OUString& key, const Any& currency) override
    {
        return call("clientOverdue", FunctionId::Overdue, {Any(key), currency});
    }
    Any SAL_CALL clientHours(const OUString& key, const Any& from, const Any& to) override
    {
        return call("clientHours", FunctionId::Hours, {Any(key), from, to});
    }
    Any SAL_CALL clientInvoiced(const OUString& key, const Any& from, const Any& to,
                                const Any& currency) override
    {
        return call("clientInvoiced", FunctionId::Invoiced, {Any(key), from, to, currency});
    }
    Any SAL_CALL taxIdValid(const OUString& text, const Any& country) override
    {
        return call("taxIdValid", FunctionId::TaxIdValid, {Any(text), country});
    }
    Any SAL_CALL findClients(const OUString& text, const Any& maximum) override
    {
        return call("findClients", FunctionId::FindClients, {Any(text), maximum});
    }

    Sequence<css::beans::NamedValue> SAL_CALL getLiveStatistics() override
    {
        return guarded(
            "getLiveStatistics",
            []
            {
                const live_results::Statistics s = live_results::statistics();
                const auto named = [](const char* name, std::int64_t value)
                { return css::beans::NamedValue(ascii(name), Any(static_cast<sal_Int64>(value))); };
                const css::beans::NamedValue values[] = {named("Results", s.results),
                                                         named("Recomputations", s.recomputations),
                                                         named("Notifications", s.notifications)};
                return Sequence<css::beans::NamedValue>(values, 3);
            });
    }

private:
    Any call(const char* method, FunctionId function, std::initializer_list<Any> given)
    {
        return guarded(method,
                       [&]
                       {
                           const Language language = uiLanguageOnce();
                           return translateStoreFailures(
                               language,
                               [&]
                               {
                                   std::vector<Argument> arguments;
                                   for (const Any& value : given)
                                       arguments.push_back(argumentOf(value));
                                   functions::Call checked;
                                   try
                                   {
                                       checked = functions::makeCall(function, arguments, language);
                                   }
                                   catch (const functions::ArgumentError& error)
                                   {
                                       throw css::lang::IllegalArgumentException(
                                           fromUtf8(error.what()), nullptr,
                                           static_cast<sal_Int16>(error.position));
                                   }
                                   if (!functions::functionInfo(function).readsRegister)
                                       return live_results::toAny(functions::evaluatePure(checked));
                                   return Any(live_results::resultFor(m_context, checked));
                               });
                       });
    }

    // The UI language changes only with a restart of the office: read once.
    Language uiLanguageOnce()
    {
        std::call_once(m_languageOnce, [this] { m_language = uiLanguage(m_context); });
        return m_language;
    }

    Reference<XComponentContext> m_context;
    std::once_flag m_languageOnce;
    Language m_language = Language::Es;
};
} // namespace

const Component kComponent{"org.clientes.calc.Functions", "com.sun.star.sheet.AddIn",
                           [](const Reference<XComponentContext>& context) -> cppu::OWeakObject*
                           { return new Functions(context); }};
} // namespace clientes::uno::clientes_functions
