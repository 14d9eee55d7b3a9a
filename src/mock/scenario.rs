//! How the mock tenant answers: the documented happy path, or one of the answers a support
//! engineer meets every week on a real OneAccess / bccastle tenant (ERROR-CODES.md).

/// `sso-diag mock --scenario NAME`, `sso-diag --demo --scenario NAME`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Scenario {
    /// Every call succeeds as API.md documents (the default)
    #[default]
    Normal,
    /// The login succeeds with status PASSWORD_WARN: the password expires soon
    PasswordWarn,
    /// The login asks for a second factor (status MFA_AUTH, a state_token, no session token)
    Mfa,
    /// The login answers status PASSWORD_EXPIRED: the user must change the password first
    PasswordExpired,
    /// The login answers status ACCESS_DENIED: a policy refuses this user
    AccessDenied,
    /// The account is locked after failed logins (LOGIN.0001, unlocked in 3 minutes)
    Locked,
    /// Every password is wrong: the remaining attempts count down, then the account locks
    WrongPassword,
    /// A used or expired ticket is answered with Huawei's PARAM.0032 spelling
    UsedTicket,
    /// A fingerprint that differs from the login's is answered as an invalid session (0023)
    FingerprintAsInvalidSession,
    /// The session was ended by the tenant: logins issue JWT session tokens that the exchange and
    /// the refresh then refuse (refresh tells "revoked")
    SessionRevoked,
    /// Every answer echoes every credential the request carried, in every encoding servers use
    /// (raw, JSON escapes, URL, base64, hex, HTML): for testing that nothing leaks
    Echo,
}

impl Scenario {
    /// The name on the command line (`password-warn`).
    pub fn name(self) -> String {
        use clap::ValueEnum;
        self.to_possible_value()
            .map(|v| v.get_name().to_owned())
            .unwrap_or_default()
    }
}

/// How many failed logins lock an account (the platform's default).
pub const LOCK_AFTER: u32 = 10;
/// The lock message, as Huawei's appendix writes it in English.
pub const LOCKED_MESSAGE: &str =
    "User has been locked due to multiple login failures. It will be unlocked in 3 minutes.";
