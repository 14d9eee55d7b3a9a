//! The verdict: the ticket with its live countdown, or a card that says what went wrong and what to do.

use std::time::Instant;

use egui::{RichText, Ui};

use super::Intent;
use crate::ciam::CiamError;
use crate::ticket::{Ticket, TicketState};
use crate::ui::attempt::{Attempt, AttemptOutcome};
use crate::ui::clock::local_hms;
use crate::ui::theme;

pub fn show(ui: &mut Ui, attempt: Option<&Attempt>, now: Instant) -> Option<Intent> {
    let Some(attempt) = attempt else {
        ui.weak(
            "Fill in the tenant and both tokens, then press Exchange. Nothing is sent before that.",
        );
        return None;
    };
    match &attempt.outcome {
        AttemptOutcome::Ticket { ticket, round_trip } => ticket_card(ui, ticket, *round_trip, now),
        AttemptOutcome::Failed(error) => {
            error_card(ui, error);
            None
        }
        AttemptOutcome::Cancelled { after } => {
            ui.label(
                RichText::new(format!(
                    "Cancelled after {:.1} s: no result was kept.",
                    after.as_secs_f32()
                ))
                .size(15.0),
            );
            None
        }
    }
}

fn ticket_card(
    ui: &mut Ui,
    ticket: &Ticket,
    round_trip: std::time::Duration,
    now: Instant,
) -> Option<Intent> {
    let mut intent = None;
    let state = ticket.state(now);
    let accent = match state {
        TicketState::Valid => theme::ok(ui),
        TicketState::Expiring => theme::warn(ui),
        TicketState::Expired => theme::error(ui),
    };
    theme::card(ui, accent).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!("Ticket issued in {}", format_ms(round_trip)))
                    .size(18.0)
                    .strong()
                    .color(theme::ok(ui)),
            );
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.weak(format!("received {}", local_hms(ticket.received_wall)));
            });
        });
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.add(
                egui::Label::new(RichText::new(&ticket.value).monospace().size(15.0))
                    .selectable(true),
            );
            if ui.button("Copy").on_hover_text("Copy the ticket").clicked() {
                intent = Some(Intent::Copy {
                    text: ticket.value.clone(),
                    what: "Ticket",
                });
            }
        });
        ui.add_space(6.0);
        let countdown = if state == TicketState::Expired {
            "Expired".to_owned()
        } else {
            format!("expires in {}", ticket.countdown(now))
        };
        ui.horizontal(|ui| {
            ui.label(RichText::new(countdown).size(22.0).strong().color(accent));
            ui.weak(format!(
                "one-time use · valid for {} s · until {}",
                ticket.expire.as_secs(),
                local_hms(ticket.expires_wall())
            ));
        });
        ui.add(
            egui::ProgressBar::new(ticket.fraction_left(now))
                .fill(accent)
                .desired_height(8.0),
        );
        if state == TicketState::Expired {
            ui.label("This ticket can no longer be redeemed: press Exchange for a new one.");
        }
    });
    intent
}

fn error_card(ui: &mut Ui, error: &CiamError) {
    let advice = error.advice();
    let accent = theme::error(ui);
    theme::card(ui, accent).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            RichText::new(advice.title.as_str())
                .size(18.0)
                .strong()
                .color(accent),
        );
        let mut evidence = Vec::new();
        if let Some(status) = error.status() {
            evidence.push(format!("HTTP {status}"));
        }
        if let Some(code) = error.code() {
            evidence.push(code.to_owned());
        }
        evidence.push(error.message());
        ui.add(egui::Label::new(RichText::new(evidence.join(" · ")).monospace()).selectable(true));
        ui.add_space(6.0);
        egui::Grid::new("advice_grid")
            .num_columns(2)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                ui.label(RichText::new("Likely cause").strong());
                ui.add(egui::Label::new(&advice.cause).wrap());
                ui.end_row();
                ui.label(RichText::new("Try").strong());
                ui.add(egui::Label::new(&advice.action).wrap());
                ui.end_row();
            });
    });
}

/// `84 ms`, or `0.8 ms` on a fast loopback where whole milliseconds would say 0.
pub fn format_ms(d: std::time::Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.0} ms")
    }
}
