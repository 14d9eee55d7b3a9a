//! Fonts for Chinese. The window draws it with the system's fonts (Microsoft YaHei, PingFang,
//! Noto CJK, WenQuanYi…), found on demand by egui's system font provider; tests bring their own
//! font instead, so they draw the same on every machine. The same provider answers whether Chinese
//! can be drawn at all, so the window says what to install instead of drawing boxes.

use std::sync::{Arc, OnceLock};

use egui::{FallbackRequest, FontFamily, FontProvider};

/// Where the window's fonts for other scripts come from.
#[derive(Clone, Default)]
pub enum FontSource {
    /// The operating system's fonts.
    #[default]
    System,
    /// A provider of the caller's (the tests' committed font, or none at all).
    Given(Arc<dyn FontProvider>),
}

pub struct Fonts {
    provider: Arc<dyn FontProvider>,
    /// Found out on a thread of its own: listing the system's fonts takes a moment, which an
    /// English window should not wait for.
    has_chinese: Arc<OnceLock<bool>>,
}

impl Fonts {
    /// Adds the provider to `ctx` and starts finding out whether it draws Chinese; the window is
    /// repainted when that is known.
    pub fn install(ctx: &egui::Context, source: FontSource) -> Self {
        let provider: Arc<dyn FontProvider> = match source {
            FontSource::System => Arc::new(egui_system_font_provider::SystemFontProvider::new()),
            FontSource::Given(provider) => provider,
        };
        ctx.add_font_provider(provider.clone());
        let has_chinese = Arc::new(OnceLock::new());
        let (probe, answer, ctx) = (provider.clone(), has_chinese.clone(), ctx.clone());
        let started = std::thread::Builder::new()
            .name("sso-diag-fonts".into())
            .spawn(move || {
                answer.get_or_init(|| draws_chinese(probe.as_ref()));
                ctx.request_repaint();
            });
        if started.is_err() {
            // No thread: find out when Chinese is first wanted instead.
            tracing::warn!("could not start the font probe thread");
        }
        Self {
            provider,
            has_chinese,
        }
    }

    /// Whether some font draws Chinese, if known yet.
    pub fn knows_chinese(&self) -> Option<bool> {
        self.has_chinese.get().copied()
    }

    /// Whether some font draws Chinese, waiting for the answer if need be — as drawing the first
    /// Chinese character would anyway.
    pub fn has_chinese(&self) -> bool {
        *self
            .has_chinese
            .get_or_init(|| draws_chinese(self.provider.as_ref()))
    }
}

fn draws_chinese(provider: &dyn FontProvider) -> bool {
    let request = FallbackRequest {
        cluster: "中",
        family: &FontFamily::Proportional,
    };
    provider.font_for(&request).is_some()
}
