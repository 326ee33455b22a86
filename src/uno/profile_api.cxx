// Placeholder until the module is written: every call says so.
#include "profile_api.hxx"

#include "uno_text.hxx"

#include <com/sun/star/uno/RuntimeException.hpp>

namespace clientes::uno::profile_api
{

void restoreClient(const Context& context, const ::rtl::OUString& key)
{
    throw css::uno::RuntimeException(ascii("Clientes: restoreClient is not available yet"));
}

void deleteClient(const Context& context, const ::rtl::OUString& key)
{
    throw css::uno::RuntimeException(ascii("Clientes: deleteClient is not available yet"));
}

sal_Bool isValidTaxId(const ::rtl::OUString& taxId, const ::rtl::OUString& country)
{
    throw css::uno::RuntimeException(ascii("Clientes: isValidTaxId is not available yet"));
}

::rtl::OUString normalizeTaxId(const ::rtl::OUString& taxId, const ::rtl::OUString& country)
{
    throw css::uno::RuntimeException(ascii("Clientes: normalizeTaxId is not available yet"));
}

css::uno::Sequence<Fields> getRecords(const Context& context, const ::rtl::OUString& key,
                                      const ::rtl::OUString& kind)
{
    throw css::uno::RuntimeException(ascii("Clientes: getRecords is not available yet"));
}

sal_Int64 addRecord(const Context& context, const ::rtl::OUString& key, const ::rtl::OUString& kind,
                    const Fields& fields)
{
    throw css::uno::RuntimeException(ascii("Clientes: addRecord is not available yet"));
}

void updateRecord(const Context& context, const ::rtl::OUString& kind, sal_Int64 id,
                  const Fields& fields)
{
    throw css::uno::RuntimeException(ascii("Clientes: updateRecord is not available yet"));
}

void removeRecord(const Context& context, const ::rtl::OUString& kind, sal_Int64 id)
{
    throw css::uno::RuntimeException(ascii("Clientes: removeRecord is not available yet"));
}

Fields getSummary(const Context& context, const ::rtl::OUString& key)
{
    throw css::uno::RuntimeException(ascii("Clientes: getSummary is not available yet"));
}

void addNote(const Context& context, const ::rtl::OUString& key, const ::rtl::OUString& text)
{
    throw css::uno::RuntimeException(ascii("Clientes: addNote is not available yet"));
}

sal_Int64 attachFile(const Context& context, const ::rtl::OUString& key,
                     const ::rtl::OUString& fileUrl)
{
    throw css::uno::RuntimeException(ascii("Clientes: attachFile is not available yet"));
}

void saveFileCopy(const Context& context, sal_Int64 fileId, const ::rtl::OUString& targetUrl)
{
    throw css::uno::RuntimeException(ascii("Clientes: saveFileCopy is not available yet"));
}

} // namespace clientes::uno::profile_api
