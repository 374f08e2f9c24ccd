import TraguardoTestSupport

/// The Python script the browser tests run: selenium drives a headless Chromium (`/usr/bin/chromedriver`)
/// against the live server. It receives a JSON plan of what to do and prints, as JSON, what the pages showed
/// (their visible text); the Swift test checks it against the scorer. With `shots` it also saves PNG
/// screenshots of the pages it visits into that folder.
enum BrowserScript {
    static let source = Selenium.driverSetUp(windowSize: "1280,1400", pageLoadTimeout: 60) + #"""
    seen = {}

    def main_text():
        return driver.find_element(By.TAG_NAME, "body").text

    def wait_for_new_page(old):
        WebDriverWait(driver, 30).until(lambda d: d.find_element(By.TAG_NAME, "html") != old)
        WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")

    def shoot(name):
        folder = plan.get("shots")
        if not folder:
            return
        height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 5000)")
        driver.set_window_size(1280, max(900, height))
        driver.save_screenshot(os.path.join(folder, name + ".png"))
        driver.set_window_size(1280, 1400)

    def shoot_phone(name):
        folder = plan.get("shots")
        if not folder:
            return
        driver.set_window_size(390, 844)
        height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 3000)")
        driver.set_window_size(390, max(844, height))
        driver.save_screenshot(os.path.join(folder, name + ".png"))
        driver.set_window_size(1280, 1400)

    def submit(form):
        old = driver.find_element(By.TAG_NAME, "html")
        # The rilevazione's «Salva tutte le righe» posts the whole form (a row's «Salva» saves it in place, by script).
        buttons = form.find_elements(By.CSS_SELECTOR, "button[value=tutte]") or form.find_elements(By.CSS_SELECTOR, "button[type=submit], input[type=submit], button:not([type])")
        if buttons:
            buttons[-1].click()
        else:
            form.submit()
        wait_for_new_page(old)

    def log_in(username):
        driver.delete_all_cookies()
        driver.get(base + "/login")
        user = driver.find_element(By.NAME, plan["loginUser"])
        user.clear(); user.send_keys(username)
        password = driver.find_element(By.NAME, plan["loginPassword"])
        password.send_keys(plan["password"])
        submit(password.find_element(By.XPATH, "./ancestor::form"))

    def field_form(name):
        field = driver.find_element(By.NAME, name)
        return field, field.find_element(By.XPATH, "./ancestor::form")

    try:
        # The office: cruscotto before, its rilevazione page, a value entered and saved, the cruscotto after.
        log_in(plan["office"])
        driver.get(base + plan["cruscotto"])
        seen["cruscottoPrima"] = main_text()
        driver.get(base + plan["rilevazione"])
        shoot("rilevazione")
        shoot_phone("rilevazione-telefono")
        # On a phone's width the form needs no sideways scrolling.
        driver.set_window_size(390, 844)
        seen["larghezzaTelefono"] = str(driver.execute_script("return document.documentElement.scrollWidth") - driver.execute_script("return document.documentElement.clientWidth"))
        driver.set_window_size(1280, 1400)
        field, form = field_form(plan["field"])
        field.clear(); field.send_keys(plan["value"])
        submit(form)
        seen["dopoSalvataggio"] = main_text()
        driver.get(base + plan["cruscotto"])
        seen["cruscottoDopo"] = main_text()
        shoot("cruscotto")
        driver.get(base + plan["albero"])
        shoot("albero")
        driver.get(base + plan["nodo"])
        seen["nodo"] = main_text()
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
        seen["altroUfficio"] = main_text()
        # The form without its CSRF field: refused.
        driver.get(base + plan["rilevazione"])
        field, form = field_form(plan["field"])
        driver.execute_script("arguments[0].querySelectorAll('input[name=csrf]').forEach(function (e) { e.remove(); });", form)
        field.clear(); field.send_keys(plan["csrfValue"])
        submit(form)
        seen["senzaCSRF"] = main_text()
        # The OIV reads the cruscotto, but a POST to the office's form (with its own valid token) is refused.
        log_in(plan["evaluator"])
        driver.get(base + plan["cruscotto"])
        seen["oivCruscotto"] = main_text()
        token = driver.find_element(By.NAME, "csrf").get_attribute("value")
        driver.get(base + plan["rilevazione"])
        seen["oivLettura"] = main_text()
        old = driver.find_element(By.TAG_NAME, "html")
        driver.execute_script("""
            var form = document.createElement('form');
            form.method = 'post'; form.action = arguments[0];
            [['csrf', arguments[1]], [arguments[2], arguments[3]]].forEach(function (pair) {
                var input = document.createElement('input');
                input.type = 'hidden'; input.name = pair[0]; input.value = pair[1];
                form.appendChild(input);
            });
            document.body.appendChild(form);
            form.submit();
        """, plan["rilevazione"], token, plan["field"], plan["csrfValue"])
        wait_for_new_page(old)
        seen["oivPost"] = main_text()
        # The OIV comments on the node page, through its form.
        driver.get(base + plan["nodo"])
        field, form = field_form(plan["commentField"])
        field.send_keys(plan["comment"])
        submit(form)
        seen["oivCommento"] = main_text()
        shoot("nodo-oiv")
        # The controller: the checks of another year, one acknowledged with its reason; the documents.
        log_in(plan["controller"])
        driver.get(base + plan["verifiche"])
        shoot("verifiche")
        driver.find_element(By.CSS_SELECTOR, "td details summary").click()
        field, form = field_form(plan["reasonField"])
        field.send_keys(plan["reason"])
        submit(form)
        seen["verificheDopo"] = main_text()
        driver.get(base + plan["documenti"])
        seen["documenti"] = main_text()
        shoot("documenti")
        # The registro: filtered by the office's author through the form, then the CSV link of the same filter.
        driver.get(base + "/registro")
        driver.find_element(By.CSS_SELECTOR, "details.filtri > summary").click()
        field, form = field_form("autore")
        field.send_keys(plan["office"])
        submit(form)
        seen["registro"] = main_text()
        seen["registroIndirizzo"] = driver.current_url
        seen["registroCSV"] = driver.find_element(By.PARTIAL_LINK_TEXT, "CSV").get_attribute("href")
        shoot("registro")
    finally:
        driver.quit()
    print(json.dumps(seen))
    """#
}
