//! Device: the values sent with the exchange, detected but each overridable, with a marker and a reset.

use egui::{RichText, TextEdit, Ui};

use super::{Intent, form_grid, grid_label};
use crate::i18n::Lang;
use crate::tr;
use crate::ui::form::{DeviceField, DeviceForm};
use crate::ui::{lang, theme};

/// `missing`: the last operation needed a device value and found it empty (the section is
/// outlined, open).
pub fn show(ui: &mut Ui, device: &mut DeviceForm, missing: bool) -> Vec<Intent> {
    let l = lang::of(ui);
    let mut intents = Vec::new();
    let summary = summary(device, l);
    let title = tr!(l, "ui-device-summary", summary = summary);
    let section = egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt("device_section")
        .default_open(false)
        .open(missing.then_some(true))
        .show(ui, |ui| {
            form_grid(ui, "device_grid", |ui| {
                let long_name = device.profile.as_ref().map(|p| p.os_name.clone());
                field_row(
                    ui,
                    &tr!(l, "ui-os-version"),
                    &mut device.os_version,
                    long_name.as_deref(),
                    |_| {},
                );

                let addresses = device
                    .profile
                    .as_ref()
                    .map(|p| p.addresses.clone())
                    .unwrap_or_default();
                let name = tr!(l, "ui-device-ip");
                field_row(ui, &name, &mut device.device_ip, None, |ui_value| {
                    let (ui, value) = ui_value;
                    egui::ComboBox::from_id_salt("device_ip_choices")
                        .selected_text(tr!(l, "ui-addresses"))
                        .width(90.0)
                        .show_ui(ui, |ui| {
                            for (i, addr) in addresses.iter().enumerate() {
                                let text = if i == 0 {
                                    tr!(l, "ui-route-to-tenant", address = addr.as_str())
                                } else {
                                    addr.clone()
                                };
                                if ui.selectable_label(value.value == *addr, text).clicked() {
                                    value.value = addr.clone();
                                    value.edited();
                                }
                            }
                        });
                });

                let name = tr!(l, "ui-fingerprint");
                field_row(ui, &name, &mut device.fingerprint, None, |ui_value| {
                    let (ui, value) = ui_value;
                    if ui.button(tr!(l, "ui-copy-fingerprint")).clicked() {
                        intents.push(Intent::Copy {
                            text: value.value.clone(),
                            what: tr!(l, "ui-fingerprint"),
                        });
                    }
                });
                ui.label("");
                let source = device
                    .fingerprint_source()
                    .map(|s| s.describe(l))
                    .unwrap_or_else(|| tr!(l, "ui-detecting"));
                let note = tr!(l, "ui-fingerprint-note", source = source);
                ui.label(RichText::new(note).small().weak());
                ui.end_row();

                field_row(ui, &tr!(l, "ui-agent"), &mut device.agent, None, |_| {});
            });
        });
    super::outline_missing(ui, &section.header_response, missing);
    crate::ui::a11y::focus_ring(ui, &section.header_response);
    intents
}

/// `debian12 · 10.0.0.5 · fp 9f2c…a41e` for the collapsed header.
fn summary(device: &DeviceForm, l: Lang) -> String {
    if device.profile.is_none() && device.os_version.value.is_empty() {
        return tr!(l, "ui-detecting");
    }
    let fp = &device.fingerprint.value;
    let fp_short = if fp.chars().count() > 10 {
        let chars: Vec<char> = fp.chars().collect();
        format!(
            "{}…{}",
            chars[..4].iter().collect::<String>(),
            chars[chars.len() - 4..].iter().collect::<String>()
        )
    } else {
        fp.clone()
    };
    let any_override = [
        &device.os_version,
        &device.device_ip,
        &device.fingerprint,
        &device.agent,
    ]
    .iter()
    .any(|f| f.user_set);
    let values = tr!(
        l,
        "ui-device-values",
        os = device.os_version.value.as_str(),
        ip = device.device_ip.value.as_str(),
        fingerprint = fp_short
    );
    if any_override {
        tr!(l, "ui-device-edited", values = values)
    } else {
        tr!(l, "ui-device-detected", values = values)
    }
}

/// Label | [value] [extra…] detected-marker-or-Reset
fn field_row(
    ui: &mut Ui,
    name: &str,
    field: &mut DeviceField,
    note: Option<&str>,
    extra: impl FnOnce((&mut Ui, &mut DeviceField)),
) {
    let l = lang::of(ui);
    let label = grid_label(ui, name);
    ui.horizontal_wrapped(|ui| {
        let r = ui
            .add(
                TextEdit::singleline(&mut field.value)
                    .font(egui::TextStyle::Monospace)
                    .desired_width((ui.available_width() - 300.0).max(160.0)),
            )
            .labelled_by(label);
        if r.changed() {
            field.edited();
        }
        extra((ui, field));
        if field.is_detected() {
            ui.label(
                RichText::new(tr!(l, "ui-detected"))
                    .color(theme::ok(ui))
                    .small(),
            );
        } else if field.detected.is_some() {
            ui.label(
                RichText::new(tr!(l, "ui-edited"))
                    .color(theme::warn(ui))
                    .small(),
            );
            if ui
                .small_button(tr!(l, "ui-reset"))
                .on_hover_text(tr!(l, "ui-reset-hover", name = name))
                .clicked()
            {
                field.reset();
            }
        }
        if let Some(note) = note {
            ui.label(RichText::new(note).weak().small());
        }
    });
    ui.end_row();
}
