import XCTest
@testable import Persistence

/// Old files are migrated with the original kept; newer ones are never touched.
final class SchemaTests: XCTestCase {
    /// Schema 1 stored items as one comma-separated string.
    private let schemaOneSnapshot = #"{"schema":1,"journalSequence":0,"savedAt":"2026-11-23T10:41:07.123Z","document":{"name":"Old","list":"a,b"}}"# + "\n"

    private let migrateOneToTwo: SchemaMigration = { fromSchema, json in
        guard fromSchema == 1 else { throw CocoaError(.featureUnsupported) }
        let old = try JSONSerialization.jsonObject(with: json) as! [String: Any]
        let items = (old["list"] as! String).split(separator: ",").map(String.init)
        return try JSONSerialization.data(withJSONObject: ["title": old["name"] as! String, "items": items])
    }

    private func makeOldSession(in root: URL) throws -> URL {
        let folder = root.appendingPathComponent("session")
        try SafeFile.createFolder(folder)
        try SafeFile.writeAtomically(Data(schemaOneSnapshot.utf8), to: folder.appendingPathComponent("snapshot.json"))
        return folder
    }

    func testNewerSchemaIsRefusedAndTheFileIsUntouched() throws {
        let root = try makeTemporaryFolder(self)
        let folder = root.appendingPathComponent("session")
        let files = try ToySession.create(folder: folder, document: ToyDocument(title: "new", items: ["x"]), schema: 5, at: time(0))
        try files.append(.added("y"), at: time(1))
        try files.close()
        let before = Dictionary(uniqueKeysWithValues: try allEntries(under: folder).map { ($0.path, try readBytes($0)) })

        for readOnly in [false, true] {
            XCTAssertThrowsError(try ToySession.open(folder: folder, schema: 4, readOnly: readOnly, migrate: migrateOneToTwo, at: time(2))) { error in
                let snapshot = folder.appendingPathComponent("snapshot.json").path
                XCTAssertEqual(error as? PersistenceError, .newerSchema(path: snapshot, found: 5, supported: 4))
                XCTAssertTrue("\(error)".contains("newer version of Campfire"))
                XCTAssertTrue("\(error)".contains(snapshot))
            }
        }
        let after = Dictionary(uniqueKeysWithValues: try allEntries(under: folder).map { ($0.path, try readBytes($0)) })
        XCTAssertEqual(after, before, "a refused open must leave every byte and no lock behind")
    }

    func testOlderSchemaIsMigratedAndTheOriginalKept() throws {
        let root = try makeTemporaryFolder(self)
        let folder = try makeOldSession(in: root)
        let (files, recovered) = try ToySession.open(folder: folder, schema: 2, readOnly: false, migrate: migrateOneToTwo, at: time(5))
        XCTAssertEqual(recovered.document, ToyDocument(title: "Old", items: ["a", "b"]))
        XCTAssertEqual(recovered.report.migratedFromSchema, 1)
        let kept = folder.appendingPathComponent("snapshot.v1.json")
        XCTAssertEqual(recovered.report.keptOriginalSnapshot, kept)
        XCTAssertEqual(String(decoding: try Data(contentsOf: kept), as: UTF8.self), schemaOneSnapshot)
        XCTAssertTrue(recovered.report.messages.contains { $0.contains("snapshot.v1.json") })
        try files.close()

        // The normal file is now schema 2 and opens without migration.
        let (again, second) = try ToySession.open(folder: folder, schema: 2, readOnly: false, at: time(6))
        XCTAssertEqual(second.document, ToyDocument(title: "Old", items: ["a", "b"]))
        XCTAssertNil(second.report.migratedFromSchema)
        try again.close()
    }

    func testAnExistingKeptOriginalIsNeverOverwritten() throws {
        let root = try makeTemporaryFolder(self)
        let folder = try makeOldSession(in: root)
        let earlier = folder.appendingPathComponent("snapshot.v1.json")
        try writeFixture(Array("earlier original".utf8), to: earlier)
        let (files, recovered) = try ToySession.open(folder: folder, schema: 2, readOnly: false, migrate: migrateOneToTwo, at: time(5))
        XCTAssertEqual(String(decoding: try Data(contentsOf: earlier), as: UTF8.self), "earlier original")
        XCTAssertEqual(recovered.report.keptOriginalSnapshot?.lastPathComponent, "snapshot.v1-2.json")
        XCTAssertEqual(String(decoding: try Data(contentsOf: recovered.report.keptOriginalSnapshot!), as: UTF8.self), schemaOneSnapshot)
        try files.close()
    }

    func testReadOnlyMigratesInMemoryOnly() throws {
        let root = try makeTemporaryFolder(self)
        let folder = try makeOldSession(in: root)
        let (files, recovered) = try ToySession.open(folder: folder, schema: 2, readOnly: true, migrate: migrateOneToTwo, at: time(5))
        XCTAssertEqual(recovered.document.items, ["a", "b"])
        XCTAssertNil(recovered.report.keptOriginalSnapshot)
        XCTAssertEqual(allEntries(under: folder).map(\.lastPathComponent), ["snapshot.json"])
        XCTAssertEqual(String(decoding: try Data(contentsOf: folder.appendingPathComponent("snapshot.json")), as: UTF8.self), schemaOneSnapshot)
        try files.close()
    }

    func testFailedMigrationLeavesEverythingAsItWas() throws {
        let root = try makeTemporaryFolder(self)
        let folder = try makeOldSession(in: root)
        XCTAssertThrowsError(try ToySession.open(
            folder: folder, schema: 2, readOnly: false, migrate: { _, _ in Data("{}".utf8) }, at: time(5))
        ) { error in
            guard case .migrationFailed(_, 1, _)? = error as? PersistenceError else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(allEntries(under: folder).map(\.lastPathComponent), ["snapshot.json"])
    }
}
