#include "api/duplicates_api.hxx"

#include "api/option_reader.hxx"
#include "core/messages/ui_text.hpp"
#include "core/register/register.hpp"
#include "support/office_settings.hxx"
#include "support/store_access.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>

#include <algorithm>
#include <vector>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Sequence;

namespace clientes::uno::duplicates_api
{
namespace
{
css::beans::NamedValue value(const char* name, Any any)
{
    return css::beans::NamedValue(OUString::createFromAscii(name), std::move(any));
}

template <typename T> Sequence<T> sequenceOf(const std::vector<T>& items)
{
    return Sequence<T>(items.data(), static_cast<sal_Int32>(items.size()));
}

// The client a key names (a code or a tax ID), or NoSuchElementException.
Client existing(Register& store, const OUString& key, Language language)
{
    if (auto client = store.byKey(toUtf8(key)))
        return *client;
    throw css::container::NoSuchElementException(fromUtf8(noClientMessage(toUtf8(key), language)),
                                                 nullptr);
}

std::string codeOf(const std::vector<Client>& clients, std::int64_t id)
{
    const auto found = std::find_if(clients.begin(), clients.end(),
                                    [&](const Client& client) { return client.id == id; });
    return found == clients.end() ? std::string() : found->code;
}
} // namespace

Sequence<Options> findDuplicates(const Context& context, const Options& options)
{
    const Language language = uiLanguage(context);
    const OptionReader reader(options, {"MinScore", "Codes", "Limit"}, language);
    DuplicateOptions settings;
    if (const auto score = reader.integer("MinScore"))
    {
        if (*score < 0 || *score > 100)
            reader.fail("MinScore", clientes::text(TextKey::DuplicatesScoreRange, language));
        settings.minScore = static_cast<int>(*score);
    }
    settings.codes = reader.texts("Codes").value_or(std::vector<std::string>());
    settings.limit =
        static_cast<std::size_t>(std::max<std::int64_t>(0, reader.integer("Limit").value_or(0)));
    const std::vector<DuplicateCandidates> groups = storeAccess().with(
        context, [&](Register& store) { return store.findDuplicates(settings); });

    std::vector<Options> result;
    for (const DuplicateCandidates& group : groups)
    {
        std::vector<OUString> codes;
        for (const Client& client : group.clients)
            codes.push_back(fromUtf8(client.code));
        std::vector<Options> pairs;
        for (const DuplicatePair& pair : group.pairs)
        {
            std::vector<OUString> reasons;
            for (const DuplicateEvidence& evidence : pair.score.reasons)
                reasons.push_back(fromUtf8(std::string(duplicateReasonName(evidence.reason)) +
                                           ": " + evidence.detail));
            const std::vector<css::beans::NamedValue> fields = {
                value("A", Any(fromUtf8(codeOf(group.clients, pair.a)))),
                value("B", Any(fromUtf8(codeOf(group.clients, pair.b)))),
                value("Score", Any(static_cast<sal_Int32>(pair.score.score))),
                value("Reasons", Any(sequenceOf(reasons)))};
            pairs.push_back(sequenceOf(fields));
        }
        const std::vector<css::beans::NamedValue> fields = {
            value("Score", Any(static_cast<sal_Int32>(group.score))),
            value("Codes", Any(sequenceOf(codes))), value("Pairs", Any(sequenceOf(pairs)))};
        result.push_back(sequenceOf(fields));
    }
    return sequenceOf(result);
}

sal_Int64 mergeClients(const Context& context, const OUString& keep,
                       const Sequence<OUString>& others, const Options& fieldChoices)
{
    const Language language = uiLanguage(context);
    const MergeResult merged = storeAccess().with(
        context,
        [&](Register& store)
        {
            MergeRequest request;
            std::vector<Client> clients = {existing(store, keep, language)};
            request.keepId = clients.front().id;
            for (const OUString& other : others)
            {
                clients.push_back(existing(store, other, language));
                request.mergedIds.push_back(clients.back().id);
            }
            for (const css::beans::NamedValue& choice : fieldChoices)
            {
                const auto field = fieldFromName(toUtf8(choice.Name));
                OUString source;
                if (!field || *field == Field::Code || !(choice.Value >>= source))
                    throw css::lang::IllegalArgumentException(
                        fromUtf8(clientes::text(TextKey::DuplicatesBadChoice, language,
                                                {{"field", toUtf8(choice.Name)}})),
                        nullptr, 3);
                if (source.isEmpty())
                {
                    request.choices[*field] = 0; // tags and notes: all of them
                    continue;
                }
                const Client from = existing(store, source, language);
                if (std::none_of(clients.begin(), clients.end(),
                                 [&](const Client& c) { return c.id == from.id; }))
                    throw css::lang::IllegalArgumentException(
                        fromUtf8(clientes::text(TextKey::DuplicatesBadChoice, language,
                                                {{"field", toUtf8(choice.Name)}})),
                        nullptr, 3);
                request.choices[*field] = from.id;
            }
            return store.mergeClients(request);
        });
    storeAccess().notifyChanged();
    return merged.mergeId;
}

void undoMerge(const Context& context, sal_Int64 mergeId)
{
    storeAccess().with(context, [&](Register& store) { store.undoMerge(mergeId); });
    storeAccess().notifyChanged();
}

void markNotDuplicates(const Context& context, const OUString& a, const OUString& b)
{
    const Language language = uiLanguage(context);
    storeAccess().with(
        context,
        [&](Register& store)
        {
            const Client first = existing(store, a, language);
            const Client second = existing(store, b, language);
            if (first.id == second.id)
                throw css::lang::IllegalArgumentException(
                    fromUtf8(clientes::text(TextKey::DuplicatesSameClient, language)), nullptr, 1);
            store.markNotDuplicates(first.id, second.id);
        });
    storeAccess().notifyChanged();
}
} // namespace clientes::uno::duplicates_api
