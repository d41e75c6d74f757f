import Foundation
import Persistence

/// Shell completion of session ids: the sessions in the data folder the command line names
/// (`--data-dir FOLDER` anywhere on it), else the usual one. Run by the shell through
/// `campfire ---completion …` while someone presses Tab; it reads only folder names.
enum SessionCompletion {
    @Sendable static func ids(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        var explicit: String?
        for (position, word) in words.enumerated() {
            if word == "--data-dir", position + 1 < words.count, position + 1 != index { explicit = words[position + 1] }
            if word.hasPrefix("--data-dir=") { explicit = String(word.dropFirst("--data-dir=".count)) }
        }
        let library = SessionLibrary(dataFolder: DataFolder.resolve(explicitPath: explicit.map { ($0 as NSString).expandingTildeInPath }))
        return library.sessionFolders().map(\.lastPathComponent).filter { $0.hasPrefix(prefix) }.sorted()
    }
}
