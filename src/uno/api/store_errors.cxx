#include "api/store_errors.hxx"

#include "api/client_fields.hxx"
#include "core/files/safe_files.hpp"
#include "core/messages/messages.hpp"
#include "core/register/register.hpp"
#include "core/rules/profile_validation.hpp"

#include "support/entry_guard.hxx"

#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <cppuhelper/exc_hlp.hxx>
#include <org/clientes/ConflictException.hpp>
#include <org/clientes/RegisterException.hpp>

namespace css = ::com::sun::star;

namespace clientes::uno
{
namespace
{
template <typename Issues> std::string joined(const Issues& issues, Language language)
{
    std::string message;
    for (const auto& issue : issues)
    {
        if (!message.empty())
            message += "; ";
        if constexpr (std::is_same_v<std::decay_t<decltype(issue)>, FieldIssue>)
            message += fieldName(issue.field);
        else
            message += recordFieldName(issue.field);
        message += ": ";
        message += describe(issue, language);
    }
    return message;
}

[[noreturn]] void illegal(const std::string& message)
{
    throw css::lang::IllegalArgumentException(fromUtf8(message), nullptr, 0);
}
} // namespace

std::string describeIssues(const ValidationError& error, Language language)
{
    const std::string message = joined(error.issues, language);
    return message.empty() ? std::string(error.what()) : message;
}

void throwConflict(const std::string& message,
                   const css::uno::Sequence<css::beans::NamedValue>& current)
{
    throw org::clientes::ConflictException(fromUtf8(message), nullptr, current);
}

void rethrowAsUno(Language language)
{
    try
    {
        throw;
    }
    catch (const ValidationError& error)
    {
        illegal(describeIssues(error, language));
    }
    catch (const RecordValidationError& error)
    {
        const std::string message = joined(error.issues, language);
        illegal(message.empty() ? std::string(error.what()) : message);
    }
    catch (const HasLinkedRecords& error)
    {
        illegal(describe(error, language));
    }
    catch (const MergeRefused& error)
    {
        illegal(describe(error, language));
    }
    catch (const MergeUndoRefused& error)
    {
        illegal(describe(error, language));
    }
    catch (const FileTooLarge& error)
    {
        illegal("fileUrl: " + describe(error, language));
    }
    catch (const NotFound& error)
    {
        throw css::container::NoSuchElementException(fromUtf8(shownValue(error.what(), 200)),
                                                     nullptr);
    }
    catch (const ConflictError& error)
    {
        throwConflict(describe(error, language), toNamedValues(error.current));
    }
    catch (const RegisterFileRefused& error)
    {
        illegal(describe(error, language));
    }
    catch (const FileProblem& problem)
    {
        illegal(describe(problem, language));
    }
    catch (const StoreError& error)
    {
        if (error.kind == StoreError::Kind::Conflict) // a record; its values are not at hand
            throwConflict(describe(error, language), {});
        throw org::clientes::RegisterException(fromUtf8(describe(error, language)), nullptr,
                                               fromUtf8(shownValue(error.path, 200)));
    }
    catch (const css::uno::Exception&)
    {
        css::uno::Any caught = ::cppu::getCaughtException();
        auto* exception = const_cast<css::uno::Exception*>(
            static_cast<const css::uno::Exception*>(caught.getValue()));
        const std::string message = toUtf8(exception->Message);
        if (namesSourceFile(message))
        {
            const std::string kept = withoutInternals(message);
            exception->Message = fromUtf8(kept.empty() ? officeRefusedMessage(language) : kept);
        }
        ::cppu::throwException(caught);
        throw; // not reached: throwException always throws
    }
    catch (const std::bad_alloc&)
    {
        // Nothing was half written (the store's transactions); the user can free memory.
        throw org::clientes::RegisterException(fromUtf8(outOfMemoryMessage(language)), nullptr,
                                               OUString());
    }
    catch (const std::exception& error)
    {
        logFailure("a call of the scripting API", error.what());
        throw css::uno::RuntimeException(fromUtf8(internalErrorMessage(language)));
    }
    catch (...)
    {
        logFailure("a call of the scripting API", "unknown error");
        throw css::uno::RuntimeException(fromUtf8(internalErrorMessage(language)));
    }
}
} // namespace clientes::uno
