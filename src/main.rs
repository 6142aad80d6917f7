//! The browser entry point: mount the app.

fn main() {
    dtao_calc::ui::start();
}
