// campfire-manual: writes Campfire's manual page (roff, section 1).
//
//     campfire --experimental-dump-help | campfire-manual "$(campfire --version)" > campfire.1
//
// The commands and their options come from the program itself (argument-parser's description of
// its command tree), so the page cannot fall behind them; the rest — keys, environment, files,
// exit status and examples — is written here. Scripts/install runs it.
import Foundation

// MARK: - The program's description of itself

struct ToolInfo: Decodable {
    var command: Command
}

struct Command: Decodable {
    var commandName: String
    var abstract: String?
    var discussion: String?
    var shouldDisplay: Bool?
    var subcommands: [Command]?
    var arguments: [Argument]?
}

struct Argument: Decodable {
    struct Name: Decodable {
        var kind: String
        var name: String
        var text: String { kind == "short" ? "-" + name : "--" + name }
    }
    var kind: String
    var names: [Name]?
    var valueName: String?
    var abstract: String?
    var discussion: String?
    var defaultValue: String?
    var isOptional: Bool?
    var isRepeating: Bool?
    var shouldDisplay: Bool?
}

/// Options every command takes: described once, under OPTIONS.
let common: Set<String> = ["--data-dir", "--theme", "--version", "--help"]

// MARK: - roff

/// Text for roff: backslashes and hyphens escaped, and a line can never start a request.
func roff(_ text: String) -> String {
    let escaped = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
    return escaped.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : String(line)
    }.joined(separator: "\n")
}

func bold(_ text: String) -> String { "\\fB" + roff(text) + "\\fR" }
func italic(_ text: String) -> String { "\\fI" + roff(text) + "\\fR" }

func usage(_ argument: Argument) -> String {
    let value = argument.valueName.map { " " + italic($0) } ?? ""
    let names = (argument.names ?? []).map { bold($0.text) + (argument.kind == "option" ? value : "") }
    return names.joined(separator: ", ")
}

func describe(_ argument: Argument) -> String {
    var text = argument.abstract ?? ""
    if let discussion = argument.discussion, !discussion.isEmpty { text += " " + discussion }
    if let value = argument.defaultValue, !(argument.abstract ?? "").contains("default") { text += " (default: \(value))" }
    return roff(text)
}

func synopsis(_ command: Command) -> String {
    var parts = [bold("campfire " + command.commandName)]
    for argument in command.arguments ?? [] where argument.shouldDisplay != false {
        if argument.kind == "positional" {
            let name = italic(argument.valueName ?? "value")
            parts.append(argument.isOptional == true ? "[" + name + "]" : name)
        }
    }
    if (command.arguments ?? []).contains(where: { $0.kind != "positional" && !isCommon($0) }) { parts.append("[" + italic("options") + "]") }
    return parts.joined(separator: " ")
}

func isCommon(_ argument: Argument) -> Bool {
    (argument.names ?? []).contains { common.contains($0.text) }
}

// MARK: - The page

let version = CommandLine.arguments.dropFirst().first ?? ""
let info: ToolInfo
do {
    info = try JSONDecoder().decode(ToolInfo.self, from: FileHandle.standardInput.readDataToEndOfFile())
} catch {
    FileHandle.standardError.write(Data("campfire-manual: give it the output of campfire --experimental-dump-help (\(error)).\n".utf8))
    exit(1)
}
let root = info.command
let commands = (root.subcommands ?? []).filter { $0.shouldDisplay != false }.map { command -> Command in
    // argument-parser's own `help` command, described in plain words.
    guard command.commandName == "help" else { return command }
    var help = command
    help.abstract = "Show what a command does and its options, as --help after it does: campfire help export."
    help.arguments = help.arguments?.map { argument in
        var argument = argument
        if argument.kind == "positional" { argument.valueName = "command" }
        return argument
    }
    return help
}

var page: [String] = []
@MainActor func add(_ line: String) { page.append(line) }

add(".\\\" Made by campfire-manual from the program's own description of its commands.")
add(".TH CAMPFIRE 1 \"\" \"Campfire \(roff(version))\" \"Campfire manual\"")
// No hyphenation and a ragged right edge: option names and examples stay whole and copyable.
add(".nh")
add(".ad l")
add(".SH NAME")
add("campfire \\- run a co\\-production workshop: stories, a shared goal, the four principles and an action plan")

add(".SH SYNOPSIS")
add(".B campfire")
add("[" + bold("--data-dir") + " " + italic("folder") + "] [" + bold("--theme") + " " + italic("theme") + "]")
add(".br")
add(".B campfire")
add(italic("command") + " [" + italic("options") + "]")
add(".br")
add(".B campfire")
add(".BR \\-\\-help \" | \" \\-\\-version")

add(".SH DESCRIPTION")
add(roff(root.abstract ?? ""))
add(".PP")
add(roff("""
Campfire is a full-screen program for the terminal. The facilitator types for the room on the \
console; a projector view shows the room the question, the stories, the goal, the board of the \
four principles and the action plan, in large clear letters. Every change is written to disk \
before the screen says it is saved. Stories leave the room only when their teller says so.
"""))
add(".PP")
add(roff(root.discussion ?? ""))

add(".SH COMMANDS")
for command in commands {
    add(".TP")
    add(synopsis(command))
    var words = command.abstract ?? ""
    if let discussion = command.discussion, !discussion.isEmpty { words += "\n" + discussion }
    add(roff(words).replacingOccurrences(of: "\n", with: " "))
    let own = (command.arguments ?? []).filter { $0.kind != "positional" && $0.shouldDisplay != false && !isCommon($0) }
    if !own.isEmpty {
        add(".RS")
        for argument in own {
            add(".TP")
            add(usage(argument))
            add(describe(argument))
        }
        add(".RE")
    }
}

add(".SH OPTIONS")
add(roff("Every command takes these, before or after the command's name."))
if let sample = commands.first(where: { ($0.arguments ?? []).contains(where: isCommon) }) {
    for argument in sample.arguments ?? [] where isCommon(argument) && !(argument.names ?? []).contains(where: { $0.text == "--version" || $0.text == "--help" }) {
        add(".TP")
        add(usage(argument))
        add(describe(argument))
    }
}
add(".TP")
add(bold("-h") + ", " + bold("--help"))
add(roff("Show what a command does and its options: campfire --help, campfire export --help."))
add(".TP")
add(bold("--version"))
add(roff("Show Campfire's version."))

add(".SH KEYS")
add(roff("""
Every screen lists its keys on its bottom line, and ? shows them all. Inside a box every key \
is a letter typed. The keys of every stage are in docs/keys.md. The ones used everywhere on the \
console:
"""))
for (key, words) in [("]", "Move on to the next step."), ("[", "Go back to the previous step."), ("u", "Undo the last change."),
                     ("Ctrl-R", "Redo what was undone."), ("p", "Switch between the console and the projector view."),
                     ("?", "Show every key of this screen."), ("Tab", "Move between the panels of the screen."),
                     ("Up, Down", "Move the selection."), ("Esc", "Go back, or cancel a box."),
                     ("q, Ctrl-C", "Quit. Everything is already saved.")] {
    add(".TP")
    add(bold(key))
    add(roff(words))
}

add(".SH ENVIRONMENT")
for (name, words) in [
    ("CAMPFIRE_DATA_DIR", "The data folder, when --data-dir is not given."),
    ("XDG_DATA_HOME", "Without either, the data folder is $XDG_DATA_HOME/campfire, else ~/.local/share/campfire."),
    ("CAMPFIRE_THEME", "dark, light or contrast, when --theme is not given. Anything else is refused with the same message as --theme."),
    ("NO_COLOR", "Any value turns colour off. Campfire never relies on colour alone: scores also show a word and a shape."),
    ("CAMPFIRE_RESOURCES", "Another folder holding Campfire's content/ and templates/ (its built-in words)."),
    ("TERM", "The terminal type; it must be able to move the cursor (campfire doctor checks)."),
    ("LC_ALL, LC_CTYPE, LANG", "A UTF-8 language setting, so names in every alphabet show correctly."),
] {
    add(".TP")
    add(bold(name))
    add(roff(words))
}

add(".SH FILES")
for (name, words) in [
    ("~/.local/share/campfire/", "The usual data folder (see ENVIRONMENT). Folders are made 0700 and files 0600."),
    ("DATA/sessions/ID/journal.jsonl", "Every change, one line each, written to disk before the screen says saved."),
    ("DATA/sessions/ID/snapshot.json", "The whole session at a recent point; the journal after it is replayed on opening."),
    ("DATA/sessions/ID/stages/", "The session as it was at each change of step, for looking back."),
    ("DATA/sessions/ID/summary.json", "What the list of sessions shows."),
    ("DATA/sessions/ID/lock", "Which Campfire has the session open (its computer and process)."),
    ("DATA/content/", "Your own wording of the principles, prompts and glossary, used instead of the built-in ones."),
] {
    add(".TP")
    add(bold(name))
    add(roff(words))
}
add(".PP")
add(roff("The format of every file is in docs/file-format.md."))

add(".SH EXIT STATUS")
for (code, words) in [
    ("0", "Done."),
    ("1", "Something stopped it; one plain sentence on standard error says what. campfire doctor exits 1 when a check finds a problem."),
    ("64", "The command line was not understood: an unknown command or option, or a missing value."),
    ("128+N", "Stopped by signal N (130 for Ctrl-C from outside, 143 for a stop request). Everything typed and saved is kept."),
] {
    add(".TP")
    add(bold(code))
    add(roff(words))
}

add(".SH EXAMPLES")
for (line, words) in [
    ("campfire", "Open the home screen: start, carry on or look back at a workshop, or take the tour."),
    ("campfire new --title \"Riverside, November\" --group riverside --participant Maya --participant Tom", "Start a workshop with two people."),
    ("campfire present", "On a second terminal (the projector): show the workshop open on this computer, following it live."),
    ("campfire --data-dir /media/usb/campfire list", "List the workshops kept on a memory stick."),
    ("campfire export 20261123 --format html -o report.html", "A report with pictures, to print or pin on the wall."),
    ("campfire export 20261123 --format html-letters --easy-read -o letters/", "One Easy Read letter per person, each in its own file."),
    ("campfire export 20261123 --format markdown --anonymise", "The report with every name replaced by Person 1, Person 2 and so on."),
    ("campfire doctor && campfire", "Check this computer, then start."),
] {
    add(".TP")
    add(bold(line))
    add(roff(words))
}

add(".SH SEE ALSO")
add(roff("docs/facilitator-guide.md, docs/keys.md, docs/exports.md, docs/file-format.md and docs/install.md in Campfire's source folder."))

print(page.joined(separator: "\n"))
