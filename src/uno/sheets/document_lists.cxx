#include "sheets/document_lists.hxx"

#include "support/uno_text.hxx"

#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XDatabaseRange.hpp>
#include <com/sun/star/sheet/XDatabaseRanges.hpp>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::UNO_QUERY_THROW;

namespace clientes::uno::document_lists
{
namespace
{
Reference<css::beans::XPropertyContainer>
userProperties(const Reference<css::sheet::XSpreadsheetDocument>& document)
{
    return Reference<css::document::XDocumentPropertiesSupplier>(document, UNO_QUERY_THROW)
        ->getDocumentProperties()
        ->getUserDefinedProperties();
}

Reference<css::sheet::XDatabaseRanges>
databaseRanges(const Reference<css::sheet::XSpreadsheetDocument>& document)
{
    return Reference<css::sheet::XDatabaseRanges>(
        Reference<css::beans::XPropertySet>(document, UNO_QUERY_THROW)
            ->getPropertyValue(ascii("DatabaseRanges")),
        UNO_QUERY_THROW);
}

css::table::CellRangeAddress areaOf(const Reference<css::sheet::XDatabaseRanges>& ranges,
                                    const OUString& name)
{
    return Reference<css::sheet::XDatabaseRange>(ranges->getByName(name), UNO_QUERY_THROW)
        ->getDataArea();
}
} // namespace

sal_Int16 sheetIndex(const Reference<css::sheet::XSpreadsheet>& sheet)
{
    return Reference<css::sheet::XCellRangeAddressable>(sheet, UNO_QUERY_THROW)
        ->getRangeAddress()
        .Sheet;
}

OUString rangeOver(const Reference<css::sheet::XSpreadsheetDocument>& document,
                   const Reference<css::table::XCellRange>& written)
{
    const css::table::CellRangeAddress address =
        Reference<css::sheet::XCellRangeAddressable>(written, UNO_QUERY_THROW)->getRangeAddress();
    const Reference<css::sheet::XDatabaseRanges> ranges = databaseRanges(document);
    for (const OUString& name : ranges->getElementNames())
    {
        const css::table::CellRangeAddress area = areaOf(ranges, name);
        if (area.Sheet == address.Sheet && area.StartRow == address.StartRow &&
            area.StartColumn == address.StartColumn)
            return name;
    }
    return OUString();
}

std::optional<Found> findFirst(const Reference<css::sheet::XSpreadsheetDocument>& document,
                               const Reference<css::sheet::XSpreadsheet>& sheet,
                               std::string_view prefix,
                               bool (*accept)(const std::string& text, void* state), void* state)
{
    const Reference<css::beans::XPropertySet> properties(userProperties(document), UNO_QUERY_THROW);
    const Reference<css::sheet::XDatabaseRanges> ranges = databaseRanges(document);
    const sal_Int16 index = sheetIndex(sheet);
    for (const css::beans::Property& property : properties->getPropertySetInfo()->getProperties())
    {
        const std::string name = toUtf8(property.Name);
        if (!name.starts_with(prefix))
            continue;
        const OUString rangeName = fromUtf8(name.substr(prefix.size()));
        if (!ranges->hasByName(rangeName))
            continue;
        const css::table::CellRangeAddress area = areaOf(ranges, rangeName);
        if (area.Sheet != index)
            continue;
        OUString text;
        properties->getPropertyValue(property.Name) >>= text;
        Found found{property.Name, rangeName, area, toUtf8(text)};
        if (accept(found.text, state))
            return found;
    }
    return std::nullopt;
}

void keep(const Reference<css::sheet::XSpreadsheetDocument>& document, const OUString& property,
          const std::string& text)
{
    const Reference<css::beans::XPropertyContainer> container = userProperties(document);
    const Reference<css::beans::XPropertySet> properties(container, UNO_QUERY_THROW);
    if (properties->getPropertySetInfo()->hasPropertyByName(property))
        properties->setPropertyValue(property, Any(fromUtf8(text)));
    else
        container->addProperty(property, css::beans::PropertyAttribute::REMOVABLE,
                               Any(fromUtf8(text)));
}

void setRows(const Reference<css::sheet::XSpreadsheetDocument>& document, const OUString& rangeName,
             sal_Int32 firstRow, sal_Int32 lastRow)
{
    const Reference<css::sheet::XDatabaseRange> range(
        databaseRanges(document)->getByName(rangeName), UNO_QUERY_THROW);
    css::table::CellRangeAddress area = range->getDataArea();
    area.StartRow = firstRow;
    area.EndRow = std::max(firstRow, lastRow);
    range->setDataArea(area);
}
} // namespace clientes::uno::document_lists
