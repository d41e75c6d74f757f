import ArgumentParser
import Foundation
import Persistence
import TerminalUI
import Workshop
import WorkshopUI

/// Opens a session for the console, asking what to do when another Campfire has it open.
enum SessionOpening {
    static func open(_ folder: URL, readOnly: Bool, terminal: TerminalSession) throws -> SessionStore {
        do {
            return try SessionStore.open(folder, readOnly: readOnly, at: Date())
        } catch PersistenceError.lockedBy(let holder) where SessionLock.isFromAnotherComputer(holder) {
            switch try Chooser.ask(SessionLock.otherComputerSentence(holder), options: [
                ("t", "take it over here: only if Campfire on \"\(holder.host)\" has stopped"),
                ("r", "open it read-only, to look without changing anything"), ("q", "quit"),
            ], terminal: terminal) {
            case "t": return try SessionStore.open(folder, readOnly: false, takeOver: holder, at: Date())
            case "r": return try SessionStore.open(folder, readOnly: true, at: Date())
            default: throw Failure("Left the workshop alone: it is open on the computer \"\(holder.host)\".")
            }
        } catch PersistenceError.lockedBy(let holder) {
            let question = "This workshop is open in another Campfire (\(holder)). To keep every word safe, only one Campfire may change it at a time."
            switch try Chooser.ask(question, options: [("r", "open it read-only, to look without changing anything"), ("q", "quit")], terminal: terminal) {
            case "r": return try SessionStore.open(folder, readOnly: true, at: Date())
            default: throw Failure("Left the workshop alone: it is open in another Campfire (\(holder)).")
            }
        }
    }
}

extension SessionStore {
    /// What the facilitator should be told on opening: anything recovered or set aside.
    var openingNotes: [String] {
        report.messages + replayProblems + (forgottenNote.map { [$0] } ?? [])
    }
}

/// A full-screen question with a few one-key answers.
enum Chooser {
    /// The key of the answer chosen ("q" when the terminal has gone).
    /// - Throws: `ExitCode(128 + signal)` when a stop signal arrives, as every other screen does
    ///   (reading the signal clears it, so answering "q" instead would lose it).
    static func ask(_ question: String, options: [(key: Character, label: String)], terminal: TerminalSession) throws -> Character {
        let asking = OneKeyQuestion(question, options: options)
        do {
            try asking.screenLoop().run(on: terminal)
        } catch TerminalSession.LoopEnd.terminalGone {
            return "q"
        } catch let end as TerminalSession.LoopEnd {
            terminal.stop()
            throw ExitCode(end.code)
        }
        return asking.answer ?? "q"
    }
}
