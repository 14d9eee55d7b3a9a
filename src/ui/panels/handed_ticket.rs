//! "Redeem a ticket…": verify a ticket the engineer was handed (from a user, a log, another
//! tool) with this window's device, and see whose it is — or why not.

use egui::{RichText, Ui};

use super::credentials::SecretRow;
use super::{Intent, TokenField, form_grid};
use crate::tr;
use crate::ui::field::Field;
use crate::ui::form::Form;
use crate::ui::job::Operation;
use crate::ui::lang;

pub fn show(ui: &mut Ui, form: &mut Form, busy: bool) -> Vec<Intent> {
    let l = lang::of(ui);
    let mut intents = Vec::new();
    let section = egui::CollapsingHeader::new(RichText::new(tr!(l, "ui-redeem-a-ticket")).strong())
        .id_salt("handed_ticket")
        .default_open(false)
        .show(ui, |ui| {
            let note = tr!(l, "ui-redeem-a-ticket-note");
            ui.label(RichText::new(note).weak().size(12.0));
            form_grid(ui, "handed_ticket_grid", |ui| {
                let ticket =
                    SecretRow::token(tr!(l, "ui-ticket-to-redeem"), TokenField::HandedTicket)
                        .hint(tr!(l, "ui-ticket-to-redeem-hint"))
                        .missing(form.is_missing(Field::Ticket));
                ticket.show(ui, &mut form.handed_ticket, &mut intents);
                ui.label("");
                let button = Operation::RedeemGiven.short(l);
                if ui
                    .add_enabled(!busy, egui::Button::new(button))
                    .on_hover_text(tr!(l, "ui-redeem-ticket-hover"))
                    .clicked()
                {
                    intents.push(Intent::Run(Operation::RedeemGiven));
                }
                ui.end_row();
            });
        });
    crate::ui::a11y::focus_ring(ui, &section.header_response);
    intents
}
