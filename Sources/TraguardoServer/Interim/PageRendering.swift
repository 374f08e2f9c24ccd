// TEMPORARY: the routes render through this name; until TraguardoWeb's pages are merged it is the interim
// HTML of `InterimPages`.
typealias PageRendering = InterimPages
