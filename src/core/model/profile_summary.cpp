#include "core/model/profile_summary.hpp"

namespace clientes
{

const MoneyTotal* findCurrency(const std::vector<MoneyTotal>& totals, std::string_view currency)
{
    for (const MoneyTotal& total : totals)
        if (total.currency == currency)
            return &total;
    return nullptr;
}

std::int64_t totalCount(const std::vector<MoneyTotal>& totals)
{
    std::int64_t count = 0;
    for (const MoneyTotal& total : totals)
        count += total.count;
    return count;
}

} // namespace clientes
