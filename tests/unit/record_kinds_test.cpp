// The descriptions of the record kinds (model/record_kinds.hpp): every member of every struct
// described once, names unique, labels in every language, choices as the enums spell them.

#include "core/messages/messages.hpp"
#include "core/messages/record_labels.hpp"
#include "core/model/record_kinds.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace clientes
{
namespace
{
// Converts to anything: counts an aggregate's members (R{any, any, …} compiles up to their
// number).
struct AnyValue
{
    template <typename T> operator T() const;
};

template <typename R, typename... Values> constexpr std::size_t memberCount()
{
    if constexpr (requires { R{Values{}..., AnyValue{}}; })
        return memberCount<R, Values..., AnyValue>();
    else
        return sizeof...(Values);
}

// Every member of R, those of its StoredRecord base included (counted above as one).
template <typename R> constexpr std::size_t allMembers()
{
    if constexpr (std::is_base_of_v<StoredRecord, R>)
        return memberCount<StoredRecord>() + memberCount<R>() - 1;
    else
        return memberCount<R>();
}

// Calls f(kindOf<R>()) for the client and every record kind.
template <typename F> void forEveryKind(F&& f)
{
    f(kindOf<Client>());
    for (RecordType type : kRecordKinds)
        withRecordKind(type, f);
}

// A value of the field's own alternative that differs from `current`.
FieldValue otherValue(const FieldInfo& field, const FieldValue& current)
{
    if (field.type == FieldType::Choice)
        return std::get<std::string>(current) == field.choices.back()
                   ? FieldValue(std::string(field.choices.front()))
                   : FieldValue(std::string(field.choices.back()));
    return std::visit(
        [](const auto& value) -> FieldValue
        {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, std::string>)
                return value + "x";
            else if constexpr (std::is_same_v<T, bool>)
                return !value;
            else
                return value + 7;
        },
        current);
}

template <typename E> std::vector<std::string> enumWords()
{
    std::vector<std::string> words;
    for (int i = 0; !statusName(static_cast<E>(i)).empty(); ++i)
        words.emplace_back(statusName(static_cast<E>(i)));
    return words;
}
} // namespace

TEST(RecordKinds, EveryMemberOfEveryStructIsDescribedOnce)
{
    static_assert(allMembers<Contact>() == 10 && allMembers<Client>() == 25);
    forEveryKind(
        [](const auto& kind)
        {
            using R = typename std::decay_t<decltype(kind)>::Record;
            SCOPED_TRACE(std::string(kind.info.name));
            std::size_t members = 0;
            for (const auto& field : kind.fields)
            {
                SCOPED_TRACE(std::string(field.name));
                ASSERT_EQ(field.derive != nullptr, field.role == FieldRole::Derived);
                if (field.derive)
                {
                    EXPECT_EQ(field.get, nullptr);
                    continue;
                }
                ASSERT_NE(field.get, nullptr);
                ASSERT_NE(field.set, nullptr);
                ++members;
                // Writing this field changes it and no other one: no two fields share a member.
                R record{};
                const FieldValue before = field.get(record);
                const FieldValue changed = otherValue(field, before);
                ASSERT_EQ(before.index(), changed.index()) << "the member's type";
                field.set(record, changed);
                EXPECT_EQ(field.get(record), changed);
                const R untouched{};
                for (const auto& other : kind.fields)
                    if (&other != &field && other.get)
                        EXPECT_EQ(other.get(record), other.get(untouched)) << other.name;
            }
            EXPECT_EQ(members, allMembers<R>()) << "members without a description";
        });
}

TEST(RecordKinds, NamesAndColumnsAreUnique)
{
    std::set<std::string_view> kinds;
    forEveryKind(
        [&](const auto& kind)
        {
            SCOPED_TRACE(std::string(kind.info.name));
            EXPECT_TRUE(kinds.insert(kind.info.name).second);
            EXPECT_FALSE(kind.info.table.empty());
            std::set<std::string_view> names;
            std::set<std::string_view> columns;
            for (const auto& field : kind.fields)
            {
                EXPECT_TRUE(names.insert(field.name).second) << field.name;
                if (!field.column.empty())
                    EXPECT_TRUE(columns.insert(field.column).second) << field.column;
                else
                    EXPECT_TRUE(field.role == FieldRole::Derived || field.name == "tags")
                        << field.name << " has no column";
            }
            // What names a record, the fields named by others, are there and hold text.
            const auto textField = [&](std::string_view name)
            {
                const auto* field = kind.field(name);
                return field && holdsText(field->type);
            };
            EXPECT_TRUE(textField(kind.info.labelField));
            if (!kind.info.labelFallback.empty())
                EXPECT_TRUE(textField(kind.info.labelFallback));
            for (const auto& field : kind.fields)
            {
                if (field.type == FieldType::Money)
                    EXPECT_EQ(kind.field(field.currency)->type, FieldType::Currency) << field.name;
                if (!field.notBefore.empty())
                    EXPECT_EQ(kind.field(field.notBefore)->type, FieldType::Date) << field.name;
                if (!field.requiredUnless.empty())
                    EXPECT_TRUE(textField(field.requiredUnless)) << field.name;
                if (field.type == FieldType::Choice)
                    EXPECT_FALSE(field.choices.empty()) << field.name;
            }
        });
    for (RecordType type : kRecordKinds)
    {
        EXPECT_EQ(recordKindFromName(recordKindName(type)), type);
        EXPECT_EQ(withRecordKind(type, [](const auto& kind) { return kind.info.type; }), type);
    }
    EXPECT_EQ(recordKindFromName("activity"), std::nullopt);
    EXPECT_EQ(recordKindName(RecordType::Note), "");
}

TEST(RecordKinds, EveryLabelHasItsTextInEveryLanguage)
{
    forEveryKind(
        [](const auto& kind)
        {
            for (const auto& field : kind.fields)
            {
                SCOPED_TRACE(std::string(kind.info.name) + "." + std::string(field.name));
                if (field.role == FieldRole::Data)
                    EXPECT_FALSE(std::holds_alternative<std::monostate>(field.label));
                // A record field's label key is the field of the same API name (activity
                // entries and validation issues name fields by it).
                if (const auto* key = std::get_if<RecordField>(&field.label))
                    EXPECT_EQ(recordFieldName(*key), field.name);
                if (const auto* key = std::get_if<Field>(&field.label))
                    EXPECT_EQ(fieldName(*key), field.name);
                if (std::holds_alternative<std::monostate>(field.label))
                    continue;
                std::set<std::string> texts;
                for (Language language : {Language::Es, Language::En, Language::Pt})
                {
                    const std::string text = labelText(kind.info, field.label, language);
                    EXPECT_FALSE(text.empty());
                    texts.insert(text);
                }
                for (std::string_view word : field.choices)
                    for (Language language : {Language::Es, Language::En, Language::Pt})
                        EXPECT_NE(choiceLabel(kind.info, word, language), word) << word;
            }
        });
    // The client's fields are the Field enum, in its order.
    std::vector<Field> described;
    for (const auto& field : kindOf<Client>().fields)
        if (const auto* key = std::get_if<Field>(&field.label))
            described.push_back(*key);
    EXPECT_EQ(described, std::vector<Field>(allFields().begin(), allFields().end()));
}

TEST(RecordKinds, ChoicesAreTheEnumsWords)
{
    const auto words = [](const auto& kind, std::string_view name)
    {
        std::vector<std::string> list;
        for (std::string_view word : kind.field(name)->choices)
            list.emplace_back(word);
        return list;
    };
    EXPECT_EQ(words(kindOf<Project>(), "status"), enumWords<ProjectStatus>());
    EXPECT_EQ(words(kindOf<Task>(), "status"), enumWords<TaskStatus>());
    EXPECT_EQ(words(kindOf<PurchaseOrder>(), "status"), enumWords<OrderStatus>());
    EXPECT_EQ(words(kindOf<Invoice>(), "status"), enumWords<InvoiceStatus>());
    EXPECT_EQ(words(kindOf<Deal>(), "stage"), enumWords<DealStage>());
    EXPECT_EQ(words(kindOf<Address>(), "type"), enumWords<AddressType>());
    // A bank account's checks: IbanVerdict and BicVerdict, one word each, "valid" first.
    EXPECT_EQ(words(kindOf<BankAccount>(), "ibanCheck").size(), 7u);
    EXPECT_EQ(words(kindOf<BankAccount>(), "bicCheck").size(), 4u);
    EXPECT_EQ(words(kindOf<Client>(), "kind"),
              (std::vector<std::string>{std::string(kKindCompany), std::string(kKindPerson)}));
    // Every choice field is one of those.
    std::size_t choices = 0;
    forEveryKind(
        [&](const auto& kind)
        {
            for (const auto& field : kind.fields)
                choices += field.type == FieldType::Choice;
        });
    EXPECT_EQ(choices, 9u);
}

TEST(RecordKinds, DerivedFieldsFollowTheirRules)
{
    Task task;
    task.dueDate = "2024-05-30";
    const auto& overdue = *kindOf<Task>().field("overdue");
    EXPECT_EQ(overdue.value(task, {.today = "2024-05-31"}), FieldValue(true));
    EXPECT_EQ(overdue.value(task, {.today = "2024-05-30"}), FieldValue(false));
    task.status = TaskStatus::Done;
    EXPECT_EQ(overdue.value(task, {.today = "2024-05-31"}), FieldValue(false));

    Invoice invoice;
    invoice.issueDate = "2024-05-01";
    invoice.status = InvoiceStatus::Authorised;
    const auto& invoiceOverdue = *kindOf<Invoice>().field("overdue");
    EXPECT_EQ(invoiceOverdue.value(invoice, {.today = "2024-05-02"}), FieldValue(true));
    invoice.dueDate = "2024-05-31";
    EXPECT_EQ(invoiceOverdue.value(invoice, {.today = "2024-05-02"}), FieldValue(false));

    EXPECT_EQ(kindOf<Project>().field("hours")->value(Project{}, {.hours = 7.5}), FieldValue(7.5));
}

TEST(RecordKinds, ARecordIsNamedByItsLabelField)
{
    Deal deal;
    deal.number = "P-7";
    EXPECT_EQ(kindOf<Deal>().label(deal), "P-7");
    deal.title = "Renovación";
    EXPECT_EQ(kindOf<Deal>().label(deal), "Renovación");
    Invoice invoice;
    invoice.number = "F-1";
    EXPECT_EQ(kindOf<Invoice>().label(invoice), "F-1");
}
} // namespace clientes

namespace clientes
{

// Rules as filters read a record's fields through its kind's description.
TEST(RecordKindFilters, MatchesReadsFieldsByTheirApiNames)
{
    Invoice invoice;
    invoice.number = "F-1";
    invoice.issueDate = "2024-04-01";
    invoice.dueDate = "2024-05-01";
    invoice.net = 1000;
    invoice.total = 1210;
    invoice.status = InvoiceStatus::Authorised;
    EXPECT_TRUE(matches(Filter{}, invoice));
    EXPECT_TRUE(matches({{"status", Compare::Equal, "authorised"}}, invoice));
    EXPECT_FALSE(matches({{"status", Compare::Equal, "paid"}}, invoice));
    // Money compares as a number (text would put "999" after "1210").
    EXPECT_TRUE(matches({{"total", Compare::Greater, "999"}}, invoice));
    EXPECT_TRUE(matches({{"total", Compare::LessOrEqual, "1210"}}, invoice));
    EXPECT_TRUE(matches({{"dueDate", Compare::Less, "2024-05-02"},
                         {"dueDate", Compare::GreaterOrEqual, "2024-05-01"}},
                        invoice));
    TimeEntry entry;
    entry.hours = 2.5;
    EXPECT_TRUE(matches({{"hours", Compare::Greater, "2.25"}}, entry));
    EXPECT_FALSE(matches({{"hours", Compare::Greater, "2.5"}}, entry));

    EXPECT_THROW(matches({{"stage", Compare::Equal, "sent"}}, invoice), std::invalid_argument);
    EXPECT_THROW(matches({{"overdue", Compare::Equal, "true"}}, invoice), std::invalid_argument);
    EXPECT_THROW(matches({{"total", Compare::Less, "mucho"}}, invoice), std::invalid_argument);
    EXPECT_THROW(matches({{"total", Compare::Less, ""}}, invoice), std::invalid_argument);
}

TEST(RecordKindFilters, OverdueIsTheDerivedFieldsRule)
{
    Invoice invoice;
    invoice.issueDate = "2024-04-01";
    invoice.status = InvoiceStatus::Authorised;
    const auto& field = *kindOf<Invoice>().field("overdue");
    EXPECT_TRUE(isOverdue(invoice, "2024-04-02")); // no due date: due on issue
    EXPECT_FALSE(isOverdue(invoice, "2024-04-01"));
    invoice.dueDate = "2024-05-01";
    EXPECT_FALSE(isOverdue(invoice, "2024-05-01"));
    EXPECT_TRUE(isOverdue(invoice, "2024-05-02"));
    EXPECT_TRUE(std::get<bool>(field.value(invoice, {.today = "2024-05-02"})));
    EXPECT_TRUE(matches(overdueInvoices("2024-05-02"), invoice));
    invoice.status = InvoiceStatus::Paid;
    EXPECT_FALSE(isOverdue(invoice, "2024-05-02"));
    EXPECT_FALSE(std::get<bool>(field.value(invoice, {.today = "2024-05-02"})));

    Task task;
    EXPECT_FALSE(isOverdue(task, "2024-05-02")); // no due date: never overdue
    task.dueDate = "2024-05-01";
    EXPECT_TRUE(isOverdue(task, "2024-05-02"));
    task.status = TaskStatus::Done;
    EXPECT_FALSE(isOverdue(task, "2024-05-02"));
}

} // namespace clientes
