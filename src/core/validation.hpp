#pragma once

#include "core/client.hpp"

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace clientes
{

enum class Problem
{
    Required,
    InvalidEmail,
    TooLong,
    InvalidCountry,
    InvalidText, // bad UTF-8 or control characters
    ReadOnly,    // not produced by validate(); for callers that refuse writes to e.g. Code
    UnknownField // not produced by validate(); for callers resolving field names
};

struct FieldIssue
{
    Field field;
    Problem problem;
    std::size_t limit = 0; // maximum length in characters, for TooLong

    bool operator==(const FieldIssue&) const = default;
};

// Maximum length of a field in Unicode code points (0 = not limited here).
std::size_t maxLength(Field field);

// Trims spaces (ASCII, NBSP and other Unicode spaces) of every field, collapses internal
// whitespace runs in single-line fields, turns CR LF into LF in notes, lower-cases the e-mail
// domain part and upper-cases the country.
void tidy(Client& client);

// All problems of the client, in field order; empty when it can be stored.
std::vector<FieldIssue> validate(const Client& client);

// Canonical form of a tax ID for comparisons: no spaces, dots, dashes or slashes, upper case,
// without a leading 2-letter prefix equal to `country` ("EL" for "GR").
std::string normalizeTaxId(std::string_view raw, std::string_view country);

class ValidationError : public std::runtime_error
{
public:
    explicit ValidationError(std::vector<FieldIssue> issues);
    std::vector<FieldIssue> issues;
};

} // namespace clientes
