// Duplicate clients: finding them (rules/duplicate_match.hpp over the register), the marks of
// pairs that are not duplicates, and merges with their undo.

#include "core/register/register_internal.hpp"
#include "core/rules/validation.hpp"
#include "core/store/search_words.hpp"
#include "core/text/text_fold.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace clientes
{

namespace
{

// What a merge moves, in this order (a project takes its time entries along).
constexpr std::array kMovedKinds = {
    RecordType::Contact, RecordType::Address,       RecordType::BankAccount, RecordType::Project,
    RecordType::Task,    RecordType::PurchaseOrder, RecordType::Invoice,     RecordType::Deal,
    RecordType::File,    RecordType::Note};

using PairSet = std::set<std::pair<std::int64_t, std::int64_t>>;

// The clients each search of an as-you-type check brings as candidates, best matches first.
constexpr std::size_t kNearCandidates = 30;
// A match this strong (the same tax ID, or a name with more evidence) is not outranked by a
// candidate only a typo search would find.
constexpr int kStrongMatch = 90;

PairSet notDuplicateSet(StoreReader& tx)
{
    const auto pairs = tx.notDuplicatePairs();
    return PairSet(pairs.begin(), pairs.end());
}

bool marked(const PairSet& marks, std::int64_t a, std::int64_t b)
{
    return marks.contains({std::min(a, b), std::max(a, b)});
}

// The letters and digits of a value, folded: "Fusión Deshecha, S.L." and "FUSION DESHECHA SL"
// alike.
std::string squashed(const std::string& value)
{
    std::string out;
    for (char c : foldForSearch(value))
        if (c != ' ')
            out += c;
    return out;
}

// Index of the client whose value of `field` a merge keeps by default (clients[0] stays): a
// filled value over an empty one; of two that differ only in case, accents or punctuation,
// the earlier one (the client that stays first); the one that says more; the newest.
std::size_t defaultSource(const std::vector<Client>& clients, Field field)
{
    std::size_t pick = 0;
    for (std::size_t i = 1; i < clients.size(); ++i)
    {
        const std::string& current = clients[pick].value(field);
        const std::string& other = clients[i].value(field);
        if (other.empty() || other == current)
            continue;
        if (current.empty())
        {
            pick = i;
            continue;
        }
        // The same tax ID in another spelling, the same value in another case: the earlier.
        if (field == Field::TaxId && normalizeTaxId(current, clients[pick].country) ==
                                         normalizeTaxId(other, clients[i].country))
            continue;
        const std::string a = squashed(current);
        const std::string b = squashed(other);
        if (a == b)
            continue;
        if ((a.find(b) != std::string::npos) != (b.find(a) != std::string::npos))
            pick = b.find(a) != std::string::npos ? i : pick; // the one that says more
        else if (std::tie(clients[i].updatedAt, clients[i].id) >
                 std::tie(clients[pick].updatedAt, clients[pick].id))
            pick = i; // the newer; saved in the same millisecond, the one created later
    }
    return pick;
}

// The notes of all the clients, each once, one after the other.
std::string joinedNotes(const std::vector<Client>& clients)
{
    std::string joined;
    std::set<std::string> seen;
    for (const Client& client : clients)
    {
        if (client.notes.empty() || !seen.insert(foldForSearch(client.notes)).second)
            continue;
        joined += (joined.empty() ? "" : "\n") + client.notes;
    }
    return joined;
}

std::string allTags(const std::vector<Client>& clients)
{
    std::vector<std::string> tags;
    for (const Client& client : clients)
        for (std::string& tag : client.tagList())
            tags.push_back(std::move(tag));
    return joinTags(tags); // tidying drops the ones that fold alike
}

std::string combined(const std::vector<Client>& clients, Field field)
{
    return field == Field::Tags ? allTags(clients) : joinedNotes(clients);
}

// The fields that may combine the values of all the clients (choice 0).
bool combinable(Field field)
{
    return field == Field::Tags || field == Field::Notes;
}

std::map<Field, std::int64_t> defaultChoices(const std::vector<Client>& clients)
{
    std::map<Field, std::int64_t> choices;
    for (Field field : allFields())
    {
        if (field == Field::Code)
            continue;
        if (combinable(field))
        {
            const std::string all = combined(clients, field);
            const auto same = std::find_if(clients.begin(), clients.end(),
                                           [&](const Client& c) { return c.value(field) == all; });
            choices[field] = same == clients.end() ? 0 : same->id;
            continue;
        }
        choices[field] = clients[defaultSource(clients, field)].id;
    }
    return choices;
}

// The client that stays (clients[0]) with the chosen values.
Client applyChoices(const std::vector<Client>& clients,
                    const std::map<Field, std::int64_t>& choices)
{
    Client result = clients.front();
    for (const auto& [field, chosen] : choices)
    {
        const std::int64_t source = chosen; // a binding is not captured by clang 14's lambdas
        if (field == Field::Code)
            continue;
        if (source == 0)
        {
            if (combinable(field))
                result.value(field) = combined(clients, field);
            continue;
        }
        const auto from = std::find_if(clients.begin(), clients.end(),
                                       [&](const Client& c) { return c.id == source; });
        if (from == clients.end())
            throw std::invalid_argument("the value of " + std::string(fieldName(field)) +
                                        " must come from one of the merged clients");
        result.value(field) = from->value(field);
    }
    tidy(result); // tags that fold alike once
    return result;
}

// The clients of a merge as stored, the one that stays first. Throws NotFound, MergeRefused.
std::vector<Client> mergeClientsOf(StoreReader& tx, std::int64_t keepId,
                                   const std::vector<std::int64_t>& mergedIds)
{
    std::set<std::int64_t> distinct(mergedIds.begin(), mergedIds.end());
    if (mergedIds.empty() || distinct.size() != mergedIds.size() || distinct.contains(keepId))
        throw MergeRefused(MergeRefused::Reason::NothingToMerge, std::to_string(keepId));
    std::vector<Client> clients;
    clients.push_back(tx.client(keepId).value_or(Client{}));
    for (const std::int64_t id : mergedIds)
        clients.push_back(tx.client(id).value_or(Client{}));
    for (std::size_t i = 0; i < clients.size(); ++i)
    {
        if (clients[i].id == 0)
            throw NotFound("id " + std::to_string(i == 0 ? keepId : mergedIds[i - 1]));
        if (clients[i].archived)
        {
            std::string into;
            if (const auto merge = tx.mergeOf(clients[i].id))
                if (const auto keep = tx.client(merge->keepId))
                    into = keep->code;
            throw MergeRefused(MergeRefused::Reason::Archived, clients[i].code, into);
        }
    }
    return clients;
}

} // namespace

// ---------------------------------------------------------------------------- finding

std::vector<DuplicateCandidates> Register::findDuplicates(const DuplicateOptions& options,
                                                          WorkProgress* progress)
{
    return impl_->read(
        [&](StoreReader& tx)
        {
            const auto total = static_cast<std::size_t>(tx.countClients(false));
            RowTicker ticker(progress, WorkStage::Loading, total, 4096);
            if (progress)
                progress->report(WorkStage::Loading, 0, total);
            DuplicateIndex index;
            std::size_t read = 0;
            tx.forEachClient(
                [&](Client&& client)
                {
                    if (client.archived)
                        return;
                    ticker.tick(read++);
                    index.add(client);
                });
            stopIfCancelled(progress);
            const PairSet marks = notDuplicateSet(tx);
            std::vector<DuplicatePair> pairs = index.pairs(std::clamp(options.minScore, 0, 100));
            std::erase_if(pairs, [&](const DuplicatePair& p) { return marked(marks, p.a, p.b); });
            std::vector<DuplicateGroup> groups = groupPairs(std::move(pairs));
            if (!options.codes.empty())
            {
                std::set<std::int64_t> wanted;
                for (const std::string& code : options.codes)
                    if (const auto client = impl_->byCode(tx, code))
                        wanted.insert(client->id);
                std::erase_if(groups,
                              [&](const DuplicateGroup& group)
                              {
                                  return std::none_of(
                                      group.clientIds.begin(), group.clientIds.end(),
                                      [&](std::int64_t id) { return wanted.contains(id); });
                              });
            }
            if (options.limit != 0 && groups.size() > options.limit)
                groups.resize(options.limit);
            std::vector<DuplicateCandidates> result;
            result.reserve(groups.size());
            for (DuplicateGroup& group : groups)
            {
                DuplicateCandidates candidates;
                for (const std::int64_t id : group.clientIds)
                    if (auto client = tx.client(id))
                        candidates.clients.push_back(std::move(*client));
                candidates.pairs = std::move(group.pairs);
                candidates.score = group.score;
                result.push_back(std::move(candidates));
            }
            if (progress)
                progress->report(WorkStage::Loading, total, total);
            return result;
        });
}

std::vector<DuplicateMatch> Register::nearMatches(const Client& draft, int minScore,
                                                  std::size_t limit)
{
    Client typed = draft;
    tidy(typed);
    const MatchKeys keys = matchKeys(typed);
    return impl_->read(
        [&](StoreReader& tx)
        {
            // The candidates, strongest evidence first: the same tax ID, the e-mail, the
            // clients whose names hold all the draft's words, then those holding one of its two
            // longest words by its first four letters (for a typo further on). Those last are
            // the slower searches, skipped once `limit` matches are so strong (kStrongMatch)
            // that a typo's candidate could not rank above them.
            const PairSet marks = typed.id != 0 ? notDuplicateSet(tx) : PairSet{};
            std::set<std::int64_t> seen{typed.id};
            std::vector<DuplicateMatch> matches;
            const auto consider = [&](std::int64_t id)
            {
                if (!seen.insert(id).second || (typed.id != 0 && marked(marks, typed.id, id)))
                    return;
                std::optional<Client> client = tx.client(id);
                if (!client || client->archived)
                    return;
                DuplicateScore score = scoreDuplicate(keys, matchKeys(*client));
                if (score.score >= minScore)
                    matches.push_back({std::move(*client), std::move(score)});
            };
            if (!keys.taxId.empty())
                for (const Client& client : tx.clientsByTaxId(keys.taxId))
                    consider(client.id);
            if (!keys.email.empty())
                for (const ClientSummary& row : tx.search(keys.email, false, kNearCandidates).rows)
                    consider(row.id);
            std::vector<std::string> prefixes;
            for (const FirmName& name : keys.names)
            {
                if (name.tokens.empty())
                    continue;
                for (const std::int64_t id : tx.nameCandidates(name.text, false, kNearCandidates))
                    consider(id);
                // The two longest words (the rarest, as a rule) by their first letters.
                std::vector<std::string> words = name.tokens;
                std::stable_sort(words.begin(), words.end(),
                                 [](const std::string& x, const std::string& y)
                                 { return x.size() > y.size(); });
                for (std::size_t i = 0; i < words.size() && i < 2; ++i)
                    if (words[i].size() >= 4)
                        prefixes.push_back(words[i].substr(0, 4));
            }
            const auto strongEnough = [&]
            {
                return std::count_if(matches.begin(), matches.end(),
                                     [](const DuplicateMatch& match) {
                                         return match.score.score >= kStrongMatch;
                                     }) >= static_cast<std::ptrdiff_t>(limit);
            };
            std::set<std::string> asked;
            for (const std::string& prefix : prefixes)
                if (!strongEnough() && asked.insert(prefix).second)
                    for (const std::int64_t id : tx.nameCandidates(prefix, true, kNearCandidates))
                        consider(id);
            std::sort(matches.begin(), matches.end(),
                      [](const DuplicateMatch& x, const DuplicateMatch& y)
                      {
                          return x.score.score != y.score.score ? x.score.score > y.score.score
                                                                : x.client.id < y.client.id;
                      });
            if (matches.size() > limit)
                matches.resize(limit);
            return matches;
        });
}

void Register::markNotDuplicates(std::int64_t a, std::int64_t b)
{
    if (a == b)
        throw std::invalid_argument("a client is not its own duplicate");
    impl_->write(
        [&](StoreWriter& tx)
        {
            for (const std::int64_t id : {a, b})
                if (!tx.client(id))
                    throw NotFound("id " + std::to_string(id));
            tx.markNotDuplicates(a, b, nowUtcIso());
        });
}

// ---------------------------------------------------------------------------- merging

MergePlan Register::planMerge(std::int64_t keepId, const std::vector<std::int64_t>& mergedIds,
                              const std::map<Field, std::int64_t>& choices)
{
    return impl_->read(
        [&](StoreReader& tx)
        {
            MergePlan plan;
            plan.clients = mergeClientsOf(tx, keepId, mergedIds);
            plan.choices = defaultChoices(plan.clients);
            for (const auto& [field, source] : choices)
                plan.choices[field] = source;
            plan.result = applyChoices(plan.clients, plan.choices);
            for (std::size_t i = 1; i < plan.clients.size(); ++i)
                plan.moved += impl_->linkedRecords(tx, plan.clients[i].id);
            return plan;
        });
}

MergeResult Register::mergeClients(const MergeRequest& request)
{
    impl_->requireAdmin();
    return impl_->write(
        [&](StoreWriter& tx)
        {
            const std::vector<Client> clients =
                mergeClientsOf(tx, request.keepId, request.mergedIds);
            for (const Client& client : clients)
            {
                const auto expected = request.versions.find(client.id);
                if (expected != request.versions.end() && expected->second != client.version)
                    impl_->clientConflict(tx, client.id);
            }
            std::map<Field, std::int64_t> choices = defaultChoices(clients);
            for (const auto& [field, source] : request.choices)
                choices[field] = source;
            Client chosen = applyChoices(clients, choices);
            checkClient(chosen);

            const std::string now = nowUtcIso();
            const Client& keep = clients.front();
            MergeInfo merge;
            merge.keepId = keep.id;
            merge.at = now;
            // Every record of the merged clients to the one that stays, activity last (so
            // that the entries written below stay where they are written).
            for (std::size_t i = 1; i < clients.size(); ++i)
                for (const RecordType kind : kMovedKinds)
                {
                    const std::vector<std::int64_t> ids = tx.ownedIds(kind, clients[i].id);
                    tx.moveRecords(kind, ids, keep.id, now);
                    for (const std::int64_t id : ids)
                        merge.records.push_back({kind, id, clients[i].id});
                }

            std::vector<ActivityEntry> entries;
            Client kept =
                impl_->rewriteClient(tx, chosen, keep, now, ActivityKind::Merged, {}, entries);
            merge.changes = entries.back().changes;
            std::string mergedCodes;
            for (std::size_t i = 1; i < clients.size(); ++i)
            {
                Client archived = clients[i];
                archived.archived = true;
                archived.version = clients[i].version + 1;
                archived.updatedAt = now;
                if (!tx.updateClient(archived, clients[i]))
                    impl_->clientConflict(tx, archived.id);
                merge.merged.push_back({archived.id, archived.version});
                ActivityEntry entry;
                entry.clientId = archived.id;
                entry.at = now;
                entry.kind = ActivityKind::Merged;
                entry.label = keep.code;
                entry.changes = {{std::string(kArchivedChange), "false", "true"}};
                entries.push_back(std::move(entry));
                mergedCodes += (mergedCodes.empty() ? "" : ", ") + clients[i].code;
            }
            entries.front().label = mergedCodes;
            tx.insertMerge(merge);
            for (ActivityEntry& entry : entries)
                entry.recordId = merge.id;
            tx.appendActivity(entries);
            return MergeResult{merge.id, std::move(kept), merge.records.size()};
        });
}

MergeUndoResult Register::undoMerge(std::int64_t mergeId)
{
    impl_->requireAdmin();
    return impl_->write(
        [&](StoreWriter& tx)
        {
            const std::optional<MergeInfo> merge = tx.merge(mergeId);
            if (!merge)
                throw NotFound("merge", mergeId);
            if (!merge->undoneAt.empty())
                throw MergeRefused(MergeRefused::Reason::AlreadyUndone, std::to_string(mergeId));
            std::vector<MergeUndoConflict> conflicts;
            using Reason = MergeUndoConflict::Reason;
            const std::optional<Client> keep = tx.client(merge->keepId);
            if (!keep)
                conflicts.push_back(
                    {Reason::ClientGone, "id " + std::to_string(merge->keepId), {}});
            else
                for (const FieldChange& change : merge->changes)
                {
                    const auto field = fieldFromName(change.field);
                    if (field && keep->value(*field) != change.newValue)
                        conflicts.push_back({Reason::FieldChanged, keep->code, change.field});
                }
            std::vector<Client> merged;
            for (const MergedClient& item : merge->merged)
            {
                std::optional<Client> client = tx.client(item.clientId);
                if (!client)
                    conflicts.push_back(
                        {Reason::ClientGone, "id " + std::to_string(item.clientId), {}});
                else if (client->version != item.version || !client->archived)
                    conflicts.push_back({Reason::ClientChanged, client->code, {}});
                else
                    merged.push_back(std::move(*client));
            }
            // Where each moved record is now.
            std::map<RecordType, std::set<std::int64_t>> owned;
            if (keep)
                for (const RecordType kind : kMovedKinds)
                {
                    const auto ids = tx.ownedIds(kind, keep->id);
                    owned[kind] = std::set<std::int64_t>(ids.begin(), ids.end());
                }
            std::map<std::pair<RecordType, std::int64_t>, std::vector<std::int64_t>> back;
            for (const MergedRecord& record : merge->records)
            {
                if (owned[record.kind].contains(record.id))
                {
                    back[{record.kind, record.fromClient}].push_back(record.id);
                    continue;
                }
                bool exists = false;
                if (record.kind == RecordType::File)
                    exists = tx.file(record.id).has_value();
                else if (record.kind != RecordType::Note)
                    exists = tx.record(record.kind, record.id).has_value();
                conflicts.push_back({exists ? Reason::RecordElsewhere : Reason::RecordGone,
                                     keep ? keep->code : std::string(),
                                     {},
                                     record.kind,
                                     record.id});
            }
            if (!conflicts.empty())
                throw MergeUndoRefused(mergeId, std::move(conflicts));

            const std::string now = nowUtcIso();
            MergeUndoResult result;
            result.mergeId = mergeId;
            for (const auto& [where, ids] : back)
            {
                tx.moveRecords(where.first, ids, where.second, now);
                result.movedBack += ids.size();
            }
            std::vector<ActivityEntry> entries;
            Client restored = *keep;
            for (const FieldChange& change : merge->changes)
                if (const auto field = fieldFromName(change.field))
                    restored.value(*field) = change.oldValue;
            impl_->rewriteClient(tx, restored, *keep, now, ActivityKind::MergeUndone, {}, entries);
            for (const Client& client : merged)
            {
                Client back = client;
                back.archived = false;
                back.version = client.version + 1;
                back.updatedAt = now;
                if (!tx.updateClient(back, client))
                    impl_->clientConflict(tx, client.id);
                ActivityEntry entry;
                entry.clientId = client.id;
                entry.at = now;
                entry.kind = ActivityKind::MergeUndone;
                entry.label = keep->code;
                entry.changes = {{std::string(kArchivedChange), "true", "false"}};
                entries.push_back(std::move(entry));
                ++result.restoredClients;
            }
            std::string codes;
            for (const Client& client : merged)
                codes += (codes.empty() ? "" : ", ") + client.code;
            entries.front().label = codes;
            for (ActivityEntry& entry : entries)
                entry.recordId = mergeId;
            tx.appendActivity(entries);
            tx.markMergeUndone(mergeId, now);
            return result;
        });
}

std::optional<MergeInfo> Register::merge(std::int64_t mergeId)
{
    return impl_->read([&](StoreReader& tx) { return tx.merge(mergeId); });
}

std::optional<MergeInfo> Register::mergeOf(std::int64_t clientId)
{
    return impl_->read([&](StoreReader& tx) { return tx.mergeOf(clientId); });
}

} // namespace clientes
