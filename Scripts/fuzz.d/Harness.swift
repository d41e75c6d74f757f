// libFuzzer entry point for Campfire's file readers. Built by Scripts/fuzz into the Persistence
// sources (so it can reach the journal parser directly), with StateMachine and Workshop as modules.
// The first byte of each input picks the reader; the rest is the file's content.
import Foundation
import Workshop

private let scratch = URL(fileURLWithPath: "/dev/shm/campfire-fuzz-\(getpid())", isDirectory: true)
private let readers = ["journal", "snapshot", "template", "principles", "prompts", "glossary", "scenario"]

private func file(_ name: String, _ data: Data) -> URL {
    try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    let url = scratch.appendingPathComponent(name)
    try? data.write(to: url)
    return url
}

@_cdecl("LLVMFuzzerTestOneInput")
public func campfireFuzzOne(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let data = Data(bytes: start + 1, count: count - 1)
    switch Int(start[0]) % readers.count {
    case 0:
        _ = JournalReader.parse([UInt8](data), as: SessionEvent.self)
    case 1:
        _ = try? SnapshotFile.read(file("snapshot.json", data), as: Session.self, currentSchema: 1, migrate: nil, readOnly: true, now: Date())
    case 2:
        _ = try? ContentLibrary.loadTemplate(at: file("template.json", data))
    case 3:
        if let parsed = try? PlainFileError.decode(PrinciplesFile.self, from: data, file: "principles.json") { _ = parsed.problems }
    case 4:
        if let parsed = try? PlainFileError.decode(PromptsFile.self, from: data, file: "prompts.json") { _ = parsed.problems }
    case 5:
        if let glossary = try? Glossary.parse(String(decoding: data, as: UTF8.self), file: "glossary.txt") {
            _ = glossary.matches(in: "the person-centred care plan and co-production")
        }
    default:
        _ = try? ScenarioValidator.load(data, file: "scenario.json")
    }
    return 0
}
