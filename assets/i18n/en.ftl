# sso-diag in English. Every message here has a twin in zh-CN.ftl with the same variables
# (tests/i18n_complete.rs checks). Variables: $name. Keep technical names (client_id,
# X-tenant-id, HTTP 401) as the tenant's console spells them.

## Advice: what went wrong, why, what to try (src/ciam/advice.rs)

advice-input-title = Check the { $field }
advice-input-cause = Nothing was sent. The { $field }: { $problem }.
advice-input-action = Correct the { $field } and try again.
advice-dns-title = Tenant domain not found
advice-dns-cause = This machine could not look up the name "{ $host }".
advice-dns-action = Check the spelling of the domain. On a corporate network or VPN, check that you are connected; the domain may only resolve there.
advice-connect-title = Could not connect to the tenant
advice-connect-cause = Nothing accepted a connection at { $target }: the port is closed, a firewall blocks it, or the host is unreachable.
advice-connect-action = Check the domain and port. If your network needs a proxy, set HTTPS_PROXY. Try the same domain in a browser.
advice-proxy-title = The proxy could not reach the tenant
advice-proxy-cause = The proxy this machine uses (--proxy, HTTPS_PROXY or the system setting) refused or failed to open a tunnel to { $target }: the request never reached the tenant.
advice-proxy-action = Check the proxy address and whether it needs a login; try without the proxy, or ask the network team whether it allows this domain.
advice-timeout-title = The tenant did not answer in time
advice-timeout-connect-cause = No connection could be made within { $seconds } s: the network is slow, filtered, or the host is down.
advice-timeout-total-cause = The tenant accepted the connection but did not finish answering within { $seconds } s.
advice-timeout-action = Try again; if it keeps happening, check the network or proxy, or raise the timeout.
advice-tls-title = Secure connection failed
advice-tls-cause = The tenant's certificate was not accepted by this machine ({ $detail }). A company proxy that inspects TLS, a wrong domain, or an expired certificate causes this.
advice-tls-action = Check the domain is the tenant's own. If your company inspects TLS, its CA must be installed on this machine.
advice-server-title = The tenant had an internal error
advice-server-cause = The tenant accepted the request but failed while processing it (HTTP 5xx). This is on the tenant's side, often a temporary overload ("system busy").
advice-server-action = Wait a minute and try again. If it persists, escalate to the tenant's operators with the report.
advice-redirect-title = The tenant answered with a redirect
advice-redirect-cause = The server redirected instead of answering ({ $problem }). It was not followed, so the token went nowhere else. The domain is probably not the tenant's API domain.
advice-use-user-domain = Use the tenant's user-access domain exactly as shown in its console.
advice-unexpected-title = The answer was not what the API documents
advice-unexpected-cause = The server answered, but not with the documented JSON ({ $problem }). A proxy or a wrong domain may be in the way.
advice-unexpected-action = Check the domain; look at the raw response below for who answered.
advice-401-title = Access token rejected
advice-401-cause = The tenant did not accept the Authorization header (HTTP 401).
advice-401-action = Get a new access token with the application's client credentials.
advice-403-title = Access denied
advice-403-cause = The tenant understood the request but this application may not make it (HTTP 403).
advice-403-action = Check the application's API permissions in the tenant console.
advice-404-title = API not found on this domain
advice-404-cause = This server does not offer the tenant API at this path: the domain is probably not the tenant's user-access domain.
advice-rejected-title = Request rejected by the tenant
advice-rejected-cause = The tenant refused the request; its own message below says why.
advice-rejected-action = Read the tenant's error code and message, correct the input and try again.
advice-wait-default = a few minutes (3 by default)

field-domain = domain
field-password = password
field-ticket = ticket
field-report = report file
field-proxy = proxy
field-ca-file = CA file
field-user-name = user name
field-device-ip = device IP
field-os-version = OS version
field-fingerprint = device fingerprint
field-agent = agent
field-session-token = session token
field-access-token = access token
field-client-secret = client secret

## One line per step, for the history, the report and the command line (src/step/record.rs)

summary-failed = failed: { $title }
summary-access-token = access token issued
summary-access-token-for = access token issued, valid for { $seconds } s
summary-the-user = the user
summary-logged-in = { $user } logged in; session token bound to fingerprint { $fingerprint }
summary-ticket = ticket issued, valid for { $seconds } s
summary-redeemed = ticket redeemed: { $name }
summary-redeemed-no-name = ticket redeemed: (no name)
summary-session-alive = the session is alive: a new session token
summary-session-alive-for = the session is alive: a new session token, valid for { $seconds } s
summary-reached = the tenant answered (HTTP { $status })
warning-from-catalogue = { $title }: { $cause } { $action }
warning-status = the login answered status { $status }
warning-old-session-token = The old session token may no longer work: the tenant decides whether a refresh ends it. To check, exchange with the old token: IDAAS.SDK.PARAM.0023 means it has ended.

## Refresh: how a session ended (src/ciam/refresh.rs)

session-expired = The session expired: its token's own lifetime is over. Have the user sign in again.
session-revoked = The session was revoked: its token has not expired yet, so the tenant ended it early (the user signed out, changed the password, or an administrator ended the session). Have the user sign in again.
session-ended = The session has ended. Its token is opaque (no expiry inside), so whether it expired or was revoked cannot be told from here; the tenant's session log says which.

## Connection check (src/check/mod.rs)

check-clock = Clock
check-skipped = Skipped: { $because }.
check-error = error
check-protocol = protocol
check-subject = subject
check-issuer = issuer
check-expires = expires
check-trusted = trusted
check-server = server
check-tenant-time = tenant time
check-yes = yes
check-no-because = no: { $why }
check-dns-fail = This machine cannot find the address of { $host }. Check the spelling of the domain; on a company network or VPN, check that you are connected.
check-dns-slow = Looking up { $host } took more than { $seconds } s: the name server is not answering.
check-dns-address = { $host } is an address; no lookup needed.
check-dns-pass = { $host } resolves to { $addresses }.
check-because-dns = the name did not resolve
check-tcp-refused = Nothing accepts connections on port { $port } of { $host } (connection refused): the port is wrong or the service is down.
check-tcp-fail = Could not open a connection to { $host }:{ $port }: a firewall or proxy may be blocking it.
check-tcp-pass = A connection to { $address } opened.
check-because-tcp = no connection could be opened
check-tls-pass = A secure connection was made ({ $protocol }); this machine trusts the tenant's certificate.
check-tls-untrusted = The tenant's certificate is not trusted by this machine: { $why }. A company proxy that inspects TLS, or a wrong domain, causes this.
check-because-untrusted = the certificate is not trusted, so no request is sent
check-tls-fail = A secure connection could not be made: the server may not speak TLS on this port, or something in between breaks it.
check-tls-slow = The secure handshake took more than { $seconds } s.
check-because-tls = no secure connection
check-because-plain-http = plain http to this machine uses no TLS
check-http-fail = The connection works but an HTTP request to the tenant got no answer.
check-because-http = no HTTP answer
check-http-pass = The tenant answered an HTTP request (HTTP { $status }).
check-because-no-date = the tenant sent no Date header
check-because-bad-date = the tenant's Date header ({ $date }) is not an HTTP date
check-clock-pass = This machine's clock agrees with the tenant's (within { $seconds } s).
check-clock-ahead = This machine's clock is { $seconds } s ahead of the tenant's: token expiry shown here will be off by as much. Set the clock automatically.
check-clock-behind = This machine's clock is { $seconds } s behind the tenant's: token expiry shown here will be off by as much. Set the clock automatically.

## Steps and the buttons that run them (src/step/mod.rs)

step-access-token = Access token from client credentials
step-login = Test login
step-exchange = Exchange session token for SSO ticket
step-redeem = Redeem the ticket for user info
step-refresh = Refresh the session token
step-reachability = Reach the tenant (GET /, no token sent)
button-get-token = Get token
button-log-in = Log in
button-exchange = Exchange
button-redeem = Redeem
button-refresh = Refresh
button-reach = Reachability

## Durations and token insight (src/ciam/jwt.rs), device (src/device.rs)

duration-seconds = { $seconds } s
duration-minutes = { $minutes } min
duration-hours-minutes = { $hours } h { $minutes } min
duration-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
jwt-access-token-expired = the access token expired { $ago } ago (read from the JWT's exp claim; signature not checked)
fingerprint-from-machine-id = derived from this machine's id (HMAC-SHA256; the id itself is never sent)
fingerprint-from-host-name = derived from the host name: the machine id could not be read, so it may change if the host is renamed
fingerprint-entered = entered by you

## Command line: human output (src/cli/). --json stays English.

cli-error = error: { $title }
cli-error-in-step = error: { $title } ({ $step })
cli-likely-cause = {"  "}likely cause: { $cause }
cli-try = {"  "}try: { $action }
cli-warning = warning: { $warning }
cli-user = user
cli-redeemed = Ticket redeemed: it belongs to { $name } (it is now used up)
cli-redeemed-no-name = Ticket redeemed: it belongs to (no name) (it is now used up)
cli-session-alive = The session is alive: the tenant refreshed it and issued a new session token.
cli-valid-for = valid for
cli-seconds = { $seconds } s
cli-token = token
cli-print-token-hint = (add --print-token to print the new token itself)
cli-step-line = { $step } { $summary } ({ $ms } ms)
cli-ticket-issued = SSO ticket issued by { $tenant } in { $ms } ms
cli-ticket = ticket
cli-status = status
cli-ticket-used = redeemed (one-time: it cannot be used again)
cli-beyond-any-date = beyond any date
cli-expires-in = expires in
cli-expires = { $left } (at { $until }; one-time use)
cli-device = device
cli-device-line = { $os } · { $ip } · fingerprint { $fingerprint } · { $agent }
cli-report-not-written = error: could not write the report to { $path }: { $error }
cli-logged-in = { $user } logged in in { $ms } ms: session token of { $chars } chars, bound to fingerprint { $fingerprint }
cli-logged-in-for = { $user } logged in in { $ms } ms: session token of { $chars } chars, valid for { $seconds } s, bound to fingerprint { $fingerprint }
cli-check-title = Connection check for { $tenant }
cli-check-pass = pass
cli-check-warn = WARN
cli-check-fail = FAIL
cli-check-skip = skip
cli-check-line = {"  "}[{ $mark }] { $step } { $sentence }
cli-check-line-ms = {"  "}[{ $mark }] { $step } { $sentence } ({ $ms } ms)

## The Markdown report (src/report/markdown.rs)

report-title = sso-diag report
report-tenant = **Tenant:** { $tenant }
report-generated = **Generated:** { $when } by the sso-diag { $front_end }
report-front-end-window = window
report-front-end-cli = command line
report-app = **sso-diag** { $version } on { $os } ({ $platform })
report-language = **Language:** { $language } (the report's and the login's X-L)
report-redacted = Tokens, secrets, passwords and tickets are redacted in this report.
report-verdict = Verdict
report-nothing-run = Nothing was run
report-ticket-issued = Ticket issued
report-ticket-redeemed = Ticket issued and redeemed
report-ticket-redeemed-for = Ticket issued and redeemed for { $user }
report-step-done = { $step }: { $summary }
report-failed-at = **{ $title }** (step: { $step })
report-evidence = **Evidence:** { $evidence }
report-cause = **Likely cause:** { $cause }
report-try = **Try:** { $action }
report-warnings = Warnings
report-steps = Steps
report-steps-header = | # | step | outcome | HTTP | code | time |
report-device = Device
report-device-header = | field | value | source |
report-source-detected = detected
report-source-set-by-user = set by the user
report-source-not-recorded = not recorded
report-field-os-version = OS version
report-field-device-ip = device IP
report-field-fingerprint = fingerprint
report-field-agent = agent
report-request = Request:
report-response = Response ({ $took }):
report-no-response = No response after { $took }.

## The window (src/ui/). Accessible names are these same words.

ui-tenant = Tenant
ui-domain = Domain
ui-requests-go-to = Requests go to { $url }
ui-not-usable = Not usable: { $problem }
ui-tenant-id-hint = optional: only ISV callers on a shared domain
ui-client-id-hint = optional: the SSO application's client_id (OneAccess)
ui-network-summary = Network   timeout { $seconds } s · { $proxy } · { $trust }
ui-network-system-proxy = system proxy settings
ui-network-proxy-set = proxy set
ui-network-system-trust = system trust store
ui-network-extra-ca = extra CA file
ui-ca-file = CA file
ui-ca-file-hint = optional: PEM of extra authorities to trust
ui-proxy = Proxy
ui-proxy-hint = optional: http://proxy:8080
ui-timeout = Timeout
ui-seconds-suffix = {" "}s
ui-timeout-note = for the whole request; connecting gets at most 10 s
ui-credentials = Credentials
ui-access-token = Access token
ui-access-token-hint = Bearer token of the application
ui-session-token = Session token
ui-session-token-hint = the user's session_token from login
ui-refresh-session = Refresh session
ui-refresh-session-hover = POST /api/v2/tenant/sso/session-token/refresh: is the session alive, or did it expire or was it revoked? A new session token replaces this one.
ui-refresh-session-note = tells a live session from an expired or revoked one
ui-show = Show
ui-hide = Hide
ui-show-hover = Show or hide: { $name }
ui-paste = Paste
ui-paste-hover = Paste from the clipboard: { $name }
ui-chars = { $count ->
    [0] empty
    [one] 1 char
   *[other] { $count } chars
}
ui-client-token-expired = From client credentials: expired. Get a new token.
ui-client-token-expires = From client credentials: expires in { $left }
ui-jwt-local = JWT, read locally (signature not checked)
ui-jwt-issuer = issuer { $issuer }
ui-jwt-audience = audience { $audience }
ui-jwt-issued = issued { $time }
ui-jwt-expired = EXPIRED { $ago } ago: the tenant will refuse it
ui-expires-in = expires in { $left }
ui-ticket-lifetime = Ticket lifetime
ui-lifetime-left = { $left } left of { $total }
ui-jwt-no-expiry = no expiry
ui-get-tokens = Get tokens: client credentials, test login
ui-get-tokens-note = Both use the client_id above. Log in sends this window's device, so the session token will match the exchange's fingerprint.
ui-client-secret = Client secret
ui-client-secret-hint = the application's client secret
ui-user-name = User name
ui-user-name-hint = a test user
ui-password = Password
ui-password-hint = never saved
ui-get-token-hover = POST /api/v2/tenant/token: fills in the access token
ui-log-in-hover = POST /api/v2/sdk/login: fills in the session token
ui-id-token = id_token (signature not checked)
ui-jwt-subject = subject { $subject }
ui-expired = expired
ui-redeem-a-ticket = Redeem a ticket…
ui-redeem-a-ticket-note = A ticket is one-time: redeeming it here uses it up. It is sent with the access token above and this window's device.
ui-ticket-to-redeem = Ticket to redeem
ui-ticket-to-redeem-hint = a ticket you were handed
ui-redeem-ticket-hover = POST /api/v2/tenant/sso/sso-ticket/verify: whose ticket it is, or why not (used, expired, another device)
ui-device-summary = Device   { $summary }
ui-os-version = OS version
ui-device-ip = Device IP
ui-addresses = addresses
ui-route-to-tenant = { $address }  (route to tenant)
ui-fingerprint = Fingerprint
ui-copy-fingerprint = Copy fingerprint
ui-detecting = detecting…
ui-fingerprint-note = Must equal the fingerprint the user logged in with (X-device-fingerprint); { $source }.
ui-agent = Agent
ui-device-edited = { $values } · (edited)
ui-device-detected = { $values } · (detected)
ui-detected = detected
ui-edited = edited
ui-reset = Reset
ui-reset-hover = Use the detected value: { $name }
operation-redeem-given = Redeem a ticket handed over
operation-check = Connection check
button-redeem-ticket = Redeem ticket
button-check = Check
history-check-passed = { $passed } of { $total } passed
history-cancelled = cancelled
history-check-works = the network path works
history-check-failed = a step failed
history-cancelled-by-you = cancelled by you
ui-exchange-hover = Exchange the session token for an SSO ticket (Ctrl+Enter)
ui-busy = Something is already running
ui-waiting = { $operation }: waiting for the tenant… { NUMBER($seconds, minimumFractionDigits: 1) } s
ui-cancel = Cancel
ui-cancel-hover = Stop waiting (Esc)
ui-check-connection = Check connection
ui-check-connection-hover = DNS, TCP, TLS, HTTP and the clock, step by step; sends no token
ui-copy-report = Copy report
ui-copy-report-hover = A Markdown report of the last calls, secrets redacted
ui-hand-over-no-call = Nothing to hand over yet: run a call first (Exchange, or a step under Get tokens).
ui-save-report = Save report
ui-save-report-hover = Save that report as a file in Downloads
ui-copy-curl = Copy as curl
ui-copy-curl-hover = The inspected request as a curl command; tokens as $SSO_DIAG_… variables
ui-history = History
ui-history-count = History ({ $count })
ui-history-empty = Calls appear here. Click one to inspect it.
ui-inspector = Request / response inspector
ui-inspector-at = { $operation } at { $time }
ui-request = Request
ui-response = Response
ui-empty-body = (empty body)
ui-no-response = No response (after { $took }).
ui-before-anything = Fill in the tenant and both tokens, then press Exchange. Nothing is sent before that.
ui-ticket-redeemed = Ticket redeemed: it is now used up
ui-cancelled-after = { $operation } cancelled after { NUMBER($seconds, minimumFractionDigits: 1) } s: no result was kept.
ui-access-token-filled = Access token filled in: { $summary }.
ui-session-token-filled = Session token filled in: { $summary }.
ui-session-refreshed = { $summary }; it is filled in.
ui-warning = Warning: { $warning }
ui-ticket-issued-in = Ticket issued in { $took }
ui-received-at = received { $time }
ui-copy = Copy
ui-copy-ticket-hover = Copy the ticket
ui-ticket = Ticket
ui-redeem-hover = Verify the ticket for the user's attributes; it can be redeemed once
ui-ticket-used = Used: redeemed, so it cannot be redeemed again.
ui-ticket-expired = Expired
ui-ticket-validity = one-time use · valid for { $seconds } s · until { $until }
ui-ticket-gone = This ticket can no longer be redeemed: press Exchange for a new one.
ui-whose = Whose it is: { $name }
ui-whose-no-name = Whose it is: (no name)
ui-in-parentheses = ({ $text })
ui-likely-cause = Likely cause
ui-try = Try
ui-check-works = The network path to the tenant works
ui-check-in-the-way = The network is in the way
ui-check-skipped = skipped
ui-check-sentence-ms = { $sentence } ({ $ms } ms)
ui-app-subtitle = SSO ticket diagnostics
ui-demo = DEMO · mock tenant
ui-demo-hover = A mock tenant runs inside this window at { $url }
ui-theme = Theme
ui-theme-system = System
ui-theme-light = Light
ui-theme-dark = Dark
ui-theme-high-contrast = High contrast
ui-lang-hover = The window's language (Ctrl+L switches)
ui-keys = Keys (F1)
ui-keys-hover = Every keyboard shortcut
ui-window-title = sso-diag — SSO ticket diagnostics
# Shown in English in both files on purpose: it appears exactly when no font can draw Chinese.
font-missing = Chinese needs a Chinese font, and this computer has none, so the window stays in English. Install one, then choose Chinese again — Debian/Ubuntu: sudo apt install fonts-noto-cjk (or fonts-wqy-microhei); Fedora/RHEL: sudo dnf install google-noto-sans-cjk-fonts; Windows and macOS include one (Microsoft YaHei, PingFang).

ui-copied = { $what } copied to the clipboard
ui-report-copied = Report copied to the clipboard (secrets redacted)
ui-nothing-to-report = Nothing to report yet: run a step first.
ui-curl-copied = curl command copied (tokens as $SSO_DIAG_… variables)
ui-no-request = No request to copy yet.
ui-clipboard-failed = Could not read the clipboard: { $error }
ui-pasted = { $name } pasted ({ $count ->
    [one] 1 char
   *[other] { $count } chars
})
ui-report-saved = Report saved to { $path }
ui-report-not-saved = Could not save the report to { $path }: { $error }
ui-network-thread-failed = Could not start the network thread: { $error }

## Inputs refused before anything is sent (src/ciam/input.rs, tenant_url.rs, src/cli/)

input-empty = it is empty
input-evidence = { $field }: { $problem }
input-fields-empty = these are empty: { $fields }
list-separator = {", "}
field-form = form
input-token-too-long = it is { $chars } characters long, more than any real token ({ $max }); check what was pasted
input-token-spaces = it contains spaces, line breaks or invisible characters; paste the token alone
input-token-too-short = it is only { $chars } characters long; real tokens are far longer (at least { $min }): check what was pasted
input-field-too-long = it is { $chars } characters long (at most { $max })
input-field-controls = it contains line breaks or invisible characters
input-unreadable = could not read { $source }: { $error }
input-not-an-ip = "{ $value }" is not an IP address (e.g. 192.168.1.2)
input-proxy-no-scheme = start the proxy URL with http:// or https://, like http://proxy.example.com:8080
input-proxy-not-url = not a proxy URL like http://proxy.example.com:8080 ({ $error })
input-proxy-scheme = { $scheme }:// proxies are not supported; give an http:// or https:// proxy
input-proxy-host-port = give the proxy's host and port, like http://proxy.example.com:8080
input-ca-not-pem = it holds no PEM certificate (-----BEGIN CERTIFICATE-----)
input-secret-not-given = not given; set ${ $env } or use { $flag } PATH
input-not-utf8 = ${ $env } is not valid UTF-8
input-standard-input = standard input
input-too-big = { $source } holds more than { $kib } KiB, far more than any real secret; check what it holds
input-not-text = it is not UTF-8 text
input-one-stdin = only one secret can come from standard input
input-cannot-write = cannot write { $path }: { $error }
input-cli-client-id-for-token = give --client-id to fetch an access token with the client secret
input-cli-access-not-given = not given; set ${ $access_env } (or ${ $secret_env } with --client-id), or use --access-token-file PATH
input-cli-client-id-for-login = give --client-id: the login names the application
input-timeout = give a number of seconds between 0 and 3600
input-no-ticket = there is no ticket to redeem
input-ui-client-id-for-token = fill in the application's client_id to get a token with its secret
input-ui-client-id-for-login = fill in the application's client_id: the login names it
domain-empty = the domain is empty
domain-bad-character = the domain contains a space or a control character
domain-scheme = only https:// (or http:// to this machine) is supported, not { $scheme }://
domain-insecure-http = plain http:// would send the token unencrypted; use https://{ $host }
domain-user-info = remove the user name/password before the @
domain-path = enter the domain only, without a path (remove "{ $path }")
domain-query = enter the domain only, without a query (remove "?{ $query }")
domain-fragment = enter the domain only, without a fragment (remove "#{ $fragment }")
domain-port-zero = port 0 cannot be connected to; give the tenant's port (or none for 443)
domain-label-too-long = "{ $label }" is longer than the 63 characters a part of a domain name may have
domain-too-long = the domain is longer than the 253 characters a domain name may have
domain-invalid = not a valid domain: { $why }
ui-demo-failed = error: could not start the demo tenant: { $error }
ui-window-failed = error: could not open the window: { $error }
ui-no-display = {"  "}(no display? the command line works without one: sso-diag exchange --help)
domain-no-host = the domain has no host name
check-no-answer = { $address }: no answer within { $seconds } s
# The language switch's name for Chinese until a font for it is found (so in English in both files).
ui-chinese-without-font = Chinese

## --help (src/cli/help.rs): only the Chinese help uses these; English help is clap's, from args.rs

help-template = {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
    Usage: {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-commands = Commands
help-options = Options
help-about = Troubleshoot CIAM logins: exchange a session token for an SSO ticket and explain what went wrong. Without a subcommand, opens the window.
help-about-exchange = Exchange a session token for an SSO ticket (POST /api/v2/tenant/sso/session-token/sso-ticket). Exit codes: 0 ticket issued, 2 invalid input, 3 network/TLS/timeout, 4 rejected by the tenant (4xx), 5 tenant server error (5xx), 6 unexpected response.
help-about-redeem = Redeem a ticket you were handed (POST /api/v2/tenant/sso/sso-ticket/verify): whose is it, or why not. The ticket comes from $SSO_DIAG_TICKET, --ticket-file or standard input, and is used up if valid.
help-about-refresh = Refresh a session token (POST /api/v2/tenant/sso/session-token/refresh): is the session alive, or did it expire or was it revoked?
help-about-login = Log a test user in (POST /api/v2/sdk/login) with this device's fingerprint.
help-about-check = Check the network path to the tenant: DNS, TCP, TLS, HTTP and the clock.
help-about-device = Print the auto-detected device profile.
help-about-mock = Run the mock tenant in the foreground.
help-arg-help = Print help
help-arg-version = Print version
help-arg-log-file = Write the log (always redacted) to this file
help-arg-lang = The language of the window and of the human output: en or zh-CN
help-arg-check-ca-file = Also trust the certificate authorities in this PEM file
help-arg-ca-file = Also trust the certificate authorities in this PEM file for this run; verification is never skipped
help-arg-proxy = Send requests through this proxy (http://host:port)
help-arg-demo = Start a mock tenant on a free loopback port and fill in the window to use it
help-arg-mock-scenario = Answer as a real tenant does in this situation
help-arg-scenario = With --demo: how the mock tenant answers
help-arg-check-domain = The tenant's domain
help-arg-device-domain = Detect the route to this tenant (default: any address)
help-arg-domain = The tenant's domain, e.g. tenant.example.com or https://tenant.example.com:8443
help-arg-tenant-id = X-tenant-id header (only ISV callers on a shared domain need it)
help-arg-client-id = The SSO application's client_id
help-arg-os-version = OS version to send instead of the detected one
help-arg-device-ip = Device IP to send instead of the detected one
help-arg-fingerprint = Device fingerprint to send; must equal the one used at the user's login
help-arg-agent = User agent to send instead of sso-diag's own
help-arg-access-token-file = Read the access token from this file ('-' = standard input) instead of $SSO_DIAG_ACCESS_TOKEN
help-arg-client-secret-file = Without an access token: fetch one with --client-id and the secret in this file or $SSO_DIAG_CLIENT_SECRET
help-arg-report = Write a redacted Markdown report of the run to this file
help-arg-timeout = Give up after this many seconds
help-arg-json = Print one JSON object on standard output instead of a summary
help-arg-session-token-file = Read the session token from this file ('-' = standard input) instead of $SSO_DIAG_SESSION_TOKEN
help-arg-login-user = The test user's name
help-arg-user = Without a session token: log this test user in first
help-arg-login-password-file = Read the password from this file ('-' = standard input) instead of $SSO_DIAG_PASSWORD
help-arg-password-file = The test user's password, from this file ('-' = standard input)
help-arg-redeem = Redeem the ticket right away and show whose it is (the ticket is then used up)
help-arg-curl = Print the exchange request as a curl command and send nothing
help-arg-ticket-file = Read the ticket from this file ('-' = standard input) instead of $SSO_DIAG_TICKET
help-arg-login-print-token = Also print the session token itself on standard output
help-arg-print-token = Also print the new session token itself on standard output
help-arg-addr = Address to listen on; port 0 picks a free port
help-arg-ticket-ttl = How long issued tickets stay valid, in seconds
help-arg-envelope = Answer the verify call in Huawei's {"{"}code, message, data{"}"} envelope
status-ok = ok
status-invalid-input = input refused
status-dns = name not found
status-connect = no connection
status-proxy = proxy failed
status-timeout = timeout
status-tls = TLS failed
status-unexpected = unexpected answer
ui-device-values = { $os } · { $ip } · fp { $fingerprint }

## The tenant's codes (src/ciam/codes.toml holds which codes, steps and status; these are
## the words). Ids: code- and the canonical code, dots as dashes. { $wait }: how long the tenant says to wait.

code-IDAAS-SDK-PARAM-0023-title = Session token rejected
code-IDAAS-SDK-PARAM-0023-cause = The user's session has ended or expired, or the session token was copied incompletely.
code-IDAAS-SDK-PARAM-0023-action = Have the user sign in again, then paste the new session token.
code-IDAAS-SDK-PARAM-0024-title = Device fingerprint does not match the login
code-IDAAS-SDK-PARAM-0024-cause = The device fingerprint sent differs from the one the user logged in with.
code-IDAAS-SDK-PARAM-0024-action = Use the fingerprint from the user's login request (its X-device-fingerprint header) instead of this machine's.
code-IDAAS-SDK-PARAM-0001-title = A required field is missing
code-IDAAS-SDK-PARAM-0001-cause = The tenant says a required parameter was blank (see its message).
code-IDAAS-SDK-PARAM-0001-action = Fill in the named field and try again.
code-IDAAS-SDK-PARAM-0002-title = The tenant could not read the request
code-IDAAS-SDK-PARAM-0002-cause = The request body was not valid JSON, often because a pasted value holds a stray quote or line break.
code-IDAAS-SDK-PARAM-0002-action = Paste the values again without extra quotes, spaces or line breaks, and try again.
code-IDAAS-SDK-PARAM-0025-title = SSO ticket invalid or already used
code-IDAAS-SDK-PARAM-0025-cause = An SSO ticket can be redeemed once, within its expiry.
code-IDAAS-SDK-PARAM-0025-action = Exchange the session token for a new ticket and redeem that one.
code-PARAM-0032-title = SSO ticket invalid or already used
code-PARAM-0032-cause = An SSO ticket can be redeemed once, within its expiry.
code-PARAM-0032-action = Exchange the session token for a new ticket and redeem that one.
code-PARAM-0031-title = SSO ticket missing
code-PARAM-0031-cause = The request reached the tenant without an SSO ticket in it.
code-PARAM-0031-action = Paste the whole sso_ticket from the exchange step and redeem it again.
code-invalid_client-title = Client credentials rejected
code-invalid_client-cause = The client_id or client secret is wrong, or the application is not allowed to use client credentials.
code-invalid_client-action = Copy the client_id and secret again from the application's settings in the tenant console.
code-invalid_token-title = Access token rejected
code-invalid_token-cause = The access token is wrong, expired (they last about 30 minutes), or belongs to another tenant.
code-invalid_token-action = Get a new access token with the application's client credentials.
code-invalid_grant-title = The tenant refused the sign-in
code-invalid_grant-cause = The credentials were refused: a wrong user name or password, a locked or disabled user, or an expired password. The tenant's message tells which.
code-invalid_grant-action = Read the tenant's message, then correct the password, wait for the unlock, or ask an administrator to enable the user or reset the password.
code-unsupported_grant_type-title = Grant type not accepted
code-unsupported_grant_type-cause = The tenant does not accept grant_type=client_credentials here, usually because the application is not set up for it.
code-unsupported_grant_type-action = Ask the tenant administrator to allow client credentials for the application, and check the domain is the tenant's.
code-invalid_scope-title = Requested scope not allowed
code-invalid_scope-cause = The scope asked for is not one the application may have.
code-invalid_scope-action = Leave the scope empty, or use one the application is granted in the tenant console.
code-insufficient_scope-title = Access token lacks permission for this call
code-insufficient_scope-cause = The access token is valid, but its application is not granted this API.
code-insufficient_scope-action = Grant the application the API permission in the tenant console, then get a new access token.
code-invalid_request-title = The request is incomplete
code-invalid_request-cause = The tenant says a required parameter was missing or malformed; its message names it.
code-invalid_request-action = Check that the named field is filled in and pasted in full, then try again.
code-unauthorized_user-title = User not authorized for this application
code-unauthorized_user-cause = The user exists but is not authorized to use this application.
code-unauthorized_user-action = Ask the tenant administrator to authorize the user, or one of the user's groups, for the application.
code-access_denied-title = API not enabled for this application
code-access_denied-cause = The application is not authorized to call this API; the tenant's message names the service.
code-access_denied-action = Ask the tenant administrator to grant the application this API, then get a new access token.
code-LOGIN-0002-title = Wrong user name or password
code-LOGIN-0002-cause = The tenant refused the login; too many attempts lock the account.
code-LOGIN-0002-action = Check the user name and password with the user before trying again.
code-LOGIN-0001-title = Account locked after failed logins
code-LOGIN-0001-cause = Too many wrong passwords were entered, so the tenant locked the account for a while (SDK.LOGIN.1003 is the employee (EIAM) edition's code for the same).
code-LOGIN-0001-action = Wait { $wait }, then log in again with the right password; an administrator can unlock the account sooner.
code-IDAAS-SDK-PARAM-0014-title = Login step expired, start again
code-IDAAS-SDK-PARAM-0014-cause = The state token that links the steps of one login (second factor, password change) is wrong or has expired.
code-IDAAS-SDK-PARAM-0014-action = Start the login again from the user name and password.
code-APP-0001-title = Application not found
code-APP-0001-cause = No application with this client_id exists in the tenant.
code-APP-0001-action = Check the client_id in the tenant console.
code-APP-0002-title = Application ID required
code-APP-0002-cause = The request did not name the application.
code-APP-0002-action = Fill in the client_id.
code-APP-0003-title = Application disabled
code-APP-0003-cause = The application exists but is disabled in the tenant.
code-APP-0003-action = Ask the tenant administrator to enable it.
code-IDAAS-TENANT-USER-0001-title = User not found
code-IDAAS-TENANT-USER-0001-cause = The tenant has no such user.
code-IDAAS-TENANT-USER-0001-action = Check the user name, and that it is the right tenant.
code-PARAM-0004-title = The tenant wants a slider captcha
code-PARAM-0004-cause = After several failed logins the tenant asks for a slider captcha, and sso-diag cannot solve one.
code-PARAM-0004-action = Wait a while before trying again, or use another test user.
code-PARAM-0005-title = The tenant wants a captcha first
code-PARAM-0005-cause = After several failed logins the tenant wants proof of a passed captcha with the login, and sso-diag cannot solve one.
code-PARAM-0005-action = Wait a while before trying again, or use another test user.
code-PARAM-0030-title = Signature invalid or expired
code-PARAM-0030-cause = The tenant expected a signed value with the login (such as a passed captcha) and found it missing, wrong or too old.
code-PARAM-0030-action = Try again in a while or with another test user; if it persists, take the session token from the application after the user's real login.
code-CAPTCHA-0002-title = Captcha check failed
code-CAPTCHA-0002-cause = The tenant demanded a captcha after failed logins and the answer did not pass; sso-diag cannot solve one.
code-CAPTCHA-0002-action = Wait a while before trying again, or use another test user.
code-CAPTCHA-0003-title = Captcha pass expired
code-CAPTCHA-0003-cause = The proof of a passed captcha that the tenant demands after failed logins has expired; sso-diag cannot get a new one.
code-CAPTCHA-0003-action = Wait a while before trying again, or use another test user.
code-CAPTCHA-0004-title = Captcha pass not accepted
code-CAPTCHA-0004-cause = The proof of a passed captcha that the tenant demands after failed logins is wrong; sso-diag cannot solve a captcha.
code-CAPTCHA-0004-action = Wait a while before trying again, or use another test user.
code-IDAAS-SDK-CAPTCHA-0006-title = Verification code could not be sent
code-IDAAS-SDK-CAPTCHA-0006-cause = The tenant wanted to send a verification code (SMS or e-mail) for this login and failed; sso-diag cannot take part in that check anyway.
code-IDAAS-SDK-CAPTCHA-0006-action = Wait a while before trying again, or use another test user.
code-IDAAS-SDK-CAPTCHA-0007-title = Verification code wrong
code-IDAAS-SDK-CAPTCHA-0007-cause = The tenant demanded a verification code for this login and the one given did not match; sso-diag cannot answer such a check.
code-IDAAS-SDK-CAPTCHA-0007-action = Wait a while before trying again, or use another test user.
code-SDK-COMMON-1001-title = A required field is missing
code-SDK-COMMON-1001-cause = The tenant says a required parameter was blank (its message names it); this code comes from the employee (EIAM) edition.
code-SDK-COMMON-1001-action = Fill in the named field and try again.
code-SDK-COMMON-1002-title = A field has the wrong format
code-SDK-COMMON-1002-cause = The tenant says a parameter is in the wrong format (its message names it); this code comes from the employee (EIAM) edition.
code-SDK-COMMON-1002-action = Correct the named field, for example remove spaces or line breaks, and try again.
code-SDK-COMMON-1003-title = Device information incomplete
code-SDK-COMMON-1003-cause = One of the device fields (fingerprint, system version, agent) was missing; this code comes from the employee (EIAM) edition.
code-SDK-COMMON-1003-action = Fill in all the device fields and log in again.
code-SDK-COMMON-1012-title = No application for this client ID
code-SDK-COMMON-1012-cause = The X-client-id header names no application in the tenant; this code comes from the employee (EIAM) edition.
code-SDK-COMMON-1012-action = Copy the client_id again from the application's settings in the tenant console.
code-SDK-COMMON-1013-title = User not found
code-SDK-COMMON-1013-cause = The tenant has no user with this name; this code comes from the employee (EIAM) edition.
code-SDK-COMMON-1013-action = Check the user name, and that it is the right tenant.
code-IDAAS-TENANT-COM-0002-title = The tenant is busy
code-IDAAS-TENANT-COM-0002-cause = The tenant had a temporary internal problem ("system busy"); the request itself may well be fine.
code-IDAAS-TENANT-COM-0002-action = Wait a minute and try again; if it keeps happening, send the report to the tenant's operators.
code-IDAAS-COM-0404-title = API not found on this domain
code-IDAAS-COM-0404-cause = The server has no such API, so the domain is probably not the tenant's user-access domain.
code-IDAAS-COM-0404-action = Use the tenant's user-access domain exactly as shown in the tenant console.
code-PASSWORD_WARN-title = Logged in, but the password expires soon
code-PASSWORD_WARN-cause = This is a warning, not an error: the user is logged in and a session token was issued, but the password will expire soon.
code-PASSWORD_WARN-action = Carry on with the session token, and have the user change the password soon.
code-MFA_AUTH-title = A second factor is required
code-MFA_AUTH-cause = The tenant wants a second factor (such as an SMS code) for this login, which sso-diag cannot complete, so no session token was issued.
code-MFA_AUTH-action = Use a test user without MFA, or take the session token from the application after the user's real login.
code-PASSWORD_EXPIRED-title = Password expired
code-PASSWORD_EXPIRED-cause = The user's password has expired, and the tenant will not log them in until it is changed.
code-PASSWORD_EXPIRED-action = Have the user change the password, then log in again.
code-ACCESS_DENIED-title = Login refused by an access policy
code-ACCESS_DENIED-cause = A policy of the tenant refuses this user, application or device.
code-ACCESS_DENIED-action = Check the application's access policy and the user's groups in the tenant console.

## How long a lockout lasts, read from the tenant's message (src/ciam/catalogue.rs)

wait-hours = { $n ->
    [one] { $n } hour
   *[other] { $n } hours
}
wait-minutes = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
}
wait-seconds = { $n ->
    [one] { $n } second
   *[other] { $n } seconds
}
wait-and = { $first } and { $second }

## Watch mode (src/watch/, src/cli/watch.rs, src/report/watch.rs)

watch-phase-dns = DNS
watch-phase-connect = TCP
watch-phase-tls = TLS
watch-phase-first-byte = first byte
watch-phase-body = body
watch-total = total
watch-outcome-ok = ok
watch-outcome-rejected = rejected { $code }
watch-outcome-server-error = server error { $code }
watch-outcome-network = network ({ $phase })
watch-outcome-timeout = timeout ({ $phase })
watch-outcome-unexpected = unexpected answer
watch-start = Watching { $tenant } every { $interval } s; Ctrl+C stops and prints the summary.
watch-tickets-expire = Each successful exchange issues a real ticket that is never redeemed: it simply expires.
watch-phase-ms = { $phase } { $ms }
watch-total-ms = total { $ms } ms
watch-line = #{ $number }  { $time }  { $outcome }  { $phases }
watch-summary = { $attempts ->
    [one] 1 attempt
   *[other] { $attempts } attempts
}, { $ok } ok ({ $rate } %)
watch-summary-header = {"  "}phase (ms)          p50       p95       p99       max
watch-failures = {"  "}failed: { $class } { $code } × { $count }
watch-interval-too-short = give at least 1 second between probes (the tenant is a production system; 0.1 s towards this machine)
watch-bad-duration = "{ $value }" is not a duration like 90s, 10m or 1h
report-watch-title = sso-diag watch report
report-watch-phases-header = | phase | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |
report-watch-failures = Failures
report-watch-failures-header = | class | code | count |
report-watch-attempt = Attempt { $number } at { $time }: { $outcome }
help-about-watch = Probe again and again (the exchange, or reachability only): a line per attempt with where its time went, a summary at the end or on Ctrl+C. Exit code: 0 when every attempt succeeded, else that of the most frequent failure.
help-arg-what = What each probe sends: exchange, or check (reachability; no token sent)
help-arg-interval = Seconds between the starts of two probes (at least 1)
help-arg-count = Stop after this many attempts (of each tenant)
help-arg-duration = Stop after this long: 90s, 30m, 1h (also --duration)
help-arg-reuse-connection = Keep one connection for every probe, as a real application does
help-arg-stop-on-failure = Stop at the first failure
help-arg-csv = Write every attempt to this CSV file as it happens
help-arg-flaky = Make this share of the SSO calls fail or slow down (0 to 1): system busy, a hang, a slow answer
help-arg-flaky-seed = The seed of --flaky's choices, to repeat a run exactly
watch-class-ok = ok
watch-class-rejected = rejected
watch-class-server-error = server error
watch-class-network = network
watch-class-timeout = timeout
watch-class-unexpected = unexpected answer
ui-watch = Watch: repeat the call, see where the time goes
ui-watch-what = Probe
ui-watch-what-exchange = the exchange (with the tokens above)
ui-watch-what-check = reachability only (no token sent)
ui-watch-every = every
ui-watch-count = attempts
ui-watch-count-hover = 0: until stopped
ui-watch-reuse = reuse connection
ui-watch-reuse-hover = Keep one connection for every probe, as a real application does; otherwise DNS, TCP and TLS are measured every time
ui-watch-stop-on-failure = stop at the first failure
ui-watch-start = Start watching
ui-watch-pause = Pause
ui-watch-resume = Resume
ui-watch-stop = Stop
ui-watch-sent = { $count ->
    [one] 1 request sent
   *[other] { $count } requests sent
}
ui-watch-spread = total p50 { $p50 } ms · p95 { $p95 } ms · p99 { $p99 } ms · max { $max } ms
ui-watch-click-hint = Click a bar to see that attempt in the inspector (failures keep their request and answer).
ui-watch-attempt = Watch attempt #{ $number }: { $outcome }
help-arg-watch = Start watching the tenant filled in as soon as the window opens (with --demo: a flaky mock tenant)
report-watch-chart = Where each attempt's time went
ui-watch-save-report = Save watch report
ui-watch-save-report-hover = The summary, the failures' evidence and the chart (a PNG beside it), in Downloads
ui-watch-what-flow = the whole flow
# Saved files and profiles
file-unreadable = it cannot be read ({ $error })
file-too-big = it holds more than { $max } KiB, far more than sso-diag writes; reading stopped there
file-not-regular = it is { $what }, not a regular file: sso-diag reads only regular files
file-kind-fifo = a named pipe (FIFO)
file-kind-device = a device
file-kind-socket = a socket
file-kind-directory = a directory
file-kind-other = a special file
file-not-json = it is not complete JSON ({ $error })
file-wrong-format = it is not an sso-diag file of this kind (it says "{ $found }")
file-newer-version = it was written by a newer sso-diag (file version { $version }); update sso-diag to read it
file-invalid = its contents are not what sso-diag writes ({ $error })
field-profile = profile
field-profile-file = profile file
profile-name-empty = give the profile a name
profile-proxy-password = a profile keeps no password: remove it from the proxy URL (the proxy will ask, or use HTTPS_PROXY)
profile-saved = Saved profile "{ $name }".
profile-none = No profiles yet: create one with `sso-diag profile new NAME --domain …` or in the window.
profile-exported = Exported to { $path } (no secret in it).
profile-imported = Imported profile "{ $name }".
profile-deleted = Deleted profile "{ $name }".
profile-unset = (not set)
profile-secret-in-keychain = The client secret is remembered in the keychain.
profile-password-in-keychain = The test password is remembered in the keychain.
profile-exists = there is already a profile named "{ $name }": give another name (import: --as NAME) or add --force to replace it
profile-no-data-dir = this machine has no data directory for sso-diag (set SSO_DIAG_DATA_DIR)
profile-store-damaged = the profiles file { $path } cannot be used: { $problem }. The window sets it aside and starts afresh; nothing was changed
profile-not-found = there is no profile named "{ $name }" (`sso-diag profile list` shows them)
help-arg-profile = Fill in what this saved profile holds (`sso-diag profile list`); options given on the command line win over it. `watch` takes it more than once: one tenant per profile
help-about-profile = Saved tenant profiles: create, list, show, export to a colleague, import, delete. A profile never holds a secret.
help-about-new = Save a new profile
help-about-list = List the saved profiles
help-about-show = Show what a profile holds
help-about-export = Write a profile to a file (or standard output) for a colleague: it holds no secret
help-about-import = Add a profile a colleague exported, checked first; nothing is saved if anything is wrong
help-about-delete = Delete a profile (and its secrets in the keychain)
help-arg-profile-name = The profile's name
help-arg-profile-file = The exported profile to read
help-arg-output = Write to this file instead of standard output
help-arg-rename = Save it under this name instead of the one in the file
help-arg-force = Replace a profile of the same name
help-arg-language = The language of the window and of the X-L header for this tenant: en or zh-CN
help-arg-profile-user = The test user's name for logins
ui-profile = Profile
ui-profile-none = (no profile)
ui-profile-new = New
ui-profile-new-hover = A new, empty profile; the tokens stay
ui-profile-new-name = New profile
ui-profile-duplicate = Duplicate
ui-profile-duplicate-hover = A copy of this profile under a new name
ui-profile-save-as = Save as profile
ui-profile-save-as-hover = Keep the domain, client_id, test user, network and device settings as a named profile (never a token or password)
ui-profile-rename = Rename
ui-profile-delete = Delete
ui-profile-delete-hover = Delete this profile and its secrets in the keychain; the fields keep their values
ui-profile-delete-confirm = Delete "{ $name }"?
ui-profile-delete-yes = Delete it
ui-profile-new-title = New profile:
ui-profile-duplicate-title = Copy as:
ui-profile-rename-title = Rename to:
ui-profile-save = Save
ui-profile-exists = There is already a profile named "{ $name }".
ui-profile-invalid = Not saved: { $problem }
ui-profile-gone = The profile "{ $name }" no longer exists; the window starts without a profile.
ui-file-set-aside = { $file } could not be used: { $problem }. It was kept as { $backup }; the window started with defaults.
ui-file-left-alone = { $file } could not be used: { $problem }. It could not be moved aside ({ $error }), so the window will not write over it.
ui-file-notice-close = Close
file-no-version = it names no version
file-too-many-profiles = it holds { $count } profiles (at most { $max })
file-bad-profile = profile { $number }: { $problem }
file-name-twice = profile { $number }: the name is used twice
help-arg-har = Write the run's calls as a HAR 1.2 file (browser DevTools, Fiddler and Charles import it), secrets redacted; checked before anything is sent
ui-save-har = Save HAR
ui-save-har-hover = Every call of this session as a HAR file (open it in browser DevTools, Fiddler or Charles), secrets redacted, in Downloads
ui-keychain-remember = Remember in keychain
ui-keychain-remember-hover = Keep it in this computer's keychain for this profile (never in a file); it is filled in when you choose the profile
ui-keychain-forget = Forget
ui-keychain-looking = Looking for this computer's keychain…
ui-keychain-unavailable = No keychain on this computer: nothing is remembered, and nothing is written anywhere.
ui-system-said = In the system's own words: { $error }
ui-keychain-no-profile = Choose or save a profile first: secrets are remembered per profile.
ui-keychain-empty = Type the secret first, then tick the box.
ui-keychain-remembered = { $what } remembered in the keychain for "{ $profile }".
ui-keychain-forgotten = { $what } of "{ $profile }" removed from the keychain.
ui-keychain-missing = The keychain no longer holds the { $what } of "{ $profile }".
ui-keychain-failed = The keychain refused ({ $what }): { $error }
profile-remembered = Remembered in the keychain for profile "{ $name }"; calls with --profile "{ $name }" use it when none is given.
profile-forgotten = Removed from the keychain for profile "{ $name }".
profile-keychain-failed = the keychain cannot be used: { $error }
field-keychain = keychain
help-about-remember = Keep a profile's client secret or test password in the OS keychain (never in a file); calls with --profile then use it when none is given
help-about-forget = Remove a profile's client secret or test password (or both) from the keychain
help-arg-secret = Which secret: client-secret or password
help-arg-secret-file = Read the secret from this file ('-' = standard input) instead of $SSO_DIAG_CLIENT_SECRET / $SSO_DIAG_PASSWORD
field-har = HAR file
field-case = case file
case-too-many-steps = it holds { $count } steps (at most { $max })
case-bad-url = step { $number } names no http(s) address
case-bad-address = step { $number } names a server address or connection that is not one
case-no-har = it holds no HAR log
case-bad-version = its version line is not one sso-diag writes
help-arg-case = Write a case file for a colleague: the profile's values, the device, every step with its evidence and verdict, and the HAR — redacted; `sso-diag --open-case FILE` shows it
help-arg-open-case = Open the window showing this case file, read-only
ui-save-case = Save case
ui-save-case-hover = This session for a colleague: the profile's values, the device, every call with its evidence and verdict, and the HAR — redacted, one file in Downloads
ui-open-case = Open case…
ui-open-case-hover = Show a case file a colleague saved, read-only (or drop the file on the window)
ui-case-title = Case file (read-only):
ui-case-close = Close case
ui-case-saved = Saved { $when } by sso-diag { $version }
ui-case-setting = What was asked
ui-case-open-path = Case file:
ui-case-open-button = Open
ui-case-drop-hint = Or drop the file on the window.
ui-case-reading = Reading the case file { $file }…
ui-case-no-background = the window's background thread is not running
ui-case-not-opened = The case file { $file } was not opened: { $problem }. Nothing was changed.

## The cause of a refused session or ticket, when the evidence points at it (src/step/diagnosis.rs)

cause-fingerprint-title = The session belongs to another device fingerprint
cause-fingerprint-login = The session was issued for device fingerprint …{ $issued } (the login's); this call sent …{ $sent }. The tenant answers that as an invalid session.
cause-fingerprint-claim = The session token says it was issued for device fingerprint …{ $issued }; this call sent …{ $sent }. The tenant answers that as an invalid session.
cause-fingerprint-action = Send the login's fingerprint, { $fingerprint } (in the window: Use the login's fingerprint; on the command line: --fingerprint), or log in from here. Having the user sign in again elsewhere will not help.
cause-fingerprint-edited-title = A device fingerprint set by hand
cause-fingerprint-edited = This call sent device fingerprint …{ $sent }, set by hand; this machine's is …{ $detected }. A session works only with the fingerprint it was logged in with: any other is refused as an invalid session.
cause-fingerprint-edited-action = Send the fingerprint the user logged in with (the login request's X-device-fingerprint), or Reset to this machine's and log in from here.
cause-session-ended-action = { $action } Refresh session (sso-diag refresh) tells whether it expired or was revoked.
ui-use-logins-fingerprint = Use the login's fingerprint (…{ $tail })
ui-use-logins-fingerprint-hover = Send { $fingerprint }, the fingerprint the session was logged in with, from now on; then press Exchange again.
ui-reset-fingerprint = Reset to this machine's fingerprint
ui-reset-fingerprint-hover = Send the detected fingerprint again; a session logged in from here will then work.
ui-fingerprint-now-the-logins = The device fingerprint is now the login's: press Exchange again.
ui-fingerprint-now-this-machines = The device fingerprint is this machine's again.

## The keyboard (src/ui/keyboard.rs)

keys-title = Keyboard
keys-exchange = Exchange the session token for a ticket
keys-check = Check the connection
keys-copy-report = Copy the report
keys-save-report = Save the report in Downloads
keys-copy-curl = Copy the inspected request as curl
keys-switch-language = Switch between English and Chinese
keys-domain = Go to the domain field
keys-help = Open or close this help
keys-cancel = Cancel what is running; close this help
keys-tab = Next or previous field or button
keys-zoom = Zoom in, zoom out, back to 100 % (remembered)
keys-close = Close

watch-summary-precision = {"  "}(counts and max exact; p50/p95/p99 from a histogram, within 1 %)
report-watch-precision = The counts and the maximum are exact; p50, p95 and p99 come from a histogram of every attempt (within 1 %). The chart and the evidence cover the latest { $kept } attempts.
report-watch-colours = Colours in the chart: { $colours }.
report-watch-log-axis = The chart's time axis is logarithmic: the slowest attempt took over 100 times the median.
watch-metrics-local = Metrics for Prometheus at { $url } (this machine only; --metrics 0.0.0.0:PORT serves the network)
watch-metrics-open = Warning: metrics at { $url } are open to the network: anyone who reaches this machine can read the tenants' names and results.
watch-metrics-cannot-bind = cannot serve metrics on { $addr }: { $error }
profile-several-only-watch = only `watch` takes --profile more than once (one tenant per profile)
profile-named-twice = the profile "{ $name }" is named twice
ui-watch-until-stop = until Stop
ui-watch-log-scale = log scale
ui-watch-log-scale-hover = A logarithmic time axis, chosen by itself when the slowest attempt took over 100 times the median: the usual attempts stay visible beside the outlier
ui-watch-axis-attempt = attempt
ui-watch-axis-time = time per attempt (ms)
ui-watch-line-p50 = p50
ui-watch-line-p95 = p95
ui-watch-line-p99 = p99
ui-watch-kept = The chart, the history and the inspector keep the latest { $kept } attempts; the summary counts all of them (counts exact, percentiles within 1 %).
help-arg-metrics = Serve Prometheus/OpenMetrics metrics at http://ADDR/metrics while watching: a port (this machine only), or IP:PORT (0.0.0.0:PORT serves the network, with a warning)
help-arg-watch-every = With --watch: seconds between probes (default 0.5; at least 1, or 0.1 towards this machine)
