//! The browser's index, built on a background thread so that the first
//! frame never waits for it, and handed over when it is ready.

use super::Index;
use super::cache::{self, Stamp};
use crate::library::Library;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

/// An index that is not built yet, being built, or built.
pub enum IndexSlot {
    /// Not started: the library to index.
    Unstarted(Arc<Library>),
    /// Not started: the library to index, from files as stamped before
    /// they were read (and each document's file), through the index
    /// cache the `search` command keeps: read from it when it is current,
    /// else built and written to it.
    Cached(Arc<Library>, Stamp, Vec<PathBuf>),
    /// Waiting for the documents to be read: not started, and not
    /// startable until it is replaced.
    Waiting,
    /// Being built; the builder sends it here.
    Building(Receiver<Index>),
    /// Built.
    Ready(Box<Index>),
}

impl IndexSlot {
    /// Start the build on a background thread, if it has not started.
    pub fn start(&mut self) {
        let (send, receive) = channel();
        match self {
            IndexSlot::Unstarted(library) => {
                let library = Arc::clone(library);
                std::thread::spawn(move || {
                    let _ = send.send(Index::build(library));
                });
            }
            IndexSlot::Cached(library, stamp, sources) => {
                let library = Arc::clone(library);
                let stamp = stamp.clone();
                let sources = std::mem::take(sources);
                std::thread::spawn(move || {
                    let _ = send.send(cached(library, &stamp, &sources));
                });
            }
            _ => return,
        }
        *self = IndexSlot::Building(receive);
    }

    /// Index through the cache, if it has not started: see
    /// [`IndexSlot::Cached`]. `sources`: each document's file; `clean`:
    /// every file opened, once.
    pub fn use_cache(&mut self, stamp: Stamp, sources: Vec<PathBuf>, clean: bool) {
        if let IndexSlot::Unstarted(library) = self
            && clean
        {
            *self = IndexSlot::Cached(Arc::clone(library), stamp, sources);
        }
    }

    /// The index, starting the build and waiting for it if need be.
    ///
    /// # Panics
    /// If the building thread panicked.
    pub fn get(&mut self) -> &Index {
        self.start();
        if let IndexSlot::Building(receive) = self {
            *self = IndexSlot::Ready(Box::new(
                receive.recv().expect("the index builder finished"),
            ));
        }
        match self {
            IndexSlot::Ready(index) => index,
            _ => unreachable!("built above"),
        }
    }

    /// When the index proved stale ([`Index::stale`]: its cache file
    /// could not be read), start building it again from the documents it
    /// was opened with; true when it did. Searches wait for the new one.
    pub fn renew_if_stale(&mut self) -> bool {
        let library = match self {
            IndexSlot::Ready(index) if index.stale() => index.library(),
            _ => None,
        };
        let Some(library) = library else {
            return false;
        };
        *self = IndexSlot::Unstarted(library);
        self.start();
        true
    }

    /// The index if it is already built.
    #[must_use]
    pub fn ready(&self) -> Option<&Index> {
        match self {
            IndexSlot::Ready(index) => Some(index),
            _ => None,
        }
    }

    /// Take the index if the builder has delivered it; true when it has
    /// just arrived.
    pub fn poll(&mut self) -> bool {
        if let IndexSlot::Building(receive) = self
            && let Ok(index) = receive.try_recv()
        {
            *self = IndexSlot::Ready(Box::new(index));
            return true;
        }
        false
    }
}

/// The index of `library` from the cache when it is current for the
/// stamped files, else built and cached.
fn cached(library: Arc<Library>, stamp: &Stamp, sources: &[PathBuf]) -> Index {
    let Some(folder) = cache::folder().filter(|_| !crate::library::stored::is_off()) else {
        return Index::build(library);
    };
    // A file that changed while the documents were read: they are not
    // what the stamp describes, so the cache is neither read nor written.
    if !stamp.unchanged() {
        return Index::build_stamped(library, sources, &[]);
    }
    if let Some(index) = cache::load(&folder, stamp)
        && index.fits(&library)
    {
        return index.with_library(library);
    }
    let index = Index::build_stamped(Arc::clone(&library), sources, stamp.bytes());
    // A cache that cannot be written only costs time next run. Once it is
    // written, the browser reads the file as searches need it, as it does
    // on the next open, rather than keep the whole index in memory.
    if cache::save(&folder, stamp, &index).is_ok()
        && let Some(read) = cache::load(&folder, stamp)
        && read.fits(&library)
    {
        return read.with_library(library);
    }
    index
}
