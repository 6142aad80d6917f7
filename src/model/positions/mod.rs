//! A wallet's stakes valued as the chain would pay them (issue 32): at spot, and sold into
//! today's pool with the chain's swap (`pool::trade::execute`, fee included), alone or one
//! after another when several sit on one subnet (each sale moves the pool the next one meets).

pub mod exit;
#[cfg(test)]
mod tests;
