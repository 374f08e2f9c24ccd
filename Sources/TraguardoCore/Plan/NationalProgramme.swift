import Foundation

/// A missione/programma pair of the national classification (D.M. 27/03/2013), e.g.
/// missione `011` "Competitività e sviluppo delle imprese", programma `005`
/// "Regolamentazione, incentivazione dei settori imprenditoriali …".
public struct NationalProgramme: Hashable, Sendable, Codable, Identifiable {
    public var missionCode: String
    public var missionName: String
    public var programmeCode: String
    public var programmeName: String
    /// COFOG group, e.g. `04.1`.
    public var cofog: String?

    public var id: String { "\(missionCode)-\(programmeCode)" }

    public init(missionCode: String, missionName: String, programmeCode: String, programmeName: String,
                cofog: String? = nil)
    {
        self.missionCode = missionCode
        self.missionName = missionName
        self.programmeCode = programmeCode
        self.programmeName = programmeName
        self.cofog = cofog
    }
}
