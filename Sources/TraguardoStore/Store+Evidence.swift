import Crypto
import Foundation
import SQLKit
import TraguardoCore

/// A document to store as evidence of an item's measurement in a period: what the rilevazione form
/// received. The store adds the size, the SHA-256, who and when.
public struct EvidenceUpload: Sendable, Hashable {
    public var itemID: String
    /// The period code (`ANNO`, `T2`).
    public var periodCode: String
    /// Already made safe with `EvidenceFile.sanitizedName`.
    public var fileName: String
    public var mediaType: String
    public var content: Data

    public init(itemID: String, periodCode: String, fileName: String, mediaType: String, content: Data) {
        self.itemID = itemID
        self.periodCode = periodCode
        self.fileName = fileName
        self.mediaType = mediaType
        self.content = content
    }
}

/// One stored evidence file with its bytes, as a download needs it.
public struct StoredEvidence: Sendable, Hashable {
    public var file: EvidenceFile
    public var content: Data
}

extension MeasurementBatches {
    /// Stores an evidence file in the transaction of `Store.recordMeasurements`, so that it is written
    /// together with the measurement that cites it, or not at all. Returns it with its id.
    public func addEvidence(_ upload: EvidenceUpload, in scope: CycleScope) async throws -> EvidenceFile {
        try await Store.insertEvidence(upload, in: scope, on: db, trail: trail)
    }
}

extension Store {
    /// Stores an evidence file of the Ente-year, with its audit row (the description, not the bytes); returns it with its id.
    @discardableResult
    public func addEvidence(_ upload: EvidenceUpload, in scope: CycleScope, actor: String) async throws(StoreError) -> EvidenceFile {
        try await write(actor: actor) { db, trail in try await Self.insertEvidence(upload, in: scope, on: db, trail: trail) }
    }

    /// The evidence files of the Ente-year (of one item when given), oldest first, without their content.
    public func evidenceFiles(in scope: CycleScope, itemID: String? = nil) async throws(StoreError) -> [EvidenceFile] {
        try await read { db in
            let select = db.select().columns(Self.evidenceColumns.map { SQLColumn($0) }).from("evidence_files")
                .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
            if let itemID { select.where("item_id", .equal, SQLBind(itemID)) }
            return try await select.orderBy("id").all().map(Self.evidenceFile)
        }
    }

    /// One evidence file with its content, if it is one of the Ente-year: the id of a file of another Ente
    /// or year is not found.
    public func evidence(id: Int64, in scope: CycleScope) async throws(StoreError) -> StoredEvidence? {
        try await read { db in
            guard let row = try await db.select().columns((Self.evidenceColumns + ["content"]).map { SQLColumn($0) })
                .from("evidence_files")
                .where("id", .equal, SQLBind(id))
                .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
                .first()
            else { return nil }
            return StoredEvidence(file: try Self.evidenceFile(row), content: try row.decode(column: "content", as: Data.self))
        }
    }

    static let evidenceColumns = [
        "id", "item_id", "period_code", "file_name", "media_type", "size_bytes", "sha256", "uploaded_by", "uploaded_at",
    ]

    static func evidenceFile(_ row: any SQLRow) throws -> EvidenceFile {
        EvidenceFile(
            id: try row.decode(column: "id", as: Int64.self),
            itemID: try row.decode(column: "item_id", as: String.self),
            periodCode: try row.decode(column: "period_code", as: String.self),
            fileName: try row.decode(column: "file_name", as: String.self),
            mediaType: try row.decode(column: "media_type", as: String.self),
            sizeBytes: Int(try row.decode(column: "size_bytes", as: Int64.self)),
            sha256: try row.decode(column: "sha256", as: String.self),
            uploadedBy: try row.decode(column: "uploaded_by", as: String.self),
            uploadedAt: Timestamp.parse(try row.decode(column: "uploaded_at", as: String.self)) ?? .distantPast)
    }

    /// The insert both writes share: the Ente-year and the item must exist.
    static func insertEvidence(
        _ upload: EvidenceUpload, in scope: CycleScope, on db: any SQLDatabase, trail: AuditTrail
    ) async throws -> EvidenceFile {
        guard try await storedCycle(scope, on: db) != nil else { throw StoreError.notFound(table: "cycles", id: "\(scope)") }
        guard try await db.select().column("id").from("measured_items")
            .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
            .where("id", .equal, SQLBind(upload.itemID)).first() != nil
        else { throw StoreError.notFound(table: "measured_items", id: upload.itemID) }
        let at = Timestamp.format(trail.at)
        let hash = LowercaseHex.text(SHA256.hash(data: upload.content))
        guard let row = try await db.insert(into: "evidence_files")
            .columns(
                "entity_code", "year", "period_code", "item_id", "file_name", "media_type", "size_bytes", "sha256", "uploaded_by",
                "uploaded_at", "content")
            .values(
                SQLBind(scope.entityCode), SQLBind(scope.year), SQLBind(upload.periodCode), SQLBind(upload.itemID),
                SQLBind(upload.fileName), SQLBind(upload.mediaType), SQLBind(Int64(upload.content.count)), SQLBind(hash),
                SQLBind(trail.actor), SQLBind(at), SQLBind(upload.content))
            .returning("id").first()
        else { throw StoreError.database("il database non ha restituito il numero del documento «\(upload.fileName)»") }
        let file = EvidenceFile(
            id: try row.decode(column: "id", as: Int64.self), itemID: upload.itemID, periodCode: upload.periodCode,
            fileName: upload.fileName, mediaType: upload.mediaType, sizeBytes: upload.content.count, sha256: hash,
            uploadedBy: trail.actor, uploadedAt: Timestamp.parse(at) ?? trail.at)
        let data: String
        do { data = try RecordCodec.encode(file) } catch { throw StoreError.database("documento non codificabile: \(error)") }
        await trail.add(AuditRecord(
            action: .insert, table: "evidence_files", scope: scope, recordID: String(file.id), before: nil, after: data))
        return file
    }
}
