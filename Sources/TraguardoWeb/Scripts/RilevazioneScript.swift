/// The only script of the site (`WebRoutes.rilevazioneScript`, allowed by the CSP's `default-src 'self'`):
/// on the rilevazione page, a row's «Salva» (or Enter in a row's field) posts that row alone with `fetch` and
/// puts the row the server answers in place of the old one, with the progress, without reloading the page.
/// Without JavaScript the same buttons post the form and the server answers with the whole page.
public enum RilevazioneScript {
    public static let source = #"""
    (function () {
      "use strict";
      var form = document.querySelector("form.rilevazione");
      if (!form || !window.fetch || !window.FormData || !window.DOMParser) { return; }
      var status = document.getElementById("esito-riga");

      form.addEventListener("keydown", function (event) {
        var field = event.target;
        if (event.key !== "Enter" || field.tagName !== "INPUT" || ["text", "search"].indexOf(field.type) < 0) { return; }
        var row = field.closest("tr.riga");
        var button = row && row.querySelector("button.salva-riga");
        if (!button) { return; }
        event.preventDefault();
        button.click();
      });

      form.addEventListener("click", function (event) {
        var button = event.target.closest("button.salva-riga");
        if (!button) { return; }
        event.preventDefault();
        var row = button.closest("tr.riga");
        var data = new FormData();
        data.append("csrf", form.querySelector("input[name=csrf]").value);
        data.append("salva", button.value);
        row.querySelectorAll("input, textarea, select").forEach(function (element) {
          if (!element.name || element.disabled) { return; }
          if (element.type === "checkbox" && !element.checked) { return; }
          if (element.type === "file") {
            for (var i = 0; i < element.files.length; i++) { data.append(element.name, element.files[i]); }
            return;
          }
          data.append(element.name, element.value);
        });
        button.disabled = true;
        status.textContent = "Salvataggio in corso…";
        fetch(form.action, { method: "POST", body: data, credentials: "same-origin" })
          .then(function (response) { return response.text().then(function (text) { return [response.status, text]; }); })
          .then(function (answer) {
            var page = new DOMParser().parseFromString(answer[1], "text/html");
            var fresh = page.getElementById(row.id);
            if (!fresh) {
              status.textContent = "Salvataggio non riuscito (" + answer[0] + "): ricaricare la pagina.";
              button.disabled = false;
              return;
            }
            var progress = page.getElementById("avanzamento");
            var here = document.getElementById("avanzamento");
            if (progress && here) { here.replaceWith(document.adoptNode(progress)); }
            row.replaceWith(document.adoptNode(fresh));
            var path = fresh.querySelector("th.item a").textContent;
            var wrong = fresh.querySelector("[aria-invalid=true]");
            if (answer[0] === 200 && !wrong) {
              status.textContent = "Item " + path + ": rilevazione salvata.";
              fresh.querySelector("button.salva-riga").focus();
            } else {
              var message = fresh.querySelector(".errore-campo");
              status.textContent = "Item " + path + ": non salvato. " + (message ? message.textContent : "");
              (wrong || fresh.querySelector("input[type=text]")).focus();
            }
          })
          .catch(function () {
            status.textContent = "Salvataggio non riuscito: il server non risponde. Riprovare.";
            button.disabled = false;
          });
      });
    })();
    """#
}
