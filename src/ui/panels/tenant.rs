//! Tenant: the domain (checked as you type), X-tenant-id, client_id, timeout.

use egui::{RichText, TextEdit, Ui};

use super::{form_grid, grid_label, section};
use crate::ciam::TenantUrl;
use crate::ui::form::Form;
use crate::ui::theme;

/// Returns whether the domain field has the keyboard focus (detection waits until it has not).
pub fn show(ui: &mut Ui, form: &mut Form) -> bool {
    section(ui, "Tenant");
    let mut domain_focused = false;
    form_grid(ui, "tenant_grid", |ui| {
        let label = grid_label(ui, "Domain");
        ui.vertical(|ui| {
            let r = ui
                .add(
                    TextEdit::singleline(&mut form.domain)
                        .hint_text("tenant.example.com")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label);
            domain_focused = r.has_focus();
            if !form.domain.trim().is_empty() {
                match TenantUrl::parse(&form.domain) {
                    Ok(url) => {
                        ui.label(
                            RichText::new(format!("Requests go to {url}"))
                                .color(theme::ok(ui))
                                .size(12.0),
                        );
                    }
                    Err(e) => {
                        ui.label(
                            RichText::new(format!("Not usable: {e}"))
                                .color(theme::error(ui))
                                .size(12.0),
                        );
                    }
                }
            }
        });
        ui.end_row();

        let label = grid_label(ui, "X-tenant-id");
        ui.add(
            TextEdit::singleline(&mut form.tenant_id)
                .hint_text("optional: only ISV callers on a shared domain")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label);
        ui.end_row();

        let label = grid_label(ui, "client_id");
        ui.add(
            TextEdit::singleline(&mut form.client_id)
                .hint_text("optional: the SSO application's client_id (OneAccess)")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label);
        ui.end_row();
    });
    let summary = format!(
        "Network   timeout {:.0} s · {} · {}",
        form.timeout_secs,
        if form.proxy.trim().is_empty() {
            "system proxy settings"
        } else {
            "proxy set"
        },
        if form.ca_file.trim().is_empty() {
            "system trust store"
        } else {
            "extra CA file"
        }
    );
    egui::CollapsingHeader::new(RichText::new(summary).strong())
        .id_salt("network_section")
        .default_open(false)
        .show(ui, |ui| {
            form_grid(ui, "network_grid", |ui| {
                let label = grid_label(ui, "CA file");
                ui.add(
                    TextEdit::singleline(&mut form.ca_file)
                        .hint_text("optional: PEM of extra authorities to trust")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label);
                ui.end_row();

                let label = grid_label(ui, "Proxy");
                ui.add(
                    TextEdit::singleline(&mut form.proxy)
                        .hint_text("optional: http://proxy:8080")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label);
                ui.end_row();

                let label = grid_label(ui, "Timeout");
                ui.horizontal(|ui| {
                    ui.add(
                        egui::DragValue::new(&mut form.timeout_secs)
                            .range(1.0..=600.0)
                            .speed(0.5)
                            .max_decimals(1)
                            .suffix(" s"),
                    )
                    .labelled_by(label);
                    ui.weak("for the whole request; connecting gets at most 10 s");
                });
                ui.end_row();
            });
        });
    domain_focused
}
