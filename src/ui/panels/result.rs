//! The verdict: the ticket with its live countdown (and, once redeemed, whose it is), a card that
//! says what went wrong and what to do, or the connection check step by step.

use std::time::Instant;

use egui::{RichText, Ui};

use super::Intent;
use crate::check::{CheckReport, CheckStatus};
use crate::ciam::{CiamError, UserInfo};
use crate::clock::{format_ms, local_hms};
use crate::step::Step;
use crate::text::escape_controls;
use crate::ticket::TicketState;
use crate::ui::history::{TicketView, Verdict};
use crate::ui::job::Operation;
use crate::ui::session::Session;
use crate::ui::theme;

const BEFORE_ANYTHING: &str =
    "Fill in the tenant and both tokens, then press Exchange. Nothing is sent before that.";

pub fn show(ui: &mut Ui, session: &Session, now: Instant) -> Vec<Intent> {
    let busy = session.running.is_some();
    match &session.verdict {
        Verdict::Nothing => {
            if !busy {
                ui.weak(BEFORE_ANYTHING);
            }
            Vec::new()
        }
        Verdict::Ticket(view) => ticket_card(ui, view, busy, now),
        Verdict::Failed {
            operation,
            error,
            note,
        } => {
            error_card(ui, *operation, error);
            if let Some(note) = note {
                ui.add_space(4.0);
                ui.add(egui::Label::new(RichText::new(*note).strong()).wrap());
            }
            Vec::new()
        }
        Verdict::User(user) => {
            let accent = theme::ok(ui);
            theme::card(ui, accent).show(ui, |ui| {
                ui.set_width(ui.available_width());
                let title = "Ticket redeemed: it is now used up";
                ui.label(RichText::new(title).size(18.0).strong().color(accent));
                user_table(ui, user);
            });
            Vec::new()
        }
        Verdict::Cancelled { operation, after } => {
            ui.label(
                RichText::new(format!(
                    "{} cancelled after {:.1} s: no result was kept.",
                    operation.short(),
                    after.as_secs_f32()
                ))
                .size(15.0),
            );
            Vec::new()
        }
        Verdict::Check(report) => {
            check_card(ui, report);
            Vec::new()
        }
        Verdict::Done { text, warnings } => {
            let text = escape_controls(text);
            ui.label(RichText::new(text).color(theme::ok(ui)).size(15.0));
            for warning in warnings {
                let warning = format!("Warning: {}", escape_controls(warning));
                let text = RichText::new(warning).color(theme::warn(ui));
                ui.add(egui::Label::new(text).wrap());
            }
            Vec::new()
        }
    }
}

fn ticket_card(ui: &mut Ui, view: &TicketView, busy: bool, now: Instant) -> Vec<Intent> {
    let mut intents = Vec::new();
    let ticket = &view.ticket;
    let used = view.user.is_some();
    let state = ticket.state(now);
    let accent = if used {
        ui.visuals().weak_text_color()
    } else {
        match state {
            TicketState::Valid => theme::ok(ui),
            TicketState::Expiring => theme::warn(ui),
            TicketState::Expired => theme::error(ui),
        }
    };
    theme::card(ui, accent).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!("Ticket issued in {}", format_ms(view.round_trip)))
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
                egui::Label::new(
                    RichText::new(escape_controls(&ticket.value))
                        .monospace()
                        .size(15.0),
                )
                .selectable(true),
            );
            if ui.button("Copy").on_hover_text("Copy the ticket").clicked() {
                intents.push(Intent::CopySecret {
                    text: ticket.value.clone(),
                    what: "Ticket",
                });
            }
            let can_redeem = !used && state != TicketState::Expired && !busy;
            if ui
                .add_enabled(can_redeem, egui::Button::new("Redeem"))
                .on_hover_text(
                    "Verify the ticket for the user's attributes; it can be redeemed once",
                )
                .clicked()
            {
                intents.push(Intent::Run(Operation::Call(Step::Redeem)));
            }
        });
        ui.add_space(6.0);
        if used {
            ui.label(
                RichText::new("Used: redeemed, so it cannot be redeemed again.")
                    .size(18.0)
                    .strong(),
            );
        } else {
            let countdown = if state == TicketState::Expired {
                "Expired".to_owned()
            } else {
                format!("expires in {}", ticket.countdown(now))
            };
            ui.horizontal(|ui| {
                ui.label(RichText::new(countdown).size(22.0).strong().color(accent));
                ui.weak(format!(
                    "one-time use · valid for {} s · until {}",
                    ticket.expire().as_secs(),
                    ticket
                        .expires_wall()
                        .map(local_hms)
                        .unwrap_or_else(|| "beyond any date".into())
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
        }
        if let Some(user) = &view.user {
            ui.add_space(6.0);
            user_table(ui, user);
        }
    });
    if let Some(error) = &view.problem {
        ui.add_space(6.0);
        error_card(ui, Operation::Call(Step::Exchange), error);
    }
    if let Some(error) = &view.redeem_error {
        ui.add_space(6.0);
        error_card(ui, Operation::Call(Step::Redeem), error);
    }
    intents
}

/// "Whose it is: 张伟" and the user's attributes, as the tenant sent them (controls escaped).
fn user_table(ui: &mut Ui, user: &UserInfo) {
    ui.label(
        RichText::new(format!(
            "Whose it is: {}",
            escape_controls(user.display_name().unwrap_or("(no name)"))
        ))
        .strong(),
    );
    egui::Grid::new("user_grid")
        .num_columns(2)
        .spacing([16.0, 3.0])
        .striped(true)
        .show(ui, |ui| {
            for (k, v) in &user.attributes {
                ui.label(RichText::new(escape_controls(k)).weak());
                ui.add(egui::Label::new(escape_controls(v)).selectable(true));
                ui.end_row();
            }
        });
}

fn error_card(ui: &mut Ui, operation: Operation, error: &CiamError) {
    let advice = error.advice();
    let accent = theme::error(ui);
    theme::card(ui, accent).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(escape_controls(&advice.title))
                    .size(18.0)
                    .strong()
                    .color(accent),
            );
            ui.weak(format!("({})", operation.short()));
        });
        let evidence = escape_controls(&error.evidence());
        ui.add(egui::Label::new(RichText::new(evidence).monospace()).selectable(true));
        ui.add_space(6.0);
        egui::Grid::new("advice_grid")
            .num_columns(2)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                ui.label(RichText::new("Likely cause").strong());
                ui.add(egui::Label::new(escape_controls(&advice.cause)).wrap());
                ui.end_row();
                ui.label(RichText::new("Try").strong());
                ui.add(egui::Label::new(escape_controls(&advice.action)).wrap());
                ui.end_row();
            });
    });
}

fn check_card(ui: &mut Ui, report: &CheckReport) {
    let accent = if report.passed() {
        theme::ok(ui)
    } else {
        theme::error(ui)
    };
    theme::card(ui, accent).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let title = if report.passed() {
            "The network path to the tenant works"
        } else {
            "The network is in the way"
        };
        ui.label(RichText::new(title).size(18.0).strong().color(accent));
        egui::Grid::new("check_grid")
            .num_columns(3)
            .spacing([10.0, 4.0])
            .show(ui, |ui| {
                for step in &report.steps {
                    let (mark, color) = match step.status {
                        CheckStatus::Pass => ("pass", theme::ok(ui)),
                        CheckStatus::Warn => ("warn", theme::warn(ui)),
                        CheckStatus::Fail => ("FAIL", theme::error(ui)),
                        CheckStatus::Skipped => ("skipped", ui.visuals().weak_text_color()),
                    };
                    ui.label(RichText::new(step.name).strong());
                    ui.label(RichText::new(mark).color(color));
                    ui.vertical(|ui| {
                        let time = step
                            .elapsed_ms
                            .map(|ms| format!(" ({ms} ms)"))
                            .unwrap_or_default();
                        let sentence = escape_controls(&step.sentence);
                        ui.add(egui::Label::new(format!("{sentence}{time}")).wrap());
                        for (k, v) in &step.details {
                            ui.add(
                                egui::Label::new(
                                    RichText::new(escape_controls(&format!("{k}: {v}")))
                                        .weak()
                                        .size(12.0),
                                )
                                .selectable(true),
                            );
                        }
                    });
                    ui.end_row();
                }
            });
    });
}
