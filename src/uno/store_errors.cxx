#include "store_errors.hxx"

namespace clientes::uno
{
std::string describeIssues(const ValidationError& error, Language language)
{
    std::string message;
    for (const FieldIssue& issue : error.issues)
    {
        if (!message.empty())
            message += "; ";
        message += fieldName(issue.field);
        message += ": ";
        message += describe(issue, language);
    }
    return message.empty() ? std::string(error.what()) : message;
}
} // namespace clientes::uno
