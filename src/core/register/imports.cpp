// The register: import batches — commits that write all rows or none and record what they
// wrote, the undo of the newest one (what it reverts, when it refuses), remembered mappings,
// and the lists exports read.

#include "core/model/record_kinds.hpp"
#include "core/register/register_internal.hpp"

#include "core/rules/validation.hpp"

#include <algorithm>

namespace clientes
{

namespace
{

std::string clientLabel(std::string_view code, std::string_view legalName)
{
    std::string label(code);
    if (!legalName.empty())
    {
        label += ' ';
        label += legalName;
    }
    return label;
}

// The batch's description before anything is written.
ImportCommitResult emptyResult(ImportKind kind, const std::string& source, std::size_t unchanged,
                               std::size_t skipped)
{
    ImportCommitResult result;
    result.batch.kind = kind;
    result.batch.source = source;
    result.batch.unchanged = unchanged;
    result.batch.skipped = skipped;
    return result;
}

} // namespace

// ------------------------------------------------------------------------- commits

std::string Register::Impl::insertBatch(StoreWriter& tx, ImportBatchInfo& batch)
{
    batch.at = nowUtcIso();
    batch.batchId = newUuid();
    tx.insertBatch(batch);
    return batch.at;
}

ImportCommitResult Register::commitClientImport(ClientImportCommit commit)
{
    checkClients(commit.creates);
    checkClients(commit.updates);
    ImportCommitResult result =
        emptyResult(ImportKind::Clients, commit.source, commit.unchanged, commit.skipped);
    if (commit.creates.empty() && commit.updates.empty() && commit.archives.empty() &&
        commit.contacts.empty() && commit.addresses.empty() && commit.bankAccounts.empty())
        return result; // nothing to write: the register stays exactly as it is
    if (!commit.archives.empty())
        impl_->requireAdmin();
    result.batch.created = commit.creates.size();
    result.batch.updated = commit.updates.size() + commit.archives.size();
    // The versions the plan was made from (the unit of work may run again: the clients to
    // update are rewritten in place).
    std::vector<std::int64_t> planned;
    planned.reserve(commit.updates.size());
    for (const Client& client : commit.updates)
        planned.push_back(client.version);

    impl_->write(
        [&](StoreWriter& tx)
        {
            const std::string now = impl_->insertBatch(tx, result.batch);
            std::vector<JournalClient> journal;
            journal.reserve(commit.updates.size() + commit.creates.size());
            // Updates: each an Imported entry listing the fields it changed (what an undo
            // gives back).
            std::vector<ActivityEntry> entries;
            entries.reserve(commit.updates.size());
            for (std::size_t i = 0; i < commit.updates.size(); ++i)
            {
                Client& client = commit.updates[i];
                std::optional<Client> stored = tx.client(client.id);
                if (!stored)
                    throw NotFound("id " + std::to_string(client.id));
                if (stored->version != planned[i])
                    throw ConflictError(impl_->path.string(), std::move(*stored));
                client =
                    impl_->rewriteClient(tx, std::move(client), *stored, now,
                                         ActivityKind::Imported, result.batch.batchId, entries);
                journal.push_back({client.id, false, client.version, 0});
            }
            // Archives: an Archived entry carrying the state it changed, so that an undo knows
            // what to give back.
            for (const Client& client : commit.archives)
            {
                std::optional<Client> stored = tx.client(client.id);
                if (!stored)
                    throw NotFound("id " + std::to_string(client.id));
                if (stored->version != client.version)
                    throw ConflictError(impl_->path.string(), std::move(*stored));
                if (stored->archived)
                    continue;
                Client after = *stored;
                after.archived = true;
                after.updatedAt = now;
                after.version = stored->version + 1;
                if (!tx.updateClient(after, *stored))
                    impl_->clientConflict(tx, stored->id);
                ActivityEntry entry;
                entry.clientId = after.id;
                entry.at = now;
                entry.kind = ActivityKind::Archived;
                entry.label = after.code;
                entry.batchId = result.batch.batchId;
                entry.changes.push_back({std::string(kArchivedChange), "false", "true"});
                entries.push_back(std::move(entry));
                journal.push_back({after.id, false, after.version, 0});
            }
            tx.appendActivity(entries);
            for (std::size_t i = 0; i < entries.size(); ++i)
                journal[i].activityId = entries[i].id;
            std::vector<std::int64_t> activityIds;
            impl_->createClients(tx, commit.creates, now, result.batch.batchId, &activityIds);
            result.createdIds.clear();
            result.createdIds.reserve(commit.creates.size());
            for (std::size_t i = 0; i < commit.creates.size(); ++i)
            {
                journal.push_back({commit.creates[i].id, true, 1, activityIds[i]});
                result.createdIds.push_back(commit.creates[i].id);
            }
            tx.addToJournal(result.batch.id, journal);
            // The people, addresses and accounts: with the clients created, or journaled for
            // the undo when their client was in the register before.
            std::vector<JournalRecord> records;
            // Copies: the unit of work may run again (a server's retry after a deadlock).
            const auto insert = [&]<typename Record>(
                                    const std::vector<ClientImportCommit::NewRecord<Record>>& items)
            {
                // Those of the clients just written need no check that their client exists.
                std::vector<Record> ofNew, ofStored;
                for (const ClientImportCommit::NewRecord<Record>& item : items)
                {
                    if (item.newClient == item.npos)
                        ofStored.push_back(item.record);
                    else
                    {
                        ofNew.push_back(item.record);
                        ofNew.back().clientId = commit.creates.at(item.newClient).id;
                    }
                }
                impl_->insertRecords(tx, std::span<Record>(ofNew), now, result.batch.batchId, true);
                impl_->insertRecords(tx, std::span<Record>(ofStored), now, result.batch.batchId,
                                     false);
                for (const Record& written : ofStored)
                    records.push_back({recordKind<Record>, written.id, written.version});
            };
            insert(commit.contacts);
            insert(commit.addresses);
            insert(commit.bankAccounts);
            tx.addToJournal(result.batch.id, records);
        },
        WriteHints{commit.creates.size() + commit.updates.size() + commit.archives.size() +
                       commit.contacts.size() + commit.addresses.size() +
                       commit.bankAccounts.size(),
                   false});
    return result;
}

ImportCommitResult Register::commitInvoiceImport(InvoiceImportCommit commit)
{
    checkClients(commit.newClients);
    ImportCommitResult result =
        emptyResult(ImportKind::Invoices, commit.source, commit.unchanged, commit.skipped);
    if (commit.creates.empty() && commit.updates.empty())
        return result;
    result.batch.created = commit.creates.size();
    result.batch.updated = commit.updates.size();
    result.batch.clientsCreated = commit.newClients.size();

    impl_->write(
        [&](StoreWriter& tx)
        {
            const std::string now = impl_->insertBatch(tx, result.batch);
            std::vector<std::int64_t> activityIds;
            impl_->createClients(tx, commit.newClients, now, result.batch.batchId, &activityIds);
            std::vector<JournalClient> clients;
            for (std::size_t i = 0; i < commit.newClients.size(); ++i)
                clients.push_back({commit.newClients[i].id, true, 1, activityIds[i]});
            tx.addToJournal(result.batch.id, clients);
            std::vector<JournalInvoice> journal;
            for (const Invoice& changed : commit.updates)
            {
                const std::optional<Invoice> stored = fetchRecord<Invoice>(tx, changed.id);
                if (!stored)
                    throw NotFound(recordTypeName(RecordType::Invoice), changed.id);
                if (stored->version != changed.version)
                    throw RecordConflict<Invoice>(impl_->path.string(), *stored);
                const Invoice written =
                    impl_->rewriteRecord(tx, changed, *stored, now, result.batch.batchId);
                journal.push_back({written.id, false, written.version, *stored});
            }
            result.createdIds.clear();
            result.createdIds.reserve(commit.creates.size());
            for (const ImportedInvoice& item : commit.creates)
            {
                Invoice invoice = item.invoice;
                if (item.newClient != ImportedInvoice::npos)
                    invoice.clientId = commit.newClients.at(item.newClient).id;
                const Invoice written =
                    impl_->insertRecord(tx, std::move(invoice), now, result.batch.batchId);
                journal.push_back({written.id, true, written.version, std::nullopt});
                result.createdIds.push_back(written.id);
            }
            tx.addToJournal(result.batch.id, journal);
        },
        WriteHints{commit.creates.size() + commit.updates.size() + commit.newClients.size(),
                   false});
    return result;
}

// ------------------------------------------------------------------------- undo

std::optional<ImportBatchInfo> Register::lastImport()
{
    return impl_->read([](StoreReader& tx) { return tx.newestBatch(); });
}

ImportUndoResult Register::undoLastImport(WorkProgress* progress)
{
    std::size_t rows = 0;
    if (const std::optional<ImportBatchInfo> newest = lastImport())
        rows = newest->created + newest->updated + newest->clientsCreated;
    else
        throw NothingToUndo();
    return impl_->write(
        [&](StoreWriter& tx)
        {
            std::optional<ImportBatchInfo> batch = tx.newestBatch();
            if (!batch)
                throw NothingToUndo();
            // Someone else's import: administrators only (the file register has one user).
            if (!batch->user.empty() && batch->user != impl_->connection.user)
                impl_->requireAdmin();

            // What an undo may not revert: a record it wrote that was deleted or saved since,
            // or a client it created that has anything in its history after the import's own
            // entries (records, notes, files). Entries of batches undone since, and the undos'
            // own entries ("undo:<batch>"), are no change made since.
            std::vector<std::string> ignored = {batch->batchId};
            for (const std::string& undone : tx.undoneBatchIds())
            {
                ignored.push_back(undone);
                ignored.push_back("undo:" + undone);
            }
            std::vector<UndoConflict> conflicts;
            std::size_t totalConflicts = 0;
            const auto conflict =
                [&](UndoConflict::What what, RecordType record, std::int64_t id, std::string label)
            {
                ++totalConflicts;
                if (conflicts.size() < ImportUndoRefused::kMaxListedConflicts)
                    conflicts.push_back({what, record, id, std::move(label)});
            };
            std::vector<JournalClientState> clientStates = tx.journalClients(batch->id, ignored);
            std::vector<JournalInvoiceState> invoiceStates = tx.journalInvoices(batch->id);
            std::vector<JournalRecordState> recordStates = tx.journalRecords(batch->id);
            const std::size_t journal =
                clientStates.size() + invoiceStates.size() + recordStates.size();
            RowTicker verifying(progress, WorkStage::Verifying, journal);
            std::size_t verified = 0;
            std::vector<JournalClient> clients;
            for (JournalClientState& state : clientStates)
            {
                verifying.tick(verified++);
                const std::int64_t id = state.item.clientId;
                if (!state.exists)
                    conflict(UndoConflict::What::Deleted, RecordType::Note, id,
                             "id " + std::to_string(id));
                else if (state.storedVersion != state.item.version)
                    conflict(UndoConflict::What::Changed, RecordType::Note, id,
                             clientLabel(state.code, state.legalName));
                else if (state.item.created && state.laterActivity)
                    conflict(UndoConflict::What::NewActivity, RecordType::Note, id,
                             clientLabel(state.code, state.legalName));
                else
                    clients.push_back(state.item);
            }
            std::vector<JournalInvoice> invoices;
            for (JournalInvoiceState& state : invoiceStates)
            {
                verifying.tick(verified++);
                const std::int64_t id = state.item.invoiceId;
                if (!state.exists)
                    conflict(UndoConflict::What::Deleted, RecordType::Invoice, id,
                             "id " + std::to_string(id));
                else if (state.storedVersion != state.item.version)
                    conflict(UndoConflict::What::Changed, RecordType::Invoice, id,
                             std::move(state.number));
                else
                    invoices.push_back(std::move(state.item));
            }
            std::vector<JournalRecord> records;
            for (JournalRecordState& state : recordStates)
            {
                verifying.tick(verified++);
                const std::int64_t id = state.item.recordId;
                if (!state.exists)
                    conflict(UndoConflict::What::Deleted, state.item.kind, id,
                             "id " + std::to_string(id));
                else if (state.storedVersion != state.item.version)
                    conflict(UndoConflict::What::Changed, state.item.kind, id,
                             std::move(state.name));
                else
                    records.push_back(state.item);
            }
            if (totalConflicts > 0)
                throw ImportUndoRefused(std::move(*batch), std::move(conflicts), totalConflicts);
            stopIfCancelled(progress); // the last moment: from here on, it writes
            RowTicker reverting(progress, WorkStage::Reverting, invoices.size() + clients.size(),
                                512, false);
            std::size_t reverted = 0;
            if (progress)
                progress->report(WorkStage::Reverting, 0, invoices.size() + clients.size());

            const std::string now = nowUtcIso();
            // The undo's own entries carry "undo:<batch>", so that they never count as a
            // change made since an earlier import.
            const std::string undoId = "undo:" + batch->batchId;
            // An update reverted gives the record back the state an earlier import left it in
            // (this batch updated it from that state, at version - 1): that import may still
            // be undone, at the record's new version.
            const std::vector<std::int64_t> earlier = tx.undoableBatchesBefore(batch->id);
            for (const JournalRecord& item : records)
            {
                withImportedKind(item.kind,
                                 [&]<typename Record>(const KindOf<Record>&)
                                 {
                                     if (const std::optional<Record> stored =
                                             fetchRecord<Record>(tx, item.recordId))
                                         impl_->deleteRecord(tx, *stored, now, undoId);
                                 });
            }
            for (const JournalInvoice& item : invoices)
            {
                reverting.tick(reverted++);
                const std::optional<Invoice> stored = fetchRecord<Invoice>(tx, item.invoiceId);
                if (!stored)
                    continue; // checked above, inside the same unit of work
                if (item.created)
                {
                    impl_->deleteRecord(tx, *stored, now, undoId);
                    continue;
                }
                // What an import writes of an invoice, as it was.
                Invoice restored = *stored;
                restored.issueDate = item.before->issueDate;
                restored.dueDate = item.before->dueDate;
                restored.net = item.before->net;
                restored.tax = item.before->tax;
                restored.total = item.before->total;
                restored.currency = item.before->currency;
                restored.status = item.before->status;
                impl_->rewriteRecord(tx, std::move(restored), *stored, now, undoId);
                tx.rebaseJournal(JournalOf::Invoices, item.invoiceId, item.version - 1,
                                 item.version + 1, earlier);
            }
            std::vector<std::int64_t> created;
            std::vector<ActivityEntry> entries;
            for (const JournalClient& item : clients)
            {
                reverting.tick(reverted++);
                if (item.created)
                {
                    created.push_back(item.clientId);
                    continue;
                }
                const std::optional<Client> stored = tx.client(item.clientId);
                if (!stored)
                    continue;
                // The import's activity entry keeps every field it changed, old and new.
                Client restored = *stored;
                bool unarchive = false;
                for (const FieldChange& change : tx.activityChanges(item.activityId))
                    if (const auto field = fieldFromName(change.field))
                        restored.value(*field) = change.oldValue;
                    else if (change.field == kArchivedChange)
                        unarchive = change.oldValue == "false";
                if (unarchive)
                {
                    Client after = *stored;
                    after.archived = false;
                    after.updatedAt = now;
                    after.version = stored->version + 1;
                    if (!tx.updateClient(after, *stored))
                        impl_->clientConflict(tx, stored->id);
                    ActivityEntry entry;
                    entry.clientId = after.id;
                    entry.at = now;
                    entry.kind = ActivityKind::Restored;
                    entry.label = after.code;
                    entry.batchId = undoId;
                    entries.push_back(std::move(entry));
                }
                else
                    impl_->rewriteClient(tx, std::move(restored), *stored, now,
                                         ActivityKind::Updated, undoId, entries);
                tx.rebaseJournal(JournalOf::Clients, item.clientId, item.version - 1,
                                 item.version + 1, earlier);
            }
            tx.appendActivity(entries);
            // Clients it created go with their contacts, tags and history (nothing else can
            // refer to them: checked above).
            tx.deleteClients(created);
            tx.markBatchUndone(batch->id, now);
            if (progress)
                progress->report(WorkStage::Reverting, reverted, reverted);
            ImportUndoResult result;
            // Clients: with the people, addresses and accounts it added to clients already
            // there.
            result.reverted = batch->kind == ImportKind::Invoices ? invoices.size()
                                                                  : clients.size() + records.size();
            result.batch = std::move(*batch);
            return result;
        },
        WriteHints{rows, true});
}

// ------------------------------------------------------------------------- mappings

std::optional<std::string> Register::rememberedMapping(std::string_view key)
{
    return impl_->read([&](StoreReader& tx) { return tx.mapping(key); });
}

void Register::rememberMapping(std::string_view key, std::string_view mapping)
{
    impl_->write([&](StoreWriter& tx) { tx.setMapping(key, mapping, nowUtcIso()); });
}

// ------------------------------------------------------------------------- exports

std::vector<Invoice> Register::allInvoices()
{
    return impl_->read([](StoreReader& tx) { return tx.allInvoices(); });
}

std::vector<InvoiceListRow> Register::invoiceList(const InvoiceFilter& filter)
{
    return impl_->read([&](StoreReader& tx) { return tx.invoiceList(filter); });
}

} // namespace clientes
