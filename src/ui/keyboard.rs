//! The keyboard: every main action has a shortcut (listed in the keyboard help, F1, and in each
//! button's tooltip), and a window opens with the focus where the work starts.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::app::SsoDiagApp;
use super::field::Field;
use super::job::Operation;
use super::panels::Intent;
use crate::i18n::Lang;
use crate::step::Step;
use crate::tr;

/// What a shortcut does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Exchange,
    Check,
    CopyReport,
    SaveReport,
    CopyCurl,
    SwitchLanguage,
    FocusDomain,
    Help,
}

const COMMAND_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

/// Each shortcut and what it does.
pub const SHORTCUTS: [(KeyboardShortcut, Action); 8] = [
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::Enter),
        Action::Exchange,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::K),
        Action::Check,
    ),
    (
        KeyboardShortcut::new(COMMAND_SHIFT, Key::R),
        Action::CopyReport,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::S),
        Action::SaveReport,
    ),
    (
        KeyboardShortcut::new(COMMAND_SHIFT, Key::C),
        Action::CopyCurl,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::L),
        Action::SwitchLanguage,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::D),
        Action::FocusDomain,
    ),
    (
        KeyboardShortcut::new(Modifiers::NONE, Key::F1),
        Action::Help,
    ),
];

impl Action {
    /// What it does, in the keyboard help.
    pub fn words(self, lang: Lang) -> String {
        let l = lang;
        match self {
            Action::Exchange => tr!(l, "keys-exchange"),
            Action::Check => tr!(l, "keys-check"),
            Action::CopyReport => tr!(l, "keys-copy-report"),
            Action::SaveReport => tr!(l, "keys-save-report"),
            Action::CopyCurl => tr!(l, "keys-copy-curl"),
            Action::SwitchLanguage => tr!(l, "keys-switch-language"),
            Action::FocusDomain => tr!(l, "keys-domain"),
            Action::Help => tr!(l, "keys-help"),
        }
    }

    /// Its keys as this platform writes them (`Ctrl+Enter`, `⌘↩`).
    pub fn keys(self, ctx: &egui::Context) -> String {
        SHORTCUTS
            .iter()
            .find(|(_, a)| *a == self)
            .map(|(s, _)| ctx.format_shortcut(s))
            .unwrap_or_default()
    }
}

impl SsoDiagApp {
    /// The intents the keys pressed this frame ask for. Taken before any widget sees them, so a
    /// text field does not type them.
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) -> Vec<Intent> {
        let mut intents = Vec::new();
        let running = self.session.running.is_some();
        let other = match self.view.lang {
            Lang::En => Lang::ZhCn,
            Lang::ZhCn => Lang::En,
        };
        ctx.input_mut(|i| {
            for (shortcut, action) in SHORTCUTS {
                if !i.consume_shortcut(&shortcut) {
                    continue;
                }
                intents.push(match action {
                    Action::Exchange => Intent::Run(Operation::Call(Step::Exchange)),
                    Action::Check => Intent::Run(Operation::Check),
                    Action::CopyReport => Intent::CopyReport,
                    Action::SaveReport => Intent::SaveReport,
                    Action::CopyCurl => Intent::CopyCurl,
                    Action::SwitchLanguage => Intent::SetLang(other),
                    Action::FocusDomain => Intent::FocusDomain,
                    Action::Help => Intent::KeysHelp,
                });
            }
            if i.consume_key(Modifiers::NONE, Key::Escape) {
                if self.view.keys_help {
                    intents.push(Intent::KeysHelp);
                } else if running {
                    intents.push(Intent::Cancel);
                }
            }
        });
        intents
    }

    /// Where the work starts in a window just opened: the first empty field the exchange needs,
    /// or Exchange itself when the form is filled (as `--demo` fills it).
    pub(super) fn place_first_focus(&mut self) {
        let missing = self.form.missing_fields(Operation::Call(Step::Exchange));
        let empty = [Field::Domain, Field::AccessToken, Field::SessionToken]
            .into_iter()
            .find(|f| missing.contains(f));
        match empty {
            Some(field) => self.form.focus = Some(field),
            None => self.view.focus_exchange = true,
        }
    }
}

/// The keyboard help: every shortcut and what it does, in `lang`.
pub fn help_lines(ctx: &egui::Context, lang: Lang) -> Vec<(String, String)> {
    let l = lang;
    let mut lines: Vec<(String, String)> = SHORTCUTS
        .iter()
        .map(|(s, action)| (ctx.format_shortcut(s), action.words(l)))
        .collect();
    lines.push(("Esc".into(), tr!(l, "keys-cancel")));
    lines.push(("Tab / Shift+Tab".into(), tr!(l, "keys-tab")));
    lines.push((
        "Ctrl+Plus / Ctrl+Minus / Ctrl+0".into(),
        tr!(l, "keys-zoom"),
    ));
    lines
}
