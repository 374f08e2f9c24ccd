import TraguardoTestSupport

/// What the plan editor's browser tests share on top of `Selenium.prelude`: filling and posting a form of the editor as a
/// person does (a folded form unfolded by its title), and the small plan the controller builds from an empty
/// database through the pages only (`build_small_plan`). The script receives a JSON plan (`base`, `chromedriver`,
/// `user`, `password`, `editor`, optional `shots`) and each test appends its own steps.
enum PlanEditorScript {
    static let prelude = Selenium.prelude(window: (1280, 1400), pageLoadTimeout: 60, scriptTimeout: 60, waitSeconds: 30, shotHeightCap: 5000) + #"""
    from selenium.webdriver.support.ui import Select
    seen = {}

    def fill(form_id, values, shot=None):
        field = None
        for key, value in values.items():
            field = driver.find_element(By.ID, form_id + "-" + key)
            if not field.is_displayed():
                # A folded form: unfold it as a person would, by its title.
                field.find_element(By.XPATH, "./ancestor::details/summary").click()
            if field.tag_name == "select":
                Select(field).select_by_value(value)
            else:
                field.clear()
                field.send_keys(value)
        if shot:
            # The form as the person filled it, before it is posted.
            shoot(shot)
        submit(field.find_element(By.XPATH, "./ancestor::form"))

    def element(kind, ident):
        driver.get(base + plan["editor"] + "/elemento?tipo=" + kind + "&id=" + ident.replace("/", "%2F"))

    def main_text():
        return driver.find_element(By.TAG_NAME, "main").text

    def follow(link_text):
        # A link of the page, followed by its visible text as a person does.
        old = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(By.PARTIAL_LINK_TEXT, link_text).click()
        wait_for_new_page(old)

    def type_and_enter(field_id, value):
        # Keyboard only: the value typed in the field and the form sent with ENTER.
        old = driver.find_element(By.TAG_NAME, "html")
        field = driver.find_element(By.ID, field_id)
        field.clear()
        field.send_keys(value + Keys.ENTER)
        wait_for_new_page(old)

    def build_small_plan():
        # From an empty database: the Ente and its first year, a unit, an area, a strategic objective, a project
        # with two indicators (each with its target and item), a resource.
        driver.get(base + "/amministrazione/enti")
        seen["enti"] = main_text()
        fill("nuovo-ciclo", {"codice": "prova", "nome": "Camera di Commercio di Prova", "anno": "2019"})
        seen["dopoCiclo"] = driver.current_url
        shoot("editor-piano-nuovo-ente")
        fill("nuova-unita", {"codice": "PROG", "nome": "Ufficio Programmazione", "tipo": "ufficio"})
        driver.get(base + plan["editor"])
        fill("nuovo-nodo", {"codice": "A", "tipo": "area-strategica", "titolo": "Competitività delle imprese"})
        fill("nuovo-figlio", {"codice": "A1", "tipo": "obiettivo-strategico", "titolo": "Imprese digitali"})
        fill("nuovo-figlio", {"codice": "A101", "tipo": "progetto", "titolo": "Punto impresa digitale", "responsabile_unita": "PROG"})
        for code, name, comparator, target in [("1", "Imprese assistite", ">=", "150"), ("2", "Tempo medio di risposta", "<=", "30")]:
            element("nodo", "A101")
            fill("nuovo-indicatore", {"codice": code, "nome": name, "comparatore": comparator, "unita_misura": "n." if code == "1" else "gg"})
            indicator = driver.current_url
            fill("nuovo-target", {"anno": "2019", "valore": target})
            driver.get(indicator)
            fill("nuovo-item", {"codice": "a", "descrizione": name, "valore_target": target, "ufficio": "PROG"})
        element("nodo", "A101")
        fill("nuova-risorsa", {"tipo": "oneri", "fase": "preventivo", "importo": "1.418.965,00"})
        element("nodo", "A101")

    """#
}
