// Tiny listener objects that forward AWT events to a std::function, each behind the wall: an
// AWT listener that throws takes the office down.
#pragma once

#include "support/entry_guard.hxx"

#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XFocusListener.hpp>
#include <com/sun/star/awt/XKeyListener.hpp>
#include <com/sun/star/awt/XMouseListener.hpp>
#include <com/sun/star/awt/XTextListener.hpp>
#include <com/sun/star/awt/XWindowListener.hpp>
#include <com/sun/star/awt/grid/XGridSelectionListener.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/implbase3.hxx>

#include <functional>
#include <utility>

namespace clientes::uno
{
class ActionForwarder : public ::cppu::WeakImplHelper1<css::awt::XActionListener>
{
public:
    explicit ActionForwarder(std::function<void()> onAction) : m_onAction(std::move(onAction)) {}
    void SAL_CALL actionPerformed(const css::awt::ActionEvent&) override
    {
        guardedNoThrow("button action", m_onAction);
    }
    void SAL_CALL disposing(const css::lang::EventObject&) override {}

private:
    std::function<void()> m_onAction;
};

class TextForwarder : public ::cppu::WeakImplHelper1<css::awt::XTextListener>
{
public:
    explicit TextForwarder(std::function<void()> onChange) : m_onChange(std::move(onChange)) {}
    void SAL_CALL textChanged(const css::awt::TextEvent&) override
    {
        guardedNoThrow("search text changed", m_onChange);
    }
    void SAL_CALL disposing(const css::lang::EventObject&) override {}

private:
    std::function<void()> m_onChange;
};

class ResizeForwarder : public ::cppu::WeakImplHelper1<css::awt::XWindowListener>
{
public:
    explicit ResizeForwarder(std::function<void()> onResize) : m_onResize(std::move(onResize)) {}
    void SAL_CALL windowResized(const css::awt::WindowEvent&) override
    {
        guardedNoThrow("panel layout", m_onResize);
    }
    void SAL_CALL windowMoved(const css::awt::WindowEvent&) override {}
    void SAL_CALL windowShown(const css::lang::EventObject&) override
    {
        guardedNoThrow("panel layout", m_onResize);
    }
    void SAL_CALL windowHidden(const css::lang::EventObject&) override {}
    void SAL_CALL disposing(const css::lang::EventObject&) override {}

private:
    std::function<void()> m_onResize;
};

class GridSelectionForwarder
    : public ::cppu::WeakImplHelper1<css::awt::grid::XGridSelectionListener>
{
public:
    explicit GridSelectionForwarder(std::function<void()> onSelect)
        : m_onSelect(std::move(onSelect))
    {
    }
    void SAL_CALL selectionChanged(const css::awt::grid::GridSelectionEvent&) override
    {
        guardedNoThrow("list selection", m_onSelect);
    }
    void SAL_CALL disposing(const css::lang::EventObject&) override {}

private:
    std::function<void()> m_onSelect;
};

// What the deck's list needs from mouse, keyboard and focus: double-click and Enter open the
// client; the arrow keys move the grid's cursor, which the selection follows; entering the list
// by keyboard selects a row so that Enter has something to open.
struct ListGestureHandlers
{
    std::function<void()> open;
    std::function<void()> cursorMoved;
    std::function<void()> focused;
};

class ListGestureForwarder
    : public ::cppu::WeakImplHelper3<css::awt::XMouseListener, css::awt::XKeyListener,
                                     css::awt::XFocusListener>
{
public:
    explicit ListGestureForwarder(ListGestureHandlers handlers) : m_handlers(std::move(handlers)) {}
    void SAL_CALL mousePressed(const css::awt::MouseEvent& event) override
    {
        if (event.ClickCount == 2)
            guardedNoThrow("opening a client", m_handlers.open);
    }
    void SAL_CALL mouseReleased(const css::awt::MouseEvent&) override {}
    void SAL_CALL mouseEntered(const css::awt::MouseEvent&) override {}
    void SAL_CALL mouseExited(const css::awt::MouseEvent&) override {}
    void SAL_CALL keyPressed(const css::awt::KeyEvent& event) override;
    void SAL_CALL keyReleased(const css::awt::KeyEvent& event) override;
    void SAL_CALL focusGained(const css::awt::FocusEvent&) override
    {
        guardedNoThrow("entering the client list", m_handlers.focused);
    }
    void SAL_CALL focusLost(const css::awt::FocusEvent&) override {}
    void SAL_CALL disposing(const css::lang::EventObject&) override {}

private:
    ListGestureHandlers m_handlers;
};
} // namespace clientes::uno
