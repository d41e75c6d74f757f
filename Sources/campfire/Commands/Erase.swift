import ArgumentParser
import Foundation
import Persistence
import Workshop
#if canImport(Glibc)
import Glibc
#endif

/// `campfire erase`: remove a whole session, or everything one person said in it, from every file.
struct Erase: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase a whole session, or everything one person said in it, from every file.",
        discussion: """
        Erasing one person removes their stories, responses, scores and dots, takes them off \
        actions (an action nobody else is on goes), and changes their name to "someone" in other \
        people's words. The session's step-by-step history is replaced by how it is now. \
        Campfire asks you to type the session id first, unless you add --yes.
        """)

    @OptionGroup var options: CommonOptions

    @Argument(help: "The session: its id (or the start of it), or its folder.", completion: .custom(SessionCompletion.ids))
    var session: String

    @Option(name: .long, help: ArgumentHelp("Erase only what this person said, by name.", valueName: "name"))
    var participant: String?

    @Flag(name: .long, help: "Do not ask first.")
    var yes = false

    @Flag(name: .customLong("take-over"), help: "Take the session over from Campfire on another computer (a shared or synced folder) that has it open. Only if Campfire there has stopped.")
    var takeOver = false

    func run() throws {
        do {
            let folder = try options.resolve(session)
            let id = folder.lastPathComponent
            let summary = try? SessionStore.Files.readSummary(SessionSummary.self, in: folder)
            let title = summary.map { "\"\($0.title)\" (\(id))" } ?? id

            // A lock from another computer (a synced folder): Campfire cannot tell whether it is
            // still in use there, so it says what taking it over means, as resume does, and asks.
            var takingOver: LockInfo?
            if let holder = try? SessionLock.current(in: folder), SessionLock.isFromAnotherComputer(holder) {
                say(SessionLock.otherComputerSentence(holder))
                if takeOver {
                    takingOver = holder
                    say("Taking it over here, as --take-over asks.")
                } else if !yes && isatty(STDIN_FILENO) == 1 {
                    say("To take it over here and erase, type t and press Enter (only if Campfire on \(shown("\"" + holder.host + "\"")) has stopped). To stop, just press Enter.", newline: false)
                    let answer = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
                    guard answer == "t" else { throw Failure("Left the session alone: it is open on the computer \(shown("\"" + holder.host + "\"")). Nothing was erased.") }
                    takingOver = holder
                } else {
                    let again = [folder.lastPathComponent] + (participant.map { ["--participant", $0] } ?? []) + ["--yes", "--take-over"]
                    throw Failure("Nothing was erased. If Campfire on \(shown("\"" + holder.host + "\"")) has stopped, take it over and erase with: "
                        + shown(options.followUp("erase", arguments: again)))
                }
            }

            if !yes {
                guard isatty(STDIN_FILENO) == 1 else {
                    throw Failure("Campfire asks before erasing, and there is nobody to ask here: the input is not a terminal. Run it again with --yes to erase without asking. Nothing was erased.")
                }
                if let participant {
                    say("This erases everything \(shown(participant)) said in the session \(shown(title)): their stories, responses, scores and dots, and their place in actions. Their name becomes \"someone\" in other people's words. The step-by-step history of the session is replaced by how it is now. This cannot be undone.")
                } else {
                    say("This erases the session \(shown(title)) and every file in it, for good. This cannot be undone.")
                }
                say("To go ahead, type the session id (\(shown(id))) and press Enter. To stop, just press Enter.", newline: false)
                let answer = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces) ?? ""
                guard answer == id else { throw Failure("Nothing was erased.") }
            }

            // Copies of the session elsewhere in the data folder hold the same words: erase them too.
            let copies = Array(SessionEraser.foldersHolding(sessionID: summary?.id ?? SessionEraser.sessionID(in: folder) ?? id,
                                                            in: options.dataFolder, besides: folder).dropFirst())
            var notErased: [String] = []
            if let participant {
                // Opening for saving does the usual recovery (a snapshot set aside, a stale lock
                // taken over): say what it found, as resume would, before the eraser opens it.
                if let opened = try? SessionStore.open(folder, readOnly: false, takeOver: takingOver, at: Date()) {
                    for note in opened.report.problemMessages where !opened.isReadOnly { say("Note: " + note) }
                    try? opened.files.close()
                }
                let outcome = try SessionEraser.eraseParticipant(named: participant, in: folder, takeOver: takingOver, at: Date())
                // The name as the session held it ("Tom"), not as typed ("tom").
                let who = outcome.names.isEmpty ? participant : outcome.names.joined(separator: " and ")
                var parts = ["Erased \(shown(who)) from \(shown(title))"]
                parts.append("\(outcome.stories) \(outcome.stories == 1 ? "story" : "stories") removed")
                if outcome.actionsDropped > 0 { parts.append("\(outcome.actionsDropped) action\(outcome.actionsDropped == 1 ? "" : "s") nobody else was on removed") }
                if outcome.actionsKept > 0 { parts.append("taken off \(outcome.actionsKept) shared action\(outcome.actionsKept == 1 ? "" : "s")") }
                for copy in copies {
                    do {
                        try SessionEraser.eraseParticipant(named: participant, in: copy, at: Date())
                    } catch EraseError.noSuchPerson {
                        continue  // this copy was made before they joined: nothing of theirs in it
                    } catch {
                        notErased.append("\(copy.path) (\(error))")
                    }
                }
                if !copies.isEmpty { parts.append("also from \(copies.count - notErased.count) of \(copies.count) \(copies.count == 1 ? "copy" : "copies") of the session") }
                print(parts.joined(separator: "; ") + ".")
            } else {
                try SessionEraser.eraseSession(folder, takeOver: takingOver, at: Date())
                for copy in copies {
                    do { try SessionEraser.eraseSession(copy, at: Date()) } catch { notErased.append("\(copy.path) (\(error))") }
                }
                let also = copies.isEmpty ? "" : ", and \(copies.count - notErased.count) of \(copies.count) \(copies.count == 1 ? "copy" : "copies") of it"
                print("Erased the session \(shown(title))\(also).")
            }
            if !notErased.isEmpty {
                throw Failure("These copies of the session still hold everything, because Campfire could not erase them: "
                    + notErased.joined(separator: "; ") + ". Close them where they are open, then run the erase again.")
            }
        } catch {
            throw plain(error)
        }
    }

    private func say(_ text: String, newline: Bool = true) {
        FileHandle.standardError.write(Data((wrappedForTerminal(text, descriptor: STDERR_FILENO) + (newline ? "\n" : " ")).utf8))
    }
}
