//! Time-based one-time codes (RFC 6238) as every authenticator app reads them: SHA-1, six
//! digits, thirty-second steps, one step of drift either way. A check says which step the
//! code matched, so that the caller can refuse a code that was accepted before.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use totp_rs::{Builder, Secret, Totp};
use zeroize::Zeroizing;

/// Seconds per step.
pub const STEP: i64 = 30;
/// Bytes of a new secret (160 bits, as RFC 4226 recommends).
const SECRET_LEN: usize = 20;
/// The shortest secret accepted (128 bits, RFC 4226's minimum).
const SECRET_MIN: usize = 16;

/// The secret an account shares with its authenticator app.
pub struct TotpSecret(Zeroizing<Vec<u8>>);

impl TotpSecret {
    /// A new random secret.
    pub fn generate() -> TotpSecret {
        let mut bytes = vec![0u8; SECRET_LEN];
        OsRng.fill_bytes(&mut bytes);
        TotpSecret(Zeroizing::new(bytes))
    }

    /// A secret from its bytes (as stored); too short a one is refused.
    pub fn from_bytes(bytes: Vec<u8>) -> Option<TotpSecret> {
        (bytes.len() >= SECRET_MIN).then(|| TotpSecret(Zeroizing::new(bytes)))
    }

    /// A secret from the Base32 that apps show (spaces and case ignored).
    pub fn from_base32(text: &str) -> Option<TotpSecret> {
        let clean: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        let secret = Secret::try_from_base32(clean.trim_end_matches('=')).ok()?;
        TotpSecret::from_bytes(secret.as_bytes().to_vec())
    }

    /// The bytes, for sealing.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The secret as a person types it into an app: Base32 in groups of four.
    pub fn base32_grouped(&self) -> String {
        let plain = Secret::new(self.0.to_vec().into_boxed_slice()).to_base32();
        let chars: Vec<char> = plain.chars().collect();
        chars
            .chunks(4)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The `otpauth://` address an app reads from a QR code.
    pub fn uri(&self, issuer: &str, account: &str) -> String {
        // A colon would end the label early; the account name is a username, which has none.
        let account = account.replace(':', "");
        self.totp(Some(issuer), &account)
            .and_then(|t| t.to_url().ok())
            .unwrap_or_default()
    }

    /// The code an app shows at `now` (Unix seconds).
    pub fn code_at(&self, now: i64) -> String {
        self.totp(None, "")
            .map(|t| t.generate(now.max(0) as u64).to_string())
            .unwrap_or_default()
    }

    /// The step a typed code matches at `now` (within one step either way), if any. Spaces
    /// inside the code are ignored.
    pub fn step_of(&self, code: &str, now: i64) -> Option<i64> {
        let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        let totp = self.totp(None, "")?;
        totp.check(&code, now.max(0) as u64)
            .and_then(|step| i64::try_from(step).ok())
    }

    fn totp(&self, issuer: Option<&str>, account: &str) -> Option<Totp> {
        let mut builder = Builder::new()
            .with_secret(Secret::new(self.0.to_vec().into_boxed_slice()))
            .with_skew(1)
            .with_step_duration(STEP as u64);
        if let Some(issuer) = issuer {
            builder = builder
                .with_issuer(Some(issuer.to_string()))
                .with_account_name(account.to_string());
        }
        builder.build().ok()
    }
}

/// The step of a moment.
pub fn step_at(now: i64) -> i64 {
    now.div_euclid(STEP)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238, appendix B: the SHA-1 secret "12345678901234567890".
    fn rfc_secret() -> TotpSecret {
        TotpSecret::from_bytes(b"12345678901234567890".to_vec()).unwrap()
    }

    #[test]
    fn codes_are_those_of_the_rfc_test_vectors() {
        // The RFC's eight-digit codes end in these six digits.
        assert_eq!(rfc_secret().code_at(59), "287082");
        assert_eq!(rfc_secret().code_at(1_111_111_109), "081804");
        assert_eq!(rfc_secret().code_at(2_000_000_000), "279037");
    }

    #[test]
    fn a_code_matches_its_step_and_one_step_of_drift_either_way() {
        let s = TotpSecret::generate();
        let now = 1_795_856_400;
        let code = s.code_at(now);
        assert_eq!(s.step_of(&code, now), Some(step_at(now)));
        assert_eq!(s.step_of(&code, now + STEP), Some(step_at(now)));
        assert_eq!(s.step_of(&code, now - STEP), Some(step_at(now)));
        assert_eq!(s.step_of(&code, now + 3 * STEP), None);
        assert_eq!(
            s.step_of("12 34 56", now).is_some(),
            s.code_at(now) == "123456"
        );
        assert_eq!(s.step_of("abcdef", now), None);
        assert_eq!(s.step_of("", now), None);
    }

    #[test]
    fn a_secret_survives_base32_and_the_address_names_account_and_issuer() {
        let s = TotpSecret::generate();
        let again = TotpSecret::from_base32(&s.base32_grouped().to_lowercase()).unwrap();
        assert_eq!(again.as_bytes(), s.as_bytes());
        let uri = s.uri("Spona", "le-police");
        assert!(uri.starts_with("otpauth://totp/Spona:le-police?"), "{uri}");
        assert!(uri.contains("issuer=Spona"), "{uri}");
        assert!(TotpSecret::from_bytes(vec![1; 10]).is_none());
        assert!(TotpSecret::from_base32("not base32!").is_none());
    }
}
