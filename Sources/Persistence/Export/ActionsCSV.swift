import Foundation
import Workshop

/// The action plan as CSV (RFC 4180): a header row, then one row per action; lines end in CRLF;
/// a field holding a comma, a double quote, CR or LF is put in double quotes, with its double
/// quotes doubled. UTF-8, without a byte order mark.
///
/// Spreadsheet-safe (OWASP, "CSV injection"): a field starting with `=`, `+`, `-`, `@`, a tab or
/// a carriage return is one a spreadsheet could run as a formula, so it gets a leading `'` and is
/// quoted; spreadsheets then show it as text, and the words after the `'` are exactly as typed.
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

    /// The characters that make a spreadsheet read a cell as a formula when they come first.
    public static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// One field, neutralised if a spreadsheet could run it, and quoted when it must be.
    public static func field(_ text: String) -> String {
        var text = text
        var needsQuotes = false
        if let first = text.unicodeScalars.first, formulaStarts.contains(first) {
            text = "'" + text
            needsQuotes = true
        }
        needsQuotes = needsQuotes || text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
