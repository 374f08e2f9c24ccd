/// What a username and a password must be (the CLI's `user add` and the web forms check the same).
public enum UserRules {
    public static let minimumPasswordLength = 10
    public static let usernameRule = "Nome utente non valido: da 2 a 64 caratteri fra lettere minuscole, cifre, punto, trattino e trattino basso."
    public static let passwordRule = "La password deve avere almeno \(minimumPasswordLength) caratteri."
    /// The help under a password field.
    public static let passwordHelp = "Almeno \(minimumPasswordLength) caratteri."

    /// The codes of the roles, as `--role` and the user form take them.
    public static var roleCodes: [String] { UserRole.allCases.map(\.rawValue) }

    public static func isValidUsername(_ name: String) -> Bool {
        (2...64).contains(name.count) && name.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || ".-_".contains($0) }
    }
}
