//! The app's frame: which calculator and which shell (`app`), the frame every page shares
//! (`calculator`, `summary`), the URL query as the page's state (`params`), embedding
//! (`embed`, `embed_panel`) and the first render's timing marks.

pub mod app;
pub mod calculator;
pub mod embed;
pub mod embed_panel;
pub mod params;
pub mod summary;
pub mod timing;
