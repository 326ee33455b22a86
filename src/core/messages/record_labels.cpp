#include "core/messages/record_labels.hpp"

#include "core/messages/messages.hpp"
#include "core/messages/profile_text.hpp"

namespace clientes
{
namespace
{
template <typename E>
std::string labelOf(std::optional<E> (*fromName)(std::string_view), std::string_view word,
                    Language language)
{
    const auto value = fromName(word);
    return value ? statusLabel(*value, language) : std::string(word);
}
} // namespace

std::string labelText(const KindInfo& kind, const LabelKey& key, Language language)
{
    if (const Field* field = std::get_if<Field>(&key))
        return fieldLabel(*field, language);
    if (const RecordField* field = std::get_if<RecordField>(&key); field && kind.type)
        return recordFieldLabel(*kind.type, *field, language);
    return {};
}

std::string choiceLabel(const KindInfo& kind, std::string_view word, Language language)
{
    if (!kind.type)
        return clientKindLabel(word, language);
    switch (*kind.type)
    {
    case RecordType::Project:
        return labelOf(&projectStatusFromName, word, language);
    case RecordType::Task:
        return labelOf(&taskStatusFromName, word, language);
    case RecordType::PurchaseOrder:
        return labelOf(&orderStatusFromName, word, language);
    case RecordType::Invoice:
        return labelOf(&invoiceStatusFromName, word, language);
    case RecordType::Deal:
        return labelOf(&dealStageFromName, word, language);
    case RecordType::Address:
        return labelOf(&addressTypeFromName, word, language);
    case RecordType::BankAccount:
        // The checks' words, in IbanVerdict's and BicVerdict's order.
        for (const bool iban : {true, false})
        {
            const auto& choices =
                kindOf<BankAccount>().field(iban ? "ibanCheck" : "bicCheck")->choices;
            for (std::size_t i = 0; i < choices.size(); ++i)
                if (choices[i] == word)
                    return iban ? ibanVerdictLabel(static_cast<IbanVerdict>(i), language)
                                : bicVerdictLabel(static_cast<BicVerdict>(i), language);
        }
        return std::string(word);
    default:
        return std::string(word);
    }
}
} // namespace clientes
