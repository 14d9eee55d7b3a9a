//! The window's session, as a model without egui: the history, the verdict, the call in flight;
//! starting, finishing and cancelling a call; the report and the curl command of what happened.
//! Time comes in as a parameter, so all of it is unit-tested without a window.

use std::time::{Duration, Instant};

use secrecy::SecretString;
use time::OffsetDateTime;

use super::history::HistoryEntry;
use super::job::{JobResult, Operation, PreparedCall, Running};
use super::verdict::{Failure, TicketView, Verdict};
use crate::ciam::{AccessTokenGrant, CiamError, UserInfo};
use crate::report::curl_command;
use crate::step::{Answer, Step, StepRecord};
use crate::ticket::Ticket;

#[derive(Default)]
pub struct Session {
    pub history: Vec<HistoryEntry>,
    pub verdict: Verdict,
    pub running: Option<Running>,
    /// The history entry the inspector shows; the newest when `None`.
    pub selected: Option<usize>,
    /// Counts the results shown (answers, refusals, cancels): the window brings a new one into
    /// view.
    pub results: u64,
    next_id: u64,
}

/// A finished step that fills in a field of the form.
pub enum Filled {
    AccessToken(AccessTokenGrant),
    /// From a login or a refresh.
    SessionToken {
        token: SecretString,
        id_token: Option<SecretString>,
        /// The device fingerprint it is bound to: the one the login (or refresh) sent.
        fingerprint: Option<String>,
    },
}

/// What the result area needs of a finished call's record.
struct Shown {
    operation: Operation,
    record: Box<StepRecord>,
    round_trip: Duration,
    /// The device fingerprint the call sent: what a session token it obtained is bound to.
    fingerprint: Option<String>,
}

impl Session {
    /// A case file's steps, read-only: its history, and the verdict of its last step.
    pub fn of_case(steps: &[StepRecord]) -> Self {
        let history = steps
            .iter()
            .map(|r| HistoryEntry::Call {
                record: Box::new(r.clone()),
                sent: None,
            })
            .collect();
        let verdict = match steps.last() {
            None => Verdict::Nothing,
            Some(last) => match &last.error {
                Some(error) => Verdict::Failed {
                    operation: Operation::Call(last.step),
                    failure: Failure {
                        error: error.clone(),
                        cause: last.cause.clone(),
                    },
                    note: last.session_end,
                },
                None => Verdict::Done(Box::new(last.clone())),
            },
        };
        Self {
            history,
            verdict,
            ..Self::default()
        }
    }

    /// Starts `operation`; its id for the worker, or `None` when a call is already running.
    pub fn begin(
        &mut self,
        operation: Operation,
        prepared: PreparedCall,
        now: Instant,
    ) -> Option<u64> {
        if self.running.is_some() {
            return None;
        }
        self.next_id += 1;
        self.running = Some(Running {
            id: self.next_id,
            operation,
            started: now,
            prepared,
        });
        // A redeem keeps the ticket on screen: its answer is shown on the ticket's card.
        if operation != Operation::Call(Step::Redeem) {
            self.verdict = Verdict::Nothing;
        }
        Some(self.next_id)
    }

    /// An input problem found before anything was sent.
    pub fn refuse(&mut self, operation: Operation, error: CiamError) {
        self.results += 1;
        self.verdict = Verdict::Failed {
            operation,
            failure: Failure::of(error),
            note: None,
        };
    }

    /// Takes in job `id`'s result: recorded in the history and shown. A result for a cancelled or
    /// superseded call is dropped. Returns what the form should fill in, if anything.
    pub fn finish(
        &mut self,
        id: u64,
        result: JobResult,
        received_at: Instant,
        received_wall: OffsetDateTime,
    ) -> Option<Filled> {
        let run = self.running.take_if(|r| r.id == id)?;
        self.results += 1;
        let outcome = match result {
            JobResult::Check(report) => {
                let passed = report
                    .steps
                    .iter()
                    .filter(|s| s.status == crate::check::CheckStatus::Pass)
                    .count();
                self.push(HistoryEntry::Check {
                    at: received_wall,
                    duration: received_at.saturating_duration_since(run.started),
                    passed,
                    total: report.steps.len(),
                });
                self.verdict = Verdict::Check(report);
                return None;
            }
            JobResult::Call(outcome) => *outcome,
            JobResult::Refused(error) => {
                self.verdict = Verdict::Failed {
                    operation: run.operation,
                    failure: Failure::of(error),
                    note: None,
                };
                return None;
            }
        };
        let call = run.prepared.call()?.clone();
        let record = StepRecord::new(&call, &outcome, received_wall);
        let request = call.request();
        let fingerprint = (request.header_value("X-device-fingerprint"))
            .or_else(|| request.plain_field("device_fingerprint"))
            .map(str::to_owned);
        let shown = Shown {
            operation: run.operation,
            record: Box::new(record.clone()),
            round_trip: outcome.record.elapsed,
            fingerprint,
        };
        self.push(HistoryEntry::Call {
            record: Box::new(record),
            sent: Some(Box::new((run.prepared.tenant, call))),
        });
        self.show(shown, outcome.result, received_at, received_wall)
    }

    /// Shows a finished call's answer (or its error); what the form should fill in.
    fn show(
        &mut self,
        shown: Shown,
        result: Result<Answer, CiamError>,
        received_at: Instant,
        received_wall: OffsetDateTime,
    ) -> Option<Filled> {
        let Shown {
            operation,
            record,
            round_trip,
            fingerprint,
        } = shown;
        let (problem, note) = (record.error.clone(), record.session_end);
        let cause = record.cause.clone();
        // The ticket on screen is redeemed from its card, which shows the answer.
        let card_redeem = operation == Operation::Call(Step::Redeem);
        let done = Verdict::Done(record);
        match result {
            Err(error) => {
                let failure = Failure { error, cause };
                match &mut self.verdict {
                    Verdict::Ticket(view) if card_redeem => view.redeem_error = Some(failure),
                    _ => {
                        self.verdict = Verdict::Failed {
                            operation,
                            failure,
                            note,
                        }
                    }
                }
                None
            }
            Ok(Answer::Reached { .. }) => {
                self.verdict = done;
                None
            }
            Ok(Answer::AccessToken(grant)) => {
                self.verdict = done;
                Some(Filled::AccessToken(grant))
            }
            Ok(Answer::Login(grant)) => {
                self.verdict = done;
                Some(Filled::SessionToken {
                    token: grant.session_token,
                    id_token: grant.id_token,
                    fingerprint,
                })
            }
            Ok(Answer::Session(grant)) => {
                self.verdict = done;
                Some(Filled::SessionToken {
                    token: grant.session_token,
                    id_token: grant.id_token,
                    fingerprint,
                })
            }
            Ok(Answer::Ticket(grant)) => {
                let ticket = Ticket::new(
                    grant.sso_ticket,
                    grant.expire_secs,
                    received_at,
                    received_wall,
                );
                self.verdict = Verdict::Ticket(Box::new(TicketView {
                    ticket,
                    round_trip,
                    user: None,
                    redeem_error: None,
                    problem,
                }));
                None
            }
            Ok(Answer::User(user)) => {
                match &mut self.verdict {
                    Verdict::Ticket(view) if card_redeem => view.user = Some(user),
                    _ => self.verdict = Verdict::User(Box::new(user)),
                }
                None
            }
        }
    }

    /// Stops waiting for the call in flight; its late answer will be dropped. Whether one ran.
    pub fn cancel(&mut self, now: Instant, wall: OffsetDateTime) -> bool {
        let Some(run) = self.running.take() else {
            return false;
        };
        self.results += 1;
        let after = now.saturating_duration_since(run.started);
        let sent = run
            .prepared
            .call()
            .map(|call| Box::new((run.prepared.tenant.clone(), call.clone())));
        self.push(HistoryEntry::Cancelled {
            operation: run.operation,
            at: wall,
            after,
            sent,
        });
        if !matches!(&self.verdict, Verdict::Ticket(_))
            || run.operation != Operation::Call(Step::Redeem)
        {
            self.verdict = Verdict::Cancelled {
                operation: run.operation,
                after,
            };
        }
        true
    }

    fn push(&mut self, entry: HistoryEntry) {
        self.history.push(entry);
        self.selected = None;
    }

    /// The calls that went out, oldest first: what the report, the HAR and a case are made of.
    pub fn step_records(&self) -> impl DoubleEndedIterator<Item = &StepRecord> {
        self.history.iter().filter_map(HistoryEntry::step_record)
    }

    /// The ticket on screen, if any.
    pub fn ticket(&self) -> Option<&Ticket> {
        match &self.verdict {
            Verdict::Ticket(view) => Some(&view.ticket),
            _ => None,
        }
    }

    /// The selected (or newest) entry that `want`s.
    pub fn inspected(&self, want: impl Fn(&HistoryEntry) -> bool) -> Option<&HistoryEntry> {
        match self.selected {
            Some(i) => self.history.get(i).filter(|e| want(e)),
            None => self.history.iter().rev().find(|e| want(e)),
        }
    }

    /// Remembers the ticket on screen process-wide, so no document handed over can carry it.
    pub fn register_secrets(&self) {
        if let Some(ticket) = self.ticket() {
            crate::secret::register("ticket", &SecretString::from(ticket.value.clone()));
        }
    }

    /// Whose the ticket on screen turned out to be, once redeemed.
    pub fn redeemed_user(&self) -> Option<&UserInfo> {
        match &self.verdict {
            Verdict::Ticket(view) => view.user.as_ref(),
            _ => None,
        }
    }

    /// Whether a request was built that "Copy as curl" can copy.
    pub fn has_request(&self) -> bool {
        self.inspected(|e| e.sent().is_some()).is_some()
    }

    /// The selected (or newest) call's request as curl.
    pub fn curl(&self) -> Option<String> {
        let (tenant, call) = self.inspected(|e| e.sent().is_some())?.sent()?;
        Some(curl_command(tenant, call.request()))
    }

    /// When the ticket's countdown next changes on screen (none once redeemed or expired).
    pub fn next_tick(&self, now: Instant) -> Option<Duration> {
        match &self.verdict {
            Verdict::Ticket(view) if view.user.is_none() => view.ticket.until_next_tick(now),
            _ => None,
        }
    }
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
