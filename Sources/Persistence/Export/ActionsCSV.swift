import Foundation
import Workshop

/// The action plan as CSV (RFC 4180): a header row, then one row per action; lines end in CRLF;
/// a field holding a comma, a double quote, CR or LF is put in double quotes, with its double
/// quotes doubled. UTF-8, without a byte order mark.
public enum ActionsCSV {
    public static let header = ["what", "who", "when", "how", "status", "principles"]

    public static func render(_ session: Session, principles: PrinciplesFile? = nil) -> String {
        let record = session.record
        var rows = [header]
        for action in record.actions {
            rows.append([
                action.what,
                action.who.map { record.name(of: $0) }.joined(separator: "; "),
                action.when?.description ?? "",
                action.how,
                ExportWords.status(action.status),
                ExportWords.principles(of: action, in: record).map { ExportWords.principleName($0, principles) }.joined(separator: "; "),
            ])
        }
        return rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One field, quoted when it must be.
    public static func field(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
