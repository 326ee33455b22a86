// One UNO component of this library as the office sees it: the implementation name it asks
// exports.cxx for, the one service it offers, and how an instance is made. Each component's
// module defines one Component; exports.cxx lists them, and the instances' XServiceInfo
// answers from the same names.
#pragma once

#include "support/entry_guard.hxx"

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/implbase3.hxx>
#include <cppuhelper/implementationentry.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <cppuhelper/weak.hxx>
#include <rtl/ustring.hxx>

#include <initializer_list>

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

// XServiceInfo answered from `component`, on top of Base (a WeakImplHelper with XServiceInfo).
template <const Component& component, typename Base> class WithServiceInfo : public Base
{
public:
    ::rtl::OUString SAL_CALL getImplementationName() override
    {
        return implementationName(component);
    }
    sal_Bool SAL_CALL supportsService(const ::rtl::OUString& name) override
    {
        return ::cppu::supportsService(this, name);
    }
    css::uno::Sequence<::rtl::OUString> SAL_CALL getSupportedServiceNames() override
    {
        return serviceNames(component);
    }
};

// The SDK has the numbered helpers only (WeakImplHelper2, 3…).
template <typename... Interfaces> struct WeakHelperWithServiceInfo;
template <typename A> struct WeakHelperWithServiceInfo<A>
{
    using type = ::cppu::WeakImplHelper2<A, css::lang::XServiceInfo>;
};
template <typename A, typename B> struct WeakHelperWithServiceInfo<A, B>
{
    using type = ::cppu::WeakImplHelper3<A, B, css::lang::XServiceInfo>;
};

// The base of a component's class: its interfaces, and XServiceInfo answered from `component`.
template <const Component& component, typename... Interfaces>
using ComponentBase =
    WithServiceInfo<component, typename WeakHelperWithServiceInfo<Interfaces...>::type>;

// ASCII names as a UNO sequence (a dialog handler's getSupportedMethodNames).
inline css::uno::Sequence<::rtl::OUString> asciiNames(std::initializer_list<const char*> names)
{
    css::uno::Sequence<::rtl::OUString> result(static_cast<sal_Int32>(names.size()));
    sal_Int32 i = 0;
    for (const char* name : names)
        result.getArray()[i++] = ::rtl::OUString::createFromAscii(name);
    return result;
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
