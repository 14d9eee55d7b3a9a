//! Tenant: the domain (checked as you type), X-tenant-id, client_id, timeout.

use egui::{RichText, TextEdit, Ui};

use super::{form_grid, grid_label, outline_missing, section, text_row};
use crate::ciam::TenantUrl;
use crate::tr;
use crate::ui::field::Field;
use crate::ui::form::Form;
use crate::ui::{lang, theme};

/// A pause in typing this long settles the domain: the device is detected for it then.
const SETTLED_AFTER: f64 = 0.8;

/// Returns whether a domain is being typed (the device detection waits for it to settle: the
/// field left, or a pause in typing).
pub fn show(ui: &mut Ui, form: &mut Form) -> bool {
    let l = lang::of(ui);
    section(ui, &tr!(l, "ui-tenant"));
    let mut domain_focused = false;
    form_grid(ui, "tenant_grid", |ui| {
        let label = grid_label(ui, &tr!(l, "ui-domain"));
        ui.vertical(|ui| {
            let r = ui
                .add(
                    TextEdit::singleline(&mut form.domain)
                        .hint_text("tenant.example.com")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label);
            if form.focus == Some(Field::Domain) {
                form.focus = None;
                r.request_focus();
            }
            let typed_at = egui::Id::unique("domain_typed_at");
            let now = ui.input(|i| i.time);
            if r.changed() {
                ui.ctx().data_mut(|d| d.insert_temp(typed_at, now));
            }
            let last = ui.ctx().data(|d| d.get_temp::<f64>(typed_at));
            let typing = last.is_some_and(|t| now - t < SETTLED_AFTER);
            if r.has_focus() && typing {
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_secs_f64(SETTLED_AFTER));
            }
            domain_focused = r.has_focus() && typing;
            outline_missing(ui, &r, form.is_missing(Field::Domain));
            if !form.domain.trim().is_empty() {
                match TenantUrl::parse(&form.domain) {
                    Ok(url) => {
                        let text = tr!(l, "ui-requests-go-to", url = url.to_string());
                        ui.label(RichText::new(text).color(theme::ok(ui)).size(12.0));
                    }
                    Err(e) => {
                        let text = tr!(l, "ui-not-usable", problem = e.message().text(l));
                        ui.label(RichText::new(text).color(theme::error(ui)).size(12.0));
                    }
                }
            }
        });
        ui.end_row();

        let hint = tr!(l, "ui-tenant-id-hint");
        text_row(ui, "X-tenant-id", &mut form.tenant_id, &hint);
        let hint = tr!(l, "ui-client-id-hint");
        let r = text_row(ui, "client_id", &mut form.client_id, &hint);
        outline_missing(ui, &r, form.is_missing(Field::ClientId));
    });
    let proxy = if form.proxy.trim().is_empty() {
        tr!(l, "ui-network-system-proxy")
    } else {
        tr!(l, "ui-network-proxy-set")
    };
    let trust = if form.ca_file.trim().is_empty() {
        tr!(l, "ui-network-system-trust")
    } else {
        tr!(l, "ui-network-extra-ca")
    };
    let seconds = f64::from(form.timeout_secs.round());
    let summary = tr!(
        l,
        "ui-network-summary",
        seconds = seconds,
        proxy = proxy,
        trust = trust
    );
    let section = egui::CollapsingHeader::new(RichText::new(summary).strong())
        .id_salt("network_section")
        .default_open(false)
        .show(ui, |ui| {
            form_grid(ui, "network_grid", |ui| {
                let (label, hint) = (tr!(l, "ui-ca-file"), tr!(l, "ui-ca-file-hint"));
                text_row(ui, &label, &mut form.ca_file, &hint);
                let (label, hint) = (tr!(l, "ui-proxy"), tr!(l, "ui-proxy-hint"));
                text_row(ui, &label, &mut form.proxy, &hint);

                let label = grid_label(ui, &tr!(l, "ui-timeout"));
                ui.horizontal_wrapped(|ui| {
                    ui.add(
                        egui::DragValue::new(&mut form.timeout_secs)
                            .range(1.0..=600.0)
                            .speed(0.5)
                            .max_decimals(1)
                            .suffix(tr!(l, "ui-seconds-suffix")),
                    )
                    .labelled_by(label);
                    ui.weak(tr!(l, "ui-timeout-note"));
                });
                ui.end_row();
            });
        });
    crate::ui::a11y::focus_ring(ui, &section.header_response);
    domain_focused
}
