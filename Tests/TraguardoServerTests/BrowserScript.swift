import TraguardoTestSupport

/// The Python script the browser tests run: selenium drives a headless Chromium (`/usr/bin/chromedriver`)
/// against the live server. It receives a JSON plan of what to do and prints, as JSON, what the pages showed
/// (their visible text); the Swift test checks it against the scorer. With `shots` it also saves PNG
/// screenshots of the pages it visits into that folder.
enum BrowserScript {
    static let source = Selenium.prelude(window: (1280, 1400), pageLoadTimeout: 60, waitSeconds: 30, shotHeightCap: 5000) + #"""
    seen = {}

    def save(form):
        # The rilevazione's «Salva tutte le righe» posts the whole form (a row's «Salva» saves it in place, by script).
        if form.find_elements(By.CSS_SELECTOR, "button[value=tutte]"):
            submit(form, "button[value=tutte]")
        else:
            submit(form, "button[type=submit], input[type=submit], button:not([type])")

    def field_form(name):
        field = driver.find_element(By.NAME, name)
        return field, field.find_element(By.XPATH, "./ancestor::form")

    try:
        # The office: cruscotto before, its rilevazione page, a value entered and saved, the cruscotto after.
        log_in(plan["office"])
        driver.get(base + plan["cruscotto"])
        seen["cruscottoPrima"] = body()
        driver.get(base + plan["rilevazione"])
        shoot("rilevazione")
        shoot_phone("rilevazione-telefono")
        # On a phone's width the form needs no sideways scrolling.
        driver.set_window_size(390, 844)
        seen["larghezzaTelefono"] = str(driver.execute_script("return document.documentElement.scrollWidth") - driver.execute_script("return document.documentElement.clientWidth"))
        driver.set_window_size(1280, 1400)
        field, form = field_form(plan["field"])
        field.clear(); field.send_keys(plan["value"])
        save(form)
        seen["dopoSalvataggio"] = body()
        driver.get(base + plan["cruscotto"])
        seen["cruscottoDopo"] = body()
        shoot("cruscotto")
        driver.get(base + plan["albero"])
        shoot("albero")
        driver.get(base + plan["nodo"])
        seen["nodo"] = body()
        # The explanation tree: the root open, an input opened by a click shows its own inputs.
        closed = driver.find_elements(By.CSS_SELECTOR, "ul.spiegazione details:not([open]) > summary")
        seen["spiegazioneChiuse"] = str(len(closed))
        if closed:
            closed[0].click()
        seen["spiegazioneAperte"] = str(len(driver.find_elements(By.CSS_SELECTOR, "ul.spiegazione details[open]")))
        seen["spiegazioneLink"] = driver.find_element(By.CSS_SELECTOR, "ul.spiegazione ul a").get_attribute("href")
        shoot("nodo")
        # Another office's page: refused.
        driver.get(base + plan["otherOffice"])
        seen["altroUfficio"] = body()
        # The form without its CSRF field: refused.
        driver.get(base + plan["rilevazione"])
        field, form = field_form(plan["field"])
        driver.execute_script("arguments[0].querySelectorAll('input[name=csrf]').forEach(function (e) { e.remove(); });", form)
        field.clear(); field.send_keys(plan["csrfValue"])
        save(form)
        seen["senzaCSRF"] = body()
        # The OIV reads the cruscotto, but a POST to the office's form (with its own valid token) is refused.
        log_in(plan["evaluator"])
        driver.get(base + plan["cruscotto"])
        seen["oivCruscotto"] = body()
        token = driver.find_element(By.NAME, "csrf").get_attribute("value")
        driver.get(base + plan["rilevazione"])
        seen["oivLettura"] = body()
        seen["oivPost"] = forged_post(plan["rilevazione"], {plan["field"]: plan["csrfValue"]}, token=token)
        # The OIV comments on the node page, through its form.
        driver.get(base + plan["nodo"])
        field, form = field_form(plan["commentField"])
        field.send_keys(plan["comment"])
        save(form)
        seen["oivCommento"] = body()
        shoot("nodo-oiv")
        # The controller: the checks of another year, one acknowledged with its reason; the documents.
        log_in(plan["controller"])
        driver.get(base + plan["verifiche"])
        shoot("verifiche")
        driver.find_element(By.CSS_SELECTOR, "td details summary").click()
        field, form = field_form(plan["reasonField"])
        field.send_keys(plan["reason"])
        save(form)
        seen["verificheDopo"] = body()
        driver.get(base + plan["documenti"])
        seen["documenti"] = body()
        shoot("documenti")
        # The registro: filtered by the office's author through the form, then the CSV link of the same filter.
        driver.get(base + "/registro")
        driver.find_element(By.CSS_SELECTOR, "details.filtri > summary").click()
        field, form = field_form("autore")
        field.send_keys(plan["office"])
        save(form)
        seen["registro"] = body()
        seen["registroIndirizzo"] = driver.current_url
        seen["registroCSV"] = driver.find_element(By.PARTIAL_LINK_TEXT, "CSV").get_attribute("href")
        shoot("registro")
    finally:
        driver.quit()
    print(json.dumps(seen))
    """#
}
