import Foundation
import TerminalUI
import Workshop

/// The key bindings of each screen, as data.
public enum Bindings {

    /// Keys that work on every screen.
    public static let everywhere: [KeyBinding] = [
        KeyBinding([.character("]")], "]", "next", help: "Move on to the next step.", .nextStep),
        KeyBinding([.character("[")], "[", "back", help: "Go back to the previous step.", .previousStep),
        .char("u", "undo", help: "Undo the last change.", .undo),
        KeyBinding([.control("r")], "Ctrl-R", "redo", help: "Redo what was undone.", .redo),
        .char("p", "projector", help: "Switch between this console and the projector view for the room.", .toggleProjector),
        .char("?", "all keys", help: "Show every key of this screen.", .help),
        KeyBinding([.character("q"), .control("c")], "q", "quit", help: "Quit (Ctrl-C too). Everything is already saved.", .quit),
        KeyBinding([.tab], "Tab", "next panel", help: "Move between the panels of this screen.", .nextPanel, inHintBar: false),
        KeyBinding([.up], "↑", "up", help: "Move the selection up.", .moveUp, inHintBar: false),
        KeyBinding([.down], "↓", "down", help: "Move the selection down.", .moveDown, inHintBar: false),
    ]

    /// `campfire present`, the wall's own terminal: a way out, and `?` for this list (shown
    /// only while it is held open; any key closes it).
    public static let present: [KeyBinding] = [
        KeyBinding([.character("q"), .escape], "q", "quit", help: "Stop showing the workshop here (Esc too). Nothing changes in it.", .quit),
        .char("?", "keys", help: "Show these keys; any key closes this box.", .help),
    ]

    /// The projector view only needs a way back.
    public static let projector: [KeyBinding] = [
        .char("p", "console", help: "Back to the console.", .toggleProjector),
        // Help is never drawn on the room's wall: `?` goes back to the console with it open.
        .char("?", "keys (on the console)", help: "Back to the console, with every key shown there.", .help),
        KeyBinding([.character("]")], "]", "next", help: "Move on to the next step.", .nextStep),
        KeyBinding([.character("[")], "[", "back", help: "Go back to the previous step.", .previousStep),
        KeyBinding([.character("q"), .control("c")], "q", "quit", help: "Quit (Ctrl-C too). Everything is already saved.", .quit),
    ]

    /// While the window is too small nothing but quitting works (resizing is not a key).
    public static let tooSmall: [KeyBinding] = [
        KeyBinding([.character("q"), .control("c")], "q", "quit", help: "Quit (Ctrl-C too). Everything is already saved, and what you were typing is kept.", .quit),
    ]

    /// Keys while choosing a person by name (`i`): typing narrows the list.
    public static func picker(_ purpose: PickPurpose) -> [KeyBinding] {
        [
            KeyBinding([.enter], "Enter", purpose == .giveStick ? "give the stick" : "ask", help: purpose == .giveStick ? "Give the talking stick to the highlighted person." : "Ask the highlighted person by name.", .edit),
            KeyBinding([], "a-z", "type a name", help: "Type part of a name to narrow the list; Backspace takes a letter back.", .filter),
            KeyBinding([.up], "↑", "up", help: "Previous person.", .moveUp, inHintBar: false),
            KeyBinding([.down], "↓", "down", help: "Next person.", .moveDown, inHintBar: false),
            KeyBinding([.escape], "Esc", "cancel", help: purpose == .giveStick ? "Give the stick to nobody." : "Ask nobody.", .leaveMode),
            KeyBinding([.function(1)], "F1", "all keys", help: "Show these keys (? is a letter here); any key goes back to the list.", .help, inHintBar: false),
        ]
    }

    /// Keys while asking each person about a goal wording.
    public static let consensus: [KeyBinding] = [
        .char("1", "agree", help: "The selected person agrees.", .respond(1)),
        .char("2", "can live with it", help: "The selected person can live with it.", .respond(2)),
        .char("3", "disagree", help: "The selected person disagrees.", .respond(3)),
        .char("0", "clear", help: "Clear the selected person's answer.", .respond(0)),
        .char("l", "show live", help: "Show answers on the wall as they come, or (again) only once everyone has answered.", .toggleLiveAnswers, inHintBar: false),
        KeyBinding([.escape, .enter], "Esc", "done", help: "Finish asking.", .leaveMode),
        KeyBinding([.up], "↑", "up", help: "Previous person.", .moveUp, inHintBar: false),
        KeyBinding([.down], "↓", "down", help: "Next person.", .moveDown, inHintBar: false),
        .char("u", "undo", help: "Undo the last change.", .undo, inHintBar: false),
        .char("?", "all keys", help: "Show every key of this round; any key goes back to it.", .help),
    ]

    /// The keys of one step of the workshop, most useful first, then the ones that work everywhere.
    public static func forStep(_ step: FlowStep, focus: Int) -> [KeyBinding] {
        stageKeys(step, focus: focus) + everywhere
    }

    private static func stageKeys(_ step: FlowStep, focus: Int) -> [KeyBinding] {
        switch step.stage {
        case .welcome:
            return [
                .char("a", "add person", help: "Add a person by first name, with the perspective they choose and any access needs.", .add),
                KeyBinding([.enter, .character("e")], "Enter", "edit", help: "Change the selected person's name, perspective or access needs.", .edit),
                .char("d", "remove", help: "Remove the selected person (someone who already spoke is kept on the record as having left).", .delete),
            ]
        case .storytelling:
            return [
                .char("n", "next teller", help: "Pass the talking stick to the next person round the circle.", .nextTeller),
                .char("i", "invite", help: "Give the talking stick to the selected person, by name.", .invite),
                .char("x", "pass", help: "The person holding the stick passes. Passing is always fine.", .pass),
                .char("f", "finish turn", help: "The teller has finished; nobody holds the stick.", .endTurn, inHintBar: false),
                .char("a", "add story", help: "Write down a story: title, what happened, the small thing that made a difference, and consent.", .add),
                KeyBinding([.enter, .character("e")], "Enter", focus == 1 ? "edit story" : "invite", help: "On a person: give them the stick. On a story: edit it.", .edit, inHintBar: false),
                .char("d", "delete story", help: "Delete the selected story (asks first).", .delete, inHintBar: false),
                .char("k", "room-only days", help: "How long room-only stories are kept if the workshop is not finished: 1, 3, 7, 14 or 30 days after it was last open (again for the next). A finished workshop forgets them at its close.", .roomOnlyPeriod, inHintBar: false),
            ]
        case .goal:
            return [
                .char("a", "propose", help: "Write down a goal wording someone suggests.", .add),
                .char("c", "ask everyone", help: "Ask each person about the selected wording: agree, can live with it, or disagree.", .consensus),
                .char("g", "agree goal", help: "Make the selected wording the group's goal.", .agreeGoal),
                KeyBinding([.enter, .character("e")], "Enter", "edit", help: "Change the words of the selected wording (everyone is asked again).", .edit),
                KeyBinding([.character(" ")], "Space", "mark", help: "Mark the selected wording to merge it with others.", .markForMerge, inHintBar: false),
                .char("m", "merge", help: "Merge the marked wordings into a new one.", .merge, inHintBar: false),
                .char("w", "withdraw", help: "Take back the agreed goal.", .withdrawGoal, inHintBar: false),
                .char("d", "delete", help: "Delete the selected wording (asks first).", .delete, inHintBar: false),
            ]
        case .principles:
            switch step.phase {
            case .score?:
                return [
                    // One hint, "1-4 stage", for the four keys (the help box lists each).
                    KeyBinding([.character("1")], "1-4", "stage", help: "The selected person places stage 1 (2, 3 or 4 likewise), then the next person is selected.", .setStage(1)),
                    .char("2", "2", help: "Stage 2.", .setStage(2), inHintBar: false),
                    .char("3", "3", help: "Stage 3.", .setStage(3), inHintBar: false),
                    .char("4", "4", help: "Stage 4.", .setStage(4), inHintBar: false),
                    .char("0", "clear", help: "Clear the selected person's stage.", .clearStage, inHintBar: false),
                    .char("l", "show live", help: "Show stages on the wall as they are placed, or (again) only once everyone has placed.", .toggleLiveAnswers, inHintBar: false),
                ]
            case .agree?:
                return [
                    KeyBinding([.enter, .character("e")], "Enter", "agree stage, score, evidence", help: "Write down the stage the group agrees, red, amber or green, and the evidence.", .agreePrinciple),
                ]
            default:
                return []
            }
        case .ideas:
            return [
                .char("a", "add idea", help: "Write down an idea and the principles it helps. Nothing is too silly.", .add),
                KeyBinding([.enter, .character("e")], "Enter", "edit", help: "Change the selected idea.", .edit),
                .char("d", "delete", help: "Delete the selected idea (asks first).", .delete, inHintBar: false),
            ]
        case .choose:
            return [
                KeyBinding([.character("+"), .character("=")], "+", "add dot", help: "The selected person puts a dot on the selected idea.", .addDot),
                .char("-", "take dot back", help: "The selected person takes a dot back from the selected idea.", .removeDot),
                KeyBinding([.character(" "), .character("c")], "Space", "choose", help: "Choose the selected idea, or un-choose it. Two or three is plenty.", .choose),
                KeyBinding([.tab], "Tab", focus == 0 ? "pick person" : "pick idea", help: "Move between the ideas and the people.", .nextPanel),
            ]
        case .actions:
            return [
                .char("a", "add action", help: "Plan an action: what, who, when and how.", .add),
                KeyBinding([.enter, .character("e")], "Enter", "edit", help: "Change the selected action.", .edit),
                .char("d", "delete", help: "Delete the selected action (asks first).", .delete, inHintBar: false),
            ]
        case .close:
            return [
                .char("v", "switch view", help: "Switch between the summary and each person's own actions (and, in practice, the debrief).", .switchView),
                .char("f", "finish", help: "Finish the workshop (asks first): it is then shown as finished in the list and in review. ] does the same here.", .finish),
            ]
        }
    }

    /// The hint-bar entries for a form.
    public static func form(_ form: Form) -> [(keys: String, label: String)] {
        var hints: [(String, String)] = [(form.isLastField ? "Enter" : "Enter", form.isLastField ? "save" : "next field")]
        switch form.current.kind {
        case .choice: hints.append(("←→", "change"))
        case .people: hints.append(("←→", "move")); hints.append(("Space", "tick"))
        case .principles: hints.append(("1-4", "tick"))
        default: break
        }
        hints.append(("Tab", "next field"))
        hints.append(("Shift-Tab", "back"))
        hints.append(("Esc", "cancel"))
        return hints
    }

    /// Every key of a box, for its help box (F1) and docs/keys.md: the hint bar shows those of
    /// the field the cursor is in; this lists them all.
    public static let formKeys: [KeyBinding] = [
        KeyBinding([.enter], "Enter", "next field", help: "Next field; on the last field, save.", .edit),
        KeyBinding([.tab, .down], "Tab", "next field", help: "Next field (↓ too).", .nextPanel),
        KeyBinding([.backTab, .up], "Shift-Tab", "back", help: "Previous field (↑ too).", .nextPanel),
        KeyBinding([.escape, .control("c")], "Esc", "cancel", help: "Leave the box (Ctrl-C too); if anything was typed or chosen, asks before throwing it away.", .leaveMode),
        KeyBinding([.left, .right], "← →", "move", help: "In text: move the cursor. On a choice: change it. On people: move along.", .filter),
        KeyBinding([], "a-z 0-9", "type", help: "In text: typed as they are. On a choice: pick the option starting with it (2 for stage 2, a for AMBER). On people: a digit ticks that person.", .filter),
        KeyBinding([.character(" ")], "Space", "tick", help: "On people or principles: tick or untick.", .filter),
        KeyBinding([.home, .control("a")], "Home", "start", help: "Start of the text (Ctrl-A too).", .filter),
        KeyBinding([.end, .control("e")], "End", "end", help: "End of the text (Ctrl-E too).", .filter),
        KeyBinding([.control("u")], "Ctrl-U", "clear", help: "Clear the text.", .filter),
        KeyBinding([.function(1)], "F1", "all keys", help: "Show these keys (? is a letter in a box); any key goes back to the box.", .help),
    ]

    /// The same for the hint bar: "Esc cancel", the way out of the form, pinned at the right so
    /// that a narrow window still shows it.
    static func formBar(_ form: Form) -> (hints: [(keys: String, label: String)], pinned: [(keys: String, label: String)]) {
        let all = self.form(form)
        return (all.filter { $0.keys != "Esc" }, all.filter { $0.keys == "Esc" })
    }
}
