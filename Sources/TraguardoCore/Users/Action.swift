/// What a request wants to do. Every route of the server names one; `UserRole.allows` decides.
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
    /// Verifying the values an office submitted, sending them back, reopening validated ones (controllo di gestione).
    case verifySubmissions
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
    /// The plan editor: creating, changing, moving and removing the elements of an Ente-year, and new Ente-years.
    case editPlan
    /// Proposing changes to one's own area of the plan (`PlanArea`), which the controller accepts or refuses (a dirigente).
    case proposePlanChange
    /// Users: list, add, change.
    case manageUsers
    /// The OIV's sample of a closed period and its documento di validazione (read).
    case viewSample
    /// Drawing the OIV's sample and noting what was found on each item.
    case drawSample
    /// Approving the plan of an Ente-year with its act, preparing the next year's plan (rollover).
    case managePlan
    /// The SMTP settings and their test message (Amministrazione › Posta).
    case manageMail
    /// The reminder schedule of an Ente-year and the sent-mail log (Amministrazione › Promemoria).
    case manageReminders
}
