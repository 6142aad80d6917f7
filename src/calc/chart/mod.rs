//! The charts' pure part: axis maths and the SVG pieces, written as text (`ui::chart` draws).

pub mod axis;
pub mod svg;
