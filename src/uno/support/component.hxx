// One UNO component of this library as the office sees it: the implementation name it asks
// exports.cxx for, the one service it offers, and how an instance is made. Each component's
// module defines one Component; exports.cxx lists them, and the instances' XServiceInfo
// answers from the same names.
#pragma once

#include "support/entry_guard.hxx"

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implementationentry.hxx>
#include <cppuhelper/weak.hxx>
#include <rtl/ustring.hxx>

namespace clientes::uno
{
struct Component
{
    const char* implementation;
    const char* service;
    ::cppu::OWeakObject* (*make)(const css::uno::Reference<css::uno::XComponentContext>&);
};

inline ::rtl::OUString implementationName(const Component& component)
{
    return ::rtl::OUString::createFromAscii(component.implementation);
}

inline css::uno::Sequence<::rtl::OUString> serviceNames(const Component& component)
{
    css::uno::Sequence<::rtl::OUString> names(1);
    names.getArray()[0] = ::rtl::OUString::createFromAscii(component.service);
    return names;
}

// The office's entry for `component`: its factory makes instances behind the entry wall.
template <const Component& component>::cppu::ImplementationEntry implementationEntry()
{
    struct Entry
    {
        static css::uno::Reference<css::uno::XInterface>
            SAL_CALL create(const css::uno::Reference<css::uno::XComponentContext>& context)
        {
            return guarded(
                component.implementation,
                [&] { return css::uno::Reference<css::uno::XInterface>(component.make(context)); });
        }
        static ::rtl::OUString name() { return implementationName(component); }
        static css::uno::Sequence<::rtl::OUString> services() { return serviceNames(component); }
    };
    return {Entry::create,   Entry::name,
            Entry::services, ::cppu::createSingleComponentFactory,
            nullptr,         0};
}
} // namespace clientes::uno
