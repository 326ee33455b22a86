// Validation and messages of the schema v3 client fields and of the profile records.

#include "core/messages/messages.hpp"
#include "core/messages/profile_text.hpp"
#include "core/model/record_kinds.hpp"
#include "core/register/register.hpp"
#include "core/rules/profile_validation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <set>

namespace clientes
{

namespace
{

constexpr Language kLanguages[] = {Language::Es, Language::En, Language::Pt};

Client named()
{
    Client client;
    client.legalName = "Pérez-Díaz, S.L.";
    return client;
}

std::vector<FieldIssue> issuesWith(Field field, std::string value)
{
    Client client = named();
    client.value(field) = std::move(value);
    return validate(client);
}

Invoice validInvoice()
{
    Invoice invoice;
    invoice.number = "F-2024-001";
    invoice.issueDate = "2024-05-01";
    invoice.dueDate = "2024-05-31";
    invoice.net = 10000;
    invoice.tax = 2100;
    invoice.total = 12100;
    invoice.currency = "EUR";
    return invoice;
}

} // namespace

TEST(ProfileFields, NewFieldsAreAtTheEndWithApiNames)
{
    const auto& fields = allFields();
    ASSERT_EQ(fields.size(), 19U);
    EXPECT_EQ(fields[13], Field::Kind);
    EXPECT_EQ(fields[16], Field::Currency);
    EXPECT_EQ(fields[17], Field::Mobile);
    EXPECT_EQ(fields[18], Field::Street2);
    EXPECT_EQ(fieldName(Field::Mobile), "mobile");
    EXPECT_EQ(fieldFromName("street2"), Field::Street2);
    EXPECT_EQ(fieldName(Field::Kind), "kind");
    EXPECT_EQ(fieldName(Field::Tags), "tags");
    EXPECT_EQ(fieldName(Field::PaymentTerms), "paymentTerms");
    EXPECT_EQ(fieldName(Field::Currency), "currency");
    EXPECT_EQ(fieldFromName("paymentTerms"), Field::PaymentTerms);
    Client client;
    client.value(Field::Kind) = "person";
    client.value(Field::Tags) = "vip";
    client.value(Field::PaymentTerms) = "30";
    client.value(Field::Currency) = "EUR";
    EXPECT_EQ(client.kind, "person");
    EXPECT_EQ(client.tags, "vip");
    EXPECT_EQ(client.paymentTerms, "30");
    EXPECT_EQ(client.currency, "EUR");
}

TEST(ProfileFields, Kind)
{
    for (const char* good : {"", "company", "person"})
        EXPECT_TRUE(issuesWith(Field::Kind, good).empty()) << good;
    const std::vector<FieldIssue> invalid = {{Field::Kind, Problem::InvalidChoice}};
    for (const char* bad : {"empresa", "Company ", "persona", "other"})
        EXPECT_EQ(issuesWith(Field::Kind, bad), invalid) << bad;
    Client client = named();
    client.kind = "  Person ";
    tidy(client);
    EXPECT_EQ(client.kind, "person");
}

TEST(ProfileFields, Currency)
{
    for (const char* good : {"", "EUR", "USD", "BRL"})
        EXPECT_TRUE(issuesWith(Field::Currency, good).empty()) << good;
    const std::vector<FieldIssue> invalid = {{Field::Currency, Problem::InvalidCurrency}};
    for (const char* bad : {"EURO", "eu", "ESP", "€", "XXX"})
        EXPECT_EQ(issuesWith(Field::Currency, bad), invalid) << bad;
    Client client = named();
    client.currency = " eur ";
    tidy(client);
    EXPECT_EQ(client.currency, "EUR");
    EXPECT_TRUE(validate(client).empty());
}

TEST(ProfileFields, PaymentTerms)
{
    for (const char* good : {"", "0", "30", "365"})
        EXPECT_TRUE(issuesWith(Field::PaymentTerms, good).empty()) << good;
    const std::vector<FieldIssue> range = {{Field::PaymentTerms, Problem::OutOfRange, 365}};
    for (const char* bad : {"366", "1000", "-1", "-0"})
        EXPECT_EQ(issuesWith(Field::PaymentTerms, bad), range) << bad;
    const std::vector<FieldIssue> number = {{Field::PaymentTerms, Problem::InvalidNumber}};
    for (const char* bad : {"30 días", "30.5", "treinta", "+30", "-", "1e2"})
        EXPECT_EQ(issuesWith(Field::PaymentTerms, bad), number) << bad;
    Client client = named();
    client.paymentTerms = " 030 ";
    tidy(client);
    EXPECT_EQ(client.paymentTerms, "30");
    EXPECT_EQ(client.paymentTermDays(), 30);
    client.paymentTerms = "000";
    tidy(client);
    EXPECT_EQ(client.paymentTerms, "0");
    EXPECT_EQ(client.paymentTermDays(), 0);
    client.paymentTerms = "";
    EXPECT_FALSE(client.paymentTermDays().has_value());
}

TEST(ProfileFields, TagsAreTidiedAndLimited)
{
    Client client = named();
    client.tags = " vip ,  Mayorista  Norte,,VIP, mayorista norte , Ñandú, nandu,  ";
    tidy(client);
    EXPECT_EQ(client.tags, "vip, Mayorista Norte, Ñandú");
    EXPECT_EQ(client.tagList(), (std::vector<std::string>{"vip", "Mayorista Norte", "Ñandú"}));
    EXPECT_TRUE(validate(client).empty());
    EXPECT_EQ(splitTags(" a ,, b,"), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(joinTags({"a", "b"}), "a, b");
    EXPECT_TRUE(issuesWith(Field::Tags, std::string(kMaxTagLength, 'x')).empty());
    const std::vector<FieldIssue> tooLong = {{Field::Tags, Problem::TagTooLong, kMaxTagLength}};
    EXPECT_EQ(issuesWith(Field::Tags, "ok, " + std::string(kMaxTagLength + 1, 'x')), tooLong);
    const std::vector<FieldIssue> text = {{Field::Tags, Problem::InvalidText}};
    EXPECT_EQ(issuesWith(Field::Tags, "a\nb"), text);
}

TEST(ProfileValidation, Contact)
{
    Contact contact;
    contact.name = "  Ana   López ";
    contact.email = "Ana@Example.COM";
    tidy(contact);
    EXPECT_EQ(contact.name, "Ana López");
    EXPECT_EQ(contact.email, "Ana@example.com");
    EXPECT_TRUE(validate(contact).empty());
    Contact bad;
    bad.email = "nope";
    bad.phone = std::string(41, '1');
    const std::vector<RecordIssue> expected = {
        {RecordType::Contact, RecordField::Name, Problem::Required},
        {RecordType::Contact, RecordField::Email, Problem::InvalidEmail},
        {RecordType::Contact, RecordField::Phone, Problem::TooLong, 40}};
    EXPECT_EQ(validate(bad), expected);
}

TEST(ProfileValidation, ProjectAndTimeEntry)
{
    Project project;
    EXPECT_EQ(validate(project), (std::vector<RecordIssue>{
                                     {RecordType::Project, RecordField::Name, Problem::Required}}));
    project.name = "Web";
    EXPECT_TRUE(validate(project).empty());
    project.status = static_cast<ProjectStatus>(7);
    EXPECT_EQ(validate(project).at(0).problem, Problem::InvalidChoice);

    TimeEntry entry;
    entry.date = "2024-05-01";
    for (double hours : {0.01, 1.5, 24.0})
    {
        entry.hours = hours;
        EXPECT_TRUE(validate(entry).empty()) << hours;
    }
    const std::vector<RecordIssue> range = {
        {RecordType::TimeEntry, RecordField::Hours, Problem::OutOfRange, 24}};
    for (double hours : {0.0, -1.0, 24.01, std::numeric_limits<double>::quiet_NaN(),
                         std::numeric_limits<double>::infinity()})
    {
        entry.hours = hours;
        EXPECT_EQ(validate(entry), range) << hours;
    }
    entry.hours = 2;
    entry.date = "";
    EXPECT_EQ(validate(entry).at(0),
              (RecordIssue{RecordType::TimeEntry, RecordField::Date, Problem::Required}));
    entry.date = "01/05/2024";
    EXPECT_EQ(validate(entry).at(0),
              (RecordIssue{RecordType::TimeEntry, RecordField::Date, Problem::InvalidDate}));
    entry.date = "2024-05-01";
    entry.note = "Línea 1\nLínea 2";
    EXPECT_TRUE(validate(entry).empty());
}

TEST(ProfileValidation, Task)
{
    Task task;
    task.title = "Llamar";
    EXPECT_TRUE(validate(task).empty()); // the due date is optional
    task.dueDate = "2024-02-30";
    EXPECT_EQ(validate(task), (std::vector<RecordIssue>{
                                  {RecordType::Task, RecordField::DueDate, Problem::InvalidDate}}));
    task.title = " ";
    task.dueDate = "2024-02-29";
    EXPECT_EQ(validate(task), (std::vector<RecordIssue>{
                                  {RecordType::Task, RecordField::Title, Problem::Required}}));
}

TEST(ProfileValidation, PurchaseOrder)
{
    PurchaseOrder order;
    order.number = "PO-7";
    order.currency = "EUR";
    order.amount = 0;
    EXPECT_TRUE(validate(order).empty());
    order.amount = -1;
    order.currency = "";
    order.date = "2024-13-01";
    const std::vector<RecordIssue> expected = {
        {RecordType::PurchaseOrder, RecordField::Date, Problem::InvalidDate},
        {RecordType::PurchaseOrder, RecordField::Amount, Problem::OutOfRange, 0},
        {RecordType::PurchaseOrder, RecordField::Currency, Problem::Required}};
    EXPECT_EQ(validate(order), expected);
    order = {};
    order.number = "PO-8";
    order.currency = "ABC";
    EXPECT_EQ(validate(order).at(0).problem, Problem::InvalidCurrency);
}

TEST(ProfileValidation, Invoice)
{
    EXPECT_TRUE(validate(validInvoice()).empty());
    Invoice credit = validInvoice(); // a credit note: everything negative
    credit.net = -10000;
    credit.tax = -2100;
    credit.total = -12100;
    EXPECT_TRUE(validate(credit).empty());
    Invoice withholding = validInvoice(); // VAT 21 % minus 15 % withholding
    withholding.tax = 600;
    withholding.total = 10600;
    EXPECT_TRUE(validate(withholding).empty());

    Invoice wrongTotal = validInvoice();
    wrongTotal.total = 12000;
    EXPECT_EQ(validate(wrongTotal),
              (std::vector<RecordIssue>{
                  {RecordType::Invoice, RecordField::Total, Problem::TotalMismatch}}));
    Invoice overflow = validInvoice();
    overflow.net = INT64_MAX;
    overflow.tax = 1;
    overflow.total = INT64_MIN;
    EXPECT_EQ(validate(overflow).at(0).problem, Problem::TotalMismatch);

    Invoice early = validInvoice();
    early.dueDate = "2024-04-30";
    EXPECT_EQ(validate(early), (std::vector<RecordIssue>{{RecordType::Invoice, RecordField::DueDate,
                                                          Problem::DateOrder}}));
    early.dueDate = early.issueDate; // due on the day it is issued
    EXPECT_TRUE(validate(early).empty());

    Invoice empty;
    const std::vector<RecordIssue> expected = {
        {RecordType::Invoice, RecordField::Number, Problem::Required},
        {RecordType::Invoice, RecordField::IssueDate, Problem::Required},
        {RecordType::Invoice, RecordField::Currency, Problem::Required}};
    EXPECT_EQ(validate(empty), expected);
    Invoice tidied = validInvoice();
    tidied.number = "  F 1 ";
    tidied.currency = "eur";
    tidy(tidied);
    EXPECT_EQ(tidied.number, "F 1");
    EXPECT_EQ(tidied.currency, "EUR");
}

TEST(ProfileValidation, Deal)
{
    Deal deal;
    deal.currency = "EUR";
    EXPECT_EQ(validate(deal), (std::vector<RecordIssue>{
                                  {RecordType::Deal, RecordField::Title, Problem::Required}}));
    deal.number = "Q-12"; // a number is enough
    EXPECT_TRUE(validate(deal).empty());
    deal.number.clear();
    deal.title = "Reforma oficina";
    EXPECT_TRUE(validate(deal).empty());
    deal.date = "2024-05-10";
    deal.validUntil = "2024-05-09";
    EXPECT_EQ(validate(deal), (std::vector<RecordIssue>{{RecordType::Deal, RecordField::ValidUntil,
                                                         Problem::DateOrder}}));
    deal.validUntil = "2024-06-10";
    deal.amount = -5;
    EXPECT_EQ(validate(deal), (std::vector<RecordIssue>{{RecordType::Deal, RecordField::Amount,
                                                         Problem::OutOfRange, 0}}));
}

TEST(ProfileValidation, FilesAndNotes)
{
    EXPECT_TRUE(validateFile("contrato.pdf", "application/pdf").empty());
    EXPECT_TRUE(validateFile("a.txt", "text/plain; charset=utf-8").empty());
    EXPECT_TRUE(validateFile("x", "").empty());
    EXPECT_EQ(validateFile("", "application/pdf"),
              (std::vector<RecordIssue>{{RecordType::File, RecordField::Name, Problem::Required}}));
    EXPECT_EQ(
        validateFile(std::string(256, 'a'), ""),
        (std::vector<RecordIssue>{{RecordType::File, RecordField::Name, Problem::TooLong, 255}}));
    for (const char* bad : {"pdf", "application/", "/pdf", "application pdf", "a/b/c"})
        EXPECT_EQ(validateFile("x", bad).at(0).problem, Problem::InvalidChoice) << bad;
    EXPECT_TRUE(validateNote("Llamó, quiere presupuesto\nel lunes").empty());
    EXPECT_EQ(validateNote("   ").at(0).problem, Problem::Required);
    EXPECT_EQ(validateNote(std::string(100001, 'a')).at(0).problem, Problem::TooLong);
}

TEST(ProfileMessages, EveryProblemOfEveryFieldIsASentence)
{
    const Problem problems[] = {
        Problem::Required,       Problem::InvalidEmail,    Problem::TooLong,
        Problem::InvalidCountry, Problem::InvalidText,     Problem::ReadOnly,
        Problem::InvalidChoice,  Problem::InvalidCurrency, Problem::InvalidNumber,
        Problem::OutOfRange,     Problem::InvalidDate,     Problem::DateOrder,
        Problem::TotalMismatch,  Problem::Duplicate,       Problem::TagTooLong};
    for (Language language : kLanguages)
        for (Problem problem : problems)
        {
            for (Field field : allFields())
            {
                const std::string text = describe(FieldIssue{field, problem, 50}, language);
                EXPECT_EQ(text.find('{'), std::string::npos) << text;
                EXPECT_EQ(text.back(), '.') << text;
            }
            for (int type = 0; type <= static_cast<int>(RecordType::Note); ++type)
                for (int field = 0; field <= static_cast<int>(RecordField::BicCheck); ++field)
                {
                    const RecordIssue issue{static_cast<RecordType>(type),
                                            static_cast<RecordField>(field), problem, 24};
                    const std::string text = describe(issue, language);
                    EXPECT_EQ(text.find('{'), std::string::npos) << text;
                    EXPECT_EQ(text.back(), '.') << text;
                }
        }
}

TEST(ProfileMessages, LabelsAreDistinctInEveryLanguage)
{
    for (Language language : kLanguages)
    {
        std::set<std::string> fields;
        for (Field field : allFields())
            fields.insert(fieldLabel(field, language));
        EXPECT_EQ(fields.size(), allFields().size());
        std::set<std::string> records;
        for (int type = 0; type <= static_cast<int>(RecordType::Note); ++type)
            records.insert(recordTypeLabel(static_cast<RecordType>(type), language));
        EXPECT_EQ(records.size(), 11U);
        std::set<std::string> kinds;
        for (int kind = 0; kind <= static_cast<int>(ActivityKind::Note); ++kind)
            kinds.insert(activityKindLabel(static_cast<ActivityKind>(kind), language));
        EXPECT_EQ(kinds.size(), 11U);
    }
    EXPECT_EQ(fieldLabel(Field::PaymentTerms, Language::Es), "Plazo de pago (días)");
    EXPECT_EQ(recordFieldLabel(RecordType::Invoice, RecordField::DueDate, Language::Pt),
              "Data de vencimento");
    EXPECT_EQ(recordFieldLabel(RecordType::File, RecordField::Name, Language::En), "File name");
}

TEST(ProfileMessages, Examples)
{
    EXPECT_EQ(describe(FieldIssue{Field::PaymentTerms, Problem::OutOfRange, 365}, Language::Es),
              "El plazo de pago debe estar entre 0 y 365 días.");
    EXPECT_EQ(describe(FieldIssue{Field::Currency, Problem::InvalidCurrency}, Language::En),
              "The currency must be a three-letter ISO 4217 code, for example EUR or USD.");
    EXPECT_EQ(describe(RecordIssue{RecordType::Invoice, RecordField::Number, Problem::Duplicate},
                       Language::Es),
              "Ya existe una factura con este número.");
    EXPECT_EQ(
        describe(RecordIssue{RecordType::Invoice, RecordField::IssueDate, Problem::InvalidDate},
                 Language::Pt),
        "O campo «Data de emissão» deve ser uma data válida no formato AAAA-MM-DD.");
    EXPECT_EQ(
        describe(RecordIssue{RecordType::TimeEntry, RecordField::Hours, Problem::OutOfRange, 24},
                 Language::En),
        "The hours must be more than 0 and at most 24.");
    EXPECT_EQ(describe(RecordIssue{RecordType::Contact, RecordField::Name, Problem::Required},
                       Language::Es),
              "El campo «Nombre» es obligatorio.");
}

TEST(ProfileMessages, FileTooLargeLinkedRecordsAndConflict)
{
    const FileTooLarge tooLarge("plano.dwg", kMaxFileBytes + 1, kMaxFileBytes);
    EXPECT_EQ(describe(tooLarge, Language::Es),
              "El archivo «plano.dwg» ocupa 52.428.801 bytes y el máximo es de 52.428.800 bytes "
              "(50 MB).");
    EXPECT_EQ(
        describe(tooLarge, Language::En),
        "The file “plano.dwg” has 52,428,801 bytes; the maximum is 52,428,800 bytes (50 MB).");
    EXPECT_NE(describe(tooLarge, Language::Pt).find("52.428.801"), std::string::npos);
    // A file name that looks like a placeholder is the user's text, not the template's.
    const FileTooLarge oddName("{size} {limit}.txt", kMaxFileBytes + 1, kMaxFileBytes);
    EXPECT_EQ(describe(oddName, Language::En),
              "The file “{size} {limit}.txt” has 52,428,801 bytes; the maximum is 52,428,800 "
              "bytes (50 MB).");

    LinkedRecords linked;
    linked.projects = 2;
    linked.invoices = 3;
    const HasLinkedRecords error(7, linked);
    EXPECT_EQ(describe(error, Language::Es),
              "No se puede eliminar el cliente porque tiene registros vinculados (proyectos: 2, "
              "facturas: 3). Archívelo en su lugar.");
    EXPECT_NE(describe(error, Language::En).find("projects: 2, invoices: 3"), std::string::npos);
    EXPECT_NE(describe(error, Language::Pt).find("projetos: 2, faturas: 3"), std::string::npos);
    EXPECT_NE(std::string(error.what()).find("invoices 3"), std::string::npos);

    Client stored;
    stored.code = "C-000001";
    const ConflictError conflict("/tmp/c.db", stored);
    for (Language language : kLanguages)
    {
        const std::string text = describe(static_cast<const StoreError&>(conflict), language);
        EXPECT_EQ(text.back(), '.');
        EXPECT_EQ(text, describe(StoreError(StoreError::Kind::Conflict, "x", "y"), language));
    }
}

} // namespace clientes

namespace clientes
{
// An address needs a name or a street; its country is an ISO code (tidied to upper case).
TEST(ProfileValidation, AnAddressNeedsANameOrAStreetAndACountryCode)
{
    Address address;
    EXPECT_EQ(validate(address), (std::vector<RecordIssue>{
                                     {RecordType::Address, RecordField::Name, Problem::Required}}));
    address.street = "  Calle   Mayor 1 ";
    address.country = " es ";
    tidy(address);
    EXPECT_EQ(address.street, "Calle Mayor 1");
    EXPECT_EQ(address.country, "ES");
    EXPECT_TRUE(validate(address).empty());
    address.country = "ESP";
    tidy(address);
    EXPECT_EQ(validate(address),
              (std::vector<RecordIssue>{
                  {RecordType::Address, RecordField::Country, Problem::InvalidCountry}}));
}

// A bank account's IBAN is required; one that reads as an IBAN is kept in its electronic form,
// and the checks' verdicts are shown, never refused.
TEST(ProfileValidation, ABankAccountKeepsItsIbanElectronicAndIsWarnedNotRefused)
{
    BankAccount account;
    EXPECT_EQ(validate(account),
              (std::vector<RecordIssue>{
                  {RecordType::BankAccount, RecordField::Iban, Problem::Required}}));
    account.iban = "iban es91 2100-0418-4502-0005-1332";
    account.bic = "caix es bb";
    tidy(account);
    EXPECT_EQ(account.iban, "ES9121000418450200051332");
    EXPECT_EQ(account.bic, "CAIXESBB");
    EXPECT_TRUE(validate(account).empty());
    EXPECT_EQ(bankCheckLabel(account, Language::Es), "Correcto");
    const auto& kind = kindOf<BankAccount>();
    EXPECT_EQ(std::get<std::string>(kind.field("ibanCheck")->value(account)), "valid");

    account.iban = "ES9121000418450200051333"; // one digit mistyped
    EXPECT_TRUE(validate(account).empty());
    EXPECT_EQ(std::get<std::string>(kind.field("ibanCheck")->value(account)), "badCheckDigits");
    EXPECT_EQ(bankCheckLabel(account, Language::Es),
              "Dígitos de control incorrectos: ¿un número mal copiado?");
    account.iban = "ES91210004184502000513";
    account.bic = "CAIX";
    EXPECT_EQ(bankCheckLabel(account, Language::En),
              "Wrong length: ES IBANs have 24 characters · Not a BIC: 8 or 11 letters and digits");
    EXPECT_EQ(std::get<std::string>(kind.field("bicCheck")->value(account)), "wrongFormat");
    // Not an IBAN at all: kept as written.
    account.iban = "cuenta 1234/56";
    tidy(account);
    EXPECT_EQ(account.iban, "cuenta 1234/56");
    EXPECT_EQ(bankCheckLabel(account, Language::Pt).rfind("Não é um IBAN", 0), 0u);
}
} // namespace clientes

namespace clientes
{
// The client dialog's line on the addresses and accounts: the first three addresses by type
// and town (else name), the first account, "+n" for the rest; a sentence when there is none.
TEST(ProfileValidation, TheClientDialogsLineNamesTheFirstAddressesAndAccounts)
{
    EXPECT_EQ(ownedRecordsLine({}, {}, Language::En),
              "No billing or shipping addresses and no bank accounts yet.");
    Address billing;
    billing.type = AddressType::Billing;
    billing.city = "Madrid";
    Address shipping;
    shipping.type = AddressType::Shipping;
    shipping.name = "Almacén";
    Address other;
    other.type = AddressType::Other;
    other.street = "Calle 1";
    BankAccount account;
    account.iban = "ES9121000418450200051332";
    EXPECT_EQ(ownedRecordsLine({billing}, {}, Language::Es), "Direcciones: Facturación (Madrid)");
    EXPECT_EQ(ownedRecordsLine({}, {account, account}, Language::Pt),
              "Contas bancárias: ES91 2100 0418 4502 0005 1332 +1");
    EXPECT_EQ(ownedRecordsLine({billing, shipping, other, other}, {account}, Language::En),
              "Addresses: Billing (Madrid), Shipping (Almacén), Other +1 · Bank accounts: ES91 "
              "2100 0418 4502 0005 1332");
}
} // namespace clientes
