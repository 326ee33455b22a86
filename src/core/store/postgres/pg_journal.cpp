// The PostgreSQL store: the activity log, import batches (the journal an undo reads) and
// remembered column mappings.

#include "core/store/postgres/pg_internal.hpp"

#include <stdexcept>

namespace clientes::postgres
{

ActivityPage Unit::activity(std::int64_t clientId, std::size_t limit, std::int64_t beforeId)
{
    throw std::logic_error("not yet");
}

std::vector<FieldChange> Unit::activityChanges(std::int64_t entryId)
{
    throw std::logic_error("not yet");
}

void Unit::appendActivity(std::span<ActivityEntry> entries)
{
    throw std::logic_error("not yet");
}

std::optional<ImportBatchInfo> Unit::newestBatch()
{
    throw std::logic_error("not yet");
}

std::vector<std::string> Unit::undoneBatchIds()
{
    throw std::logic_error("not yet");
}

std::vector<std::int64_t> Unit::undoableBatchesBefore(std::int64_t batch)
{
    throw std::logic_error("not yet");
}

std::vector<JournalClientState> Unit::journalClients(std::int64_t batch,
                                                     std::span<const std::string> ignoredBatchIds)
{
    throw std::logic_error("not yet");
}

std::vector<JournalInvoiceState> Unit::journalInvoices(std::int64_t batch)
{
    throw std::logic_error("not yet");
}

std::optional<std::string> Unit::mapping(std::string_view key)
{
    throw std::logic_error("not yet");
}

void Unit::insertBatch(ImportBatchInfo& batch)
{
    throw std::logic_error("not yet");
}

void Unit::addToJournal(std::int64_t batch, std::span<const JournalClient> items)
{
    throw std::logic_error("not yet");
}

void Unit::addToJournal(std::int64_t batch, std::span<const JournalInvoice> items)
{
    throw std::logic_error("not yet");
}

void Unit::rebaseJournal(JournalOf of, std::int64_t recordId, std::int64_t fromVersion,
                         std::int64_t toVersion, std::span<const std::int64_t> batches)
{
    throw std::logic_error("not yet");
}

void Unit::markBatchUndone(std::int64_t batch, std::string_view at)
{
    throw std::logic_error("not yet");
}

void Unit::setMapping(std::string_view key, std::string_view mapping, std::string_view at)
{
    throw std::logic_error("not yet");
}

} // namespace clientes::postgres
