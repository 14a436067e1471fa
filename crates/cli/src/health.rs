//! `newsflow health [URL]`: the container health check (the image has no curl).
//!
//! GETs the URL (default `http://127.0.0.1:<port of NEWSFLOW_ADMIN_ADDR>/healthz`) with a
//! minimal HTTP/1.0 request and exits 0 on a 2xx answer, 1 otherwise.

use anyhow::{bail, Context, Result};
use clap::Args;
use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

/// `health` arguments.
#[derive(Args)]
pub struct HealthArgs {
    /// `http://host:port/path`; default from `NEWSFLOW_ADMIN_ADDR` (`/healthz` on loopback).
    pub url: Option<String>,
    /// Seconds to wait for an answer.
    #[arg(long, default_value_t = 3)]
    pub timeout: u64,
}

/// Splits `http://host:port/path`.
fn split(url: &str) -> Result<(String, String)> {
    let rest = url
        .strip_prefix("http://")
        .context("only http:// URLs are supported")?;
    let (authority, path) = rest
        .split_once('/')
        .map_or((rest, "/".to_string()), |(a, p)| (a, format!("/{p}")));
    let authority = if authority.contains(':') {
        authority.to_string()
    } else {
        format!("{authority}:80")
    };
    Ok((authority, path))
}

/// The default URL from `NEWSFLOW_ADMIN_ADDR`.
fn default_url() -> Result<String> {
    let addr = std::env::var("NEWSFLOW_ADMIN_ADDR")
        .context("no URL given and NEWSFLOW_ADMIN_ADDR is not set")?;
    let port = addr
        .rsplit(':')
        .next()
        .filter(|p| !p.is_empty())
        .context("NEWSFLOW_ADMIN_ADDR has no port")?;
    Ok(format!("http://127.0.0.1:{port}/healthz"))
}

/// GETs `url`; returns the status code.
pub fn get_status(url: &str, timeout: Duration) -> Result<u16> {
    let (authority, path) = split(url)?;
    let addr = authority
        .to_socket_addrs()?
        .next()
        .context("cannot resolve")?;
    let mut s = TcpStream::connect_timeout(&addr, timeout)?;
    s.set_read_timeout(Some(timeout))?;
    write!(s, "GET {path} HTTP/1.0\r\nHost: {authority}\r\n\r\n")?;
    let mut head = String::new();
    s.take(256).read_to_string(&mut head).ok();
    let code = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .context("no HTTP status in the answer")?;
    Ok(code)
}

/// Runs `health`.
pub fn run(a: HealthArgs) -> Result<i32> {
    let url = match a.url {
        Some(u) => u,
        None => default_url()?,
    };
    let code = get_status(&url, Duration::from_secs(a.timeout))?;
    if !(200..300).contains(&code) {
        bail!("{url} answered {code}");
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn splits_urls() {
        assert_eq!(
            split("http://127.0.0.1:9101/healthz").unwrap(),
            ("127.0.0.1:9101".to_string(), "/healthz".to_string())
        );
        assert_eq!(
            split("http://consumer").unwrap(),
            ("consumer:80".to_string(), "/".to_string())
        );
        assert!(split("https://x").is_err());
    }
}
