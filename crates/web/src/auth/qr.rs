//! The QR code of an authenticator's address, drawn as SVG inside the page: no image
//! request, no script, nothing leaves the server.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The SVG element of the QR code of `text`; empty when it cannot be drawn (the page shows
/// the secret as text beside it anyway).
pub fn svg(text: &str) -> String {
    let Ok(code) = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M) else {
        return String::new();
    };
    let drawn = code
        .render::<svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    // The renderer writes an XML declaration first, which has no place inside HTML.
    match drawn.find("<svg") {
        Some(start) => drawn[start..].to_string(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_code_is_an_svg_element_without_declaration() {
        let drawn =
            super::svg("otpauth://totp/Spona:le-police?secret=ABCDEFGHIJKLMNOP&issuer=Spona");
        assert!(
            drawn.starts_with("<svg"),
            "{}",
            &drawn[..40.min(drawn.len())]
        );
        assert!(drawn.trim_end().ends_with("</svg>"));
        assert!(drawn.contains("<path"));
    }
}
