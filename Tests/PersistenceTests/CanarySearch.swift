import Foundation
@testable import Persistence

/// Every file under `folder` (names included) holding `needle` in any letter case, byte by byte.
func filesHoldingCanary(_ needle: String, under folder: URL) -> [String] {
    let lowered = Array(needle.lowercased().utf8)
    var found: [String] = []
    let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil, options: [])
    while let url = walker?.nextObject() as? URL {
        if url.lastPathComponent.lowercased().contains(needle.lowercased()) { found.append(url.path) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
        let bytes = Array((try? Data(contentsOf: url)) ?? Data()).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        if bytes.count >= lowered.count,
           (0...(bytes.count - lowered.count)).contains(where: { bytes[$0..<($0 + lowered.count)].elementsEqual(lowered) }) {
            found.append(url.path)
        }
    }
    return found
}
