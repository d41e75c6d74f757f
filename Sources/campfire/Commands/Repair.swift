import ArgumentParser
import Foundation
import Persistence
import Workshop
import WorkshopUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `campfire repair`: mends a session whose journal or snapshot is damaged, after showing every
/// line it would keep and set aside. Nothing is thrown away: the original files are copied into a
/// dated folder inside the session first, and each line set aside goes to `quarantine.jsonl`.
struct Repair: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Mend a damaged session, after showing every line it would keep and set aside.",
        discussion: """
        Lines that are damaged, copies, or out of order are set aside or put back in order; \
        the rest are kept and numbered again, and a new snapshot is written so the session \
        opens for saving. The original files are copied first into kept/<date>/ inside the \
        session folder. Campfire asks before changing anything, unless --yes is given.
        """
    )

    @OptionGroup var options: CommonOptions

    @Argument(help: "The session: its id (or the start of it), or its folder.")
    var session: String

    @Flag(name: .long, help: "Repair without asking.")
    var yes = false

    func run() throws {
        do {
            let folder = try options.resolve(session)
            let plan = try SessionRepair.plan(folder, at: Date())
            let title = "\"\(plan.result.title)\" (\(folder.lastPathComponent))"
            print("Repair of the session \(title), in \(folder.path).")
            for line in Self.describe(plan) { print(shown(line)) }
            guard plan.isNeeded else {
                print("Nothing needs mending: every journal line is kept as it is.")
                return
            }
            print("")
            print("Repair will keep \(count(plan.keptCount, "line")) and set \(plan.setAsideCount) aside. "
                + "First the original files are copied into \(folder.path)/\(KeptFolder.name)/<date and time>/, "
                + "and each line set aside is added to quarantine.jsonl, so nothing is lost.")
            if !yes {
                guard isatty(STDIN_FILENO) == 1 else {
                    throw Failure("Campfire asks before repairing, and there is nobody to ask here: the input is not a terminal. Run it again with --yes to repair without asking. Nothing was changed.")
                }
                FileHandle.standardError.write(Data("Repair it now? Type y and press Enter (just Enter to stop): ".utf8))
                let answer = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
                guard answer == "y" || answer == "yes" else { throw Failure("Nothing was changed.") }
            }
            let kept = try plan.apply(at: Date())
            // It must now open for saving: check, and let the opening finish anything left.
            let store = try SessionStore.open(folder, readOnly: false, at: Date())
            let writable = !store.isReadOnly
            let problems = store.report.messages + store.replayProblems
            store.close(at: Date())
            print("Repaired. The original files are in \(kept.path).")
            if writable {
                print("It opens for saving again: \(options.followUp("resume", folder.lastPathComponent))")
            } else {
                throw Failure("The session still cannot be saved to: \(problems.joined(separator: " "))")
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw plain(error)
        }
    }

    /// Every line of the plan in plain words.
    static func describe(_ plan: SessionRepair) -> [String] {
        var text: [String] = []
        text += plan.notes
        text.append("The journal has \(count(plan.lines.count, "line")). Starting from \(plan.baseSource), which holds "
            + (plan.baseSequence == 0 ? "the session as it was before the journal's first line:" : "changes up to \(plan.baseSequence):"))
        for line in plan.lines {
            let words = line.event.map { TimelineWords.describe($0, before: plan.base, after: plan.result) }
            switch line.verdict {
            case .keep(let number):
                let renumbered = line.sequence == number ? "change \(number)" : "change \(line.sequence ?? 0), now \(number)"
                text.append("  line \(line.number): keep (\(renumbered)): \(words ?? "")")
            case .setAside(let reason):
                if let words {
                    text.append("  line \(line.number): set aside, because \(reason). It said: \(words)")
                } else {
                    // What the damaged line held, in words (its raw bytes are kept in kept/ and quarantine.jsonl).
                    text.append("  line \(line.number): set aside: \(Self.whatItHeld(line, plan: plan)) (damaged: \(reason)).")
                }
            }
        }
        return text
    }

    /// What a damaged line held, in plain words, read without trusting it: the change when its
    /// JSON is whole, else the kind of change and who it names, else only its size.
    static func whatItHeld(_ line: SessionRepair.Line, plan: SessionRepair) -> String {
        if let event = line.unchecked {
            var words = TimelineWords.describe(event, before: plan.base, after: plan.result)
            if words.hasSuffix(".") { words.removeLast() }
            return "what seems to be this change: " + words
        }
        let person = line.uncheckedPerson.flatMap { id in plan.result.record.participant(id)?.name ?? plan.base.record.participant(id)?.name }
        if let kind = line.uncheckedKind {
            let from = person.map { " from \($0)" } ?? ""
            return "\(kindWords(kind))\(from), which cannot be read"
        }
        return "\(line.bytes.count) bytes that are not a journal entry Campfire can read"
    }

    /// A change's kind ("addStory") in words ("a story").
    static func kindWords(_ kind: String) -> String {
        let known: [String: String] = [
            "addStory": "a story", "editStory": "a change to a story", "deleteStory": "a story deleted",
            "setConsent": "a change of mind about a story", "addParticipant": "a person joining",
            "renameParticipant": "a change of name", "removeParticipant": "a person leaving",
            "proposeGoal": "a goal wording", "editGoal": "a change to a goal wording", "respond": "a response to a goal wording",
            "score": "a score", "agreePrinciple": "a principle agreed", "addIdea": "an idea", "editIdea": "a change to an idea",
            "vote": "a dot", "addAction": "an action", "editAction": "a change to an action",
            "moveTo": "a move to another step", "giveStick": "the talking stick given", "undo": "an undo", "redo": "a redo",
        ]
        if let words = known[kind] { return words }
        // Otherwise its name split into words: "setAccessNeeds" → "a change (set access needs)".
        let split = kind.unicodeScalars.map { CharacterSet.uppercaseLetters.contains($0) ? " " + String($0).lowercased() : String($0) }.joined()
        return "a change (\(split))"
    }
}

private func count(_ number: Int, _ noun: String) -> String { number == 1 ? "1 \(noun)" : "\(number) \(noun)s" }
