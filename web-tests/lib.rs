//! Nothing here: the component tests are in `tests/`.
