//! "Redeem a ticket…": verify a ticket the engineer was handed (from a user, a log, another
//! tool) with this window's device, and see whose it is — or why not.

use egui::{RichText, Ui};

use super::credentials::SecretRow;
use super::{Intent, TokenField, form_grid};
use crate::ui::form::Form;
use crate::ui::job::Operation;

pub fn show(ui: &mut Ui, form: &mut Form, busy: bool) -> Vec<Intent> {
    let mut intents = Vec::new();
    egui::CollapsingHeader::new(RichText::new("Redeem a ticket…").strong())
        .id_salt("handed_ticket")
        .default_open(false)
        .show(ui, |ui| {
            let note = "A ticket is one-time: redeeming it here uses it up. It is sent with the \
                        access token above and this window's device.";
            ui.label(RichText::new(note).weak().size(12.0));
            form_grid(ui, "handed_ticket_grid", |ui| {
                SecretRow::token("Ticket to redeem", TokenField::HandedTicket)
                    .hint("a ticket you were handed")
                    .show(ui, &mut form.handed_ticket, &mut intents);
                ui.label("");
                let hover = "POST /api/v2/tenant/sso/sso-ticket/verify: whose ticket it is, or \
                             why not (used, expired, another device)";
                if ui
                    .add_enabled(!busy, egui::Button::new("Redeem ticket"))
                    .on_hover_text(hover)
                    .clicked()
                {
                    intents.push(Intent::Run(Operation::RedeemGiven));
                }
                ui.end_row();
            });
        });
    intents
}
