//! The admin server: `/metrics`, `/healthz`, `/readyz`, nothing else.

use crate::stage::Health;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use prometheus::{Encoder, Registry, TextEncoder};
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

#[derive(Clone)]
struct AdminState {
    registry: Registry,
    health: Vec<Arc<Health>>,
}

async fn metrics(State(s): State<AdminState>) -> impl IntoResponse {
    let mut buf = Vec::new();
    match TextEncoder::new().encode(&s.registry.gather(), &mut buf) {
        Ok(()) => (
            StatusCode::OK,
            [(
                header::CONTENT_TYPE,
                TextEncoder::new().format_type().to_string(),
            )],
            buf,
        ),
        Err(e) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            [(header::CONTENT_TYPE, "text/plain".to_string())],
            e.to_string().into_bytes(),
        ),
    }
}

async fn healthz() -> &'static str {
    "ok\n"
}

async fn readyz(State(s): State<AdminState>) -> (StatusCode, String) {
    let reasons: Vec<String> = s
        .health
        .iter()
        .filter_map(|h| h.not_ready_reason())
        .collect();
    if reasons.is_empty() {
        (StatusCode::OK, "ready\n".into())
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("not ready: {}\n", reasons.join("; ")),
        )
    }
}

/// A bound admin server.
pub struct AdminServer {
    listener: TcpListener,
    router: Router,
}

impl AdminServer {
    /// Binds `addr` (port 0 picks one) and logs the bound address.
    pub async fn bind(
        addr: SocketAddr,
        registry: Registry,
        health: Vec<Arc<Health>>,
    ) -> std::io::Result<Self> {
        let listener = TcpListener::bind(addr).await?;
        tracing::info!(addr = %listener.local_addr()?, "admin server listening");
        let router = Router::new()
            .route("/metrics", get(metrics))
            .route("/healthz", get(healthz))
            .route("/readyz", get(readyz))
            .with_state(AdminState { registry, health });
        Ok(AdminServer { listener, router })
    }

    /// The bound address.
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until `shutdown`.
    pub async fn serve(self, shutdown: CancellationToken) -> std::io::Result<()> {
        axum::serve(self.listener, self.router)
            .with_graceful_shutdown(async move { shutdown.cancelled().await })
            .await
    }
}
