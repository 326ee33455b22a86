// Copying one register into another (register_copy.hpp): the source is read whole in one
// read unit, then the copy is planned against the target and written in one write unit of it
// (planned again there, so that what is written follows what the target holds in that unit).

#include "core/register/register_copy.hpp"

#include "core/model/record_kinds.hpp"
#include "core/register/register_internal.hpp"
#include "core/rules/dates.hpp"
#include "core/rules/validation.hpp"
#include "core/text/ascii.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>

namespace clientes
{

// The registers' insides, for the copy alone.
struct RegisterCopyAccess
{
    static Register::Impl& impl(Register& owner) { return *owner.impl_; }
};

CopyConflictError::CopyConflictError(std::vector<CopyConflict> list)
    : std::runtime_error(std::to_string(list.size()) +
                         " record(s) cannot be copied: the target has the same invoice number "
                         "for another client"),
      conflicts(std::move(list))
{
}

namespace
{

using Progress = std::function<void(std::size_t, std::size_t)>;

// Tells `progress` about every step, or about one in many when there are many.
class Ticker
{
public:
    explicit Ticker(Progress progress) : progress_(std::move(progress)) {}
    // Each client of the source is read, planned and written: three steps.
    void setClients(std::size_t clients)
    {
        total_ = std::max<std::size_t>(3 * clients, 1);
        every_ = std::max<std::size_t>(1, total_ / 200);
    }
    void operator()(std::size_t done) const
    {
        if (progress_ && (done % every_ == 0 || done >= total_))
            progress_(std::min(done, total_), total_);
    }
    std::size_t total() const { return total_; }

private:
    Progress progress_;
    std::size_t total_ = 1;
    std::size_t every_ = 1;
};

// ------------------------------------------------------------------------- the source

struct SourceClient
{
    Client client;
    // Contacts, projects, their time entries, tasks, purchase orders, invoices, deals; each
    // kind in id order (the order they were added), time entries after every project.
    std::vector<AnyRecord> records;
    std::vector<FileInfo> files;         // in id order
    std::vector<ActivityEntry> activity; // oldest first
};

struct Source
{
    std::string path; // the batchId of the copy's entries
    std::string name; // their label
    std::vector<SourceClient> clients;
    std::size_t rows = 0; // everything there is to copy
};

constexpr RecordType kClientRecordKinds[] = {
    RecordType::Contact, RecordType::Address,       RecordType::BankAccount, RecordType::Project,
    RecordType::Task,    RecordType::PurchaseOrder, RecordType::Invoice,     RecordType::Deal};

std::int64_t idOf(const AnyRecord& record)
{
    return std::visit([](const auto& r) { return r.id; }, record);
}

void sortById(std::vector<AnyRecord>& records)
{
    std::sort(records.begin(), records.end(),
              [](const AnyRecord& a, const AnyRecord& b) { return idOf(a) < idOf(b); });
}

Source readSource(Register::Impl& from, Ticker& tick)
{
    Source source;
    source.path = from.path.string();
    source.name = from.path.filename().string();
    if (source.name.empty())
        source.name = source.path;
    from.read(
        [&](StoreReader& tx)
        {
            source.clients.clear();
            source.rows = 0;
            tx.forEachClient(
                [&](Client&& client) {
                    source.clients.push_back({std::move(client), {}, {}, {}});
                });
            tick.setClients(source.clients.size());
            tick(0);
            for (std::size_t i = 0; i < source.clients.size(); ++i)
            {
                SourceClient& one = source.clients[i];
                const std::int64_t id = one.client.id;
                for (RecordType kind : kClientRecordKinds)
                {
                    std::vector<AnyRecord> records = tx.records(kind, id);
                    sortById(records);
                    std::vector<AnyRecord> entries;
                    if (kind == RecordType::Project)
                        for (const AnyRecord& project : records)
                            for (AnyRecord& entry :
                                 tx.records(RecordType::TimeEntry, idOf(project)))
                                entries.push_back(std::move(entry));
                    sortById(entries);
                    for (AnyRecord& record : records)
                        one.records.push_back(std::move(record));
                    for (AnyRecord& entry : entries)
                        one.records.push_back(std::move(entry));
                }
                one.files = tx.files(id);
                std::sort(one.files.begin(), one.files.end(),
                          [](const FileInfo& a, const FileInfo& b) { return a.id < b.id; });
                std::vector<ActivityEntry> newestFirst = tx.activity(id, SIZE_MAX, 0).entries;
                one.activity.assign(std::make_move_iterator(newestFirst.rbegin()),
                                    std::make_move_iterator(newestFirst.rend()));
                source.rows += 1 + one.records.size() + one.files.size() + one.activity.size();
                tick(i + 1);
            }
        });
    return source;
}

// ------------------------------------------------------------------------- content keys
// What makes two records "the same" for the copy: their data fields (no ids, stamps or
// versions), as text.

std::string valueText(const FieldValue& value)
{
    return std::visit(
        [](const auto& v) -> std::string
        {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, std::string>)
                return v;
            else if constexpr (std::is_same_v<V, double>)
            {
                char buffer[40];
                std::snprintf(buffer, sizeof buffer, "%.17g", v);
                return buffer;
            }
            else if constexpr (std::is_same_v<V, bool>)
                return v ? "1" : "0";
            else
                return std::to_string(v);
        },
        value);
}

constexpr char kSeparator = '\x1f';

template <typename R> std::string contentKey(const R& record)
{
    std::string key(recordTypeName(recordKind<R>));
    for (const FieldOf<R>& field : kindOf<R>().fields)
        if (field.role == FieldRole::Data && field.get != nullptr)
        {
            key += kSeparator;
            key += valueText(field.get(record));
        }
    return key;
}

std::string fileKey(const FileInfo& file)
{
    return file.sha256 + kSeparator + file.name;
}

std::string activityKey(const ActivityEntry& entry)
{
    std::string key = entry.at;
    key += kSeparator;
    key += activityKindName(entry.kind);
    key += kSeparator;
    if (entry.record)
        key += recordTypeName(*entry.record);
    key += kSeparator;
    key += entry.label;
    key += kSeparator;
    key += entry.text;
    for (const FieldChange& change : entry.changes)
    {
        key += kSeparator;
        key += change.field;
        key += '\x1e';
        key += change.oldValue;
        key += '\x1e';
        key += change.newValue;
    }
    return key;
}

// A client-level entry of the source (created, updated, imported…) names the client by its
// source code; in the target it names it by the target's code.
ActivityEntry relabelled(ActivityEntry entry, const std::string& sourceCode,
                         const std::string& targetCode)
{
    if (!entry.record && entry.label == sourceCode && !targetCode.empty())
        entry.label = targetCode;
    return entry;
}

// ------------------------------------------------------------------------- the plan

// A client of the target the copy writes to: one that exists (loaded with what it has), or
// one the copy creates.
struct Target
{
    Client stored;  // as stored (created: the source client; its id and code once inserted)
    Client current; // with the fills planned so far
    bool created = false;
    // What it has, by content key: the ids of the records not matched yet.
    std::unordered_map<std::string, std::vector<std::int64_t>> records;
    std::unordered_set<std::string> invoiceNumbers; // upper case
    std::unordered_map<std::string, std::size_t> files;
    std::unordered_map<std::string, std::size_t> activity;
};

void loadTarget(StoreReader& tx, Target& target)
{
    const std::int64_t id = target.stored.id;
    for (RecordType kind : kClientRecordKinds)
        for (const AnyRecord& any : tx.records(kind, id))
            std::visit(
                [&](const auto& record)
                {
                    using R = std::decay_t<decltype(record)>;
                    if constexpr (std::is_same_v<R, Invoice>)
                        target.invoiceNumbers.insert(upperAscii(record.number));
                    else
                        target.records[contentKey(record)].push_back(record.id);
                    if constexpr (std::is_same_v<R, Project>)
                        for (const AnyRecord& entry : tx.records(RecordType::TimeEntry, record.id))
                            target
                                .records[std::to_string(record.id) + kSeparator +
                                         contentKey(std::get<TimeEntry>(entry))]
                                .push_back(idOf(entry));
                },
                any);
    for (const FileInfo& file : tx.files(id))
        ++target.files[fileKey(file)];
    for (const ActivityEntry& entry : tx.activity(id, SIZE_MAX, 0).entries)
        ++target.activity[activityKey(entry)];
}

// Takes one of the target's items with that key, if any is left.
bool takeOne(std::unordered_map<std::string, std::size_t>& counts, const std::string& key)
{
    const auto found = counts.find(key);
    if (found == counts.end() || found->second == 0)
        return false;
    --found->second;
    return true;
}

// What the copy does for one client of the source.
struct Step
{
    std::size_t target = 0;
    Client merged;                     // Merge: the target client with its fills
    std::vector<std::size_t> records;  // indices of SourceClient::records to copy
    std::vector<std::size_t> files;    // … of SourceClient::files
    std::vector<std::size_t> activity; // … of SourceClient::activity
    // Projects of the source already in the target: source id → target id.
    std::unordered_map<std::int64_t, std::int64_t> matchedProjects;
    bool copyEntry = false; // anything copied: the copy's Imported entry
};

struct Planned
{
    RegisterCopyPlan plan;
    std::vector<Target> targets;
    std::vector<Step> steps; // one per client of the source
};

bool sameTaxId(const Client& a, const Client& b)
{
    return normalizeTaxId(a.taxId, a.country) == normalizeTaxId(b.taxId, b.country);
}

// Fills the empty fields of target.current from `from` (tags: joined); lists what it filled
// and what the target keeps.
void planFields(const Client& from, Target& target, Step& step, CopyClient& row)
{
    const Client& server = target.current;
    Client merged = server;
    for (Field field : allFields())
    {
        if (field == Field::Code)
            continue;
        const std::string& mine = from.value(field);
        const std::string& theirs = server.value(field);
        if (mine.empty() || mine == theirs)
            continue;
        const std::string name(fieldName(field));
        if (field == Field::Tags)
        {
            Client joined;
            joined.tags = theirs.empty() ? mine : theirs + ", " + mine;
            tidy(joined); // drops the tags both have (ignoring case and accents)
            if (joined.tags != theirs)
            {
                merged.tags = joined.tags;
                row.filledFields.push_back(name);
            }
        }
        else if (theirs.empty())
        {
            merged.value(field) = mine;
            row.filledFields.push_back(name);
        }
        else if (field != Field::TaxId || !sameTaxId(from, server))
            row.keptServerFields.push_back(name);
    }
    // A fill that would make the client invalid (tags too long together) is left out.
    for (const FieldIssue& issue : validate(merged))
    {
        const std::string name(fieldName(issue.field));
        const auto filled = std::find(row.filledFields.begin(), row.filledFields.end(), name);
        if (filled == row.filledFields.end())
            continue;
        merged.value(issue.field) = server.value(issue.field);
        row.filledFields.erase(filled);
    }
    if (row.filledFields.empty())
        return;
    row.action = CopyClient::Action::Merge;
    target.current = merged;
    step.merged = std::move(merged);
}

void planRecords(StoreReader& tx, const SourceClient& from, Target& target, Step& step,
                 std::vector<CopyConflict>& conflicts)
{
    for (std::size_t i = 0; i < from.records.size(); ++i)
        std::visit(
            [&](const auto& record)
            {
                using R = std::decay_t<decltype(record)>;
                if constexpr (std::is_same_v<R, Invoice>)
                {
                    // The same number on the same client: there. On another: a conflict.
                    const std::string number = upperAscii(record.number);
                    if (target.invoiceNumbers.contains(number))
                        return;
                    if (const std::optional<Invoice> other = tx.invoiceByNumber(record.number))
                        if (target.created || other->clientId != target.stored.id)
                        {
                            const std::optional<Client> owner = tx.client(other->clientId);
                            conflicts.push_back({from.client.code, RecordType::Invoice,
                                                 record.number, owner ? owner->code : ""});
                            return;
                        }
                    target.invoiceNumbers.insert(number);
                    step.records.push_back(i);
                }
                else
                {
                    std::string key = contentKey(record);
                    if constexpr (std::is_same_v<R, TimeEntry>)
                    {
                        const auto project = step.matchedProjects.find(record.projectId);
                        if (project == step.matchedProjects.end())
                        {
                            step.records.push_back(i); // its project is copied now
                            return;
                        }
                        key = std::to_string(project->second) + kSeparator + key;
                    }
                    const auto found = target.records.find(key);
                    if (found == target.records.end() || found->second.empty())
                    {
                        step.records.push_back(i);
                        return;
                    }
                    if constexpr (std::is_same_v<R, Project>)
                        step.matchedProjects.emplace(record.id, found->second.front());
                    found->second.erase(found->second.begin());
                }
            },
            from.records[i]);
}

Planned planCopy(StoreReader& tx, const Source& source, const Ticker& tick, std::size_t done)
{
    Planned out;
    out.plan.clients.reserve(source.clients.size());
    out.steps.reserve(source.clients.size());

    // The target's clients that carry a uuid of the source (created by an earlier copy).
    std::unordered_set<std::string> uuids;
    for (const SourceClient& one : source.clients)
        if (!one.client.uuid.empty())
            uuids.insert(one.client.uuid);
    std::unordered_map<std::string, Client> byUuid;
    tx.forEachClient(
        [&](Client&& client)
        {
            if (uuids.contains(client.uuid))
                byUuid.emplace(client.uuid, std::move(client));
        });

    std::unordered_map<std::int64_t, std::size_t> targetOf; // target client id → targets
    for (std::size_t i = 0; i < source.clients.size(); ++i)
    {
        const SourceClient& one = source.clients[i];
        CopyClient row;
        row.fileCode = one.client.code;
        row.legalName = one.client.legalName;
        row.taxId = one.client.taxId;
        row.archived = one.client.archived;
        Step step;

        std::optional<Client> match;
        if (const auto found = byUuid.find(one.client.uuid);
            !one.client.uuid.empty() && found != byUuid.end())
            match = found->second;
        else if (const std::string taxId = normalizeTaxId(one.client.taxId, one.client.country);
                 !taxId.empty())
        {
            std::vector<Client> candidates = tx.clientsByTaxId(taxId); // active ones first
            if (!candidates.empty())
                match = std::move(candidates.front());
        }

        if (match)
        {
            auto [at, added] = targetOf.emplace(match->id, out.targets.size());
            if (added)
            {
                Target target;
                target.stored = *match;
                target.current = *match;
                loadTarget(tx, target);
                out.targets.push_back(std::move(target));
            }
            step.target = at->second;
            Target& target = out.targets[step.target];
            row.action = CopyClient::Action::AlreadyThere;
            row.serverCode = target.stored.code;
            row.serverLegalName = target.stored.legalName;
            planFields(one.client, target, step, row);
        }
        else
        {
            Target target;
            target.created = true;
            target.stored = one.client;
            target.current = one.client;
            step.target = out.targets.size();
            out.targets.push_back(std::move(target));
            row.action = CopyClient::Action::Create;
        }

        Target& target = out.targets[step.target];
        planRecords(tx, one, target, step, out.plan.conflicts);
        for (std::size_t f = 0; f < one.files.size(); ++f)
            if (!takeOne(target.files, fileKey(one.files[f])))
                step.files.push_back(f);
        for (std::size_t a = 0; a < one.activity.size(); ++a)
        {
            const ActivityEntry entry =
                relabelled(one.activity[a], one.client.code, target.stored.code);
            if (!takeOne(target.activity, activityKey(entry)))
                step.activity.push_back(a);
        }

        row.records = static_cast<std::int64_t>(step.records.size());
        row.files = static_cast<std::int64_t>(step.files.size());
        row.activity = static_cast<std::int64_t>(step.activity.size());
        step.copyEntry = row.action != CopyClient::Action::AlreadyThere || row.records > 0 ||
                         row.files > 0 || row.activity > 0;

        CopyCounts& counts = out.plan.counts;
        switch (row.action)
        {
        case CopyClient::Action::Create:
            ++counts.created;
            break;
        case CopyClient::Action::Merge:
            ++counts.merged;
            break;
        case CopyClient::Action::AlreadyThere:
            ++counts.alreadyThere;
            break;
        }
        counts.records += row.records;
        counts.files += row.files;
        counts.activity += row.activity;
        counts.fieldsFilled += static_cast<std::int64_t>(row.filledFields.size());
        out.plan.clients.push_back(std::move(row));
        out.steps.push_back(std::move(step));
        tick(done + i + 1);
    }
    return out;
}

// ------------------------------------------------------------------------- the copy

void applyCopy(StoreWriter& tx, Register::Impl& impl, Register& from, const Source& source,
               Planned& planned, const Ticker& tick, std::size_t done)
{
    const std::string now = nowUtcIso();

    // The new clients in one go, with the source's uuid, stamps and archived state; their
    // codes from the target's counter.
    std::vector<Client> created;
    std::vector<std::size_t> createdTargets;
    for (std::size_t t = 0; t < planned.targets.size(); ++t)
        if (planned.targets[t].created)
        {
            Client client = planned.targets[t].stored;
            client.id = 0;
            client.code.clear();
            client.version = 1;
            if (client.uuid.empty()) // none in the source: a new one
                client.uuid = impl.newUuid();
            created.push_back(std::move(client));
            createdTargets.push_back(t);
        }
    if (!created.empty())
        tx.insertClients(created);
    for (std::size_t c = 0; c < created.size(); ++c)
        planned.targets[createdTargets[c]].stored = std::move(created[c]);

    std::vector<ActivityEntry> entries;
    for (std::size_t i = 0; i < source.clients.size(); ++i)
    {
        const SourceClient& one = source.clients[i];
        const Step& step = planned.steps[i];
        Target& target = planned.targets[step.target];
        CopyClient& row = planned.plan.clients[i];
        const std::int64_t clientId = target.stored.id;
        if (row.action == CopyClient::Action::Create)
            row.serverCode = target.stored.code;

        // Records, then files: the source's ids → the target's, for time entries and the
        // activity's recordId.
        std::map<std::pair<RecordType, std::int64_t>, std::int64_t> copiedIds;
        std::unordered_map<std::int64_t, std::int64_t> projects = step.matchedProjects;
        for (std::size_t index : step.records)
        {
            AnyRecord record = one.records[index];
            const RecordType kind = kindOf(record);
            const std::int64_t sourceId = idOf(record);
            std::visit(
                [&](auto& r)
                {
                    r.id = 0;
                    r.clientId = clientId;
                    if constexpr (std::is_same_v<std::decay_t<decltype(r)>, TimeEntry>)
                        r.projectId = projects.at(r.projectId);
                },
                record);
            tx.insertRecord(record);
            copiedIds[{kind, sourceId}] = idOf(record);
            if (kind == RecordType::Project)
                projects[sourceId] = idOf(record);
        }
        for (std::size_t index : step.files)
        {
            FileInfo file = one.files[index];
            // Read from the source now, one file at a time (up to 50 MB each).
            const std::vector<std::uint8_t> bytes = from.fileBytes(file.id);
            if (bytes.size() > static_cast<std::uint64_t>(kMaxFileBytes))
                throw FileTooLarge(file.name, static_cast<std::int64_t>(bytes.size()),
                                   kMaxFileBytes);
            const std::int64_t sourceId = file.id;
            file.id = 0;
            file.clientId = clientId;
            file.size = static_cast<std::int64_t>(bytes.size());
            tx.insertFile(file, bytes);
            copiedIds[{RecordType::File, sourceId}] = file.id;
        }

        // The source's entries, oldest first, then the fill's Updated entry and the copy's
        // own.
        for (std::size_t index : step.activity)
        {
            ActivityEntry entry =
                relabelled(one.activity[index], one.client.code, target.stored.code);
            entry.id = 0;
            entry.clientId = clientId;
            entry.user.clear();
            if (entry.record && *entry.record != RecordType::Note)
            {
                const auto copied = copiedIds.find({*entry.record, entry.recordId});
                entry.recordId = copied == copiedIds.end() ? 0 : copied->second;
            }
            entries.push_back(std::move(entry));
        }
        if (row.action == CopyClient::Action::Merge)
            target.stored = impl.rewriteClient(tx, step.merged, target.stored, now,
                                               ActivityKind::Updated, {}, entries);
        if (step.copyEntry)
        {
            ActivityEntry entry;
            entry.clientId = clientId;
            entry.at = now;
            entry.kind = ActivityKind::Imported;
            entry.label = source.name;
            entry.batchId = std::string(kCopyBatchPrefix) + source.path;
            entries.push_back(std::move(entry));
        }
        tick(done + i + 1);
    }
    if (!entries.empty())
        tx.appendActivity(entries);
}

// What is thrown out of a write unit that has nothing to write: the unit is rolled back
// (a server store counts every committed unit as a change).
struct NothingToWrite
{
    RegisterCopyPlan plan;
};

} // namespace

RegisterCopyPlan planRegisterCopy(Register& from, Register& to)
{
    if (&from == &to)
        throw std::invalid_argument("a register cannot be copied into itself");
    Ticker quiet({});
    const Source source = readSource(RegisterCopyAccess::impl(from), quiet);
    return RegisterCopyAccess::impl(to).read([&](StoreReader& tx)
                                             { return planCopy(tx, source, quiet, 0).plan; });
}

RegisterCopyPlan copyRegister(Register& from, Register& to, const Progress& progress)
{
    if (&from == &to)
        throw std::invalid_argument("a register cannot be copied into itself");
    Register::Impl& target = RegisterCopyAccess::impl(to);
    target.requireEdit();
    Ticker tick(progress);
    const Source source = readSource(RegisterCopyAccess::impl(from), tick);
    const std::size_t n = source.clients.size();
    try
    {
        RegisterCopyPlan report = target.write(
            [&](StoreWriter& tx)
            {
                Planned planned = planCopy(tx, source, tick, n);
                if (!planned.plan.conflicts.empty())
                    throw CopyConflictError(std::move(planned.plan.conflicts));
                if (!planned.plan.changesAnything())
                    throw NothingToWrite{std::move(planned.plan)};
                applyCopy(tx, target, from, source, planned, tick, 2 * n);
                return std::move(planned.plan);
            },
            WriteHints{source.rows, false});
        if (progress)
            progress(tick.total(), tick.total());
        return report;
    }
    catch (NothingToWrite& nothing)
    {
        if (progress)
            progress(tick.total(), tick.total());
        return std::move(nothing.plan);
    }
}

} // namespace clientes
