#!/usr/bin/env python3
"""Genera i casi di esempio della Carta dei servizi di Lucca 2018 (casi-2018.csv).

I casi sono inventati, ma scelti perché, contati sul calendario dei giorni lavorativi di Lucca (sabati,
domeniche, festività nazionali con il Lunedì dell'Angelo, San Paolino il 12 luglio) e valutati con le regole
della metodologia, diano riga per riga l'allegato n. 1 stampato (righe 929-1009 del seed 000): 36 processi
computati, TOTALE 3.572, 99,22%. Le medie seguono quelle stampate dove la stampa ne dà una.

    python3 Examples/lucca-2018/casi/genera-casi.py     # riscrive casi-2018.csv, sempre uguale (seme fisso)

Il test ServiceCasesExampleTests ricalcola l'allegato da questo file e lo confronta con quello stampato.
"""
import csv
import datetime as dt
import os
import random

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
YEAR = 2018
PATRON = (7, 12)  # San Paolino
rng = random.Random(2018)


def easter(year):
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


FIXED = {(1, 1), (1, 6), (4, 25), (5, 1), (6, 2), (8, 15), (11, 1), (12, 8), (12, 25), (12, 26), PATRON}


def working(day):
    if day.weekday() >= 5 or (day.month, day.day) in FIXED:
        return False
    return day != easter(day.year) + dt.timedelta(days=1)


def walk(received, days, suspension=None):
    """The day on which a case received on `received` has taken `days` working days, the clock stopped on
    every day of `suspension` (a (from, to) pair)."""
    day, counted = received, 0
    while counted < days:
        day += dt.timedelta(days=1)
        if working(day) and not (suspension and suspension[0] <= day <= suspension[1]):
            counted += 1
    return day


def received_for(days, start=dt.date(YEAR, 1, 2), end=dt.date(YEAR, 12, 31)):
    """A working day from which `days` working days end within the year."""
    while True:
        day = start + dt.timedelta(days=rng.randrange((end - start).days + 1))
        if working(day) and walk(day, days) <= end:
            return day


def durations(count, total, low, high):
    """`count` whole durations in [low, high] summing to `total`."""
    values = [low] * count
    rest = total - low * count
    assert 0 <= rest <= (high - low) * count, (count, total, low, high)
    while rest > 0:
        i = rng.randrange(count)
        if values[i] < high:
            values[i] += 1
            rest -= 1
    return values


def it(day):
    return day.strftime("%d/%m/%Y")


rows = []


def case(service, n, received, closed, suspension=None, channel="", reason=""):
    rows.append({
        "servizio": service, "protocollo": f"{YEAR}/{service}/{n:04d}", "ricevuta": it(received),
        "conclusa": it(closed) if closed else "",
        "sospensioni": f"{it(suspension[0])}-{it(suspension[1])}" if suspension else "",
        "canale": channel, "ritardo giustificato": reason,
    })


def simple(service, days_list, channel=""):
    for n, days in enumerate(days_list, 1):
        received = received_for(days)
        case(service, n, received, walk(received, days), channel=channel)


carta = yaml.safe_load(open(os.path.join(HERE, "..", "carta-dei-servizi.yaml"), encoding="utf-8"))["carta_dei_servizi"]
for row in carta:
    code, standard = row["codice"], int(row["standard_giorni"])
    result = row["risultati"][0]
    if "nc" in result:
        continue  # no case in the year: N.C.
    if code == "3.1.3":
        # 30 gg. reached because the case was suspended to notify the counter-interested party.
        received = dt.date(YEAR, 3, 5)
        suspension = (dt.date(YEAR, 3, 20), dt.date(YEAR, 4, 6))
        case(code, 1, received, walk(received, 30, suspension), suspension)
    elif code == "3.3.1.a":
        # Mediazione: 30 gg (25 with PEC notification); the few late first meetings carry their reason.
        n = 0
        for days in durations(24, 24 * 18, 8, 25):
            n += 1
            received = received_for(days)
            case(code, n, received, walk(received, days), channel="PEC")
        for days in durations(16, 16 * 22, 10, 30):
            n += 1
            received = received_for(days)
            case(code, n, received, walk(received, days), channel="raccomandata")
        for days, channel, reason in [(27, "PEC", "rinvio del primo incontro chiesto dalla parte istante"),
                                      (34, "raccomandata", "irreperibilità della parte invitata, nuova notifica")]:
            n += 1
            received = received_for(days)
            case(code, n, received, walk(received, days), channel=channel, reason=reason)
    elif code == "3.3.1.b":
        # Lodo: 5 procedures; 1 extinct (never concluded), 2 settled (68, 89), 1 award in 77, 1 in 380 with
        # the parties' consent to extend the term → «media di 78 gg su 3 procedure», 100.
        case(code, 1, dt.date(YEAR - 1, 11, 6), None)
        for n, days in [(2, 68), (3, 89), (4, 77)]:
            received = received_for(days, start=dt.date(YEAR - 1, 9, 1))
            case(code, n, received, walk(received, days))
        received = dt.date(YEAR - 1, 6, 5)
        case(code, 5, received, walk(received, 380), reason="proroga del termine con il consenso delle parti (lodo parziale)")
    elif code == "3.3.4":
        # 415 ordinanze, mean 80,36: one issued after 186 days to settle the costs amicably.
        days_list = durations(414, round(80.36 * 415) - 186, 20, 180)
        for n, days in enumerate(days_list, 1):
            received = received_for(days, start=dt.date(YEAR - 1, 4, 1))
            while walk(received, days).year != YEAR:
                received = received_for(days, start=dt.date(YEAR - 1, 4, 1))
            case(code, n, received, walk(received, days))
        received = dt.date(YEAR - 1, 8, 1)
        case(code, 415, received, walk(received, 186),
             reason="emessa dopo 186 gg per ottenere il pagamento in via bonaria delle sole spese di procedimento")
    elif code == "3.3.5.a":
        # Verifica periodica: 78, 56 within 50 gg and 22 beyond → 72.
        simple(code, durations(56, 56 * 31, 5, 50) + durations(22, 22 * 63, 51, 80))
    elif standard == 0 or result.get("testo_rilevato") == "a vista":
        simple(code, [0] * rng.randint(5, 25))
    else:
        measured = str(result.get("giorni_rilevati", standard)).replace(",", ".")
        count = int(result.get("casi_totali") or rng.randint(6, 30))
        if code == "3.2.4":
            # «19 tempo medio 22 tempo massimo».
            simple(code, [22] + durations(count - 1, 19 * count - 22, 12, 22))
        elif "." in measured:
            simple(code, durations(count, round(float(measured) * count), 0 if float(measured) < 2 else 1, standard))
        else:
            # The printed figure is the longest time: one case takes it, the others less.
            longest = int(measured)
            simple(code, [longest] + [rng.randint(max(0, longest // 3), longest) for _ in range(count - 1)])

with open(os.path.join(HERE, "casi-2018.csv"), "w", newline="", encoding="utf-8") as out:
    writer = csv.DictWriter(out, fieldnames=list(rows[0].keys()), delimiter=";", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
print(f"{len(rows)} casi scritti in casi-2018.csv")
