#include "dialogs/export_dialog.hxx"

#include "core/model/record_kinds.hpp"
#include "support/awt_controls.hxx"

#include "core/messages/messages.hpp"
#include "core/messages/transfer_text.hpp"
#include "core/messages/ui_text.hpp"
#include "core/register/register.hpp"
#include "dialogs/import_ui.hxx"
#include "sheets/bound_sheet.hxx"
#include "sheets/export_engine.hxx"
#include "sheets/sheet_io.hxx"
#include "support/entry_guard.hxx"
#include "support/office_locale.hxx"
#include "support/office_settings.hxx"
#include "support/status_progress.hxx"
#include "support/store_access.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/awt/DialogProvider2.hpp>
#include <com/sun/star/awt/XDialog2.hpp>
#include <com/sun/star/awt/XDialogEventHandler.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/util/Date.hpp>
#include <cppuhelper/implbase3.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <rtl/ref.hxx>

#include <cstdio>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using css::uno::XComponentContext;

namespace clientes::uno::export_dialog
{
namespace
{
using namespace transfer_ui;

std::string key(const char* name)
{
    return std::string("ExportDialog.") + name;
}

// "2024-05-31" of a date field, "" when it is empty.
std::string isoOf(const Dialog& dialog, const char* name)
{
    css::util::Date date;
    if (!(model(dialog, name)->getPropertyValue(ascii("Date")) >>= date) || date.Year == 0)
        return {};
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", int(date.Year), int(date.Month),
                  int(date.Day));
    return buffer;
}

class ExportDialog
    : public ComponentBase<kComponent, css::awt::XDialogEventHandler, css::lang::XInitialization>
{
public:
    explicit ExportDialog(const Reference<XComponentContext>& context)
        : m_context(context), m_language(uiLanguage(context))
    {
    }

    // NamedValues: Kind ("clients" | "invoices" | "edit": the clients into a sheet bound to the
    // register), Frame (the Calc frame), Query (the deck's
    // search), Codes (sequence<string>: the clients selected in the deck).
    void SAL_CALL initialize(const Sequence<Any>& arguments) override
    {
        guarded("ExportDialog.initialize",
                [&]
                {
                    for (const Any& argument : arguments)
                    {
                        css::beans::NamedValue value;
                        if (!(argument >>= value))
                            continue;
                        OUString text;
                        if (value.Name == "Kind" && (value.Value >>= text))
                        {
                            m_kind =
                                text == "invoices" ? ImportKind::Invoices : ImportKind::Clients;
                            m_edit = text == "edit";
                        }
                        else if (value.Name == "Frame")
                        {
                            Reference<css::frame::XFrame> frame;
                            value.Value >>= frame;
                            if (frame.is() && frame->getController().is())
                                m_document.set(frame->getController()->getModel(), UNO_QUERY);
                        }
                        else if (value.Name == "Query" && (value.Value >>= text))
                            m_query = toUtf8(text);
                        else if (value.Name == "Codes")
                        {
                            // sequence<string> from C++, sequence<any> from Basic and Python.
                            m_codes.clear();
                            Sequence<OUString> codes;
                            Sequence<Any> anys;
                            if (value.Value >>= codes)
                                for (const OUString& code : codes)
                                    m_codes.push_back(toUtf8(code));
                            else if (value.Value >>= anys)
                                for (const Any& item : anys)
                                    if (item >>= text)
                                        m_codes.push_back(toUtf8(text));
                        }
                    }
                });
    }

    sal_Bool SAL_CALL callHandlerMethod(const Reference<css::awt::XDialog>& dialog, const Any&,
                                        const OUString& method) override
    {
        return guarded("ExportDialog." + toUtf8(method),
                       [&]() -> sal_Bool
                       {
                           try
                           {
                               if (method == "prepare")
                                   prepare(dialog);
                               else if (method == "onExport")
                                   exportNow(dialog);
                               else
                                   return false;
                           }
                           catch (const StoreError& error)
                           {
                               setLabel(dialog, "errExport", fromUtf8(describe(error, m_language)));
                           }
                           catch (const css::lang::IllegalArgumentException& error)
                           {
                               setLabel(dialog, "errExport", error.Message);
                           }
                           return true;
                       });
    }

    Sequence<OUString> SAL_CALL getSupportedMethodNames() override
    {
        return asciiNames({"prepare", "onExport"});
    }

private:
    bool invoices() const { return m_kind == ImportKind::Invoices; }

    void prepare(const Dialog& dialog)
    {
        dialog->setTitle(text(dialog, key(invoices() ? "Title.Invoices"
                                          : m_edit   ? "Title.Edit"
                                                     : "Title.Clients")));
        if (m_edit)
        {
            setLabel(dialog, "btnExport", text(dialog, key("Edit")));
            setVisible(dialog, "chkRecords", false); // a bound sheet holds the clients only
        }
        setPage(dialog, invoices() ? 2 : 1);
        if (invoices())
        {
            setItems(dialog, "lstStatus",
                     {text(dialog, key("StatusAll")),
                      fromUtf8(invoiceStatusLabel(InvoiceStatus::Draft, m_language)),
                      fromUtf8(invoiceStatusLabel(InvoiceStatus::Authorised, m_language)),
                      fromUtf8(invoiceStatusLabel(InvoiceStatus::Paid, m_language))});
            select(dialog, "lstStatus", 0);
        }
        else
        {
            const auto [all, found] = storeAccess().with(
                m_context,
                [&](Register& store)
                {
                    return std::make_pair(
                        store.count(), m_query.empty() ? 0 : store.search(m_query, false, 0).total);
                });
            const auto count = [&](std::int64_t n) { return groupDigits(n, m_language); };
            setLabel(dialog, "optAll", text(dialog, key("All"), {{"count", count(all)}}));
            setLabel(dialog, "optSearch",
                     m_query.empty() ? text(dialog, key("SearchNone"))
                                     : text(dialog, key("Search"),
                                            {{"query", m_query}, {"count", count(found)}}));
            setEnabled(dialog, "optSearch", !m_query.empty());
            setLabel(dialog, "optSelected",
                     text(dialog, key("Selected"),
                          {{"count", count(static_cast<std::int64_t>(m_codes.size()))}}));
            setEnabled(dialog, "optSelected", !m_codes.empty());
            // What the user was looking at is the likeliest wish: the selection, the search.
            setChecked(dialog, "optSelected", m_codes.size() > 1);
            setChecked(dialog, "optSearch", m_codes.size() <= 1 && !m_query.empty());
            setChecked(dialog, "optAll", m_codes.size() <= 1 && m_query.empty());
        }
        setEnabled(dialog, "optNewSheet", m_document.is());
        setChecked(dialog, "optNewSheet", m_document.is());
        setChecked(dialog, "optNewDocument", !m_document.is());
        setLabel(dialog, "errExport", OUString());
    }

    void exportNow(const Dialog& dialog)
    {
        setLabel(dialog, "errExport", OUString());
        InvoiceFilter filter;
        ClientExportSettings settings;
        if (invoices())
        {
            filter.from = isoOf(dialog, "dateFrom");
            filter.to = isoOf(dialog, "dateTo");
            if (!filter.from.empty() && !filter.to.empty() && filter.from > filter.to)
            {
                setLabel(dialog, "errExport", text(dialog, key("DatesReversed")));
                return;
            }
            const sal_Int16 status = selected(dialog, "lstStatus");
            if (status == 1)
                filter.status = InvoiceStatus::Draft;
            else if (status == 2)
                filter.status = InvoiceStatus::Authorised;
            else if (status == 3)
                filter.status = InvoiceStatus::Paid;
        }
        else
        {
            settings.includeArchived = isChecked(dialog, "chkArchived");
            if (isChecked(dialog, "optSelected"))
                settings.codes = m_codes;
            else if (isChecked(dialog, "optSearch"))
                settings.query = m_query;
        }

        Reference<css::sheet::XSpreadsheetDocument> document = m_document;
        Reference<css::sheet::XSpreadsheet> sheet;
        const std::string name =
            text(invoices() ? TextKey::TransferSheetInvoices : TextKey::TransferSheetClients,
                 m_language);
        if (isChecked(dialog, "optNewDocument") || !document.is())
        {
            document.set(css::frame::Desktop::create(m_context)->loadComponentFromURL(
                             ascii("private:factory/scalc"), ascii("_blank"), 0, {}),
                         UNO_QUERY_THROW);
            sheet.set(
                Reference<css::container::XIndexAccess>(document->getSheets(), UNO_QUERY_THROW)
                    ->getByIndex(0),
                UNO_QUERY_THROW);
            Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->setName(fromUtf8(name));
        }
        else
            sheet = sheet_io::appendSheet(document, name);
        // How far the list is, in the status bar of the window that shows it.
        StatusProgress progress(
            m_context,
            StatusProgress::indicatorOf(Reference<css::frame::XModel>(document, UNO_QUERY)),
            officeLocale(m_context), false);
        settings.progress = &progress;
        if (invoices())
            exportInvoiceList(m_context, document, sheet, filter, nullptr, &progress);
        else if (m_edit)
            bound_sheet::edit(m_context, document, sheet, settings);
        else
        {
            exportClientList(m_context, document, sheet, settings);
            if (isChecked(dialog, "chkRecords"))
                exportOwnedRecords(m_context, document, settings, kImportedKinds);
        }
        sheet_io::activate(document, sheet);
        const Reference<css::awt::XDialog2> closable(dialog, UNO_QUERY);
        if (closable.is())
            closable->endDialog(1);
    }

    Reference<XComponentContext> m_context;
    Language m_language;
    ImportKind m_kind = ImportKind::Clients;
    bool m_edit = false;
    Reference<css::sheet::XSpreadsheetDocument> m_document;
    std::string m_query;
    std::vector<std::string> m_codes;
};
} // namespace

OUString dialogUrl()
{
    return ascii("vnd.sun.star.extension://org.clientes.calc/dialogs/ExportDialog.xdl");
}

void run(const Reference<XComponentContext>& context, const Reference<css::frame::XFrame>& frame,
         ImportKind kind, const std::string& query, const std::vector<std::string>& selectedCodes,
         bool edit)
{
    guardedNoThrow("the export dialog",
                   [&]
                   {
                       rtl::Reference<ExportDialog> handler(new ExportDialog(context));
                       Sequence<OUString> codes(static_cast<sal_Int32>(selectedCodes.size()));
                       for (std::size_t i = 0; i < selectedCodes.size(); ++i)
                           codes.getArray()[i] = fromUtf8(selectedCodes[i]);
                       Sequence<Any> arguments(4);
                       Any* out = arguments.getArray();
                       out[0] <<= css::beans::NamedValue(
                           ascii("Kind"), Any(ascii(kind == ImportKind::Invoices ? "invoices"
                                                    : edit                       ? "edit"
                                                                                 : "clients")));
                       out[1] <<= css::beans::NamedValue(ascii("Frame"), Any(frame));
                       out[2] <<= css::beans::NamedValue(ascii("Query"), Any(fromUtf8(query)));
                       out[3] <<= css::beans::NamedValue(ascii("Codes"), Any(codes));
                       handler->initialize(arguments);
                       runDialog(context, dialogUrl(),
                                 Reference<css::awt::XDialogEventHandler>(handler.get()), {},
                                 [edit](const auto&)
                                 { return edit ? HelpPage::EditInCalc : HelpPage::Export; });
                   });
}

const Component kComponent{"org.clientes.calc.ExportDialog", "org.clientes.ExportDialog",
                           [](const Reference<XComponentContext>& context) -> cppu::OWeakObject*
                           { return new ExportDialog(context); }};
} // namespace clientes::uno::export_dialog
