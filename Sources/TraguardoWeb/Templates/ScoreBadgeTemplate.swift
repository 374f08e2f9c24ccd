/// The partial `punteggio`: a `ScoreBadge` (the number, then the traffic light by word and colour).
enum ScoreBadgeTemplate {
    static let name = "punteggio"
    static let source = """
        <span class="risultato">{{shown}}</span>{{#hasLight}} <span class="semaforo {{lightClass}}">{{lightLabel}}</span>{{/hasLight}}
        """
}
