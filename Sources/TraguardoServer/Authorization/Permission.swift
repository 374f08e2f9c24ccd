import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// What a request wants to do. Every route names one; `Permission.allows` decides.
public enum Action: String, Sendable, CaseIterable {
    /// Cruscotto, albero, node pages, documents, checks; the API's GETs.
    case viewPlan
    /// The rilevazione form and its POST (and the API's POST of a measurement); also subject to ownership.
    case enterMeasurement
    /// A comment on an element of the plan.
    case comment
    /// The validation of a result.
    case validate
    /// Opening and closing monitoring periods.
    case managePeriods
    /// The organisational units of an Ente under Amministrazione (read only).
    case viewUnits
    /// Adding an organisational unit to the plan of an Ente-year.
    case manageUnits
    /// Importing plan files and schede di rilevazione.
    case importData
    /// Recording the scores of a period.
    case saveScores
    /// Acknowledging a finding of the checks with a reason (it stops repeating; it is never forgotten).
    case acknowledgeFindings
    /// The registro modifiche.
    case viewAudit
    /// The registro degli accessi (logins, failed logins, sessions): who signs in from where.
    case viewSecurityLog
    /// Users: list, add, change.
    case manageUsers
}

/// The one table of who may do what: role × action, then ownership (an office enters only its own items,
/// a dirigente those of his area and the units below it), then the Ente the account is limited to.
public enum Permission {
    /// Role × action.
    public static func allows(_ role: WebRole, _ action: Action) -> Bool {
        switch action {
        case .viewPlan: true
        case .enterMeasurement: [.administrator, .controller, .manager, .officeHead].contains(role)
        case .comment: [.evaluator, .controller].contains(role)
        case .validate: role == .evaluator
        case .managePeriods, .saveScores, .viewUnits, .manageUnits, .importData, .acknowledgeFindings: [.administrator, .controller].contains(role)
        case .viewAudit: [.administrator, .controller, .evaluator].contains(role)
        case .viewSecurityLog: [.administrator, .controller].contains(role)
        case .manageUsers: role == .administrator
        }
    }

    /// The user may work on the Ente (an account limited to one Ente sees only that one).
    public static func reaches(_ user: SignedInUser, entityCode: String) -> Bool {
        user.account.entityCode == nil || user.account.entityCode == entityCode
    }

    /// The user may enter the measurements of the office (unit) `unit` of the plan.
    public static func mayEnter(_ user: SignedInUser, for unit: OrganisationalUnit, in plan: CyclePlan) -> Bool {
        guard allows(user.role, .enterMeasurement), reaches(user, entityCode: plan.entity.code) else { return false }
        switch user.role {
        case .administrator, .controller: return true
        case .officeHead: return user.account.unitCode.map { unit.code == $0 || unit.id == $0 } ?? false
        case .manager:
            guard let area = user.account.unitCode.flatMap(plan.unit(named:)) else { return false }
            return plan.unitChain(from: unit).contains { $0.id == area.id }
        case .evaluator, .reader: return false
        }
    }
}

extension CyclePlan {
    /// The unit and the units above it, nearest first.
    func unitChain(from unit: OrganisationalUnit) -> [OrganisationalUnit] {
        let byID = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var chain = [unit]
        var seen: Set<String> = [unit.id]
        var current = unit.parentID
        while let id = current, let parent = byID[id], seen.insert(id).inserted {
            chain.append(parent)
            current = parent.parentID
        }
        return chain
    }

    /// The items whose measurements the unit enters (the core's rule), in plan order.
    func items(enteredBy unit: OrganisationalUnit) -> [MeasuredItem] {
        let responsible = responsibleUnits()
        return items.filter { responsible[$0.id] == unit.id }
    }
}

extension CyclePlan {
    /// The item's measurement for the period (the plan files name periods by code, the sheets by id: both are found).
    func measurement(of itemID: String, in period: MonitoringPeriod) -> TraguardoCore.Measurement? {
        measurements.first { $0.itemID == itemID && ($0.periodID == period.id || $0.periodID == period.code) }
    }
}
