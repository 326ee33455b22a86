// The store's operations on each kind of record (core/model/record_kinds.hpp), as a table:
// RecordStore<R>::get / list / remove name Register's methods for R (add and update are
// overloads of one name). With them the API and the profile dialog handle every kind the
// same way.
#pragma once

#include "core/model/record_kinds.hpp"
#include "core/register/register.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace clientes::uno
{
template <typename R> struct RecordStore;

// What derived fields need besides the record: today, and a project's hours.
template <typename R>
DerivedInputs derivedInputs(Register& store, const R& record, std::string_view today)
{
    if constexpr (std::is_same_v<R, Project>)
        return {today, store.projectHours(record.id)};
    else
        return {today};
}

#define CLIENTES_RECORD_STORE(Record, getter, lister, remover)                                     \
    template <> struct RecordStore<Record>                                                         \
    {                                                                                              \
        static constexpr auto get = &Register::getter;                                             \
        /* the records of a client (time entries: of a project) */                                 \
        static constexpr auto list = &Register::lister;                                            \
        static constexpr auto remove = &Register::remover;                                         \
    }

CLIENTES_RECORD_STORE(Contact, contact, contacts, removeContact);
CLIENTES_RECORD_STORE(Project, project, projects, removeProject);
CLIENTES_RECORD_STORE(TimeEntry, timeEntry, timeEntries, removeTimeEntry);
CLIENTES_RECORD_STORE(Task, task, tasks, removeTask);
CLIENTES_RECORD_STORE(PurchaseOrder, purchaseOrder, purchaseOrders, removePurchaseOrder);
CLIENTES_RECORD_STORE(Invoice, invoice, invoices, removeInvoice);
CLIENTES_RECORD_STORE(Deal, deal, deals, removeDeal);
CLIENTES_RECORD_STORE(FileInfo, file, files, removeFile);
#undef CLIENTES_RECORD_STORE

template <typename R> std::optional<R> storedRecord(Register& store, std::int64_t id)
{
    return (store.*RecordStore<R>::get)(id);
}

template <typename R> std::vector<R> storedRecords(Register& store, std::int64_t parentId)
{
    return (store.*RecordStore<R>::list)(parentId);
}

// Throws NotFound.
template <typename R> void removeStored(Register& store, std::int64_t id)
{
    (store.*RecordStore<R>::remove)(id);
}
} // namespace clientes::uno
