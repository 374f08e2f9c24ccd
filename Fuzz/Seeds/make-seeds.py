#!/usr/bin/env python3
"""Writes the hostile seed inputs of the fuzz targets into FOLDER/<target>/ (scripts/fuzz calls it).

Each seed is something a reader must refuse in Italian without crashing or hanging: alias bombs, nesting
100,000 levels deep, 5,000-digit numbers, zip bombs, XML entity expansion. The valid examples come from
Examples/ (copied by scripts/fuzz).
"""
import io
import os
import sys
import zipfile

folder = sys.argv[1]


def write(target, name, content):
    os.makedirs(os.path.join(folder, target), exist_ok=True)
    with open(os.path.join(folder, target, name), "wb") as out:
        out.write(content if isinstance(content, bytes) else content.encode("utf-8"))


digits = "1234567890" * 500  # 5,000 digits
head = "formato: traguardo/1\nente: {codice: prova, nome: Camera di prova}\nanno: 2024\nperiodi: trimestri\n"
node = ("albero:\n  - codice: A\n    tipo: area-strategica\n    titolo: Area\n    indicatori:\n"
        "      - codice: \"1\"\n        nome: Indicatore\n        item:\n          - codice: a\n"
        "            descrizione: Item\n            regola: soglia\n            comparatore: \">=\"\n"
        "            valore_target: 90\n            rilevazioni:\n              - {periodo: T1, valore: \"95\"}\n")

# Plan files
write("plan-file", "valido.yaml", head + node)
write("plan-file", "valido.json", '{"formato": "traguardo/1", "ente": {"codice": "prova", "nome": "Prova"}, "anno": 2024, '
      '"periodi": "trimestri", "albero": [{"codice": "A", "tipo": "area-strategica", "titolo": "Area"}]}\n')
laughs = head + "metodologia:\n  regole:\n    a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"    a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 10))
write("plan-file", "alias-bomba.yaml", laughs)
write("plan-file", "alias-chiavi.yaml", "a0: &a0 [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n" + "".join(
    f"a{i}: &a{i} {{? *a{i - 1} : 1, ? [*a{i - 1}] : 2}}\n" for i in range(1, 12)))
write("plan-file", "annidamento-100000.yaml", "albero: " + "[" * 100000 + "]" * 100000 + "\n")
write("plan-file", "annidamento-graffe.json", "{\"a\":" * 20000 + "1" + "}" * 20000 + "\n")
write("plan-file", "annidamento-blocchi.yaml", "albero:\n" + "".join(" " * i + "-\n" for i in range(300)))
write("plan-file", "cifre-5000.yaml", head + node.replace('valore: "95"', "valore: " + digits)
      .replace("valore_target: 90", "valore_target: " + digits + "e99999"))
write("plan-file", "cifre-5000-regole.yaml", head + "metodologia:\n  regole: {arrotondamento: " + digits + "}\n")

# CSV sheets
titles = ("Codice;Obiettivo o nodo;Indicatore;Item;Target;Unità di misura;Valore periodo precedente;Valore;"
          "Motivo N.C.;Scostamento giustificato;Note")
sheet = "\r\n".join(["Scheda di rilevazione;x", "Ente;prova", "Anno;2024", "Periodo;T1", "Ufficio;PROG", "", titles,
                     "A/1/a;Area;Indicatore;Item;>= 90;%;;95;;;nota \"citata\""]) + "\r\n"
write("csv", "scheda.csv", "\ufeff" + sheet)
write("csv", "cifre-5000.csv", sheet.replace(";95;", ";" + digits + ";"))
write("csv", "virgolette-aperte.csv", sheet + "\"" + "x" * 70000)
write("csv", "virgolette-doppie.csv", "\"" + "\"\"" * 30000 + "\"\n")
write("csv", "separatori.csv", "a,b;c\td\n" * 200)


# XLSX workbooks
def xlsx(sheet_xml, shared=None, extra=()):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                   '<sheet name="Scheda" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                   '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                   '</Relationships>')
        z.writestr("xl/sharedStrings.xml", shared or '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                   '<si><t>Codice</t></si><si><t>A/1/a</t></si></sst>')
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        for name, content in extra:
            z.writestr(name, content)
    return buffer.getvalue()


def worksheet(rows):
    return ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            + rows + "</sheetData></worksheet>")


write("xlsx", "scheda.xlsx", xlsx(worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>95</v></c></row>'
                                             '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="inlineStr"><is><t>N.C.</t></is></c></row>')))
write("xlsx", "cifre-5000.xlsx", xlsx(worksheet(f'<row r="1"><c r="A1"><v>{digits}</v></c><c r="B1"><v>1e99999</v></c></row>')))
write("xlsx", "indici-assurdi.xlsx", xlsx(worksheet('<row r="99999999999"><c r="XFD1048577" t="s"><v>99999999999</v></c></row>')))
entities = ('<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">' + "".join(
    f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9))
    + ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&j;</t></si></sst>')
write("xlsx", "entita-a-cascata.xlsx", xlsx(worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), shared=entities))
write("xlsx", "annidamento-100000.xlsx", xlsx(worksheet('<row r="1"><c r="A1"><v>' + "<x>" * 100000 + "</x>" * 100000 + "</v></c></row>")))
# Zip bomb: a sheet of 8 MB of empty rows in 12 kB. (One of 64 MB in 99 kB takes the reader 15 s in a debug
# build, more than the fuzzer's 10 s budget: see docs/fuzzing.md, «Reperti aperti».)
write("xlsx", "bomba-zip.xlsx", xlsx(worksheet("<row/>" * ((8 << 20) // 6))))

# Values as typed
write("italian-value", "valori.txt", "\n".join([
    "1.418.965,00", "-42,79", "99,22%", "4,2 gg", "30 gg.", "€ 15.000,00", "a vista", "31/12/2019", "7 marzo 2013",
    "entro aprile 2013", "entro il 31/12/2013", "sì", "no", "realizzato", "N.C.", "43/47", "3/0", "#DIV/0!", "98.99",
    "1e99999", "-0", "0,0000000000000000000000000000000000000001"]))
write("italian-value", "cifre-5000.txt", digits + "\n" + digits + "," + digits + "\n" + digits + "/" + digits + "\n"
      + "1." + ".".join(["000"] * 1700) + "\n" + digits + "e" + digits)
