// Tiny listener objects that forward AWT events to a std::function, each behind the wall: an
// AWT listener that throws takes the office down.
#pragma once

#include "entry_guard.hxx"

#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XKeyListener.hpp>
#include <com/sun/star/awt/XMouseListener.hpp>
#include <com/sun/star/awt/XTextListener.hpp>
#include <com/sun/star/awt/XWindowListener.hpp>
#include <com/sun/star/awt/grid/XGridSelectionListener.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase2.hxx>

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

class GridSelectionForwarder : public ::cppu::WeakImplHelper1<css::awt::grid::XGridSelectionListener>
{
public:
    explicit GridSelectionForwarder(std::function<void()> onSelect) : m_onSelect(std::move(onSelect))
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

// Double-click and Enter both "open" the item under the cursor.
class OpenGestureForwarder
    : public ::cppu::WeakImplHelper2<css::awt::XMouseListener, css::awt::XKeyListener>
{
public:
    explicit OpenGestureForwarder(std::function<void()> onOpen) : m_onOpen(std::move(onOpen)) {}
    void SAL_CALL mousePressed(const css::awt::MouseEvent& event) override
    {
        if (event.ClickCount == 2)
            guardedNoThrow("opening a client", m_onOpen);
    }
    void SAL_CALL mouseReleased(const css::awt::MouseEvent&) override {}
    void SAL_CALL mouseEntered(const css::awt::MouseEvent&) override {}
    void SAL_CALL mouseExited(const css::awt::MouseEvent&) override {}
    void SAL_CALL keyPressed(const css::awt::KeyEvent& event) override;
    void SAL_CALL keyReleased(const css::awt::KeyEvent&) override {}
    void SAL_CALL disposing(const css::lang::EventObject&) override {}

private:
    std::function<void()> m_onOpen;
};
} // namespace clientes::uno
