extension UserRole {
    /// The one table of role × action. The server authorises every route with it (then checks ownership and
    /// the Ente in `Permission`); the web's menu shows a section or an admin page only when its action is allowed.
    public func allows(_ action: Action) -> Bool {
        switch action {
        case .viewPlan: true
        case .enterMeasurement: [.administrator, .controller, .manager, .officeHead].contains(self)
        case .comment: [.evaluator, .controller].contains(self)
        case .validate: self == .evaluator
        case .managePeriods, .saveScores, .viewUnits, .manageUnits, .importData, .acknowledgeFindings, .managePlan: [.administrator, .controller].contains(self)
        case .verifySubmissions: [.administrator, .controller].contains(self)
        case .viewAudit: [.administrator, .controller, .evaluator].contains(self)
        case .editPlan: [.administrator, .controller].contains(self)
        case .proposePlanChange: self == .manager
        case .viewSecurityLog: [.administrator, .controller].contains(self)
        case .manageUsers: self == .administrator
        case .viewSample: [.administrator, .controller, .evaluator].contains(self)
        case .drawSample: self == .evaluator
        case .manageMail: self == .administrator
        case .manageReminders: [.administrator, .controller].contains(self)
        }
    }

    /// `allows(action)` for an account limited to the Ente `entityLimit` (nil: not limited): an action on what
    /// holds for every Ente (`Action.spansEveryEnte`) needs an account not limited to one. The server authorises
    /// with this (`Permission.allows(_:_:)`) and the navigation draws its links with it: one rule for both.
    public func allows(_ action: Action, limitedTo entityLimit: String?) -> Bool {
        allows(action) && (entityLimit == nil || !action.spansEveryEnte)
    }
}

extension Action {
    /// The action changes what holds for every Ente (the SMTP settings): an account limited to one Ente may not.
    public var spansEveryEnte: Bool { self == .manageMail }
}
