#pragma once

// Conditions on the fields of records: how the register states a rule about records ("status
// is authorised and the due date is before today") once, for a store to count with
// (store/store.hpp's aggregate) and for one record to be tested against (matches,
// model/record_kinds.hpp).

#include <string>
#include <vector>

namespace clientes
{

enum class Compare
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual
};

// A condition on one field of a record: `field` is the field's API name ("status", "dueDate",
// "stage", "currency", "issueDate"…), `value` a value as the model spells it ("authorised",
// "2024-05-31"). Text fields, dates and statuses compare as text in byte order (so ISO dates
// in date order, and "" before every date); numeric fields (amount, net, tax, total, hours,
// size) as numbers.
struct Condition
{
    std::string field;
    Compare compare = Compare::Equal;
    std::string value;
};

// Every condition holds (AND); empty: every record.
using Filter = std::vector<Condition>;

} // namespace clientes
