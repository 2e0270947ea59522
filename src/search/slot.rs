//! The browser's index, built on a background thread so that the first
//! frame never waits for it, and handed over when it is ready.

use super::Index;
use crate::library::Library;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

/// An index that is not built yet, being built, or built.
pub enum IndexSlot {
    /// Not started: the library to index.
    Unstarted(Arc<Library>),
    /// Being built; the builder sends it here.
    Building(Receiver<Index>),
    /// Built.
    Ready(Box<Index>),
}

impl IndexSlot {
    /// Start the build on a background thread, if it has not started.
    pub fn start(&mut self) {
        if let IndexSlot::Unstarted(library) = self {
            let library = Arc::clone(library);
            let (send, receive) = channel();
            std::thread::spawn(move || {
                let _ = send.send(Index::build(&library));
            });
            *self = IndexSlot::Building(receive);
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
