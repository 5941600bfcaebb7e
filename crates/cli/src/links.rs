//! Addresses printed for people: the server's base URL and one-time password links.

use std::net::SocketAddr;

/// The URL of the server listening on `addr`.
pub fn base_url(addr: SocketAddr) -> String {
    format!("http://{addr}")
}

/// The one-time link that lets its receiver set a password.
pub fn password_link(addr: SocketAddr, token: &str) -> String {
    format!("{}/password/{token}", base_url(addr))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_carry_the_listen_address() {
        let v4: SocketAddr = "127.0.0.1:8080".parse().unwrap();
        assert_eq!(
            password_link(v4, "t0k"),
            "http://127.0.0.1:8080/password/t0k"
        );
        let v6: SocketAddr = "[::1]:9000".parse().unwrap();
        assert_eq!(base_url(v6), "http://[::1]:9000");
    }
}
