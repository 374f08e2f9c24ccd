extension Selenium {
    /// The Python lines every browser script of the server tests starts with, written once: selenium's imports,
    /// `plan` (the JSON of the first argument) and `base`, `driver` (a headless Chromium of the `window` size
    /// through `plan["chromedriver"]`, with its time limits), and the steps every script takes as a person
    /// would: `body`, `wait_ready`, `wait_for_new_page`, `submit`, `log_in` (`plan["password"]`), `open_page`
    /// and `check_axe` (axe-core's serious and critical violations into `seen["axe"]`), `forged_post`, `shoot`
    /// and `shoot_phone` (screenshots into `plan["shots"]` when given). Each script defines `seen`, then its own
    /// steps.
    public static func prelude(
        window: (width: Int, height: Int), pageLoadTimeout: Int, scriptTimeout: Int? = nil, waitSeconds: Int,
        shotHeightCap: Int
    ) -> String {
        """
        import json, os, sys, time
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys
        from selenium.webdriver.support.ui import WebDriverWait

        plan = json.loads(sys.argv[1])
        base = plan["base"]
        window = (\(window.width), \(window.height))
        wait_seconds = \(waitSeconds)
        shot_height_cap = \(shotHeightCap)
        options = webdriver.ChromeOptions()
        for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=%d,%d" % window]:
            options.add_argument(flag)
        for binary in ["/usr/bin/chromium", "/usr/bin/chromium-browser"]:
            if os.path.exists(binary):
                options.binary_location = binary
                break
        # At most two Chromiums at once on this machine, whichever test process starts them: with every browser
        # test of the server suite at once, a 2-core machine starved a renderer past the 60 s page-load limit.
        import fcntl, tempfile
        browser_slot = None
        while browser_slot is None:
            for index in range(max(2, (os.cpu_count() or 2) // 2)):
                candidate = open(os.path.join(tempfile.gettempdir(), "traguardo-chromium-%d.lock" % index), "w")
                try:
                    fcntl.flock(candidate, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    browser_slot = candidate
                    break
                except OSError:
                    candidate.close()
            if browser_slot is None:
                time.sleep(0.2)
        driver = webdriver.Chrome(service=Service(plan["chromedriver"]), options=options)
        driver.set_page_load_timeout(\(pageLoadTimeout))
        \(scriptTimeout.map { "driver.set_script_timeout(\($0))" } ?? "")

        """ + #"""
        def body():
            return driver.find_element(By.TAG_NAME, "body").text

        def wait_ready():
            WebDriverWait(driver, wait_seconds).until(lambda d: d.execute_script("return document.readyState") == "complete")

        def wait_for_new_page(old):
            WebDriverWait(driver, wait_seconds).until(lambda d: d.find_element(By.TAG_NAME, "html") != old)
            wait_ready()

        def submit(form, buttons="button[type=submit]"):
            # The form sent by the last of its buttons that match (by the form itself if none does); the next page's text.
            old = driver.find_element(By.TAG_NAME, "html")
            found = form.find_elements(By.CSS_SELECTOR, buttons)
            if found:
                found[-1].click()
            else:
                form.submit()
            wait_for_new_page(old)
            return body()

        def check_axe():
            # axe.run called directly: the package's own `run` waits forever on this Chromium.
            from axe_selenium_python import Axe
            axe = Axe(driver)
            axe.inject()
            violations = driver.execute_async_script(
                "var done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})"
                ".then(function (r) { done(r.violations); }).catch(function (e) { done([{id: 'axe-errore: ' + e, impact: 'critical', nodes: []}]); });")
            for v in violations:
                if v.get("impact") in ("serious", "critical"):
                    targets = [",".join(n["target"]) for n in v["nodes"][:3]]
                    seen.setdefault("axe", []).append(driver.current_url.replace(base, "") + ": " + v["id"] + " (" + v["impact"] + ") " + "; ".join(targets))

        def open_page(path, axe=True):
            # The page opened and, with `axe`, noted in `seen["pagine"]` and checked by axe-core; its text.
            driver.get(base + path)
            wait_ready()
            if axe:
                seen.setdefault("pagine", []).append(path)
                check_axe()
            return body()

        def log_in(username=None, axe=False):
            # Signed out, then in through the login page (checked by axe with `axe`): name, password, ENTER.
            driver.delete_all_cookies()
            driver.get(base + "/login")
            if axe:
                check_axe()
            user = driver.find_element(By.NAME, "utente")
            user.clear()
            user.send_keys(username or plan["user"])
            password = driver.find_element(By.NAME, "password")
            password.send_keys(plan["password"])
            old = driver.find_element(By.TAG_NAME, "html")
            password.send_keys(Keys.ENTER)
            wait_for_new_page(old)

        def forged_post(path, fields, token=None):
            # A POST no page of this person offers, as a forged or stale form sends it: a CSRF token (the page's
            # own unless given) and the fields; the answer's text.
            token = token or driver.find_element(By.NAME, "csrf").get_attribute("value")
            old = driver.find_element(By.TAG_NAME, "html")
            driver.execute_script("""
                var form = document.createElement('form');
                form.method = 'post'; form.action = arguments[0];
                arguments[1].forEach(function (pair) {
                    var input = document.createElement('input');
                    input.type = 'hidden'; input.name = pair[0]; input.value = pair[1];
                    form.appendChild(input);
                });
                document.body.appendChild(form);
                form.submit();
            """, path, [["csrf", token]] + [[k, v] for k, v in fields.items()])
            wait_for_new_page(old)
            return body()

        def shoot(name, height_cap=None):
            # The page from its top, as tall as it is (up to the cap), into `plan["shots"]`.
            folder = plan.get("shots")
            if not folder:
                return
            driver.set_window_size(*window)
            height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, %d)" % (height_cap or shot_height_cap))
            driver.set_window_size(window[0], max(800, height + 140))
            driver.execute_script("window.scrollTo(0, 0)")
            driver.save_screenshot(os.path.join(folder, name + ".png"))
            driver.set_window_size(*window)

        def shoot_phone(name, height_cap=3000):
            # The page at a phone's width (390 × 844, taller up to the cap).
            folder = plan.get("shots")
            if not folder:
                return
            driver.set_window_size(390, 844)
            height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, %d)" % height_cap)
            driver.set_window_size(390, max(844, height))
            driver.save_screenshot(os.path.join(folder, name + ".png"))
            driver.set_window_size(*window)

        """#
    }
}
