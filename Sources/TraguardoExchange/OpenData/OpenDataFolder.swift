import Foundation
import TraguardoDocuments
import ZIPFoundation
import TraguardoSpreadsheet

/// Writes an open data set as a folder ready for «Amministrazione trasparente»: one CSV per table,
/// `datapackage.json` (Frictionless) describing them and `dati.json` with everything in one object. The
/// folder is created when missing; each file appears whole or not at all (`OutputFile`).
public enum OpenDataFolder {
    /// The files as they are written: name → content.
    public static func files(_ set: OpenDataSet) -> [(name: String, data: Data)] {
        set.tables.map { (OpenDataCSV.fileName($0), Data(OpenDataCSV.text($0).utf8)) }
            + [
                (OpenDataPackage.fileName, Data(OpenDataPackage.text(set).utf8)),
                (OpenDataJSON.fileName, Data(OpenDataJSON.text(set).utf8)),
            ]
    }

    /// The same files in one ZIP archive: what the web «Documenti» page sends for «CSV».
    public static func zip(_ set: OpenDataSet) throws(SpreadsheetError) -> Data {
        let name = "dati-aperti-\(set.metadata.entityCode)-\(set.metadata.year).zip"
        do {
            let archive = try Archive(accessMode: .create)
            for file in files(set) { try OfficePackage.add(file.data, as: file.name, to: archive) }
            guard let data = archive.data else { throw SpreadsheetError(file: name, message: "l'archivio è vuoto") }
            return data
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw SpreadsheetError(file: name, message: "l'archivio non si può scrivere (\(error.localizedDescription))")
        }
    }

    /// - Returns: the files written, in order.
    @discardableResult
    public static func write(_ set: OpenDataSet, to folder: URL) throws(SpreadsheetError) -> [URL] {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw SpreadsheetError(file: folder.lastPathComponent, message: "la cartella non si può creare (\(error.localizedDescription))")
        }
        var written: [URL] = []
        for file in files(set) {
            let url = folder.appendingPathComponent(file.name)
            try OutputFile.write(file.data, to: url)
            written.append(url)
        }
        return written
    }
}
