//! Search over concerns and recommendations (being written; see issue #4).
