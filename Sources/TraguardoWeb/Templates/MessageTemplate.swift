/// `MessagePage`.
enum MessageTemplate {
    static let source = """
        {{<layout}}{{$contenuto}}{{#page}}
        <h1>{{title}}</h1>
        <p>{{message}}</p>
        {{#link}}<p><a href="{{href}}">{{label}}</a></p>{{/link}}
        {{/page}}{{/contenuto}}{{/layout}}
        """
}
