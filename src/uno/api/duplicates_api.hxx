// The duplicates part of org.clientes.XClientDirectory: finding them, merging clients and
// undoing a merge, marking pairs that are not duplicates. Called by client_directory.cxx
// inside its exception wall; each function throws the UNO exceptions its IDL method declares
// (the register's own failures are translated by the wall).
#pragma once

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

namespace clientes::uno::duplicates_api
{
using Context = css::uno::Reference<css::uno::XComponentContext>;
using Options = css::uno::Sequence<css::beans::NamedValue>;

css::uno::Sequence<Options> findDuplicates(const Context& context, const Options& options);
sal_Int64 mergeClients(const Context& context, const ::rtl::OUString& keep,
                       const css::uno::Sequence<::rtl::OUString>& others,
                       const Options& fieldChoices);
void undoMerge(const Context& context, sal_Int64 mergeId);
void markNotDuplicates(const Context& context, const ::rtl::OUString& a, const ::rtl::OUString& b);
} // namespace clientes::uno::duplicates_api
