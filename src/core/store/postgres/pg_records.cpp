// The PostgreSQL store: the records around a client, invoices, aggregates and files.

#include "core/store/postgres/pg_internal.hpp"

#include <stdexcept>

namespace clientes::postgres
{

std::optional<AnyRecord> Unit::record(RecordType kind, std::int64_t id)
{
    throw std::logic_error("not yet");
}

std::vector<AnyRecord> Unit::records(RecordType kind, std::int64_t parentId)
{
    throw std::logic_error("not yet");
}

std::optional<Invoice> Unit::invoiceByNumber(std::string_view number)
{
    throw std::logic_error("not yet");
}

std::vector<Invoice> Unit::allInvoices()
{
    throw std::logic_error("not yet");
}

std::vector<InvoiceListRow> Unit::invoiceList(const InvoiceFilter& filter)
{
    throw std::logic_error("not yet");
}

std::vector<AggregateGroup> Unit::aggregate(const AggregateQuery& query)
{
    throw std::logic_error("not yet");
}

std::optional<FileInfo> Unit::file(std::int64_t id)
{
    throw std::logic_error("not yet");
}

std::vector<FileInfo> Unit::files(std::int64_t clientId)
{
    throw std::logic_error("not yet");
}

std::optional<std::vector<std::uint8_t>> Unit::fileBytes(std::int64_t id)
{
    throw std::logic_error("not yet");
}

void Unit::insertRecord(AnyRecord& record)
{
    throw std::logic_error("not yet");
}

bool Unit::updateRecord(const AnyRecord& record, std::int64_t expectedVersion)
{
    throw std::logic_error("not yet");
}

bool Unit::removeRecord(RecordType kind, std::int64_t id)
{
    throw std::logic_error("not yet");
}

void Unit::insertFile(FileInfo& file, std::span<const std::uint8_t> bytes)
{
    throw std::logic_error("not yet");
}

bool Unit::removeFile(std::int64_t id)
{
    throw std::logic_error("not yet");
}

} // namespace clientes::postgres
