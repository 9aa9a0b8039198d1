//! A TCP proxy in front of PostgreSQL that a test can cut and restore, to make the database
//! unreachable for the service without stopping the server other tests share.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Mutex;
use tokio::task::JoinHandle;

pub struct DbProxy {
    pub addr: SocketAddr,
    up: Arc<AtomicBool>,
    links: Arc<Mutex<Vec<JoinHandle<()>>>>,
    accept: JoinHandle<()>,
}

impl DbProxy {
    pub async fn start(upstream: SocketAddr) -> DbProxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind proxy");
        let addr = listener.local_addr().expect("proxy addr");
        let up = Arc::new(AtomicBool::new(true));
        let links: Arc<Mutex<Vec<JoinHandle<()>>>> = Arc::default();
        let (up2, links2) = (up.clone(), links.clone());
        let accept = tokio::spawn(async move {
            loop {
                let Ok((mut client, _)) = listener.accept().await else {
                    return;
                };
                if !up2.load(Ordering::SeqCst) {
                    // Refuse by closing at once: the client sees the server vanish.
                    drop(client);
                    continue;
                }
                let link = tokio::spawn(async move {
                    if let Ok(mut server) = TcpStream::connect(upstream).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
                links2.lock().await.push(link);
            }
        });
        DbProxy {
            addr,
            up,
            links,
            accept,
        }
    }

    /// Cuts every open connection and refuses new ones.
    pub async fn cut(&self) {
        self.up.store(false, Ordering::SeqCst);
        for link in self.links.lock().await.drain(..) {
            link.abort();
        }
    }

    pub fn restore(&self) {
        self.up.store(true, Ordering::SeqCst);
    }

    /// `url` (a postgres:// URL) rewritten to go through this proxy.
    pub fn route(&self, url: &str) -> String {
        let (scheme, rest) = url.split_once("://").expect("scheme");
        let (authority, path) = rest.split_once('/').expect("path");
        let userinfo = authority.rsplit_once('@').map(|(u, _)| format!("{u}@"));
        format!(
            "{scheme}://{}{}/{path}",
            userinfo.unwrap_or_default(),
            self.addr
        )
    }
}

impl Drop for DbProxy {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

/// host:port of a postgres:// URL (IP literals only, as the harness uses).
pub fn upstream_of(url: &str) -> SocketAddr {
    let (_, rest) = url.split_once("://").expect("scheme");
    let authority = rest.split('/').next().expect("authority");
    let hostport = authority.rsplit('@').next().expect("host");
    let hostport = if hostport.contains(':') {
        hostport.to_owned()
    } else {
        format!("{hostport}:5432")
    };
    let hostport = hostport.replace("localhost", "127.0.0.1");
    hostport.parse().expect("IP:port in TEST_DATABASE_URL")
}
