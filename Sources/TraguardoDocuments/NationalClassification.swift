import Foundation
import TraguardoCore

/// The missioni and programmi of the national classification the Camere di Commercio use (D.M. 27/03/2013),
/// with the names the Enti print (seed 004, albero della performance, righe 1-236; seed 003, righe 2037-2128).
/// Reference data of the law, not of a plan: the plan file carries only the codes (`missione: "011"`), so the
/// documents look the names up here. A code not listed is printed alone.
enum NationalClassification {
    static let missions: [String: String] = [
        "011": "Competitività e sviluppo delle imprese",
        "012": "Regolazione dei mercati",
        "016": "Commercio internazionale e internazionalizzazione del sistema produttivo",
        "032": "Servizi istituzionali e generali delle amministrazioni pubbliche",
        "033": "Fondi da ripartire",
    ]

    static let programmes: [NationalProgramme] = [
        NationalProgramme(
            missionCode: "011", missionName: missions["011"]!, programmeCode: "005",
            programmeName: "Promozione e attuazione di politiche di sviluppo, competitività e innovazione, di responsabilità "
                + "sociale d'impresa e movimento cooperativo"),
        NationalProgramme(
            missionCode: "012", missionName: missions["012"]!, programmeCode: "004",
            programmeName: "Vigilanza sui mercati e sui prodotti, promozione della concorrenza e tutela dei consumatori"),
        NationalProgramme(
            missionCode: "016", missionName: missions["016"]!, programmeCode: "005",
            programmeName: "Sostegno all'internazionalizzazione delle imprese e promozione del made in Italy"),
        NationalProgramme(missionCode: "032", missionName: missions["032"]!, programmeCode: "002", programmeName: "Indirizzo politico"),
        NationalProgramme(
            missionCode: "032", missionName: missions["032"]!, programmeCode: "003",
            programmeName: "Servizi e affari generali per le amministrazioni di competenza"),
        NationalProgramme(missionCode: "033", missionName: missions["033"]!, programmeCode: "001", programmeName: "Fondi da assegnare"),
        NationalProgramme(missionCode: "033", missionName: missions["033"]!, programmeCode: "002", programmeName: "Fondi di riserva e speciali"),
    ]

    /// `011 – Competitività e sviluppo delle imprese`, or the code alone.
    static func missionLabel(_ code: String) -> String {
        missions[code].map { "\(code) – \($0)" } ?? code
    }

    /// `005 – Promozione e attuazione …` for the programme of that missione, or the code alone.
    static func programmeLabel(mission: String?, _ code: String) -> String {
        guard let mission, let programme = programmes.first(where: { $0.missionCode == mission && $0.programmeCode == code })
        else { return code }
        return "\(code) – \(programme.programmeName)"
    }
}
