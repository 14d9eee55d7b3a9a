//! Fonts for Chinese. The window draws it with the system's fonts (Microsoft YaHei, PingFang,
//! Noto CJK, WenQuanYi…), found on demand by egui's system font provider; tests bring their own
//! font instead, so they draw the same on every machine. The same provider answers whether Chinese
//! can be drawn at all, so the window says what to install instead of drawing boxes.

use std::sync::Arc;

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
    /// Asked once, when Chinese is first wanted: finding fonts can take a moment.
    has_chinese: Option<bool>,
}

impl Fonts {
    /// Adds the provider to `ctx`. The system's starts enumerating fonts on a thread of its own.
    pub fn install(ctx: &egui::Context, source: FontSource) -> Self {
        let provider: Arc<dyn FontProvider> = match source {
            FontSource::System => Arc::new(egui_system_font_provider::SystemFontProvider::new()),
            FontSource::Given(provider) => provider,
        };
        ctx.add_font_provider(provider.clone());
        Self {
            provider,
            has_chinese: None,
        }
    }

    /// Whether some font draws Chinese. The first call waits for the system's fonts to be listed
    /// — as drawing the first Chinese character would anyway.
    pub fn has_chinese(&mut self) -> bool {
        *self.has_chinese.get_or_insert_with(|| {
            let request = FallbackRequest {
                cluster: "中",
                family: &FontFamily::Proportional,
            };
            self.provider.font_for(&request).is_some()
        })
    }
}
