//! The only module that touches the network: fetches the bundled dataset and hands its text
//! to the core's parser.

use std::sync::Arc;

use gloo_net::http::Request;

use crate::dataset::Dataset;
use crate::error::{DataError, DataErrors, Problem};

/// Where the dataset is, relative to the page so the site works under any sub-path.
pub const DATASET_URL: &str = "data/dataset.json";

/// Why the dataset could not be shown.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// The request did not complete (offline, blocked, server down).
    #[error("{url} could not be fetched: {message}")]
    Network {
        /// The address asked for.
        url: String,
        /// What the browser said.
        message: String,
    },
    /// The server answered with an error status.
    #[error("{url} could not be fetched: the server answered {status} {status_text}")]
    Http {
        /// The address asked for.
        url: String,
        /// HTTP status code.
        status: u16,
        /// HTTP status text.
        status_text: String,
    },
    /// The file arrived but is not a valid dataset.
    #[error("{url} is not a valid dataset:\n{errors}")]
    Data {
        /// The address asked for.
        url: String,
        /// Every problem found.
        errors: DataErrors,
    },
}

/// A loaded dataset, and when it was saved if it came from the offline copy.
#[derive(Clone)]
pub struct Loaded {
    /// The validated dataset.
    pub dataset: Arc<Dataset>,
    /// Set when the network did not answer and the service worker served its saved copy:
    /// the time (ISO 8601) that copy was saved.
    pub offline_copy_from: Option<String>,
}

/// Fetches and validates the bundled dataset.
pub async fn fetch_dataset() -> Result<Loaded, LoadError> {
    let url = DATASET_URL.to_string();
    let network = |e: gloo_net::Error| LoadError::Network {
        url: url.clone(),
        message: e.to_string(),
    };
    // The response the start-up script fetched while the app came, if it answered; else asked
    // now (which also says why, where it fails).
    let early = match crate::enhance::take_fetched(DATASET_URL) {
        Some(got) => wasm_bindgen_futures::JsFuture::from(got)
            .await
            .ok()
            .and_then(|r| wasm_bindgen::JsCast::dyn_into::<web_sys::Response>(r).ok())
            .map(gloo_net::http::Response::from),
        None => None,
    };
    let response = match early {
        Some(r) => r,
        None => Request::get(DATASET_URL).send().await.map_err(network)?,
    };
    if !response.ok() {
        return Err(LoadError::Http {
            url: url.clone(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    // The service worker marks a response it served from its saved copy.
    let offline_copy_from = response
        .headers()
        .get("x-from-cache")
        .and_then(|_| response.headers().get("x-saved-at"));
    // Parsed a piece at a time as it is copied from the response into wasm memory, so the
    // file is never held whole beside what it parses into: wasm memory never shrinks, and at
    // England's four years the text was 9 MB of its 27 MB high-water mark (BENCH.md). Bytes,
    // not `text()`: no round trip through a UTF-16 JS string.
    let buffer = match web_sys::Response::from(response).array_buffer() {
        Ok(p) => wasm_bindgen_futures::JsFuture::from(p).await.ok(),
        Err(_) => None,
    };
    let Some(bytes) = buffer.map(|b| js_sys::Uint8Array::new(&b)) else {
        return Err(LoadError::Network {
            url,
            message: "the response's body could not be read".to_string(),
        });
    };
    let data = |errors| LoadError::Data {
        url: url.clone(),
        errors,
    };
    let loaded = |d: Dataset| Loaded {
        dataset: Arc::new(d),
        offline_copy_from: offline_copy_from.clone(),
    };
    if usize::try_from(bytes.length()).unwrap_or(usize::MAX) <= crate::dataset::MAX_INPUT_BYTES {
        if let Some(d) = Dataset::from_reader(Pieces {
            bytes: &bytes,
            at: 0,
        })
        .map_err(data)?
        {
            return Ok(loaded(d));
        }
    }
    // Too large, or it does not parse: read whole, to say what is wrong and where.
    let whole = bytes.to_vec();
    let text = std::str::from_utf8(&whole).map_err(|e| {
        data(DataErrors::one(DataError::at(
            "(root)",
            Problem::Syntax(format!(
                "the file is not UTF-8 text (byte {} is not valid UTF-8)",
                e.valid_up_to() + 1
            )),
        )))
    })?;
    Dataset::from_json(text).map(loaded).map_err(data)
}

/// The response's bytes, read from the JS side a piece at a time (as large as the reader's
/// buffer asks: 64 KB, `dataset::parse`).
struct Pieces<'a> {
    bytes: &'a js_sys::Uint8Array,
    at: u32,
}

impl std::io::Read for Pieces<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.bytes.length().saturating_sub(self.at);
        let n = left.min(u32::try_from(buf.len()).unwrap_or(u32::MAX));
        if let Some(to) = buf.get_mut(..n as usize) {
            self.bytes.subarray(self.at, self.at + n).copy_to(to);
        }
        self.at += n;
        Ok(n as usize)
    }
}
