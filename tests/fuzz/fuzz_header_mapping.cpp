// Header recognition for imports (import_mapping.hpp for clients, import_invoices.hpp for
// invoices) on any bytes: the input is a header row, cells separated by 0x1E.
#include "core/transfer/import_invoices.hpp"
#include "core/transfer/import_mapping.hpp"
#include "fuzz_support.hpp"

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

using namespace clientes;

namespace
{

std::vector<std::string> headersFrom(std::string_view bytes)
{
    std::vector<std::string> headers;
    while (true)
    {
        const std::size_t cut = bytes.find('\x1E');
        headers.emplace_back(bytes.substr(0, cut));
        if (cut == std::string_view::npos || headers.size() >= 64)
            break;
        bytes.remove_prefix(cut + 1);
    }
    return headers;
}

std::string asciiUpper(std::string text)
{
    for (char& c : text)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return text;
}

bool isKey(const std::string& key)
{
    if (key.size() != 17 || key[0] != 'h')
        return false;
    for (std::size_t i = 1; i < key.size(); ++i)
        if (!((key[i] >= '0' && key[i] <= '9') || (key[i] >= 'a' && key[i] <= 'f')))
            return false;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::vector<std::string> headers =
        headersFrom(std::string_view(reinterpret_cast<const char*>(data), size));

    // Clients: each field on one column at most, and only on a column whose header names it.
    const ColumnMapping mapping = autoMapping(headers);
    FUZZ_CHECK(mapping.size() == headers.size());
    std::set<Field> seen;
    for (const auto& field : mapping)
        if (field)
            FUZZ_CHECK(seen.insert(*field).second);
    for (std::size_t i = 0; i < mapping.size(); ++i)
    {
        const auto field = fieldForHeader(headers[i]);
        if (mapping[i])
            FUZZ_CHECK(field == mapping[i]);
        else // recognised, but the field went to another column
            FUZZ_CHECK(!field || seen.count(*field) == 1);
        // Case and surrounding spaces do not change what a header names.
        FUZZ_CHECK(fieldForHeader(asciiUpper(headers[i])) == field);
        FUZZ_CHECK(fieldForHeader("  " + headers[i] + " ") == field);
    }

    // Invoices: the same rules.
    const InvoiceMapping invoiceMapping = autoInvoiceMapping(headers);
    FUZZ_CHECK(invoiceMapping.size() == headers.size());
    std::set<InvoiceField> invoiceSeen;
    for (std::size_t i = 0; i < invoiceMapping.size(); ++i)
    {
        const auto field = invoiceFieldForHeader(headers[i]);
        if (invoiceMapping[i])
        {
            FUZZ_CHECK(invoiceSeen.insert(*invoiceMapping[i]).second);
            FUZZ_CHECK(field == invoiceMapping[i]);
        }
        FUZZ_CHECK(invoiceFieldForHeader(asciiUpper(headers[i])) == field);
    }

    // The remembered-mapping key: its shape, blind to case and trailing empty columns.
    const std::string key = mappingKey(headers);
    FUZZ_CHECK(isKey(key));
    std::vector<std::string> changed;
    for (const std::string& header : headers)
        changed.push_back(asciiUpper(header));
    changed.emplace_back();
    changed.emplace_back(" ");
    FUZZ_CHECK(mappingKey(changed) == key);
    return 0;
}
