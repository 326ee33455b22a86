#include "support/message_box.hxx"

#include "core/text/texts.hpp"
#include "support/entry_guard.hxx"
#include "support/office_settings.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>

namespace clientes::uno
{
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

sal_Int16 messageBox(const Reference<css::uno::XComponentContext>& context,
                     const Reference<css::awt::XWindowPeer>& parent, BoxKind kind,
                     const ::rtl::OUString& title, const ::rtl::OUString& text)
{
    const Reference<css::awt::XMessageBoxFactory> boxes(css::awt::Toolkit::create(context),
                                                        UNO_QUERY_THROW);
    const auto type = kind == BoxKind::Question ? css::awt::MessageBoxType_QUERYBOX
                      : kind == BoxKind::Error  ? css::awt::MessageBoxType_ERRORBOX
                                                : css::awt::MessageBoxType_INFOBOX;
    const sal_Int32 buttons = kind == BoxKind::Question
                                  ? css::awt::MessageBoxButtons::BUTTONS_YES_NO |
                                        css::awt::MessageBoxButtons::DEFAULT_BUTTON_NO
                                  : css::awt::MessageBoxButtons::BUTTONS_OK;
    return boxes->createMessageBox(parent, type, buttons, title, text)->execute();
}

void showErrorBox(const Reference<css::uno::XComponentContext>& context, const std::string& message)
{
    guardedNoThrow("showing an error",
                   [&]
                   {
                       messageBox(
                           context, nullptr, BoxKind::Error,
                           fromUtf8(clientes::text(TextKey::DeckErrorTitle, uiLanguage(context))),
                           fromUtf8(message));
                   });
}
} // namespace clientes::uno
