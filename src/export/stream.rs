//! Response bodies fed from the blocking pool through a bounded channel.
//!
//! The producer runs on a blocking thread (diesel and the writers are blocking) and the response
//! body reads what it sends; the small channel bound means a slow client slows the producer down
//! instead of letting pages pile up in memory, and a client that goes away stops it.

use std::fs::File;
use std::io::{self, Read};
use std::pin::Pin;
use std::task::{Context, Poll};

use actix_web::body::{BodySize, MessageBody};
use actix_web::web::Bytes;
use tokio::sync::{mpsc, oneshot};

use crate::error::AppError;

/// Chunks in flight between the producer and the response (each a page or 64 KiB).
const CHANNEL_CHUNKS: usize = 4;
const FILE_CHUNK: usize = 64 * 1024;

type Chunk = Result<Bytes, io::Error>;
/// Whether the response may start (with its length, when known) or must be a problem instead.
type Start = Result<Option<u64>, AppError>;

/// A response body produced elsewhere.
pub(crate) struct Body {
    rx: mpsc::Receiver<Chunk>,
    size: BodySize,
}

impl MessageBody for Body {
    type Error = io::Error;

    fn size(&self) -> BodySize {
        self.size
    }

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Chunk>> {
        self.get_mut().rx.poll_recv(cx)
    }
}

/// The producer's side: it says once that the response may start, then sends chunks.
pub(crate) struct Sink {
    tx: mpsc::Sender<Chunk>,
    ready: Option<oneshot::Sender<Start>>,
}

impl Sink {
    /// The response may start; `length` when the whole body's size is known.
    pub(crate) fn ready(&mut self, length: Option<u64>) {
        if let Some(ready) = self.ready.take() {
            let _ = ready.send(Ok(length));
        }
    }

    /// Sends a chunk; false when the client has gone and producing should stop.
    pub(crate) fn send(&mut self, bytes: Vec<u8>) -> bool {
        if bytes.is_empty() {
            return true;
        }
        self.ready(None);
        self.tx.blocking_send(Ok(Bytes::from(bytes))).is_ok()
    }

    /// Before the response started, the failure becomes the (problem) response. After, the
    /// status line is gone, so the body is cut off: the client sees a broken transfer rather
    /// than a file that looks complete but is not.
    pub(crate) fn fail(&mut self, err: AppError) {
        match self.ready.take() {
            Some(ready) => {
                let _ = ready.send(Err(err));
            }
            None => {
                tracing::error!(cause = %err, "export failed after its response started");
                let _ = self
                    .tx
                    .blocking_send(Err(io::Error::other("the export failed")));
            }
        }
    }

    /// Sends the rest of `file`.
    pub(crate) fn send_file(&mut self, mut file: File) {
        loop {
            let mut buf = vec![0; FILE_CHUNK];
            match file.read(&mut buf) {
                Ok(0) => return,
                Ok(n) => {
                    buf.truncate(n);
                    if !self.send(buf) {
                        return;
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.fail(AppError::Internal(format!("reading the export file: {e}")));
                    return;
                }
            }
        }
    }
}

fn channel() -> (Sink, oneshot::Receiver<Start>, mpsc::Receiver<Chunk>) {
    let (tx, rx) = mpsc::channel(CHANNEL_CHUNKS);
    let (ready_tx, ready_rx) = oneshot::channel();
    let sink = Sink {
        tx,
        ready: Some(ready_tx),
    };
    (sink, ready_rx, rx)
}

/// Runs `produce` on the blocking pool and waits until it calls `Sink::ready` (or sends its
/// first chunk), so that what fails before that is still answered with a problem document.
pub(crate) async fn start<P>(produce: P) -> Result<Body, AppError>
where
    P: FnOnce(&mut Sink) + Send + 'static,
{
    let (mut sink, ready_rx, rx) = channel();
    actix_web::rt::task::spawn_blocking(move || {
        produce(&mut sink);
        // A producer with nothing to send still lets the (empty) response start.
        sink.ready(None);
    });
    match ready_rx.await {
        Ok(Ok(length)) => Ok(Body {
            rx,
            size: length.map_or(BodySize::Stream, BodySize::Sized),
        }),
        Ok(Err(err)) => Err(err),
        Err(_) => Err(AppError::Internal(
            "the export task ended before its response started".to_owned(),
        )),
    }
}

/// Like `start`, without waiting: for small tables whose production can only fail on I/O.
pub(crate) fn spawn<P>(produce: P) -> Body
where
    P: FnOnce(&mut Sink) + Send + 'static,
{
    let (mut sink, _ready, rx) = channel();
    actix_web::rt::task::spawn_blocking(move || {
        // Nobody waits for the start, so a failure must cut the body off instead.
        sink.ready(None);
        produce(&mut sink);
    });
    Body {
        rx,
        size: BodySize::Stream,
    }
}
