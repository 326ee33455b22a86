#include "core/store/errors.hpp"

#include <utility>

namespace clientes
{

StoreError::StoreError(Kind k, std::string p, const std::string& detail, Where w)
    : std::runtime_error(p + ": " + detail), kind(k), path(std::move(p)), where(w)
{
}

LoginRefused::LoginRefused(std::string p, std::string u, const std::string& detail)
    : StoreError(Kind::PermissionDenied, std::move(p), detail, Where::Server), user(std::move(u))
{
}

NotPermitted::NotPermitted(Need n, std::string p, std::string u)
    : StoreError(Kind::PermissionDenied, std::move(p),
                 n == Need::File ? std::string("a team server is backed up by its administrator")
                                 : "the user " + u + " may not " +
                                       (n == Need::Edit ? "change the register"
                                                        : "do what only administrators may"),
                 Where::Server),
      need(n), user(std::move(u))
{
}

NotFound::NotFound(const std::string& key) : std::runtime_error("client not found: " + key) {}

NotFound::NotFound(std::string_view what, std::int64_t id)
    : std::runtime_error(std::string(what) + " not found: " + std::to_string(id))
{
}

ConflictError::ConflictError(std::string p, Client stored)
    : StoreError(Kind::Conflict, std::move(p),
                 "client " + stored.code + " was changed by someone else (now version " +
                     std::to_string(stored.version) + ")"),
      current(std::move(stored))
{
}

namespace
{

std::string describeLinks(std::int64_t clientId, const LinkedRecords& linked)
{
    std::string text = "client " + std::to_string(clientId) + " has linked records:";
    const std::pair<const char*, std::int64_t> counts[] = {
        {"projects", linked.projects},
        {"tasks", linked.tasks},
        {"purchase orders", linked.purchaseOrders},
        {"invoices", linked.invoices},
        {"deals", linked.deals},
        {"files", linked.files}};
    bool first = true;
    for (const auto& [name, count] : counts)
        if (count > 0)
        {
            text += first ? " " : ", ";
            text += name + std::string(" ") + std::to_string(count);
            first = false;
        }
    return text;
}

} // namespace

HasLinkedRecords::HasLinkedRecords(std::int64_t id, LinkedRecords links)
    : std::runtime_error(describeLinks(id, links)), clientId(id), linked(links)
{
}

MergeRefused::MergeRefused(Reason r, std::string c, std::string into)
    : std::runtime_error(r == Reason::NothingToMerge ? "nothing to merge: " + c
                         : r == Reason::Archived
                             ? "client " + c + " is archived" +
                                   (into.empty() ? std::string() : " (merged into " + into + ")")
                             : "merge " + c + " was undone already"),
      reason(r), code(std::move(c)), mergedInto(std::move(into))
{
}

MergeUndoRefused::MergeUndoRefused(std::int64_t id, std::vector<MergeUndoConflict> c)
    : std::runtime_error("merge " + std::to_string(id) + " cannot be undone: " +
                         std::to_string(c.size()) + " thing(s) changed since"),
      mergeId(id), conflicts(std::move(c))
{
}

NothingToUndo::NothingToUndo() : std::runtime_error("there is no import to undo") {}

ImportUndoRefused::ImportUndoRefused(ImportBatchInfo b, std::vector<UndoConflict> c,
                                     std::size_t total)
    : std::runtime_error("import " + b.batchId + " cannot be undone: " + std::to_string(total) +
                         " record(s) changed since"),
      batch(std::move(b)), conflicts(std::move(c)), totalConflicts(total)
{
}

RegisterFileRefused::RegisterFileRefused(std::filesystem::path t)
    : std::runtime_error("refused to write over the register's own file " + t.string()),
      target(std::move(t))
{
}

} // namespace clientes
