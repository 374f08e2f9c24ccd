import TraguardoTestSupport

/// The Python script of `QuarterJourneyTests`: selenium drives a headless Chromium through a whole quarter, each
/// step through the page and form a person would use, runs axe-core on every page it opens, and prints as JSON
/// what the pages showed. A step that fails stops the journey and is reported as `errore` (with what came before).
enum QuarterJourneyScript {
    static let source = Selenium.prelude(window: (1280, 1000), pageLoadTimeout: 90, scriptTimeout: 180, waitSeconds: 60, shotHeightCap: 2600) + #"""
    import base64, time, traceback
    from selenium.webdriver.support.ui import Select

    seen = {"axe": [], "pagine": []}
    year = plan["year"]
    ente = "/enti/lucca/" + year
    periodi = "/amministrazione/periodi/lucca/" + year
    promemoria = "/amministrazione/promemoria/lucca/" + year
    invii = ente + "/invii?periodo=T1"
    rilevazione = ente + "/rilevazione/T1/PERS"
    campione = ente + "/campione/T1"
    relazione = ente + "/documenti/relazione"

    def form_for(action, hidden):
        # The page's POST form whose address contains `action` and whose hidden fields carry `hidden`.
        for form in driver.find_elements(By.CSS_SELECTOR, "form[method=post]"):
            if action not in (form.get_attribute("action") or ""):
                continue
            values = {i.get_attribute("name"): i.get_attribute("value") for i in form.find_elements(By.CSS_SELECTOR, "input[type=hidden]")}
            if all(values.get(k) == v for k, v in hidden.items()):
                return form
        return None

    def forms_count(action, hidden):
        return 1 if form_for(action, hidden) else 0

    def send(action, hidden, fields, button=None):
        # Fills the form's fields as a person would (dates and numbers by their value) and presses its button.
        form = form_for(action, hidden)
        if form is None:
            raise Exception("nessun modulo %s %s su %s:\n%s" % (action, hidden, driver.current_url, body()[:1500]))
        for name, value in fields.items():
            field = form.find_element(By.NAME, name)
            kind = field.get_attribute("type")
            if field.tag_name == "select":
                Select(field).select_by_value(value)
            elif kind == "checkbox":
                if field.is_selected() != bool(value):
                    field.click()
            elif kind in ("date", "number"):
                driver.execute_script("arguments[0].value = arguments[1];", field, value)
            else:
                field.clear()
                field.send_keys(value)
        return submit(form, button or "button[type=submit]")

    def fetch(path, binary=False):
        # A download as the signed-in person gets it (its cookies), as text or as base64 of its bytes.
        return driver.execute_async_script("""
            var url = arguments[0], binary = arguments[1], done = arguments[arguments.length - 1];
            fetch(url, {credentials: 'same-origin'}).then(function (r) {
                if (!r.ok) { return 'HTTP ' + r.status; }
                if (!binary) { return r.text(); }
                return r.arrayBuffer().then(function (b) {
                    var bytes = new Uint8Array(b), text = '';
                    for (var i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }
                    return btoa(text);
                });
            }).then(done).catch(function (e) { done('errore ' + e); });
        """, base + path, binary)

    def enter(values):
        open_page(rilevazione)
        return send(rilevazione, {}, {"valore[" + k + "]": v for k, v in values.items()}, button="button[value=tutte]")

    def move(action, reason=None):
        open_page(invii)
        return send("/invii", {"ufficio": "PERS", "periodo": "T1", "azione": action}, {"motivo": reason} if reason else {})

    def period(action, reason=None):
        open_page(periodi)
        return send(periodi + "/stato", {"periodo": "T1", "azione": action}, {"motivo": reason} if reason else {})

    try:
        # The amministratore: the SMTP settings (the test's server on loopback).
        log_in(plan["administrator"])
        open_page("/amministrazione/posta")
        seen["postaSalvata"] = send("/amministrazione/posta", {}, {
            "host": "127.0.0.1", "porta": plan["smtpPort"], "sicurezza": "nessuna", "mittente": "performance@lucca.example.it",
            "nome_mittente": "Controllo di gestione", "indirizzo_sito": base})
        shoot("trimestre-posta")

        # The controller: the reminders' schedule, T1's dates, T1 opened.
        log_in(plan["controller"])
        open_page(promemoria)
        seen["promemoriaSalvato"] = send(promemoria, {}, {"attivo": True, "giorni_prima": "7, 2", "indirizzi_controllo": "controllo@lucca.example.it"})
        open_page(periodi)
        send(periodi + "/date", {"periodo": "T1"}, {"apertura": plan["opensOn"], "scadenza": plan["deadline"]})
        seen["periodoAperto"] = period("apri")
        shoot("trimestre-periodi")
        # The serve's reminder round sends the digest: the controller reads it in the log of sent mail.
        for _ in range(60):
            log = open_page(promemoria, axe=False)
            if "mario.rossi@lucca.example.it" in log:
                break
            time.sleep(1)
        seen["registroPosta"] = open_page(promemoria)
        shoot("trimestre-promemoria")

        # The office: its task on the home page, its values entered and submitted.
        log_in(plan["office"])
        seen["homeUfficio"] = open_page("/")
        shoot("trimestre-home-ufficio")
        seen["salvate"] = enter({"G1/I1/a": "4", "G1/I1/b": "6"})
        move("invia")
        seen["autoverifica"] = str(forms_count("/invii", {"ufficio": "PERS", "periodo": "T1", "azione": "verifica"}))

        # The controller sends it back with a reason; the office reads it, fixes the value and submits again.
        log_in(plan["controller"])
        move("rinvia", "Manca la fonte del dato")
        log_in(plan["office"])
        seen["rinviato"] = open_page("/")
        enter({"G1/I1/b": "4"})
        move("invia")

        # The controller verifies and closes T1; the Relazione of the closed period, as downloaded.
        log_in(plan["controller"])
        move("verifica")
        shoot("trimestre-invii")
        period("chiudi")
        seen["relazionePrima"] = fetch(relazione + ".html?periodo=T1")
        seen["docxPrima"] = fetch(relazione + ".docx?periodo=T1", True)

        # The OIV: the sample on the snapshot, a note, the documento di validazione, the validation.
        log_in(plan["evaluator"])
        open_page(campione)
        send(campione, {}, {"dimensione": "2", "seme": "42"})
        seen["campione"] = send(campione + "/nota", {}, {"esito": "confermato con rilievi", "nota": "Verbale del personale controllato"})
        shoot("trimestre-campione-oiv")
        seen["validazione"] = fetch(campione + "/validazione.html")
        move("valida")

        # A later change: the office's form of the closed period has no field to change, and a post is refused.
        log_in(plan["office"])
        open_page(rilevazione)
        seen["chiusoModulo"] = str(len([f for f in driver.find_elements(By.CSS_SELECTOR, "input[name^='valore['], textarea[name^='valore[']")
                                         if f.is_enabled() and not f.get_attribute("readonly")]))
        seen["chiusoPost"] = forged_post(rilevazione, {"valore[G1/I1/b]": "1"})
        # More than the ZIP's two-second clock later: a date of «now» in the DOCX would change its bytes.
        time.sleep(2.2)
        log_in(plan["controller"])
        seen["relazioneDopoRifiuto"] = fetch(relazione + ".html?periodo=T1")
        seen["docxDopoRifiuto"] = fetch(relazione + ".docx?periodo=T1", True)

        # Reopened with a reason: the validated values stay locked until the controller reopens them, with a reason.
        period("riapri", "Correzione chiesta dall'OIV")
        log_in(plan["office"])
        seen["riapertoBloccato"] = enter({"G1/I1/b": "2"})
        log_in(plan["controller"])
        move("riapri", "Dato del personale corretto")
        log_in(plan["office"])
        enter({"G1/I1/b": "2"})
        log_in(plan["controller"])
        seen["inviiDopo"] = open_page(invii)
        seen["relazioneRiaperto"] = fetch(relazione + ".html?periodo=T1")
        period("chiudi")
        seen["relazioneSeconda"] = fetch(relazione + ".html?periodo=T1")
    except Exception:
        seen["errore"] = traceback.format_exc() + "\n" + driver.current_url + "\n" + body()[:2000]
    finally:
        driver.quit()
    print(json.dumps(seen))
    """#
}
