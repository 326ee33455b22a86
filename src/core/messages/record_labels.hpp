// The labels of described fields (model/record_kinds.hpp) in the user's language, for generic
// lists and forms.
#pragma once

#include "core/model/record_kinds.hpp"
#include "core/text/language.hpp"

#include <string>
#include <string_view>

namespace clientes
{
// fieldLabel for a client field, recordFieldLabel (with the kind's RecordType) for a record
// field; "" for a field without label.
std::string labelText(const KindInfo& kind, const LabelKey& key, Language language);

// A choice's word as shown: statusLabel for a record's status or stage, clientKindLabel for
// the client's kind; the word itself when it is no choice of the field.
std::string choiceLabel(const KindInfo& kind, std::string_view word, Language language);
} // namespace clientes
