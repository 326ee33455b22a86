#include "support/help.hxx"

#include "core/text/texts.hpp"
#include "support/awt_listeners.hxx"
#include "support/entry_guard.hxx"
#include "support/file_urls.hxx"
#include "support/key_handler.hxx"
#include "support/message_box.hxx"
#include "support/office_settings.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/awt/Key.hpp>
#include <com/sun/star/awt/KeyEvent.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XFocusListener.hpp>
#include <com/sun/star/awt/XKeyHandler.hpp>
#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <com/sun/star/system/SystemShellExecute.hpp>
#include <com/sun/star/system/SystemShellExecuteFlags.hpp>
#include <cppuhelper/implbase1.hxx>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <optional>
#include <vector>

namespace clientes::uno
{
using css::uno::Reference;
using css::uno::UNO_QUERY;
using ::rtl::OUString;

struct HelpScope::Place
{
    Reference<css::uno::XComponentContext> context;
    Reference<css::awt::XWindow> window;
    Reference<css::awt::XWindow> peer;
    std::function<HelpPage()> page;
    std::atomic<bool> focused{false};
    Reference<css::awt::XFocusListener> focus;
    std::vector<Reference<css::awt::XWindow>> followed;
    Reference<css::awt::XButton> button;
    Reference<css::awt::XActionListener> buttonListener;

    void open() const
    {
        const HelpPage shown = page ? page() : HelpPage::Index;
        openHelp(context, shown,
                 Reference<css::awt::XWindowPeer>(peer.is() ? peer : window, UNO_QUERY));
    }
};

namespace
{
constexpr const char* kExtensionIdentifier = "org.clientes.calc";

// Whether a place of ours has the focus: its controls tell it (focus gained / lost).
class FocusTracker : public ::cppu::WeakImplHelper1<css::awt::XFocusListener>
{
public:
    explicit FocusTracker(std::weak_ptr<HelpScope::Place> place) : m_place(std::move(place)) {}
    void SAL_CALL focusGained(const css::awt::FocusEvent&) override { set(true); }
    void SAL_CALL focusLost(const css::awt::FocusEvent&) override { set(false); }
    void SAL_CALL disposing(const css::lang::EventObject&) override {}

private:
    void set(bool focused) noexcept
    {
        if (const auto place = m_place.lock())
            place->focused = focused;
    }
    std::weak_ptr<HelpScope::Place> m_place;
};

struct Places
{
    std::mutex mutex;
    std::vector<std::weak_ptr<HelpScope::Place>> all;
    std::optional<KeyHandlerRegistration> f1; // while one of our places lives
};

Places& places()
{
    static Places instance;
    return instance;
}

bool isPlainF1(const css::awt::KeyEvent& event)
{
    return event.KeyCode == css::awt::Key::F1 && event.Modifiers == 0;
}

// F1 where one of our places has the focus: its page, and the office's help never sees the key
// (neither its press nor its release, on which VCL would also act).
class HelpKey : public ::cppu::WeakImplHelper1<css::awt::XKeyHandler>
{
public:
    sal_Bool SAL_CALL keyPressed(const css::awt::KeyEvent& event) override
    {
        if (!isPlainF1(event))
            return false;
        std::shared_ptr<HelpScope::Place> hit = placeOf(event.Source);
        if (!hit)
            return false;
        m_swallowRelease = true;
        guardedNoThrow("F1", [&] { hit->open(); });
        return true;
    }
    sal_Bool SAL_CALL keyReleased(const css::awt::KeyEvent& event) override
    {
        if (!isPlainF1(event) || !m_swallowRelease)
            return false;
        m_swallowRelease = false;
        return true;
    }
    void SAL_CALL disposing(const css::lang::EventObject&) override {}

private:
    static std::shared_ptr<HelpScope::Place> placeOf(const Reference<css::uno::XInterface>& source)
    {
        Places& all = places();
        const std::lock_guard lock(all.mutex);
        // The newest first: a dialog opened from the deck is the one the user looks at.
        for (auto it = all.all.rbegin(); it != all.all.rend(); ++it)
            if (auto place = it->lock())
            {
                const Reference<css::uno::XInterface> from(source, UNO_QUERY);
                const bool fromWindow =
                    from.is() &&
                    (from == Reference<css::uno::XInterface>(place->window, UNO_QUERY) ||
                     from == Reference<css::uno::XInterface>(place->peer, UNO_QUERY));
                if (fromWindow || place->focused)
                    return place;
            }
        return nullptr;
    }

    std::atomic<bool> m_swallowRelease{false};
};

OUString ouText(TextKey key, Language language, const TextValues& values = {})
{
    return fromUtf8(text(key, language, values));
}
} // namespace

OUString helpPageUrl(const Reference<css::uno::XComponentContext>& context, HelpPage page)
{
    const OUString location =
        css::deployment::PackageInformationProvider::get(context)->getPackageLocation(
            ascii(kExtensionIdentifier));
    if (location.isEmpty())
        return {};
    return location + "/" + fromUtf8(helpPagePath(page, uiLanguage(context)));
}

void openHelp(const Reference<css::uno::XComponentContext>& context, HelpPage page,
              const Reference<css::awt::XWindowPeer>& parent) noexcept
{
    guardedNoThrow(
        "opening the help",
        [&]
        {
            const Language language = uiLanguage(context);
            const OUString url = helpPageUrl(context, page);
            const auto path = systemPathOf(url);
            std::error_code error;
            if (!path || !std::filesystem::is_regular_file(*path, error))
            {
                const std::string folder =
                    path ? path->parent_path().string() : std::string(kExtensionIdentifier);
                messageBox(
                    context, parent, BoxKind::Error, ouText(TextKey::HelpTitle, language),
                    ouText(TextKey::HelpPageMissing, language,
                           {{"page", quoted(helpPageId(page), language)}, {"folder", folder}}));
                return;
            }
            try
            {
                css::system::SystemShellExecute::create(context)->execute(
                    url, OUString(), css::system::SystemShellExecuteFlags::URIS_ONLY);
            }
            catch (const css::uno::Exception& e)
            {
                messageBox(context, parent, BoxKind::Error, ouText(TextKey::HelpTitle, language),
                           ouText(TextKey::HelpCannotOpen, language,
                                  {{"reason", withoutInternals(toUtf8(e.Message))},
                                   {"url", toUtf8(url)}}));
            }
        });
}

HelpScope::HelpScope(const Reference<css::uno::XComponentContext>& context,
                     const Reference<css::awt::XWindow>& window,
                     const Reference<css::awt::XControlContainer>& controls,
                     std::function<HelpPage()> page)
    : m_place(std::make_shared<Place>())
{
    m_place->context = context;
    // A dialog's control and its peer (the window the toolkit's key events come from).
    m_place->window = window;
    if (const Reference<css::awt::XControl> control{window, UNO_QUERY}; control.is())
        m_place->peer.set(control->getPeer(), UNO_QUERY);
    m_place->page = std::move(page);
    m_place->focus = new FocusTracker(m_place);
    if (controls.is())
    {
        for (const Reference<css::awt::XControl>& control : controls->getControls())
            follow(Reference<css::awt::XWindow>(control, UNO_QUERY));
        m_place->button.set(controls->getControl(ascii("btnHelp")), UNO_QUERY);
        if (m_place->button.is())
        {
            const std::weak_ptr<Place> place = m_place;
            m_place->buttonListener = new ActionForwarder(
                [place]
                {
                    if (const auto alive = place.lock())
                        alive->open();
                });
            m_place->button->addActionListener(m_place->buttonListener);
        }
    }
    Places& all = places();
    const std::lock_guard lock(all.mutex);
    all.all.push_back(m_place);
    if (!all.f1)
        all.f1.emplace(context, new HelpKey);
}

HelpScope::~HelpScope()
{
    guardedNoThrow("leaving the help's scope",
                   [&]
                   {
                       for (const auto& control : m_place->followed)
                           control->removeFocusListener(m_place->focus);
                       if (m_place->button.is())
                           m_place->button->removeActionListener(m_place->buttonListener);
                   });
    Places& all = places();
    const std::lock_guard lock(all.mutex);
    std::erase_if(all.all, [this](const std::weak_ptr<Place>& place)
                  { return place.expired() || place.lock() == m_place; });
    if (all.all.empty())
        all.f1.reset();
}

void HelpScope::follow(const Reference<css::awt::XWindow>& control)
{
    if (!control.is())
        return;
    control->addFocusListener(m_place->focus);
    m_place->followed.push_back(control);
}
} // namespace clientes::uno
