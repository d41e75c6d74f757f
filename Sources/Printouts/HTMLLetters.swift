import Foundation
import Persistence
import Plot
import Workshop

/// Each person's own actions as a printable page: one page per person, to post as a reminder.
///
/// A letter holds the workshop's title and date, the group's goal, the person's own actions
/// (what, by when, with whom, how) and a kind line. Never anyone's story. It is in large print
/// when the person's access needs ask for it (or for everyone with `largePrint`), and in an
/// Easy Read style on request: short sentences, one idea a line, a picture beside each action.
public enum HTMLLetters {
    typealias Body = Node<HTML.BodyContext>

    /// How the letters are written.
    public struct Style: Equatable, Sendable {
        /// Large print for everyone (people whose access needs ask for it always get it).
        public var largePrint: Bool
        public var easyRead: Bool
        /// Also a short note to people who have no actions.
        public var everyone: Bool

        public init(largePrint: Bool = false, easyRead: Bool = false, everyone: Bool = false) {
            self.largePrint = largePrint
            self.easyRead = easyRead
            self.everyone = everyone
        }
    }

    /// One person's letter.
    public struct Letter: Equatable, Sendable {
        /// Counts from 1 in the order people were added (as the plain-text letters do).
        public var number: Int
        public var participant: ParticipantID
        public var name: String
        public var largePrint: Bool
        /// A whole page holding just this letter.
        public var html: String

        /// `letter-<n>-<safe-name>.html`, as the plain-text letters are named.
        public var fileName: String { "letter-\(number)-\(ActionLetters.safeName(name)).html" }
    }

    /// Whether a person's access needs ask for large print ("Large print", "big print please",
    /// "larger text", "large font" …).
    public static func asksForLargePrint(_ needs: String) -> Bool {
        let words = needs.lowercased()
        let size = ["large", "larger", "big", "bigger"]
        let thing = ["print", "text", "font", "type", "letters", "writing"]
        return size.contains { s in thing.contains { t in words.contains("\(s) \(t)") || words.contains("\(s)-\(t)") } }
    }

    /// The people a letter is written to, in the order people were added.
    static func recipients(_ session: Session, everyone: Bool) -> [(Participant, [Action])] {
        session.record.participants.compactMap { person in
            let actions = session.record.actions(for: person.id)
            return everyone || !actions.isEmpty ? (person, actions) : nil
        }
    }

    /// Each letter as its own page (for one file per person).
    public static func letters(_ session: Session, style: Style) -> [Letter] {
        recipients(session, everyone: style.everyone).enumerated().map { index, recipient in
            let large = style.largePrint || asksForLargePrint(recipient.0.accessNeeds)
            let article = letter(to: recipient.0, actions: recipient.1, in: session, large: large, easyRead: style.easyRead)
            return Letter(number: index + 1, participant: recipient.0.id, name: recipient.0.name, largePrint: large,
                          html: page(session, title: "A letter for " + MarkedText.plain(recipient.0.name), articles: [article]))
        }
    }

    /// All the letters in one page, each starting on a new sheet of paper. Empty when nobody has one.
    public static func render(_ session: Session, style: Style) -> String {
        let recipients = recipients(session, everyone: style.everyone)
        guard !recipients.isEmpty else { return "" }
        let articles = recipients.map { person, actions in
            letter(to: person, actions: actions, in: session, large: style.largePrint || asksForLargePrint(person.accessNeeds), easyRead: style.easyRead)
        }
        return page(session, title: "Letters from " + MarkedText.plain(title(session)), articles: articles)
    }

    // MARK: - The page

    static func page(_ session: Session, title: String, articles: [Body]) -> String {
        HTML(
            .lang(.english),
            .attribute(named: "dir", value: "ltr"),
            .head(
                .encoding(.utf8),
                .viewport(.accordingToDevice),
                .element(named: "title", nodes: [.raw(MarkedText.escaped(title))]),
                .style(PageStyle.letters)
            ),
            .body(.main(
                .h1(.class("visually-hidden"), MarkedText.node(title)),
                .group(articles)
            ))
        ).render() + "\n"
    }

    static func title(_ session: Session) -> String {
        HTMLReport.blank(session.title) ? "a Campfire workshop" : session.title
    }

    static func letter(to person: Participant, actions: [Action], in session: Session, large: Bool, easyRead: Bool) -> Body {
        let classes = "letter" + (large ? " large" : "") + (easyRead ? " easy" : "")
        return easyRead ? easyLetter(to: person, actions: actions, in: session, classes: classes)
                        : plainLetter(to: person, actions: actions, in: session, classes: classes)
    }

    static func plainLetter(to person: Participant, actions: [Action], in session: Session, classes: String) -> Body {
        let record = session.record
        let date = HTMLReport.longDate(session.createdAt)
        return .article(.class(classes),
            .p(.class("from"), MarkedText.node(title(session)), .text(" · " + date)),
            .h2(.text("Dear "), MarkedText.node(person.name), .text(",")),
            .p(.text("Thank you for taking part in “"), MarkedText.node(title(session)), .text("” on \(date).")),
            goal(record, heading: "Our goal", lead: "Together we agreed this goal:"),
            actions.isEmpty
                ? .p("You did not take on an action this time, and that is fine. You are always welcome to join in and help.")
                : .group(
                    .h3(.text(actions.count == 1 ? "What you said you would do" : "The things you said you would do")),
                    .ol(.group(actions.map { action in
                        let others = action.who.filter { $0 != person.id }.map { record.name(of: $0) }
                        return .li(
                            .strong(MarkedText.node(action.what)),
                            .dl(
                                .dt("By"), .dd(.text(HTMLReport.day(action.when))),
                                .dt("With"), .dd(others.isEmpty ? .text("you are down for this one on your own, so ask the group if you would like help") : HTMLReport.names(others)),
                                .if(!HTMLReport.blank(action.how), .group(.dt("How"), .dd(MarkedText.node(action.how, keepLines: true))))
                            )
                        )
                    }))
                ),
            .if(!actions.isEmpty, .p(.class("kind"), "Small steps make a big difference. If something gets in the way, that is all right: tell the group, and you can work it out together.")),
            .p(.text("With thanks,"), .br(), signature(session))
        )
    }

    /// Easy Read: short sentences, one idea a line, a picture beside each action and each fact.
    static func easyLetter(to person: Participant, actions: [Action], in session: Session, classes: String) -> Body {
        let record = session.record
        return .article(.class(classes),
            .p(.class("from"), MarkedText.node(title(session))),
            .h2(.text("Hello "), MarkedText.node(person.name)),
            .p("Thank you for coming to our meeting."),
            .p(.text("It was on \(HTMLReport.longDate(session.createdAt)).")),
            goal(record, heading: "Our goal", lead: "This is what we want to do together:"),
            actions.isEmpty
                ? .group(.p("You do not have a job to do this time."), .p("That is fine."), .p("You can join in any time."))
                : .group(
                    .h3(.text(actions.count == 1 ? "Your job" : "Your \(actions.count) jobs")),
                    .group(actions.enumerated().map { index, action in
                        let others = action.who.filter { $0 != person.id }.map { record.name(of: $0) }
                        return .div(.class("step"),
                            Pictures.star(number: index + 1),
                            .div(
                                .p(.strong(.text("You will: ")), MarkedText.node(action.what)),
                                line(Pictures.calendar, .text("Do it by: " + HTMLReport.day(action.when) + ".")),
                                line(Pictures.people, others.isEmpty ? .text("You can ask the group to help.") : .group(.text("You will do it with: "), HTMLReport.names(others), .text("."))),
                                .if(!HTMLReport.blank(action.how), line(Pictures.tools, .group(.text("How: "), MarkedText.node(action.how))))
                            )
                        )
                    })
                ),
            .if(!actions.isEmpty, .div(.class("kind"),
                .p("Small steps help a lot."),
                .p("Something may get in the way."),
                .p("That is OK."),
                .p("Tell the group."),
                .p("We can sort it out together."))),
            .p(.text("Thank you,"), .br(), signature(session))
        )
    }

    static func line(_ picture: Body, _ words: Body) -> Body {
        .div(.class("line"), picture, .p(words))
    }

    static func goal(_ record: WorkshopRecord, heading: String, lead: String) -> Body {
        guard let goal = record.agreedGoal, !HTMLReport.blank(goal.text) else { return .empty }
        return .group(.h3(.text(heading)), .p(.text(lead)), .p(.class("goal"), MarkedText.node(goal.text, keepLines: true)))
    }

    static func signature(_ session: Session) -> Body {
        if session.facilitator == Pseudonyms.facilitator { return .text("The facilitator, for the group") }
        if let facilitator = session.facilitator, !HTMLReport.blank(facilitator) {
            return .group(MarkedText.node(facilitator), .text(", for the group"))
        }
        return .text("The group")
    }
}

/// The small pictures of the Easy Read letters. They only repeat what the words say, so screen
/// readers skip them (`aria-hidden`).
enum Pictures {
    typealias Body = Node<HTML.BodyContext>

    static func icon(_ children: [SVG.Piece]) -> Body {
        SVG.element("svg", ["xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 48 48", "aria-hidden": "true", "focusable": "false"], children)
    }

    /// A star with the action's number in it.
    static func star(number: Int) -> Body {
        var points: [String] = []
        for index in 0..<10 {
            let angle = Double.pi / 2 + Double(index) * Double.pi / 5
            let radius = index % 2 == 0 ? 23.0 : 11.0
            points.append("\(SVG.number(24 + radius * cos(angle) * -1)),\(SVG.number(25 - radius * sin(angle)))")
        }
        return icon([SVG.element("polygon", ["points": points.joined(separator: " "), "fill": "#ffd54a", "stroke": "#111", "stroke-width": "2"]),
                     SVG.text("\(number)", x: 24, y: 31, size: 15, bold: true, anchor: "middle")])
    }

    static var calendar: Body { icon([
        SVG.rect(x: 5, y: 9, width: 38, height: 34, fill: "#fff", stroke: "#111"),
        SVG.rect(x: 5, y: 9, width: 38, height: 10, fill: "#c1121f", stroke: "#111"),
        SVG.line(x1: 14, y1: 4, x2: 14, y2: 13, stroke: "#111", width: 3),
        SVG.line(x1: 34, y1: 4, x2: 34, y2: 13, stroke: "#111", width: 3),
        SVG.rect(x: 12, y: 25, width: 8, height: 7, fill: "#111"),
    ]) }

    static var people: Body { icon([
        SVG.element("circle", ["cx": "16", "cy": "14", "r": "7", "fill": "#4a7bd0", "stroke": "#111", "stroke-width": "2"]),
        SVG.element("circle", ["cx": "33", "cy": "14", "r": "7", "fill": "#2d8a3e", "stroke": "#111", "stroke-width": "2"]),
        SVG.element("path", ["d": "M4 44 C4 28 28 28 28 44 Z", "fill": "#4a7bd0", "stroke": "#111", "stroke-width": "2"]),
        SVG.element("path", ["d": "M21 44 C21 28 45 28 45 44 Z", "fill": "#2d8a3e", "stroke": "#111", "stroke-width": "2"]),
    ]) }

    static var tools: Body { icon([
        SVG.element("path", ["d": "M10 38 L30 18", "stroke": "#111", "stroke-width": "6", "stroke-linecap": "round"]),
        SVG.element("circle", ["cx": "34", "cy": "14", "r": "9", "fill": "#bbb", "stroke": "#111", "stroke-width": "2"]),
        SVG.element("circle", ["cx": "34", "cy": "14", "r": "3", "fill": "#fff"]),
    ]) }
}
