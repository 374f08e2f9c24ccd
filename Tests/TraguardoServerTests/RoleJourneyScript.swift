import TraguardoTestSupport

/// The Python script of `RoleJourneyTests`: selenium drives a headless Chromium through each role's main job,
/// runs axe-core (`axe-selenium-python`) on every page it opens, walks the data entry with the keyboard
/// only (TAB and ENTER), and prints as JSON what it saw. With `shots` it saves the screenshots of
/// `docs/screenshots/` there.
enum RoleJourneyScript {
    static let source = Selenium.prelude(window: (1280, 1000), pageLoadTimeout: 90, scriptTimeout: 180, waitSeconds: 60, shotHeightCap: 2600) + #"""
    from selenium.webdriver.common.action_chains import ActionChains

    seen = {"axe": [], "pagine": []}

    def visit_navigation(role, limit=16):
        # Every page the navigation of this role leads to (the main menu and the Amministrazione section's
        # menu), each checked by axe: breadth first, each address once per role.
        queue, done = ["/"], set()
        while queue and len(done) < limit:
            path = queue.pop(0)
            if path in done:
                continue
            done.add(path)
            open_page(path)
            seen.setdefault("navigazione", []).append(role + " " + path)
            for a in driver.find_elements(By.CSS_SELECTOR, "nav.menu a[href], nav.menu-sezione a[href]"):
                href = (a.get_attribute("href") or "").split("#")[0]
                if not href.startswith(base):
                    continue
                target = href.replace(base, "") or "/"
                if target not in done and target not in queue and not target.startswith("/logout") and "." not in target.rsplit("/", 1)[-1]:
                    queue.append(target)

    def check_charts():
        # The cruscotto's charts as Chromium draws them with its own fonts: no label outside its drawing, the
        # charts before the tables, each bar a link the keyboard reaches.
        return driver.execute_script("""
            var out = {cut: [], links: 0, focused: false, before: false, figures: 0};
            document.querySelectorAll('figure.grafico svg').forEach(function (svg) {
                out.figures += 1;
                var box = svg.viewBox.baseVal;
                svg.querySelectorAll('text').forEach(function (t) {
                    var b = t.getBBox();
                    if (b.x < -0.5 || b.x + b.width > box.width + 0.5) out.cut.push(t.textContent + ' [' + Math.round(b.x) + ', ' + Math.round(b.x + b.width) + ' / ' + box.width + ']');
                });
                out.links += svg.querySelectorAll('a[href]').length;
            });
            var first = document.querySelector('figure.grafico svg a[href]');
            if (first) { first.focus(); out.focused = document.activeElement === first; }
            var charts = document.getElementById('grafici'), areas = document.getElementById('aree');
            out.before = !!(charts && areas && (charts.compareDocumentPosition(areas) & Node.DOCUMENT_POSITION_FOLLOWING));
            return JSON.stringify(out);
        """)

    def check_cards():
        # The home's cards at a phone's width: no number wider than its card.
        driver.set_window_size(390, 844)
        result = driver.execute_script("""
            var out = [];
            document.querySelectorAll('.riquadro .punteggio').forEach(function (p) {
                var card = p.closest('.riquadro').getBoundingClientRect(), r = p.getBoundingClientRect();
                if (p.scrollWidth > p.clientWidth + 1 || r.right > card.right + 0.5) out.push(p.textContent + ' ' + p.scrollWidth + '/' + p.clientWidth);
            });
            return JSON.stringify({overflow: out, page: document.documentElement.scrollWidth - document.documentElement.clientWidth});
        """)
        shoot_phone("home-controllo-telefono", height_cap=844)
        driver.set_window_size(1280, 1000)
        return result

    def active_name():
        return driver.execute_script("var e = document.activeElement; return (e.name || '') + '|' + (e.value || '') + '|' + e.tagName")

    def tab_to(predicate, limit):
        for _ in range(limit):
            ActionChains(driver).send_keys(Keys.TAB).perform()
            if predicate(active_name()):
                return True
        return False

    def wait_status(text):
        WebDriverWait(driver, 60).until(lambda d: text in d.find_element(By.ID, "esito-riga").text)
        return driver.find_element(By.ID, "esito-riga").text

    try:
        # The office: its home (its missing items), its rilevazione, entered with the keyboard only.
        log_in(plan["office"], axe=True)
        open_page("/")
        seen["homeUfficio"] = body()
        shoot("home-ufficio")
        open_page(plan["officeForm"])
        shoot("rilevazione")
        shoot_phone("rilevazione-telefono")
        driver.set_window_size(390, 844)
        seen["larghezzaTelefono"] = str(driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
        seen["testataTelefono"] = str(driver.execute_script("return Math.round(document.querySelector('header').getBoundingClientRect().height)"))
        driver.set_window_size(1280, 1000)
        # Keyboard only: from the top of the page, TAB to the value field, type, TAB to the row's «Salva», ENTER.
        driver.find_element(By.TAG_NAME, "body").click()
        field = plan["officeField"]
        seen["tastieraCampo"] = str(tab_to(lambda a: a.startswith(field + "|"), 80))
        ActionChains(driver).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).send_keys(plan["officeValue"]).perform()
        seen["tastieraPulsante"] = str(tab_to(lambda a: a.startswith("salva|" + plan["officeItem"] + "|"), 20))
        ActionChains(driver).send_keys(Keys.ENTER).perform()
        seen["tastieraEsito"] = wait_status("salvata")
        seen["tastieraStessaPagina"] = str(driver.execute_script("return document.activeElement.classList.contains('salva-riga')"))

        # The dirigente: home, then one value changed on the 2013 rilevazione of his area and saved (the row's
        # «Salva», without reloading), then the whole form saved with «Salva tutte le righe».
        log_in(plan["manager"], axe=True)
        open_page("/")
        seen["homeDirigente"] = body()
        shoot("home-dirigente")
        open_page(plan["managerForm"])
        seen["dirigenteAvanzamentoPrima"] = driver.find_element(By.ID, "avanzamento").text
        value = driver.find_element(By.NAME, plan["managerField"])
        value.clear(); value.send_keys(plan["managerValue"])
        value.find_element(By.XPATH, "./ancestor::tr").find_element(By.CSS_SELECTOR, "button.salva-riga").click()
        seen["dirigenteRiga"] = wait_status("salvata")
        seen["dirigenteAvanzamentoDopo"] = driver.find_element(By.ID, "avanzamento").text
        value = driver.find_element(By.NAME, plan["managerField"])
        value.clear(); value.send_keys(plan["managerValueAll"])
        old = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(By.CSS_SELECTOR, "button[value=tutte]").click()
        wait_for_new_page(old)
        seen["dirigenteTutte"] = body()[:4000]
        open_page(plan["managerForm"] + "?mancanti=1")
        seen["dirigenteMancanti"] = driver.find_element(By.ID, "avanzamento").text

        # The controller: home, cruscotto, node, verifiche, registro, Amministrazione from the menu.
        log_in(plan["controller"], axe=True)
        open_page("/")
        seen["homeControllo"] = body()
        shoot("home-controllo")
        seen["schedeTelefono"] = check_cards()
        open_page(plan["cruscotto"])
        seen["grafici"] = check_charts()
        shoot("cruscotto")
        open_page(plan["nodo"])
        shoot("nodo")
        open_page(plan["verifiche"])
        shoot("verifiche")
        open_page("/registro")
        seen["registroMenu"] = driver.find_element(By.CSS_SELECTOR, "nav.menu").text
        shoot("registro")
        driver.find_element(By.LINK_TEXT, "Amministrazione").click()
        WebDriverWait(driver, 60).until(lambda d: "/amministrazione/" in d.current_url)
        seen["amministrazione"] = driver.current_url.replace(base, "")
        check_axe()
        open_page("/enti/lucca/2018/cruscotto?periodo=XYZ")
        seen["periodoSbagliato"] = body()
        open_page("/nessuna/pagina")
        seen["pagina404"] = body()

        # The OIV: what is still to validate.
        log_in(plan["evaluator"], axe=True)
        open_page("/")
        seen["homeOIV"] = body()
        shoot("home-oiv")
        visit_navigation("oiv")

        # The reader: the results.
        log_in(plan["reader"], axe=True)
        open_page("/")
        seen["homeLettore"] = body()
        shoot("home-lettore")
        open_page(plan["albero"])
        visit_navigation("lettore")

        # Every page of the navigation of the other roles, axe on each.
        for role in ["office", "manager", "controller", "administrator"]:
            log_in(plan[role], axe=True)
            visit_navigation(role)
    finally:
        driver.quit()
    print(json.dumps(seen))
    """#
}
