import Foundation
import Testing
import TraguardoCore
@testable import TraguardoExchange
import TraguardoSpreadsheet

/// A plan file that fills every column of every sheet (the examples leave some empty: closures, forced scores,
/// full methodology rules…): the workbook holds each value and gives the same plan file back.
@Suite("Foglio Excel del piano: ogni colonna")
struct PlanWorkbookEveryColumnTests {
    static let plan = #"""
formato: traguardo/1
ente:
  codice: prova
  nome: Camera di Commercio di Prova
  nome_breve: CCIAA Prova
  tipo: camera-di-commercio
  stato: attivo
  codice_fiscale: "80000890464"
  istituito_il: 2022-06-30
  accorpato_da: [lucca, pisa]
  sito: https://www.example.org
  patrono: {santo: San Paolino, giorno: 12, mese: 7}
  chiusure: [{data: 2018-12-24, motivo: chiusura deliberata}, {data: 2018-12-31, motivo: "ponte: uffici chiusi"}]
  fonte: {documento: seeds/prova.txt, righe: "1-12"}
anno: 2018
orizzonte: {da: 2018, a: 2020}
stato_ciclo: rendicontazione
enti_componenti: [lucca, pisa]
totali_dichiarati:
  - {elemento: procedimenti, percentuale: "91,5", testo: "91,5%", fonte: {documento: seeds/prova.txt, righe: "9"}}
periodi:
  - {codice: 30-09, nome: Al 30 settembre, tipo: 30-settembre, inizio: 2018-01-01, fine: 2018-09-30, stato: chiuso}
  - {codice: ANNO, nome: Consuntivo annuale, tipo: annuale, inizio: 2018-01-01, fine: 2018-12-31, stato: aperto}
unita:
  - codice: SG
    nome: Segreteria Generale
    tipo: segreteria-generale
    fonte: {documento: seeds/prova.txt, righe: "3"}
    unita:
      - {codice: PROG, nome: Ufficio Programmazione, tipo: ufficio}
persone:
  - codice: sg
    nome: Mario Rossi
    titolo: Dott.
    email: mario.rossi@example.org
    fonte: {documento: seeds/prova.txt, righe: "4"}
    ruoli:
      - {ruolo: segretario-generale, unita: SG, facente_funzione: true, dal: 2018, al: 2019}
livelli:
  - {livello: 1, tipo: area-strategica, etichetta: Area strategica, schema_codice: "^[A-I]$", esempio: A}
metodologia:
  versione: 2
  atto: dg-1
  regole:
    name: SMVP di prova
    fallbackRule: soglia
    levels:
      - {level: objective, aggregation: media, rounding: tronca, digits: 2, roundBeforeUse: true}
albero:
  - codice: A
    tipo: area-strategica
    titolo: Competitività
    descrizione: "Imprese: più forti"
    responsabile_unita: SG
    responsabile_persona: sg
    missione: "011"
    programma: "005"
    prospettiva: Processi interni
    arco_temporale: 2018-2020
    stato: attivo
    peso: "0,5"
    dichiarato: {percentuale: "98,84", testo: realizzato, punti: 50}
    fonte: {documento: seeds/prova.txt, righe: "20"}
    risorse:
      - {anno: 2018, tipo: oneri, fase: aggiornato, importo: "1.850.000,25", nota: revisione di luglio, fonte: {documento: seeds/prova.txt, righe: "21"}}
    conti:
      - {codice: "330000", padre: "33", descrizione: Interventi economici, natura: costo-esterno, colonna: istituzionale,
         fase: preventivo, importo: "15.000,00", centro_di_costo: CC1, fonte: {documento: seeds/prova.txt, righe: "22"}}
    figli:
      - codice: A1
        tipo: obiettivo-strategico
        titolo: Semplificazione
        indicatori:
          - codice: "1"
            nome: Pratiche evase
            descrizione: Pratiche del registro
            tipologia: efficacia
            regola: proporzionale
            comparatore: ">="
            polarita: crescente
            unita_misura: n.
            algoritmo: evase / ricevute
            numeratore: pratiche evase
            denominatore: pratiche ricevute
            fonte_dati: registro
            frequenza: annuale
            baseline: {valore: "197,33", anno: 2017, testo: "media 2015-2017"}
            peso: 40
            ufficio: PROG
            derivato_da: {tipo: procedimenti, codici: ["6"], altre_fonti: [{tipo: carta-dei-servizi}], arrotondamento: {modo: tronca, cifre: 1}}
            dichiarato: {percentuale: 100, testo: realizzato, punti: 10}
            fonte: {documento: seeds/prova.txt, righe: "30"}
            target:
              - {anno: 2018, periodo: 30-09, applicabile: false, comparatore: ">=", valore: 2, secondo_valore: 4, scadenza: 2018-09-30, testo: "da 2 a 4"}
            item:
              - codice: 3a
                descrizione: Video promozionali
                comparatore: ">="
                valore_target: 2
                scadenza: 2018-12-31
                testo_target: "n. 2 video"
                unita_misura: n.
                regola: proporzionale
                peso: 1
                ufficio: PROG
                fonte: {documento: seeds/prova.txt, righe: "31"}
                rilevazioni:
                  - periodo: ANNO
                    valore: 1
                    data: 2018-04-19
                    fatto: false
                    numeratore: 43
                    denominatore: 47
                    testo: "n. 1 video"
                    nc: non computabile per prova
                    scostamento_giustificato: ritardo dovuto al trasloco
                    forzatura: {punteggio: 100, motivo: deciso dall'OIV, approvato_da: "OIV, verbale n. 3"}
                    narrativa: Un solo video.
                    evidenze: [allegato 3, "allegato 4: foto"]
                    autore: Ufficio Programmazione
                    registrato_il: 2019-01-31T10:00:00Z
                    fonte: {documento: seeds/prova.txt, righe: "32"}
obiettivi:
  - codice: SG-1
    tipo: individuale
    titolo: Coordinamento
    descrizione: Coordinamento dei progetti
    dirigente: sg
    unita: SG
    assegnato_da: dg-1
    peso: 30
    dichiarato: {percentuale: "68,49", punti: 30, testo: "REALIZZATO AL 68,49%"}
    fonte: {documento: seeds/prova.txt, righe: "40"}
    collegamenti: {nodi: [A, A1], obiettivi: [SG-2]}
    indicatori:
      - codice: R
        nome: Realizzazione dichiarata
        target: [{anno: 2018, valore: 100}]
        item:
          - {codice: R1, descrizione: Riepilogo, rilevazioni: [{periodo: ANNO, valore: 99}]}
  - {codice: SG-2, tipo: ente, titolo: Obiettivo di Ente}
conti:
  - {codice: "30", descrizione: RISULTATO GESTIONE CORRENTE, natura: risultato, fase: consuntivo, importo: "-711.687,36"}
carta_dei_servizi:
  - codice: 3.1.1
    sezione: "3.1"
    gruppo: Registro delle imprese
    processo: Iscrizione atti
    uffici: [Registro Imprese, URP]
    indicatore: Tempo di evasione
    standard_giorni: 5
    standard_testo: "5 gg"
    fonte: {documento: seeds/prova.txt, righe: "50"}
    risultati:
      - {anno: 2018, giorni_rilevati: "3,2", testo_rilevato: "3,2 gg", casi_totali: 120, casi_entro_standard: 118, nc: nessuno,
         scostamento_giustificato: true, esito: rispettato, nota: una nota, dichiarato: {percentuale: 100, testo: sì, punti: 1},
         fonte: {documento: seeds/prova.txt, righe: "51"}}
procedimenti:
  - codice: "6"
    nome: Controllo qualità dati RI
    ambito: TRASVERSALE
    coordinatori: [De Blasio, Rossi]
    risultato_atteso: "errore < 5%"
    sistema_di_controllo: a campione
    comparatore: "<"
    valore_target: 5
    fonti: [Registro Imprese]
    fonte: {documento: seeds/prova.txt, righe: "60"}
    risultati:
      - anno: 2018
        valore: 4
        punteggio: 91
        parziali: [{etichetta: Svil.Imp., punteggio: 75}, {etichetta: Brevetti, punteggio: 100}]
        testo: "TOT. 91%"
        nc: nessuno
        dichiarato: {percentuale: 91, testo: "91%", punti: 2}
        fonte: {documento: seeds/prova.txt, righe: "61"}
tabelle_narrative:
  - codice: eventi
    indicatore: A1/1
    anno: 2018
    titolo: Eventi e presenze
    colonne: [Attività, Partecipanti]
    righe: [{etichetta: Visite, valori: [10, 415]}, {etichetta: Sopralluoghi, valori: [13, ~]}]
    totale_stampato: [23, 415]
    fonte: {documento: seeds/prova.txt, righe: "65"}
  - {codice: crm, procedimento: "6", anno: 2018, titolo: Invii, colonne: [Invii], righe: [{etichetta: Primo, valori: [4]}]}
sotto_indicatori:
  - codice: visitatori
    indicatore: A1/1
    anno: 2018
    nome: Visitatori
    valore: 38477
    unita_misura: ingressi
    baseline: 37418
    anno_baseline: 2017
    comparatore: ">="
    variazione_stampata: "2,83"
    dichiarato: {percentuale: 100, testo: "+2,83%", punti: 1}
    fonte: {documento: seeds/prova.txt, righe: "66"}
  - {codice: errore, procedimento: "6", anno: 2018, nome: Errore al primo invio, valore: "3,89", comparatore: "<", valore_target: 5}
atti:
  - codice: dg-1
    organo: Giunta
    tipo: delibera
    numero: "38"
    data: 2018-06-08
    oggetto: Aggiornamento del Piano della performance
    fonte: {documento: seeds/prova.txt, righe: "70"}
    variazioni:
      - {nodo: A, tipo: modifica, descrizione: Nuovo target, campo: target, prima: "2", dopo: "3"}
"""#

    @Test func everyColumnHoldsAValueAndComesBack() throws {
        let plans = try PlanFileReader.read(texts: [("prova.yaml", Self.plan)])
        let plan = try #require(plans.first)
        let sheets = PlanWorkbookWriter.sheets(PlanFileWriter.document(plan))
        for layout in PlanWorkbookLayout.sheets {
            let rows = try #require(sheets.first { $0.name == layout.name }).rows.dropFirst()
            // A methodology is a preset or its full rules: the examples have presets, this plan has rules.
            for (index, column) in layout.columns.enumerated() where !(layout.name == "Metodologia" && column.heading == "Preset") {
                #expect(rows.contains { !$0[index].isEmpty }, "\(layout.name) › \(column.heading): nessun valore")
            }
        }
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let url = scratch.url("prova.xlsx")
        try XLSXWriter.write(sheets, to: url)
        let back = try PlanWorkbookReader.read(url)
        let (before, after) = (try PlanFileWriter.yaml(plan), try PlanFileWriter.yaml(back))
        #expect(after == before, "\(zip(before.split(separator: "\n"), after.split(separator: "\n")).filter { $0 != $1 }.prefix(5))")
        #expect(normalized(back) == normalized(plan))
    }
}
