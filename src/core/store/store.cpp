#include "core/store/store.hpp"

namespace clientes
{

RecordType kindOf(const AnyRecord& record)
{
    return std::visit([]<typename Record>(const Record&) { return recordKind<Record>; }, record);
}

} // namespace clientes
