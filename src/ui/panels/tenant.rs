//! Tenant: the domain (checked as you type), X-tenant-id, client_id, timeout.

use egui::{RichText, TextEdit, Ui};

use super::{form_grid, grid_label, section, text_row};
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

        text_row(
            ui,
            "X-tenant-id",
            &mut form.tenant_id,
            "optional: only ISV callers on a shared domain",
        );

        text_row(
            ui,
            "client_id",
            &mut form.client_id,
            "optional: the SSO application's client_id (OneAccess)",
        );
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
                text_row(
                    ui,
                    "CA file",
                    &mut form.ca_file,
                    "optional: PEM of extra authorities to trust",
                );

                text_row(ui, "Proxy", &mut form.proxy, "optional: http://proxy:8080");

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
