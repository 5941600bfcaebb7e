//! The codes of the demo accounts' authenticator (RFC 6238: SHA-1, six digits, 30-second
//! steps), as an app computes them from the key the demo prints.

use anyhow::{anyhow, Result};
use totp_rs::{Algorithm, Builder, Secret};

/// The authenticator key of the demo accounts that sign in with a second factor.
pub const DEMO_SECRET: &str = "SPONADEMOKEYFORTHEDEMOACCOUNTS22";

/// Seconds per step.
pub const STEP: u64 = 30;

/// The code for the step of `unix_seconds`, from a Base32 key.
pub fn code_at(base32: &str, unix_seconds: u64) -> Result<String> {
    let secret = Secret::try_from_base32(base32.trim_end_matches('='))
        .map_err(|e| anyhow!("the authenticator key is not Base32: {e:?}"))?;
    code_with(secret, unix_seconds)
}

/// The code for the step of `unix_seconds`, from the key's bytes.
pub fn code_with(secret: Secret, unix_seconds: u64) -> Result<String> {
    let totp = Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_step_duration(STEP)
        .with_secret(secret)
        .build()
        .map_err(|e| anyhow!("the authenticator key is refused: {e:?}"))?;
    Ok(totp.generate(unix_seconds).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rfc(at: u64) -> String {
        // RFC 6238 appendix B, SHA-1: the key "12345678901234567890"; its eight-digit codes
        // end in these six digits.
        let secret = Secret::new(b"12345678901234567890".to_vec().into_boxed_slice());
        code_with(secret, at).unwrap()
    }

    #[test]
    fn codes_are_those_of_the_rfc_test_vectors() {
        assert_eq!(rfc(59), "287082");
        assert_eq!(rfc(1_111_111_109), "081804");
        assert_eq!(rfc(1_234_567_890), "005924");
        assert_eq!(rfc(2_000_000_000), "279037");
    }

    #[test]
    fn a_code_lasts_one_step() {
        assert_eq!(
            code_at(DEMO_SECRET, 30_000).unwrap(),
            code_at(DEMO_SECRET, 30_029).unwrap()
        );
        assert_ne!(
            code_at(DEMO_SECRET, 30_029).unwrap(),
            code_at(DEMO_SECRET, 30_030).unwrap()
        );
        assert_eq!(code_at(DEMO_SECRET, 0).unwrap().len(), 6);
    }

    #[test]
    fn a_key_that_is_not_base32_is_refused() {
        assert!(code_at("not base32!", 0).is_err());
    }
}
