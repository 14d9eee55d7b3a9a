//! Device: the values sent with the exchange, detected but each overridable, with a marker and a reset.

use egui::{RichText, TextEdit, Ui};

use super::{Intent, form_grid, grid_label};
use crate::ui::form::{DeviceField, DeviceForm};
use crate::ui::theme;

const FINGERPRINT_NOTE: &str =
    "Must equal the fingerprint the user logged in with (X-device-fingerprint)";

pub fn show(ui: &mut Ui, device: &mut DeviceForm) -> Vec<Intent> {
    let mut intents = Vec::new();
    let summary = summary(device);
    egui::CollapsingHeader::new(RichText::new(format!("Device   {summary}")).strong())
        .id_salt("device_section")
        .default_open(false)
        .show(ui, |ui| {
            form_grid(ui, "device_grid", |ui| {
                let long_name = device.profile.as_ref().map(|p| p.os_name.clone());
                field_row(
                    ui,
                    "OS version",
                    &mut device.os_version,
                    long_name.as_deref(),
                    |_| {},
                );

                let addresses = device
                    .profile
                    .as_ref()
                    .map(|p| p.addresses.clone())
                    .unwrap_or_default();
                field_row(ui, "Device IP", &mut device.device_ip, None, |ui_value| {
                    let (ui, value) = ui_value;
                    egui::ComboBox::from_id_salt("device_ip_choices")
                        .selected_text("addresses")
                        .width(90.0)
                        .show_ui(ui, |ui| {
                            for (i, addr) in addresses.iter().enumerate() {
                                let text = if i == 0 {
                                    format!("{addr}  (route to tenant)")
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

                field_row(
                    ui,
                    "Fingerprint",
                    &mut device.fingerprint,
                    None,
                    |ui_value| {
                        let (ui, value) = ui_value;
                        if ui.button("Copy fingerprint").clicked() {
                            intents.push(Intent::Copy {
                                text: value.value.clone(),
                                what: "Fingerprint",
                            });
                        }
                    },
                );
                ui.label("");
                let source = device
                    .fingerprint_source()
                    .map(|s| s.describe())
                    .unwrap_or("detecting…");
                ui.label(
                    RichText::new(format!("{FINGERPRINT_NOTE}; {source}."))
                        .small()
                        .weak(),
                );
                ui.end_row();

                field_row(ui, "Agent", &mut device.agent, None, |_| {});
            });
        });
    intents
}

/// `debian12 · 10.0.0.5 · fp 9f2c…a41e` for the collapsed header.
fn summary(device: &DeviceForm) -> String {
    if device.profile.is_none() && device.os_version.value.is_empty() {
        return "detecting…".to_owned();
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
    format!(
        "{} · {} · fp {}{}",
        device.os_version.value,
        device.device_ip.value,
        fp_short,
        if any_override {
            " · (edited)"
        } else {
            " · (detected)"
        }
    )
}

/// Label | [value] [extra…] detected-marker-or-Reset
fn field_row(
    ui: &mut Ui,
    name: &str,
    field: &mut DeviceField,
    note: Option<&str>,
    extra: impl FnOnce((&mut Ui, &mut DeviceField)),
) {
    let label = grid_label(ui, name);
    ui.horizontal(|ui| {
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
            ui.label(RichText::new("detected").color(theme::ok(ui)).small());
        } else if field.detected.is_some() {
            ui.label(RichText::new("edited").color(theme::warn(ui)).small());
            if ui
                .small_button("Reset")
                .on_hover_text(format!("Use the detected {}", name.to_lowercase()))
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
