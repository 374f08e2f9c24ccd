/// The OpenAPI 3.1 description of `/api/v1`, written by hand to match `APIRoutes` (the tests check that every
/// path here answers and that every route is here).
public enum OpenAPIDocument {
    public static let yaml = """
        openapi: 3.1.0
        info:
          title: Traguardo API
          version: 1.0.0
          description: >-
            Piano, rilevazioni e punteggi di un Ente-anno del ciclo della performance; inserimento di una
            rilevazione. Autenticazione con token (traguardo user token UTENTE), stesse autorizzazioni delle pagine.
        servers:
          - url: /api/v1
        security:
          - bearer: []
        components:
          securitySchemes:
            bearer:
              type: http
              scheme: bearer
              description: Token creato con «traguardo user token UTENTE»; il database ne conserva solo l'hash SHA-256.
          parameters:
            ente:
              name: ente
              in: path
              required: true
              description: Codice dell'Ente (lucca, pisa, massa-carrara, toscana-nord-ovest).
              schema: {type: string}
            anno:
              name: anno
              in: path
              required: true
              description: Anno del ciclo.
              schema: {type: integer}
          schemas:
            Errore:
              type: object
              required: [errore]
              properties:
                errore: {type: string, description: Il motivo, in italiano.}
            Rilevazione:
              type: object
              description: Una rilevazione di un item in un periodo (i campi del modello Measurement).
              required: [id, itemID, periodID, justifiedDeviation, evidence]
              properties:
                id: {type: string, description: "ITEM@PERIODO"}
                itemID: {type: string}
                periodID: {type: string}
                value: {type: number}
                numerator: {type: number}
                denominator: {type: number}
                done: {type: boolean}
                notComputableReason: {type: string}
                justifiedDeviation: {type: boolean}
                narrative: {type: string}
                evidence: {type: array, items: {type: string}}
                author: {type: string}
                recordedAt: {type: number}
            NuovaRilevazione:
              type: object
              required: [item, periodo]
              properties:
                item: {type: string, description: Id dell'item.}
                periodo: {type: string, description: Codice del periodo (aperto).}
                valore: {type: string, description: "Il valore in italiano: 12,5 · 31/03/2024 · sì · 3/4."}
                motivoNC: {type: string, description: Se presente, la rilevazione è N.C. con questo motivo.}
                scostamentoGiustificato: {type: boolean}
                giustificazione: {type: string, description: Richiesta con scostamentoGiustificato.}
                nota: {type: string, description: La nota descrittiva (che cosa è stato fatto).}
            EsitoRilevazione:
              type: object
              required: [scritte, punteggioEnte]
              properties:
                scritte: {type: integer, description: Rilevazioni scritte (0 se invariata).}
                rilevazione: {$ref: "#/components/schemas/Rilevazione"}
                punteggioItem: {type: string, description: "Il punteggio dell'item come stampato (68,49 o N.C.)."}
                punteggioEnte: {type: string}
            Punteggi:
              type: object
              description: Il piano valutato in ordine d'albero (come traguardo score --format json).
              required: [ente, nomeEnte, anno, metodologia, punteggi]
              properties:
                ente: {type: string}
                nomeEnte: {type: string}
                anno: {type: integer}
                periodo: {type: string}
                metodologia:
                  type: object
                  properties:
                    nome: {type: string}
                    versione: {type: integer}
                punteggi:
                  type: array
                  items:
                    type: object
                    required: [tipo, id, codice, percorso, titolo, livello, mostrato, formula]
                    properties:
                      tipo: {type: string}
                      id: {type: string}
                      codice: {type: string}
                      percorso: {type: string}
                      titolo: {type: string}
                      livello: {type: integer}
                      valore: {type: string, description: Decimale con il punto; assente se N.C.}
                      mostrato: {type: string}
                      nc: {type: string}
                      formula: {type: string}
        paths:
          /enti/{ente}/{anno}/piano:
            get:
              summary: Il piano dell'Ente-anno (albero, obiettivi, indicatori, item, rilevazioni, risorse).
              parameters:
                - $ref: "#/components/parameters/ente"
                - $ref: "#/components/parameters/anno"
              responses:
                "200": {description: Il piano., content: {application/json: {schema: {type: object}}}}
                "401": {description: Token assente o non valido., content: {application/json: {schema: {$ref: "#/components/schemas/Errore"}}}}
                "403": {description: Ente non accessibile all'utente., content: {application/json: {schema: {$ref: "#/components/schemas/Errore"}}}}
                "404": {description: Ciclo inesistente., content: {application/json: {schema: {$ref: "#/components/schemas/Errore"}}}}
          /enti/{ente}/{anno}/rilevazioni:
            get:
              summary: Le rilevazioni dell'Ente-anno.
              parameters:
                - $ref: "#/components/parameters/ente"
                - $ref: "#/components/parameters/anno"
              responses:
                "200": {description: Le rilevazioni., content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Rilevazione"}}}}}
                "401": {description: Token assente o non valido., content: {application/json: {schema: {$ref: "#/components/schemas/Errore"}}}}
                "404": {description: Ciclo inesistente., content: {application/json: {schema: {$ref: "#/components/schemas/Errore"}}}}
            post:
              summary: Inserisce o modifica la rilevazione di un item in un periodo aperto.
              description: >-
                Consentito a chi può inserire le rilevazioni dell'ufficio responsabile dell'item (il suo ufficio, l'area
                del dirigente, il controllo di gestione, l'amministratore); mai all'OIV né al lettore.
              parameters:
                - $ref: "#/components/parameters/ente"
                - $ref: "#/components/parameters/anno"
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: "#/components/schemas/NuovaRilevazione"}}}
              responses:
                "200": {description: Rilevazione scritta e nuovi punteggi., content: {application/json: {schema: {$ref: "#/components/schemas/EsitoRilevazione"}}}}
                "400": {description: Corpo non valido., content: {application/json: {schema: {$ref: "#/components/schemas/Errore"}}}}
                "401": {description: Token assente o non valido., content: {application/json: {schema: {$ref: "#/components/schemas/Errore"}}}}
                "403": {description: Item non di competenza dell'utente o periodo chiuso., content: {application/json: {schema: {$ref: "#/components/schemas/Errore"}}}}
                "404": {description: Ciclo, item o periodo inesistente., content: {application/json: {schema: {$ref: "#/components/schemas/Errore"}}}}
                "422": {description: Valore non leggibile., content: {application/json: {schema: {$ref: "#/components/schemas/Errore"}}}}
          /enti/{ente}/{anno}/punteggi:
            get:
              summary: I punteggi dell'Ente-anno per un periodo (predefinito l'ultimo dell'anno).
              parameters:
                - $ref: "#/components/parameters/ente"
                - $ref: "#/components/parameters/anno"
                - {name: periodo, in: query, required: false, schema: {type: string}}
              responses:
                "200": {description: I punteggi., content: {application/json: {schema: {$ref: "#/components/schemas/Punteggi"}}}}
                "401": {description: Token assente o non valido., content: {application/json: {schema: {$ref: "#/components/schemas/Errore"}}}}
                "404": {description: Ciclo o periodo inesistente., content: {application/json: {schema: {$ref: "#/components/schemas/Errore"}}}}
        """
}
