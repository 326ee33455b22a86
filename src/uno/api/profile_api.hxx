// The profile part of org.clientes.XClientDirectory: archive/restore/delete, tax IDs, related
// records, summary figures, activity and files. Called by client_directory.cxx inside its
// exception wall; each function throws the UNO exceptions its IDL method declares.
#pragma once

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

namespace clientes::uno::profile_api
{
using Context = css::uno::Reference<css::uno::XComponentContext>;
using Fields = css::uno::Sequence<css::beans::NamedValue>;

void restoreClient(const Context& context, const ::rtl::OUString& key);
void deleteClient(const Context& context, const ::rtl::OUString& key);
sal_Bool isValidTaxId(const ::rtl::OUString& taxId, const ::rtl::OUString& country);
::rtl::OUString normalizeTaxId(const ::rtl::OUString& taxId, const ::rtl::OUString& country);
css::uno::Sequence<Fields> getRecords(const Context& context, const ::rtl::OUString& key,
                                      const ::rtl::OUString& kind);
sal_Int64 addRecord(const Context& context, const ::rtl::OUString& key, const ::rtl::OUString& kind,
                    const Fields& fields);
void updateRecord(const Context& context, const ::rtl::OUString& kind, sal_Int64 id,
                  const Fields& fields);
void removeRecord(const Context& context, const ::rtl::OUString& kind, sal_Int64 id);
Fields getSummary(const Context& context, const ::rtl::OUString& key);
void addNote(const Context& context, const ::rtl::OUString& key, const ::rtl::OUString& text);
sal_Int64 attachFile(const Context& context, const ::rtl::OUString& key,
                     const ::rtl::OUString& fileUrl);
void saveFileCopy(const Context& context, sal_Int64 fileId, const ::rtl::OUString& targetUrl);
} // namespace clientes::uno::profile_api
