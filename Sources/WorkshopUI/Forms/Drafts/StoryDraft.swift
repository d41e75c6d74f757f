import Foundation
import Workshop

/// What the "Write down a story" and "Change the story" boxes hold.
public struct StoryDraft: Equatable, Sendable {
    public var teller: ParticipantID?
    public var title: String
    public var whatHappened: String
    public var smallThing: String
    /// Nil until the teller has chosen: a story is never saved on a choice they did not make.
    public var consent: Consent?

    public init(teller: ParticipantID? = nil, title: String = "", whatHappened: String = "", smallThing: String = "", consent: Consent? = nil) {
        self.teller = teller
        self.title = title
        self.whatHappened = whatHappened
        self.smallThing = smallThing
        self.consent = consent
    }

    /// The values of a story as it is now (what the box opens with).
    public init(_ story: Story) {
        self.init(teller: story.teller, title: story.title, whatHappened: story.whatHappened, smallThing: story.smallThing, consent: story.consent)
    }

    /// What a box holds now. The tellers are everyone on the record, as the box lists them.
    public init(reading form: Form, record: WorkshopRecord, content: ContentLibrary) {
        let people = record.participants
        let teller = form.choice(.teller)
        self.init(
            teller: people.indices.contains(teller - 1) ? people[teller - 1].id : nil,
            title: form.text(.title),
            whatHappened: form.text(.whatHappened),
            smallThing: form.text(.smallThing),
            consent: Self.chosenConsent(form[.consent], content: content))
    }

    /// The consent choices, after a first option that says nobody has chosen yet: the box starts
    /// there, so a story is never saved on a choice the teller did not make.
    public static func consentOptions(_ content: ContentLibrary) -> [String] {
        [notChosen] + Consent.allCases.map { content.prompts.consent.label(for: $0) }
    }

    static let notChosen = "(not chosen yet: ask the teller)"

    /// The choice shown in a consent field, read by its words rather than its position, so a
    /// form kept from before (a draft with other options) can never turn "keep" into "room only".
    public static func chosenConsent(_ field: FormField?, content: ContentLibrary) -> Consent? {
        guard let field, case .choice(let options) = field.kind, options.indices.contains(field.index) else { return nil }
        return Consent.allCases.first { content.prompts.consent.label(for: $0) == options[field.index] }
    }

    /// The fields that show these values.
    public func fields(record: WorkshopRecord, content: ContentLibrary) -> [FormField] {
        let people = record.participants
        return [
            FormField(.teller, "Told by", kind: .choice(["(not said)"] + people.map(\.name)),
                      index: teller.flatMap { id in people.firstIndex { $0.id == id } }.map { $0 + 1 } ?? 0),
            FormField(.title, "Title", text: title),
            FormField(.whatHappened, "What happened", text: whatHappened),
            FormField(.smallThing, "The small thing", text: smallThing),
            FormField(.consent, "Consent", kind: .choice(Self.consentOptions(content)),
                      index: consent.flatMap { Consent.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0),
        ]
    }

    /// The story with these values.
    public func story(id: StoryID) -> Story {
        Story(id: id, teller: teller, title: title, whatHappened: whatHappened, smallThing: smallThing, consent: consent)
    }

    /// The events that make `old` hold these values: none when nothing differs. A change of
    /// consent is its own event, so review shows it plainly.
    public func changes(to old: Story) -> [SessionEvent] {
        var story = story(id: old.id)
        guard let consent, consent != old.consent else { return story == old ? [] : [.editStory(story)] }
        story.consent = old.consent
        return story == old ? [.setConsent(story: old.id, consent: consent)] : [.editStory(story), .setConsent(story: old.id, consent: consent)]
    }
}
