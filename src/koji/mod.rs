//! Koji's vocabulary: its releases, what each component accepts in its config file at each
//! release, and the database upgrade scripts between releases. Knows nothing of documents or
//! rules: it is the data the rules consult.

pub mod release;
pub mod schema_chain;

pub use release::Release;
