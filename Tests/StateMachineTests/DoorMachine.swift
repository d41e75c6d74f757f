import StateMachine

// MARK: - Door example

/// A small machine used across the tests: a door that can be opened, closed,
/// locked, knocked on, knocked down, and fallen through.
///
/// It is shaped to exercise every feature: guards of both kinds, a
/// self-transition, entry and exit effects, a final state, a dead end
/// (`cellar`), an unreachable state (`attic`), and two equally short paths to
/// `cellar` so tie-breaking is visible.
enum DoorState: String, Hashable, Sendable, CaseIterable {
    case closed, open, locked, cellar, demolished, attic
}

/// Events the door understands.
enum DoorEvent: String, Hashable, Sendable, CaseIterable {
    case open, close, lock, unlock, knock, fall, demolish, climbDown
}

/// The facts the door's guards look at. The defaults make every guard pass.
struct DoorContext: Sendable {
    var hasKey = true
    var alarmOn = false
    var managerAgrees = true
}

typealias DoorMachine = StateMachine<DoorState, DoorEvent, DoorContext, String>

enum Door {

    // MARK: Guards

    static let hasKey = Guard<DoorContext>("has key") {
        $0.hasKey ? nil : "You need the key."
    }

    static let alarmOff = Guard<DoorContext>("alarm off", overridable: true) {
        $0.alarmOn ? "The alarm is still on." : nil
    }

    static let managerAgrees = Guard<DoorContext>("manager agrees", overridable: true) {
        $0.managerAgrees ? nil : "The manager has not agreed yet."
    }

    // MARK: Machine

    static func describe(_ state: DoorState) -> String {
        switch state {
        case .closed: "Closed"
        case .open: "Open"
        case .locked: "Locked"
        case .cellar: "Cellar"
        case .demolished: "Demolished"
        case .attic: "Attic"
        }
    }

    static func describe(_ event: DoorEvent) -> String {
        switch event {
        case .open: "open the door"
        case .close: "close the door"
        case .lock: "lock the door"
        case .unlock: "unlock the door"
        case .knock: "knock"
        case .fall: "fall through the trapdoor"
        case .demolish: "knock the door down"
        case .climbDown: "climb down"
        }
    }

    static func machine() -> DoorMachine {
        DoorMachine(
            initial: .closed,
            states: [.closed, .open, .locked, .cellar, .demolished, .attic],
            finalStates: [.demolished],
            transitions: [
                Transition(from: .closed, on: .open, to: .open, effects: ["door creaks"]),
                Transition(from: .closed, on: .lock, to: .locked, guards: [hasKey], effects: ["bolt slides"]),
                Transition(from: .closed, on: .knock, to: .closed, effects: ["knock knock"]),
                Transition(
                    from: .closed, on: .demolish, to: .demolished,
                    guards: [managerAgrees, hasKey, alarmOff]
                ),
                Transition(from: .open, on: .close, to: .closed, effects: ["door thuds"]),
                Transition(from: .open, on: .fall, to: .cellar),
                Transition(from: .locked, on: .unlock, to: .closed, guards: [hasKey, alarmOff]),
                Transition(from: .locked, on: .fall, to: .cellar),
                Transition(from: .attic, on: .climbDown, to: .closed),
            ],
            entryEffects: [.open: ["light on"], .closed: ["draught stops"]],
            exitEffects: [.open: ["light off"], .closed: ["draught starts"]],
            describeState: { describe($0) },
            describeEvent: { describe($0) }
        )
    }
}
