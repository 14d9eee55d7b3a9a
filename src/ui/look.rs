//! How the window looks: the theme the user chose (the system's, light, dark, or high contrast)
//! and the zoom, both remembered between runs. Every theme keeps text at WCAG AA contrast against
//! its background (4.5:1, weak text included) and the focus outline at 3:1 or more.

use egui::{Color32, Stroke, Theme, ThemePreference, Visuals};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
    /// White on black, yellow focus and selection: for low vision and bright rooms.
    HighContrast,
}

impl ThemeChoice {
    /// In the order the header offers them, left to right.
    pub const ALL: [ThemeChoice; 4] = [
        ThemeChoice::System,
        ThemeChoice::Light,
        ThemeChoice::Dark,
        ThemeChoice::HighContrast,
    ];
}

/// What is remembered of the window's look.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Look {
    pub theme: ThemeChoice,
    /// 1.0 is 100 %; Ctrl+Plus, Ctrl+Minus and Ctrl+0 change it.
    pub zoom: f32,
}

impl Default for Look {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::System,
            zoom: 1.0,
        }
    }
}

/// The zooms a window opens at: a damaged setting does not open it unreadable.
const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.5..=3.0;

impl Look {
    pub fn apply(&self, ctx: &egui::Context) {
        apply_theme(ctx, self.theme);
        let zoom = if ZOOM_RANGE.contains(&self.zoom) {
            self.zoom
        } else {
            1.0
        };
        ctx.set_zoom_factor(zoom);
    }
}

pub fn apply_theme(ctx: &egui::Context, choice: ThemeChoice) {
    ctx.set_visuals_of(Theme::Light, light());
    ctx.set_visuals_of(Theme::Dark, dark());
    let preference = match choice {
        ThemeChoice::System => ThemePreference::System,
        ThemeChoice::Light => ThemePreference::Light,
        ThemeChoice::Dark => ThemePreference::Dark,
        ThemeChoice::HighContrast => {
            ctx.set_visuals_of(Theme::Dark, high_contrast());
            ThemePreference::Dark
        }
    };
    ctx.set_theme(preference);
}

/// egui's dark theme, with weak text readable (150 on 27: 5.9:1).
fn dark() -> Visuals {
    Visuals {
        weak_text_color: Some(Color32::from_gray(150)),
        ..Visuals::dark()
    }
}

/// egui's light theme, with weak text readable (95 on 248: 6.0:1).
fn light() -> Visuals {
    Visuals {
        weak_text_color: Some(Color32::from_gray(95)),
        ..Visuals::light()
    }
}

/// White on black; controls outlined in white, the focus and the selection in yellow.
fn high_contrast() -> Visuals {
    let mut v = Visuals::dark();
    let (black, white, yellow) = (
        Color32::BLACK,
        Color32::WHITE,
        Color32::from_rgb(255, 230, 0),
    );

    v.weak_text_color = Some(Color32::from_gray(215));
    v.panel_fill = black;
    v.window_fill = black;
    v.extreme_bg_color = black;
    v.faint_bg_color = Color32::from_gray(25);
    v.code_bg_color = Color32::from_gray(25);
    v.window_stroke = Stroke::new(1.5, white);
    v.hyperlink_color = Color32::from_rgb(0x80, 0xd0, 0xff);
    v.selection.bg_fill = Color32::from_rgb(0x00, 0x40, 0xa0);
    v.selection.stroke = Stroke::new(2.0, yellow);
    let w = &mut v.widgets;
    for state in [&mut w.inactive, &mut w.noninteractive] {
        state.bg_fill = black;
        state.weak_bg_fill = black;
        state.bg_stroke = Stroke::new(1.0, Color32::from_gray(200));
        state.fg_stroke = Stroke::new(1.0, white);
    }
    for state in [&mut w.hovered, &mut w.active, &mut w.open] {
        state.bg_fill = Color32::from_gray(30);
        state.weak_bg_fill = Color32::from_gray(30);
        state.bg_stroke = Stroke::new(2.0, yellow);
        state.fg_stroke = Stroke::new(1.5, white);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG's relative luminance and contrast ratio.
    fn contrast(a: Color32, b: Color32) -> f32 {
        let lum = |c: Color32| {
            let ch = |v: u8| {
                let v = f32::from(v) / 255.0;
                if v <= 0.039_28 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * ch(c.r()) + 0.7152 * ch(c.g()) + 0.0722 * ch(c.b())
        };
        let (x, y) = (lum(a), lum(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn every_theme_keeps_text_and_focus_readable() {
        for (name, v) in [
            ("dark", dark()),
            ("light", light()),
            ("high", high_contrast()),
        ] {
            let text = v
                .override_text_color
                .unwrap_or(v.widgets.noninteractive.fg_stroke.color);
            let weak = v.weak_text_color.unwrap_or(text);
            assert!(contrast(text, v.panel_fill) >= 4.5, "{name}: text");
            assert!(contrast(weak, v.panel_fill) >= 4.5, "{name}: weak text");
            assert!(
                contrast(v.selection.stroke.color, v.panel_fill) >= 3.0,
                "{name}: focus"
            );
        }
        let hc = high_contrast();
        assert!(contrast(hc.selection.stroke.color, hc.panel_fill) >= 7.0);
    }
}
