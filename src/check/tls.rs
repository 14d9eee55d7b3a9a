//! The check's TLS step: a handshake that always completes, so the certificate can be shown even
//! when this machine does not trust it — and the platform verifier's own verdict beside it. No
//! byte of application data is sent on this connection; it is closed right after the handshake.

use std::sync::{Arc, Mutex};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, SignatureScheme};
use time::OffsetDateTime;
use tokio::net::TcpStream;

/// What the handshake showed.
pub struct TlsFacts {
    pub protocol: String,
    pub subject: String,
    pub issuer: String,
    pub not_after: Option<OffsetDateTime>,
    /// `Err(reason)` when this machine does not trust the certificate.
    pub trusted: Result<(), String>,
}

#[derive(Debug)]
struct RecordingVerifier {
    inner: Arc<dyn ServerCertVerifier>,
    verdict: Mutex<Option<Result<(), rustls::Error>>>,
}

impl ServerCertVerifier for RecordingVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let verdict = self
            .inner
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
            .map(|_| ());
        if let Ok(mut slot) = self.verdict.lock() {
            *slot = Some(verdict);
        }
        // Let the handshake finish so the certificate can be described; trust is reported apart.
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// Plain words for a certificate problem.
pub fn describe_tls_error(error: &rustls::Error) -> String {
    match error {
        rustls::Error::InvalidCertificate(e) => match e {
            CertificateError::UnknownIssuer => {
                "issued by an authority this machine does not trust (unknown issuer)".into()
            }
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                "issued for another host name".into()
            }
            CertificateError::Expired | CertificateError::ExpiredContext { .. } => "expired".into(),
            CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
                "not valid yet".into()
            }
            CertificateError::Revoked => "revoked".into(),
            other => format!("invalid certificate ({other:?})"),
        },
        other => other.to_string(),
    }
}

/// This machine's trust store (and `extra_ca_pem`), as the tenant client trusts.
fn platform_verifier(
    provider: &Arc<rustls::crypto::CryptoProvider>,
    extra_ca_pem: Option<&[u8]>,
) -> Result<rustls_platform_verifier::Verifier, String> {
    match extra_ca_pem {
        None => rustls_platform_verifier::Verifier::new(provider.clone()),
        Some(pem) => {
            let roots: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(pem)
                .collect::<Result<_, _>>()
                .map_err(|e| format!("the CA file is not PEM: {e}"))?;
            rustls_platform_verifier::Verifier::new_with_extra_roots(roots, provider.clone())
        }
    }
    .map_err(|e| format!("could not load this machine's trusted certificates: {e}"))
}

/// A TLS configuration that verifies as the tenant client does (HTTP/1.1), for watch mode's own
/// connections.
pub fn verifying_config(extra_ca_pem: Option<&[u8]>) -> Result<rustls::ClientConfig, String> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let verifier = platform_verifier(&provider, extra_ca_pem)?;
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(config)
}

pub async fn handshake(
    stream: TcpStream,
    host: &str,
    extra_ca_pem: Option<&[u8]>,
) -> Result<TlsFacts, String> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let platform = platform_verifier(&provider, extra_ca_pem)?;
    let verifier = Arc::new(RecordingVerifier {
        inner: Arc::new(platform),
        verdict: Mutex::new(None),
    });
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .dangerous()
        .with_custom_certificate_verifier(verifier.clone())
        .with_no_client_auth();
    let name = ServerName::try_from(host.to_owned())
        .map_err(|e| format!("not a valid TLS server name: {e}"))?;
    let tls = tokio_rustls::TlsConnector::from(Arc::new(config))
        .connect(name, stream)
        .await
        .map_err(|e| format!("the handshake failed: {e}"))?;
    let (_, conn) = tls.get_ref();
    let protocol = conn
        .protocol_version()
        .map(|v| format!("{v:?}").replace('_', "."))
        .unwrap_or_else(|| "unknown".into());
    let (subject, issuer, not_after) = conn
        .peer_certificates()
        .and_then(|certs| certs.first())
        .and_then(|der| x509_parser::parse_x509_certificate(der.as_ref()).ok())
        .map(|(_, cert)| {
            (
                cert.subject().to_string(),
                cert.issuer().to_string(),
                Some(cert.validity().not_after.to_datetime()),
            )
        })
        .unwrap_or_else(|| ("(no certificate)".into(), String::new(), None));
    let trusted = match verifier.verdict.lock().ok().and_then(|v| v.clone()) {
        Some(Ok(())) => Ok(()),
        Some(Err(e)) => Err(describe_tls_error(&e)),
        None => Err("the certificate was not checked".into()),
    };
    Ok(TlsFacts {
        protocol,
        subject,
        issuer,
        not_after,
        trusted,
    })
}
