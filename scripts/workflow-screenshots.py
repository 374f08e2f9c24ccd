# Rifà le immagini del calendario dell'anno in docs/screenshots/ (home con i compiti, invii e completamento,
# calendario dei periodi) da un server «traguardo demo --serve --port PORTA» appena avviato:
#   python3 scripts/workflow-screenshots.py http://127.0.0.1:PORTA docs/screenshots traguardo-demo
import sys, time, re, urllib.parse
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
base = sys.argv[1]; out = sys.argv[2]
def browser():
    o = webdriver.ChromeOptions()
    for a in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400"]: o.add_argument(a)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
def login(d, user):
    d.get(base + "/login")
    d.find_element(By.NAME, "utente").send_keys(user)
    d.find_element(By.NAME, "password").send_keys(sys.argv[3])
    d.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
def post(d, path, fields):
    d.get(base + "/enti/lucca/2018/invii?periodo=ANNO")
    csrf = d.find_element(By.NAME, "csrf").get_attribute("value")
    fields = dict(fields, csrf=csrf)
    inputs = "".join(f'<input type="hidden" name="{k}" value="{v}">' for k, v in fields.items())
    d.execute_script(f"""var f=document.createElement('form');f.method='post';f.action='{path}';f.innerHTML='{inputs}';document.body.appendChild(f);f.submit();""")
    time.sleep(1)
ctl = browser(); login(ctl, "controllo")
ctl.get(base + "/amministrazione/periodi/lucca/2018")
csrf = ctl.find_element(By.NAME, "csrf").get_attribute("value")
ctl.execute_script(f"""var f=document.createElement('form');f.method='post';f.action='/amministrazione/periodi/lucca/2018/date';f.innerHTML='<input name="csrf" value="{csrf}"><input name="periodo" value="ANNO"><input name="apertura" value="2026-12-01"><input name="scadenza" value="2026-12-20">';document.body.appendChild(f);f.submit();""")
time.sleep(1)
off = browser(); login(off, "ufficio.pers")
post(off, "/enti/lucca/2018/invii", {"ufficio": "PERS", "periodo": "ANNO", "azione": "invia"})
post(ctl, "/enti/lucca/2018/invii", {"ufficio": "PERS", "periodo": "ANNO", "azione": "rinvia", "motivo": "Manca la fonte del dato"})
prog = browser(); login(prog, "ufficio.prog")
prog.get(base + "/"); time.sleep(1); prog.save_screenshot(out + "/home-compiti-ufficio.png")
off.get(base + "/"); time.sleep(1); off.save_screenshot(out + "/home-compiti-rinviato.png")
ctl.get(base + "/"); time.sleep(1); ctl.save_screenshot(out + "/home-compiti-controllo.png")
ctl.get(base + "/enti/lucca/2018/invii?periodo=ANNO"); time.sleep(1); ctl.save_screenshot(out + "/invii-completamento.png")
ctl.get(base + "/amministrazione/periodi/lucca/2018"); time.sleep(1); ctl.save_screenshot(out + "/periodi-calendario.png")
for d in (ctl, off, prog): d.quit()
print("ok")
