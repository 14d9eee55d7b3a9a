//! Which of the form's fields an operation needs and are still empty: a first run that presses
//! Exchange on an empty form learns all of them at once, each one outlined where it is typed.

use super::field::{DEVICE, Field};
use super::form::Form;
use super::job::Operation;
use crate::step::Step;

impl Form {
    /// What `field` holds now.
    fn value_of(&self, field: Field) -> &str {
        let d = &self.device;
        match field {
            Field::Domain => &self.domain,
            Field::ClientId => &self.client_id,
            Field::ClientSecret => &self.client_secret.text,
            Field::UserName => &self.user_name,
            Field::Password => &self.password.text,
            Field::AccessToken => &self.access_token.text,
            Field::SessionToken => &self.session_token.text,
            Field::Ticket => &self.handed_ticket.text,
            Field::OsVersion => &d.os_version.value,
            Field::DeviceIp => &d.device_ip.value,
            Field::Fingerprint => &d.fingerprint.value,
        }
    }

    /// Every field `operation` needs that is empty, in the order they appear on screen.
    pub fn missing_fields(&self, operation: Operation) -> Vec<Field> {
        let mut needed = vec![Field::Domain];
        match operation {
            Operation::Check | Operation::Call(Step::Reachability) => {}
            Operation::Call(Step::AccessToken) => {
                needed.extend([Field::ClientId, Field::ClientSecret]);
            }
            Operation::Call(Step::Login) => {
                needed.extend([Field::ClientId, Field::UserName, Field::Password]);
                needed.extend(DEVICE);
            }
            Operation::Call(Step::Exchange | Step::Refresh) => {
                needed.extend([Field::AccessToken, Field::SessionToken]);
                needed.extend(DEVICE);
            }
            Operation::Call(Step::Redeem) => {
                needed.push(Field::AccessToken);
                needed.extend(DEVICE);
            }
            Operation::RedeemGiven => {
                needed.extend([Field::AccessToken, Field::Ticket]);
                needed.extend(DEVICE);
            }
        }
        needed.retain(|f| self.value_of(*f).trim().is_empty());
        needed
    }

    /// Forgets the fields that are no longer empty (typed in, or a device value detected since).
    pub fn refresh_missing(&mut self) {
        if self.missing.is_empty() {
            return;
        }
        let still: Vec<Field> = (self.missing.iter().copied())
            .filter(|f| self.value_of(*f).trim().is_empty())
            .collect();
        self.missing = still;
    }

    /// Whether a device value is outlined as missing (its section is then open and outlined).
    pub fn device_missing(&self) -> bool {
        DEVICE.iter().any(|f| self.is_missing(*f))
    }

    /// Whether `field` is outlined as missing.
    pub fn is_missing(&self, field: Field) -> bool {
        self.missing.contains(&field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::ProfileFields;

    #[test]
    fn an_empty_form_names_every_field_the_exchange_needs() {
        let mut form = Form::from_fields(&ProfileFields::default());
        let missing = form.missing_fields(Operation::Call(Step::Exchange));
        let expected = [
            Field::Domain,
            Field::AccessToken,
            Field::SessionToken,
            Field::OsVersion,
            Field::DeviceIp,
            Field::Fingerprint,
        ];
        assert_eq!(missing, expected);
        assert_eq!(form.missing_fields(Operation::Check), [Field::Domain]);
        form.missing = missing;
        form.domain = "tenant.example.com".into();
        form.refresh_missing();
        assert!(!form.is_missing(Field::Domain) && form.is_missing(Field::AccessToken));
    }
}
