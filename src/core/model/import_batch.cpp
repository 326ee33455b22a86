#include "core/model/import_batch.hpp"

namespace clientes
{

std::string_view importKindName(ImportKind kind)
{
    return kind == ImportKind::Invoices ? "invoices" : "clients";
}

} // namespace clientes
