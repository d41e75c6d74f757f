import CNcursesw

// MARK: - SignalHandling

/// The only Swift file that touches the shim's signal state.
///
/// The shim is header-only, so its `static` variables exist once per Swift file that calls
/// into them; keeping every call here means there is exactly one copy of the flags.
enum SignalHandling {
    /// Installs the termination-flag and crash handlers (idempotent).
    static func install() {
        campfire_install_signal_handlers()
    }

    /// The termination signal received since the last call, if any.
    static func takePending() -> Int32? {
        let signal = campfire_pending_signal()
        return signal == 0 ? nil : signal
    }

    /// Tells the crash handler whether it must restore the terminal.
    static func setCursesActive(_ active: Bool) {
        campfire_set_curses_active(active ? 1 : 0)
    }
}
