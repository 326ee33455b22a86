// Shared by the import, export and round-trip suites: Calc documents filled through the API,
// option and result sequences, and a fingerprint of the register file.
#pragma once

#include "office.hpp"
#include "uno_helpers.hpp"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <org/clientes/XClientDirectory.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

namespace clientes::testing
{
using Cell = std::variant<std::string, double>;
using Rows = std::vector<std::vector<Cell>>;

inline css::uno::Sequence<css::uno::Sequence<css::uno::Any>> dataOf(const Rows& rows)
{
    std::size_t width = 0;
    for (const auto& row : rows)
        width = std::max(width, row.size());
    css::uno::Sequence<css::uno::Sequence<css::uno::Any>> data(static_cast<sal_Int32>(rows.size()));
    for (std::size_t r = 0; r < rows.size(); ++r)
    {
        css::uno::Sequence<css::uno::Any> row(static_cast<sal_Int32>(width));
        for (std::size_t c = 0; c < width; ++c)
        {
            if (c >= rows[r].size())
                row.getArray()[c] <<= rtl::OUString();
            else if (const auto* text = std::get_if<std::string>(&rows[r][c]))
                row.getArray()[c] <<= u(*text);
            else
                row.getArray()[c] <<= std::get<double>(rows[r][c]);
        }
        data.getArray()[r] = row;
    }
    return data;
}

// A Calc document of the test office, closed at the end.
class SheetDocument
{
public:
    // `filter` and `filterOptions` for files that need them (CSV).
    explicit SheetDocument(const Office& office, const std::string& url = "private:factory/scalc",
                           bool hidden = false, const std::string& filter = {},
                           const std::string& filterOptions = {})
    {
        std::vector<css::beans::PropertyValue> list;
        const auto add = [&](const char* name, css::uno::Any value) {
            list.emplace_back(u(name), 0, std::move(value), css::beans::PropertyState_DIRECT_VALUE);
        };
        if (hidden)
            add("Hidden", css::uno::Any(true));
        if (!filter.empty())
            add("FilterName", css::uno::Any(u(filter)));
        if (!filterOptions.empty())
            add("FilterOptions", css::uno::Any(u(filterOptions)));
        const css::uno::Sequence<css::beans::PropertyValue> arguments(
            list.data(), static_cast<sal_Int32>(list.size()));
        m_document.set(css::frame::Desktop::create(office.context())
                           ->loadComponentFromURL(u(url), u("_blank"), 0, arguments),
                       css::uno::UNO_QUERY_THROW);
    }
    ~SheetDocument()
    {
        try
        {
            css::uno::Reference<css::util::XCloseable>(m_document, css::uno::UNO_QUERY_THROW)
                ->close(true);
        }
        catch (const css::uno::Exception&)
        {
        }
    }
    SheetDocument(const SheetDocument&) = delete;
    SheetDocument& operator=(const SheetDocument&) = delete;

    const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document() const
    {
        return m_document;
    }
    css::uno::Reference<css::sheet::XSpreadsheet> sheet(sal_Int32 index = 0) const
    {
        return css::uno::Reference<css::sheet::XSpreadsheet>(
            css::uno::Reference<css::container::XIndexAccess>(m_document->getSheets(),
                                                              css::uno::UNO_QUERY_THROW)
                ->getByIndex(index),
            css::uno::UNO_QUERY_THROW);
    }
    css::uno::Reference<css::table::XCellRange> range(const std::string& name,
                                                      sal_Int32 index = 0) const
    {
        return css::uno::Reference<css::table::XCellRange>(sheet(index), css::uno::UNO_QUERY_THROW)
            ->getCellRangeByName(u(name));
    }
    // Writes rows with their top-left cell at `topLeft` ("A1"); returns the range written.
    css::uno::Reference<css::table::XCellRange> fill(const std::string& topLeft, const Rows& rows,
                                                     sal_Int32 index = 0) const
    {
        const auto data = dataOf(rows);
        const css::uno::Reference<css::table::XCellRange> all(sheet(index),
                                                              css::uno::UNO_QUERY_THROW);
        const css::uno::Reference<css::table::XCellRange> cell =
            all->getCellRangeByName(u(topLeft));
        const auto addressable =
            css::uno::Reference<css::sheet::XCellRangeAddressable>(cell, css::uno::UNO_QUERY_THROW)
                ->getRangeAddress();
        const auto target =
            all->getCellRangeByPosition(addressable.StartColumn, addressable.StartRow,
                                        addressable.StartColumn + data[0].getLength() - 1,
                                        addressable.StartRow + data.getLength() - 1);
        css::uno::Reference<css::sheet::XCellRangeData>(target, css::uno::UNO_QUERY_THROW)
            ->setDataArray(data);
        return target;
    }
    void storeTo(const std::filesystem::path& file, const std::string& filter,
                 const std::string& filterOptions = {}) const
    {
        css::uno::Sequence<css::beans::PropertyValue> arguments(filterOptions.empty() ? 1 : 2);
        arguments.getArray()[0] = css::beans::PropertyValue(
            u("FilterName"), 0, css::uno::Any(u(filter)), css::beans::PropertyState_DIRECT_VALUE);
        if (!filterOptions.empty())
            arguments.getArray()[1] =
                css::beans::PropertyValue(u("FilterOptions"), 0, css::uno::Any(u(filterOptions)),
                                          css::beans::PropertyState_DIRECT_VALUE);
        css::uno::Reference<css::frame::XStorable>(m_document, css::uno::UNO_QUERY_THROW)
            ->storeToURL(u("file://" + file.string()), arguments);
    }

private:
    css::uno::Reference<css::sheet::XSpreadsheetDocument> m_document;
};

inline css::uno::Sequence<css::beans::NamedValue>
options(std::initializer_list<std::pair<const char*, css::uno::Any>> values)
{
    css::uno::Sequence<css::beans::NamedValue> result(static_cast<sal_Int32>(values.size()));
    css::beans::NamedValue* out = result.getArray();
    for (const auto& [name, value] : values)
        *out++ = css::beans::NamedValue(rtl::OUString::createFromAscii(name), value);
    return result;
}

inline css::uno::Any strings(std::initializer_list<const char*> values)
{
    css::uno::Sequence<rtl::OUString> result(static_cast<sal_Int32>(values.size()));
    rtl::OUString* out = result.getArray();
    for (const char* value : values)
        *out++ = u(value);
    return css::uno::Any(result);
}

inline css::uno::Any resultValue(const css::uno::Sequence<css::beans::NamedValue>& result,
                                 const char* name)
{
    for (const auto& value : result)
        if (value.Name.equalsAscii(name))
            return value.Value;
    return {};
}

inline long count(const css::uno::Sequence<css::beans::NamedValue>& result, const char* name)
{
    sal_Int32 number = -1;
    resultValue(result, name) >>= number;
    return number;
}

inline std::vector<std::string> problems(const css::uno::Sequence<css::beans::NamedValue>& result)
{
    css::uno::Sequence<rtl::OUString> list;
    resultValue(result, "Problems") >>= list;
    std::vector<std::string> out;
    for (const auto& item : list)
        out.push_back(s(item));
    return out;
}

inline std::string joined(const std::vector<std::string>& lines)
{
    std::string text;
    for (const std::string& line : lines)
        text += line + "\n";
    return text;
}

// The register file's bytes (the database and its write-ahead log): equal fingerprints mean
// nothing at all was written.
inline std::string fileFingerprint(const std::filesystem::path& database)
{
    std::string all;
    for (const std::string suffix : {"", "-wal"})
    {
        std::ifstream in(database.string() + suffix, std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        all += suffix + ":" + std::to_string(bytes.str().size()) + ":" +
               std::to_string(std::hash<std::string>{}(bytes.str())) + ";";
    }
    return all;
}

// Every active and archived client as getClient returns it (all fields, version, times), in
// code order: what "the store is the same" means through the API.
inline std::string clientDump(const css::uno::Reference<org::clientes::XClientDirectory>& directory)
{
    std::string dump;
    for (const rtl::OUString& code : directory->findClients(rtl::OUString(), 0))
    {
        for (const auto& field : directory->getClient(code))
        {
            dump += s(field.Name) + "=";
            rtl::OUString text;
            sal_Int64 number = 0;
            bool flag = false;
            if (field.Value >>= text)
                dump += s(text);
            else if (field.Value >>= number)
                dump += std::to_string(number);
            else if (field.Value >>= flag)
                dump += flag ? "true" : "false";
            dump += "\x1f";
        }
        dump += "\n";
    }
    return dump;
}
} // namespace clientes::testing
