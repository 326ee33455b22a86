// Described fields (core/model/record_kinds.hpp) as the UNO values of the scripting API's
// NamedValue sequences, and the UNO types the API accepts for them. Shared by the client's
// fields (client_fields.cxx) and the profile records' (profile_fields.cxx).
#pragma once

#include "core/model/record_kinds.hpp"
#include "support/uno_text.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/TypeClass.hpp>
#include <rtl/ustring.hxx>

#include <string_view>

namespace clientes::uno
{
using Fields = css::uno::Sequence<css::beans::NamedValue>;

bool isWholeNumber(css::uno::TypeClass type);
// Whole numbers, double and float.
bool isNumber(css::uno::TypeClass type);
// Any number as a double (UNO does not extract a hyper into a double by itself).
double asDouble(const css::uno::Any& value);
// Text as such; void as ""; whole numbers too, since Basic hands a typed-in number (a postal
// code) over as a number. false for anything else.
bool valueAsText(const css::uno::Any& value, ::rtl::OUString& text);

// A field's value as the API returns it: text as string, ids and whole numbers as hyper, hours
// as double, booleans as boolean, money as a double in the units of `currency`.
css::uno::Any toAny(const FieldInfo& field, const FieldValue& value, std::string_view currency);

// The record's fields that the API shows, in the description's order.
template <typename R>
Fields namedValuesOf(const KindOf<R>& kind, const R& record, const DerivedInputs& inputs = {})
{
    Fields result(static_cast<sal_Int32>(kind.fields.size()));
    css::beans::NamedValue* out = result.getArray();
    for (const FieldOf<R>& field : kind.fields)
    {
        if (!field.inApi())
            continue;
        std::string_view currency;
        FieldValue currencyValue;
        if (field.type == FieldType::Money)
        {
            currencyValue = kind.field(field.currency)->get(record);
            currency = std::get<std::string>(currencyValue);
        }
        out->Name = fromUtf8(field.name);
        out->Value = toAny(field, field.value(record, inputs), currency);
        ++out;
    }
    result.realloc(static_cast<sal_Int32>(out - result.getArray()));
    return result;
}
} // namespace clientes::uno
