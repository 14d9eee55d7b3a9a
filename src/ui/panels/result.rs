//! The verdict: the ticket with its live countdown (and, once redeemed, whose it is), a card that
//! says what went wrong and what to do, or the connection check step by step.

use std::time::Instant;

use egui::accesskit::Live;
use egui::{RichText, Ui};

use super::Intent;
use crate::check::{self, CheckReport, CheckStatus};
use crate::ciam::UserInfo;
use crate::clock::{format_ms, local_hms};
use crate::step::{Cause, Step, fingerprint_tail};
use crate::text::escape_controls;
use crate::ticket::{TicketState, format_mm_ss};
use crate::tr;
use crate::ui::job::Operation;
use crate::ui::session::Session;
use crate::ui::verdict::{Failure, TicketView, Verdict};
use crate::ui::{a11y, lang, theme};

/// `new_result`: the verdict just arrived — its heading takes the keyboard focus (the next Tab is
/// the card's own buttons) and comes into view.
pub fn show(ui: &mut Ui, session: &Session, now: Instant, new_result: bool) -> Vec<Intent> {
    let l = lang::of(ui);
    let busy = session.running.is_some();
    let focus = new_result;
    match &session.verdict {
        Verdict::Nothing => {
            if !busy {
                ui.weak(tr!(l, "ui-before-anything"));
            }
            Vec::new()
        }
        Verdict::Ticket(view) => ticket_card(ui, view, busy, now, focus),
        Verdict::Failed {
            operation,
            failure,
            note,
        } => {
            let intents = error_card(ui, *operation, failure, busy, focus);
            if let Some(end) = note {
                ui.add_space(4.0);
                ui.add(egui::Label::new(RichText::new(end.explain(l)).strong()).wrap());
            }
            intents
        }
        Verdict::User(user) => {
            let accent = theme::ok(ui);
            theme::card(ui, accent).show(ui, |ui| {
                ui.set_width(ui.available_width());
                let title = tr!(l, "ui-ticket-redeemed");
                let title = RichText::new(title).size(18.0).strong().color(accent);
                heading(ui, title, Live::Polite, focus);
                user_table(ui, user);
            });
            Vec::new()
        }
        Verdict::Cancelled { operation, after } => {
            let seconds = super::run_bar::tenths(after.as_secs_f64());
            let operation = operation.short(l);
            let text = tr!(
                l,
                "ui-cancelled-after",
                operation = operation,
                seconds = seconds
            );
            heading(ui, RichText::new(text).size(15.0), Live::Polite, focus);
            Vec::new()
        }
        Verdict::Check(report) => {
            check_card(ui, report, focus);
            Vec::new()
        }
        Verdict::Done(record) => {
            let summary = record.summary(l);
            let text = match record.step {
                Step::AccessToken => tr!(l, "ui-access-token-filled", summary = summary),
                Step::Refresh => tr!(l, "ui-session-refreshed", summary = summary),
                _ => tr!(l, "ui-session-token-filled", summary = summary),
            };
            let text = escape_controls(&text);
            let text = RichText::new(text).color(theme::ok(ui)).size(15.0);
            heading(ui, text, Live::Polite, focus);
            for warning in record.warnings(l) {
                let warning = tr!(l, "ui-warning", warning = escape_controls(&warning));
                let text = RichText::new(warning).color(theme::warn(ui));
                ui.add(egui::Label::new(text).wrap());
            }
            Vec::new()
        }
    }
}

/// A card's heading: what a screen reader announces when the result arrives (a live region) and
/// where the keyboard focus goes then; it can take the focus, so its outline shows where it is.
fn heading(ui: &mut Ui, text: RichText, live: Live, focus: bool) -> egui::Response {
    let label = egui::Label::new(text)
        .wrap()
        .sense(egui::Sense::focusable_noninteractive());
    let response = ui.add(label);
    a11y::live(&response, live);
    a11y::focus_ring(ui, &response);
    if focus {
        response.request_focus();
    }
    response
}

fn ticket_card(
    ui: &mut Ui,
    view: &TicketView,
    busy: bool,
    now: Instant,
    focus: bool,
) -> Vec<Intent> {
    let l = lang::of(ui);
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
        ui.horizontal_wrapped(|ui| {
            let took = format_ms(view.round_trip);
            let title = RichText::new(tr!(l, "ui-ticket-issued-in", took = took))
                .size(18.0)
                .strong()
                .color(theme::ok(ui));
            heading(ui, title, Live::Polite, focus);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let time = local_hms(ticket.received_wall);
                ui.weak(tr!(l, "ui-received-at", time = time));
            });
        });
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.add(
                egui::Label::new(
                    RichText::new(escape_controls(&ticket.value))
                        .monospace()
                        .size(15.0)
                        .color(ui.visuals().strong_text_color()),
                )
                .selectable(true),
            );
            if ui
                .button(tr!(l, "ui-copy"))
                .on_hover_text(tr!(l, "ui-copy-ticket-hover"))
                .clicked()
            {
                intents.push(Intent::CopySecret {
                    text: ticket.value.clone(),
                    what: tr!(l, "ui-ticket"),
                });
            }
            let can_redeem = !used && state != TicketState::Expired && !busy;
            if ui
                .add_enabled(can_redeem, egui::Button::new(Step::Redeem.short(l)))
                .on_hover_text(tr!(l, "ui-redeem-hover"))
                .clicked()
            {
                intents.push(Intent::Run(Operation::Call(Step::Redeem)));
            }
        });
        ui.add_space(6.0);
        if used {
            ui.label(RichText::new(tr!(l, "ui-ticket-used")).size(18.0).strong());
        } else {
            let countdown = if state == TicketState::Expired {
                tr!(l, "ui-ticket-expired")
            } else {
                tr!(l, "ui-expires-in", left = ticket.countdown(now))
            };
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(countdown).size(22.0).strong().color(accent));
                let until = ticket
                    .expires_wall()
                    .map(local_hms)
                    .unwrap_or_else(|| tr!(l, "cli-beyond-any-date"));
                let seconds = ticket.expire().as_secs();
                ui.weak(tr!(
                    l,
                    "ui-ticket-validity",
                    seconds = seconds,
                    until = until
                ));
            });
            let fraction = ticket.fraction_left(now);
            let bar = ui.add(
                egui::ProgressBar::new(fraction)
                    .fill(accent)
                    .desired_height(8.0),
            );
            let total = format_mm_ss(ticket.expire().as_secs());
            let left = ticket.countdown(now);
            let words = tr!(l, "ui-lifetime-left", left = left, total = total);
            let name = tr!(l, "ui-ticket-lifetime");
            a11y::progress(&bar, &name, f64::from(fraction) * 100.0, &words);
            if state == TicketState::Expired {
                ui.label(tr!(l, "ui-ticket-gone"));
            }
        }
        if let Some(user) = &view.user {
            ui.add_space(6.0);
            user_table(ui, user);
        }
    });
    if let Some(error) = &view.problem {
        ui.add_space(6.0);
        let failure = Failure::of(error.clone());
        let step = Operation::Call(Step::Exchange);
        intents.extend(error_card(ui, step, &failure, busy, false));
    }
    if let Some(failure) = &view.redeem_error {
        ui.add_space(6.0);
        let step = Operation::Call(Step::Redeem);
        intents.extend(error_card(ui, step, failure, busy, focus));
    }
    intents
}

/// "Whose it is: 张伟" and the user's attributes, as the tenant sent them (controls escaped).
fn user_table(ui: &mut Ui, user: &UserInfo) {
    let l = lang::of(ui);
    let text = match user.display_name() {
        Some(name) => tr!(l, "ui-whose", name = escape_controls(name)),
        None => tr!(l, "ui-whose-no-name"),
    };
    ui.label(RichText::new(text).strong());
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

/// What went wrong, the likely cause (the one the evidence points at first) and what to try, with
/// the button that does it when there is one.
fn error_card(
    ui: &mut Ui,
    operation: Operation,
    failure: &Failure,
    busy: bool,
    focus: bool,
) -> Vec<Intent> {
    let l = lang::of(ui);
    let error = &failure.error;
    let advice = failure.advice(l);
    let accent = theme::error(ui);
    let mut intents = Vec::new();
    theme::card(ui, accent).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            let title = RichText::new(escape_controls(&advice.title))
                .size(18.0)
                .strong()
                .color(accent);
            // An error interrupts: what went wrong is the first thing heard.
            heading(ui, title, Live::Assertive, focus);
            ui.weak(tr!(l, "ui-in-parentheses", text = operation.short(l)));
        });
        let evidence = escape_controls(&error.evidence_in(l));
        ui.add(egui::Label::new(RichText::new(evidence).monospace()).selectable(true));
        ui.add_space(6.0);
        egui::Grid::new("advice_grid")
            .num_columns(2)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                ui.label(RichText::new(tr!(l, "ui-likely-cause")).strong());
                ui.add(egui::Label::new(escape_controls(&advice.cause)).wrap());
                ui.end_row();
                ui.label(RichText::new(tr!(l, "ui-try")).strong());
                ui.add(egui::Label::new(escape_controls(&advice.action)).wrap());
                ui.end_row();
            });
        if let Some(intent) = cause_button(ui, failure.cause.as_ref(), busy) {
            intents.push(intent);
        }
    });
    intents
}

/// The one button that acts on the cause: send the login's fingerprint, send this machine's
/// again, or refresh the session to tell expired from revoked.
fn cause_button(ui: &mut Ui, cause: Option<&Cause>, busy: bool) -> Option<Intent> {
    let l = lang::of(ui);
    let (text, hover, intent) = match cause? {
        Cause::FingerprintMismatch { issued_for, .. } => (
            tr!(
                l,
                "ui-use-logins-fingerprint",
                tail = fingerprint_tail(issued_for)
            ),
            tr!(
                l,
                "ui-use-logins-fingerprint-hover",
                fingerprint = issued_for.as_str()
            ),
            Intent::UseFingerprint(issued_for.clone()),
        ),
        Cause::FingerprintEdited { .. } => (
            tr!(l, "ui-reset-fingerprint"),
            tr!(l, "ui-reset-fingerprint-hover"),
            Intent::ResetFingerprint,
        ),
        Cause::SessionEnded => (
            tr!(l, "ui-refresh-session"),
            tr!(l, "ui-refresh-session-hover"),
            Intent::Run(Operation::Call(Step::Refresh)),
        ),
    };
    ui.add_space(4.0);
    let clicked = (ui.add_enabled(!busy, egui::Button::new(text)))
        .on_hover_text(hover)
        .clicked();
    clicked.then_some(intent)
}

fn check_card(ui: &mut Ui, report: &CheckReport, focus: bool) {
    let l = lang::of(ui);
    let accent = if report.passed() {
        theme::ok(ui)
    } else {
        theme::error(ui)
    };
    theme::card(ui, accent).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let title = if report.passed() {
            tr!(l, "ui-check-works")
        } else {
            tr!(l, "ui-check-in-the-way")
        };
        let live = if report.passed() {
            Live::Polite
        } else {
            Live::Assertive
        };
        let title = RichText::new(title).size(18.0).strong().color(accent);
        heading(ui, title, live, focus);
        egui::Grid::new("check_grid")
            .num_columns(3)
            .spacing([10.0, 4.0])
            .show(ui, |ui| {
                for step in &report.steps {
                    let (mark, color) = match step.status {
                        CheckStatus::Pass => (tr!(l, "cli-check-pass"), theme::ok(ui)),
                        CheckStatus::Warn => (tr!(l, "cli-check-warn"), theme::warn(ui)),
                        CheckStatus::Fail => (tr!(l, "cli-check-fail"), theme::error(ui)),
                        CheckStatus::Skipped => {
                            (tr!(l, "ui-check-skipped"), ui.visuals().weak_text_color())
                        }
                    };
                    ui.label(RichText::new(check::step_name(step.name, l)).strong());
                    ui.label(RichText::new(mark).color(color));
                    ui.vertical(|ui| {
                        let sentence = escape_controls(&step.sentence.text(l));
                        let line = match step.elapsed_ms {
                            Some(ms) => {
                                tr!(l, "ui-check-sentence-ms", sentence = sentence, ms = ms)
                            }
                            None => sentence,
                        };
                        ui.add(egui::Label::new(line).wrap());
                        for (k, v) in &step.details {
                            let detail = format!("{}: {}", k.text(l), v.text(l));
                            ui.add(
                                egui::Label::new(
                                    RichText::new(escape_controls(&detail)).weak().size(12.0),
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
