// The extension's help (core/help/help_pages.hpp): HTML pages inside the .oxt, opened in the
// desktop's web browser. LibreOffice's own help viewer cannot show an extension's pages where
// the office's help packages are missing (it needs Writer and libreoffice-help-common), so F1
// and the Help buttons never go there: F1 is caught before the office sees it while one of our
// windows has the focus, and goes to the page of what is shown.
#pragma once

#include "core/help/help_pages.hpp"

#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <functional>
#include <memory>

namespace clientes::uno
{
// The file:// URL of `page` in the office's UI language inside the installed extension;
// empty when the extension's folder cannot be found.
::rtl::OUString helpPageUrl(const css::uno::Reference<css::uno::XComponentContext>& context,
                            HelpPage page);

// Opens `page` in the desktop's web browser (xdg-open). A page missing from the extension's
// folder, or a browser that cannot be started, is said in a message box over `parent` with
// the page's address. Never throws.
void openHelp(const css::uno::Reference<css::uno::XComponentContext>& context, HelpPage page,
              const css::uno::Reference<css::awt::XWindowPeer>& parent = {}) noexcept;

// While it lives, F1 opens `page()` when pressed in `window` (a dialog: the key comes from
// it whichever of its controls has the focus) or with the focus on one of the controls of
// `controls` (a deck or an options page: windows inside one that is not ours). Either may be
// empty. The Help button of a dialog (a control named "btnHelp") opens the same page.
class HelpScope
{
public:
    HelpScope(const css::uno::Reference<css::uno::XComponentContext>& context,
              const css::uno::Reference<css::awt::XWindow>& window,
              const css::uno::Reference<css::awt::XControlContainer>& controls,
              std::function<HelpPage()> page);
    ~HelpScope();
    HelpScope(const HelpScope&) = delete;
    HelpScope& operator=(const HelpScope&) = delete;

    // Follows the focus of a control added to `controls` after the scope was made.
    void follow(const css::uno::Reference<css::awt::XWindow>& control);

    struct Place;

private:
    std::shared_ptr<Place> m_place;
};
} // namespace clientes::uno
