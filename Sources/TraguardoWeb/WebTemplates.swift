import Mustache

/// The templates of the web pages, compiled once. They are Swift string literals (`Templates/`), so the
/// binary is self-contained: no template files to deploy, no asset from outside the server.
public enum WebTemplates {
    /// Template name → source.
    public static let sources: [String: String] = [
        "layout": LayoutTemplate.source,
        ScoreBadgeTemplate.name: ScoreBadgeTemplate.source,
        FigureTemplate.name: FigureTemplate.source,
        "campo-testo": FieldTemplates.text,
        "campo-area": FieldTemplates.area,
        "campo-file": FieldTemplates.file,
        "campo-spunta": FieldTemplates.check,
        "allegato": EvidenceTemplate.link,
        LoginPage.templateName: LoginTemplate.source,
        MessagePage.templateName: MessageTemplate.source,
        HomePage.templateName: HomeTemplate.source,
        CruscottoPage.templateName: CruscottoTemplate.source,
        ConfrontoPage.templateName: ConfrontoTemplate.source,
        RilevazionePage.templateName: RilevazioneTemplate.source,
        RilevazioneElencoPage.templateName: RilevazioneElencoTemplate.source,
        AlberoPage.templateName: AlberoTemplate.source,
        AlberoTemplate.nodeName: AlberoTemplate.node,
        AlberoTemplate.entryName: AlberoTemplate.entry,
        NodePage.templateName: NodeTemplate.source,
        NodeTemplate.explanationName: NodeTemplate.explanation,
        NodeTemplate.explanationHeadName: NodeTemplate.explanationHead,
        DocumentiPage.templateName: DocumentiTemplate.source,
        VerifichePage.templateName: VerificheTemplate.source,
        RegistroPage.templateName: RegistroTemplate.source,
        AccessiPage.templateName: AccessiTemplate.source,
        PianoVersioniPage.templateName: PianoVersioniTemplate.source,
        AdminMailPage.templateName: MailTemplates.settings,
        AdminRemindersPage.templateName: MailTemplates.reminders,
        AdminTemplates.menuName: AdminTemplates.menu,
        "campo-amministrazione": AdminTemplates.adminField,
        "scelta-amministrazione": AdminTemplates.adminSelect,
        AdminUsersPage.templateName: AdminTemplates.users,
        AdminUnitsPage.templateName: AdminTemplates.units,
        AdminPeriodsPage.templateName: AdminTemplates.periods,
        AdminImportPage.templateName: AdminTemplates.importing,
        OIVSamplePage.templateName: OIVSampleTemplate.source,
        PlanEditorPage.templateName: PlanEditorTemplate.source,
        AdminEntiPage.templateName: PlanEditorTemplate.entiSource,
        PlanProposalsPage.templateName: PlanEditorTemplate.proposalsSource,
        InviiPage.templateName: InviiTemplate.source,
        MetodologiePage.templateName: MetodologieTemplate.source,
        CartaPage.templateName: CartaTemplate.source,
    ]

    public static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do { try library.register(source, named: name) } catch {
                preconditionFailure("il modello «\(name)» non è Mustache valido: \(error)")
            }
        }
        return library
    }()
}
