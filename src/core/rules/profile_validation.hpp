#pragma once

// Tidying and validation of the profile records (profile_records.hpp), driven by their kinds'
// descriptions (record_kinds.hpp: types, required, lengths, ranges), in the manner of
// tidy()/validate() for clients (validation.hpp). The store calls them; a form may call them
// first to show problems next to the fields.

#include "core/model/profile_records.hpp"
#include "core/rules/validation.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace clientes
{

struct RecordIssue
{
    RecordType record;
    RecordField field;
    Problem problem;
    std::size_t limit = 0; // TooLong: maximum characters; OutOfRange: maximum value

    bool operator==(const RecordIssue&) const = default;
};

class RecordValidationError : public std::runtime_error
{
public:
    explicit RecordValidationError(std::vector<RecordIssue> issues);
    std::vector<RecordIssue> issues;
};

// Maximum length in characters of a text field of a record, from its kind's description
// (model/record_kinds.hpp); 0 = not limited here.
std::size_t maxLength(RecordType record, RecordField field);

// Trim (and collapse inner spaces in single-line) text fields, lower-case the e-mail domain,
// upper-case currencies.
void tidy(Contact& contact);
void tidy(Project& project);
void tidy(TimeEntry& entry);
void tidy(Task& task);
void tidy(PurchaseOrder& order);
void tidy(Invoice& invoice);
void tidy(Deal& deal);
void tidy(Address& address);
void tidy(BankAccount& account);

// All problems, in field order; empty when the record can be stored. The store also checks
// what needs the database (the client exists, the invoice number is free).
std::vector<RecordIssue> validate(const Contact& contact);
std::vector<RecordIssue> validate(const Project& project);
std::vector<RecordIssue> validate(const TimeEntry& entry);
std::vector<RecordIssue> validate(const Task& task);
std::vector<RecordIssue> validate(const PurchaseOrder& order);
std::vector<RecordIssue> validate(const Invoice& invoice);
std::vector<RecordIssue> validate(const Address& address);
std::vector<RecordIssue> validate(const BankAccount& account);
std::vector<RecordIssue> validate(const Deal& deal);
// A file's name (required, one line, at most 255 characters) and MIME type ("type/subtype",
// at most 127 characters; "" allowed, the store uses application/octet-stream).
std::vector<RecordIssue> validateFile(std::string_view name, std::string_view mimeType);
// A note for the activity history: required, at most 100,000 characters.
std::vector<RecordIssue> validateNote(std::string_view text);

} // namespace clientes
