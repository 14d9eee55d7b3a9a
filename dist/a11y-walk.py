#!/usr/bin/python3
"""Walks sso-diag's window as a screen reader (Orca) reads it, through AT-SPI, and fails on what
would leave a blind user stuck: an unnamed window or control, a value without a range, a result
that is not announced, or Exchange more than 8 Tab presses from where the window starts.

Run by dist/a11y-check.sh inside a D-Bus session with the accessibility bus on, the window
started (`sso-diag --demo`) on $DISPLAY. Prints what it read; exits 1 on any failure."""
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

TITLE = "sso-diag — SSO ticket diagnostics"
# Roles that a person operates: each must say what it is.
CONTROLS = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_TEXT,
    pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_SLIDER, pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_PROGRESS_BAR, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_LINK,
}
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message)


def find_window(deadline):
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is None:
                continue
            for child in app:
                if child is not None and child.getRoleName() in ("frame", "window"):
                    if "sso-diag" in (app.name or "") or "sso-diag" in (child.name or ""):
                        return child
        time.sleep(0.5)
    return None


def walk(node, depth=0):
    yield node, depth
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield from walk(child, depth + 1)


def name_of(node):
    name = (node.name or "").strip()
    if name:
        return name
    for relation in node.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            target = relation.getTarget(0)
            if target is not None and (target.name or "").strip():
                return target.name.strip()
    return ""


def focused(window):
    for node, _ in walk(window):
        if node.getState().contains(pyatspi.STATE_FOCUSED):
            return node
    return None


def keys(window_id, *sequence):
    subprocess.run(["xdotool", "windowfocus", "--sync", window_id], check=False)
    subprocess.run(["xdotool", "key", "--window", window_id, *sequence], check=True)
    time.sleep(0.6)


def main():
    window = find_window(time.time() + 30)
    if window is None:
        fail("no sso-diag window in the accessibility tree")
        return
    print(f"window: [{window.getRoleName()}] {window.name!r}")
    if (window.name or "") != TITLE:
        fail(f"the window is named {window.name!r}, not {TITLE!r}")

    controls = 0
    for node, depth in walk(window):
        role = node.getRole()
        name = name_of(node)
        if role in CONTROLS:
            controls += 1
            if not name:
                fail(f"an unnamed {node.getRoleName()} at depth {depth}")
        try:
            value = node.queryValue()
        except NotImplementedError:
            value = None
        if value is not None:
            low, high = value.minimumValue, value.maximumValue
            if not (abs(low) < 1e300 and abs(high) < 1e300 and low < high):
                fail(f"{node.getRoleName()} {name!r} has a value without a range ({low}..{high})")
    print(f"{controls} controls, every one named" if controls else "no controls found")
    if controls < 20:
        fail(f"only {controls} controls: the window's tree is not there")

    window_id = subprocess.run(
        ["xdotool", "search", "--sync", "--limit", "1", "--name", "sso-diag"],
        capture_output=True, text=True, check=True).stdout.split()[0]
    # The window gets the keyboard as a desktop gives it on opening (no window manager here).
    subprocess.run(["xdotool", "windowfocus", "--sync", window_id], check=False)
    time.sleep(1.0)
    start = focused(window)
    print(f"focus at start: {name_of(start) if start else None!r}")
    presses = 0
    while presses <= 8 and not (start and name_of(start) == "Exchange"):
        keys(window_id, "Tab")
        presses += 1
        start = focused(window)
    if not (start and name_of(start) == "Exchange"):
        fail("Exchange is more than 8 Tab presses from where the window starts")
    else:
        print(f"Exchange reached after {presses} Tab presses")

    announced = []

    def heard(event):
        announced.append(str(event.any_data))

    pyatspi.Registry.registerEventListener(heard, "object:announcement")
    keys(window_id, "ctrl+Return")
    loop = GLib.MainLoop()
    GLib.timeout_add(3000, loop.quit)
    loop.run()
    pyatspi.Registry.deregisterEventListener(heard, "object:announcement")
    print(f"announced: {announced}")
    if not any("Ticket issued" in a for a in announced):
        fail("the ticket that Ctrl+Enter brought was not announced")
    now = focused(window)
    print(f"focus after the exchange: {name_of(now) if now else None!r}")
    if not (now and name_of(now).startswith("Ticket issued")):
        fail("the focus did not move to the result's heading")

    # The ticket's lifetime bar: named, and its value in a range.
    bars = [n for n, _ in walk(window) if n.getRole() == pyatspi.ROLE_PROGRESS_BAR]
    if not bars:
        fail("no lifetime bar after the exchange")
    for bar in bars:
        value = bar.queryValue()
        print(f"bar {name_of(bar)!r}: {value.currentValue} of {value.minimumValue}..{value.maximumValue}")
        if name_of(bar) != "Ticket lifetime":
            fail(f"the lifetime bar is named {name_of(bar)!r}")


main()
if failures:
    print(f"{len(failures)} accessibility failures")
    sys.exit(1)
print("accessibility: the window is named, every control named, every value ranged, "
      "the result announced and focused, Exchange within 8 Tab presses")
