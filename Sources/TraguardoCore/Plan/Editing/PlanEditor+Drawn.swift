/// Lost updates: an edit carries the fingerprint (`PlanFingerprint`) of the plan its form was drawn from; if the
/// plan stored now has another one, someone saved a change meanwhile and the edit is refused rather than
/// applied over a plan its author has not seen. One rule for the editor's pages and `/api/v1`.
extension PlanEditor {
    /// The sentence a refused edit shows (beside the form on the page, in the 409 of the API).
    public static let changedMeanwhile =
        "Il piano è cambiato nel frattempo: un'altra modifica è stata salvata dopo che questo modulo è stato aperto. "
        + "Non ho salvato nulla; il modulo mostra ora il piano aggiornato con quanto avevi scritto: controlla e salva di nuovo."

    /// Whether an edit drawn from the plan with fingerprint `drawnFrom` must be refused on `current` (nil: the
    /// sender did not say what it saw, so nothing to compare; an empty text counts as a different fingerprint).
    public static func changedMeanwhile(drawnFrom: String?, current: CyclePlan) -> Bool {
        guard let drawnFrom else { return false }
        return drawnFrom != PlanFingerprint.of(current)
    }
}
